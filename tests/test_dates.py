"""Date extraction on the seeds and on varied sentences written for these tests.

Cases marked "Recognizers-Text" are copied from microsoft/Recognizers-Text,
Specs/DateTime/Arabic/DateParser.json (MIT licence, see
../shared/peer_tests/recognizers_text_datetime_ar/LICENSE.upstream).
"""
import pandas as pd
import pytest

from analysis.dates import dates_table, extract_dates, publication_dates

REF = "2021-11-08"   # a Monday


def found(text, reference=REF):
    table = extract_dates(text, reference)
    return [(e, k, d) for e, k, d in zip(table.expression, table.kind, table.date)]


@pytest.mark.parametrize("text, expression, date", [
    # numeric, any digits
    ("نشر في 2021/11/08 على الموقع", "2021/11/08", "2021-11-08"),
    ("بتاريخ 23/11/2020", "23/11/2020", "2020-11-23"),
    ("بتاريخ ٢٣/١١/٢٠٢٠", "٢٣/١١/٢٠٢٠", "2020-11-23"),
    ("بتاريخ 05-03-2019", "05-03-2019", "2019-03-05"),
    ("بتاريخ 5.3.2019", "5.3.2019", "2019-03-05"),
    # day + month name, both series, combined, ordinal, with and without year
    ("في 10 أكتوبر/تشرين الأول", "10 أكتوبر/تشرين الأول", "2021-10-10"),
    ("جرت في 12 حزيران 2014", "12 حزيران 2014", "2014-06-12"),
    ("في ١٥ كانون الثاني ٢٠٢٠", "١٥ كانون الثاني ٢٠٢٠", "2020-01-15"),
    ("التي جرت في العاشر من أكتوبر الماضي", "العاشر من أكتوبر الماضي", "2021-10-10"),
    ("في الحادي والعشرين من أيار", "الحادي والعشرين من أيار", "2021-05-21"),
    ("في 3 شباط المقبل", "3 شباط المقبل", "2022-02-03"),
    ("في 20 ديسمبر", "20 ديسمبر", "2020-12-20"),            # without a year: the past one
    ("في العاشر من الشهر الماضي", "العاشر من الشهر الماضي", "2021-10-10"),
    # weekdays, dayparts, clitics
    ("وصل مساء الأحد", "مساء الأحد", "2021-11-07"),
    ("وقعت الجمعة الماضية", "الجمعة الماضية", "2021-11-05"),
    ("ذكرت الاثنين", "الاثنين", "2021-11-08"),
    ("منذ الاثنين الماضي", "الاثنين الماضي", "2021-11-01"),
    ("والأحد المقبل موعد الجلسة", "والأحد المقبل", "2021-11-14"),
    ("يوم الخميس القادم", "يوم الخميس القادم", "2021-11-11"),
    ("وبالأمس أعلنت الحكومة", "وبالأمس", "2021-11-07"),
    ("وفجر أمس أعلنت", "وفجر أمس", "2021-11-07"),
    ("اليوم الاثنين", "اليوم الاثنين", "2021-11-08"),
    ("قبل ثلاثة أيام", "قبل ثلاثة أيام", "2021-11-05"),
    ("قبل يومين", "قبل يومين", "2021-11-06"),
    ("أول أمس", "أول أمس", "2021-11-06"),
    # Hijri, converted
    ("في ١٥ رمضان ١٤٤٢ هـ", "١٥ رمضان ١٤٤٢ هـ", "2021-04-27"),
    ("الموافق 1443/04/03 هـ", "1443/04/03 هـ", "2021-11-08"),
    ("في الأول من محرم 1443", "الأول من محرم 1443", "2021-08-09"),
    # Recognizers-Text cases
    ("سأعود يوم الأحد الماضي", "يوم الأحد الماضي", "2021-11-07"),
    ("16. نوفمبر. 2016", "16. نوفمبر. 2016", "2016-11-16"),
    ("سأعود الأسبوع المقبل يوم الجمعة", "الأسبوع المقبل يوم الجمعة", "2021-11-19"),
])
def test_expression_and_date(text, expression, date):
    rows = {e: d for e, _, d in found(text)}
    assert expression in rows, found(text)
    assert rows[expression] == date


@pytest.mark.parametrize("text, kind", [
    ("وتأتي هذه الزيارة غداة محاولة الاغتيال", "event_relative"),
    ("جاء الهجوم بعد يومين من اشتباكات في بغداد", "event_relative"),
    ("تعرض لهجوم في وقت سابق من نفس اليوم", "event_relative"),
    ("بعد ساعات من محاولة اغتيال", "event_relative"),
])
def test_event_relative_phrases_get_no_date(text, kind):
    rows = found(text)
    assert rows and all(k == kind and d == "" for _, k, d in rows)


def test_without_reference_relative_dates_stay_empty():
    table = extract_dates("وصل مساء الأحد وغادر أمس، والانتخابات في 10 أكتوبر 2021", reference=None)
    dates = dict(zip(table.expression, table.date))
    assert dates["مساء الأحد"] == "" and dates["أمس"] == ""
    assert dates["10 أكتوبر 2021"] == "2021-10-10"


def test_offsets_and_dayparts():
    text = "قال إن غاني وصل\u00a0فجرَ الأحدِ إلى بغداد"
    table = extract_dates(text, REF)
    row = table.iloc[0]
    assert text[row.start:row.end] == row.expression == "فجرَ الأحدِ"
    assert row.daypart == "فجر" and row.date == "2021-11-07"


def test_words_that_look_like_months_are_not_dates():
    assert found("كان أب الضحية مارس الضغط الماضي") == []          # أب = father, مارس = exerted
    assert found("في 3 آب الماضي") == [("3 آب الماضي", "month_day", "2021-08-03")]
    assert found("زار الرئيس عمان عام 2010 مع صفر نتائج") == []
    assert found("مصادر الطاقة والجمعية العامة") == []


def test_seed_expressions(seeds):
    table = dates_table(seeds)
    by_doc = {d[:3]: dict(zip(g.expression, g.date)) for d, g in table.groupby("doc_id")}
    assert by_doc["000"]["مساء الأحد"] == "2021-11-07"
    assert by_doc["000"]["الجمعة الماضية"] == "2021-11-05"
    assert by_doc["000"]["ليل السبت الماضي"] == "2021-11-06"
    assert by_doc["000"]["العاشر من الشهر الماضي"] == "2021-10-10"
    assert by_doc["000"]["العاشر من الشهر الماضي"] == "2021-10-10"
    assert by_doc["001"]["يوم الأربعاء الماضي"] == "2020-11-18"
    assert by_doc["003"]["10 أكتوبر/تشرين الأول"] == ""           # no year and no publication date
    kinds = dict(zip(table.expression, table.kind))
    assert kinds["غداة محاولة اغتيال"] == "event_relative"
    assert kinds["فى وقت سابق من نفس اليوم"] == "event_relative"


def test_publication_dates_and_user_references(seeds):
    pubs = publication_dates(seeds).set_index(seeds.doc_id.str[:3])
    assert pubs.loc["000", "publication_date"] == "2021-11-08"
    assert "line 4" in pubs.loc["000", "date_source"]
    assert pubs.loc["001", "publication_date"] == "2020-11-23"
    assert pubs.loc["002", "publication_date"] == ""
    table = dates_table(seeds, references={"003_4c695357e9463a4d": "2021-11-08"})
    mine = table[table.doc_id.str.startswith("003")].set_index("expression")
    assert mine.loc["10 أكتوبر/تشرين الأول", "date"] == "2021-10-10"
    assert mine.loc["اليوم الاثنين", "reference_source"] == "given by the user"


def test_metadata_date_is_the_fallback():
    corpus = pd.DataFrame({"doc_id": ["x"], "text": ["وصل مساء الأحد"], "publication_date": ["2021-11-08"]})
    table = dates_table(corpus)
    assert table.date.tolist() == ["2021-11-07"] and table.reference_source.iloc[0].startswith("metadata")
