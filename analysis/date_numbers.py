"""Numbers written in words, for years (ألفين وعشرين) and days (واحد وعشرين) in dates.

Arabic writes a compound number from the largest part down, joined by و: thousands,
hundreds, then units before tens (ألف وتسعمائة وثمانية وسبعون = 1000 + 900 + 8 + 70);
11-19 are a unit and عشر/عشرة (ثمانية عشر).  :data:`NUMBER_WORDS_RE` matches such a
sequence in normalized text (:func:`analysis.normalize.normalize`: أ → ا, ى → ي, no
diacritics) and :func:`number_value` adds it up.

>>> number_value("الف وتسعمائة وثمانية وسبعون"), number_value("الفان وثمانية عشر")
(1978, 2018)
"""

from __future__ import annotations

import re

from .normalize import normalize

_UNITS = {"واحد": 1, "واحدة": 1, "احد": 1, "احدي": 1, "اثنين": 2, "اثنان": 2, "اثني": 2, "اثنا": 2, "اثنتين": 2,
          "ثلاث": 3, "ثلاثة": 3, "اربع": 4, "اربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7,
          "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9}
_TENS = {"عشرة": 10, "عشر": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
         "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80,
         "تسعين": 90, "تسعون": 90}
_HUNDREDS = {"مائة": 100, "مئة": 100, "مائتين": 200, "مئتين": 200, "مائتان": 200, "مئتان": 200,
             **{f"{u}{h}": n * 100 for u, n in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                                                 ("ثمان", 8), ("تسع", 9)) for h in ("مائة", "مئة")}}
_THOUSANDS = {"الف": 1000, "الفين": 2000, "الفان": 2000}
#: Every number word, normalized, with its value.
WORD_VALUES = {**_UNITS, **_TENS, **_HUNDREDS, **_THOUSANDS}
_ANY = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
#: One number word, or a unit and عشر/عشرة (a teen), or "ثلاث مائة" written apart.
_PART = rf"(?:(?:{_ANY})(?:\s+(?:عشرة|عشر|مائة|مئة))?)"
#: A compound number in words: parts joined by و (attached or after a space).
NUMBER_WORDS_RE = rf"(?:{_PART}(?:\s+و\s*{_PART})*)(?!\w)"
#: A year in words: a compound number that starts with the thousands.
YEAR_WORDS_RE = rf"(?:(?:{'|'.join(_THOUSANDS)})(?:\s+و\s*{_PART})*)(?!\w)"


def number_value(words: str) -> int | None:
    """The value of a number written in words (normalized or not), or None.

    >>> number_value("ألفين وعشرين"), number_value("واحد وعشرين"), number_value("ثلاث مائة")
    (2020, 21, 300)
    >>> number_value("الف بيت") is None
    True
    """
    total = 0
    for part in re.split(r"\s+و\s*", normalize(words).strip()):
        tokens = part.split()
        if not tokens or any(t not in WORD_VALUES for t in tokens):
            return None
        if len(tokens) == 2 and tokens[1] in ("عشر", "عشرة") and tokens[0] in _UNITS:
            total += 10 + _UNITS[tokens[0]]                     # ثمانية عشر = 18
        elif len(tokens) == 2 and tokens[1] in ("مائة", "مئة") and tokens[0] in _UNITS:
            total += 100 * _UNITS[tokens[0]]                    # ثلاث مائة = 300
        elif len(tokens) == 1:
            total += WORD_VALUES[tokens[0]]
        else:
            return None
    return total


def year_value(words: str) -> int | None:
    """A year written in words (1000-2999), or None.

    >>> year_value("عام ألف وتسعمائة وثمانية وسبعين".split(" ", 1)[1])
    1978
    """
    value = number_value(words)
    return value if value is not None and 1000 <= value <= 2999 else None
