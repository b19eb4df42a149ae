"""When each article was published: printed, from the metadata, or inferred from the corpus.

:func:`publication_dates` takes, for each document, in this order:

1. a full date printed in the header (the first :data:`HEADER_LINES` non-empty lines:
   "الاثنين 2021/11/08", "23/11/2020");
2. the ``publication_date`` metadata column, read by :func:`parse_date`: ISO (year first)
   first, then day-first as Arabic news writes dates ("08/11/2021" is 8 November) unless
   ``dayfirst=False``; a value that is ambiguous (both numbers 12 or less) is read as
   told and reported in ``note``; a value that cannot be read that way (month 23) or at
   all is reported and left out, never swapped;
3. else, with ``infer=True``, a date inferred from the other articles
   (:func:`infer_publication_dates`), ``date_source`` "inferred: …" with the evidence and
   a ``confidence``; an article without enough evidence stays undated, with a window
   (``earliest``, ``latest``) when its weekdays put it within a week of events other
   articles date.

>>> parse_date("08/11/2021"), parse_date("2021-11-08"), parse_date("11/23/2020")[0]
((datetime.date(2021, 11, 8), 'ambiguous: read day-first'), (datetime.date(2021, 11, 8), ''), None)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .dates import extract_dates
from .normalize import normalize
from .tokenize import lines_of
#: How many leading lines count as the article's header when looking for a printed date.
HEADER_LINES = 8
PUBLICATION_COLUMNS = ["doc_id", "publication_date", "date_source", "confidence", "earliest", "latest", "note"]


# --- metadata values --------------------------------------------------------------------------

def parse_date(value, *, dayfirst: bool | None = True) -> tuple[dt.date | None, str]:
    """Read a metadata date: ``(date or None, note)``; the note says what was doubtful.

    Parameters
    ----------
    value : str, date or None
        "2021-11-08" (ISO, also with a time), "2021/11/08", "08/11/2021", "8-11-2021",
        "٠٨/١١/٢٠٢١", "8 نوفمبر 2021", "Nov 8, 2021".
    dayfirst : bool or None, default True
        How to read day/month/year numbers: day first (the Arabic convention), month
        first (False), or neither (None: an ambiguous value is reported, not read).

    Examples
    --------
    >>> parse_date("08/11/2021", dayfirst=False)
    (datetime.date(2021, 8, 11), 'ambiguous: read month-first')
    >>> parse_date("08/11/2021", dayfirst=None)
    (None, "ambiguous: '08/11/2021' is 8 November or 11 August; pass dayfirst=True or False")
    >>> parse_date("23/11/2020", dayfirst=None)
    (datetime.date(2020, 11, 23), '')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, ""
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    text = normalize(str(value)).strip()
    if not text:
        return None, ""
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.+\-Z ]*)?", text)
    if iso:
        try:
            return dt.date(*map(int, iso.groups())), ""
        except ValueError:
            return None, f"not a date: {value!r}"
    numeric = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", text)
    if numeric:
        a, b, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        year += 2000 if year < 70 else 1900 if year < 100 else 0
        readings = {"day-first": (year, b, a), "month-first": (year, a, b)}
        valid = {name: ymd for name, ymd in readings.items() if _valid(*ymd)}
        if dayfirst is None:
            if len(valid) == 1 or (len(valid) == 2 and a == b):
                return dt.date(*next(iter(valid.values()))), ""
            if not valid:
                return None, f"not a date: {value!r}"
            day_first = dt.date(*valid["day-first"])
            month_first = dt.date(*valid["month-first"])
            return None, (f"ambiguous: {value!r} is {day_first.day} {day_first:%B} or {month_first.day} "
                          f"{month_first:%B}; pass dayfirst=True or False")
        wanted = "day-first" if dayfirst else "month-first"
        if wanted not in valid:
            other = "dayfirst=False" if dayfirst else "dayfirst=True"
            return None, f"not a {wanted} date: {value!r}; pass {other} if the metadata is written that way"
        note = f"ambiguous: read {wanted}" if len(valid) == 2 and a != b else ""
        return dt.date(*valid[wanted]), note
    table = extract_dates(text)
    full = table[(table.grain == "day") & (table.date != "") & table.kind.isin(["explicit", "month_day", "hijri"])]
    if len(full) == 1 and len(full.expression.iloc[0]) >= len(text) - 12:
        return dt.date.fromisoformat(full.date.iloc[0]), ""
    if re.search(r"[A-Za-z]", text):
        try:
            return pd.Timestamp(text).date(), ""
        except (ValueError, OverflowError):
            pass
    return None, f"not a date: {value!r}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False


#: Any digit (Arabic-Indic too): the explicit dates :func:`printed_date` looks for are numeric
#: (``numeric_date``, ``numeric_date_us`` in :data:`analysis.dates.PATTERNS`).
_DIGIT = re.compile(r"\d")


def printed_date(text: str) -> tuple[str, str]:
    """``(iso, source)`` of a full date printed in the header of ``text``, or ``('', '')``.

    >>> printed_date("عنوان\\nالاثنين 2021/11/08\\nبغداد - ذكرت")[0]
    '2021-11-08'
    """
    lines = [ln for ln in lines_of(text) if ln.text.strip()][:HEADER_LINES]
    for ln in lines:
        if not _DIGIT.search(ln.text):             # an explicit date is numeric: skip the extractor
            continue
        hits = extract_dates(ln.text)
        hits = hits[(hits.kind == "explicit") & (hits.date != "")]
        if len(hits):
            return hits.date.iloc[0], f"printed in the header, line {ln.no + 1}: {ln.text.strip()}"
    return "", ""


# --- inference ----------------------------------------------------------------------------------

#: Fewest shared content words for two passages to be about the same event.
MIN_SHARED = 3
#: Anchors lie within this many days of their article's publication date.
NEWS_CYCLE = 7
#: An inferred article lends its days to the next round only from this confidence on.
MIN_ANCHOR_CONFIDENCE = 0.5
#: Words each side of a date expression that make its passage.
CONTEXT_WORDS = 20
#: Least rarity-weighted overlap (:func:`_rarity`) for a weekday to fall in a week with
#: an anchor, and (higher) for a relative day to be an anchor's day.
MIN_SCORE, MIN_SCORE_DAY = 2.0, 3.0
#: The reference the evidence pass resolves against: only offsets and cues are used.
PROBE = dt.date(2000, 1, 3)
#: How strongly each kind of evidence supports a date (combined as independent chances).
STRENGTH = {"event": 0.5, "present_weekday": 0.3, "weekday_event": 0.15}
#: An anchor that is itself inferred counts this much.
INFERRED_DISCOUNT = 0.8
_DATE_WORDS = {normalize(w) for w in (
    "اليوم", "أمس", "الأمس", "غدا", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "يوم", "مساء", "صباح", "فجر", "ليل", "ليلة", "الماضي", "الماضية", "المقبل", "الساعات", "ساعات")}


@dataclass
class Anchor:
    """A day a dated article puts an event on, and the words around it."""

    doc_id: str
    date: dt.date
    daypart: str
    words: frozenset
    expression: str
    inferred: bool
    published: dt.date


def _content_words(text: str) -> frozenset:
    from .stopwords import arabic_stopwords

    stop = arabic_stopwords()
    words = set()
    for word in re.findall(r"\w+", normalize(text)):
        if word in stop or word.isdigit() or word in _DATE_WORDS:
            continue
        word = _stem(word)
        if len(word) >= 3 and word not in _DATE_WORDS and "ال" + word not in _DATE_WORDS and word not in stop:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    """The word without the article and an attached conjunction or preposition: والكاظمي,
    بالطائرات -> كاظمي, طائرات; a lone و ف ب ل only when the rest is the more common word
    (وصالح -> صالح, but وسائل and بغداد stay)."""
    from .lexicon import zipf

    for prefix in ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    if len(word) > 3 and word[0] in "وفبل" and zipf(word[1:]) > zipf(word):
        return _stem(word[1:])
    return word


def _context(text: str, start: int, end: int) -> str:
    """The :data:`CONTEXT_WORDS` words each side of ``text[start:end]``."""
    before = re.findall(r"\w+", text[max(0, start - 40 * CONTEXT_WORDS):start])[-CONTEXT_WORDS:]
    after = re.findall(r"\w+", text[end:end + 40 * CONTEXT_WORDS])[:CONTEXT_WORDS]
    return " ".join(before + after)


def _anchors(doc_id: str, text: str, published: dt.date, inferred: bool) -> list[Anchor]:
    """The days an article puts events on, within :data:`NEWS_CYCLE` days of its
    publication: the news it shares with other articles, not background ("العاشر من
    أكتوبر الماضي" a month before).  Not its publication day either, which mostly dates
    the report ("ذكرت وسائل إعلام الاثنين أن قاآني وصل")."""
    dates = extract_dates(text, published)
    first, last = (published - dt.timedelta(days=NEWS_CYCLE)).isoformat(), (published + dt.timedelta(days=NEWS_CYCLE)).isoformat()
    rows = dates[(dates.grain == "day") & (dates.date != "") & (dates.date != published.isoformat())
                 & dates.date.between(first, last) & dates.kind.isin(["weekday", "relative", "month_day", "explicit"])]
    return [Anchor(doc_id, dt.date.fromisoformat(r.date), r.daypart, _content_words(_context(text, r.start, r.end)),
                   r.expression, inferred, published) for r in rows.itertuples()]


def _rarity(words) -> float:
    """How much shared words say: each counts (6 - its Zipf frequency in general Arabic) / 3,
    between 0.1 and 1 — a name or a rare word (برهم, اغتيال) near 1, a common word
    (رئيس, قال) 0.1-0.2."""
    from .lexicon import zipf

    return sum(min(1.0, max(0.1, (6 - zipf(w)) / 3)) for w in words)


#: Dayparts that may name the same moment: "فجر الأحد" and "في وقت مبكر من يوم الأحد" (صباح).
_NEAR_DAYPARTS = {("فجر", "صباح"), ("صباح", "فجر"), ("مساء", "ليل"), ("ليل", "مساء")}


def _best_anchor(words: frozenset, daypart: str, anchors: list[Anchor], accept,
                 least: float = MIN_SCORE) -> tuple[Anchor | None, float, list[str]]:
    """The anchor whose passage shares the most (:func:`_rarity`-weighted) words with
    ``words``, if it shares at least :data:`MIN_SHARED` of them worth ``least``;
    an expression with a daypart needs an anchor with the same or the next one."""
    best, best_score, best_shared = None, 0.0, []
    for anchor in anchors:
        if not accept(anchor):
            continue
        if daypart and daypart != anchor.daypart and (daypart, anchor.daypart) not in _NEAR_DAYPARTS:
            continue
        shared = words & anchor.words
        score = _rarity(shared)
        if len(shared) >= MIN_SHARED and score > best_score:
            best, best_score, best_shared = anchor, score, sorted(shared, key=lambda w: -_rarity([w]))
    return (best, best_score, best_shared) if best_score >= least else (None, best_score, [])


@dataclass
class Evidence:
    kind: str                      # event, present_weekday, weekday_event
    days: frozenset | None         # candidate days (None: any day of ``weekday``)
    weekday: int | None
    strength: float
    says: str


def _evidence(doc_id: str, text: str, anchors: list[Anchor]) -> list[Evidence]:
    """What an undated article's relative expressions say about its date, given the anchors."""
    others = [a for a in anchors if a.doc_id != doc_id]
    found = []
    table = extract_dates(text, PROBE)          # any reference: the rules and their cues are what count
    for r in table.itertuples():
        rule = r.rule.split(";")[0]
        if rule == "relative_weekday":
            offset = (dt.date.fromisoformat(r.date) - PROBE).days
            weekday = _weekday_named(r.expression)
            if weekday is not None:
                found.append(Evidence("present_weekday", None, (weekday - offset) % 7, STRENGTH["present_weekday"],
                                      f"«{r.expression}»"))
            continue
        words = _content_words(_context(text, r.start, r.end))
        if rule == "relative_day":
            if not r.date:
                continue
            offset = (dt.date.fromisoformat(r.date) - PROBE).days
            if offset == 0 and not r.daypart:
                continue                       # a bare "اليوم" is too often "nowadays" or quoted
            anchor, score, shared = _best_anchor(words, r.daypart, others, lambda a: True, MIN_SCORE_DAY)
            if anchor:
                day = anchor.date - dt.timedelta(days=offset)
                found.append(Evidence("event", frozenset([day]), None, _strength("event", anchor),
                                      f"«{r.expression}» = {anchor.doc_id}'s «{anchor.expression}» "
                                      f"{anchor.date.isoformat()} (shared: {' '.join(shared[:5])})"))
        elif rule == "weekday":
            weekday = _weekday_named(r.expression)
            if weekday is None:
                continue
            anchor, score, shared = _best_anchor(words, r.daypart, others,
                                                 lambda a, w=weekday: a.date.weekday() == w)
            if anchor:
                direction = r.rule.split("; ")[1].split(":")[0] if "; " in r.rule else "back"
                first = {"back": 0, "past": 1, "forward": -6, "next": -7}.get(direction, -3)
                days = [anchor.date + dt.timedelta(days=k) for k in range(first, first + 7)]
                found.append(Evidence("weekday_event", frozenset(days), None, _strength("weekday_event", anchor),
                                      f"«{r.expression}» = {anchor.doc_id}'s «{anchor.expression}» "
                                      f"{anchor.date.isoformat()} (shared: {' '.join(shared[:5])})"))
    return found


def _strength(kind: str, anchor: Anchor) -> float:
    return STRENGTH[kind] * (INFERRED_DISCOUNT if anchor.inferred else 1.0)


def _weekday_named(expression: str) -> int | None:
    from .date_lexicon import WEEKDAYS

    for word in re.findall(r"\w+", normalize(expression)):
        for name, number in WEEKDAYS.items():
            if word.endswith(name) and ("ال" + name in word or "لل" + name in word):
                return number
    return None


def _decide(evidence: list[Evidence]) -> tuple[dt.date | None, float, str, tuple[dt.date | None, dt.date | None]]:
    """``(date, confidence, reasons, window)`` from one article's evidence.

    Candidate days come from event evidence; without any, from the weekday windows
    narrowed by the weekday cue, which must leave exactly one day.  Each candidate's
    confidence is ``1 - prod(1 - strength)`` over the evidence that agrees with it, times
    the agreeing share of all evidence; a tie leaves the article undated, with the
    candidates' range as its window.
    """
    weekdays = {e.weekday for e in evidence if e.kind == "present_weekday"}
    points = [e for e in evidence if e.kind == "event"]
    windows = [e for e in evidence if e.kind == "weekday_event"]
    if points:
        candidates = set().union(*(e.days for e in points))
    elif windows and len(weekdays) == 1:
        candidates = {d for d in set.intersection(*(set(e.days) for e in windows)) if d.weekday() in weekdays}
        if len(candidates) != 1:
            candidates = set()
    else:
        candidates = set()
    if len(weekdays) == 1:
        candidates = {d for d in candidates if d.weekday() in weekdays}

    def supports(e: Evidence, day: dt.date) -> bool:
        return day.weekday() == e.weekday if e.days is None else day in e.days

    scored = []
    for day in candidates:
        agree = [e for e in evidence if supports(e, day)]
        chance = 1 - math.prod(1 - e.strength for e in agree)
        scored.append((chance * len(agree) / len(evidence), day, agree))
    window_days = set.intersection(*(set(e.days) for e in windows)) if windows else set()
    window = (min(window_days), max(window_days)) if window_days else (None, None)
    if not scored:
        return None, 0.0, "", window
    scored.sort(key=lambda s: (-s[0], s[1]))
    confidence, day, agree = scored[0]
    if len(scored) > 1 and scored[1][0] >= confidence:
        return None, 0.0, "", (min(s[1] for s in scored), max(s[1] for s in scored))
    return day, round(confidence, 2), "; ".join(e.says for e in agree), (day, day)


def infer_publication_dates(corpus: pd.DataFrame, known: dict[str, str], *, rounds: int = 3) -> pd.DataFrame:
    """Infer the publication dates of the documents not in ``known`` from the dated ones.

    The days the dated articles give to events are *anchors*: a resolved day-level
    expression and the content words of its sentence and the next.  In an undated
    article,

    * a relative day ("فجر أمس", "مساء أمس", "اليوم") whose passage shares at least
      :data:`MIN_SHARED` content words (and its daypart, if both have one) with an anchor
      is that anchor's day: the article is that day plus the offset ("مساء أمس" about
      the arrival 000 puts on "مساء الأحد" 2021-11-07: published 2021-11-08);
    * "اليوم الاثنين" (a relative day with a weekday) says the weekday it was written on;
    * a bare weekday matching an anchor on the same weekday puts the article within the
      six days after it.

    The day most evidence agrees on wins; a weekday window alone must narrow to one day
    with the weekday cue.  ``confidence`` combines the agreeing evidence as independent
    chances (:data:`STRENGTH`) and shrinks with the disagreeing share.  Articles dated in
    one round become (discounted) anchors in the next.

    Returns
    -------
    pandas.DataFrame
        One row per undated document: ``doc_id``, ``publication_date`` (ISO or ''),
        ``date_source``, ``confidence``, ``earliest``, ``latest``.
    """
    texts = dict(zip(corpus.doc_id, corpus.text))
    anchors = [a for doc_id, iso in known.items() if iso
               for a in _anchors(doc_id, texts[doc_id], dt.date.fromisoformat(iso), inferred=False)]
    results: dict[str, tuple] = {}
    for _ in range(rounds):
        new = {}
        for doc_id, text in texts.items():
            if known.get(doc_id) or doc_id in results and results[doc_id][0]:
                continue
            day, confidence, reasons, window = _decide(_evidence(doc_id, text, anchors))
            new[doc_id] = (day, confidence, reasons, window)
        added = False
        for doc_id, (day, confidence, reasons, window) in new.items():
            results[doc_id] = (day, confidence, reasons, window)
            if day and confidence >= MIN_ANCHOR_CONFIDENCE:
                anchors += _anchors(doc_id, texts[doc_id], day, inferred=True)
                added = True
        if not added:
            break
    rows = []
    for doc_id, (day, confidence, reasons, window) in results.items():
        if day:
            rows.append((doc_id, day.isoformat(), f"inferred: {reasons}", confidence, day.isoformat(),
                         day.isoformat()))
            continue
        source = "not printed, not in metadata; not enough evidence to infer"
        if window[0]:
            source += f" (between {window[0].isoformat()} and {window[1].isoformat()}: its weekdays and the events they match)"
        rows.append((doc_id, "", source, float("nan"), window[0].isoformat() if window[0] else "",
                     window[1].isoformat() if window[1] else ""))
    return pd.DataFrame(rows, columns=["doc_id", "publication_date", "date_source", "confidence", "earliest",
                                       "latest"])


# --- the table ----------------------------------------------------------------------------------

def publication_dates(corpus: pd.DataFrame, *, infer: bool = True, dayfirst: bool | None = True) -> pd.DataFrame:
    """The publication date of each document and where it came from.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus` (``doc_id``, ``text``, optionally
        ``publication_date``).
    infer : bool, default True
        Infer the dates of articles that print none and have none in the metadata
        (:func:`infer_publication_dates`); False leaves them undated.
    dayfirst : bool or None, default True
        How :func:`parse_date` reads a numeric metadata date such as "08/11/2021".

    Returns
    -------
    pandas.DataFrame
        :data:`PUBLICATION_COLUMNS`: ``doc_id``, ``publication_date`` (ISO or ''),
        ``date_source`` (printed, metadata, ``inferred: …`` with the evidence, or why
        none), ``confidence`` (1.0 printed or from the metadata, 0-1 inferred, NaN
        undated), ``earliest`` and ``latest`` (the window the date lies in: the date
        itself, a bound found for an undated article, or ''), ``note`` (a metadata value
        that was ambiguous or could not be read, or a printed date that disagrees with
        the metadata).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> pubs = publication_dates(load_corpus())
    >>> pubs.publication_date.tolist()
    ['2021-11-08', '2020-11-23', '2021-11-08', '2021-11-08', '']
    >>> pubs.date_source.str.split(":").str[0].tolist()[:3]
    ['printed in the header, line 4', 'printed in the header, line 6', 'inferred']
    """
    rows, known = [], {}
    for record in corpus.to_dict("records"):
        found, source = printed_date(record["text"])
        meta, note = parse_date(record.get("publication_date"), dayfirst=dayfirst)
        if found and meta and meta.isoformat() != found:
            note = f"the metadata says {meta.isoformat()}; the printed date is kept"
        elif not found and meta:
            found, source = meta.isoformat(), "metadata (publication_date column)"
        known[record["doc_id"]] = found
        confidence = 1.0 if found else float("nan")
        rows.append([record["doc_id"], found, source or "not printed, not in metadata", confidence,
                     found, found, note])
    table = pd.DataFrame(rows, columns=PUBLICATION_COLUMNS)
    if infer and any(not v for v in known.values()) and any(known.values()):
        inferred = infer_publication_dates(corpus, known).set_index("doc_id")
        for i, doc_id in enumerate(table.doc_id):
            if doc_id in inferred.index:
                for column in ("publication_date", "date_source", "confidence", "earliest", "latest"):
                    table.at[i, column] = inferred.at[doc_id, column]
    return table
