"""Find web boilerplate lines in an article, by general rules, and say why each was found.

Scraped news pages keep residue of their page: the headline printed twice, navigation
("الصفحة الرئيسية"), widgets ("مقالات ذات صلة", "زر الذهاب إلى الأعلى"), a category label
above the headline ("الشأن الإيراني"), a dateline line, and pull quotes that repeat a
sentence of the article.  Each rule works on whole lines and on any site:

``repeated_title``
    a line equal to the title (after normalization), other than its first occurrence;
``nav_phrase``
    a line that is one of the phrases in ``analysis/data/boilerplate_phrases.txt``;
``category_label``
    a short line (at most three words, no sentence punctuation) above the title;
``date_line``
    a line holding only a numeric date, optionally after a weekday;
``pull_quote``
    a line of at least eight words without a final full stop (closing quotes aside), many of whose word pairs
    (>= 40 %) reappear in one longer paragraph of the same article.  Shorter lines are
    kept: they are subheads ("زيارة في توقيت حرج"), which are content.

The raw text is never changed: :func:`find_boilerplate` returns a table of line spans, and
:func:`remove_boilerplate` builds the cleaned body from it.

>>> text = "الشأن الإيراني\\n\\nقاآني في بغداد\\nوصل قاآني إلى بغداد.\\nآخر الأخبار"
>>> find_boilerplate(text, title="قاآني في بغداد")["rule"].tolist()
['category_label', 'nav_phrase']
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, count, islice
from operator import sub
from typing import NamedTuple

import pandas as pd

from .normalize import normalize, normalized_words
from .resources import DATE_LINE_RE, word_list
from .tokenize import count_tokens, token_spans

#: Columns of the table returned by :func:`find_boilerplate`.
COLUMNS = ["line_no", "start", "end", "line", "rule"]
#: Share of a candidate line's word pairs that must reappear in one paragraph.
PULL_QUOTE_OVERLAP = 0.4
#: A pull quote has at least this many words.
MIN_PULL_QUOTE_WORDS = 8
#: Lines longer than this are never pull quotes (and are not split into words for it).
MAX_PULL_QUOTE_CHARS = 2000
#: Lines longer than this are never navigation phrases or date lines.
MAX_PHRASE_CHARS = 80
#: Lines longer than this are never headlines.
MAX_TITLE_CHARS = 400
#: A category label has at most this many words.
MAX_LABEL_WORDS = 3


class Line(NamedTuple):
    no: int
    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    """Split ``text`` into lines with offsets (``\\n``, ``\\r\\n`` and ``\\r`` all end a line).

    Examples
    --------
    >>> [(ln.start, ln.text) for ln in lines_of("سطر\\r\\nآخر\\rثالث")]
    [(0, 'سطر'), (5, 'آخر'), (9, 'ثالث')]
    """
    out, pos = [], 0
    if "\r" not in text:
        pieces = text.split("\n")
        ends = list(accumulate(map(len, pieces), lambda end, n: end + 1 + n))
        out = list(map(Line._make, zip(count(), map(sub, ends, map(len, pieces)), ends, pieces)))
    else:
        for no, piece in enumerate(_LINE_END.split(text)):
            if no % 2 == 0:
                out.append(Line(no // 2, pos, pos + len(piece), piece))
            pos += len(piece)
    if out and not out[-1].text and len(out) > 1:
        out.pop()
    return out


_LINE_END = re.compile(r"(\r\n|\r|\n)")
#: Closing quotes and brackets that may follow a paragraph's final full stop.
_CLOSERS = " \t\"'”»)]\u00a0"


def _trim(text: str) -> str:
    """``text`` without leading and trailing characters that are not letters or digits."""
    i, j = 0, len(text)
    while i < j and not text[i].isalnum():
        i += 1
    while j > i and not text[j - 1].isalnum():
        j -= 1
    return text[i:j]


def _normalized_line(line: str) -> str:
    """A line normalized, with runs of spaces collapsed and no edge spaces."""
    return " ".join(normalized_words(line))


def _key(line: str) -> str:
    """A line reduced for comparison: normalized, spaces collapsed, edge punctuation off."""
    return _trim(_normalized_line(line))


@lru_cache(maxsize=1)
def _phrases() -> tuple[frozenset[str], tuple[str, ...]]:
    exact, prefixes = set(), []
    for entry in word_list("boilerplate_phrases"):
        if entry.endswith("*"):
            prefixes.append(_key(entry[:-1]))
        else:
            exact.add(_key(entry))
    return frozenset(exact), tuple(p for p in prefixes if p)


def find_boilerplate(text: str, *, title: str | None = None) -> pd.DataFrame:
    """Return one row per boilerplate line of ``text``: where it is and which rule fired.

    Parameters
    ----------
    text : str
        The raw article.
    title : str, optional
        The headline, if known (e.g. from metadata; ``""`` for none); default: the first
        non-empty line that is not itself boilerplate, when it is short (at most 25 words)
        and has no final full stop.

    Returns
    -------
    pandas.DataFrame
        Columns ``line_no``, ``start``, ``end`` (offsets into ``text``), ``line`` and
        ``rule``.

    Examples
    --------
    >>> find_boilerplate("خبر\\nخبر\\nنص الخبر.")["rule"].tolist()
    ['repeated_title']
    """
    return pd.DataFrame(boilerplate_lines(text, title=title), columns=COLUMNS)


def boilerplate_lines(text: str, *, title: str | None = None) -> list[tuple[int, int, int, str, str]]:
    """The rows of :func:`find_boilerplate` as tuples ``(line_no, start, end, line, rule)``."""
    all_lines = lines_of(text)
    lines = [ln for ln in all_lines if ln.text and not ln.text.isspace()]
    exact, prefixes = _phrases()
    if title is None:
        title = _detect_title(all_lines)
    # only short lines can be navigation, a date, a label or the title again: longer ones
    # are not normalized here (the longest phrase and a date line are under 60 characters)
    short = max(MAX_PHRASE_CHARS, 2 * len(title) + 20)
    seen: dict[str, str] = {}                   # a line repeated (the headline) is normalized once
    norms = {ln.no: seen[ln.text] if ln.text in seen else seen.setdefault(ln.text, _normalized_line(ln.text))
             for ln in lines if len(ln.text) <= short}
    keys = {no: _trim(norm) for no, norm in norms.items()}
    rows: dict[int, str] = {}

    for ln in lines:
        key = keys.get(ln.no)
        if key is None:
            continue
        if not key or key in exact or (prefixes and key.startswith(prefixes)):
            rows[ln.no] = "nav_phrase"
        elif len(key) < 60 and DATE_LINE_RE.match(norms[ln.no]):
            rows[ln.no] = "date_line"

    title_key = _trim(seen[title] if title in seen else _normalized_line(title)) if title else ""
    title_seen = False
    for index, ln in enumerate(lines):
        if ln.no in rows or ln.no not in keys:
            continue
        key = keys[ln.no]
        if title_key and key == title_key:
            if title_seen:
                rows[ln.no] = "repeated_title"
            title_seen = True
        elif title_key and not title_seen and _is_label(ln.text) and any(
                keys.get(later.no) == title_key for later in lines[index + 1:]):
            rows[ln.no] = "category_label"

    paragraphs = [ln for ln in lines if ln.no not in rows]
    candidates = [ln for ln in paragraphs if len(ln.text) <= MAX_PULL_QUOTE_CHARS
                  and not ln.text.rstrip(_CLOSERS).endswith((".", "!", "؟", "?", "…"))
                  and len(ln.text.split(maxsplit=MIN_PULL_QUOTE_WORDS - 1)) >= MIN_PULL_QUOTE_WORDS]
    words_of: dict[int, list[str]] = {}
    pair_sets: dict[int, set[tuple[str, str]]] = {}

    def pairs_of(line: Line) -> set[tuple[str, str]]:
        if line.no not in pair_sets:
            words = words_of[line.no] = normalized_words(line.text)
            pair_sets[line.no] = set(zip(words, words[1:]))
        return pair_sets[line.no]

    for ln in candidates:
        if title_key and ln.no in keys and keys[ln.no] == title_key:    # the headline, already normalized
            continue
        pairs = pairs_of(ln)
        if len(pairs) < MIN_PULL_QUOTE_WORDS - 1 or _trim(" ".join(words_of[ln.no])) == title_key:
            continue
        for other in paragraphs:
            if other.no != ln.no and len(other.text) > len(ln.text) \
                    and len(pairs & pairs_of(other)) >= PULL_QUOTE_OVERLAP * len(pairs):
                rows[ln.no] = "pull_quote"
                break

    by_no = {ln.no: ln for ln in lines}
    return [(no, by_no[no].start, by_no[no].end, by_no[no].text, rule) for no, rule in sorted(rows.items())]


def _count_tokens(text: str, limit: int) -> int:
    """The number of tokens of ``text``, counting no further than ``limit``."""
    if len(text) <= MAX_TITLE_CHARS:                  # headline-sized: count them all at C speed
        return min(count_tokens(text), limit)
    return sum(1 for _ in islice(token_spans(text), limit))


def _is_label(line: str) -> bool:
    return 0 < _count_tokens(line, MAX_LABEL_WORDS + 1) <= MAX_LABEL_WORDS and not re.search(r"[.!?؟:،,]", line)


def detect_title(text: str) -> str:
    """Return the headline: the first short non-boilerplate line, or ``''`` if none.

    A headline has at most 25 words and does not end with a full stop; a line that is a
    category label directly above such a line is skipped.

    Examples
    --------
    >>> detect_title("الشأن الإيراني\\n\\nهل التقى به ليهدده؟\\nنص.")
    'هل التقى به ليهدده؟'
    """
    return _detect_title(lines_of(text))


def _detect_title(lines: list[Line]) -> str:
    """:func:`detect_title` on the lines of a text (from :func:`lines_of`)."""
    exact, _ = _phrases()
    candidates: list[str] = []                 # the first three lines that are not boilerplate
    for ln in lines:
        line = ln.text.strip()
        if not line:
            continue
        if len(line) <= MAX_PHRASE_CHARS:              # only short lines can be navigation or a date
            key = _key(line)
            if not key or key in exact or DATE_LINE_RE.match(normalize(line)):
                continue
        candidates.append(line)
        if len(candidates) == 3 or len(line) >= MAX_TITLE_CHARS:
            break
    for index, line in enumerate(candidates):
        if len(line) >= MAX_TITLE_CHARS or line.endswith(".") or _count_tokens(line, 26) > 25:
            return ""
        following = candidates[index + 1] if index + 1 < len(candidates) else ""
        if following and _is_label(line) and not following.endswith(".") and len(following) < MAX_TITLE_CHARS \
                and MAX_LABEL_WORDS < _count_tokens(following, 26) <= 25:
            continue
        return line
    return ""


def remove_boilerplate(text: str, removed) -> str:
    """Return ``text`` without the lines listed in ``removed`` (from :func:`find_boilerplate`,
    or the tuples of :func:`boilerplate_lines`).

    Line breaks around a removed line are kept, so paragraphs stay apart.

    Examples
    --------
    >>> t = "نص الخبر.\\nآخر الأخبار"
    >>> remove_boilerplate(t, find_boilerplate(t))
    'نص الخبر.\\n'
    """
    spans = zip(removed["start"], removed["end"]) if isinstance(removed, pd.DataFrame) else \
        ((start, end) for _, start, end, _, _ in removed)
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)
