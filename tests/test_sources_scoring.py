"""Scoring against a hand annotation: a match names the gold's speaker, at its place."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.config import SEEDS_DIR
from analysis.sources import GOLD_ANT_DEV2_PATH, GOLD_ANT_PATH, GOLD_ANT_TEST3_PATH, GOLD_SNN_DEV3_PATH, GOLD_SNN_TEST4_PATH, GOLD_TEST5_PATH, GOLD_TEST6_PATH, GOLD_TEST7_PATH, GOLD_DEV7_PATH, GOLD_SEEDS_PATH, GOLD_SNN_PATH, SOURCE_TYPES, evaluate_sources, extract_sources, load_gold

TEXT = "وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيئ. وأفادت مصادر أمنية بأن الوضع هادئ."


def gold(*rows):
    columns = ["doc_id", "cue_text", "cue", "source", "head", "source_type", "via", "required"]
    return pd.DataFrame([dict(zip(columns, ["a", *row])) for row in rows])


def score(text, annotation):
    return evaluate_sources(extract_sources(text, doc_id="a"), annotation, texts={"a": text})


def test_a_match_names_the_gold_head():
    result = score(TEXT, gold(("وقال الرئيس", "قال", "الرئيس الأمريكي دونالد ترامب", "ترامب", "named_person_or_body",
                               "", "yes")))
    assert (result["tp"], result["fp"], result["n_required"]) == (1, 1, 1)
    assert result["spurious"].reason.tolist() == ["no_attribution"]


def test_a_title_alone_does_not_match_a_named_speaker():
    text = "وقال الرئيس إن الاتفاق سيئ."
    result = score(text, gold(("وقال الرئيس", "قال", "الرئيس الأمريكي دونالد ترامب", "ترامب", "named_person_or_body",
                               "", "yes")))
    assert result["tp"] == 0 and result["spurious"].reason.tolist() == ["other_speaker"]


def test_a_span_that_runs_on_is_wrong():
    predicted = extract_sources("وقال ترامب إن الاتفاق سيئ.", doc_id="a")
    predicted.loc[0, "source"] = "ترامب خلال الاجتماع"
    result = evaluate_sources(predicted, gold(("وقال ترامب", "قال", "ترامب", "ترامب", "named_person_or_body", "",
                                                "yes")), texts={"a": "وقال ترامب إن الاتفاق سيئ."})
    assert result["tp"] == 0 and result["spurious"].reason.tolist() == ["runs_on"]


def test_a_continuation_is_placed_at_its_own_cue():
    # «وأضاف» continues the minister; the gold has no row there, only one at «وأكد الوزير»
    # between the antecedent and the continuation, which the system missed: the
    # continuation may not take that row (its antecedent's words lie before it)
    text = "وقال الوزير إن الوضع صعب. وأكد الوزير أن الحل قريب. وأضاف أن الاتفاق ممكن."
    predicted = extract_sources(text, doc_id="a")
    predicted = predicted[predicted.cue_text != "وأكد"].reset_index(drop=True)
    assert predicted.resolved.tolist() == ["explicit", "coreference"]
    result = evaluate_sources(predicted, gold(("وقال الوزير", "قال", "الوزير", "الوزير", "named_person_or_body", "",
                                               "yes"),
                                              ("وأكد الوزير", "أكد", "الوزير", "الوزير", "named_person_or_body", "",
                                               "yes")), texts={"a": text})
    assert (result["tp"], result["fp"]) == (1, 1)
    assert result["missed"].cue_text.tolist() == ["وأكد الوزير"]
    assert result["spurious"].reason.tolist() == ["no_attribution"]


def test_optional_rows_are_neither_right_nor_wrong_and_traps_are_wrong():
    text = "وقال ترامب إن الاتفاق سيئ. وفق الدستور، يبقى الرئيس."
    result = score(text, gold(("وقال ترامب", "قال", "ترامب", "ترامب", "named_person_or_body", "", "no")))
    assert (result["tp"], result["fp"], result["neutral"], result["n_required"]) == (0, 0, 1, 0)
    predicted = pd.DataFrame({"doc_id": ["a"], "source": ["الدستور"], "source_entity": ["الدستور"],
                              "source_type": ["named_person_or_body"], "start": [30], "end": [37],
                              "cue_start": [26], "cue_end": [29], "via": [""], "resolved": ["explicit"]})
    trap = gold(("وفق الدستور", "وفق", "الدستور", "الدستور", "not_source", "", "no"))
    assert evaluate_sources(predicted, trap, texts={"a": text})["spurious"].reason.tolist() == ["trap"]


def test_each_gold_row_is_matched_once_and_types_are_scored():
    result = score(TEXT, gold(("وقال الرئيس", "قال", "الرئيس الأمريكي دونالد ترامب", "ترامب", "named_person_or_body",
                               "", "yes"),
                              ("وأفادت مصادر", "أفاد", "مصادر أمنية", "مصادر", "anonymous", "", "yes")))
    assert (result["precision"], result["recall"], result["type_accuracy"]) == (1.0, 1.0, 1.0)
    by_type = result["by_type"].set_index("source_type")
    assert by_type.loc["anonymous", "found"] == 1 and by_type.loc["named_outlet", "gold"] == 0


def test_the_seed_annotation():
    table = load_gold(GOLD_SEEDS_PATH)
    assert len(table) == 90 and (table.required == "yes").sum() == 77
    assert table.cue_start.notna().all()
    assert set(table.source_type) <= {"named_outlet", "unnamed_outlet", "named_person_or_body", "anonymous",
                                      "not_source"}


def test_the_shipped_ant_annotation_has_labels_and_provenance_but_no_article_text():
    table = load_gold(GOLD_ANT_PATH)
    assert "sentence" not in table.columns
    assert table.groupby("split").doc_id.nunique().to_dict() == {"dev": 20, "heldout": 20}
    assert set(table.commit) == {"f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8"}
    assert all(path.endswith(doc + ".txt") for path, doc in zip(table.source_path, table.doc_id))
    assert (table.cue_end - table.cue_start == table.cue_text.str.len()).all()
    assert table.cue_text.str.len().max() <= 120 and (table.required == "yes").sum() == 477


def test_the_second_ant_annotation_follows_its_file_list():
    table = load_gold(GOLD_ANT_DEV2_PATH)
    files = (GOLD_ANT_DEV2_PATH.parent / "sources_ant_dev2_files.txt").read_text(encoding="utf-8").split()
    assert "sentence" not in table.columns and set(table.split) == {"dev2"}
    assert set(table.source_path) == set(files) and table.doc_id.nunique() == 25
    assert set(table.commit) == {"f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8"}
    assert all(path.endswith(doc + ".txt") for path, doc in zip(table.source_path, table.doc_id))
    assert not set(table.doc_id) & set(load_gold(GOLD_ANT_PATH).doc_id)      # other articles than the first 40
    assert (table.cue_end - table.cue_start == table.cue_text.str.len()).all()
    assert set(table.source_type) <= {*SOURCE_TYPES, "not_source"} and set(table.required) == {"yes", "no"}
    assert not ((table.source_type == "not_source") & (table.required == "yes")).any()


@pytest.mark.parametrize("column", ["doc_id", "head", "required"])
def test_an_annotation_without_a_needed_column_is_refused(tmp_path, column):
    path = tmp_path / "gold.csv"
    load_gold(GOLD_SEEDS_PATH).drop(columns=column).to_csv(path, index=False)
    with pytest.raises(ValueError, match=column):
        load_gold(path)


def test_the_shipped_snn_annotation_follows_its_file_list_and_split():
    table = load_gold(GOLD_SNN_PATH)
    files = pd.read_csv(GOLD_SNN_PATH.parent / "sources_snn_files.csv", dtype=str)
    assert "sentence" not in table.columns
    assert set(table.commit) == set(files.commit) == {"4e39239966c2ae8a3faa591201acb9cd1f51199d"}
    split = dict(zip(files.doc_id, files.split))
    assert set(table.doc_id) <= set(split) and (table.split == table.doc_id.map(split)).all()
    assert files.groupby("split").doc_id.nunique().to_dict() == {"dev": 48, "heldout": 48}
    assert (table.cue_end - table.cue_start == table.cue_text.str.len()).all()
    assert set(table.source_type) <= {*SOURCE_TYPES, "not_source"}
    assert set(table.required) == {"yes", "no"}
    assert not ((table.source_type == "not_source") & (table.required == "yes")).any()


def test_an_annotation_read_as_an_extractor_agrees_with_itself_and_loses_what_it_drops(load_script):
    gold = load_gold(GOLD_SEEDS_PATH)
    reader = load_script("annotation_agreement")
    same = evaluate_sources(reader.as_predictions(gold), gold)
    assert (same["precision"], same["recall"]) == (1.0, 1.0)
    required = gold.index[gold.required == "yes"]
    fewer = gold.drop(index=required[:7])
    partial = evaluate_sources(reader.as_predictions(fewer), gold)
    assert partial["precision"] == 1.0 and partial["tp"] == len(required) - 7


def test_the_second_reading_covers_held_out_snn_articles_only():
    second = load_gold(GOLD_SNN_PATH.parent / "sources_snn_second_read.csv")
    files = pd.read_csv(GOLD_SNN_PATH.parent / "sources_snn_files.csv", dtype=str)
    held = set(files.doc_id[files.split == "heldout"])
    assert second.doc_id.nunique() == 16 and set(second.doc_id) <= held
    assert (second.cue_end - second.cue_start == second.cue_text.str.len()).all()
    assert set(second.commit) == set(files.commit)


@pytest.mark.parametrize("path, files, split, articles", [
    (GOLD_ANT_TEST3_PATH, "sources_ant_test3_files.txt", "test3", 20),
    (GOLD_SNN_DEV3_PATH, "sources_snn_dev3_files.csv", "dev3", 24),
    (GOLD_SNN_TEST4_PATH, "sources_snn_test4_files.csv", "test4", 36),
])
def test_the_later_annotations_follow_their_file_lists(path, files, split, articles):
    table = load_gold(path)
    listed = (path.parent / files).read_text(encoding="utf-8").split()
    listed = set(listed) if files.endswith(".txt") else {line.split(",")[3] for line in listed[1:]}
    assert set(table.split) == {split} and table.doc_id.nunique() == articles
    assert set(table.source_path) == listed
    assert (table.cue_end - table.cue_start == table.cue_text.str.len()).all()
    assert set(table.source_type) <= {*SOURCE_TYPES, "not_source"} and set(table.required) == {"yes", "no"}
    assert not ((table.source_type == "not_source") & (table.required == "yes")).any()
    earlier = set(load_gold(GOLD_ANT_PATH).doc_id) | set(load_gold(GOLD_ANT_DEV2_PATH).doc_id) | \
        set(load_gold(GOLD_SNN_PATH).doc_id) | (set(load_gold(GOLD_SNN_DEV3_PATH).doc_id) if split == "test4" else set())
    assert not set(table.doc_id) & earlier                          # articles new to the project


#: The samples of both corpora: (annotation, split, articles, annotations drawn before it).
BOTH_CORPORA_SAMPLES = [
    (GOLD_TEST5_PATH, "test5", 24, ()),
    (GOLD_TEST6_PATH, "test6", 21, (GOLD_TEST5_PATH,)),
    (GOLD_DEV7_PATH, "dev7", 39, (GOLD_TEST5_PATH, GOLD_TEST6_PATH)),
    (GOLD_TEST7_PATH, "test7", 22, (GOLD_TEST5_PATH, GOLD_TEST6_PATH, GOLD_DEV7_PATH)),
]


@pytest.mark.parametrize("path, split, articles, before", BOTH_CORPORA_SAMPLES)
def test_samples_of_both_corpora_follow_their_file_lists_and_are_new(path, split, articles, before):
    table = load_gold(path)
    ant = set((path.parent / f"sources_{split}_ant_files.txt").read_text(encoding="utf-8").split())
    snn = pd.read_csv(path.parent / f"sources_{split}_snn_files.csv", dtype=str)
    assert set(table.split) == {split} and table.doc_id.nunique() == len(ant) + len(snn) == articles
    assert set(table.source_path) == ant | set(snn.source_path)
    assert (table.cue_end - table.cue_start == table.cue_text.str.len()).all()
    assert set(table.source_type) <= {*SOURCE_TYPES, "not_source"} and set(table.required) == {"yes", "no"}
    assert not ((table.source_type == "not_source") & (table.required == "yes")).any()
    assert all(h in s for h, s, t in zip(table["head"], table["source"], table.source_type) if t != "not_source")
    earlier = set().union(*(set(load_gold(p).doc_id) for p in (
        GOLD_ANT_PATH, GOLD_ANT_DEV2_PATH, GOLD_ANT_TEST3_PATH, GOLD_SNN_PATH, GOLD_SNN_DEV3_PATH, GOLD_SNN_TEST4_PATH,
        *before)))
    assert not set(table.doc_id) & earlier                          # articles new to the project


def test_the_test4_second_read_covers_twelve_of_its_articles():
    second = load_gold(GOLD_SNN_TEST4_PATH.parent / "sources_snn_test4_second_read.csv")
    first = load_gold(GOLD_SNN_TEST4_PATH)
    assert second.doc_id.nunique() == 12 and set(second.doc_id) < set(first.doc_id) and set(second.split) == {"test4"}
    assert (second.cue_end - second.cue_start == second.cue_text.str.len()).all()
    assert set(second.commit) == set(first.commit)
    assert set(second.source_type) <= {*SOURCE_TYPES, "not_source"} and set(second.required) == {"yes", "no"}


def test_the_dev3_second_read_covers_its_first_half():
    second = load_gold(GOLD_SNN_DEV3_PATH.parent / "sources_snn_dev3_second_read.csv")
    first = load_gold(GOLD_SNN_DEV3_PATH)
    assert second.doc_id.nunique() == 12 and set(second.doc_id) < set(first.doc_id)


def test_the_row_filter_experiment_labels_rows_as_the_scorer_does(load_script, monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "scripts"))
    experiment = load_script("row_filter_experiment")
    gold = load_gold(GOLD_SEEDS_PATH)
    rows = experiment.labelled_rows(SEEDS_DIR, gold)
    texts = {d: (SEEDS_DIR / f"{d}.txt").read_text(encoding="utf-8") for d in sorted(set(gold.doc_id))}
    result = evaluate_sources(pd.concat([extract_sources(t, doc_id=d) for d, t in texts.items()], ignore_index=True),
                              gold)
    assert ((rows.label == 1).sum(), (rows.label == 0).sum(), (rows.label == -1).sum()) == \
        (result["tp"], result["fp"], result["neutral"])
    assert rows["log_gap"].ge(0).all() and rows.filter(like="resolved=").sum(axis=1).eq(1).all()
    X, y = np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0.0, 0.0, 1.0, 1.0])
    w = experiment.fit(X, y, l2=0.01)
    assert (X[:, 0] * w[0] + w[1] > 0).tolist() == [False, False, True, True]
