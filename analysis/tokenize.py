"""Split text into tokens and sentences, keeping character offsets into the input.

A token is a run of letters or digits (Arabic, Latin, any script); diacritics, tatweel
and invisible marks may sit inside it.  Punctuation (، ؛ ؟ « » “ ” " - / …) always ends a
token and is never part of one.  Tokenizing does not normalize: ``tokenize(text)`` returns
the surface forms as written, so offsets stay valid; normalize them with
:func:`analysis.normalize.normalize`.

>>> tokenize('اتهموا الكاظمي بـ"المسؤولية" يوم 2021/11/08')
['اتهموا', 'الكاظمي', 'بـ', 'المسؤولية', 'يوم', '2021', '11', '08']
"""

from __future__ import annotations

import re
from itertools import accumulate, count, islice
from operator import sub
from typing import Iterable, Iterator, NamedTuple, Sequence

import numpy as np

from .resources import ABBREVIATION_DOT_RE, HTML_RE, SENTENCE_END_RE, TOKEN_IN_WORD, TOKEN_NOT_START, TOKEN_RE

from ._compiled import _scan

#: Which scanner :func:`scan_tokens` uses: ``"compiled"`` or ``"python"``.
SCANNER = "compiled" if _scan is not None else "python"


class Span(NamedTuple):
    """A token as found in the text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str


class Line(NamedTuple):
    """A line of a text: its number (from 0), offsets (``text[start:end] == text``, line break excluded)."""

    no: int
    start: int
    end: int
    text: str


_LINE_END = re.compile(r"(\r\n|\r|\n)")


def lines_of(text: str) -> list[Line]:
    """Split ``text`` into lines with offsets (``\\n``, ``\\r\\n`` and ``\\r`` all end a line).

    A final line break does not start an empty last line.

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


def line_texts(text: str) -> list[str]:
    """The lines of ``text`` as :func:`lines_of` splits it, without their offsets.

    Examples
    --------
    >>> line_texts("عنوان\\nنص.\\n")
    ['عنوان', 'نص.']
    """
    pieces = text.split("\n") if "\r" not in text else _LINE_END.split(text)[::2]
    if len(pieces) > 1 and not pieces[-1]:
        pieces.pop()
    return pieces


def counted_spans(text: str, removed: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The ``(start, end)`` ranges of ``text`` whose tokens are counted.

    This is the one definition of "the counted text": ``text`` without the ``removed``
    ranges (boilerplate lines, see :mod:`analysis.boilerplate`) and without HTML tags and
    entities left by scrapers (:data:`analysis.resources.HTML_RE`).  A token never crosses
    the edge of a range: ``قال<br>`` gives the token قال.  The token table finds its tokens
    in these ranges, and the streaming counter counts the ranges joined by spaces.

    Parameters
    ----------
    text : str
        The raw document.
    removed : iterable of (int, int)
        Ranges to leave out, in order, not overlapping (e.g. the ``start``/``end`` of the
        boilerplate lines).

    Returns
    -------
    list of (int, int)
        Non-empty ranges, in text order.

    Examples
    --------
    >>> t = "الشأن العراقي\\nوصل قاآني<br>إلى بغداد"
    >>> [t[a:b] for a, b in counted_spans(t, [(0, 13)])]
    ['\\nوصل قاآني', 'إلى بغداد']
    """
    cuts = list(removed)
    if "<" in text or "&" in text:
        html = [m.span() for m in HTML_RE.finditer(text)]
        if html:
            cuts = sorted(cuts + html)
    spans, pos = [], 0
    for start, end in cuts:
        if start > pos:
            spans.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def counted_text(text: str, removed: Iterable[tuple[int, int]] = ()) -> str:
    """The counted ranges of ``text`` (:func:`counted_spans`) joined by spaces: its tokens are
    the counted tokens, in order.

    Examples
    --------
    >>> counted_text("خبر\\nوصل قاآني<br>&quot;بغداد&quot;.", [(0, 3)])
    '\\nوصل قاآني بغداد .'
    """
    spans = counted_spans(text, removed)
    if len(spans) == 1 and spans[0] == (0, len(text)):
        return text
    return " ".join(text[a:b] for a, b in spans)


def token_spans(text: str, removed: Iterable[tuple[int, int]] = ()) -> Iterator[Span]:
    """Yield every token of ``text`` with its character offsets.

    HTML tags and entities left by scrapers (``<br>``, ``&quot;``) are not tokens; nor is
    anything in the ``removed`` ranges (see :func:`counted_spans`).

    Examples
    --------
    >>> list(token_spans("قال «رويترز»"))
    [Span(start=0, end=3, surface='قال'), Span(start=5, end=11, surface='رويترز')]
    >>> [s.surface for s in token_spans("قال<br>&quot;رويترز&quot;")]
    ['قال', 'رويترز']
    """
    for start, end in counted_spans(text, removed):
        for match in TOKEN_RE.finditer(text, start, end):
            yield Span(match.start(), match.end(), match.group())


def count_tokens(text: str, removed: Iterable[tuple[int, int]] = ()) -> int:
    """The number of tokens :func:`token_spans` would yield, without building them.

    Examples
    --------
    >>> count_tokens("قال<br>&quot;رويترز&quot; 2021")
    3
    """
    if not removed and "<" not in text and "&" not in text:
        return len(TOKEN_RE.findall(text))
    return sum(len(TOKEN_RE.findall(text, start, end)) for start, end in counted_spans(text, removed))


def sentence_bounds(text: str) -> list[int]:
    """Return the offsets where sentences end (each a sentence's exclusive end).

    A sentence ends at . ! ? ؟ … (a dot between digits, as in 2.5, or in an abbreviation,
    as in بي.بي.سي or د. محمد, does not end one) and at line breaks, so a headline or a
    dateline line is a sentence of its own.

    Examples
    --------
    >>> sentence_bounds("وصل قاآني. والتقى الكاظمي")
    [10, 25]
    >>> sentence_bounds("وقالت بي.بي.سي إنه وصل")
    [22]
    """
    inside = {m.end(g) for m in ABBREVIATION_DOT_RE.finditer(text) for g in (1, 2) if m.start(g) >= 0}
    bounds = [m.end() for m in SENTENCE_END_RE.finditer(text) if m.group() != "." or m.end() not in inside]
    if not bounds or bounds[-1] < len(text):
        bounds.append(len(text))
    return bounds


def tokenize(text: str) -> list[str]:
    """Return the tokens of ``text`` as written (no normalization, no clitic splitting).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str
        Arabic words, numbers and Latin words, in order.  A proclitic written with tatweel
        before a quote (بـ"المسؤولية") is its own token ``'بـ'``.

    Examples
    --------
    >>> tokenize("وقالت «الميادين»: غاني… وصل!")
    ['وقالت', 'الميادين', 'غاني', 'وصل']
    """
    return [span.surface for span in token_spans(text)]


class TokenScanner:
    """Tokens of text after text, as ids into the distinct surface forms seen so far.

    The tokens are exactly those of ``TOKEN_RE.findall(text)`` (markup is not removed here:
    that is :func:`token_spans`' job).  The compiled scanner (``analysis/_scan.c``) reads
    the characters once and makes a Python string only for a surface form it has not seen
    before, in this call or an earlier one, which is what lets :mod:`analysis.stream`
    count corpora at C speed; the pure-Python scanner gives the same result.

    Parameters
    ----------
    compiled : bool, optional
        Force the compiled (True) or the pure-Python (False) scanner; default: the
        compiled one where it was built (:data:`SCANNER`).

    Examples
    --------
    >>> scanner = TokenScanner()
    >>> first, new, ids, lengths = scanner.scan(["قال «رويترز»", "قال قاآني"])
    >>> first, new, ids.tolist(), lengths.tolist()
    (0, ['قال', 'رويترز', 'قاآني'], [0, 1, 0, 2], [2, 2])
    >>> first, new, ids, lengths = scanner.scan(["وصل قاآني"])
    >>> first, new, ids.tolist()
    (3, ['وصل'], [3, 2])
    """

    def __init__(self, *, compiled: bool | None = None) -> None:
        if compiled is None:
            compiled = _scan is not None
        if compiled and _scan is None:
            raise RuntimeError("the compiled scanner analysis._scan is not built (no C compiler at install time)")
        self._compiled = _scan.Scanner() if compiled else None
        self._table: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._compiled.surfaces) if self._compiled is not None else len(self._table)

    @property
    def surfaces(self) -> list[str]:
        """Every surface form seen so far; its index is its id."""
        return self._compiled.surfaces if self._compiled is not None else list(self._table)

    def scan(self, texts: Sequence[str]) -> tuple[int, list[str], np.ndarray, np.ndarray]:
        """Scan ``texts``; return ``(first_new_id, new_surfaces, ids, lengths)``.

        ``new_surfaces`` are the forms first seen in this call, with ids ``first_new_id``,
        ``first_new_id + 1``, ...; ``ids`` (int32) has one id per token in text order,
        ``lengths`` (int64) the number of tokens of each text.
        """
        if self._compiled is not None:
            first, new, ids, lengths = self._compiled.scan(texts, TOKEN_IN_WORD, TOKEN_NOT_START)
            return first, new, np.frombuffer(ids, dtype=np.int32), np.frombuffer(lengths, dtype=np.int64)
        table, first = self._table, len(self._table)
        ids_list: list[int] = []
        lengths_list: list[int] = []
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"scan() needs str items, item {len(lengths_list)} is {type(text).__name__}")
            tokens = TOKEN_RE.findall(text)
            ids_list.extend([table.setdefault(t, len(table)) for t in tokens])
            lengths_list.append(len(tokens))
        new = list(islice(table, first, None))
        return first, new, np.asarray(ids_list, dtype=np.int32), np.asarray(lengths_list, dtype=np.int64)


def scan_tokens(texts: Sequence[str], *, compiled: bool | None = None) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Tokens of many texts at once, as ids into their distinct surface forms.

    A one-off :class:`TokenScanner`: the tokens are exactly those of
    ``TOKEN_RE.findall(text)``.

    Parameters
    ----------
    texts : sequence of str
    compiled : bool, optional
        As in :class:`TokenScanner`.

    Returns
    -------
    surfaces : list of str
        The distinct tokens, in order of first appearance.
    ids : numpy.ndarray of int32
        One per token, in text order: ``surfaces[ids[k]]`` is the k-th token.
    lengths : numpy.ndarray of int64
        Tokens per text.

    Examples
    --------
    >>> surfaces, ids, lengths = scan_tokens(["قال «رويترز»", "قال قاآني"])
    >>> surfaces, ids.tolist(), lengths.tolist()
    (['قال', 'رويترز', 'قاآني'], [0, 1, 0, 2], [2, 2])
    """
    _, surfaces, ids, lengths = TokenScanner(compiled=compiled).scan(texts)
    return surfaces, ids, lengths
