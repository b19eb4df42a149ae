"""From a normalized form to the term that is counted, and from terms back to a label.

Both routes of counting use these two functions: the token table of the notebooks
(:func:`analysis.tokens.tokens_table`) and the streaming counter (:mod:`analysis.stream`).
:func:`term_table` decides, once per distinct normalized form, the proclitics split off
(:class:`analysis.clitics.CliticSplitter`), the term, whether it is a stopword or a number,
and, with an alias table, which entity variant it merges into.  :func:`term_labels` picks
the written form shown for each term.

>>> table = term_table(["والحكومة", "الكاظمي", "في", "2021"], lexicon=False)
>>> table[["term", "prefix", "is_stopword", "is_number"]].values.tolist()
[['الحكومة', 'و', False, False], ['الكاظمي', '', False, False], ['في', '', True, False], ['2021', '', False, True]]
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .clitics import CliticSplitter
from .resources import NUMBER_RE, TATWEEL
from .stopwords import arabic_stopwords

#: :func:`sort_rows` sorts a string column as fixed-width strings up to this size.
FIXED_WIDTH_BYTES = 64 << 20
#: numpy's variable-width string type (numpy 2), else fixed-width unicode.
_STRING_DTYPE = np.dtypes.StringDType() if hasattr(np.dtypes, "StringDType") else np.str_
#: Columns of :func:`term_table` (``merged_from`` only with ``aliases``).
TERM_COLUMNS = ["norm", "prefix", "term", "is_stopword", "is_number"]


def is_number(norm: str) -> bool:
    """Whether a normalized token is a number: decimal digits, tatweel allowed
    (``NUMBER_RE``; the regular expression runs only for a token with tatweel).

    Examples
    --------
    >>> is_number("2021"), is_number("٢٠٢١"), is_number("قاآني")
    (True, True, False)
    """
    return norm.isdecimal() or (TATWEEL in norm and NUMBER_RE.match(norm) is not None)


def term_table(
    norms: Sequence[str],
    *,
    vocabulary: Iterable[str] | None = None,
    clitics: bool = True,
    strip_article: bool = False,
    stopwords: frozenset[str] | None = None,
    aliases: dict[str, str] | None = None,
    lexicon: bool = True,
) -> pd.DataFrame:
    """One row per normalized form: its proclitics, term, and flags.

    Parameters
    ----------
    norms : sequence of str
        Distinct normalized tokens (:func:`analysis.normalize.normalize` of each surface).
    vocabulary : iterable of str, optional
        The corpus's normalized tokens, the evidence for clitic splits; default ``norms``.
    clitics : bool, default True
        Split proclitics (و ف ب ل ك, and ال with ``strip_article``) off the term.
    strip_article : bool, default False
        Also strip the article ال.
    stopwords : frozenset of str, optional
        Normalized stopwords; default :func:`analysis.stopwords.arabic_stopwords`.
    aliases : dict, optional
        ``{variant: canonical}`` (normalized); when given, terms are merged through it and
        the term before merging goes to a ``merged_from`` column ('' where unchanged).
    lexicon : bool, default True
        Let the splitter weigh general-Arabic word frequencies (:mod:`analysis.lexicon`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TERM_COLUMNS` (and ``merged_from``), one row per entry of
        ``norms``, in order.  ``is_stopword``: the term or the whole form is a stopword;
        ``is_number``: see :func:`is_number`.

    Examples
    --------
    >>> term_table(["للكاظمي"], lexicon=False)[["prefix", "term"]].values.tolist()
    [['ل', 'الكاظمي']]
    """
    norms = list(norms)
    stopwords = arabic_stopwords() if stopwords is None else stopwords
    if clitics:
        splitter = CliticSplitter(norms if vocabulary is None else vocabulary, stopwords=stopwords,
                                  strip_article=strip_article, lexicon=lexicon)
        prefixes, terms = splitter.split_many(norms)
    else:
        prefixes, terms = [""] * len(norms), norms
    table = pd.DataFrame({"norm": pd.Series(norms, dtype=object), "prefix": pd.Series(prefixes, dtype=object),
                          "term": pd.Series(terms, dtype=object)})
    table["is_stopword"] = table["term"].isin(stopwords) | table["norm"].isin(stopwords)
    table["is_number"] = np.fromiter(map(is_number, norms), dtype=bool, count=len(norms))
    if aliases is not None:
        merged = table["term"].map(aliases)
        table["merged_from"] = table["term"].where(merged.notna(), "")
        table["term"] = merged.fillna(table["term"])
    return table


def term_labels(terms, surfaces, counts) -> pd.Series:
    """The label of each term: its most frequent written form (ties: the first in
    code-point order).

    Parameters
    ----------
    terms, surfaces : array-like of str
        One entry per (term, written form) occurrence group, usually of tokens written
        without proclitics.
    counts : array-like of int
        How often each pair occurs (pairs may repeat: they are summed).

    Returns
    -------
    pandas.Series
        term -> label.

    Examples
    --------
    >>> term_labels(["قااني", "قااني", "قااني"], ["قاآني", "قاني", "قاآني"], [2, 3, 2]).to_dict()
    {'قااني': 'قاآني'}
    """
    table = pd.DataFrame({"term": pd.Series(terms, dtype=object), "surface": pd.Series(surfaces, dtype=object),
                          "n": np.asarray(counts, dtype=np.int64)})
    if table.duplicated(["term", "surface"]).any():
        table = table.groupby(["term", "surface"], as_index=False, sort=False)["n"].sum()
    # the most frequent form of each term by integer sorting; only the terms whose top count is
    # shared by several forms compare strings (few: most terms have one or two forms)
    term_id, term_names = pd.factorize(table["term"])
    n = table["n"].to_numpy()
    top = np.full(len(term_names), -1, dtype=np.int64)
    np.maximum.at(top, term_id, n)
    best = np.flatnonzero(n == top[term_id])
    winners = pd.Series(table["surface"].to_numpy()[best], index=term_id[best])
    tied = winners.index.duplicated(keep=False)
    if tied.any():
        resolved = winners[tied].groupby(level=0).min()
        winners = pd.concat([winners[~tied], resolved])
    winners = winners.sort_index()
    return pd.Series(winners.to_numpy(), index=pd.Index(term_names[winners.index], name="term"), name="surface")


def sort_rows(table: pd.DataFrame, by: list[str], *, ascending: list[bool]) -> pd.DataFrame:
    """``table.sort_values(by, ascending=ascending)`` for integer and string columns, by one
    ``numpy.lexsort`` (strings compared by code point, as Python compares them): several
    times faster than pandas on object columns of a large vocabulary.

    Examples
    --------
    >>> t = pd.DataFrame({"term": ["ب", "ا", "ب"], "n": [1, 5, 7]})
    >>> sort_rows(t, ["n", "term"], ascending=[False, True]).term.tolist()
    ['ب', 'ا', 'ب']
    """
    keys = []
    for column, up in zip(reversed(by), reversed(ascending)):
        values = table[column].to_numpy()
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            if not up:
                raise ValueError(f"sort_rows: a string column ({column}) sorts ascending only")
            # fixed-width strings sort fastest, but take four bytes a character of the longest
            # value for every row: past FIXED_WIDTH_BYTES, numpy's variable-width strings (16
            # bytes a short word; their UTF-8 order is the same code-point order)
            width = max(map(len, map(str, values)), default=0)
            values = values.astype(f"<U{max(width, 1)}" if len(values) * width * 4 <= FIXED_WIDTH_BYTES
                                   else _STRING_DTYPE)
        elif not up:
            values = -values
        keys.append(values)
    return table.iloc[np.lexsort(keys)] if len(table) else table
