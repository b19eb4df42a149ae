"""The word lists behind attribution extraction, read from ``analysis/data/``.

* ``attribution_cues.csv``: one row per cue lemma (قال, أكد, نفى, بحسب ...) with its kind,
  its ``cue_class`` (neutral, assertive, doubting, denial) and the forms to build;
  :func:`cue_forms` turns it into every written form with its grammatical agreement
  (قالت: feminine, قالوا: plural, قائلا: participle, يقول: present);
* ``outlets.csv``: the media gazetteer, one row per outlet with its Arabic spellings;
* ``source_words.csv``: head nouns by role (media, anonymous, title, body, document,
  not_source, audience).

All are edited as data; nothing here needs changing to add a cue, an outlet or a word.

>>> form = cue_forms()[("قالت",)]
>>> form.lemma, form.agree, form.tense, form.cue_class
('قال', 'f', 'past', 'neutral')
>>> cue_forms()[("مضيفا",)].tense
'participle'
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import pandas as pd

from .config import DATA_DIR
from .normalize import normalize

CUES_PATH = DATA_DIR / "attribution_cues.csv"
OUTLETS_PATH = DATA_DIR / "outlets.csv"
WORDS_PATH = DATA_DIR / "source_words.csv"
CUE_CLASSES = ("neutral", "assertive", "doubting", "denial")


def norm(word: str) -> str:
    """The normalized form the rules compare (alef, ى, diacritics folded)."""
    return normalize(word).strip()


def no_article(word: str) -> str:
    """الوزارة -> وزارة (words of two letters after the article are kept whole)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def read_table(path) -> pd.DataFrame:
    """A CSV of ``analysis/data/`` as strings; lines that start with '#' are comments (a '#'
    inside a value, as in a hashtag, is kept)."""
    with open(path, encoding="utf-8-sig") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return pd.read_csv(io.StringIO("".join(lines)), dtype=str, keep_default_na=False)


@dataclass(frozen=True)
class CueForm:
    """One written form of a cue."""
    lemma: str
    kind: str            # verb, relay, writing, preposition
    cue_class: str       # neutral, assertive, doubting, denial
    tense: str           # past, present, participle, phrase
    agree: str | None    # m, f, pl, du (None for phrases)
    preps: frozenset[str]
    needs: str           # '', content, strict, statement
    shadda: str = ""     # the form counts only when written with this surface (بيّن)


def _past(p: str) -> list[tuple[str, str]]:
    if p[-1] in "ىا":                     # نفى -> نفت نفوا نفيا, دعا -> دعت دعوا
        stem = p[:-1]
        return [(p, "m"), (stem + "ت", "f"), (stem + "وا", "pl"), (stem + ("يا" if p[-1] == "ى" else "وا"), "du"),
                (stem + "تا", "du")]
    return [(p, "m"), (p + "ت", "f"), (p + "وا", "pl"), (p + "ا", "du"), (p + "تا", "du")]


def _present(s: str) -> list[tuple[str, str]]:
    stem = s[1:]
    plural = s[:-1] + "ون" if s[-1] in "يوى" else s + "ون"
    return [(s, "m"), ("ت" + stem, "f"), (plural, "pl"), (s + "ان", "du"), ("ت" + stem + "ان", "du")]


def _participle(p: str) -> list[tuple[str, str]]:
    base = p[:-1] if p.endswith("ا") else p
    return [(base + "ا", "m"), (base + "ة", "f"), (base + "ين", "pl")]


@lru_cache(maxsize=None)
def cue_forms(path: str = str(CUES_PATH)) -> MappingProxyType:
    """Every written form of every cue, keyed by its normalized words.

    Examples
    --------
    >>> cue_forms()[("لفت",)].agree        # the ت of لفت is the root's, not the feminine
    'm'
    >>> cue_forms()[("نفوا",)].cue_class
    'denial'
    >>> cue_forms()[("وفقا", "لما")].kind
    'preposition'
    """
    table = read_table(path)
    forms: dict[tuple[str, ...], CueForm] = {}
    for row in table.itertuples(index=False):
        preps = frozenset(norm(p) for p in row.preps.split("|") if p)
        built: list[tuple[str, str | None, str, str]] = []          # (form, agree, tense, shadda)
        for p in filter(None, row.past.split("|")):
            built += [(f, a, "past", "") for f, a in _past(p)]
        for s in filter(None, row.present.split("|")):
            built += [(f, a, "present", "") for f, a in _present(s)]
        for p in filter(None, row.participle.split("|")):
            built += [(f, a, "participle", "") for f, a in _participle(p)]
        for extra in filter(None, row.forms.split("|")):
            written, _, agree = extra.partition(":")
            shadda = written.rstrip("!") if written.endswith("!") else ""
            written = written.rstrip("!")
            tense = "phrase" if row.kind == "preposition" else ("present" if written[0] in "يت" and
                                                                 len(written) > 3 and agree else "past")
            built.append((written, agree or None, tense, shadda))
        for written, agree, tense, shadda in built:
            key = tuple(norm(written).split())
            forms.setdefault(key, CueForm(row.lemma, row.kind, row.cue_class, tense, agree, preps, row.needs,
                                          shadda))
    return MappingProxyType(forms)                  # cached: read-only, so no caller can change it for all


@lru_cache(maxsize=None)
def longest_cue() -> int:
    return max(len(k) for k in cue_forms())


def load_outlets(path: str = str(OUTLETS_PATH)) -> pd.DataFrame:
    """The outlet gazetteer: one row per spelling, with its canonical ``name`` (a fresh copy:
    changing it changes nothing for the extractor).

    Examples
    --------
    >>> outlets = load_outlets()
    >>> outlets.loc[outlets.variant == "رويتر", "name"].item()
    'رويترز'
    """
    return _outlets(path).copy()


@lru_cache(maxsize=None)
def _outlets(path: str) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    rows = [(name, norm(v), country, kind, ambiguous == "yes")
            for name, variants, country, kind, ambiguous in zip(table["name"], table["variants"], table["country"],
                                                               table["kind"], table["ambiguous"])
            for v in variants.split("|")]
    return pd.DataFrame(rows, columns=["name", "variant", "country", "kind", "ambiguous"])


@lru_cache(maxsize=None)
def outlet_variants() -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """(variant words, name, ambiguous), longest variants first."""
    out = [(tuple(v.split()), name, amb) for name, v, amb in
           _outlets(str(OUTLETS_PATH))[["name", "variant", "ambiguous"]].itertuples(index=False)]
    return tuple(sorted(out, key=lambda t: -len(t[0])))


@lru_cache(maxsize=None)
def outlet_words() -> frozenset[str]:
    """Every single word that begins an outlet's spelling (for lists and datives)."""
    return frozenset(v[0] for v, _, _ in outlet_variants())


@lru_cache(maxsize=None)
def words(role: str, path: str = str(WORDS_PATH)) -> frozenset[str]:
    """The normalized words of one role of ``source_words.csv``, without the article.

    Examples
    --------
    >>> "مصادر" in words("anonymous")
    True
    >>> "دستور" in words("not_source")
    True
    """
    table = read_table(path)
    known = set(table["role"])
    if role not in known:
        raise KeyError(f"{path}: no role {role!r} (roles: {sorted(known)})")
    return frozenset(no_article(norm(w)) for w in table.loc[table["role"] == role, "word"])


@lru_cache(maxsize=None)
def place_phrases(path: str = str(WORDS_PATH)) -> tuple[tuple[str, ...], ...]:
    """Countries and capitals as normalized word tuples, longest first."""
    table = read_table(path)
    phrases = {tuple(norm(w).split()) for w in table.loc[table["role"] == "place", "word"]}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=None)
def place_adjective(word: str) -> bool:
    """Whether a normalized word is the adjective of a country or capital in the word list
    (الفلسطينية, الإيرانيين, الأمريكي), not a noun in ية (العملية).

    Examples
    --------
    >>> place_adjective(norm("الإيرانية")), place_adjective(norm("العملية"))
    (True, False)
    """
    singles = {no_article(p[0]) for p in place_phrases() if len(p) == 1}
    for whole in {no_article(word), word}:                  # الألمانية: the ال may be the name's (ألمانيا)
        if whole in singles:
            return True                                     # السعودية
        for suffix in ("يين", "يون", "ية", "ي"):
            if whole.endswith(suffix):
                stem = whole[:-len(suffix)]
                if any(form in singles for form in (stem, stem + "ا", stem + "يا", stem + "ي", stem + "ة")):
                    return True
                break
    return False
