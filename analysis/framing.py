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

import pandas as pd

from .config import DATA_DIR
from .normalize import normalize
from .resources import ARTICLE

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


def framing_table(tokens: pd.DataFrame, *, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count each label of each framing group in each document, also per 1,000 tokens.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table (columns ``doc_id``, ``norm``, ``term``, ``sentence``, ``position``).
    lexicon : pandas.DataFrame, optional
        Columns ``group``, ``label``, ``variants``; default :func:`load_framing_lexicon`.

    Returns
    -------
    pandas.DataFrame
        One row per (document, label), zeros included: ``doc_id``, ``group``, ``label``,
        ``count``, ``per_1000`` (per 1,000 tokens of the document).
    """
    lexicon = load_framing_lexicon() if lexicon is None else lexicon
    patterns = []  # (group, label, [normalized words])
    for group, label, variants in zip(lexicon["group"], lexicon["label"], lexicon["variants"]):
        for variant in variants.split("|"):
            words = normalize(variant).split()
            if words:
                patterns.append((group, label, words))
    rows = []
    for doc_id, doc in tokens.groupby("doc_id", sort=False):
        keys = [{n, t, _bare(t)} for n, t in zip(doc["norm"], doc["term"])]
        sentence = doc["sentence"].to_list()
        counts: dict[tuple[str, str], int] = {}
        for group in dict.fromkeys(p[0] for p in patterns):
            used: set[int] = set()
            mine = sorted((p for p in patterns if p[0] == group), key=lambda p: -len(p[2]))
            for _, label, words in mine:
                for i in range(len(keys) - len(words) + 1):
                    span = range(i, i + len(words))
                    if used.intersection(span) or sentence[i] != sentence[i + len(words) - 1]:
                        continue
                    if all(w in keys[j] or _bare(w) in keys[j] for w, j in zip(words, span)):
                        used.update(span)
                        counts[group, label] = counts.get((group, label), 0) + 1
        for group, label in dict.fromkeys(zip(lexicon["group"], lexicon["label"])):
            n = counts.get((group, label), 0)
            rows.append((doc_id, group, label, n, 1000 * n / len(doc)))
    return pd.DataFrame(rows, columns=FRAMING_COLUMNS)
