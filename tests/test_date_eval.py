"""The date scorer, the shipped annotations (labels only), and the Recognizers-Text peer score."""
import re

import pandas as pd
import pytest

from analysis.config import ROOT
from analysis.date_eval import evaluate_dates, locate_annotations, read_annotations
from analysis.dates import extract_dates

ANT_COMMIT = "f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8"
#: Arabic words the labels may hold besides the date expression: date modifiers.
DATE_WORDS = {"الماضي", "المقبل", "الجاري", "الحالي", "غداً", "منذ", "سـ", "سوف", "مهلة", "حتى", "أمس", "اليوم"}


def test_scores_count_names_as_wrong_days_and_misses_as_misses():
    text = "قالت صحيفة المصري اليوم إن الوفد وصل الأحد، وسيعود في 3 أيار/مايو المقبل"
    gold = pd.DataFrame({
        "doc_id": ["a"] * 3, "expression": ["المصري اليوم", "الأحد", "3 أيار/مايو المقبل"], "occurrence": [1, 1, 1],
        "kind": ["not_a_date", "weekday", "month_day"], "date": ["", "2021-11-07", "2022-05-03"],
        "grain": ["", "day", "day"], "required": ["no", "yes", "yes"]})
    good = extract_dates(text, "2021-11-08", doc_id="a")
    result = evaluate_dates(good, gold, {"a": text})
    assert (result["recall"], result["day_right"], result["day_wrong"]) == (1.0, 2, 0)
    # an extractor that reads the outlet's name as "today" and misses the month
    today, sunday = text.index("اليوم"), text.index("الأحد")
    bad = pd.DataFrame({"doc_id": ["a", "a"], "start": [today, sunday], "end": [today + 5, sunday + 5],
                        "date": ["2021-11-08", "2021-11-07"], "grain": ["day", "day"]})
    result = evaluate_dates(bad, gold, {"a": text})
    assert (result["found"], result["n_required"], result["day_right"], result["day_wrong"]) == (1, 2, 1, 1)
    assert result["missed"].expression.tolist() == ["3 أيار/مايو المقبل"]
    assert result["wrong_days"].gold_kind.tolist() == ["not_a_date"]


def test_an_annotation_that_is_not_in_its_text_is_an_error():
    gold = pd.DataFrame({"doc_id": ["a"], "expression": ["الأحد"], "occurrence": [2]})
    with pytest.raises(ValueError, match="occurrence 2"):
        locate_annotations(gold, {"a": "وصل الأحد"})


def test_the_ant_annotations_hold_labels_only():
    gold = read_annotations("ant")
    assert gold.groupby("split").doc_id.nunique().to_dict() == {"dev": 20, "heldout": 20}
    assert set(gold.commit) == {ANT_COMMIT}
    assert gold.groupby("doc_id").source_path.nunique().eq(1).all()
    assert gold.source_path.str.match(r"^[A-Za-z0-9]+/[A-Za-z]+/[A-Za-z0-9-]+\.txt$").all()
    assert gold.expression.str.len().max() <= 40
    for column in ("tense_cue", "note"):
        words = {w for value in gold[column] for w in re.findall(r"[\u0600-\u06FF]+", value)}
        assert words <= DATE_WORDS, words - DATE_WORDS
    assert set(gold.kind) <= {"explicit", "month_day", "weekday", "relative", "year", "month", "hijri", "generic",
                              "not_a_date"}


def test_the_seed_annotation_matches_the_seeds(seeds):
    gold = read_annotations("seeds")
    located = locate_annotations(gold, dict(zip(seeds.doc_id, seeds.text)))
    assert len(located) == len(gold) and set(gold.doc_id) <= set(seeds.doc_id)


@pytest.mark.skipif(not (ROOT.parent / "shared" / "peer_tests" / "recognizers_text_datetime_ar").exists(),
                    reason="../shared/peer_tests is not beside this clone")
def test_recognizers_full_dates_stay_above_the_old_rate(load_script):
    """The share of Recognizers-Text's Arabic DateParser cases with a full expected date that
    extract_dates resolves to it: 78 % before years in words and tense; 82 % now."""
    score = load_script("score_dates")
    rows = score.score_peer(score.PEER_CASES)["full"]
    assert sum(r[3] for r in rows) / len(rows) > 0.80
