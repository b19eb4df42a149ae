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
    ("جرت في 20 ديسمبر", "20 ديسمبر", "2020-12-20"),         # without a year, a past verb: the past one
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
    assert found("زار الرئيس عمان عام 2010 مع صفر نتائج") == [("2010", "year", "2010-01-01")]
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
    assert by_doc["003"]["10 أكتوبر/تشرين الأول"] == "2021-10-10"  # against the inferred date
    assert by_doc["002"]["فجر الأحد"] == "2021-11-07"
    unresolved = dates_table(seeds, infer=False)
    assert unresolved[unresolved.doc_id.str.startswith("003")].date.eq("").all()
    kinds = dict(zip(table.expression, table.kind))
    assert kinds["غداة محاولة اغتيال"] == "event_relative"
    assert kinds["فى وقت سابق من نفس اليوم"] == "event_relative"


def test_publication_dates_and_user_references(seeds):
    pubs = publication_dates(seeds).set_index(seeds.doc_id.str[:3])
    assert pubs.loc["000", "publication_date"] == "2021-11-08"
    assert "line 4" in pubs.loc["000", "date_source"]
    assert pubs.loc["001", "publication_date"] == "2020-11-23"
    assert pubs.loc["002", "publication_date"] == "2021-11-08"
    assert pubs.loc["002", "date_source"].startswith("inferred: «مساء أمس»")
    table = dates_table(seeds, references={"003_4c695357e9463a4d": "2021-11-08"})
    mine = table[table.doc_id.str.startswith("003")].set_index("expression")
    assert mine.loc["10 أكتوبر/تشرين الأول", "date"] == "2021-10-10"
    assert mine.loc["اليوم الاثنين", "reference_source"] == "given by the user"


def test_metadata_date_is_the_fallback():
    corpus = pd.DataFrame({"doc_id": ["x"], "text": ["وصل مساء الأحد"], "publication_date": ["2021-11-08"]})
    table = dates_table(corpus)
    assert table.date.tolist() == ["2021-11-07"] and table.reference_source.iloc[0].startswith("metadata")


# --- years, months, ranges and the year a date without one takes -----------------------------

@pytest.mark.parametrize("text, expressions", [
    ("اندلع النزاع في سوريا منذ عام 2011", [("2011", "2011-01-01")]),
    ("وتأسس الحزب في 1979 ثم حُلّ في ١٩٩٨", [("1979", "1979-01-01"), ("١٩٩٨", "1998-01-01")]),
    ("بعد الحرب الأهلية (1975-1990) في لبنان", [("1975", "1975-01-01"), ("1990", "1990-01-01")]),
    ("وشغل المنصب من 2004 إلى 2006 ثم بين عامي 2010 و2012",
     [("2004", "2004-01-01"), ("2006", "2006-01-01"), ("2010", "2010-01-01"), ("2012", "2012-01-01")]),
    ("وذلك في عام ألفين وعشرين", [("ألفين وعشرين", "2020-01-01")]),
    ("ولد عام ألف وتسعمائة وثمانية وسبعين في القاهرة", [("ألف وتسعمائة وثمانية وسبعين", "1978-01-01")]),
])
def test_years(text, expressions):
    table = extract_dates(text, REF)
    assert [(e, d) for e, d in zip(table.expression, table.date)] == expressions
    assert set(table.grain) == {"year"}


@pytest.mark.parametrize("text", [
    "ضمن العملية الشاملة سيناء 2018 في شمال البلاد",   # a name with a year
    "قتل 2000 شخص في الزلزال",                         # a count
    "ضمن رؤية 2030 الاقتصادية",
])
def test_four_digit_numbers_that_are_not_years(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expression, date", [
    ("في العاشر من سبتمبر، ألفين", "العاشر من سبتمبر، ألفين", "2000-09-10"),
    ("وقعت الحادثة في الحادي والعشرين من مارس عام ألفين وعشرة", "الحادي والعشرين من مارس عام ألفين وعشرة",
     "2010-03-21"),
    ("تأسست المنظمة في 7 أيلول/سبتمبر من عام 1923", "7 أيلول/سبتمبر من عام 1923", "1923-09-07"),
    ("جرت الانتخابات في 25 كانون ثاني 2015", "25 كانون ثاني 2015", "2015-01-25"),
    # Recognizers-Text cases (years in words)
    ("يوم الأحد يناير الحادي والعشرين ألفان وثمانية عشر", "يوم الأحد يناير الحادي والعشرين ألفان وثمانية عشر",
     "2018-01-21"),
])
def test_full_dates_with_years_in_words_and_other_spellings(text, expression, date):
    assert (expression, "month_day", date) in found(text, "2016-11-07")


@pytest.mark.parametrize("text, expression, date, grain", [
    ("وأعلنت الشركة إفلاسها في نهاية أيار/مايو", "نهاية أيار/مايو", "2021-05-01", "month"),
    ("وكانت الحكومة قد استقالت في ديسمبر من العام الماضي", "في ديسمبر من العام الماضي", "2020-12-01", "month"),
    ("وتراجعت الأسعار في مارس / آذار", "في مارس / آذار", "2021-03-01", "month"),
    ("وستجرى الانتخابات في يونيو/حزيران المقبل", "يونيو/حزيران المقبل", "2022-06-01", "month"),
    ("وصدر الحكم في 3 يونيو من العام الماضي", "3 يونيو من العام الماضي", "2020-06-03", "day"),
])
def test_months_without_a_day_or_a_year(text, expression, date, grain):
    table = extract_dates(text, REF)
    row = table[table.expression == expression]
    assert row[["date", "grain"]].values.tolist() == [[date, grain]], table.values.tolist()


def test_a_date_takes_the_year_of_its_range_end_and_of_its_repeat():
    table = extract_dates("وسافر بين 3 و5 تموز/يوليو 2016، ثم من 28 أيار/مايو إلى 12 آب/أغسطس 2017. "
                          "وبدأت الاحتجاجات في 17 تشرين الأول 2019، ويحيي المتظاهرون ذكرى انتفاضة 17 تشرين الأول", REF)
    dates = dict(zip(table.expression, table.date))
    assert dates["3"] == "2016-07-03" and dates["و5 تموز/يوليو 2016"] == "2016-07-05"
    assert dates["28 أيار/مايو"] == "2017-05-28"
    assert dates["17 تشرين الأول"] == "2019-10-17"
    assert "year of «17 تشرين الاول 2019»" in table[table.expression == "17 تشرين الأول"].rule.iloc[0]


def test_a_named_event_without_a_known_year_stays_undated():
    table = extract_dates("ويحيي المصريون ذكرى ثورة 30 يونيو", REF)
    assert table[["expression", "date"]].values.tolist() == [["30 يونيو", ""]]


def test_anniversaries_count_back():
    assert ("11 سبتمبر/أيلول", "month_day", "2001-09-11") in found(
        "وذلك في الذكرى الـ20 لهجمات 11 سبتمبر/أيلول", "2021-09-11")


@pytest.mark.parametrize("text, expression, date, daypart", [
    ("وشنت الطائرات غارات ليل السبت الأحد على مواقع المسلحين", "ليل السبت الأحد", "2021-11-06", "ليل"),
    ("ويعقد المجلس جلسة طارئة غداً الثلاثاء", "غداً الثلاثاء", "2021-11-09", ""),
    ("وصل الوفد أمس الأحد إلى الدوحة", "أمس الأحد", "2021-11-07", ""),
])
def test_nights_and_relative_days_with_a_weekday(text, expression, date, daypart):
    table = extract_dates(text, REF)
    row = table[table.expression == expression]
    assert row[["date", "daypart"]].values.tolist() == [[date, daypart]], table.values.tolist()


@pytest.mark.parametrize("text, dates", [
    ("وكان قد وصل قبل أيام إلى المدينة", [""]),
    ("ويعاني السكان من نقص الوقود منذ بضعة أسابيع", [""]),
    ("وتعامل الأمن في اليوم الثالث من الاحتجاجات مع مئات المتظاهرين", [""]),
    # the latest Friday, not "Friday the 2nd" nor the second Friday of the month
    ("وخرج المحتجون للجمعة الثانية على التوالي", ["2021-11-05"]),
    # Wednesday, not "Wednesday the 1st"
    ("وقد زار الرئيس المدينة يوم الأربعاء في أول زيارة له", ["2021-11-03"]),
])
def test_vague_and_event_relative_days_get_no_date_or_no_false_one(text, dates):
    table = extract_dates(text, REF)
    assert table.date.tolist() == dates, table.values.tolist()
    assert not any(table.rule.str.startswith(("nth_weekday", "weekday_day")))


def test_coarse_counts_give_a_coarse_grain():
    table = extract_dates("انسحبت القوات قبل عامين، وعادت قبل شهرين، ثم قبل ثلاثة أيام", REF)
    assert table[["date", "grain"]].values.tolist() == [["2019-01-01", "year"], ["2021-09-01", "month"],
                                                        ["2021-11-05", "day"]]


def test_uses_reference_says_which_dates_hang_on_the_reference():
    table = extract_dates("وصل الأحد، بعد انتخابات 10 أكتوبر 2021، وفي عام 2014", REF)
    assert dict(zip(table.expression, table.uses_reference)) == {"الأحد": True, "10 أكتوبر 2021": False, "2014": False}
