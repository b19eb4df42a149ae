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

from typing import Iterator, NamedTuple

from .resources import HTML_RE, SENTENCE_END_RE, TOKEN_RE


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
    return sum(1 for _ in TOKEN_RE.finditer(text))


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
