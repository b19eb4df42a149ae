"""Publication dates: metadata values read ISO first then day-first, and dates inferred
from the other articles of a corpus (small corpora written for these tests, and the seeds)."""
import datetime as dt

import matplotlib
import pandas as pd
import pytest

from analysis.dates import dates_table
from analysis.pubdates import parse_date, printed_date, publication_dates
from analysis.timeline_marks import hollow_markers

matplotlib.use("Agg")


@pytest.mark.parametrize("text, date", [
    ("عنوان\nالاثنين 2021/11/08\nبغداد - ذكرت", "2021-11-08"),
    ("عنوان\nالاثنين ٨/١١/٢٠٢١\nبغداد - ذكرت", "2021-11-08"),       # Arabic-Indic digits pass the digit filter
    ("عنوان\nبغداد - ذكرت مصادر\nوقال\n\nآخر سطر 7/3/2018", "2018-03-07"),
    ("عنوان\nالاثنين الثامن من تشرين الثاني\nبغداد - ذكرت", ""),    # no numeric date: nothing printed
])
def test_printed_date_reads_numeric_dates_of_the_header(text, date):
    assert printed_date(text)[0] == date


@pytest.mark.parametrize("value, dayfirst, date, note", [
    ("2021-11-08", True, dt.date(2021, 11, 8), ""),
    ("2021-11-08T22:15:00+03:00", True, dt.date(2021, 11, 8), ""),
    ("2021/11/08", False, dt.date(2021, 11, 8), ""),                # year first is never day- or month-first
    ("08/11/2021", True, dt.date(2021, 11, 8), "ambiguous: read day-first"),
    ("08/11/2021", False, dt.date(2021, 8, 11), "ambiguous: read month-first"),
    ("٠٨/١١/٢٠٢١", True, dt.date(2021, 11, 8), "ambiguous: read day-first"),
    ("23-11-2020", None, dt.date(2020, 11, 23), ""),                # only one reading is a date
    ("8 نوفمبر 2021", True, dt.date(2021, 11, 8), ""),
    ("Nov 8, 2021", True, dt.date(2021, 11, 8), ""),
    ("", True, None, ""),
    (None, True, None, ""),
])
def test_metadata_dates_are_read_iso_first_then_day_first(value, dayfirst, date, note):
    assert parse_date(value, dayfirst=dayfirst) == (date, note)


@pytest.mark.parametrize("value, dayfirst, says", [
    ("11/23/2020", True, "not a day-first date"),                   # never swapped silently
    ("23/11/2020", False, "not a month-first date"),
    ("08/11/2021", None, "ambiguous"),
    ("قريبا", True, "not a date"),
    ("2021-02-30", True, "not a date"),
])
def test_unreadable_or_ambiguous_metadata_is_reported_not_guessed(value, dayfirst, says):
    date, note = parse_date(value, dayfirst=dayfirst)
    assert date is None and says in note


def test_the_metadata_report_reaches_the_table():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["وصل الوفد الأحد"] * 3,
                           "publication_date": ["08/11/2021", "11/23/2020", "2021-11-08"]})
    pubs = publication_dates(corpus, infer=False).set_index("doc_id")
    assert pubs.loc["a", "publication_date"] == "2021-11-08" and "day-first" in pubs.loc["a", "note"]
    assert pubs.loc["b", "publication_date"] == "" and "not a day-first date" in pubs.loc["b", "note"]
    assert pubs.loc["c", ["publication_date", "confidence", "note"]].tolist() == ["2021-11-08", 1.0, ""]
    table = dates_table(corpus, infer=False)
    assert table.date.tolist() == ["2021-11-07", "", "2021-11-07"]


# --- inference, on articles written for this test ------------------------------------------------

DATED = ("عمّان - وصل وزير الخارجية التركي مولود جاويش أوغلو مساء الجمعة إلى العاصمة الأردنية في زيارة رسمية، "
         "والتقى فور وصوله نظيره الأردني أيمن الصفدي لبحث ملف اللاجئين السوريين والمعابر الحدودية.\n"
         "وكانت الحكومة الأردنية قد أعلنت الأربعاء الماضي خطة لإعادة فتح معبر جابر.")
FROM_YESTERDAY = ("قال مصدر دبلوماسي إن جاويش أوغلو وصل إلى عمّان مساء أمس والتقى فور وصوله الصفدي، "
                  "وبحث الوزيران ملف اللاجئين السوريين والمعابر الحدودية.")
FROM_WEEKDAY = ("أكد وزير الخارجية الأردني أيمن الصفدي اليوم الأحد أن بلاده ترحب بالتعاون مع أنقرة.\n"
                "وكان الصفدي قد استقبل مساء الجمعة نظيره التركي جاويش أوغلو في عمّان وبحث معه ملف "
                "اللاجئين السوريين والمعابر الحدودية.")
UNRELATED = "ارتفعت أسعار الذهب في الأسواق العالمية أمس بعد تراجع الدولار."


def corpus_of(**texts):
    dates = {"dated": "2019-03-16"}
    return pd.DataFrame({"doc_id": list(texts), "text": list(texts.values()),
                         "publication_date": [dates.get(k, "") for k in texts]})


def test_a_relative_day_about_an_anchored_event_dates_the_article():
    pubs = publication_dates(corpus_of(dated=DATED, later=FROM_YESTERDAY)).set_index("doc_id")
    # the dated article puts the arrival on Friday evening (15 March): "مساء أمس" is written on the 16th
    assert pubs.loc["later", "publication_date"] == "2019-03-16"
    assert pubs.loc["later", "date_source"].startswith("inferred: «مساء أمس» = dated's «مساء الجمعة» 2019-03-15")
    assert 0 < pubs.loc["later", "confidence"] < 1


def test_a_weekday_of_the_present_narrows_a_week_to_a_day():
    pubs = publication_dates(corpus_of(dated=DATED, sunday=FROM_WEEKDAY)).set_index("doc_id")
    assert pubs.loc["sunday", "publication_date"] == "2019-03-17"
    assert "«اليوم الأحد»" in pubs.loc["sunday", "date_source"]


def test_a_weekday_window_without_a_weekday_of_the_present_is_a_window_not_a_date():
    text = "وكان الصفدي قد استقبل مساء الجمعة نظيره التركي جاويش أوغلو في عمّان وبحث معه ملف اللاجئين السوريين والمعابر الحدودية."
    pubs = publication_dates(corpus_of(dated=DATED, week=text)).set_index("doc_id")
    assert pubs.loc["week", ["publication_date", "earliest", "latest"]].tolist() == ["", "2019-03-15", "2019-03-21"]
    assert "between 2019-03-15 and 2019-03-21" in pubs.loc["week", "date_source"]


def test_without_evidence_an_article_stays_undated_and_nothing_is_inferred_when_asked_not_to():
    corpus = corpus_of(dated=DATED, gold=UNRELATED, later=FROM_YESTERDAY)
    pubs = publication_dates(corpus).set_index("doc_id")
    assert pubs.loc["gold", "publication_date"] == "" and pd.isna(pubs.loc["gold", "confidence"])
    assert "not enough evidence" in pubs.loc["gold", "date_source"]
    assert publication_dates(corpus, infer=False).set_index("doc_id").loc["later", "publication_date"] == ""


def test_dates_are_resolved_against_inferred_dates_and_say_so():
    table = dates_table(corpus_of(dated=DATED, later=FROM_YESTERDAY))
    row = table[(table.doc_id == "later") & (table.expression == "مساء أمس")].iloc[0]
    assert row.date == "2019-03-15" and row.reference == "2019-03-16"
    assert row.reference_source.startswith("inferred: ") and "(confidence 0." in row.reference_source


# --- the seeds ---------------------------------------------------------------------------------------

def test_seeds_002_and_003_are_dated_by_inference(seeds):
    pubs = publication_dates(seeds).set_index(seeds.doc_id.str[:3])
    assert pubs.loc["000", ["publication_date", "confidence"]].tolist() == ["2021-11-08", 1.0]
    assert pubs.loc["001", "publication_date"] == "2020-11-23"
    assert pubs.loc["000", "date_source"].startswith("printed")
    for doc in ("002", "003"):
        assert pubs.loc[doc, "publication_date"] == "2021-11-08"
        assert pubs.loc[doc, "date_source"].startswith("inferred: ")
    assert "«اليوم الاثنين»" in pubs.loc["003", "date_source"]
    # 004 says nothing relative to its own day: undated
    assert pubs.loc["004", ["publication_date", "earliest", "latest"]].tolist() == ["", "", ""]


def test_timeline_rings_mark_dates_resolved_against_an_inferred_date(seeds):
    table = dates_table(seeds)
    days = table[(table.grain == "day") & (table.date != "")].assign(
        doc=lambda d: d.doc_id.str[:3],
        inferred=lambda d: d.uses_reference & d.reference_source.str.startswith("inferred"))
    from analysis.plotting import plot_timeline

    ax = plot_timeline(days, date="date", group="doc", groups=["000", "001", "002", "003", "004"])
    ax = hollow_markers(ax, days, date="date", group="doc", hollow="inferred",
                        groups=["000", "001", "002", "003", "004"], note="note")
    hollow = [c for c in ax.collections if len(c.get_facecolor()) == 0]
    filled = [c for c in ax.collections if len(c.get_facecolor())]
    # lanes 002 and 003 (x = 2 and 1; the first lane is on the right) are rings, 000 and 001 dots
    assert {int(c.get_offsets()[0][0]) for c in hollow} == {1, 2}
    assert {int(c.get_offsets()[0][0]) for c in filled} == {3, 4}
    assert any(t.get_text() == "note" for t in ax.texts)
