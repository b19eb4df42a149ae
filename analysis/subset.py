"""Narrow a corpus to part of it: a date range, outlets or sections, a word or phrase in any spelling.

Like quanteda's ``corpus_subset``: :func:`corpus_subset` returns the documents that meet
every criterion given, and :func:`subset_table` says for each document which criteria
it meets, so a notebook can report what narrowing dropped.  The query is matched the
way the workbook counts: the text and the query are normalized alike (diacritics, alef
forms, ى/ي, Persian letters, digits), the proclitics و ف ب ل ك may precede a word
(والفصائل, لقاآني; ل + ال as لل), and the reviewed spelling variants of
``analysis/data/aliases.csv`` are one name, so "قاآني" finds قاآني, قآني, قاني, غاني
and غانى.  Only the body is searched (boilerplate lines are not).

>>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["العربية", "بي بي سي", "العربية"],
...                        "publication_date": ["2021-11-08", "2021-11-08", "2020-11-23"],
...                        "body": ["وصل غانى إلى بغداد", "لقاآني دور", "زيارة قاآني"]})
>>> corpus_subset(corpus, query="قاآني", date_from="2021-01-01").doc_id.tolist()
['a', 'b']
>>> subset_table(corpus, outlets="العربية", query="قاآني").values.tolist()
[['a', True, True, True], ['b', False, True, False], ['c', True, True, True]]
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from .entities import load_aliases
from .normalize import normalize
from .tokenize import scan_tokens

#: Proclitics that may precede a queried word (a conjunction, then a preposition).
CONJUNCTIONS, PREPOSITIONS = "وف", "بلك"


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    """A parameter as a list: None -> [], "a, b" -> ["a", "b"], a list as it is."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _fold(value: object) -> str:
    return normalize(value).casefold().strip() if isinstance(value, str) else ""


def _bare_forms(word: str) -> set[str]:
    """The word and what it is without a leading conjunction and/or preposition."""
    forms = {word}
    for form in list(forms):
        if len(form) > 2 and form[0] in CONJUNCTIONS:
            forms.add(form[1:])
    for form in list(forms):
        if len(form) > 2 and form[0] in PREPOSITIONS:
            forms.add(form[1:])
            if form.startswith("لل") and len(form) > 3:          # ل + ال: للكاظمي -> الكاظمي
                forms.add("ا" + form[1:])
    return forms


def matches_query(corpus: pd.DataFrame, query: str, *, aliases: dict[str, str] | None = None) -> pd.Series:
    """Whether each document's body contains ``query`` (a word or phrase) in any spelling.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With ``doc_id`` and ``body`` (else ``text``).
    query : str
        A word or a phrase (its words must follow each other); several alternatives
        separated by ``|`` ("قاآني|سليماني").
    aliases : dict, optional
        ``{variant: canonical}``; default :func:`analysis.entities.load_aliases`.

    Returns
    -------
    pandas.Series of bool, indexed by doc_id

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "body": ["قائد فيلق القدس", "فيلق من الجنود، والقدس"]})
    >>> matches_query(c, "فيلق القدس").tolist(), matches_query(c, "القدس|الجنود").tolist()
    ([True, False], [True, True])
    """
    aliases = load_aliases() if aliases is None else aliases
    texts = corpus["body"] if "body" in corpus.columns else corpus["text"]
    surfaces, ids, lengths = scan_tokens([t if isinstance(t, str) else "" for t in texts])
    doc = np.repeat(np.arange(len(corpus)), lengths)
    # every distinct written form: its normalized form and clitic-free forms, merged through the aliases
    keys = []
    for surface in surfaces:
        words = normalize(surface).split() or [""]
        forms = _bare_forms(words[0]) if len(words) == 1 else {normalize(surface)}
        keys.append({aliases.get(f, f) for f in forms})
    found = np.zeros(len(corpus), dtype=bool)
    for alternative in query.split("|"):
        words = [aliases.get(w, w) for w in normalize(alternative).split()]
        if not words:
            continue
        per_word = [np.fromiter((w in k for k in keys), dtype=bool, count=len(keys))[ids] for w in words]
        last = len(ids) - len(words) + 1
        if last <= 0:
            continue
        hit = np.ones(last, dtype=bool)
        for k, matched in enumerate(per_word):
            hit &= matched[k:last + k]
        hit &= doc[:last] == doc[len(words) - 1:]
        found[np.unique(doc[:last][hit])] = True
    return pd.Series(found, index=pd.Index(corpus["doc_id"], name="doc_id"), name="matches_query")


def subset_table(corpus: pd.DataFrame, *, date_from: str | None = None, date_to: str | None = None,
                 outlets: str | Iterable[str] | None = None, sections: str | Iterable[str] | None = None,
                 query: str | None = None, date_column: str = "publication_date",
                 aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Which narrowing criteria each document meets.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus`.
    date_from, date_to : str, optional
        ISO dates ("2018-03-01"), both included; a document without a readable date in
        ``date_column`` fails a date criterion.
    outlets, sections : str or list of str, optional
        Values of the ``outlet`` / ``section`` column to keep ("العربية, بي بي سي عربي" or a
        list), compared after normalization (and case folding for Latin names).
    query : str, optional
        A word or phrase in any spelling (see :func:`matches_query`).
    date_column : str, default "publication_date"
    aliases : dict, optional
        For the query; default :func:`analysis.entities.load_aliases`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, one boolean column per criterion given (``in_dates``,
        ``in_outlets``, ``in_sections``, ``matches_query``) and ``kept`` (all of them);
        without criteria, ``kept`` is true everywhere.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "publication_date": ["2021-11-08", ""]})
    >>> subset_table(c, date_to="2021-12-31").values.tolist()
    [['a', True, True], ['b', False, False]]
    """
    table = pd.DataFrame({"doc_id": corpus["doc_id"].to_numpy()})
    if date_from is not None or date_to is not None:
        if date_column not in corpus.columns:
            raise ValueError(f"subset: the corpus has no {date_column!r} column to narrow by date")
        raw = corpus[date_column].map(lambda v: v.strip() if isinstance(v, str) else "")
        when = pd.to_datetime(raw.replace("", None), errors="coerce", format="ISO8601")
        if getattr(when.dt, "tz", None) is not None:
            when = when.dt.tz_convert(None)
        day = when.dt.normalize()
        keep = day.notna()
        if date_from is not None:
            keep &= day >= pd.Timestamp(date_from)
        if date_to is not None:
            keep &= day <= pd.Timestamp(date_to)
        table["in_dates"] = keep.to_numpy()
    for column, wanted in (("outlet", outlets), ("section", sections)):
        values = _as_list(wanted)
        if not values:
            continue
        if column not in corpus.columns:
            raise ValueError(f"subset: the corpus has no {column!r} column to narrow by {column}s")
        folded = {_fold(v) for v in values}
        table[f"in_{column}s"] = corpus[column].map(_fold).isin(folded).to_numpy()
    if query is not None and query.strip():
        table["matches_query"] = matches_query(corpus, query, aliases=aliases).to_numpy()
    table["kept"] = table.drop(columns="doc_id").all(axis=1) if table.shape[1] > 1 else True
    return table


def corpus_subset(corpus: pd.DataFrame, **criteria) -> pd.DataFrame:
    """The documents of ``corpus`` that meet every criterion (see :func:`subset_table`).

    Raises ``ValueError`` when no document is left, saying how many each criterion kept.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["العربيّة", "BBC"], "body": ["", ""]})
    >>> corpus_subset(c, outlets=["العربية", "bbc"]).doc_id.tolist(), corpus_subset(c).doc_id.tolist()
    (['a', 'b'], ['a', 'b'])
    """
    table = subset_table(corpus, **criteria)
    if not table["kept"].any():
        met = ", ".join(f"{c}: {int(table[c].sum())}" for c in table.columns if c not in ("doc_id", "kept"))
        raise ValueError(f"subset: no document meets every criterion ({met} of {len(table)} documents)")
    return corpus[table["kept"].to_numpy()]
