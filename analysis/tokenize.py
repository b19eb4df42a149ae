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

from .resources import SENTENCE_END_RE, TOKEN_RE


class Span(NamedTuple):
    """A token as found in the text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str


def token_spans(text: str) -> Iterator[Span]:
    """Yield every token of ``text`` with its character offsets.

    Examples
    --------
    >>> list(token_spans("قال «رويترز»"))
    [Span(start=0, end=3, surface='قال'), Span(start=5, end=11, surface='رويترز')]
    """
    for match in TOKEN_RE.finditer(text):
        yield Span(match.start(), match.end(), match.group())


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
    return TOKEN_RE.findall(text)
