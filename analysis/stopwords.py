"""Arabic stopwords from maintained lists, normalized like the text, extendable by the user.

Sources, merged:

* ``stopwordsiso`` (the stopwords-iso collection, Arabic list, about 480 words);
* ``arabic-stopwords`` (Taha Zerrouki's list, about 13,000 forms including attached
  clitics such as وفي, بأن, فقد);
* ``analysis/data/stopwords_extra.txt`` (news-prose function words those lists miss).

Every entry goes through the same :func:`analysis.normalize.normalize` as the text, so
إلى and الى are one stopword.  Because ى is folded into ي, the name علي is a stopword too
(it equals على after folding): say ``exclude={"علي"}`` when Ali matters.

>>> "الي" in arabic_stopwords()
True
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Iterable

from .cache import cached
from .config import DATA_DIR
from .normalize import normalize
from . import resources
from .resources import word_list


@lru_cache(maxsize=1)
def _packaged() -> frozenset[str]:
    """The packaged lists, normalized; kept in the cache (:mod:`analysis.cache`): the two
    libraries hold every language's or every inflected form's list, some 20 MB to load."""
    from importlib import metadata  # (30 ms to import: only when the table is wanted)

    return cached("stopwords-ar", build=_normalized_lists, check=lambda words: isinstance(words, frozenset),
                  depends_on=(metadata.version("stopwordsiso"), metadata.version("arabic-stopwords"),
                              DATA_DIR / "stopwords_extra.txt", sys.modules[normalize.__module__], resources,
                              sys.modules[__name__]))


def _normalized_lists() -> frozenset[str]:
    import arabicstopwords.arabicstopwords as zerrouki
    import stopwordsiso

    raw = set(stopwordsiso.stopwords("ar")) | set(zerrouki.stopwords_list()) | set(word_list("stopwords_extra"))
    return frozenset(w for w in (normalize(x).strip() for x in raw) if w)


def arabic_stopwords(*, extra: Iterable[str] = (), exclude: Iterable[str] = ()) -> frozenset[str]:
    """Return the normalized stopword set, with ``extra`` added and ``exclude`` removed.

    Parameters
    ----------
    extra : iterable of str, default ()
        Words to add (any spelling; they are normalized).
    exclude : iterable of str, default ()
        Words to keep as content words (any spelling).

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> sw = arabic_stopwords(extra=["الثلاثاء"], exclude=["إيران"])
    >>> "الثلاثاء" in sw, "في" in sw
    (True, True)
    """
    words = set(_packaged()) | {normalize(w) for w in extra}
    return frozenset(words - {normalize(w) for w in exclude})
