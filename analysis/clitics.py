"""Proclitic splitting checked against vocabularies, not blind prefix stripping.

Arabic attaches the conjunctions و ف, the prepositions ب ل ك and the article ال to the
next word: وقال, بالطائرات, للكاظمي.  Blind stripping mangles words whose first letters
belong to the word (وزارة, فيلق, بغداد, لبنان, كشف, والدته, بالغين).  Every split
:class:`CliticSplitter` makes needs evidence that the remainder (the *stem*) is a word:

* its frequency in general Arabic (:mod:`analysis.lexicon`) against that of the whole
  form: وقالت splits because قالت is more common, بايدن stays whole because ايدن is not
  clearly so, والدته because الدته is no word at all;
* its presence in the corpus vocabulary, for names general Arabic does not know:
  وقااني splits when قااني occurs on its own;
* for forms these lists do not know, the same tests on the core left without an
  attached pronoun or a dual/plural ending (ودمويتها: دموية is a word; وكالاتها:
  وكالات is, so the whole form is one word).

How much more common the stem must be depends on the proclitic: و is so common that a
stem as common as the whole form will do; ف (rarer) needs a clearly more common stem; ب
and ل need a somewhat more common one, unless the stem is a noun the corpus has with the
article (بقيادة: القيادة); ك only goes before such a noun (كبديل; not كاميرا).  Before the
article the stem, or the word after the article, must be known and not much rarer than
the whole form, which can be a fixed phrase (للغاية).  لل reads as ل + ال + rest
(للكاظمي), ل + a word starting with ل (للبنان, لليبيا) or ل + ال + such a word (للجنة,
لله): the best attested reading wins, an article reading unless the other is clearly
more common.  Proclitics come in the order conjunction, preposition, article, so a
reading that would need another order is refused (لولا is not ل + و + لا; وكان is و +
كان, as كان is no ك + ان).  A form that no list knows, in whole or in part, splits only
after و, the commonest proclitic (وسنعتني).

The rules run on arrays of forms at once (:meth:`CliticSplitter.split_many`); calling
the splitter on one token looks it up in the table made for the whole vocabulary at the
first call.  The article itself is kept (الكاظمي stays الكاظمي) unless
``strip_article=True``.

>>> splitter = CliticSplitter(["تحدث", "الكاظمي", "بغداد"], lexicon=False)
>>> splitter("وتحدث"), splitter("للكاظمي"), splitter("وزارة"), splitter("وبغداد")
(('و', 'تحدث'), ('ل', 'الكاظمي'), ('', 'وزارة'), ('و', 'بغداد'))
"""

from __future__ import annotations

import operator
import sys
from types import SimpleNamespace
from typing import Iterable, Sequence

import numpy as np

from .interner import Interner
from .lexicon import zipf_many
from .resources import (ARTICLE, ARTICLE_PREPOSITIONS, COMMON_PROCLITIC, CONJUNCTIONS, NOUN_PROCLITIC,
                        PREPOSITIONS, PRONOUN_SUFFIXES, RARE_PROCLITICS, SHORT_SUFFIXES)
from .stopwords import arabic_stopwords

#: The shortest stem accepted after a prefix (three after ك; a number of any length: و2).
MIN_STEM = 2
#: How much more common (in Zipf units, log10) a stem must be than the whole form when
#: the whole form is itself a known word, after ب ل ك.  A true clitic form is typically
#: 0.8-2 rarer than its stem (برئيس 3.6, رئيس 5.7); names
#: that merely start with a prefix letter are not (بايدن 3.5, ايدن 3.6).  After و, and
#: before a noun the corpus has with the article, the stem need only be as common (for a
#: stem of four letters or more: واحد is no و + احد, 5.8 against 6.1).
ZIPF_MARGIN = 0.3
#: The margin for a stem of two letters, which matches by chance far more often
#: (فان is ف + ان, 5.9 against 7.2; لدي is no ل + دي, 5.6 against 5.4).
SHORT_MARGIN = 0.8
#: Added to the margin after ف, a rarer proclitic: in general Arabic a form with ف is
#: typically 2.1 Zipf units rarer than its stem, with و ب ل 1.4-1.6 (فتحت, فعالية are
#: words, فقال, فانه are ف + word).
RARE_EXTRA = 0.8
#: A stem at least this common in general Arabic is a known word.
KNOWN_ZIPF = 3.0
#: After a prefix and the article, a known stem may be this much rarer than the whole
#: form, which can be a fixed phrase (للغاية 5.2, غاية 4.7; بالطبع 4.8, طبع 4.2).
ARTICLE_SLACK = 1.0
#: A word after the article this long is accepted when neither it nor the whole form is
#: known anywhere (وللانتربنك).
LONG_STEM = 5
#: After و, a stem this long needs no evidence when nothing knows the whole form.
PRIOR_STEM = 4
#: The shortest core looked up before a pronoun suffix; before the other suffixes, one
#: letter more (:data:`analysis.resources.SHORT_SUFFIXES`).
MIN_CORE = 3



def _string_operations() -> SimpleNamespace:
    """Element-wise string operations on arrays: numpy's own on numpy 2.3 or later
    (``numpy.strings`` on ``StringDType`` arrays, compiled loops); with an older numpy the
    same operations on object arrays, one Python call per element (same results, slower)."""
    if hasattr(getattr(np, "strings", None), "slice"):
        from numpy.dtypes import StringDType

        ops = {name: getattr(np.strings, name) for name in
               ("add", "endswith", "find", "isdecimal", "rstrip", "slice", "startswith", "str_len", "strip")}
        return SimpleNamespace(native=True, dtype=StringDType(), **ops)
    as_bool = lambda func: lambda *args: func(*args).astype(bool)            # noqa: E731
    as_int = lambda func: lambda *args: func(*args).astype(np.int64)          # noqa: E731
    return SimpleNamespace(
        native=False, dtype=np.dtype(object), add=np.frompyfunc(operator.add, 2, 1),
        endswith=as_bool(np.frompyfunc(str.endswith, 2, 1)), find=as_int(np.frompyfunc(str.find, 2, 1)),
        isdecimal=as_bool(np.frompyfunc(str.isdecimal, 1, 1)),
        slice=np.frompyfunc(lambda word, start, stop: word[start:stop], 3, 1),
        startswith=as_bool(np.frompyfunc(str.startswith, 2, 1)), str_len=as_int(np.frompyfunc(len, 1, 1)),
        rstrip=np.frompyfunc(str.rstrip, 2, 1), strip=np.frompyfunc(str.strip, 2, 1))


_S = _string_operations()
#: Characters of tokens that are no Arabic letters: digits (ASCII after normalization)
#: and Latin letters.
_NOT_ARABIC = "0123456789" + "".join(map(chr, range(ord("A"), ord("Z") + 1))) + \
    "".join(map(chr, range(ord("a"), ord("z") + 1)))
_PREFIX_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)
#: Where each reading may apply: the letters it starts with, as letter sets in turn
#: (longest first), and how many of them are not the prefix (ال, the second ل of لل).
_ARTICLE_PATTERNS = (((CONJUNCTIONS, ARTICLE_PREPOSITIONS, "ا", "ل"), (CONJUNCTIONS + ARTICLE_PREPOSITIONS, "ا", "ل")), 2)
_LAM_PATTERNS = (((CONJUNCTIONS, "ل", "ل"), ("ل", "ل")), 1)
_DOUBLE_PATTERNS = (((CONJUNCTIONS, PREPOSITIONS),), 0)
_SINGLE_PATTERNS = (((CONJUNCTIONS + PREPOSITIONS,),), 0)
#: The suffixes by length, longest first, each length with (shortest core, suffixes) pairs.
_SUFFIX_GROUPS = [(size, [(shortest, np.asarray([s for s in group if len(s) == size], dtype=_S.dtype))
                          for shortest, group in ((MIN_CORE, PRONOUN_SUFFIXES), (MIN_CORE + 1, SHORT_SUFFIXES))])
                  for size in sorted({len(s) for s in PRONOUN_SUFFIXES + SHORT_SUFFIXES}, reverse=True)]


class CliticSplitter:
    """Split proclitics off normalized tokens, checking stems against vocabularies.

    Parameters
    ----------
    vocabulary : iterable of str or analysis.interner.Interner
        Normalized tokens known to be words (usually every token of the corpus).  Only
        which forms occur matters, not how often.  An Interner (a large corpus's
        vocabulary, kept compactly) is looked up as it is, not copied into a set.
    stopwords : iterable of str, optional
        Normalized stopwords; default :func:`analysis.stopwords.arabic_stopwords`.  They
        count as known words (وفي -> و + في).
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
        # a large corpus's vocabulary comes compact (an Interner, looked up in bulk): a
        # frozenset of a million forms would take more memory than the forms themselves
        self.vocabulary = vocabulary if isinstance(vocabulary, Interner) else frozenset(vocabulary)
        self.stopwords = frozenset(arabic_stopwords() if stopwords is None else stopwords)
        self.lexicon = lexicon
        self.strip_article = strip_article
        self._known = None if isinstance(vocabulary, Interner) else self.vocabulary | self.stopwords
        self._cache: dict[str, tuple[str, str]] | None = None

    def in_corpus(self, word: str) -> bool:
        """Whether ``word`` (or ``ال`` + ``word``) is in the vocabulary or the stopwords."""
        return bool(self._contains([word, ARTICLE + word]).any())

    def __call__(self, token: str) -> tuple[str, str]:
        """Return ``(prefix, stem)`` for a normalized token; ``prefix`` may be ``''``."""
        if token[:1] not in _PREFIX_LETTERS and not self.strip_article:
            return "", token                   # most tokens: nothing to split
        if self._cache is None:                # the first call decides the whole vocabulary
            forms = sorted(self.vocabulary)
            self._cache = dict(zip(forms, zip(*self.split_many(forms))))
        found = self._cache.get(token)
        if found is None:
            (prefix,), (stem,) = self.split_many([token])
            found = self._cache[token] = prefix, stem
        return found

    def split_many(self, norms: Sequence[str]) -> tuple[list[str], list[str]]:
        """Split many normalized tokens at once: ``[self(n) for n in norms]``, unzipped.

        Each distinct token is decided once, all of them together: the lexicon and the
        vocabulary are looked up in bulk and the rules run on arrays.  Each form's decision
        depends on that form and the vocabularies only, so the forms can be shared out.

        Parameters
        ----------
        norms : sequence of str
            Normalized tokens (repeats allowed).

        Returns
        -------
        prefixes, stems : list of str
            One entry per token, in order.

        Examples
        --------
        >>> splitter = CliticSplitter(["قااني"], lexicon=False)
        >>> splitter.split_many(["وقااني", "بغداد", "وقااني"])
        (['و', '', 'و'], ['قااني', 'بغداد', 'قااني'])
        """
        import pandas as pd

        codes, uniques = pd.factorize(pd.Series(list(norms), dtype=object))
        unique_forms = np.asarray(uniques, dtype=object)
        forms = np.asarray(unique_forms.tolist(), dtype=_S.dtype)
        prefixes, stems = np.full(len(forms), "", dtype=_S.dtype), forms.copy()
        candidate = np.flatnonzero(_starts_with_any(forms, _PREFIX_LETTERS))
        if len(candidate):
            prefixes[candidate], stems[candidate] = self._split_forms(forms[candidate])
        if self.strip_article:
            prefixes, stems = _strip_article(prefixes, stems)
        # as lists of str: a form that stays whole (most) keeps its own object, and only
        # the prefixes and stems split off are made anew (a vocabulary of a million forms
        # would otherwise make two million new strings)
        stem_of = unique_forms.copy()
        changed = np.flatnonzero(stems != forms)
        stem_of[changed] = stems[changed].tolist()
        prefix_of = np.full(len(forms), "", dtype=object)
        prefixed = np.flatnonzero(prefixes != "")
        prefix_of[prefixed] = [sys.intern(p) for p in prefixes[prefixed].tolist()]
        return prefix_of[codes].tolist(), stem_of[codes].tolist()

    # --- the decision for forms that start with a proclitic letter ----------------------------

    def _split_forms(self, forms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Try the readings in turn, each on the forms it fits: prefix + article, لل, two
        prefixes, one prefix."""
        whole, _ = self._facts(forms, whole=True)
        prefix, stem = np.full(len(forms), "", dtype=_S.dtype), forms.copy()
        todo = np.ones(len(forms), dtype=bool)
        letters: list[np.ndarray] = []        # the forms' first, second, ... letters, sliced once
        for reading, patterns in ((self._article_reading, _ARTICLE_PATTERNS), (self._lam_reading, _LAM_PATTERNS),
                                  (self._double_reading, _DOUBLE_PATTERNS), (self._single_reading, _SINGLE_PATTERNS)):
            size = np.where(todo, _prefix_size(forms, *patterns[0], letters=letters), 0)
            at = np.flatnonzero(size > 0)
            if len(at):
                ok, new_prefix, new_stem = reading(forms[at], size[at] - patterns[1], whole[:, at])
                prefix[at[ok]], stem[at[ok]] = new_prefix[ok], new_stem[ok]
                todo[at[ok]] = False
        return prefix, stem

    def _article_reading(self, forms: np.ndarray, size: np.ndarray, whole: np.ndarray):
        """و/ف + ب/ك + ال + word: والحكومة, وبالعراق, but not والدته or بالغين."""
        stem = _S.slice(forms, size, None)
        matched = _S.str_len(stem) >= len(ARTICLE) + 2
        word = _S.slice(stem, len(ARTICLE), None)
        evidence, attested = self._article_evidence(stem, word)
        ok = matched & accept_article(whole.max(axis=0), evidence, attested, _S.str_len(word))
        return ok, _S.slice(forms, 0, size), stem

    def _lam_reading(self, forms: np.ndarray, size: np.ndarray, whole: np.ndarray):
        """لل + rest: ل + ال + rest, ل + (ل + rest) or ل + ال + (ل + rest), best evidence."""
        rest = _S.slice(forms, size + 1, None)
        length = _S.str_len(rest)
        readings = (_S.add(ARTICLE, rest), _S.add("ل", rest), _S.add(ARTICLE + "ل", rest))
        either = whole.max(axis=0)
        # ل + ال + rest: the article reading, with the word after the article as evidence;
        # as words do not start with لل, a rest of three letters needs none
        evidence_a, attested_a = self._article_evidence(readings[0], rest)
        ok_a = accept_article(either, evidence_a, attested_a, length, long_stem=3)
        # ل + ال + ل...: only the definite form itself counts (its word is reading b's stem)
        evidence_c, attested_c = self._zipf(readings[2]), self._contains(readings[2])
        ok_c = ((evidence_c > 0) | attested_c) & accept_article(either, evidence_c, attested_c, length + 1)
        # ل + ل...: a word whose own ل is part of it (لبنان), not itself ل + rest (لغاية)
        evidence_b, attested_b = self._facts(readings[1])
        ok_b = ~self._splits_once(readings[1]) & accept_bare(
            np.full(len(forms), "ل", dtype=_S.dtype), whole, evidence_b, attested_b, length + 1, False, prior=self.lexicon)
        choice = choose_lam_reading(np.where(ok_a, evidence_a, -1.0), np.where(ok_b, evidence_b.max(axis=0), -1.0),
                                    np.where(ok_c, evidence_c, -1.0))
        stem = np.where(choice == 1, readings[1], np.where(choice == 2, readings[2], readings[0]))
        return choice >= 0, _S.slice(forms, 0, size), stem

    def _double_reading(self, forms: np.ndarray, size: np.ndarray, whole: np.ndarray):
        """و/ف + ب/ل/ك + stem (وبحسب), if ب/ل/ك + stem would split on its own (not وكان)."""
        ok, prefix, stem = self._bare(forms, size, whole)
        check = np.flatnonzero(ok)
        ok[check] = self._splits_once(_S.slice(forms[check], 1, None))
        return ok, prefix, stem

    def _single_reading(self, forms: np.ndarray, size: np.ndarray, whole: np.ndarray):
        """و ف ب ل ك + stem, unless the stem would itself split off a proclitic that cannot
        follow this one: nothing follows a preposition (لولا is not ل + و + لا), and no
        conjunction another conjunction."""
        ok, prefix, stem = self._bare(forms, size, whole)
        after_preposition = _starts_with_any(prefix, PREPOSITIONS)
        cannot_follow = _starts_with_any(stem, CONJUNCTIONS) | after_preposition & _starts_with_any(stem, PREPOSITIONS)
        check = np.flatnonzero(ok & cannot_follow)
        ok[check] = ~self._splits_once(stem[check])
        return ok, prefix, stem

    def _bare(self, forms: np.ndarray, size: np.ndarray, whole: np.ndarray):
        """Prefix (the first ``size`` letters) + stem with no article, by
        :func:`accept_bare`; after ك, the stem must be a noun: one that the corpus (also
        without its suffix) or general Arabic has with the article (كبديل: البديل,
        كسابقاتها: السابقات), or a function word that is not ل/ب + pronoun (كانه; not كلها)."""
        prefix, stem = _S.slice(forms, 0, size), _S.slice(forms, size, None)
        length = _S.str_len(stem)
        noun = np.zeros(len(stem), dtype=bool)            # only weighed after ب or ل
        may_be_noun = np.flatnonzero(_is_any(prefix, "بل") & (length >= 4))
        noun[may_be_noun] = self._noun(stem[may_be_noun])
        ok = (stem != ARTICLE) & accept_bare(prefix, whole, *self._facts(stem), length, _not_arabic(stem),
                                             noun=noun, prior=self.lexicon)
        noun_only = np.flatnonzero(ok & _S.endswith(prefix, NOUN_PROCLITIC))
        if len(noun_only):
            after = stem[noun_only]
            function_word = self._contains(after, self.stopwords)
            ok[noun_only] = ~(function_word & _starts_with_any(after, _PREFIX_LETTERS)) & (
                function_word | self._noun(after, pronouns_only=True) | (self._zipf(_S.add(ARTICLE, after)) > 0))
        return ok, prefix, stem

    def _splits_once(self, words: np.ndarray) -> np.ndarray:
        """Whether each word would split off its first letter as a proclitic (one level,
        no article, by the rules of :meth:`_bare`): لغاية is ل + غاية, لبنان one word."""
        size = _prefix_size(words, *_SINGLE_PATTERNS[0])
        fits = np.flatnonzero(size > 0)
        splits = np.zeros(len(words), dtype=bool)
        if len(fits):
            words = words[fits]
            splits[fits] = self._bare(words, size[fits], self._facts(words, whole=True)[0])[0]
        return splits

    # --- evidence, looked up for whole arrays --------------------------------------------------

    def _zipf(self, words: np.ndarray | list[str]) -> np.ndarray:
        words = words if isinstance(words, list) else words.tolist()
        return zipf_many(words) if self.lexicon else np.zeros(len(words))

    def _contains(self, words: np.ndarray | list[str], where=None) -> np.ndarray:
        """Whether each word is in ``where`` (default: the vocabulary or the stopwords)."""
        words = words if isinstance(words, list) else words.tolist()
        if where is None and self._known is None:
            return self._contains(words, self.vocabulary) | self._contains(words, self.stopwords)
        where = self._known if where is None else where
        if isinstance(where, Interner):
            return where.contains(words)
        return np.fromiter(map(where.__contains__, words), dtype=bool, count=len(words))

    def _facts(self, words: np.ndarray, *, whole: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Evidence for each word, as two rows: the Zipf of the word and of its core without
        a suffix (0 where it has none; for ``whole`` forms the core must be a letter longer,
        as it holds the prefix); and whether the corpus (or the stopwords) has the word,
        ال + word or its core (for ``whole`` forms: not looked up, all False)."""
        items = words.tolist()
        value = np.zeros((2, len(items)))
        value[0] = self._zipf(items)
        plain, marbuta = _cores(words, extra=int(whole))
        has_core = plain != ""
        attested = np.zeros(len(items), dtype=bool)
        if has_core.any():
            plain, marbuta = plain[has_core], marbuta[has_core]
            teh = np.flatnonzero(plain != marbuta)       # only cores ending in ت read two ways
            core_value = self._zipf(plain)
            core_value[teh] = np.maximum(core_value[teh], self._zipf(marbuta[teh]))
            value[1, has_core] = core_value
            if not whole:
                core_known = self._contains(plain)
                core_known[teh] |= self._contains(marbuta[teh])
                attested[has_core] = core_known
        if not whole:
            attested |= self._contains(items)
            rest = np.flatnonzero(~attested)
            attested[rest] = self._contains(_S.add(ARTICLE, words[rest]))
        return value, attested

    def _noun(self, words: np.ndarray, *, pronouns_only: bool = False) -> np.ndarray:
        """Whether the corpus has the word, or its core without a suffix (``pronouns_only``:
        without an attached pronoun of two letters or more), with the article."""
        plain, marbuta = _cores(words, pronouns_only=pronouns_only)
        found = self._contains(_S.add(ARTICLE, words), self.vocabulary)
        has_core = np.flatnonzero(~found & (plain != ""))
        found[has_core] = self._contains(_S.add(ARTICLE, plain[has_core]), self.vocabulary)
        teh = has_core[plain[has_core] != marbuta[has_core]]
        found[teh] |= self._contains(_S.add(ARTICLE, marbuta[teh]), self.vocabulary)
        return found

    def _article_evidence(self, stems: np.ndarray, words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Evidence for ال + word: its own Zipf or, for a word of three letters or more,
        the word's without the article (or its core's); attested if the corpus has either."""
        long_word = _S.str_len(words) >= 3
        facts, attested = self._facts(words)
        stems = stems.tolist()
        evidence = np.maximum(self._zipf(stems), np.where(long_word, facts.max(axis=0), 0.0))
        return evidence, self._contains(stems) | long_word & attested


# --- the rules, on arrays ------------------------------------------------------------------

def accept_article(whole, evidence, attested, length, *, long_stem=LONG_STEM):
    """Whether prefix + ال + word splits.

    Parameters
    ----------
    whole : array of float
        Evidence (Zipf) for the whole form or its core; 0 where nothing knows it.
    evidence : array of float
        Evidence for the stem: the Zipf of ال + word, or of the word alone.
    attested : array of bool
        Whether the corpus has ال + word or the word.
    length : array of int
        Length of the word after the article.
    long_stem : int, default :data:`LONG_STEM`
        A word this long after the article needs no evidence if the whole form has none.

    Returns
    -------
    array of bool
        Where the whole form is known, a stem that is known and not much rarer
        (:data:`ARTICLE_SLACK`; a word of two letters: clearly more common); elsewhere any
        evidence, or a word of ``long_stem`` letters.

    Examples
    --------
    >>> accept_article([4.3, 0.0, 5.2], [0.0, 0.0, 4.7], [False, False, False], [3, 6, 4]).tolist()
    [False, True, True]
    """
    whole, evidence, length = np.asarray(whole), np.asarray(evidence), np.asarray(length)
    not_much_rarer = np.where(length >= 3, evidence >= whole - ARTICLE_SLACK, evidence >= whole + ZIPF_MARGIN)
    when_known = (evidence >= np.minimum(KNOWN_ZIPF, whole)) & not_much_rarer
    when_unknown = (evidence > 0) | np.asarray(attested) | (length >= long_stem)
    return (length >= 2) & np.where(whole > 0, when_known, when_unknown)


def accept_bare(prefix, whole, evidence, attested, length, number, *, noun=False, prior=True):
    """Whether prefix + stem (no article) splits.

    A number or a Latin word always does (و2018, وD).  Where the whole form is known, the stem must be clearly
    more common (:data:`ZIPF_MARGIN`; :data:`SHORT_MARGIN` for two letters; plus
    :data:`RARE_EXTRA` after ف), or for a stem of four letters or more at least as common
    after و, and after ب or ل before a noun the corpus has with the article (بقيادة:
    القيادة), comparing the cores where the whole form reads best as
    a word with a suffix (ولايتها: ولاية), else the forms themselves; and it must be known
    or attested (after و, a stem of :data:`PRIOR_STEM` letters need not be).  Where the
    whole form is not known, a stem of three letters or more must be attested or known
    (after ف: common), except after و, where a stem of :data:`PRIOR_STEM` letters needs no
    evidence.  After ك, a stem of three letters.

    Parameters
    ----------
    prefix : array of str
    whole, evidence : array of float, shape (2, n)
        Evidence (Zipf) for the whole form and for the stem: for the form itself (row 0)
        and for its core without a suffix (row 1); 0 where nothing knows it.
    attested : array of bool
        Whether the corpus has the stem (or ال + stem, or its core).
    length : array of int
        Length of the stem.
    number : array of bool
        Whether the stem has no Arabic letter (a number, a Latin word).
    noun : array of bool, default False
        Whether the corpus has the stem (or its core) with the article.
    prior : bool, default True
        Split after و with no evidence (False when general Arabic was not consulted, so
        that "nothing knows the whole form" means nothing).

    Returns
    -------
    array of bool

    Examples
    --------
    >>> whole = [[4.8, 3.5, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0]]
    >>> stem = [[5.3, 3.6, 2.5, 2.5, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0]]
    >>> accept_bare(["و", "ب", "ل", "ف", "و"], whole, stem, [True, False, False, False, False],
    ...             [4, 4, 6, 6, 5], False).tolist()
    [True, False, True, False, True]
    """
    prefix = np.asarray(prefix, dtype=_S.dtype)
    whole, stem = _compared(np.asarray(whole), np.asarray(evidence))
    length, attested = np.asarray(length), np.asarray(attested)
    rare = _contains_any(prefix, RARE_PROCLITICS)
    margin = np.where(length >= 3, ZIPF_MARGIN, SHORT_MARGIN) + np.where(rare, RARE_EXTRA, 0.0)
    as_common = (length >= 4) & ((prefix == COMMON_PROCLITIC) | np.asarray(noun) & _is_any(prefix, "بل"))
    margin = np.where(as_common, 0.0, margin)
    after_common = prior & (prefix == COMMON_PROCLITIC) & (length >= PRIOR_STEM)
    when_known = (stem >= whole + margin) & ((stem >= KNOWN_ZIPF) | attested | after_common)
    best = np.asarray(evidence).max(axis=0)
    known_stem = np.where(rare, best >= KNOWN_ZIPF, best > 0) | attested
    when_unknown = (length >= 3) & known_stem | after_common
    shortest = np.where(_S.endswith(prefix, NOUN_PROCLITIC), 3, MIN_STEM)
    return np.asarray(number) | (length >= shortest) & np.where(whole > 0, when_known, when_unknown)


def _compared(whole: np.ndarray, stem: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The evidence to compare for the whole form and the stem, each given as (form, core)
    rows: the whole's best; for the stem its core too where the whole reads best as a
    word with a suffix (ولايتها: ولاية), else the stem itself (كاميرا: اميرا, not امير),
    else its core if the whole has one (برايتون: رايت is no evidence against برايت = 0)."""
    (whole_form, whole_core), (stem_form, stem_core) = whole, stem
    stem_value = np.where(whole_core > whole_form, np.maximum(stem_form, stem_core),
                          np.where(stem_form > 0, stem_form, np.where(whole_core > 0, stem_core, 0.0)))
    return np.maximum(whole_form, whole_core), stem_value


def choose_lam_reading(article, lam_word, double_lam):
    """Which reading of لل wins: 0 ل + ال + rest, 1 ل + (ل + rest), 2 ل + ال + (ل + rest),
    -1 none; each given as its evidence, -1 where it was rejected.  The article readings
    are preferred unless ل + (ل + rest) is clearly more common than both.

    Examples
    --------
    >>> choose_lam_reading([-1.0, 3.8, 4.8], [5.3, -1.0, 5.2], [-1.0, -1.0, 5.0]).tolist()
    [1, 0, 2]
    """
    article, lam_word, double_lam = np.asarray(article), np.asarray(lam_word), np.asarray(double_lam)
    best_article = np.maximum(article, double_lam)
    choice = np.where(best_article < 0, -1, np.where(double_lam > article, 2, 0))
    return np.where((lam_word >= 0) & (lam_word >= best_article + ZIPF_MARGIN), 1, choice)


# --- helpers on arrays of strings ------------------------------------------------------------

def _not_arabic(words: np.ndarray) -> np.ndarray:
    """Whether each word has no Arabic letter (a number, a Latin word: و2018, وD)."""
    return (_S.str_len(words) > 0) & (_S.str_len(_S.strip(words, _NOT_ARABIC)) == 0)


def _starts_with_any(words: np.ndarray, letters: Iterable[str]) -> np.ndarray:
    return _is_any(_S.slice(words, 0, 1), letters)


def _is_any(words: np.ndarray, letters: Iterable[str]) -> np.ndarray:
    """Whether each word is one of ``letters`` (a few strings: compared one by one)."""
    found = np.zeros(len(words), dtype=bool)
    for letter in set(letters):
        found |= words == letter
    return found


def _contains_any(words: np.ndarray, letters: str) -> np.ndarray:
    found = np.zeros(len(words), dtype=bool)
    for letter in letters:
        found |= _S.find(words, letter) >= 0
    return found


def _prefix_size(words: np.ndarray, *patterns: tuple[str, ...], letters: list[np.ndarray] | None = None) -> np.ndarray:
    """The length of the first of ``patterns`` (each a tuple of letter sets, one letter of
    each in turn) that each word starts with and is longer than; 0 where none fits.
    ``letters``: the words' first letters, second letters, ... if already at hand."""
    size = np.zeros(len(words), dtype=np.int64)
    length = _S.str_len(words)
    letters = letters or []
    for pattern in patterns:
        while len(letters) < len(pattern):
            letters.append(_S.slice(words, len(letters), len(letters) + 1))
        fits = (size == 0) & (length > len(pattern))
        for at, allowed in enumerate(pattern):
            fits &= _is_any(letters[at], allowed)
        size[fits] = len(pattern)
    return size


def _cores(words: np.ndarray, *, extra: int = 0, pronouns_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Each word without its longest suffix that leaves a long enough core (:data:`MIN_CORE`,
    + 1 after the short suffixes, + ``extra``), or '' where none does; and the same with a
    final ت read as the ة it was before the suffix (شركتهما -> شركة).  ``pronouns_only``:
    only attached pronouns of two letters or more count as suffixes."""
    core = np.full(len(words), "", dtype=_S.dtype)
    found = np.zeros(len(words), dtype=bool)
    length = _S.str_len(words)
    for size, suffixes in _SUFFIX_GROUPS:
        ending = _S.slice(words, -size, None)
        for shortest, group in suffixes[:1] if pronouns_only else suffixes:
            fits = ~found & (length - size >= shortest + extra) & np.isin(ending, group)
            core[fits] = _S.slice(words[fits], 0, -size)
            found |= fits
    # digits glued to a word (برصيد31) end it like a suffix
    letters_only = _S.rstrip(words, "0123456789")
    glued = ~found & (letters_only != words) & (_S.str_len(letters_only) >= MIN_CORE + extra)
    core[glued] = letters_only[glued]
    teh = _S.endswith(core, "ت")
    marbuta = np.where(teh, _S.add(_S.slice(core, 0, -1), "ة"), core)
    return core, marbuta


def _strip_article(prefixes: np.ndarray, stems: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Move the article of stems longer than ال + one letter into the prefix."""
    move = _S.startswith(stems, ARTICLE) & (_S.str_len(stems) > len(ARTICLE) + 1)
    return (np.where(move, _S.add(prefixes, ARTICLE), prefixes),
            np.where(move, _S.slice(stems, len(ARTICLE), None), stems))
