"""The tokens of a sentence and the tests the attribution rules make on one word.

A sentence is read as :class:`Token` objects (:func:`sentence_tokens`: each word normalized,
with the raw text before it and whether it stands inside a quotation).  The tests here look at
one word or token alone: an attached و/ف (:func:`bare`), a ل or ب that is a preposition
(:func:`strip_lam`, ``_lam_is_preposition``, ``_prep_b``), على, a statement noun, a noun with a
possessive pronoun, punctuation before a token, a word that names rather than describes.  They
know nothing of cues, spans or rows (see :mod:`analysis.sources_rules`).
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from .lexicon import zipf
from .sources_lexicon import (
    no_article, norm, outlet_words, words, OPEN_QUOTES, CLOSE_QUOTES, PUNCT, DASHES, DEFINITE_ADJECTIVES,
    IN_STOP_ALL, NISBA_ENDINGS,
)
from .tokenize import token_spans

_N = norm


@dataclass
class Token:
    start: int
    end: int
    surface: str
    norm: str
    gap: str          # raw text between the previous token and this one
    quoted: bool      # inside a quotation opened and closed within the sentence


#: One-letter abbreviations of titles written with a dot before a name: د. (doctor), م.
#: (engineer), أ. (professor, mister).
TITLE_INITIALS = frozenset("دمأ")


def sentence_tokens(text: str, start: int, end: int, *, open_quote: bool = False) -> list[Token]:
    """The tokens of ``text[start:end]``, with the text before each and quotation flags.

    With ``open_quote`` the sentence begins inside a quotation opened in an earlier
    sentence of its paragraph: its tokens up to the closing mark are quoted."""
    tokens, previous = [], start
    for span in token_spans(text[start:end]):
        s, e = start + span.start, start + span.end
        gap = text[previous:s]
        if gap == "." and tokens and _abbreviation_part(tokens[-1].surface) and _abbreviation_part(span.surface):
            gap = " "                                       # بي.بي.سي: one name, not two sentences' pieces
        elif gap.strip() == "." and tokens and len(tokens[-1].surface) == 1 and tokens[-1].surface in TITLE_INITIALS:
            gap = " "                                       # "العقيد د. عاطي القرشي", "م. سالم": a title's initial
        tokens.append(Token(s, e, span.surface, _N(span.surface), gap, False))
        previous = e
    tail = Token(end, end, "", "", text[previous:end], False)      # closes a final quotation
    if open_quote:
        for i, tok in enumerate(tokens):
            if i > 0 and any(c in tok.gap for c in CLOSE_QUOTES):
                break
            tok.quoted = True
        else:
            i = len(tokens)
        first_close = i
    opened = None
    for i, tok in enumerate(tokens + [tail]):
        if open_quote and i <= first_close:
            continue
        for char in tok.gap:
            if opened is None and char in OPEN_QUOTES:
                opened = i
            elif opened is not None and char in CLOSE_QUOTES:
                if i - opened > 3:                                  # short quotations wrap names
                    for q in tokens[opened:i]:
                        q.quoted = True
                opened = None
    return tokens


#: An opening guillemet or quotation mark right before the end of a clause: written for the
#: closing one ("… ومياهها الإقليمية «. واعتبر"), which would leave the rest of the article
#: inside a quotation.
STRAY_OPENING = re.compile(r"[«“](?=[ \t\u00a0]*[.،,؛!؟?])")


def mend_quotes(text: str) -> str:
    """``text`` with the opening marks that stand at a clause's end turned into closing ones;
    the same length, so every offset still holds.

    Examples
    --------
    >>> mend_quotes("قال: «إن الوضع مستقر «. وأضاف")
    'قال: «إن الوضع مستقر ». وأضاف'
    """
    return STRAY_OPENING.sub(lambda m: "»" if m.group() == "«" else "”", text)


def _abbreviation_part(surface: str) -> bool:
    """A piece of a dotted abbreviation: one to three letters (بي, سي, إم)."""
    return 1 <= len(surface) <= 3 and surface.isalpha()


def _name_word(word: str) -> bool:
    """A first name or a rare word written without the article (part of a name: برهم)."""
    return word in words("given_name") or (not word.startswith("ال") and zipf(word) < 3.0 and len(word) > 2)


def bare(word: str) -> str:
    """A normalized word without an attached و/ف when the rest is clearly the word."""
    if len(word) > 3 and word[0] in "وف":
        rest = word[1:]
        if (rest.startswith("ال") and zipf(rest) >= zipf(word)) or _known(rest) or zipf(rest) > zipf(word) + 0.5:
            return rest                                   # والحكومة, but not والد (father)
    return word


def _of_role(noun: str, role_words: frozenset[str]) -> bool:
    """Whether a noun (without its article) is one of ``role_words``, or its feminine in ة
    when the masculine is listed (ناشطة: ناشط)."""
    return noun in role_words or noun.endswith(("ة", "ه")) and noun[:-1] in role_words


def _known(word: str) -> bool:
    w = no_article(word)
    return any(w in words(r) for r in ("media", "anonymous", "title", "body", "quantifier")) or \
        word in outlet_words()


#: A reading of a word after ل this frequent is a word of the language (:func:`strip_lam`).
LAM_READING_ZIPF = 3.0


def strip_lam(word: str) -> str:
    """لل + X -> الX, ل + X -> X (للمرصد -> المرصد, لتورنبول -> تورنبول); a noun that
    begins with ل loses one of its lams after ل + ال (للوائح -> اللوائح, للجنة -> اللجنة),
    and ل before a name in ل keeps it (للبنان -> لبنان): the commoner reading wins."""
    if word.startswith("لل") and len(word) > 3:
        rest = word[2:]
        best = max(("ال" + rest, "الل" + rest), key=zipf)
        if zipf(best) < LAM_READING_ZIPF <= zipf(word[1:]):
            return word[1:]
        return best
    if word.startswith("ل") and len(word) > 2:
        return word[1:]
    return word


def lam_words(tokens: list[Token], a: int, b: int, *, lam: bool) -> list[str]:
    """The normalized words of tokens a..b-1, the first without its ل when ``lam`` (a speaker
    written after لـ: "للمرصد" -> المرصد)."""
    return [strip_lam(tokens[a].norm) if lam else tokens[a].norm] + [t.norm for t in tokens[a + 1:b]]


def _prep_b(word: str) -> bool:
    """Whether a word's initial ب is the preposition (بضرورة), not a name's (برهم, بايدن)."""
    rest = word[1:]
    return len(rest) >= 3 and (_known(rest) or zipf(rest) >= max(3.5, zipf(word) + 0.5)) and not _known(word) and \
        no_article(word) not in words("given_name")


def _statement_noun(word: str) -> bool:
    """بيان, حديث, تصريحاته, حواره ...: a statement noun, with or without a pronoun."""
    w = bare(word)
    if w in IN_STOP_ALL:
        return True
    for suffix in ("هما", "هم", "ها", "ه"):
        if w.endswith(suffix) and (w[:-len(suffix)] in IN_STOP_ALL or
                                   w[:-len(suffix)].endswith("ت") and w[:-len(suffix)][:-1] + "ة" in IN_STOP_ALL):
            return True
    return False


#: Possessive pronouns at the end of a noun (at most one of them ends a word).
POSSESSIVE_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")


def _possessed_stem(word: str, suffixes: tuple[str, ...] = POSSESSIVE_SUFFIXES) -> str | None:
    """The noun before a possessive pronoun, its ة written back (موقفها -> موقف, عائلته ->
    عائلة); None when ``word`` ends in none of ``suffixes``.

    Examples
    --------
    >>> _possessed_stem(_N("عائلته")), _possessed_stem(_N("قال"))
    ('عائلة', None)
    """
    for suffix in suffixes:
        if word.endswith(suffix):
            stem = word[:-len(suffix)]
            return stem[:-1] + "ة" if stem.endswith("ت") else stem
    return None


def _masdar_with_pronoun(word: str) -> bool:
    """A common noun with a possessive pronoun (ارتكابه, سروره, موقفها): not part of a name."""
    stem = _possessed_stem(word, ("هما", "هم", "ها", "ه"))
    return stem is not None and len(stem) >= 3 and zipf(stem) >= 3.5


def _relative(word: str) -> bool:
    """A person named by a tie to someone, with a possessive pronoun: زملاؤه, عائلته,
    محاموه (the ``relative`` words of ``source_words.csv``).

    Examples
    --------
    >>> _relative(_N("زملاؤه")), _relative(_N("عائلتها")), _relative(_N("مواطنيه"))
    (True, True, False)
    """
    stem = _possessed_stem(word)
    if stem is None or len(stem) < 3:
        return False
    if stem.endswith(("ؤ", "ئ")):
        stem = stem[:-1] + "ء"                              # زملاؤ-ه, زملائ-ه: زملاء (the seat follows the case)
    return no_article(stem) in words("relative") or stem in words("relative")


def _accusative_hamza(word: str) -> bool:
    """A noun in -اء with a pronoun, its hamza on the line: the accusative (زملاءه,
    أبناءهم; the subject is زملاؤه).

    Examples
    --------
    >>> _accusative_hamza(_N("زملاءه")), _accusative_hamza(_N("زملاؤه"))
    (True, False)
    """
    return any(word.endswith("اء" + suffix) for suffix in POSSESSIVE_SUFFIXES)


def _head_words() -> frozenset[str]:
    return words("title") | words("body") | words("media") | words("anonymous") | words("quantifier")


def _lam_is_preposition(word: str) -> bool:
    """Whether a word's initial ل is the preposition: للكاظمي, لرجال, but لجنة, لطيف."""
    if not word.startswith("ل") or len(word) < 3:
        return False
    if word.startswith("لل"):
        return True
    rest = word[1:]
    return (_known(rest) or zipf(rest) > zipf(word)) and not _known(word)


def _ends_in_accusative(tok: Token) -> bool:
    return "ً" in tok.surface or "اً" in tok.surface


def _is_ala(tok: Token) -> bool:
    """على (the preposition), not the name علي (both normalize to علي)."""
    return tok.norm == "علي" and not tok.surface.rstrip("\u064b-\u065f").endswith(("ي", "ی"))


def _opens(tok: Token) -> bool:
    """Whether punctuation (a comma, a dash, a colon ...) stands before a token."""
    return any(c in tok.gap for c in PUNCT + "،,") or any(d in tok.gap for d in DASHES)


def _unprefixed(word: str) -> bool:
    """Whether a word carries no attached و, ف, ب, ل or ك (وجود and بوتين begin with their
    own letters; والحكومة, بالقول, للصحفيين, كالعادة do not)."""
    if bare(word) != word or word[:1] == "ب" and _prep_b(word) or _lam_is_preposition(word):
        return False
    return not (word.startswith("كال") or word.startswith("بال"))


def _definite_adjective(word: str) -> bool:
    """A definite word that is an adjective closing a phrase: a nisba (الأمريكي, الدولية),
    a listed one (المتحدة, العام, الخاص), or the أفعل pattern of colours and ranks (الأبيض,
    الأحمر, الأوسط, الأعلى)."""
    if not word.startswith("ال"):
        return False
    return word.endswith(NISBA_ENDINGS) or word in DEFINITE_ADJECTIVES or \
        (len(word) == 6 and word[2] == "ا")


def _participle_like(word: str) -> bool:
    """A definite word that may be an adjective: a listed or nisba adjective, a participle
    of a derived verb (المسلحة, المتحدة) or of the فاعل pattern (الحاكم)."""
    return _definite_adjective(word) or word.startswith("الم") or (len(word) == 6 and word[3] == "ا")


def _first_name(word: str) -> bool:
    """A listed first name, or one written joined to its عبد (عبدالعظيم, عبدالرحيم)."""
    return word in words("given_name") or word.startswith(_N("عبدال"))


def _accusative_plural(word: str) -> bool:
    """المواطنين, موظفي, العاملين, الطرفين: a sound masculine plural or a dual in the
    accusative (or in construct), which a subject cannot be; not a word of its own in ين
    (فلسطين)."""
    w = no_article(word)
    if w.endswith("ين") and len(w) > 4:
        return (w[:-2] + "ون") in words("anonymous") or zipf(w[:-2] + "ون") >= 3.0 or \
            max(zipf(w[:-2] + "ان"), zipf("ال" + w[:-2] + "ان")) >= 3.5 and \
            w[:-2] + "ان" not in words("given_name")        # الطرفين: a dual's
    if w.endswith("ي") and not word.startswith("ال") and len(w) > 3:
        return (w[:-1] + "ون") in words("anonymous") or (w[:-1] + "ين") in words("anonymous")
    return False


def _name_like(word: str) -> bool:
    """A word that names something rather than describes it: rare, not an adjective."""
    return (not word.startswith("ال") and not word.endswith(("ية", "ي", "يين", "يون")) and zipf(word) < 3.3
            and not word.isdigit() and no_article(word) not in words("media_adjective") and len(word) > 2)


def _written_name(token: Token) -> bool:
    """:func:`_name_like` for a token as written: a name whose first letters are an alef and
    a lam (إليانور, ألبرت) normalizes like a definite noun (اليانور) but is none.

    Examples
    --------
    >>> [_written_name(t) for t in sentence_tokens("إليانور ولسون الحكومة", 0, 21)]
    [True, True, False]
    """
    word = token.norm
    if word.startswith("ال") and not token.surface.startswith("ال"):
        word = "_" + word                                   # rare and not definite: judged as a name
    return _name_like(word)
