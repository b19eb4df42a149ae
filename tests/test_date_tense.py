"""Which way a weekday or a date without a year points, and the cue recorded in ``rule``.

The sentences are written for these tests (other countries and stories than the seeds and
the annotated ANT articles); each is resolved against a reference date and checked for the
date and for the cue that decided it.
"""
import pytest

from analysis.dates import extract_dates
from analysis.date_tense import direction_cue, word_cue
from analysis.normalize import normalize

FRIDAY = "2018-06-08"      # the example: a Friday
SATURDAY = "2019-03-16"
MONDAY = "2021-11-08"


def resolved(text, reference, expression):
    table = extract_dates(text, reference)
    row = table[table.expression == expression]
    assert len(row) == 1, table[["expression", "rule"]].values.tolist()
    return row.date.iloc[0], row.rule.iloc[0]


@pytest.mark.parametrize("text, reference, expression, date, cue", [
    # past verbs look back (also set off by commas, also feminine and plural forms)
    ("زار وزير الخارجية الأردني دمشق الأربعاء في أول زيارة منذ سنوات", FRIDAY, "الأربعاء", "2018-06-06", "back: past verb زار"),
    ("أعلنت وزارة الصحة السودانية، الثلاثاء، تسجيل إصابات جديدة", FRIDAY, "الثلاثاء", "2018-06-05", "back: past verb أعلنت"),
    ("وتظاهر آلاف الطلاب في الخرطوم الأحد، وقالوا إنهم سيواصلون الاحتجاج", FRIDAY, "الأحد", "2018-06-03", "back: past verb وتظاهر"),
    ("ولم يصدر الجيش تعليقا الخميس على الحادث", FRIDAY, "الخميس", "2018-06-07", "back: past marker ولم"),
    # future verbs (سـ, سوف) and scheduling verbs look forward
    ("سيزور الرئيس بغداد الأربعاء", FRIDAY, "الأربعاء", "2018-06-13", "forward: future verb سيزور"),
    ("وسوف يعلن رئيس الحكومة قراره الاثنين", FRIDAY, "الاثنين", "2018-06-11", "forward: future marker وسوف"),
    ("يلقي رئيس الحكومة كلمة أمام البرلمان الاثنين", FRIDAY, "الاثنين", "2018-06-11", "forward: scheduling verb يلقي"),
    ("تعقد الجمعية العامة للأمم المتحدة اجتماعا طارئا حول غزة الأربعاء", SATURDAY, "الأربعاء", "2019-03-20",
     "forward: scheduling verb تعقد"),
    ("ومن المقرر أن يناقش البرلمان الميزانية الثلاثاء", SATURDAY, "الثلاثاء", "2019-03-19",
     "forward: future marker من المقرر"),
    ("يتوجه الناخبون التونسيون إلى صناديق الاقتراع الأحد لاختيار رئيس جديد", SATURDAY, "الأحد", "2019-03-17",
     "forward: scheduling verb يتوجه"),
    # a deadline: مهلة (حتى alone only when no verb says otherwise)
    ("أمام ترامب مهلة حتى 12 مايو/أيار لاتخاذ قرار", "2018-04-29", "12 مايو/أيار", "2018-05-12", "forward: deadline مهلة"),
    ("ويبقى المعبر مغلقا حتى 3 نيسان بقرار من وزارة الداخلية", SATURDAY, "3 نيسان", "2019-04-03", "forward: until حتى"),
    ("واستمرت المعارك حتى الجمعة قبل أن تتوقف", SATURDAY, "الجمعة", "2019-03-15", "back: past verb واستمرت"),
    # a future inside a past frame is no future of the reference
    ("وكانت الحكومة قد أعلنت مهلة للمحتجين تنتهي الأربعاء", "2018-06-14", "الأربعاء", "2018-06-13",
     "nearest: future in the past"),
    # a day and month without a year: the same cues choose the year
    ("وسيلتقي وزراء المالية العرب في الرياض في 10 كانون الثاني", "2018-12-20", "10 كانون الثاني", "2019-01-10",
     "forward: future verb وسيلتقي"),
    ("وكان البرلمان قد صادق على القانون في 28 ديسمبر", "2019-01-05", "28 ديسمبر", "2018-12-28", "back: past marker قد"),
    ("تنتهي المهلة في 15 نوفمبر الجاري", MONDAY, "15 نوفمبر الجاري", "2021-11-15", "this: modifier الجاري"),
    # no cue: the nearest such day
    ("الانتخابات البلدية في الجزائر الخميس", MONDAY, "الخميس", "2021-11-11", "nearest: no cue"),
    ("المؤتمر الاقتصادي في 20 ديسمبر", MONDAY, "20 ديسمبر", "2021-12-20", "nearest: no cue"),
    # a past verb before the date wins over a future verb after a complementizer
    ("قال المتحدث الأحد إن الوفد سيصل إلى القاهرة قريبا", MONDAY, "الأحد", "2021-11-07", "back: past verb قال"),
])
def test_direction_and_its_cue(text, reference, expression, date, cue):
    got_date, rule = resolved(text, reference, expression)
    assert got_date == date
    assert normalize(cue) in normalize(rule), rule


def test_modifiers_never_give_the_reference_day():
    # on a Monday, "الاثنين الماضي" is a week ago and "الاثنين المقبل" a week ahead
    assert resolved("التقى الوفدان الاثنين الماضي", MONDAY, "الاثنين الماضي")[0] == "2021-11-01"
    assert resolved("يلتقي الوفدان الاثنين المقبل", MONDAY, "الاثنين المقبل")[0] == "2021-11-15"
    # a scheduling verb on the weekday of the reference means that very day
    assert resolved("يلتقي الوفدان الاثنين في الدوحة", MONDAY, "الاثنين")[0] == MONDAY


@pytest.mark.parametrize("word, direction", [
    ("قالت", "back"), ("وأعلنوا", "back"), ("سيعقد", "forward"), ("ستنطلق", "forward"), ("سنعود", "forward"),
    ("سيارة", None), ("سنوات", None), ("سياسة", None), ("قوات", None), ("ولايته", None), ("بيروت", None),
])
def test_word_cues_tell_verbs_from_nouns(word, direction):
    found = word_cue(normalize(word))
    assert (found[0] if found else None) == direction


def test_the_cue_search_stays_in_its_sentence():
    text = normalize("سيزور الوزير عمان. واجتمع الوفد الثلاثاء")
    assert direction_cue(text, text.index("الثلاثاء"), len(text))[0] == "back"
    text = normalize("سيزور الوزير عمان. الاجتماع الثلاثاء")
    assert direction_cue(text, text.index("الثلاثاء"), len(text)) == ("nearest", "no cue")
