"""Character tables, compiled regular expressions and word lists: the one place they live.

Every other module imports its patterns from here, so a reader can audit in one file what
the workbook treats as a diacritic, a clitic, a token or a boilerplate line.

>>> bool(TOKEN_RE.fullmatch("الكاظمي"))
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from .config import DATA_DIR

# --- characters -------------------------------------------------------------------------

#: Harakat, tanween, shadda, sukun, maddah/hamza marks (U+064B-U+065F), superscript alef
#: (U+0670) and the Quranic annotation marks (U+06D6-U+06ED).
DIACRITICS = (
    "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))
)
TATWEEL = "\u0640"
#: Invisible format marks: ZWNJ, ZWJ, LRM, RLM, ALM, the bidi embeddings/overrides and
#: isolates, the BOM / zero-width no-break space, the soft hyphen and the word joiner.
FORMAT_MARKS = (
    "\u200c\u200d\u200e\u200f\u061c"
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
    + "\ufeff\u00ad\u2060"
)
#: Space-like characters that become a plain space: NBSP, narrow NBSP, the zero-width
#: space (a word break), the ideographic and the other Unicode spaces.
SPACE_CHARS = "\u00a0\u202f\u200b\u3000\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B))
#: Alef with hamza above/below, with madda, wasla and the wavy-hamza forms, all -> bare alef.
ALEF_FORMS = "أإآٱٲٳ"
ALEF_MAKSURA = "ى"
TEH_MARBUTA = "ة"
#: Persian/Urdu letters that stand for Arabic ones in mixed text: yeh and keheh.
PERSIAN_TO_ARABIC = {"ی": "ي", "ک": "ك", "ې": "ي", "ۍ": "ي"}
#: Arabic-Indic (U+0660-0669) and extended/Persian (U+06F0-06F9) digits -> ASCII.
DIGITS_TO_ASCII = {
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}

# --- tokens and sentences ---------------------------------------------------------------

#: Marks that may sit inside a word without breaking it (diacritics, format marks).
TOKEN_IN_WORD = DIACRITICS + FORMAT_MARKS
#: Letters that continue a token but cannot start one (tatweel).
TOKEN_NOT_START = TATWEEL
#: A token: a run of letters/digits (Unicode ``\\w`` without ``_``; tatweel is a letter
#: there, but cannot start a token) with in-word marks allowed after the first letter.  Punctuation, quotes, dashes,
#: slashes and spaces always end a token.  The compiled scanner (``analysis/_scan.c``)
#: implements exactly this pattern from the same two constants.
TOKEN_RE = re.compile(rf"[^\W_{TOKEN_NOT_START}](?:[^\W_]|[{TOKEN_IN_WORD}])*")
#: HTML left by scrapers: tags (<br>, <p class="x">, </div>) and entities (&quot; &#1575;
#: &#x627;); their letters are not words of the text.
HTML_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")
#: A token made only of digits (ASCII, Arabic-Indic or Persian), possibly with tatweel.
NUMBER_RE = re.compile(r"^[\d\u0640]+$")
#: Sentence ends: . ! ? ؟ … and runs of them, except a dot between two digits (2.5),
#: and line breaks (headlines and paragraphs are separate sentences).
SENTENCE_END_RE = re.compile(r"(?:(?<!\d)\.|\.(?!\d)|[!?؟…۔])+|\n+")
#: Dots that do not end a sentence: inside a dotted abbreviation (بي.بي.سي, إم.إتش, U.S.),
#: a dot after one to three letters written right before another letter; and after a
#: single letter standing alone (د. محمد, J. Smith).
ABBREVIATION_DOT_RE = re.compile(r"(?<![^\s.(«\"“])[^\W\d_]{1,3}(\.)(?=[^\W\d_])|(?<![^\s.(«\"“])[^\W\d_](\.)(?=\s)")

# --- clitics ----------------------------------------------------------------------------

#: Conjunction proclitics (and, so) and the preposition proclitics (with, for, like).
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ARTICLE = "ال"
#: The prepositions written before the article as they are (بالطائرات, كالعادة); ل + ال
#: is written لل (للكاظمي).
ARTICLE_PREPOSITIONS = "بك"
#: The proclitic so common that a form starting with it that no list knows is taken as
#: و + stem (وسنعتني, وتاطر).
COMMON_PROCLITIC = "و"
#: The proclitic (like, as) that only goes before a noun of three letters or more
#: (كبديل, كوسيلة; but كان, كلا, كاميرا, كاين are words).
NOUN_PROCLITIC = "ك"
#: Proclitics rarer than و ب ل, which need a stem clearly more common still (فعاليتها).
RARE_PROCLITICS = "ف"
#: Attached pronouns of two letters or more; a core of three letters or more before them
#: is looked up when weighing a split (شركتهما -> شركة, مقدراتنا -> مقدرات).
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها")
#: Dual/plural endings and one-letter suffixes, which end many words by chance: the core
#: before them must have four letters or more (تصميمين -> تصميم, حوزته -> حوزة; not
#: اناي -> انا).  Suffixes are only used to look a core up, never to cut a term.
SHORT_SUFFIXES = ("ين", "ان", "ون", "ات", "وا", "ه", "ك", "ي", "ا")

# --- dates in header lines --------------------------------------------------------------

WEEKDAYS = ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
#: A line holding only a numeric date, optionally after a weekday: "الاثنين 2021/11/08".
DATE_LINE_RE = re.compile(
    rf"^\s*(?:(?:{'|'.join(WEEKDAYS)})\s*[،,]?\s*)?"
    r"[\d٠-٩]{1,4}\s*[/.\-]\s*[\d٠-٩]{1,2}\s*[/.\-]\s*[\d٠-٩]{1,4}\s*$"
)


# --- word lists (analysis/data/*.txt: one entry per line, '#' starts a comment) -----------

@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Return the entries of ``analysis/data/<name>.txt`` (comments and blanks dropped).

    Examples
    --------
    >>> "آخر الأخبار" in word_list("boilerplate_phrases")
    True
    """
    path = DATA_DIR / f"{name}.txt"
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return tuple(entries)


# --- dates --------------------------------------------------------------------------------
# All written as they appear in text; dates.py normalizes them before building patterns.

#: Month names -> month number: Egyptian/Western, Levantine/Iraqi and Maghrebi series.
GREGORIAN_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4, "جمادى الأولى": 5,
    "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الثاني": 6, "رجب": 7, "شعبان": 8,
    "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}
#: Weekday names -> Python weekday (Monday = 0).
WEEKDAY_NUMBERS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
                   "الجمعة": 4, "السبت": 5, "الأحد": 6}
#: Parts of the day -> the label reported in the ``daypart`` column.
DAYPARTS = {"فجر": "فجر", "صباح": "صباح", "ظهر": "ظهر", "ظهيرة": "ظهر", "عصر": "عصر", "مساء": "مساء",
            "ليل": "ليل", "ليلة": "ليل", "منتصف ليل": "ليل"}
#: Ordinal day words (masculine and feminine), 1-10; 11-31 are built from these in dates.py.
ORDINAL_UNITS = {
    1: ("الأول", "الأولى", "أول", "الحادي", "الحادية"), 2: ("الثاني", "الثانية"), 3: ("الثالث", "الثالثة"),
    4: ("الرابع", "الرابعة"), 5: ("الخامس", "الخامسة"), 6: ("السادس", "السادسة"),
    7: ("السابع", "السابعة"), 8: ("الثامن", "الثامنة"), 9: ("التاسع", "التاسعة"),
}
ORDINAL_TENS = {10: ("العاشر", "العاشرة"), 20: ("العشرين", "العشرون"), 30: ("الثلاثين", "الثلاثون")}
#: Cardinal numbers written as words, for "قبل ثلاثة أيام".
NUMBER_WORDS = {"واحد": 1, "يوم": 1, "اثنين": 2, "يومين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4,
                "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8,
                "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10, "بضعة": 3, "بضع": 3, "عدة": 3}
#: Relative words that name a day against the reference date (days to add).
RELATIVE_DAYS = {"اليوم": 0, "أمس": -1, "الأمس": -1, "البارحة": -1, "أول أمس": -2, "أول من أمس": -2,
                 "قبل يوم أمس": -2, "غدا": 1, "غداً": 1, "الغد": 1, "بعد غد": 2, "بعد الغد": 2}
#: Modifiers of a weekday or period: "past" looks back, "next" forward, "this" is current.
PAST_WORDS = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "السابق", "الفائت", "الفائتة")
NEXT_WORDS = ("المقبل", "المقبلة", "القادم", "القادمة")
THIS_WORDS = ("الجاري", "الحالي", "الحالية", "هذا", "هذه")
#: Phrases that anchor a time to an event, not to the publication date.
EVENT_RELATIVE_PHRASES = ("غداة", "عشية", "نفس اليوم", "ذات اليوم", "اليوم نفسه", "اليوم التالي",
                          "في اليوم التالي", "في وقت سابق من نفس اليوم")


# --- sources cited ------------------------------------------------------------------------
# The editable lists are tables in analysis/data/ (attribution_cues.csv, source_words.csv,
# outlets.csv, source_aliases.csv), read by analysis/sources_lexicon.py; the closed word
# classes the rules use (complementizers, relative pronouns, time words) are in
# analysis/sources_lexicon.py too.
