"""Date words that date nothing: names of outlets and parties, and "اليوم" as "nowadays".

Sentences written for these tests; each name must come out as ``name`` (or ``generic``)
with no date, and the date words around it must still be read.
"""
import pytest

from analysis.dates import extract_dates

REF = "2021-11-08"   # a Monday


def kinds(text, reference=REF):
    table = extract_dates(text, reference)
    return [(e, k, d) for e, k, d in zip(table.expression, table.kind, table.date)]


@pytest.mark.parametrize("text, name", [
    ("ونشرت صحيفة المصري اليوم تفاصيل الاتفاق", "المصري اليوم"),
    ("وقال موقع اليوم السابع إن المحكمة أجلت القضية", "اليوم السابع"),
    ("كتب رئيس تحرير أخبار اليوم مقالا عن الأزمة", "أخبار اليوم"),
    ("وأعلن حزب الغد مقاطعته الانتخابات", "حزب الغد"),
    ("ونقلت صحيفة الغد الأردنية عن مصدر حكومي", "صحيفة الغد"),
    ("وبثت قناة روسيا اليوم مقابلة مع الوزير", "روسيا اليوم"),
    ("وذكر موقع بغداد اليوم أن البرلمان سيجتمع", "بغداد اليوم"),
    ("بحسب صحيفة صنداي تايمز البريطانية", "صنداي تايمز"),
    ("وانسحب نواب قوى 14 آذار من الجلسة", "14 آذار"),
    ("وتحتفل الأمم المتحدة باليوم العالمي للمرأة", "اليوم العالمي"),
])
def test_names_are_not_dates(text, name):
    rows = kinds(text)
    assert (name, "name", "") in rows, rows
    assert all(d == "" for _, _, d in rows), rows


@pytest.mark.parametrize("text, expression, kind, date", [
    # a weekday after an outlet's name is read, and the name does not eat it
    ("ونقلت صحيفة المصري اليوم الثلاثاء عن مسؤول", "الثلاثاء", "weekday", "2021-11-02"),
    # a place and اليوم followed by a weekday is "today": Russia announced today, Monday
    ("وأعلنت روسيا اليوم الاثنين سحب سفيرها", "اليوم الاثنين", "relative", REF),
    # an outlet the gazetteer marks ambiguous needs quotes or a media noun
    ("وصلت تعزيزات إلى بغداد اليوم بعد الهجوم", "اليوم", "relative", REF),
])
def test_names_leave_real_dates_alone(text, expression, kind, date):
    assert (expression, kind, date) in kinds(text), kinds(text)


@pytest.mark.parametrize("text, rule", [
    ("العراق اليوم يواجه أزمة سياسية خانقة", "nominal clause"),
    ("وقال المحلل إن لبنان اليوم يعيش أسوأ أيامه", "verb of becoming"),
    ("وأصبح الحزب اليوم يملك أكبر كتلة في البرلمان", "verb of becoming"),
    ("لكن الحكومة باتت اليوم عاجزة عن دفع الرواتب", "verb of becoming"),
    ("كانت المدينة مزدهرة، واليوم ها هي تغرق في الظلام", "presentative"),
    ("قضية اللاجئين هي اليوم محل خلاف بين الأحزاب", "pronoun"),
    ("وفي مثل هذا اليوم من عام 1990 غزا العراق الكويت", "on this day"),
    ("وظل المحتجون في الساحة طوال اليوم", "all day"),
    ("لن ننسى اليوم الذي سقطت فيه المدينة", "the day when"),
    ("وقال إن النازحين بأمس الحاجة إلى المساعدات", "most needed"),
])
def test_generic_uses_get_no_date(text, rule):
    table = extract_dates(text, REF)
    generic = table[table.kind == "generic"]
    assert len(generic) == 1 and rule in generic.rule.iloc[0], table[["expression", "kind", "rule"]].values.tolist()
    assert (table[table.grain == "day"].date == "").all() or "1990" in text


@pytest.mark.parametrize("text", [
    "أعلنت وزارة الداخلية اليوم حظر التجول",
    "ويزور الرئيس اليوم مدينة الموصل",
    "الحكومة تعقد اليوم جلستها الأسبوعية",
    "وقالت الوزارة في بيان اليوم إن الحدود مغلقة",
])
def test_today_stays_today(text):
    table = extract_dates(text, REF)
    assert table[table.expression.str.contains("اليوم")].date.tolist() == [REF], table.values.tolist()
