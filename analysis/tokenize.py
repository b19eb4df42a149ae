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

from itertools import islice
from typing import Iterator, NamedTuple, Sequence

import numpy as np

from .resources import HTML_RE, SENTENCE_END_RE, TOKEN_IN_WORD, TOKEN_NOT_START, TOKEN_RE

from ._compiled import _scan

#: Which scanner :func:`scan_tokens` uses: ``"compiled"`` or ``"python"``.
SCANNER = "compiled" if _scan is not None else "python"


class Span(NamedTuple):
    """A token as found in the text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str


def token_spans(text: str) -> Iterator[Span]:
    """Yield every token of ``text`` with its character offsets.

    HTML tags and entities left by scrapers (``<br>``, ``&quot;``) are not tokens.

    Examples
    --------
    >>> list(token_spans("قال «رويترز»"))
    [Span(start=0, end=3, surface='قال'), Span(start=5, end=11, surface='رويترز')]
    >>> [s.surface for s in token_spans("قال<br>&quot;رويترز&quot;")]
    ['قال', 'رويترز']
    """
    html = [(m.start(), m.end()) for m in HTML_RE.finditer(text)] if ("<" in text or "&" in text) else []
    k = 0
    for match in TOKEN_RE.finditer(text):
        while k < len(html) and html[k][1] <= match.start():
            k += 1
        if k < len(html) and html[k][0] < match.end():
            # a token overlapping markup: keep the part outside it (قال<br> -> قال)
            start, end = match.start(), min(match.end(), html[k][0])
            if start < html[k][0] and TOKEN_RE.fullmatch(text, start, end):
                yield Span(start, end, text[start:end])
            continue
        yield Span(match.start(), match.end(), match.group())


def count_tokens(text: str) -> int:
    """The number of tokens of ``text`` (as :func:`token_spans` would yield), without
    building them.

    Examples
    --------
    >>> count_tokens("قال<br>&quot;رويترز&quot; 2021")
    3
    """
    if "<" in text or "&" in text:
        return sum(1 for _ in token_spans(text))
    return len(TOKEN_RE.findall(text))


def sentence_bounds(text: str) -> list[int]:
    """Return the offsets where sentences end (each a sentence's exclusive end).

    A sentence ends at . ! ? ؟ … (a dot between digits, as in 2.5, does not end one) and at
    line breaks, so a headline or a dateline line is a sentence of its own.

    Examples
    --------
    >>> sentence_bounds("وصل قاآني. والتقى الكاظمي")
    [10, 25]
    """
    bounds = [m.end() for m in SENTENCE_END_RE.finditer(text)]
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
