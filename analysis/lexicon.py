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
from importlib import metadata
from pathlib import Path

from . import resources
from .cache import cached
from .normalize import normalize

#: Entries below this Zipf value are dropped when the table is built.
MIN_ZIPF = 2.0


@lru_cache(maxsize=1)
def _folded_frequencies() -> dict[str, float]:
    return cached("lexicon-ar", build=_fold_wordfreq, check=lambda table: isinstance(table, dict), depends_on=(
        metadata.version("wordfreq"), str(MIN_ZIPF),
        *(Path(module.__file__) for module in (sys.modules[normalize.__module__], resources, sys.modules[__name__]))))


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
