"""The date words, normalized, and the regex pieces :mod:`analysis.dates` builds its rules from.

The word lists are those of :mod:`analysis.resources` (month names of every series,
weekdays, dayparts, ordinals, relative words), normalized as the text is
(:func:`analysis.normalize.normalize`), plus a few spellings seen in news: the Levantine
months without the article (كانون ثاني, تشرين أول).

>>> MONTHS["كانون ثاني"], WEEKDAYS["احد"], ORDINALS["السابع والعشرين"]
(1, 6, 27)
"""

from __future__ import annotations

import re

from .date_numbers import NUMBER_WORDS_RE, YEAR_WORDS_RE
from .normalize import normalize
from .resources import (
    DAYPARTS, EVENT_RELATIVE_PHRASES, GREGORIAN_MONTHS, HIJRI_MONTHS, NEXT_WORDS, NUMBER_WORDS,
    ORDINAL_TENS, ORDINAL_UNITS, PAST_WORDS, RELATIVE_DAYS, THIS_WORDS, WEEKDAY_NUMBERS,
)

#: Spellings of month names found in news besides those of :data:`analysis.resources.GREGORIAN_MONTHS`.
EXTRA_MONTHS = {"كانون ثاني": 1, "كانون أول": 12, "تشرين ثاني": 11, "تشرين أول": 10, "آيار": 5, "إبريل": 4,
                "أغسطس": 8, "اغسطس": 8, "سبتمير": 9}
#: Month names that are also common words (father, zero, a name, ...): matched only next to
#: a day number or a year, or paired with the other series ("مارس/آذار").
AMBIGUOUS_MONTHS = ("آب", "ماي", "مارس", "صفر", "رجب", "شعبان", "أوت")
#: Words of a period within a month, before a month name: "نهاية أيار/مايو", "مطلع 2019".
MONTH_PARTS = ("نهاية", "بداية", "مطلع", "أوائل", "أواخر", "منتصف", "أواسط", "خلال", "بنهاية", "ببداية")
#: Words after which a lone month name or a bare four-digit number is a date: "في 2014", "منذ مارس".
TIME_PREPOSITIONS = ("في", "منذ", "حتى", "إلى", "الى", "من", "بين", "خلال", "قبل", "بعد", "وفي", "ومنذ", "وحتى",
                     "ومن", "وبين", "وخلال", "وقبل", "وبعد", "لغاية", "طيلة", "طوال") + MONTH_PARTS
#: Nouns before a day and month that make it the name of an event: "ثورة 25 يناير".
EVENT_NOUNS = ("ثورة", "أحداث", "هجمات", "اعتداءات", "انتفاضة", "مجزرة", "تفجيرات", "تفجير", "حرب")


def _n(word: str) -> str:
    return normalize(word)


def alternation(words) -> str:
    """A regex alternation of normalized words, longest first, spaces as ``\\s+``."""
    forms = sorted({_n(w) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)


def _ordinals() -> dict[str, int]:
    table: dict[str, int] = {}
    for n, forms in ORDINAL_UNITS.items():
        for form in forms:
            if form not in ("الحادي", "الحادية"):
                table[_n(form)] = n
    for ten, forms in ORDINAL_TENS.items():
        for form in forms:
            table[_n(form)] = ten
    for n, forms in ORDINAL_UNITS.items():
        for form in forms:
            if form in ("الأول", "الأولى", "أول"):
                continue
            table[_n(form) + " " + _n("عشر")] = 10 + n
            table[_n(form) + " " + _n("عشرة")] = 10 + n
            for ten in (20, 30):
                for tens_form in ORDINAL_TENS[ten]:
                    if ten + n <= 31:
                        table[f"{_n(form)} و{_n(tens_form)}"] = ten + n
    return table


ORDINALS = _ordinals()
ALL_MONTHS = {**GREGORIAN_MONTHS, **EXTRA_MONTHS}
MONTHS = {_n(k): v for k, v in ALL_MONTHS.items()}
HMONTHS = {_n(k): v for k, v in HIJRI_MONTHS.items()}
WEEKDAYS = {_n(k)[2:]: v for k, v in WEEKDAY_NUMBERS.items()}        # without the article
DAYPART_OF = {_n(k): v for k, v in DAYPARTS.items()}
NUMBERS = {_n(k): v for k, v in NUMBER_WORDS.items()}
RELATIVE = {_n(k): v for k, v in RELATIVE_DAYS.items()}
PAST, NEXT, THIS = ({_n(w) for w in ws} for ws in (PAST_WORDS, NEXT_WORDS, THIS_WORDS))
#: Counts that say "a few", not how many: "قبل أيام", "منذ بضعة أسابيع".
VAGUE_COUNTS = {_n(w) for w in ("بضعة", "بضع", "عدة")}

B, E = r"(?<!\w)", r"(?!\w)"
CL = r"(?:[وف]?[بل]?)"                                     # و ف ب ل attached to the word
AL = r"(?:[وف]?[بك]?ال|[وف]?لل)"                           # the article, with clitics
MOD = rf"(?P<mod>{alternation(PAST_WORDS + NEXT_WORDS + ('الجاري', 'الحالي'))})"
ANY_MOD = alternation(PAST_WORDS + NEXT_WORDS + THIS_WORDS)  # الماضي, المقبل, الجاري, هذا ...
WD_NAMES = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
WD = rf"{AL}(?P<wd>{WD_NAMES})"
DP = rf"(?:{CL}(?P<dp>{alternation(DAYPARTS)}|{_n('في وقت مبكر من')})\s+(?:{_n('من')}\s+)?)"
#: A day of the month: digits, an ordinal (العاشر, الحادي والعشرين) or a cardinal in words.
DAY = rf"(?P<day>\d{{1,2}}(?!\d)|{alternation(ORDINALS)}|{NUMBER_WORDS_RE})"
YEAR = rf"(?P<year>\d{{4}}(?!\d)|{YEAR_WORDS_RE})"
SAFE_MONTHS = [m for m in ALL_MONTHS if m not in AMBIGUOUS_MONTHS]
MONTH_NAMES = alternation(ALL_MONTHS)
#: A month name, alone or with its name in the other series: "10 أكتوبر/تشرين الأول",
#: "10/ سبتمبر أيلول".
MONTH = rf"{CL}(?P<month>{MONTH_NAMES})(?:\s*/\s*(?P<month2>{MONTH_NAMES})|\s+(?P<month3>{MONTH_NAMES}))?"
#: A year after a month or day: "2014", "عام 2014", "من عام 1923", "، ألفين".
YEAR_AFTER = rf"(?:\s*[.,،]?\s*(?:من\s+)?(?:(?:ال)?(?:عام|سنة)\s+)?{YEAR})"
#: "من العام الماضي" after a month: the year before the reference's (or after, or its own).
YEAR_OF = rf"(?:\s*[,،]?\s*من\s+(?:ال)?(?:عام|سنة)\s+(?P<yearmod>{alternation(PAST_WORDS + NEXT_WORDS + THIS_WORDS)}))"
UNIT = (r"(?P<unit>يومين|يوما|يوم|ايام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|شهور|عامين|عام|اعوام"
        r"|سنتين|سنة|سنوات|سنين|ساعتين|ساعة|ساعات)")
COUNT = rf"(?:(?P<count>\d+|{alternation(NUMBER_WORDS)})\s+)?"
DURATION_UNITS = r"(?:يومين|يوما|يوم|ايام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|شهور|عامين|عام|اعوام|سنتين|سنة|سنوات)"
DURATION = rf"(?:(?:\d+|{alternation(NUMBER_WORDS)})\s*)?{DURATION_UNITS}"
#: Cardinal day numbers in words after a weekday, for "الجمعة في خمسة عشر".
CARDINAL_DAYS = {"خمسة عشر": 15, "أربعة عشر": 14, "ثلاثة عشر": 13, "ستة عشر": 16, "سبعة عشر": 17,
                 "ثمانية عشر": 18, "تسعة عشر": 19, "عشرة": 10, "عشرين": 20, "ثلاثين": 30}
CARDINALS = {_n(k): v for k, v in CARDINAL_DAYS.items()}
EVENT_PHRASES = EVENT_RELATIVE_PHRASES
