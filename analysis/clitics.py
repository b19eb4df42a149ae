"""Proclitic splitting checked against vocabularies, not blind prefix stripping.

Arabic attaches the conjunctions و ف, the prepositions ب ل ك and the article ال to the
next word: وقال, بالطائرات, للكاظمي.  Blind stripping mangles words whose first letters
belong to the stem (وزارة, فيلق, بغداد, لبنان, كشف).  :class:`CliticSplitter` splits

* a conjunction/preposition before the article when at least three letters follow the
  article (or the remainder is a known word): والحرس -> و + الحرس, للكاظمي -> ل + الكاظمي
  (the article's alef, dropped after ل, is restored), but وكالات stays whole;
* any other conjunction/preposition prefix only when the evidence says the remainder is
  the word: in general Arabic (:mod:`analysis.lexicon`) the remainder is clearly more
  common than the whole form (قالت vs وقالت), or, for words that list does not know, the
  remainder occurs on its own in the corpus (قااني vs وقااني).  وزارة, بحث, بايدن stay
  whole because زارة, حث, ايدن are rarer than the whole form.

The article itself is kept (الكاظمي stays الكاظمي) unless ``strip_article=True``.
Stopwords taken whole (كما, فيما, لما, وفي, وقال) are never split.

>>> splitter = CliticSplitter(["تحدث", "الكاظمي", "بغداد"], lexicon=False)
>>> splitter("وتحدث"), splitter("للكاظمي"), splitter("وزارة"), splitter("وبغداد")
(('و', 'تحدث'), ('ل', 'الكاظمي'), ('', 'وزارة'), ('و', 'بغداد'))
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from .lexicon import zipf
from .resources import ARTICLE, ARTICLE_PREFIX_RE, BARE_PREFIX_RE, CONJUNCTIONS, LAM_ARTICLE_RE, PREPOSITIONS
from .stopwords import arabic_stopwords

#: The shortest remainder accepted after a bare (non-article) prefix, unless the remainder
#: is a stopword (فقد -> ف + قد).
MIN_STEM = 3
#: How much more common (in Zipf units, log10) the remainder must be than the whole form.
#: A true clitic form is typically 0.5-1.0 rarer than its stem (وقالت 4.8, قالت 5.3);
#: names that merely start with a prefix letter are not (بايدن 3.5, ايدن 3.6).
ZIPF_MARGIN = 0.3
#: A remainder at least this common in general Arabic is a known word.
KNOWN_ZIPF = 3.0
#: Every proclitic starts with one of these letters (و ف ب ل ك); other tokens stay whole.
_PREFIX_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)


class CliticSplitter:
    """Split proclitics off normalized tokens, checking remainders against vocabularies.

    Parameters
    ----------
    vocabulary : iterable of str
        Normalized tokens known to be words (usually every token of the corpus).
    stopwords : iterable of str, optional
        Normalized stopwords; default :func:`analysis.stopwords.arabic_stopwords`.  They
        count as known words, and a token that is a stopword as a whole is not split.
    lexicon : bool, default True
        Weigh general-Arabic frequencies (:func:`analysis.lexicon.zipf`); with False only
        the corpus vocabulary and the stopwords are consulted.
    strip_article : bool, default False
        Also remove the article ال from the stem (الكاظمي -> كاظمي).

    Examples
    --------
    >>> CliticSplitter(["حكومة"], lexicon=False)("والحكومة")
    ('و', 'الحكومة')
    >>> CliticSplitter([], strip_article=True, lexicon=False)("بالطائرات")
    ('بال', 'طائرات')
    """

    def __init__(self, vocabulary: Iterable[str], *, stopwords: Iterable[str] | None = None,
                 lexicon: bool = True, strip_article: bool = False) -> None:
        self.vocabulary = Counter(vocabulary)
        self.stopwords = frozenset(arabic_stopwords() if stopwords is None else stopwords)
        self.lexicon = lexicon
        self.strip_article = strip_article
        self._cache: dict[str, tuple[str, str]] = {}

    def in_corpus(self, word: str) -> bool:
        """Whether ``word`` (or ``ال`` + ``word``) is in the vocabulary or the stopwords."""
        return (word in self.vocabulary or ARTICLE + word in self.vocabulary
                or word in self.stopwords)

    def __call__(self, token: str) -> tuple[str, str]:
        """Return ``(prefix, stem)`` for a normalized token; ``prefix`` may be ``''``."""
        if token[:1] not in _PREFIX_LETTERS and not self.strip_article:
            return "", token                   # most tokens: nothing to split, nothing to cache
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        prefix, stem = self._split(token)
        if self.strip_article and stem.startswith(ARTICLE) and len(stem) > len(ARTICLE) + 1:
            prefix, stem = prefix + ARTICLE, stem[len(ARTICLE):]
        self._cache[token] = prefix, stem
        return prefix, stem

    def _split(self, token: str) -> tuple[str, str]:
        if token in self.stopwords or token[:1] not in _PREFIX_LETTERS:
            return "", token
        match = LAM_ARTICLE_RE.match(token)
        if match and len(match["rest"]) >= 2:
            return match["prefix"], ARTICLE + match["rest"]
        match = ARTICLE_PREFIX_RE.match(token)
        if match and match["prefix"] and (len(match["stem"]) >= len(ARTICLE) + MIN_STEM
                                          or self.in_corpus(match["stem"])):
            return match["prefix"], match["stem"]
        for prefix, stem in _bare_splits(token):
            if self._accept(token, stem):
                return prefix, stem
        return "", token

    def _accept(self, whole: str, stem: str) -> bool:
        if len(stem) < 2 or (len(stem) < MIN_STEM and stem not in self.stopwords):
            return False
        if self.lexicon:
            z_stem, z_whole = zipf(stem), zipf(whole)
            if z_stem or z_whole:
                return z_stem >= z_whole + ZIPF_MARGIN and (z_stem >= KNOWN_ZIPF or self.in_corpus(stem))
        return self.in_corpus(stem)


def _bare_splits(token: str) -> list[tuple[str, str]]:
    """Candidate ``(prefix, stem)`` splits of a bare prefix, longest prefix first."""
    out = []
    match = BARE_PREFIX_RE.match(token)
    if match:
        prefix = match["prefix"]
        out.append((prefix, match["stem"]))
        if len(prefix) == 2:
            out.append((prefix[0], token[1:]))
    return out
