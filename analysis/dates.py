"""Date expressions in Arabic news, with their positions and their calendar dates.

Generic parsers fail on news prose: they miss "10 أكتوبر/تشرين الأول", "العاشر من
أكتوبر", "مساء الأحد", "الجمعة الماضية" and clitic-attached forms (بالأمس, والأحد), give no
positions, and resolve relative dates against today.  :func:`extract_dates` finds them by
rules on the normalized text (offsets map back to the raw text) and resolves them against
a reference date, normally the article's publication date:

* a bare or "الماضي" weekday is the most recent such day on or before the reference (the
  reference's own weekday means the reference day itself, unless marked الماضي);
  "المقبل"/"القادم" looks forward;
* a day and month without a year is the most recent such day on or before the reference
  (news report the past), or the next one after it with المقبل;
* اليوم, أمس, أول أمس, غدا and "قبل ثلاثة أيام" count days from the reference;
  الأسبوع/الشهر/العام الماضي give a period (``grain`` week/month/year, ``date`` its first
  day; weeks are ISO weeks, Monday to Sunday, also for "الجمعة من الأسبوع المقبل");
* without a reference, relative expressions keep an empty date: never a guess from today;
* event-relative phrases (غداة محاولة الاغتيال, بعد يومين من اشتباكات, نفس اليوم) are
  listed with ``kind="event_relative"`` and no date.

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

import pandas as pd

from .tokenize import lines_of
from .normalize import normalize, normalize_with_offsets
from .resources import (
    DAYPARTS, EVENT_RELATIVE_PHRASES, GREGORIAN_MONTHS, HIJRI_MONTHS, NEXT_WORDS, NUMBER_WORDS,
    ORDINAL_TENS, ORDINAL_UNITS, PAST_WORDS, RELATIVE_DAYS, THIS_WORDS, WEEKDAY_NUMBERS,
)

DATE_COLUMNS = ["doc_id", "expression", "start", "end", "kind", "date", "grain", "daypart", "rule"]
#: Month names that are also common words (father, zero, a name, ...): matched only next to
#: a day number or a year.
AMBIGUOUS_MONTHS = ("آب", "ماي", "مارس", "صفر", "رجب", "شعبان", "أوت")


# --- lexicon, normalized ------------------------------------------------------------------

def _n(word: str) -> str:
    return normalize(word)


def _alt(words) -> str:
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
MONTHS = {_n(k): v for k, v in GREGORIAN_MONTHS.items()}
HMONTHS = {_n(k): v for k, v in HIJRI_MONTHS.items()}
WEEKDAYS = {_n(k)[2:]: v for k, v in WEEKDAY_NUMBERS.items()}        # without the article
DAYPART_OF = {_n(k): v for k, v in DAYPARTS.items()}
NUMBERS = {_n(k): v for k, v in NUMBER_WORDS.items()}
RELATIVE = {_n(k): v for k, v in RELATIVE_DAYS.items()}
PAST, NEXT, THIS = ({_n(w) for w in ws} for ws in (PAST_WORDS, NEXT_WORDS, THIS_WORDS))

B, E = r"(?<!\w)", r"(?!\w)"
CL = r"(?:[وف]?[بل]?)"                                     # و ف ب ل attached to the word
AL = r"(?:[وف]?[بك]?ال|[وف]?لل)"                           # the article, with clitics
MOD = rf"(?P<mod>{_alt(PAST_WORDS + NEXT_WORDS + ('الجاري', 'الحالي'))})"
ANY_MOD = _alt(PAST_WORDS + NEXT_WORDS + THIS_WORDS)       # الماضي, المقبل, الجاري, هذا ...
WD = rf"{AL}(?P<wd>{'|'.join(sorted(WEEKDAYS, key=len, reverse=True))})"
DP = rf"(?:{CL}(?P<dp>{_alt(DAYPARTS)}|{_n('في وقت مبكر من')})\s+(?:{_n('من')}\s+)?)"
DAY = rf"(?P<day>\d{{1,2}}|{_alt(ORDINALS)})"
YEAR = r"(?P<year>\d{4})"
SAFE_MONTHS = [m for m in GREGORIAN_MONTHS if m not in AMBIGUOUS_MONTHS]
MONTH = rf"{CL}(?P<month>{_alt(GREGORIAN_MONTHS)})(?:\s*/\s*(?P<month2>{_alt(GREGORIAN_MONTHS)}))?"
UNIT = (r"(?P<unit>يومين|يوما|يوم|ايام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|شهور|عامين|عام|اعوام"
        r"|سنتين|سنة|سنوات|سنين|ساعتين|ساعة|ساعات)")
COUNT = rf"(?:(?P<count>\d+|{_alt(NUMBER_WORDS)})\s+)?"
_DURATION_UNITS = r"(?:يومين|يوما|يوم|ايام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|شهور|عامين|عام|اعوام|سنتين|سنة|سنوات)"
DURATION = rf"(?:(?:\d+|{_alt(NUMBER_WORDS)})\s*)?{_DURATION_UNITS}"
#: Cardinal day numbers in words, for "الجمعة في خمسة عشر".
CARDINAL_DAYS = {"خمسة عشر": 15, "أربعة عشر": 14, "ثلاثة عشر": 13, "ستة عشر": 16, "سبعة عشر": 17,
                 "ثمانية عشر": 18, "تسعة عشر": 19, "عشرة": 10, "عشرين": 20, "ثلاثين": 30}
CARDINALS = {_n(k): v for k, v in CARDINAL_DAYS.items()}

#: The rules, in priority order: an earlier rule's match claims its characters.
PATTERNS: list[tuple[str, str, re.Pattern]] = [
    ("hijri_month", "hijri", re.compile(
        rf"{B}{DAY}\s+(?:من\s+)?(?:شهر\s+)?{CL}(?P<hmonth>{_alt(HIJRI_MONTHS)})\s*[,،]?\s*(?:عام\s+|سنة\s+)?"
        rf"(?P<year>\d{{3,4}})(?:\s*(?:ه|هجري|هجرية|للهجرة){E})?")),
    ("hijri_numeric", "hijri", re.compile(
        rf"{B}(?P<a>\d{{1,4}})\s*(?P<sep>[/.\-])\s*(?P<b>\d{{1,2}})\s*(?P=sep)\s*(?P<c>\d{{1,4}})\s*(?:ه|هجري|للهجرة){E}")),
    ("numeric_date", "explicit", re.compile(
        rf"{B}(?:(?:يوم\s+)?{WD}\s*[,،]?\s*)?(?P<a>\d{{1,4}})\s*(?P<sep>[/.\-])\s*(?P<b>\d{{1,2}})\s*(?P=sep)\s*"
        rf"(?P<c>\d{{2,4}}){E}(?!\s*[/.\-]\s*\d)")),
    ("numeric_date_us", "explicit", re.compile(rf"{B}(?P<b>\d{{1,2}})/(?P<a>\d{{1,2}}),\s*(?P<c>\d{{2,4}}){E}")),
    ("ordinal_of_month", "month_day", re.compile(
        rf"{B}(?:{CL}يوم\s+)?{DAY}\s+من\s+(?:{AL}(?P<unit>شهر)\s+(?P<rel>{ANY_MOD})"
        rf"|(?P<this>هذا)\s+الشهر){E}")),
    ("day_month", "month_day", re.compile(
        rf"{B}(?:(?:{CL}يوم\s+)?{WD}\s*[,،]?\s*)?(?:{CL}يوم\s+)?{DAY}\s*\.?\s*[\-/]?\s*(?:من\s+)?(?:شهر\s+)?{MONTH}"
        rf"(?:\s*[.,،]?\s*(?:(?:عام|سنة)\s+)?{YEAR})?(?:\s*(?:م|ميلادي|ميلادية){E})?(?:\s+{MOD})?{E}")),
    ("month_day", "month_day", re.compile(
        rf"{B}(?:(?:يوم\s+)?{WD}\s*[,،]?\s*)?{MONTH}\s*[\-]?\s*(?P<day>\d{{1,2}}(?!\d)|{_alt(ORDINALS)}{E})"
        rf"(?:\s*[,،]\s*{YEAR})?{E}")),
    ("month_year", "month_day", re.compile(
        rf"{B}(?:شهر\s+)?{MONTH}\s*[,،]?\s*(?:(?:عام|سنة)\s+)?{YEAR}{E}")),
    ("month_modifier", "month_day", re.compile(
        rf"{B}(?:شهر\s+)?{CL}(?P<month>{_alt(SAFE_MONTHS)})(?:\s*/\s*(?P<month2>{_alt(GREGORIAN_MONTHS)}))?\s+{MOD}{E}")),
    ("event_phrase", "event_relative", re.compile(
        rf"{B}(?:{CL}(?:غداة|عشية)\s+\w+(?:\s+\w+)?|(?:{_alt(EVENT_RELATIVE_PHRASES[2:])})){E}")),
    ("from_now", "relative", re.compile(
        rf"{B}(?:(?P<dir>بعد|منذ|قبل)\s+)?(?P<spans>{DURATION}(?:\s*[,،]?\s*و?\s*{DURATION})*)\s+من\s+الان{E}")),
    ("span_from_event", "event_relative", re.compile(
        rf"{B}{CL}(?P<dir>بعد|قبل)\s+{COUNT}{UNIT}\s+(?:من|على)\s+\w+(?:\s+(?!(?:في|من|على|الي|عن){E})\w+)?{E}")),
    ("today_weekday", "relative", re.compile(rf"{B}(?:{DP})?{CL}(?P<rel>اليوم)\s+{WD}{E}")),
    ("relative_day", "relative", re.compile(rf"{B}(?:{DP})?{CL}(?P<rel>{_alt(RELATIVE_DAYS)}){E}")),
    ("week_weekday", "weekday", re.compile(
        rf"{B}(?:{AL}(?P<unit>اسبوع)\s+(?P<rel>{ANY_MOD})|(?P<this>هذا)\s+(?:ال)?اسبوع"
        rf"|(?P<thisday>هذا))\s+(?:{CL}يوم\s+)?{WD}{E}")),
    ("weekday_of_week", "weekday", re.compile(
        rf"{B}(?:{CL}يوم\s+)?{WD}\s+من\s+(?:{AL}اسبوع\s+(?P<rel>{ANY_MOD})"
        rf"|(?P<this>هذا)\s+الاسبوع){E}")),
    ("nth_weekday", "weekday", re.compile(
        rf"{B}(?:{CL}يوم\s+)?{WD}\s+(?P<nth>الاول|الثاني|الثالث|الرابع|الخامس|الاخير){E}(?!\s+(?:و|عشر))")),
    ("relative_period", "relative", re.compile(
        rf"{B}(?:{AL}(?P<unit>اسبوع|شهر|عام|سنة)\s+(?P<rel>{ANY_MOD})"
        rf"|(?P<this>هذا|هذه)\s+(?:ال)?(?P<unit2>اسبوع|شهر|عام|سنة)){E}")),
    ("ago", "relative", re.compile(rf"{B}{CL}(?P<dir>قبل)\s+{COUNT}{UNIT}{E}(?!\s+(?:من|على){E})")),
    ("weekday_day", "weekday", re.compile(
        rf"{B}(?:{CL}يوم\s+)?{WD}\s*[,،]?\s+(?:في\s+)?(?P<day>\d{{1,2}}(?!\d)|{_alt(ORDINALS)}|{_alt(CARDINAL_DAYS)})"
        rf"(?!\s*(?:من\s+)?(?:شهر\s+)?{CL}(?:{_alt(GREGORIAN_MONTHS)})){E}")),
    ("weekday", "weekday", re.compile(rf"{B}(?:{DP})?(?:{CL}يوم\s+)?{WD}(?:\s+{MOD})?{E}")),
]


# --- resolution ---------------------------------------------------------------------------

def _as_date(value) -> dt.date | None:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_value(text: str) -> int:
    key = " ".join(text.split())
    return int(key) if key.isdigit() else ORDINALS.get(key) or CARDINALS[key]


def _direction(mod: str | None) -> str:
    if not mod:
        return "bare"
    mod = " ".join(mod.split())
    return "past" if mod in PAST else "next" if mod in NEXT else "this"


def _month_day(month: int, day: int, year: str | None, mod: str | None, ref: dt.date | None) -> tuple[str, str]:
    if year:
        found = _safe_date(int(year), month, day)
        return (found.isoformat() if found else ""), "day"
    if ref is None:
        return "", "day"
    direction = _direction(mod)
    found = _safe_date(ref.year, month, day)
    if direction == "next":
        if found is None or found <= ref:
            found = _safe_date(ref.year + 1, month, day)
    elif found is None or found > ref:
        found = _safe_date(ref.year - 1, month, day)
    return (found.isoformat() if found else ""), "day"


def _weekday(weekday: int, mod: str | None, ref: dt.date | None) -> str:
    if ref is None:
        return ""
    direction = _direction(mod)
    if direction == "next":
        return (ref + dt.timedelta(days=(weekday - ref.weekday()) % 7 or 7)).isoformat()
    back = (ref.weekday() - weekday) % 7
    if direction == "past" and back == 0:
        back = 7
    return (ref - dt.timedelta(days=back)).isoformat()


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


def _shift(ref: dt.date, unit: str, count: int, sign: int) -> tuple[str, str]:
    offset = _offset(unit, sign * count)
    if offset is None:
        return "", ""                                        # hours: too fine to place
    return (pd.Timestamp(ref) + offset).date().isoformat(), "day"


def _count_of(count: str | None, unit: str) -> int:
    """The number of units: "3 أيام", "ثلاثة أيام", "يومين" (dual), "أيام" (a few: 3)."""
    if count:
        raw = " ".join(count.split())
        return int(raw) if raw.isdigit() else NUMBERS.get(raw, 1)
    plural = ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "ساعات")
    return 2 if unit.endswith(("ين", "تين")) else 3 if unit in plural else 1


def _count(match: re.Match) -> int:
    return _count_of(match["count"], match["unit"])


def _nth_weekday(weekday: int, nth: str, ref: dt.date | None) -> str:
    """The first, second, ... or last such weekday of the reference month."""
    if ref is None:
        return ""
    days = [d for d in pd.date_range(dt.date(ref.year, ref.month, 1), periods=31, freq="D")
            if d.month == ref.month and d.weekday() == weekday]
    order = {"الاول": 0, "الثاني": 1, "الثالث": 2, "الرابع": 3, "الخامس": 4, "الاخير": -1}[nth]
    return days[order].date().isoformat() if order < len(days) else ""


def _weekday_on_day(weekday: int, day: int, ref: dt.date | None) -> str:
    """The most recent date on or before ``ref`` that is day ``day`` and that weekday."""
    if ref is None:
        return ""
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


def _resolve(rule: str, m: re.Match, ref: dt.date | None) -> tuple[str, str]:
    """Return ``(iso date or '', grain)`` for a match of ``rule``."""
    g = m.groupdict()
    if rule == "hijri_month":
        return _hijri(int(g["year"]), HMONTHS[" ".join(g["hmonth"].split())], _day_value(g["day"])), "day"
    if rule == "hijri_numeric":
        a, b, c = g["a"], g["b"], g["c"]
        y, mo, d = (int(a), int(b), int(c)) if len(a) >= 3 else (int(c), int(b), int(a))
        return _hijri(y, mo, d), "day"
    if rule in ("numeric_date", "numeric_date_us"):
        found = _numeric(g["a"], g["b"], g["c"])
        return (found.isoformat() if found else ""), "day"
    if rule in ("day_month", "month_day"):
        return _month_day(MONTHS[" ".join(g["month"].split())], _day_value(g["day"]), g.get("year"), g.get("mod"), ref)
    if rule == "month_year":
        return f"{int(g['year']):04d}-{MONTHS[' '.join(g['month'].split())]:02d}-01", "month"
    if rule == "month_modifier":
        if ref is None:
            return "", "month"
        month = MONTHS[" ".join(g["month"].split())]
        year = ref.year
        direction = _direction(g["mod"])
        if direction == "next" and month <= ref.month:
            year += 1
        elif direction == "past" and month >= ref.month:
            year -= 1
        return f"{year:04d}-{month:02d}-01", "month"
    if rule == "ordinal_of_month":
        if ref is None:
            return "", "day"
        direction = "this" if g.get("this") else _direction(g["rel"])
        first = pd.Timestamp(ref.year, ref.month, 1) + pd.DateOffset(
            months={"past": -1, "next": 1}.get(direction, 0))
        found = _safe_date(first.year, first.month, _day_value(g["day"]))
        return (found.isoformat() if found else ""), "day"
    if rule in ("event_phrase", "span_from_event"):
        return "", ""
    if ref is None:
        return "", "day" if rule != "relative_period" else ""
    if rule in ("today_weekday", "relative_day"):
        return (ref + dt.timedelta(days=RELATIVE[" ".join(g["rel"].split())])).isoformat(), "day"
    if rule == "relative_period":
        unit = g["unit"] or g["unit2"]
        direction = "this" if g.get("this") else _direction(g["rel"])
        step = {"past": -1, "next": 1}.get(direction, 0)
        if unit == "اسبوع":                                  # ISO weeks: the Monday it starts on
            return (ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)).isoformat(), "week"
        if unit == "شهر":
            first = pd.Timestamp(ref.year, ref.month, 1) + pd.DateOffset(months=step)
            return first.date().isoformat(), "month"
        return f"{ref.year + step:04d}-01-01", "year"
    if rule == "ago":
        return _shift(ref, m["unit"], _count(m), -1)
    if rule == "weekday":
        return _weekday(WEEKDAYS[m["wd"]], g.get("mod"), ref), "day"
    if rule in ("week_weekday", "weekday_of_week"):
        direction = "this" if (g.get("this") or g.get("thisday")) else _direction(g["rel"])
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks={"past": -1, "next": 1}.get(direction, 0))
        return (monday + dt.timedelta(days=WEEKDAYS[m["wd"]])).isoformat(), "day"
    if rule == "nth_weekday":
        return _nth_weekday(WEEKDAYS[m["wd"]], g["nth"], ref), "day"
    if rule == "weekday_day":
        return _weekday_on_day(WEEKDAYS[m["wd"]], _day_value(g["day"]), ref), "day"
    if rule == "from_now":
        sign = 1 if g.get("dir") == "بعد" else -1 if g.get("dir") else 0
        if not sign:
            return "", ""                                    # no direction word: past or future?
        when = pd.Timestamp(ref)
        for count, unit in re.findall(rf"(?:(\d+|{_alt(NUMBER_WORDS)})\s*)?({_DURATION_UNITS})", g["spans"]):
            when += _offset(unit, sign * _count_of(count, unit))
        return when.date().isoformat(), "day"
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
        The date the text was written (usually its publication date); None leaves
        relative expressions unresolved.
    doc_id : str, optional
        Copied into the ``doc_id`` column.

    Returns
    -------
    pandas.DataFrame
        One row per expression, in text order: ``doc_id``, ``expression`` (as written,
        ``text[start:end]``), ``start``, ``end``, ``kind`` (explicit, month_day, weekday,
        relative, hijri, event_relative), ``date`` (ISO or ''), ``grain`` (day, week,
        month, year or ''), ``daypart`` (فجر, صباح, ظهر, عصر, مساء, ليل or ''), ``rule``.

    Examples
    --------
    >>> extract_dates("وقعت الاشتباكات الجمعة الماضية، وفي ١٥ رمضان ١٤٤٢ هـ",
    ...               reference="2021-11-08")[["expression", "date"]].values.tolist()
    [['الجمعة الماضية', '2021-11-05'], ['١٥ رمضان ١٤٤٢ هـ', '2021-04-27']]
    """
    ref = _as_date(reference)
    norm, index = normalize_with_offsets(text)
    claimed: list[tuple[int, int]] = []
    rows = []
    for rule, kind, pattern in PATTERNS:
        for m in pattern.finditer(norm):
            if any(m.start() < e and s < m.end() for s, e in claimed):
                continue
            claimed.append((m.start(), m.end()))
            date, grain = _resolve(rule, m, ref)
            start, end = index[m.start()], _raw_end(text, index[m.end() - 1] + 1)
            daypart = DAYPART_OF.get(" ".join((m.groupdict().get("dp") or "").split()), "")
            if m.groupdict().get("dp") and not daypart:
                daypart = "صباح"                                 # "في وقت مبكر من": early in the day
            rows.append((doc_id, text[start:end], start, end, kind, date, grain, daypart, rule))
    table = pd.DataFrame(rows, columns=DATE_COLUMNS)
    return table.sort_values("start", kind="stable").reset_index(drop=True)


# --- corpus level -------------------------------------------------------------------------

#: How many leading lines count as the article's header when looking for a printed date.
HEADER_LINES = 8


def publication_dates(corpus: pd.DataFrame) -> pd.DataFrame:
    """The publication date of each document and where it came from.

    A full date printed in the header (the first :data:`HEADER_LINES` non-empty lines)
    wins; else the ``publication_date`` column (e.g. from ``metadata.csv``); else none.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``publication_date`` (ISO or ''), ``date_source``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> publication_dates(load_corpus()).publication_date.tolist()
    ['2021-11-08', '2020-11-23', '', '', '']
    """
    rows = []
    for record in corpus.to_dict("records"):
        found, source = "", ""
        lines = [ln for ln in lines_of(record["text"]) if ln.text.strip()][:HEADER_LINES]
        for ln in lines:
            hits = extract_dates(ln.text)
            hits = hits[(hits.kind == "explicit") & (hits.date != "")]
            if len(hits):
                found = hits.date.iloc[0]
                source = f"printed in the header, line {ln.no + 1}: {ln.text.strip()}"
                break
        if not found and str(record.get("publication_date") or ""):
            found = str(_as_date(record["publication_date"]))
            source = "metadata (publication_date column)"
        rows.append((record["doc_id"], found, source or "not printed, not in metadata"))
    return pd.DataFrame(rows, columns=["doc_id", "publication_date", "date_source"])


def dates_table(corpus: pd.DataFrame, *, references: dict[str, str] | None = None) -> pd.DataFrame:
    """All date expressions of every document, resolved against its publication date.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus`.
    references : dict, optional
        doc_id -> reference date, overriding the publication date (e.g. a date a
        researcher established elsewhere); recorded as such in ``reference_source``.

    Returns
    -------
    pandas.DataFrame
        :data:`DATE_COLUMNS` plus ``reference`` and ``reference_source``.  Expressions in
        boilerplate lines (a dateline line, say) are included: dates are read from the
        raw text.
    """
    pubs = publication_dates(corpus).set_index("doc_id")
    references = references or {}
    frames = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        if doc_id in references:
            ref, source = str(_as_date(references[doc_id])), "given by the user"
        else:
            ref, source = pubs.at[doc_id, "publication_date"], pubs.at[doc_id, "date_source"]
        table = extract_dates(text, ref or None, doc_id=doc_id)
        frames.append(table.assign(reference=ref, reference_source=source))
    columns = DATE_COLUMNS + ["reference", "reference_source"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)

