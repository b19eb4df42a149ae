"""The tidy token table: one row per token of every document, with offsets into the raw text.

>>> from analysis import load_corpus
>>> table = tokens_table(load_corpus())
>>> row = table.iloc[0]
>>> row.surface == load_corpus().text[0][row.start:row.end]
True
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

import numpy as np
import pandas as pd

from .corpus import boilerplate_of
from .normalize import make_normalizer
from .resources import TOKEN_RE
from .tokenize import counted_spans, sentence_bounds, token_spans
from .vocabulary import term_table

TOKEN_COLUMNS = ["doc_id", "sentence", "position", "surface", "norm", "prefix", "term",
                 "is_stopword", "is_number", "start", "end"]


def tokens_table(
    corpus: pd.DataFrame,
    *,
    normalizer: Callable[[str], str] | None = None,
    clitics: bool = True,
    strip_article: bool = False,
    stopwords: frozenset[str] | None = None,
    include_boilerplate: bool = False,
) -> pd.DataFrame:
    """Return one row per token of the corpus's text, boilerplate lines left out.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus`, or any frame with ``doc_id`` and
        ``text`` columns (and ``title``).  The lines its ``boilerplate`` column lists are
        left out; a frame without that column has its boilerplate found here, as
        :func:`analysis.corpus.load_corpus` finds it.
    normalizer : callable, optional
        ``str -> str``; default :func:`analysis.normalize.make_normalizer` with defaults.
    clitics : bool, default True
        Split proclitics off ``term`` with a :class:`analysis.clitics.CliticSplitter`
        whose vocabulary is the corpus's own normalized tokens.
    strip_article : bool, default False
        Also strip the article ال from ``term``.
    stopwords : frozenset of str, optional
        Normalized stopwords; default :func:`analysis.stopwords.arabic_stopwords`.
    include_boilerplate : bool, default False
        Keep tokens of lines found to be boilerplate.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TOKEN_COLUMNS`: ``sentence`` and ``position`` count from 0 within
        each document; ``surface`` is ``text[start:end]``; ``norm`` is the normalized
        surface; ``prefix`` the split-off proclitics; ``term`` what counting uses;
        ``is_stopword`` is true when ``term`` or ``norm`` is a stopword.

    Examples
    --------
    >>> import pandas as pd
    >>> t = tokens_table(pd.DataFrame({"doc_id": ["a"], "text": ["وتحدث الكاظمى للصحفيين"]}))
    >>> t[["norm", "term", "is_stopword"]].values.tolist()
    [['وتحدث', 'تحدث', False], ['الكاظمي', 'الكاظمي', False], ['للصحفيين', 'الصحفيين', False]]
    """
    normalizer = normalizer or make_normalizer()
    removed = [()] * len(corpus) if include_boilerplate else [
        [(start, end) for _, start, end, _ in lines] for lines in boilerplate_of(corpus)]
    doc_ids, starts, ends, surfaces, sentences = [], [], [], [], []
    for doc_id, text, skip in zip(corpus["doc_id"], corpus["text"], removed):
        spans = list(token_spans(text, skip))
        doc_ids.append(np.full(len(spans), len(doc_ids), dtype=np.int64))
        begin = np.fromiter((span.start for span in spans), dtype=np.int64, count=len(spans))
        starts.append(begin)
        ends.append(np.fromiter((span.end for span in spans), dtype=np.int64, count=len(spans)))
        surfaces += [span.surface for span in spans]
        sentences.append(np.searchsorted(np.asarray(sentence_bounds(text)), begin, side="right"))
    if not surfaces:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("sentence", "position", "start", "end") else
                                          bool if c.startswith("is_") else object) for c in TOKEN_COLUMNS})
    # each distinct surface normalized once; a token that normalizes to nothing (an isolated
    # haraka glyph from a PDF) is no word, one that normalizes to several (the ligature ﷺ)
    # gives a row per word, with the same offsets
    distinct = pd.unique(pd.Series(surfaces, dtype=object))
    parts = [normalizer(surface).split() for surface in distinct]
    width = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    surface_id = pd.Index(distinct).get_indexer(surfaces)
    repeat = width[surface_id]
    norm_of = np.asarray([n for group in parts for n in group], dtype=object)
    first = np.concatenate(([0], np.cumsum(width)[:-1]))
    row_norm = first[np.repeat(surface_id, repeat)] + (np.arange(int(repeat.sum())) - np.repeat(
        np.cumsum(repeat) - repeat, repeat))
    norms = norm_of[row_norm]
    doc_index = np.repeat(np.concatenate(doc_ids), repeat)
    unique_norms = pd.unique(pd.Series(norms, dtype=object))
    terms = term_table(unique_norms, vocabulary=norms, clitics=clitics, strip_article=strip_article,
                       stopwords=stopwords)
    at = pd.Index(unique_norms).get_indexer(norms)
    table = pd.DataFrame({
        "doc_id": np.asarray(corpus["doc_id"].tolist(), dtype=object)[doc_index],
        "sentence": _dense_per_doc(doc_index, np.repeat(np.concatenate(sentences), repeat)),
        "position": _positions(doc_index),
        "surface": np.asarray(surfaces, dtype=object)[np.repeat(np.arange(len(surfaces)), repeat)],
        "norm": norms,
        "prefix": terms["prefix"].to_numpy()[at],
        "term": terms["term"].to_numpy()[at],
        "is_stopword": terms["is_stopword"].to_numpy()[at],
        "is_number": terms["is_number"].to_numpy()[at],
        "start": np.repeat(np.concatenate(starts), repeat),
        "end": np.repeat(np.concatenate(ends), repeat),
    })
    return table


def _dense_per_doc(doc_index: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``values`` (non-decreasing within each document) renumbered 0, 1, 2, ... per document:
    sentence numbers without the gaps that boilerplate lines leave."""
    if not len(values):
        return values
    key = doc_index * (int(values.max()) + 1) + values           # non-decreasing: no sort needed
    rank = np.cumsum(np.concatenate(([0], (key[1:] != key[:-1]).astype(np.int64))))
    return rank - rank[_run_starts(doc_index)]


def _run_starts(doc_index: np.ndarray) -> np.ndarray:
    """For each entry, the index where its run of equal document indexes starts."""
    change = np.flatnonzero(np.diff(doc_index)) + 1
    run_start = np.zeros(len(doc_index), dtype=np.int64)
    run_start[change] = change
    return np.maximum.accumulate(run_start)


def _positions(doc_index: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... within each run of equal document indexes."""
    return np.arange(len(doc_index)) - _run_starts(doc_index) if len(doc_index) else doc_index


def normalization_audit(corpus: pd.DataFrame, *, normalizer: Callable[[str], str] | None = None) -> pd.DataFrame:
    """Show which surface forms each normalization step merged, with counts.

    Every token of ``corpus["text"]`` is passed through the steps one at a time; each
    change a step makes is one row.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With a ``text`` column.
    normalizer : callable, optional
        A :func:`analysis.normalize.make_normalizer` result (its ``steps`` are audited);
        default: the default chain.

    Returns
    -------
    pandas.DataFrame
        Columns ``step``, ``before``, ``after``, ``count``; one row per distinct change,
        in chain order, most frequent first within a step.

    Examples
    --------
    >>> audit = normalization_audit(pd.DataFrame({"text": ["الكاظمى وقآني"]}))
    >>> audit[["step", "before", "after"]].values.tolist()
    [['alef', 'وقآني', 'وقاني'], ['alef_maksura', 'الكاظمى', 'الكاظمي']]
    """
    steps = (normalizer or make_normalizer()).steps
    order = {name: i for i, (name, _) in enumerate(steps)}
    # each distinct written form goes through the steps once, weighted by how often it occurs
    surfaces: Counter[str] = Counter()
    for text in corpus["text"]:
        for start, end in counted_spans(text):
            surfaces.update(TOKEN_RE.findall(text, start, end))
    changes: dict[tuple[str, str, str], int] = {}
    for surface, n in surfaces.items():
        form = surface
        for name, func in steps:
            new = func(form)
            if new != form:
                key = (name, form, new)
                changes[key] = changes.get(key, 0) + n
                form = new
    table = pd.DataFrame([(*k, n) for k, n in changes.items()], columns=["step", "before", "after", "count"])
    table["order"] = table["step"].map(order)
    return (table.sort_values(["order", "count", "before"], ascending=[True, False, True])
            .drop(columns="order").reset_index(drop=True))


def corpus_summary(corpus: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """One row per document: metadata, lengths, boilerplate removed and token counts.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus`.
    tokens : pandas.DataFrame
        From :func:`tokens_table` on the same corpus.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``label`` (:func:`analysis.labels.doc_labels`: outlet, date and the
        headline's first words, unique), ``outlet``, ``section`` (when the corpus has
        one), ``publication_date``, ``n_chars``, ``n_boilerplate_lines``, ``n_tokens``
        (body tokens), ``n_content_tokens`` (neither stopword nor number), ``n_types``
        (distinct content terms).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> c = load_corpus(); s = corpus_summary(c, tokens_table(c))
    >>> bool((s.n_content_tokens < s.n_tokens).all()), s.label.is_unique
    (True, True)
    """
    from .labels import doc_labels

    content = ~tokens["is_stopword"].to_numpy(bool) & ~tokens["is_number"].to_numpy(bool)
    doc_codes, docs = pd.factorize(tokens["doc_id"], sort=False)
    per_doc = pd.DataFrame({"n_tokens": np.bincount(doc_codes, minlength=len(docs)),
                            "n_content_tokens": np.bincount(doc_codes[content], minlength=len(docs))}, index=docs)
    pairs = pd.DataFrame({"doc": doc_codes[content], "term": pd.factorize(tokens["term"].to_numpy()[content])[0]})
    per_doc["n_types"] = pairs.drop_duplicates().groupby("doc").size().reindex(range(len(docs)), fill_value=0).to_numpy()
    metadata = [c for c in ("outlet", "section", "publication_date") if c in corpus.columns]
    out = corpus[["doc_id", *metadata, "n_chars", "n_boilerplate_lines"]].copy()
    for column in ("n_tokens", "n_content_tokens", "n_types"):
        out[column] = out["doc_id"].map(per_doc[column]).fillna(0).astype("int64")
    out.insert(1, "label", doc_labels(corpus).to_numpy())
    return out
