"""Date expressions in Arabic news, with their positions and their calendar dates.

Generic parsers fail on news prose: they miss "10 أكتوبر/تشرين الأول", "العاشر من
أكتوبر", "مساء الأحد", "الجمعة الماضية" and clitic-attached forms (بالأمس, والأحد), give no
positions, and resolve relative dates against today.  :func:`extract_dates` finds them by
rules on the normalized text (offsets map back to the raw text) and resolves them against
a reference date, normally the article's publication date.

**Direction.**  A weekday, a day and month without a year, or a month alone can lie
before or after the reference; what decides is recorded in the ``rule`` column:

1. a modifier: "الماضي" looks back ("الجمعة الماضية": never the reference day itself),
   "المقبل"/"القادم" forward (never the reference day), "الجاري"/"الحالي" is the
   reference's own month ("15 نوفمبر الجاري");
2. else the tense of the clause (:mod:`analysis.date_tense`): a past verb looks back
   ("زار الرئيس بغداد الأربعاء"), a future or a present verb of scheduling forward
   ("سيزور الرئيس بغداد الأربعاء", "تعقد الجمعية العامة اجتماعا … الأربعاء", "مهلة حتى
   12 مايو"); back means the latest such day on or before the reference, forward the next
   one on or after it;
3. else the such day nearest to the reference.

**Other rules.**  اليوم, أمس, أول أمس, غدا (also with a weekday: "غدا الثلاثاء") and "قبل
ثلاثة أيام" count days from the reference; "قبل أيام" is vague and gets no date.
الأسبوع/الشهر/العام الماضي give a period (``grain`` week/month/year, ``date`` its first
day; weeks are ISO weeks, Monday to Sunday).  "ليل الأحد الاثنين" is the night that
starts on Sunday.  Years stand alone after a preposition or عام ("منذ عام 2011", "في
2014", "(1950-1953)") and may be written in words ("عام ألفين وعشرين").  A date without a
year takes the year of the end of its range ("بين 28 أيار/مايو و12 آب/أغسطس 2013") or of
the same day and month given with a year elsewhere in the text ("ثورة 25 يناير" after "25
يناير 2011"), and an anniversary counts back ("الذكرى الـ17 لأحداث 11 سبتمبر").  The
name of an event after a day ("ثورة 25 يناير") without such a year stays undated.
Event-relative phrases (غداة محاولة الاغتيال, بعد يومين من اشتباكات, اليوم الثاني من
الاحتجاجات) are listed with ``kind="event_relative"`` and no date.  Names that hold date
words (المصري اليوم, حزب الغد) and "اليوم" meaning "nowadays" are listed as ``name`` and
``generic`` with no date (:mod:`analysis.date_names`).  Without a reference, relative
expressions keep an empty date: never a guess from today.

Hijri dates (with a Hijri month name, or a numeric date marked هـ) are converted with the
``hijridate`` package (Umm al-Qura calendar).

>>> extract_dates("وصل مساء الأحد، بعد الانتخابات التي جرت في العاشر من أكتوبر الماضي",
...               reference="2021-11-08")[["expression", "kind", "date", "daypart"]].values.tolist()
[['مساء الأحد', 'weekday', '2021-11-07', 'مساء'], ['العاشر من أكتوبر الماضي', 'month_day', '2021-10-10', '']]
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from .date_lexicon import (
    AL, ANY_MOD, B, CARDINAL_DAYS, CARDINALS, CL, COUNT, DAY, DAYPART_OF, DP, DURATION, DURATION_UNITS, E,
    EVENT_NOUNS, EVENT_PHRASES, HMONTHS, MOD, MONTH, MONTH_NAMES, MONTH_PARTS, MONTHS, NEXT, NUMBERS, ORDINALS,
    PAST, RELATIVE, SAFE_MONTHS, THIS, TIME_PREPOSITIONS, UNIT, VAGUE_COUNTS, WD, WD_NAMES, WEEKDAYS, YEAR,
    YEAR_AFTER, YEAR_OF, alternation,
)
from .date_names import not_date_spans
from .date_numbers import number_value, year_value
from .date_tense import direction_cue
from .normalize import normalize_with_offsets
from .resources import HIJRI_MONTHS, NUMBER_WORDS, RELATIVE_DAYS

DATE_COLUMNS = ["doc_id", "expression", "start", "end", "kind", "date", "grain", "daypart", "rule", "uses_reference"]
#: Rules whose date is counted from the reference date (with a calendar rule, only when it
#: took a direction: a date without a year).
REFERENCE_RULES = ("relative_weekday", "relative_day", "night_span", "week_weekday", "weekday_of_week", "nth_weekday",
                   "relative_period", "ago", "weekday_day", "from_now", "ordinal_of_month", "weekday", "anniversary")
_DIRECTIONS = ("; back:", "; forward:", "; nearest:", "; this:", "; past:", "; next:")


def _anonymous(pattern: str) -> str:
    """The pattern without its group names, to use it twice in one regex."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_ORDINAL_WORDS = alternation(ORDINALS)
#: Ordinals with the article: "الجمعة العاشر" is a day, "الأربعاء في أول زيارة" is not.
_DEFINITE_ORDINALS = alternation(k for k in ORDINALS if k.startswith("ال"))
_EVENT_ORDINALS = "|".join(sorted({k for k in ORDINALS if k.startswith("ال")} | {"الاخير", "الاخيرة"},
                                  key=len, reverse=True))
_CONNECTOR = r"(?:و|الي|حتي|-|–)"
_YEAR_DIGITS = r"(?:19|20)\d\d(?!\d)"

#: The rules, in priority order: an earlier rule's match claims its characters.  A rule
#: whose match has a ``span`` group reports that group's text only (the rest is context).
PATTERNS: list[tuple[str, str, re.Pattern]] = [
    ("hijri_month", "hijri", re.compile(
        rf"{B}{DAY}\s+(?:من\s+)?(?:شهر\s+)?{CL}(?P<hmonth>{alternation(HIJRI_MONTHS)})\s*[,،]?\s*(?:عام\s+|سنة\s+)?"
        rf"(?P<year>\d{{3,4}})(?:\s*(?:ه|هجري|هجرية|للهجرة){E})?")),
    ("hijri_numeric", "hijri", re.compile(
        rf"{B}(?P<a>\d{{1,4}})\s*(?P<sep>[/.\-])\s*(?P<b>\d{{1,2}})\s*(?P=sep)\s*(?P<c>\d{{1,4}})\s*(?:ه|هجري|للهجرة){E}")),
    ("numeric_date", "explicit", re.compile(
        rf"{B}(?:(?:يوم\s+)?{WD}\s*[,،]?\s*)?(?P<a>\d{{1,4}})\s*(?P<sep>[/.\-])\s*(?P<b>\d{{1,2}})\s*(?P=sep)\s*"
        rf"(?P<c>\d{{2,4}}){E}(?!\s*[/.\-]\s*\d)")),
    ("numeric_date_us", "explicit", re.compile(rf"{B}(?P<b>\d{{1,2}})/(?P<a>\d{{1,2}}),\s*(?P<c>\d{{2,4}}){E}")),
    ("anniversary", "month_day", re.compile(
        rf"{B}{CL}الذكري\s+(?:ال\s*)?(?P<nth>\d{{1,3}})\s+(?:\w+\s+){{0,2}}?"
        rf"(?P<span>{CL}{DAY}\s*(?:من\s+)?(?:شهر\s+)?{MONTH}){E}(?!{_anonymous(YEAR_AFTER)}|\s*/\s*(?:{MONTH_NAMES}))")),
    ("named_event", "month_day", re.compile(
        rf"{B}{CL}(?:{alternation(EVENT_NOUNS)})\s+[\"«“]?(?P<span>{DAY}\s+(?:من\s+)?{MONTH}){E}"
        rf"(?!{_anonymous(YEAR_AFTER)}|\s*/\s*(?:{MONTH_NAMES}))")),
    ("range_day", "month_day", re.compile(
        rf"{B}(?:بين|من)\s+(?P<span>{DAY}){E}(?=\s*{_CONNECTOR}\s*{CL}{_anonymous(DAY)}\s+(?:من\s+)?(?:شهر\s+)?"
        rf"{_anonymous(MONTH)})")),
    ("ordinal_of_month", "month_day", re.compile(
        rf"{B}(?:{CL}يوم\s+)?{DAY}\s+من\s+(?:{AL}(?P<unit>شهر)\s+(?P<rel>{ANY_MOD})"
        rf"|(?P<this>هذا)\s+الشهر){E}")),
    ("day_month", "month_day", re.compile(
        rf"{B}(?:(?:{CL}يوم\s+)?{WD}\s*[,،]?\s*)?(?:{CL}يوم\s+)?{CL}{DAY}\s*\.?\s*[\-/]?\s*(?:من\s+)?(?:شهر\s+)?{MONTH}"
        rf"(?:{YEAR_AFTER}|{YEAR_OF})?(?:\s*(?:م|ميلادي|ميلادية){E})?(?:\s+{MOD})?{E}")),
    ("month_day", "month_day", re.compile(
        rf"{B}(?:(?:يوم\s+)?{WD}\s*[,،]?\s*)?{MONTH}\s*[\-]?\s*(?P<day>\d{{1,2}}(?!\d)|(?:{_ORDINAL_WORDS}){E})"
        rf"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:عام|سنة)\s+)?{YEAR})?{E}")),
    ("month_year", "month", re.compile(
        rf"{B}(?:{CL}(?:{alternation(MONTH_PARTS)})\s+)?(?:شهر\s+)?{MONTH}\s*[,،]?\s*(?:من\s+)?(?:(?:عام|سنة)\s+)?"
        rf"{YEAR}{E}")),
    ("month_modifier", "month", re.compile(
        rf"{B}(?:{CL}(?:{alternation(MONTH_PARTS)})\s+)?(?:شهر\s+)?{CL}(?P<month>{alternation(SAFE_MONTHS)}|(?={MONTH_NAMES}\s*/)"
        rf"{MONTH_NAMES})(?:\s*/\s*(?P<month2>{MONTH_NAMES}))?\s+{MOD}{E}")),
    ("month_alone", "month", re.compile(
        rf"{B}(?P<prep>(?:{alternation(TIME_PREPOSITIONS)})\s+(?:شهر\s+)?|{CL}شهر\s+)?{CL}"
        rf"(?:(?P<month>{MONTH_NAMES})(?:\s*/\s*|\s+)(?P<month2>{MONTH_NAMES})"
        rf"|(?(prep)(?P<single>{alternation(SAFE_MONTHS)})|(?!))){E}(?!\s*[/\d]){YEAR_OF}?")),
    ("event_ordinal_day", "event_relative", re.compile(
        rf"{B}(?:[وف]?(?:في\s+)?)(?:[وف]?[بل]?ال|[وف]?لل)يوم\s+(?:{_EVENT_ORDINALS}|التالي){E}")),
    ("event_phrase", "event_relative", re.compile(
        rf"{B}(?:{CL}(?:غداة|عشية)\s+\w+(?:\s+\w+)?|(?:{alternation(EVENT_PHRASES[2:])})){E}")),
    ("from_now", "relative", re.compile(
        rf"{B}(?:(?P<dir>بعد|منذ|قبل)\s+)?(?P<spans>{DURATION}(?:\s*[,،]?\s*و?\s*{DURATION})*)\s+من\s+الان{E}")),
    ("span_from_event", "event_relative", re.compile(
        rf"{B}{CL}(?P<dir>بعد|قبل)\s+{COUNT}{UNIT}\s+(?:من|على)\s+\w+(?:\s+(?!(?:في|من|على|الي|عن){E})\w+)?{E}")),
    ("relative_weekday", "relative", re.compile(
        rf"{B}(?:{DP})?{CL}(?P<rel>{alternation(RELATIVE_DAYS)})\s+{WD}{E}")),
    ("relative_day", "relative", re.compile(rf"{B}(?:{DP})?{CL}(?P<rel>{alternation(RELATIVE_DAYS)}){E}")),
    ("night_span", "weekday", re.compile(
        rf"{B}{CL}(?P<dp>ليل|ليلة)\s+(?:{CL}يوم\s+)?{WD}\s*(?:[-/–]|و|الي|حتي)?\s*{AL}(?P<wd2>{WD_NAMES}){E}")),
    ("week_weekday", "weekday", re.compile(
        rf"{B}(?:{AL}(?P<unit>اسبوع)\s+(?P<rel>{ANY_MOD})|(?P<this>هذا)\s+(?:ال)?اسبوع"
        rf"|(?P<thisday>هذا))\s+(?:{CL}يوم\s+)?{WD}{E}")),
    ("weekday_of_week", "weekday", re.compile(
        rf"{B}(?:{CL}يوم\s+)?{WD}\s+من\s+(?:{AL}اسبوع\s+(?P<rel>{ANY_MOD})"
        rf"|(?P<this>هذا)\s+الاسبوع){E}")),
    ("nth_weekday", "weekday", re.compile(
        rf"{B}(?:[وف]?ب?يوم\s+)?[وف]?[بك]?ال(?P<wd>{WD_NAMES})\s+(?P<nth>الاول|الثاني|الثالث|الرابع|الخامس|الاخير)"
        rf"{E}(?!\s+(?:و|عشر)|\s+علي\s+التوالي|\s+من\s+(?:الاحتجاجات|التظاهرات|المظاهرات|الاعتصام))")),
    ("relative_period", "relative", re.compile(
        rf"{B}(?:{AL}(?P<unit>اسبوع|شهر|عام|سنة)\s+(?P<rel>{ANY_MOD})"
        rf"|(?P<this>هذا|هذه)\s+(?:ال)?(?P<unit2>اسبوع|شهر|عام|سنة)){E}")),
    ("ago", "relative", re.compile(
        rf"{B}{CL}(?P<dir>قبل|منذ)\s+{COUNT}{UNIT}{E}(?!\s+(?:من|على){E}|\s+{AL}(?:{WD_NAMES}){E}|\s+\d)")),
    ("weekday_day", "weekday", re.compile(
        rf"{B}(?:{CL}يوم\s+)?{WD}(?:\s*[,،]?\s+(?P<day>\d{{1,2}}(?!\d))"
        rf"|\s*(?:[,،]\s*|\s+في\s+)(?P<wday>{_DEFINITE_ORDINALS}|{alternation(CARDINAL_DAYS)}))"
        rf"(?!\s*(?:من\s+)?(?:شهر\s+)?{CL}(?:{MONTH_NAMES})|\s+علي\s+التوالي){E}")),
    ("year", "year", re.compile(
        rf"{B}(?:{AL}|{CL})(?:عام|سنة|عامي)\s+(?P<span>{YEAR}){E}")),
    ("year_after_preposition", "year", re.compile(
        rf"{B}(?:{alternation(TIME_PREPOSITIONS)})\s+(?P<span>{_YEAR_DIGITS}){E}(?!\s*[%٪])")),
    ("year_in_range", "year", re.compile(
        rf"(?:{B}(?P<span>{_YEAR_DIGITS})(?=\s*[-–]\s*{_YEAR_DIGITS})"
        rf"|(?:(?<=\d[-–])|(?<=\d\s[-–])|(?<=\d\sو)|(?<=\dو))\s*(?P<span2>{_YEAR_DIGITS})){E}")),
    ("weekday", "weekday", re.compile(rf"{B}(?:{DP})?(?:{CL}يوم\s+)?{WD}(?:\s+{MOD})?{E}")),
]
#: Rules whose date is a day and month, maybe with a year: resolved after the pass that
#: lends years across ranges and repeated dates.
CALENDAR_RULES = ("anniversary", "named_event", "range_day", "day_month", "month_day", "month_year",
                  "month_modifier", "month_alone")


# --- small helpers ------------------------------------------------------------------------

def _as_date(value) -> dt.date | None:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    found = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", str(value))
    if not found:
        raise ValueError(f"reference date {value!r}: write it year first, as YYYY-MM-DD")
    return dt.date(*map(int, found.groups()))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _key(text: str | None) -> str:
    return " ".join((text or "").split())


def _day_value(text: str) -> int | None:
    key = _key(text)
    if key.isdigit():
        value = int(key)
    else:
        value = ORDINALS.get(key) or CARDINALS.get(key) or number_value(key)
    return value if value and 1 <= value <= 31 else None


def _year_of(text: str | None) -> int | None:
    key = _key(text)
    if not key:
        return None
    return int(key) if key.isdigit() else year_value(key)


def _modifier(mod: str | None) -> str:
    """``past``, ``next``, ``this`` or '' for a modifier word."""
    mod = _key(mod)
    return "" if not mod else "past" if mod in PAST else "next" if mod in NEXT else "this" if mod in THIS | {
        "الجاري", "الحالي"} else ""


@dataclass
class Mention:
    """One matched expression before its date is known."""

    rule: str
    kind: str
    match: re.Match
    start: int                      # span in the normalized text
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    notes: list[str] = field(default_factory=list)


# --- direction ------------------------------------------------------------------------------

def _direction(mod: str | None, norm: str, mention: Mention) -> tuple[str, str]:
    """``(direction, cue)``: direction past/next/this (a modifier) or back/forward/nearest."""
    which = _modifier(mod)
    if which:
        return which, f"modifier {_key(mod)}"
    return direction_cue(norm, mention.start, mention.end)


def _weekday(weekday: int, direction: str, ref: dt.date) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if direction == "past":
        return ref - dt.timedelta(days=back or 7)
    if direction == "next":
        return ref + dt.timedelta(days=ahead or 7)
    if direction == "forward" or (direction in ("nearest", "this") and ahead < back):
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back)


def _month_day(month: int, day: int, direction: str, ref: dt.date) -> dt.date | None:
    candidates = [d for d in (_safe_date(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
    if not candidates:
        return None
    if direction == "this":
        return _safe_date(ref.year, month, day)
    if direction in ("back", "past"):
        before = [d for d in candidates if d <= ref and not (direction == "past" and d == ref)]
        return max(before) if before else None
    if direction in ("forward", "next"):
        after = [d for d in candidates if d >= ref and not (direction == "next" and d == ref)]
        return min(after) if after else None
    return min(candidates, key=lambda d: (abs((d - ref).days), d > ref))


def _month(month: int, direction: str, ref: dt.date) -> dt.date:
    here = ref.year * 12 + ref.month - 1
    candidates = [(ref.year + k) * 12 + month - 1 for k in (-1, 0, 1)]
    if direction == "this":
        index = ref.year * 12 + month - 1
    elif direction == "past":
        index = max(c for c in candidates if c < here)
    elif direction == "back":
        index = max(c for c in candidates if c <= here)
    elif direction == "next":
        index = min(c for c in candidates if c > here)
    elif direction == "forward":
        index = min(c for c in candidates if c >= here)
    else:
        index = min(candidates, key=lambda c: (abs(c - here), c > here))
    return dt.date(index // 12, index % 12 + 1, 1)


def _offset(unit: str, count: int) -> pd.DateOffset | None:
    """A calendar offset of ``count`` units named by an Arabic unit word (None for hours)."""
    if unit.startswith(("يوم", "ايام")):
        return pd.DateOffset(days=count)
    if unit.startswith(("اسبوع", "اسابيع")):
        return pd.DateOffset(weeks=count)
    if unit.startswith(("شهر", "اشهر", "شهور")):
        return pd.DateOffset(months=count)
    if unit.startswith(("عام", "اعوام", "سن")):
        return pd.DateOffset(years=count)
    return None


_PLURAL_UNITS = ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "ساعات")


def _count_of(count: str | None, unit: str) -> int | None:
    """The number of units ("3 أيام", "ثلاثة أيام", "يومين"), or None when vague ("أيام", "بضعة أيام")."""
    if count:
        raw = _key(count)
        if raw in VAGUE_COUNTS:
            return None
        return int(raw) if raw.isdigit() else NUMBERS.get(raw, 1)
    if unit in _PLURAL_UNITS:
        return None
    return 2 if unit.endswith(("ين", "تين")) else 1


def _nth_weekday(weekday: int, nth: str, ref: dt.date) -> str:
    """The first, second, ... or last such weekday of the reference month."""
    days = [d for d in pd.date_range(dt.date(ref.year, ref.month, 1), periods=31, freq="D")
            if d.month == ref.month and d.weekday() == weekday]
    order = {"الاول": 0, "الثاني": 1, "الثالث": 2, "الرابع": 3, "الخامس": 4, "الاخير": -1}[nth]
    return days[order].date().isoformat() if order < len(days) else ""


def _weekday_on_day(weekday: int, day: int, ref: dt.date) -> str:
    """The most recent date on or before ``ref`` that is day ``day`` and that weekday."""
    month = pd.Timestamp(ref.year, ref.month, 1)
    for _ in range(14):
        found = _safe_date(month.year, month.month, day)
        if found and found <= ref and found.weekday() == weekday:
            return found.isoformat()
        month -= pd.DateOffset(months=1)
    return ""


def _numeric(a: str, b: str, c: str) -> dt.date | None:
    x, y, z = int(a), int(b), int(c)
    if len(a) == 4:
        return _safe_date(x, y, z)
    year = z if len(c) == 4 else 2000 + z if z < 70 else 1900 + z
    if y > 12 and x <= 12:                                    # month first (US order)
        return _safe_date(year, x, y)
    return _safe_date(year, y, x)


def _hijri(year: int, month: int, day: int) -> str:
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return ""


def _unit_grain(unit: str) -> str:
    """The grain of a count of units: "قبل ثلاثة أيام" a day, "قبل عامين" a year."""
    return {"ا": "week", "ش": "month", "ع": "year", "س": "year"}.get(unit[0], "day") if not unit.startswith(
        ("يوم", "ايام")) else "day"


def _period(when: dt.date, grain: str) -> str:
    """The first day of the week (Monday), month or year holding ``when``."""
    if grain == "week":
        return _iso(when - dt.timedelta(days=when.weekday()))
    if grain == "month":
        return _iso(when.replace(day=1))
    if grain == "year":
        return _iso(when.replace(month=1, day=1))
    return _iso(when)


def _iso(value) -> str:
    return value.isoformat() if value else ""


# --- resolution -----------------------------------------------------------------------------

def _calendar_fields(mention: Mention, ref: dt.date | None) -> None:
    """Fill year, month and day of a calendar rule's mention from its match."""
    g = mention.match.groupdict()
    month = g.get("month") or g.get("single")
    mention.month = MONTHS[_key(month)] if month else None
    mention.day = _day_value(g["day"]) if g.get("day") else None
    mention.year = _year_of(g.get("year"))
    if g.get("yearmod") and ref is not None:                  # "في يونيو من العام الماضي"
        mention.year = ref.year + {"past": -1, "next": 1}.get(_modifier(g["yearmod"]), 0)
        mention.notes.append(f"year: العام {_key(g['yearmod'])}")
    if mention.rule == "anniversary" and mention.month and mention.day and ref is not None:
        when = _month_day(mention.month, mention.day, "nearest", ref)
        if when:
            mention.year = when.year - int(g["nth"])
            mention.notes.append(f"anniversary {g['nth']}")


def _lend_years(mentions: list[Mention], norm: str) -> None:
    """Give a date without a year the year (and month) of its range's end or of a repeat."""
    calendar = [m for m in mentions if m.rule in CALENDAR_RULES or m.kind == "explicit"]
    calendar.sort(key=lambda m: m.start)
    for this, after in zip(reversed(calendar[:-1]), reversed(calendar[1:])):
        if this.year is not None or after.year is None or after.month is None:
            continue
        gap = norm[this.end:after.start]
        joined = re.search(_CONNECTOR, gap) or norm[after.start:after.start + 1] == "و"
        if joined and re.fullmatch(rf"\s*{_CONNECTOR}?\s*", gap) and (this.month is None or this.month <= after.month):
            this.year = after.year
            this.month = this.month or after.month
            this.notes.append("year of the range end")
    dated = {}
    for m in calendar:
        if m.year is not None and m.month and m.day and "range end" not in " ".join(m.notes):
            dated.setdefault((m.month, m.day), m)
    for m in calendar:
        if m.year is None and m.month and m.day and (m.month, m.day) in dated:
            m.year = dated[(m.month, m.day)].year
            m.notes.append(f"year of «{norm[dated[(m.month, m.day)].start:dated[(m.month, m.day)].end]}»")


def _resolve_calendar(m: Mention, norm: str, ref: dt.date | None) -> tuple[str, str, str]:
    """``(date, grain, rule)`` of a day/month mention after the years were lent."""
    rule = "; ".join([m.rule] + m.notes)
    grain = "day" if m.day else "month"
    if m.month is None:
        return "", grain, rule
    if m.year is not None:
        found = _safe_date(m.year, m.month, m.day or 1)
        return _iso(found), grain, rule
    if m.rule in ("named_event", "range_day"):
        return "", grain, rule + "; no year"
    if ref is None:
        return "", grain, rule
    direction, cue = _direction(m.match.groupdict().get("mod"), norm, m)
    rule = f"{rule}; {direction}: {cue}"
    if m.day:
        return _iso(_month_day(m.month, m.day, direction, ref)), grain, rule
    return _iso(_month(m.month, direction, ref)), grain, rule


def _resolve(m: Mention, norm: str, ref: dt.date | None) -> tuple[str, str, str]:
    """``(iso date or '', grain, rule)`` of a mention."""
    rule, g = m.rule, m.match.groupdict()
    if rule in CALENDAR_RULES:
        return _resolve_calendar(m, norm, ref)
    if rule == "hijri_month":
        day = _day_value(g["day"])
        return (_hijri(int(g["year"]), HMONTHS[_key(g["hmonth"])], day) if day else ""), "day", rule
    if rule == "hijri_numeric":
        a, b, c = g["a"], g["b"], g["c"]
        y, mo, d = (int(a), int(b), int(c)) if len(a) >= 3 else (int(c), int(b), int(a))
        return _hijri(y, mo, d), "day", rule
    if rule in ("numeric_date", "numeric_date_us"):
        return _iso(_numeric(g["a"], g["b"], g["c"])), "day", rule
    if rule.startswith("year"):
        year = _year_of(g.get("span") or g.get("span2"))
        return (f"{year:04d}-01-01" if year else ""), "year", rule
    if rule in ("event_phrase", "span_from_event", "event_ordinal_day"):
        return "", "", rule
    if rule == "ago" and _count_of(g["count"], g["unit"]) is None:
        return "", "", rule + "; vague count"
    if ref is None:
        return "", "day" if rule != "relative_period" else "", rule
    if rule == "ordinal_of_month":
        which = "this" if g.get("this") else _modifier(g["rel"])
        first = pd.Timestamp(ref.year, ref.month, 1) + pd.DateOffset(months={"past": -1, "next": 1}.get(which, 0))
        day = _day_value(g["day"])
        return _iso(_safe_date(first.year, first.month, day) if day else None), "day", rule
    if rule in ("relative_weekday", "relative_day"):
        return _iso(ref + dt.timedelta(days=RELATIVE[_key(g["rel"])])), "day", rule
    if rule == "relative_period":
        unit = g["unit"] or g["unit2"]
        which = "this" if g.get("this") else _modifier(g["rel"])
        step = {"past": -1, "next": 1}.get(which, 0)
        if unit == "اسبوع":                                  # ISO weeks: the Monday it starts on
            return _iso(ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)), "week", rule
        if unit == "شهر":
            first = pd.Timestamp(ref.year, ref.month, 1) + pd.DateOffset(months=step)
            return first.date().isoformat(), "month", rule
        return f"{ref.year + step:04d}-01-01", "year", rule
    if rule == "ago":
        offset = _offset(g["unit"], -_count_of(g["count"], g["unit"]))
        if offset is None:
            return "", "", rule                                  # hours: too fine to place
        when = (pd.Timestamp(ref) + offset).date()
        return _period(when, _unit_grain(g["unit"])), _unit_grain(g["unit"]), rule
    if rule in ("weekday", "night_span"):
        direction, cue = _direction(g.get("mod"), norm, m)
        return _iso(_weekday(WEEKDAYS[g["wd"]], direction, ref)), "day", f"{rule}; {direction}: {cue}"
    if rule in ("week_weekday", "weekday_of_week"):
        which = "this" if (g.get("this") or g.get("thisday")) else _modifier(g["rel"])
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks={"past": -1, "next": 1}.get(which, 0))
        return _iso(monday + dt.timedelta(days=WEEKDAYS[g["wd"]])), "day", rule
    if rule == "nth_weekday":
        return _nth_weekday(WEEKDAYS[g["wd"]], g["nth"], ref), "day", rule
    if rule == "weekday_day":
        day = _day_value(g["day"] or g["wday"])
        return (_weekday_on_day(WEEKDAYS[g["wd"]], day, ref) if day else ""), "day", rule
    if rule == "from_now":
        if g.get("dir"):
            sign, why = (1 if g["dir"] == "بعد" else -1), g["dir"]
        else:                                               # no direction word: the tense says
            direction, why = direction_cue(norm, m.start, m.end)
            sign = {"back": -1, "forward": 1}.get(direction, 0)
            if not sign:
                return "", "", rule + "; no direction"
        when = pd.Timestamp(ref)
        for count, unit in re.findall(rf"(?:(\d+|{alternation(NUMBER_WORDS)})\s*)?({DURATION_UNITS})", g["spans"]):
            when += _offset(unit, sign * (_count_of(count, unit) or 1))
        return when.date().isoformat(), "day", f"{rule}; {why}"
    raise AssertionError(rule)


def _raw_end(text: str, end: int) -> int:
    """Extend a span over combining marks and tatweel that belong to its last letter."""
    while end < len(text) and (unicodedata.category(text[end]) == "Mn" or text[end] == "\u0640"):
        end += 1
    return end


def extract_dates(text: str, reference=None, *, doc_id: str = "") -> pd.DataFrame:
    """Find the date expressions of ``text`` and resolve them against ``reference``.

    Parameters
    ----------
    text : str
        Raw text (any normalization state; offsets are into this string).
    reference : date, datetime, str or None
        The date the text was written (usually its publication date), ISO if a string;
        None leaves relative expressions unresolved.
    doc_id : str, optional
        Copied into the ``doc_id`` column.

    Returns
    -------
    pandas.DataFrame
        One row per expression, in text order: ``doc_id``, ``expression`` (as written,
        ``text[start:end]``), ``start``, ``end``, ``kind`` (explicit, month_day, month,
        year, weekday, relative, hijri, event_relative, name, generic), ``date`` (ISO or
        ''), ``grain`` (day, week, month, year or ''), ``daypart`` (فجر, صباح, ظهر, عصر,
        مساء, ليل or ''), ``rule`` (the pattern, what lent a year, and for a weekday or a
        date without a year the direction and the cue that decided it, e.g.
        ``weekday; forward: future verb سيزور``), ``uses_reference`` (True when the date
        was counted from ``reference``: it is only as sure as the reference).

    Examples
    --------
    >>> extract_dates("سيزور الرئيس بغداد الأربعاء، وقد زار عمّان الأحد",
    ...               reference="2018-06-08")[["expression", "date", "rule"]].values.tolist()
    [['الأربعاء', '2018-06-13', 'weekday; forward: future verb سيزور'], ['الأحد', '2018-06-03', 'weekday; back: past verb زار']]
    >>> extract_dates("نقلت صحيفة المصري اليوم عن ١٥ رمضان ١٤٤٢ هـ",
    ...               reference="2021-11-08")[["expression", "kind", "date"]].values.tolist()
    [['المصري اليوم', 'name', ''], ['١٥ رمضان ١٤٤٢ هـ', 'hijri', '2021-04-27']]
    """
    ref = _as_date(reference)
    norm, index = normalize_with_offsets(text)
    claimed: list[tuple[int, int]] = []
    rows = []

    def raw_span(start: int, end: int) -> tuple[int, int]:
        return index[start], _raw_end(text, index[end - 1] + 1)

    for start, end, kind, rule in not_date_spans(norm):
        claimed.append((start, end))
        s, e = raw_span(start, end)
        rows.append((doc_id, text[s:e], s, e, kind, "", "", "", rule, False))
    mentions: list[Mention] = []
    for rule, kind, pattern in PATTERNS:
        for m in pattern.finditer(norm):
            if any(m.start() < e and s < m.end() for s, e in claimed):
                continue
            claimed.append((m.start(), m.end()))
            span = next((n for n in ("span", "span2") if m.groupdict().get(n)), None)
            start, end = m.span(span) if span else m.span()
            mentions.append(Mention(rule, kind, m, start, end))
    for mention in mentions:
        if mention.rule in CALENDAR_RULES:
            _calendar_fields(mention, ref)
        elif mention.rule in ("numeric_date", "numeric_date_us"):
            found = _numeric(mention.match["a"], mention.match["b"], mention.match["c"])
            if found:
                mention.year, mention.month, mention.day = found.year, found.month, found.day
    _lend_years(mentions, norm)
    for mention in mentions:
        date, grain, rule = _resolve(mention, norm, ref)
        s, e = raw_span(mention.start, mention.end)
        dp = _key(mention.match.groupdict().get("dp"))
        daypart = DAYPART_OF.get(dp, "صباح" if dp else "")       # "في وقت مبكر من": early in the day
        uses = bool(date) and (mention.rule in REFERENCE_RULES or any(d in rule for d in _DIRECTIONS))
        rows.append((doc_id, text[s:e], s, e, mention.kind, date, grain, daypart, rule, uses))
    table = pd.DataFrame(rows, columns=DATE_COLUMNS)
    return table.sort_values("start", kind="stable").reset_index(drop=True)


# --- corpus level -------------------------------------------------------------------------

def dates_table(corpus: pd.DataFrame, *, references: dict[str, str] | None = None,
                publications: pd.DataFrame | None = None, infer: bool = True,
                dayfirst: bool | None = True) -> pd.DataFrame:
    """All date expressions of every document, resolved against its publication date.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus`.
    references : dict, optional
        doc_id -> reference date, overriding the publication date (e.g. a date a
        researcher established elsewhere); recorded as "given by the user".
    publications : pandas.DataFrame, optional
        The table of :func:`analysis.pubdates.publication_dates`, if already made.
    infer, dayfirst
        Passed to :func:`analysis.pubdates.publication_dates`: dates inferred from the
        corpus for undated articles (the default; ``infer=False`` leaves them undated),
        and how a metadata date such as "08/11/2021" is read.

    Returns
    -------
    pandas.DataFrame
        :data:`DATE_COLUMNS` plus ``reference`` and ``reference_source`` (the
        publication date's ``date_source``: printed, metadata, ``inferred: …`` with its
        confidence, or given by the user).  Expressions in boilerplate lines (a dateline
        line, say) are included: dates are read from the raw text.
    """
    from .pubdates import publication_dates

    if publications is None:
        publications = publication_dates(corpus, infer=infer, dayfirst=dayfirst)
    pubs = publications.set_index("doc_id")
    references = references or {}
    frames = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        if doc_id in references:
            ref, source = str(_as_date(references[doc_id])), "given by the user"
        else:
            ref, source = pubs.at[doc_id, "publication_date"], pubs.at[doc_id, "date_source"]
            if str(source).startswith("inferred"):
                source = f"{source} (confidence {pubs.at[doc_id, 'confidence']})"
        table = extract_dates(text, ref or None, doc_id=doc_id)
        frames.append(table.assign(reference=ref, reference_source=source))
    columns = DATE_COLUMNS + ["reference", "reference_source"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def __getattr__(name: str):
    # publication_dates lives in analysis.pubdates (which imports this module)
    if name == "publication_dates":
        from .pubdates import publication_dates

        return publication_dates
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
