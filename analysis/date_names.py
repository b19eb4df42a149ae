"""Date words that do not date anything: names that contain them, and "اليوم" as "nowadays".

:func:`not_date_spans` finds, in normalized text, the spans :func:`analysis.dates.extract_dates`
must not resolve, each with its ``kind`` and the ``rule`` that found it:

* ``name``: a name holding a date word — the short list ``analysis/data/date_names.txt``
  (المصري اليوم, اليوم السابع, أخبار اليوم, حزب الغد, صحيفة الغد …); the outlets of the
  gazetteer ``analysis/data/outlets.csv`` whose names hold one (روسيا اليوم, بغداد اليوم:
  a name unless a weekday follows, "روسيا اليوم الثلاثاء"; those the gazetteer marks
  ambiguous only in quotation marks or after قناة/موقع/صحيفة …); a short title in
  quotation marks ending in one («العراق اليوم»); a group named after a day (قوى 14 آذار);
* ``name`` also: a day's name (اليوم العالمي للمرأة, اليوم الوطني);
* ``generic``: "اليوم" meaning "nowadays" — next to a verb of becoming (أصبح اليوم, بات
  اليوم), after a pronoun ("هي اليوم محل نقاش"), before the presentative ها ("واليوم ها
  هو يعود"), or between a clause's first noun and a present-tense verb ("العراق اليوم
  يواجه"); "(في) مثل هذا اليوم", "يومنا هذا"; the whole day (طوال اليوم); "اليوم الذي"
  (the day when); and "بأمس الحاجة" (most needed, not yesterday).

>>> from analysis.normalize import normalize
>>> [(k, normalize("قالت صحيفة المصري اليوم إن العراق اليوم يواجه أزمة")[s:e])
...  for s, e, k, _ in not_date_spans(normalize("قالت صحيفة المصري اليوم إن العراق اليوم يواجه أزمة"))]
[('name', 'المصري اليوم'), ('generic', 'اليوم')]
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from .config import DATA_DIR
from .date_tense import WORD, tense_cues, word_cue
from .normalize import normalize

NAMES_PATH = DATA_DIR / "date_names.txt"
OUTLETS_PATH = DATA_DIR / "outlets.csv"
#: Date words that make a name worth checking (normalized).
DATE_WORDS = ("اليوم", "الغد", "غدا", "امس", "الامس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
              "الجمعة", "السبت", "صنداي", "الصباح", "المساء", "الاسبوع")
#: Date words that end short quoted titles («العراق اليوم», «صحيفة الغد»).
TITLE_WORDS = ("اليوم", "الغد", "صنداي")
WEEKDAY_WORDS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت")
#: Head nouns of media: a name after them is an outlet's.
MEDIA_HEADS = ("صحيفة", "جريدة", "موقع", "قناة", "وكالة", "شبكة", "تلفزيون", "اذاعة", "مجلة", "برنامج", "نشرة")
#: Verbs of becoming and being: "اليوم" next to them means "nowadays".
BECOMING = ("اصبح", "اصبحت", "اصبحوا", "بات", "باتت", "صار", "صارت", "اضحي", "اضحت", "يعد", "تعد", "يعيش",
            "تعيش", "نعيش", "يبدو", "تبدو", "اصبحنا", "بتنا", "صرنا")
#: Adjectives that make "اليوم" a day's name: اليوم العالمي للمرأة, اليوم الوطني.
DAY_NAME_ADJECTIVES = ("العالمي", "الوطني", "الدولي", "العربي", "المفتوح", "الدراسي", "الاول للعيد")
#: Words before "اليوم" that make it "the whole day": طوال اليوم, باقي اليوم.
WHOLE_DAY = ("طوال", "طيلة", "باقي", "بقية", "مدار")
#: Pronouns before "اليوم" in a nominal sentence: "هي اليوم محل نقاش" (nowadays).
PRONOUNS = ("هو", "هي", "هم", "نحن", "انا", "انت", "انتم")
#: Heads of groups named after a day: قوى 14 آذار, حركة 20 فبراير.
GROUP_HEADS = ("قوي", "تحالف", "تيار", "حركة", "فريق", "ائتلاف", "جماعة", "كتلة", "معسكر")
QUOTES = "\"«»“”'"
#: What ends a clause around "اليوم" (commas too, here).
_BREAK = re.compile(r"[.،,؛;:!?؟\n\"«»“”()]")
#: Words that open an embedded clause (normalized): its tense is its own.
COMPLEMENTIZERS = ("ان", "انه", "انها", "بان", "بانه", "بانها", "لان")
_CL = r"(?:[وف]?[بل]?)"


def _read_names() -> dict[str, str]:
    """Normalized name -> the name as listed."""
    names = {}
    for line in NAMES_PATH.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names[normalize(line)] = line
    return names


def _read_outlets() -> list[tuple[str, bool]]:
    """Gazetteer variants holding a date word, with the gazetteer's ``ambiguous`` flag."""
    found = []
    with OUTLETS_PATH.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for variant in row["variants"].split("|"):
                form = normalize(variant.strip())
                if any(w in DATE_WORDS for w in form.split()):
                    found.append((form, row.get("ambiguous", "").strip() == "yes"))
    return found


def _alternation(forms) -> str:
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns():
    names = _read_names()
    outlets = _read_outlets()
    return {
        "list": re.compile(rf"(?<!\w){_CL}({_alternation(names)})(?!\w)"),
        "listed": names,
        "outlet": re.compile(rf"(?<!\w){_CL}({_alternation(f for f, _ in outlets)})(?!\w)"),
        "ambiguous": {f for f, ambiguous in outlets if ambiguous},
        "quoted": re.compile(rf"[{QUOTES}]\s*((\w+)\s+(?:{'|'.join(TITLE_WORDS)}))\s*[{QUOTES}]"),
        "group": re.compile(rf"(?<!\w)(?:{'|'.join(GROUP_HEADS)})\s+[{QUOTES}]?(\d{{1,2}}\s+\w+)"),
        "this_day": re.compile(r"(?<!\w)(?:في\s+)?(مثل\s+هذا\s+اليوم|يومنا\s+هذا)(?!\w)"),
        "day_name": re.compile(rf"(?<!\w)[وف]?[بل]?((?:ال|ل)يوم\s+(?:{'|'.join(DAY_NAME_ADJECTIVES)}))(?!\w)"),
        "whole_day": re.compile(rf"(?<!\w)[وف]?(?:{'|'.join(WHOLE_DAY)})\s+(اليوم)(?!\w)"),
        "the_day_which": re.compile(r"(?<!\w)[وف]?[بل]?((?:ال|ل)يوم)\s+(?:الذي|التي)(?!\w)"),
        "most_needed": re.compile(r"(?<!\w)(ب?امس)\s+(?:ال)?حاجة(?!\w)"),
        "today": re.compile(r"(?<!\w)[وف]?(?:ل|ب)?(اليوم)(?!\w)"),
    }


def _words_before(norm: str, start: int, n: int) -> list[str]:
    return re.findall(r"\w+", norm[max(0, start - 60):start])[-n:]


def _generic_today(norm: str, start: int, end: int) -> str:
    """The rule that makes this "اليوم" mean "nowadays", or ''."""
    before = _words_before(norm, start, 1)
    after = WORD.findall(norm[end:end + 40])[:1]
    prev = before[0] if before and not _BREAK.search(norm[max(0, start - 3):start]) else ""
    nxt = after[0] if after and not _BREAK.search(norm[end:end + 2]) else ""
    strip = (lambda w: w[1:] if len(w) > 3 and w[0] in "وف" else w)
    clause_before = _BREAK.split(norm[max(0, start - 60):start])[-1]
    if strip(nxt) in BECOMING or any(strip(w) in BECOMING for w in WORD.findall(clause_before)[-2:]):
        return "generic: verb of becoming"             # "أصبح اليوم", "باتت الحكومة اليوم"
    if nxt in ("ها", "وها"):
        return "generic: presentative ها"
    if strip(prev) in PRONOUNS:
        return "generic: pronoun subject (هي اليوم)"
    if not prev or not nxt or nxt in WEEKDAY_WORDS:
        return ""
    # "العراق اليوم يواجه": a clause that opens with a noun, then اليوم, then a present verb
    # (not a masdar such as تسجيل, nor a verb of scheduling: "الرئيس اليوم يزور" is today)
    looks_present = (re.fullmatch(r"[يت]\w{3,}", nxt) and not nxt.endswith(("ات", "ة"))
                     and not re.fullmatch(r"ت\w\wي\w", nxt))
    if not looks_present or tense_cues().get(nxt, ("",))[0] == "forward" or word_cue(nxt):
        return ""
    clause = _BREAK.split(norm[max(0, start - 200):start])[-1]
    words = WORD.findall(clause)
    for i in range(len(words) - 1, -1, -1):              # "قالت إن العراق اليوم يواجه": the clause after إن
        if words[i] in COMPLEMENTIZERS:
            words = words[i + 1:]
            break
    if len(words) != 1 or word_cue(words[0]):
        return ""
    return "generic: nominal clause with a present verb"


def not_date_spans(norm: str) -> list[tuple[int, int, str, str]]:
    """Spans of ``norm`` holding date words that are names or generic, not dates.

    Returns
    -------
    list of tuple
        ``(start, end, kind, rule)`` in ``norm`` offsets, ``kind`` ``name`` or ``generic``.
    """
    p = _patterns()
    spans: list[tuple[int, int, str, str]] = []

    def add(start, end, kind, rule):
        if not any(start < e and s < end for s, e, _, _ in spans):
            spans.append((start, end, kind, rule))

    for m in p["list"].finditer(norm):
        add(m.start(1), m.end(1), "name", f"name: {p['listed'][' '.join(m.group(1).split())]}")
    for m in p["outlet"].finditer(norm):
        form = " ".join(m.group(1).split())
        following = WORD.findall(norm[m.end():m.end() + 20])[:1]
        if following and following[0] in WEEKDAY_WORDS:
            continue                                       # "روسيا اليوم الثلاثاء": today
        quoted = norm[max(0, m.start() - 2):m.start()].strip()[-1:] in QUOTES if m.start() else False
        head = _words_before(norm, m.start(), 1)
        if form in p["ambiguous"] and not (quoted or (head and head[0].lstrip("وفبل") in MEDIA_HEADS)):
            continue
        add(m.start(1), m.end(1), "name", f"name: outlet {form}")
    for m in p["quoted"].finditer(norm):
        if not word_cue(m.group(2)):                       # «سنعود اليوم» is speech, not a title
            add(m.start(1), m.end(1), "name", "name: quoted title")
    for m in p["group"].finditer(norm):
        add(m.start(1), m.end(1), "name", "name: group named after a day")
    for m in p["this_day"].finditer(norm):
        add(m.start(1), m.end(1), "generic", "generic: on this day")
    for m in p["day_name"].finditer(norm):
        add(m.start(1), m.end(1), "name", "name: a day's name")
    for m in p["whole_day"].finditer(norm):
        add(m.start(1), m.end(1), "generic", "generic: all day")
    for m in p["the_day_which"].finditer(norm):
        add(m.start(1), m.end(1), "generic", "generic: the day when")
    for m in p["most_needed"].finditer(norm):
        add(m.start(1), m.end(1), "generic", "generic: أمسّ الحاجة (most needed)")
    for m in p["today"].finditer(norm):
        rule = _generic_today(norm, m.start(1), m.end(1))
        if rule:
            add(m.start(1), m.end(1), "generic", rule)
    return sorted(spans)
