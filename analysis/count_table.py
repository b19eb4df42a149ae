"""The output side of streaming counts: the merged vocabulary's terms, labels and the table.

Terms and labels come from the same functions as the notebooks' token table
(:func:`analysis.vocabulary.term_table`, :func:`analysis.vocabulary.term_labels`), applied
once per distinct normalized form of the whole corpus, a block of forms at a time.  The
table (:class:`CountedTerms`) holds term ids and numbers; its strings are made a block of
rows at a time as it is written, or all at once by :meth:`CountedTerms.to_frame`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .count_merge import Merger
from .heap import release_freed_memory
from .entities import load_aliases
from .forked import map_forked
from .interner import Interner
from .stopwords import arabic_stopwords
from .vocabulary import term_labels, term_table

#: Columns of the streamed count (``doc_id`` first with ``by_doc``).
COUNT_COLUMNS = ["term", "label", "count", "per_1000", "doc_freq"]


#: Normalized forms decided at once in the vocabulary step: their Python strings live only
#: while their block is decided, so memory grows with the compact vocabulary, not with them.
VOCABULARY_BLOCK = 1 << 16
#: The vocabulary step shares its forms among processes only from this many forms per
#: process on (a notebook's vocabulary is decided at once).
PARALLEL_VOCABULARY_FORMS = 20_000


def vocabulary_terms(merger: Merger, *, merge_variants: bool, processes: int = 1) -> tuple[pd.DataFrame, Interner]:
    """The term of each normalized token of the corpus (in the merger's id order), decided
    by :func:`analysis.vocabulary.term_table` a block of :data:`VOCABULARY_BLOCK` forms at a
    time (each form's decision depends on the form and the whole vocabulary only).  With
    ``processes`` > 1 the vocabulary is cut into that many ranges, each decided in its own
    forked process (:func:`analysis.forked.map_forked`; the first here), which sends back
    only the terms and flags of its forms.

    Returns ``(vocab, terms)``: ``vocab`` has one row per normalized token: ``term_id`` (ids
    in order of first appearance, as ``pandas.factorize`` numbers them), ``content`` (not a
    stopword or a number), ``bare`` (no proclitic split off) and ``is_term`` (the token is
    its own term); ``terms`` holds the terms' strings by id (an Interner).  The merger's
    normalized tokens can no longer be looked up afterwards (their index is freed)."""
    aliases = load_aliases() if merge_variants else None
    stopwords = arabic_stopwords()
    forms = merger.norm_ids
    n = len(forms)
    processes = max(1, min(processes, -(-n // PARALLEL_VOCABULARY_FORMS)))
    bounds = np.linspace(0, n, processes + 1).astype(np.int64).tolist()

    def decide(share: tuple[int, int]) -> list[tuple[str, np.ndarray]]:
        # a block's terms as one string (terms hold no line feed): a range of hundreds of
        # thousands of forms travels back, and waits, as a few strings, not as one object each
        out = []
        for start in range(share[0], share[1], VOCABULARY_BLOCK):
            table = term_table(forms.strings(start, min(share[1], start + VOCABULARY_BLOCK)), vocabulary=forms,
                               stopwords=stopwords, aliases=aliases)
            flags = np.stack([~(table["is_stopword"] | table["is_number"]).to_numpy(),
                              (table["prefix"] == "").to_numpy(), (table["term"] == table["norm"]).to_numpy()])
            out.append(("\n".join(table["term"].tolist()), flags))
            del table
        return out

    columns = {"term_id": np.zeros(n, dtype=np.int32), "content": np.zeros(n, dtype=bool),
               "bare": np.zeros(n, dtype=bool), "is_term": np.zeros(n, dtype=bool)}
    terms = Interner()
    start = 0
    for share in map_forked(decide, list(zip(bounds, bounds[1:])), processes=processes):
        for joined, flags in share:                     # in id order: term ids as factorize numbers them
            block_terms = joined.split("\n")
            if len(block_terms) != flags.shape[1]:
                raise RuntimeError("a term holds a line feed")  # pragma: no cover - terms are tokens
            block = slice(start, start + len(block_terms))
            columns["term_id"][block] = terms.add(block_terms)
            columns["content"][block], columns["bare"][block], columns["is_term"][block] = flags
            start = block.stop
        del share
    forms.drop_index()                      # no more look-ups of normalized tokens
    release_freed_memory()                  # the blocks' strings
    return pd.DataFrame(columns), terms


def labels(merger: Merger, vocab: pd.DataFrame, terms: Interner) -> dict[int, str]:
    """The label of each term: its most frequent written form among tokens without
    proclitics, as :func:`analysis.vocabulary.term_labels` picks it; as ``{term id: label}``
    for the labels that differ from their term (elsewhere the label is the term itself).

    Most terms have one written form only, so the choice is made on ids; the terms written
    several ways go to ``term_labels`` with their forms' strings."""
    bare = vocab["bare"].to_numpy()
    term_of = vocab["term_id"].to_numpy()
    n_norms, n_terms = len(vocab), len(terms)
    # candidates (term, form, count): forms written as their own norm (most), where the
    # form is the norm (key: the norm id); the other written forms (key: n_norms + surface id)
    own = np.flatnonzero(bare & (merger.norm_bare[:n_norms] > 0))
    surface_norm = merger.surface_norm[:len(merger.surface_ids)]
    single = np.flatnonzero(surface_norm >= 0)
    single = single[bare[surface_norm[single]]]
    multi = [(sid, norm) for sid, norms in merger.surface_multi.items() for norm in norms if bare[norm]]
    multi_sids = np.array([sid for sid, _ in multi], dtype=np.int64)
    multi_norms = np.array([norm for _, norm in multi], dtype=np.int64)
    term = np.concatenate([term_of[own], term_of[surface_norm[single]], term_of[multi_norms]])
    key = np.concatenate([own, n_norms + single, n_norms + multi_sids])
    count = np.concatenate([merger.norm_bare[own], merger.surface_counts[single], merger.surface_counts[multi_sids]])
    alone = np.bincount(term, minlength=n_terms)[term] == 1
    # a term written one way only: that form, unless it is the term itself (a norm that is its own term)
    is_term = vocab["is_term"].to_numpy()
    same = np.zeros(len(key), dtype=bool)
    by_norm = np.flatnonzero(key < n_norms)
    same[by_norm] = is_term[key[by_norm]]
    differs = np.flatnonzero(alone & ~same)
    out = dict(zip(term[differs].tolist(), _form_strings(merger, key[differs], n_norms)))
    shared = np.flatnonzero(~alone)
    if len(shared):
        chosen = term_labels(terms.take(term[shared]), _form_strings(merger, key[shared], n_norms), count[shared])
        ids = terms.find(chosen.index.tolist()).tolist()
        out.update((t, label) for t, label, name in zip(ids, chosen.tolist(), chosen.index.tolist()) if label != name)
    return out


def _form_strings(merger: Merger, keys: np.ndarray, n_norms: int) -> list[str]:
    """The written forms of ``keys`` (a norm id, or ``n_norms`` + a surface id)."""
    out = np.empty(len(keys), dtype=object)
    is_norm = keys < n_norms
    out[is_norm] = merger.norm_ids.take(keys[is_norm])
    out[~is_norm] = merger.surface_ids.take(keys[~is_norm] - n_norms)
    return out.tolist()


@dataclass
class CountedTerms:
    """A streamed count, its rows in output order, before the strings are made.

    The terms stay in their Interner and the rows hold term ids, so the table of a
    vocabulary of a million forms is a few arrays; :meth:`column` makes the strings of a
    block of rows (what the command line writes, a block at a time), :meth:`to_frame` the
    whole :class:`pandas.DataFrame`.  ``n_docs``, ``n_tokens``, ``n_bytes``, ``skipped`` and
    ``seconds`` describe the count.
    """

    terms: Interner
    labels: dict[int, str]                  # term id -> label, where it is not the term itself
    term_id: np.ndarray                     # per row
    count: np.ndarray
    per_1000: np.ndarray
    doc_freq: np.ndarray
    doc_id: np.ndarray | None = None        # per row, with by_doc (object)
    n_docs: int = 0
    n_tokens: int = 0
    n_bytes: int = 0
    skipped: tuple = ()                     # (file, reason) tuples
    seconds: float = 0.0

    @property
    def columns(self) -> list[str]:
        return (["doc_id"] if self.doc_id is not None else []) + COUNT_COLUMNS

    def __len__(self) -> int:
        return len(self.term_id)

    def column(self, name: str, start: int = 0, stop: int | None = None) -> list:
        """The values of column ``name`` for rows ``start:stop``, as a list."""
        rows = slice(start, len(self) if stop is None else stop)
        if name in ("term", "label"):
            ids = self.term_id[rows]
            names = self.terms.take(ids)
            if name == "label" and self.labels:
                get = self.labels.get
                names = [get(t, n) for t, n in zip(ids.tolist(), names)]
            return names
        return getattr(self, name)[rows].tolist()

    def to_frame(self) -> pd.DataFrame:
        """The whole table (``attrs``: ``n_docs``, ``n_tokens``, ``n_bytes``, ``seconds``,
        ``skipped``)."""
        names = np.asarray(self.terms.strings(), dtype=object)
        label_of = names.copy()
        if self.labels:
            label_of[np.fromiter(self.labels, dtype=np.int64)] = list(self.labels.values())
        table = pd.DataFrame({"term": names[self.term_id], "label": label_of[self.term_id], "count": self.count,
                              "per_1000": self.per_1000, "doc_freq": self.doc_freq})
        if self.doc_id is not None:
            table.insert(0, "doc_id", pd.Series(self.doc_id, dtype=object).astype(str))
        # plain values, never frames: pandas compares attrs with == when it concatenates
        table.attrs.update(n_docs=self.n_docs, n_tokens=self.n_tokens, n_bytes=self.n_bytes, seconds=self.seconds,
                           skipped=self.skipped)
        return table


def count_table(merger: Merger, vocab: pd.DataFrame, terms: Interner, totals: np.ndarray, doc_freq: np.ndarray,
                per_doc: pd.DataFrame, *, by_doc: bool) -> CountedTerms:
    """The output table: terms, labels, counts, rates and document frequencies, in order:
    by count (descending) and term (by code point, through the terms' rank in
    :meth:`analysis.interner.Interner.order`); with ``by_doc``, by document first.  The
    terms' index is freed (they are only read from now on)."""
    label_of = labels(merger, vocab, terms)
    terms.drop_index()                      # the terms are only read from now on
    release_freed_memory()
    rank = np.empty(len(terms), dtype=np.int32)       # an Interner holds fewer than 2**31 strings
    rank[terms.order()] = np.arange(len(terms), dtype=np.int32)
    if by_doc:
        ids = per_doc["term_id"].to_numpy()
        count = per_doc["count"].to_numpy().astype(np.int64)
        doc_id = per_doc["doc_id"].astype(str).to_numpy(dtype=object)
        per_1000 = 1000 * count / per_doc["doc_tokens"].to_numpy()
        doc_rank = np.unique(doc_id, return_inverse=True)[1] if len(ids) else ids   # str order, as Python's
        order = np.lexsort([rank[ids], -count, doc_rank])
        doc_id = doc_id[order]
    else:
        ids = np.flatnonzero(totals > 0)
        count = totals[ids]
        per_1000 = 1000 * count / max(merger.n_tokens, 1)
        order = np.lexsort([rank[ids], -count])
        doc_id = None
    return CountedTerms(terms=terms, labels=label_of, term_id=ids[order], count=count[order],
                        per_1000=per_1000[order], doc_freq=doc_freq[ids][order], doc_id=doc_id,
                        n_docs=merger.n_docs, n_tokens=merger.n_tokens, n_bytes=merger.n_bytes,
                        skipped=tuple(map(tuple, merger.skipped)))
