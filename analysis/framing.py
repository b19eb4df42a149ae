"""Framing: which of several competing labels each article uses for the same thing.

Outlets differ in wording: فصائل (factions) or ميليشيات (militias) for the same armed
groups, طائرة مسيّرة or طائرة بدون طيار for the drone, فيلق القدس or the calque قوة القدس.
The lexicon ``analysis/data/framing.csv`` (group, label, variants separated by ``|``,
note) is small and editable; variants are written as in running text and normalized
before matching.  A variant word matches a token whose normalized form, clitic-split
term or term without the article equals it, so فصائل also finds الفصائل and لفصائل.
Within a group, longer variants are matched first and a token is counted once.

>>> lex = pd.DataFrame({"group": ["drone", "drone"], "label": ["مسيّرة", "بدون طيار"],
...                     "variants": ["مسيرة", "بدون طيار"]})
>>> from analysis import tokens_table
>>> t = tokens_table(pd.DataFrame({"doc_id": ["a"], "text": ["طائرة بدون طيار وطائرات مسيّرة"]}))
>>> framing_table(t, lexicon=lex)[["label", "count"]].values.tolist()
[['مسيّرة', 1], ['بدون طيار', 1]]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .config import DATA_DIR
from .normalize import normalize
from .resources import ARTICLE
from .terms import _document_order

FRAMING_PATH = DATA_DIR / "framing.csv"
FRAMING_COLUMNS = ["doc_id", "group", "label", "count", "per_1000"]


def load_framing_lexicon(path: str | Path = FRAMING_PATH) -> pd.DataFrame:
    """Read the framing lexicon: one row per label with its ``variants`` (``|``-separated).

    Examples
    --------
    >>> lex = load_framing_lexicon()
    >>> sorted(lex.loc[lex.group == "armed groups", "label"])[:2]
    ['جماعات مسلحة', 'فصائل']
    """
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = {"group", "label", "variants"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: framing lexicon needs columns group, label, variants (missing {sorted(missing)})")
    return table


def _bare(word: str) -> str:
    return word[len(ARTICLE):] if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 2 else word


def framing_table(tokens: pd.DataFrame, *, lexicon: pd.DataFrame | None = None, by: str = "doc_id") -> pd.DataFrame:
    """Count each label of each framing group in each document (or group), also per 1,000 tokens.

    Matching looks only at the tokens that equal some variant word (found by one
    comparison over the distinct forms), so time grows with the corpus, not with the
    corpus times the lexicon.  Within a framing group, longer variants are matched
    first, left to right, and a token counts once; a variant never spans two sentences
    or two documents.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table (columns ``doc_id``, ``norm``, ``term``, ``sentence``, and ``by``).
    lexicon : pandas.DataFrame, optional
        Columns ``group``, ``label``, ``variants``; default :func:`load_framing_lexicon`.
    by : str, default "doc_id"
        Column of ``tokens`` to count within: ``"doc_id"``, or e.g. ``"outlet"`` or
        ``"month"`` after adding it (see :func:`analysis.groups.document_groups`).  Not
        ``"group"`` or ``"label"``, which name the lexicon's columns.

    Returns
    -------
    pandas.DataFrame
        One row per (``by`` value, label), zeros included, ``by`` values in order of first
        appearance: ``by``, ``group``, ``label``, ``count``, ``per_1000`` (per 1,000 tokens of
        the document or group).

    Examples
    --------
    >>> from analysis import tokens_table
    >>> t = tokens_table(pd.DataFrame({"doc_id": ["a", "b"], "text": ["الفصائل المسلحة", "الميليشيات"]}))
    >>> lex = pd.DataFrame({"group": ["g", "g"], "label": ["فصائل", "ميليشيات"], "variants": ["فصائل", "ميليشيات"]})
    >>> framing_table(t.assign(outlet=["س", "س", "ص"]), lexicon=lex, by="outlet")[["outlet", "label", "count"]].values.tolist()
    [['س', 'فصائل', 1], ['س', 'ميليشيات', 0], ['ص', 'فصائل', 0], ['ص', 'ميليشيات', 1]]
    """
    if by in ("group", "label"):
        raise ValueError(f"framing_table: by={by!r} would collide with the lexicon's columns")
    lexicon = load_framing_lexicon() if lexicon is None else lexicon
    patterns = []  # (group, label, [normalized words])
    for group, label, variants in zip(lexicon["group"], lexicon["label"], lexicon["variants"]):
        for variant in variants.split("|"):
            words = normalize(variant).split()
            if words:
                patterns.append((group, label, words))
    order = _document_order(tokens)                 # each document's rows together, by position
    norm = tokens["norm"].to_numpy()[order]
    term = tokens["term"].to_numpy()[order]
    # a token can match a variant word w through its norm, its term or its term without
    # the article, each compared with w and with w without the article
    wanted = {k for _, _, words in patterns for w in words for k in (w, _bare(w))}
    distinct = pd.unique(term)
    bare_of = dict(zip(distinct, map(_bare, distinct)))
    term_hits = {t for t, b in bare_of.items() if t in wanted or b in wanted}
    rows_hit = np.flatnonzero(pd.Series(norm).isin(wanted).to_numpy() | pd.Series(term).isin(term_hits).to_numpy())
    # the rows each key (a norm, term or bare term) is found in
    where: dict[str, list[int]] = {}
    for i in rows_hit.tolist():
        for k in {norm[i], term[i], bare_of[term[i]]}:
            where.setdefault(k, []).append(i)

    def rows_of(word: str) -> set[int]:
        return set(where.get(word, ())) | set(where.get(_bare(word), ()))

    doc = tokens["doc_id"].to_numpy()[order]
    sentence = tokens["sentence"].to_numpy()[order]
    found: dict[tuple[object, str, str], int] = {}
    for group in dict.fromkeys(p[0] for p in patterns):
        used: set[int] = set()
        mine = sorted((p for p in patterns if p[0] == group), key=lambda p: -len(p[2]))
        for _, label, words in mine:
            last = len(words) - 1
            matching = [rows_of(w) for w in words]
            for i in sorted(matching[0]):
                if i + last >= len(norm) or doc[i] != doc[i + last] or sentence[i] != sentence[i + last]:
                    continue
                span = range(i, i + len(words))
                if used.intersection(span):
                    continue
                if all(j in rows for rows, j in zip(matching, span)):
                    used.update(span)
                    key = (doc[i], group, label)
                    found[key] = found.get(key, 0) + 1
    labels = list(dict.fromkeys(zip(lexicon["group"], lexicon["label"])))
    doc_group = (dict(zip(tokens["doc_id"], tokens[by])) if by != "doc_id" else None)
    values = tokens[by].to_numpy()
    sizes = pd.Series(values).value_counts(sort=False, dropna=False)
    totals: dict[tuple[object, str, str], int] = {}
    for (d, group, label), n in found.items():
        g = d if doc_group is None else doc_group[d]
        totals[g, group, label] = totals.get((g, group, label), 0) + n
    keys_in_order = pd.unique(values)
    rows = [(g, group, label, totals.get((g, group, label), 0),
             1000 * totals.get((g, group, label), 0) / sizes[g])
            for g in keys_in_order for group, label in labels]
    columns = [by, *FRAMING_COLUMNS[1:]]
    return pd.DataFrame(rows, columns=columns).astype({"count": "int64", "per_1000": "float64"})
