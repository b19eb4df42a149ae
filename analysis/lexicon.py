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

>>> zipf("بغداد") > 4 > zipf("غداد")
True
"""

from __future__ import annotations

import math
import sys
from functools import lru_cache

import numpy as np

from . import resources
from ._compiled import _scan
from .cache import cached
from .normalize import normalize

#: Entries below this Zipf value are dropped when the table is built.
MIN_ZIPF = 2.0


class _SortedWords:
    """The folded table as one string of its words in code-point order (each followed by
    a line feed), their start offsets and their frequencies: 8 MB and under 20 ms to load,
    where a dict of its 186,000 words takes 34 MB and a tenth of a second.  Words are
    found by binary search (the compiled core's ``sorted_find``); without the compiled
    core, through a dict built from it."""

    def __init__(self, blob: str, starts: np.ndarray, freqs: np.ndarray) -> None:
        self.blob, self.starts, self.freqs = blob, starts, freqs
        self._dict = None if hasattr(_scan, "sorted_find") else self.to_dict()

    @classmethod
    def of(cls, table: dict[str, float]) -> "_SortedWords":
        words = sorted(table)
        if any("\n" in word for word in words):
            raise ValueError("a lexicon word holds a line feed")
        starts = np.zeros(len(words) + 1, dtype=np.int64)
        np.cumsum([len(word) + 1 for word in words], out=starts[1:])
        return cls("\n".join(words), starts, np.array([table[w] for w in words], dtype=np.float64))

    def __reduce__(self):
        return _SortedWords, (self.blob, self.starts, self.freqs)

    def get(self, word: str, default: float = 0.0) -> float:
        if self._dict is not None:
            return self._dict.get(word, default)
        at = _scan.sorted_find(self.blob, self.starts, word)
        return float(self.freqs[at]) if at >= 0 else default

    def to_dict(self) -> dict[str, float]:
        """The table as a dict (word -> frequency)."""
        return dict(zip(self.blob.split("\n"), self.freqs.tolist())) if self.blob else {}


@lru_cache(maxsize=1)
def _folded_frequencies() -> _SortedWords:
    from importlib import metadata  # (30 ms to import: only when the table is wanted)

    return cached("lexicon-ar", build=lambda: _SortedWords.of(_fold_wordfreq()),
                  check=lambda table: isinstance(table, _SortedWords), depends_on=(
        metadata.version("wordfreq"), str(MIN_ZIPF), sys.modules[normalize.__module__], resources, sys.modules[__name__]))


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
    freq = _folded_frequencies().get(word, 0.0)
    return math.log10(freq * 1e9) if freq else 0.0
