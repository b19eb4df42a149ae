"""Entity variants: one canonical term per entity, from a reviewed alias table plus proposals.

Names reach Arabic news in many spellings: the seeds write Qaani as قاآني, قآني, قاني,
غاني, غانى.  Normalization already merges some (غانى = غاني); the rest need a decision.
The workflow is the one a careful coder follows:

1. :func:`find_variants` proposes merges with the rule that suggested each and the
   counts on both sides;
2. a person reviews them and writes the accepted ones to the alias table
   (``analysis/data/aliases.csv``: canonical, variant, note; any spelling);
3. :func:`merge_entities` rewrites ``term`` through the table and keeps the original in
   ``merged_from``.

Proposal rules (on content terms, after normalization and clitic splitting):

``alef_run``
    the terms differ by a doubled alef, i.e. by آ written as ا+آ or as آ alone
    (قااني/قاني);
``transliteration``
    one letter swapped within a group that renders the same Persian or foreign sound:
    ق غ ك گ ج, ب پ, ف ڤ, ج چ, ز ژ (قاني/غاني);
``typo``
    one letter inserted, deleted or replaced (not at the word's end, where suffixes
    are), when the rarer form is not a common word of general Arabic (صطفي/مصطفي).

>>> merge_entities(pd.DataFrame({"term": ["غاني", "بغداد"]}))["term"].tolist()
['قااني', 'بغداد']
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .config import DATA_DIR
from .lexicon import zipf
from .normalize import normalize

ALIASES_PATH = DATA_DIR / "aliases.csv"
#: Letters that transliterate the same sound (Persian گ as ق/غ/ك/ج, پ as ب, ...).
TRANSLITERATION_GROUPS = ("قغكگج", "بپ", "فڤ", "جچ", "زژ")
#: A typo's rarer side must be rarer than this in general Arabic (Zipf), i.e. not a word.
TYPO_MAX_ZIPF = 3.0
#: Terms shorter than this are never proposed as typos (too many real neighbours).
TYPO_MIN_LENGTH = 4

PROPOSAL_COLUMNS = ["variant", "canonical", "rule", "variant_count", "canonical_count", "variant_forms", "example"]


def load_aliases(path: str | Path = ALIASES_PATH) -> dict[str, str]:
    """Read an alias table into ``{normalized variant: normalized canonical}``.

    Chains (a -> b, b -> c) are resolved to their end (a -> c).

    Examples
    --------
    >>> load_aliases()["غاني"]
    'قااني'
    """
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = {"canonical", "variant"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: alias table needs columns canonical and variant (missing {sorted(missing)})")
    aliases = {normalize(v).strip(): normalize(c).strip() for c, v in zip(table["canonical"], table["variant"])}
    aliases = {v: c for v, c in aliases.items() if v != c}
    for variant in list(aliases):
        seen, target = {variant}, aliases[variant]
        while target in aliases:
            if target in seen:
                raise ValueError(f"{path}: the aliases of {variant!r} form a cycle")
            seen.add(target)
            target = aliases[target]
        aliases[variant] = target
    return aliases


def merge_entities(tokens: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Rewrite ``term`` through the alias table; the original term goes to ``merged_from``.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table (or any frame with a ``term`` column).
    aliases : dict, optional
        ``{variant: canonical}`` in normalized form; default :func:`load_aliases`.

    Returns
    -------
    pandas.DataFrame
        A copy with ``term`` merged and ``merged_from`` ('' where nothing changed).

    Examples
    --------
    >>> merge_entities(pd.DataFrame({"term": ["صطفي", "الكاظمي"]}))["merged_from"].tolist()
    ['صطفي', '']
    """
    aliases = load_aliases() if aliases is None else aliases
    out = tokens.copy()
    merged = out["term"].map(aliases)
    out["merged_from"] = out["term"].where(merged.notna(), "")
    out["term"] = merged.fillna(out["term"])
    return out


def _one_edit(a: str, b: str) -> bool:
    """Whether b is a with one letter inserted, deleted or replaced, not at the end."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 and diff[0] < len(a) - 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_) - 1):          # an insertion at the very end is a suffix
        if long_[:i] + long_[i + 1:] == short:
            return True
    return False


def _swapped(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and any(diff[0][0] in g and diff[0][1] in g for g in TRANSLITERATION_GROUPS)


def _deletions(term: str) -> set[str]:
    """The term and every string one letter shorter: two terms one edit apart share one."""
    return {term, *(term[:i] + term[i + 1:] for i in range(len(term)))}


def _swap_keys(key: str) -> list[tuple[str, int]]:
    """The key with one transliteration letter masked, with the letter's group: two keys
    that differ by one swap within a group share exactly one of these."""
    return [(key[:i] + "\0" + key[i + 1:], g) for i, char in enumerate(key)
            for g, group in enumerate(TRANSLITERATION_GROUPS) if char in group]


def _candidate_index(keys, make) -> dict:
    index: dict = {}
    for term, key in keys:
        for k in make(key):
            index.setdefault(k, []).append(term)
    return index


def find_variants(tokens: pd.DataFrame, *, min_count: int = 2, texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Propose entity-variant merges for a person to review.

    Candidate pairs come from two indexes instead of comparing every term with every
    other (which took minutes on a hundred articles): a **deletion index** for typos
    (each term filed under itself and under each string one letter shorter, as in
    SymSpell: two terms one insertion, deletion or replacement apart always share an
    entry) and a **masked-letter index** for transliteration swaps (each alef-collapsed
    term filed under itself with one letter of a transliteration group masked).  Both
    are exact, unlike blocking on a phonetic key or comparing neighbours in sorted
    order, which miss pairs by design; so the proposals are those of the pairwise
    comparison, found in time that grows with the vocabulary times the word length.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table, before :func:`merge_entities`.
    min_count : int, default 2
        The more frequent side of a proposal must occur at least this often.
    texts : dict, optional
        doc_id -> raw text, for an example in context of each variant.

    Returns
    -------
    pandas.DataFrame
        ``variant``, ``canonical`` (the more frequent side), ``rule``, both counts,
        ``variant_forms`` (how the variant is written) and ``example``.

    Examples
    --------
    >>> t = pd.DataFrame({"term": ["قااني"] * 3 + ["قاني", "غاني"], "surface": ["قاآني"] * 3 + ["قآني", "غانى"],
    ...                   "is_stopword": False, "is_number": False, "doc_id": "a", "start": 0, "end": 1})
    >>> find_variants(t)[["variant", "canonical", "rule"]].values.tolist()
    [['قاني', 'قااني', 'alef_run'], ['غاني', 'قااني', 'transliteration']]
    """
    content = tokens[~tokens["is_stopword"] & ~tokens["is_number"]]
    value_counts = content["term"].value_counts()
    counts = dict(zip(value_counts.index, value_counts.to_numpy().tolist()))
    terms = sorted(counts, key=lambda t: (-counts[t], t))
    rank = {term: i for i, term in enumerate(terms)}
    proposals: dict[str, tuple[str, str]] = {}

    def propose(variant: str, canonical: str, rule: str) -> None:
        if variant != canonical and variant not in proposals and counts[canonical] >= counts[variant]:
            proposals[variant] = (canonical, rule)

    collapsed: dict[str, list[str]] = {}
    for term in terms:
        collapsed.setdefault(term.replace("اا", "ا"), []).append(term)
    for group in collapsed.values():
        for variant in group[1:]:
            propose(variant, group[0], "alef_run")

    # the canonical side needs min_count; the variant side is never more frequent
    canonicals = [t for t in terms if counts[t] >= min_count]
    swaps = _candidate_index(((t, t.replace("اا", "ا")) for t in terms), _swap_keys)
    typos = _candidate_index(((t, t) for t in terms if len(t) >= TYPO_MIN_LENGTH), _deletions)
    for canonical in canonicals:
        key_c = canonical.replace("اا", "ا")
        candidates = {v for k in _swap_keys(key_c) for v in swaps.get(k, ())}
        candidates.update(v for k in _deletions(canonical) for v in typos.get(k, ()))
        # in the order of the pairwise loop this replaces: most frequent first
        for variant in sorted(candidates, key=rank.__getitem__):
            if variant in proposals or variant == canonical or counts[variant] > counts[canonical]:
                continue
            key_v = variant.replace("اا", "ا")
            if _swapped(key_c, key_v):
                propose(variant, proposals.get(canonical, (canonical,))[0], "transliteration")
            elif (len(variant) >= TYPO_MIN_LENGTH and _one_edit(canonical, variant)
                  and zipf(variant) < TYPO_MAX_ZIPF and not _is_affix_pair(canonical, variant)):
                propose(variant, proposals.get(canonical, (canonical,))[0], "typo")

    # each proposed variant's written forms (most frequent first, ties in order of
    # appearance) and first occurrence, from one grouping of the variants' tokens
    mine = content[content["term"].isin(proposals)]
    written = mine.groupby(["term", "surface"], sort=False).size().reset_index(name="n")
    written = written.iloc[np.lexsort((np.arange(len(written)), -written["n"].to_numpy()))]
    forms = written.groupby("term", sort=False)["surface"].agg(" ".join).to_dict()
    first_rows = mine.drop_duplicates("term")
    first = {t: (d, a, b) for t, d, a, b in zip(first_rows["term"], first_rows["doc_id"], first_rows["start"],
                                                first_rows["end"])}
    rows = []
    for variant, (canonical, rule) in proposals.items():
        example = ""
        if texts is not None and variant in first:
            doc_id, start, end = first[variant]
            text = texts[doc_id]
            example = "…" + text[max(0, start - 40):end + 40].replace("\n", " ") + "…"
        rows.append((variant, canonical, rule, int(counts[variant]), int(counts[canonical]),
                     forms.get(variant, ""), example))
    table = pd.DataFrame(rows, columns=PROPOSAL_COLUMNS)
    return table.sort_values(["canonical_count", "canonical", "variant_count"],
                             ascending=[False, True, False]).reset_index(drop=True)


def _is_affix_pair(a: str, b: str) -> bool:
    """Pairs that differ by the article or a one-letter conjunction are morphology, not typos."""
    short, long_ = sorted((a, b), key=len)
    return long_ == "ال" + short or (long_[1:] == short and long_[0] in "وفبلك")
