"""Word frequencies of general Arabic, folded with the workbook's normalization.

The frequencies come from the ``wordfreq`` package (Robyn Speer et al.; code Apache-2.0,
data CC BY-SA 4.0, built from Wikipedia, subtitles, news, web text and social media).
Its Arabic list counts surface forms as written, clitics included (وقالت is one entry),
which is what clitic splitting needs: how common a form is compared with its remainder.
Entries are normalized with :func:`analysis.normalize.normalize` and their frequencies
summed (أكد and اكد become one entry).  Entries rarer than Zipf 2 (one per 10^7 words)
are left out.  Folding the list takes a second or two, so the folded table is kept in
:data:`analysis.config.CACHE_DIR` (:mod:`analysis.cache`), under a key made of everything
it depends on (the wordfreq version, the normalizer's code, the Unicode and Python
versions): a change to any of them builds it anew.

In memory the table is a plain dict (word -> Zipf value), built from the cached file:
about 28 MB for its 186,000 words and some 60 ms to load.  :func:`zipf` looks up one
word, :func:`zipf_many` a whole vocabulary in one pass.

>>> zipf("بغداد") > 4 > zipf("غداد")
True
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

import numpy as np

from . import resources
from .cache import cached
from .interner import Interner
from .normalize import normalize

#: Entries below this Zipf value are dropped when the table is built.
MIN_ZIPF = 2.0


class _StoredTable(NamedTuple):
    """The folded table as kept in the cache: its words joined by line feeds, and their
    Zipf values in the same order (one string and one array pickle and load in a few
    milliseconds, where a pickled dict takes ten times longer)."""

    words: str
    zipfs: np.ndarray

    @classmethod
    def of(cls, table: dict[str, float]) -> "_StoredTable":
        """Store ``table`` (word -> frequency per word) as words and Zipf values."""
        if any("\n" in word for word in table):
            raise ValueError("a lexicon word holds a line feed")
        freqs = np.fromiter(table.values(), dtype=np.float64, count=len(table))
        return cls("\n".join(table), np.log10(freqs * 1e9))

    def to_dict(self) -> dict[str, float]:
        """The table as a dict (word -> Zipf value)."""
        return dict(zip(self.words.split("\n"), self.zipfs.tolist())) if self.words else {}


def _is_stored_table(table: object) -> bool:
    return (isinstance(table, _StoredTable) and isinstance(table.words, str)
            and isinstance(table.zipfs, np.ndarray) and table.words.count("\n") + 1 == len(table.zipfs))


def _stored_table() -> _StoredTable:
    from importlib import metadata  # (30 ms to import: only when the table is wanted)

    return cached("lexicon-ar", build=lambda: _StoredTable.of(_fold_wordfreq()), check=_is_stored_table,
                  depends_on=(metadata.version("wordfreq"), str(MIN_ZIPF), sys.modules[normalize.__module__],
                              resources, sys.modules[__name__]))


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """The folded table, word -> Zipf value, loaded once per process."""
    return _stored_table().to_dict()


@lru_cache(maxsize=1)
def _zipf_index() -> tuple[Interner, np.ndarray]:
    """The folded table as an Interner of its words and their Zipf values (a tenth of the
    dict's memory), loaded once per process: what :func:`zipf_many` looks words up in."""
    table = _stored_table()
    words = Interner()
    if table.words:
        words.add(table.words.split("\n"))
    if len(words) != len(table.zipfs):
        raise RuntimeError("the cached lexicon repeats a word: delete the cache folder and run again")
    return words, np.append(table.zipfs, 0.0)         # -1 (not found) reads the 0 at the end


def _fold_wordfreq() -> dict[str, float]:
    """wordfreq's Arabic list, normalized and summed, down to Zipf :data:`MIN_ZIPF`."""
    import wordfreq

    floor = 10 ** (MIN_ZIPF - 9)
    table: dict[str, float] = {}
    # wordfreq's list is in buckets of one centibel, most frequent first (each word once)
    for index, bucket in enumerate(wordfreq.get_frequency_list("ar", wordlist="large")):
        freq = 10 ** (-index / 100)
        if freq < floor:
            break
        for word in bucket:
            key = normalize(word)
            if key:                            # (a word of diacritics only normalizes to '')
                table[key] = table.get(key, 0.0) + freq
    # wordfreq keeps the whole list (620,000 words) cached; this table is all we need
    wordfreq.get_frequency_list.cache_clear()
    return table


def zipf(word: str) -> float:
    """Return the Zipf frequency (log10 per billion words) of a normalized word, or 0.

    Parameters
    ----------
    word : str
        A normalized token (see :func:`analysis.normalize.normalize`).

    Returns
    -------
    float
        About 7 for the commonest words, 3 for a word seen once per million words,
        0 for a word the list does not have.

    Examples
    --------
    >>> round(zipf("قالت"), 1) > round(zipf("وقالت"), 1)
    True
    """
    return _zipf_table().get(word, 0.0)


def zipf_many(words: Iterable[str]) -> np.ndarray:
    """Return the Zipf frequencies of many normalized words at once (0 where unknown).

    One pass of lookups in a compact index of the table (:mod:`analysis.interner`), with no
    Python code run per word: some 20 ms for 200,000 words.

    Parameters
    ----------
    words : iterable of str
        Normalized tokens.

    Returns
    -------
    numpy.ndarray of float64
        ``[zipf(w) for w in words]``, as an array.

    Examples
    --------
    >>> zipf_many(["قالت", "بغدادز"]).round(0).tolist()
    [5.0, 0.0]
    """
    words = words if isinstance(words, Sequence) else list(words)
    index, zipfs = _zipf_index()
    try:
        return zipfs[index.find(words)]
    except TypeError:                      # a missing value (None, NaN) in a column: 0, as zipf() gives
        return zipfs[index.find([w if isinstance(w, str) else "\n" for w in words])]
