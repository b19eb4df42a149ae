"""The merging side of streaming counts: worker results into one vocabulary and totals.

:class:`Merger` maps each worker's ids to global ids as its results arrive (in any
order), sums the sparse counts, and keeps the per-document data in spill files;
:func:`aggregate` turns them into term totals, document frequencies and, if asked,
per-document rows.  Work grows with the forms new to each result, not with the corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .count_worker import PartitionCounts, grown, id_keys, read_spill, unique_counts, write_spill
from .heap import release_freed_memory
from .interner import Interner
from .reader import number_repeats

if TYPE_CHECKING:
    import pandas as pd


class Merger:
    """Merges partition results into a global vocabulary; spills per-document data to disk.

    Each worker's ids map to global ids through ``remaps[worker]``; a worker's blocks of new
    forms are applied in order (a result that arrives before an earlier one of the same
    worker waits for it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        #: the corpus's normalized tokens and (below) written forms, compactly (analysis.interner)
        self.norm_ids = Interner()
        self.norm_counts = np.zeros(0, dtype=np.int64)
        self.norm_docs = np.zeros(0, dtype=np.int64)
        #: tokens written exactly as each norm (the forms that are their own norm)
        self.norm_bare = np.zeros(0, dtype=np.int64)
        #: the written forms that normalize to something else, and their counts
        self.surface_ids = Interner()
        self.surface_counts = np.zeros(0, dtype=np.int64)
        #: the global norm id of each surface that normalizes to one token; -1 otherwise
        self.surface_norm = np.zeros(0, dtype=np.int64)
        #: the norm ids of the surfaces that normalize to none or several tokens
        self.surface_multi: dict[int, tuple[int, ...]] = {}
        #: worker -> (norm ids, surface ids): global ids of the worker's ids
        self.remaps: dict[str, list[np.ndarray]] = {}
        self.waiting: list[PartitionCounts] = []
        self.spills: list[tuple[int, Path]] = []          # (partition index, spill file)
        self.doc_keys: list[np.ndarray] = []               # hashes of the document ids, per result
        self.n_docs = 0
        self.n_tokens = 0
        self.n_bytes = 0
        self.skipped: list[tuple[str, str]] = []

    def add(self, result: PartitionCounts) -> None:
        self.waiting.append(result)
        progress = True
        while progress:
            progress = False
            for waiting in list(self.waiting):
                norms, surfaces = self.remaps.setdefault(waiting.worker, [np.zeros(0, dtype=np.int32)] * 2)
                if waiting.norm_start == len(norms) and waiting.surface_start == len(surfaces):
                    self.waiting.remove(waiting)
                    self._apply(waiting)
                    progress = True

    def _apply(self, result: PartitionCounts) -> None:
        norms, surfaces = self.remaps[result.worker]
        # (ids fit in 32 bits: an Interner holds fewer than 2**31 strings)
        norms = np.concatenate((norms, self.norm_ids.add(result.new_norms).astype(np.int32)))
        known = len(self.surface_ids)
        new_sids = self.surface_ids.add(result.new_surfaces)
        surfaces = np.concatenate((surfaces, new_sids.astype(np.int32)))
        self.remaps[result.worker] = [norms, surfaces]
        n_norms, n_surfaces = len(self.norm_ids), len(self.surface_ids)
        self.norm_counts = grown(self.norm_counts, n_norms, 0)
        self.norm_docs = grown(self.norm_docs, n_norms, 0)
        self.norm_bare = grown(self.norm_bare, n_norms, 0)
        self.surface_counts = grown(self.surface_counts, n_surfaces, 0)
        self.surface_norm = grown(self.surface_norm, n_surfaces, -1)
        first_seen = np.flatnonzero(new_sids >= known)         # a surface always normalizes the same way
        if len(first_seen):
            ptr, flat = result.new_surface_ptr, norms[result.new_surface_flat]
            width = ptr[first_seen + 1] - ptr[first_seen]
            single = first_seen[width == 1]
            self.surface_norm[new_sids[single]] = flat[ptr[single]]
            for i in first_seen[width != 1].tolist():
                self.surface_multi[int(new_sids[i])] = tuple(flat[ptr[i]:ptr[i + 1]].tolist())
        # each id appears once in a result's sparse counts
        self.norm_counts[norms[result.norm_used]] += result.norm_counts
        self.norm_docs[norms[result.norm_used]] += result.norm_docs
        self.norm_bare[norms[result.norm_used]] += result.norm_bare
        self.surface_counts[surfaces[result.surface_used]] += result.surface_counts
        if result.spill:                                   # written by the worker
            path = Path(result.spill)
        else:
            path = self.folder / f"part{len(self.spills):06d}.pickle"
            write_spill(path, result)
        self.spills.append((result.index, path))
        self.doc_keys.append(result.doc_keys)
        self.n_docs += result.n_docs
        self.n_tokens += result.n_tokens
        self.n_bytes += result.n_bytes
        self.skipped.extend(result.skipped)


    def finish(self) -> None:
        """Counting is over: drop the lookup table of the written forms (they stay, in id
        order); the normalized tokens' table stays, the clitic splitter looks stems up in it.
        The per-form arrays shrink to the vocabulary's size (they grew by doubling), and the
        heap freed while merging goes back to the system."""
        self.surface_ids.drop_index()
        n_norms, n_surfaces = len(self.norm_ids), len(self.surface_ids)
        self.norm_counts, self.norm_docs, self.norm_bare = (
            a[:n_norms].copy() for a in (self.norm_counts, self.norm_docs, self.norm_bare))
        self.surface_counts, self.surface_norm = (a[:n_surfaces].copy() for a in (self.surface_counts, self.surface_norm))
        release_freed_memory()

    def repeated_ids(self) -> dict[str, list[str]]:
        """Document ids used more than once, with the source of each copy, in corpus order
        (found by their hashes; only spills that hold a repeated hash are read)."""
        keys = np.concatenate(self.doc_keys) if self.doc_keys else np.zeros(0, dtype=np.uint64)
        unique, counts = unique_counts(keys)
        suspects = unique[counts > 1]
        if not len(suspects):
            return {}
        where: dict[str, list[str]] = {}
        for _, path in sorted(self.spills, key=lambda item: item[0]):
            *_, doc_ids, doc_paths = read_spill(path)
            hit = np.isin(id_keys(doc_ids), suspects)
            for doc_id, source in zip(np.asarray(doc_ids, dtype=object)[hit], np.asarray(doc_paths, dtype=object)[hit]):
                where.setdefault(doc_id, []).append(source)
        return {doc_id: sources for doc_id, sources in where.items() if len(sources) > 1}


def aggregate(merger: Merger, vocab: pd.DataFrame, *, by_doc: bool) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """Term totals, document frequencies and (if ``by_doc``) the per-document rows.

    Totals, and the document frequency of a term that gathers one normalized token, come
    from the per-token sums of the partitions.  Only a term that gathers several (clitic
    forms, merged variants) needs its documents de-duplicated, from the spilled
    per-document data; ``by_doc`` reads all of it.
    """
    import pandas as pd

    n_norms = len(vocab)
    term_of = vocab["term_id"].to_numpy()
    content = vocab["content"].to_numpy()
    n_terms = int(term_of.max()) + 1 if len(term_of) else 0
    norm_counts, norm_docs = merger.norm_counts[:n_norms], merger.norm_docs[:n_norms]
    totals = np.bincount(term_of[content], weights=norm_counts[content], minlength=n_terms).astype(np.int64)
    shared = np.bincount(term_of[content], minlength=n_terms) > 1
    alone = content & ~shared[term_of]
    doc_freq = np.bincount(term_of[alone], weights=norm_docs[alone], minlength=n_terms).astype(np.int64)
    # the term of each normalized token whose documents must be de-duplicated, else -1
    gathered = np.where(content & shared[term_of], term_of, -1)
    rows = []
    local: dict[str, np.ndarray] = {}         # worker -> ``gathered`` by the worker's own norm ids
    renamed = _numbered_ids(merger) if by_doc else {}
    for index, path in sorted(merger.spills, key=lambda item: item[0]) if (by_doc or shared.any()) else ():
        worker, worker_ids, cnts, ptr, doc_tokens, doc_ids, _ = read_spill(path)
        doc_ids = [renamed.get((index, i), d) for i, d in enumerate(doc_ids)] if renamed else doc_ids
        if worker not in local:
            local[worker] = gathered[merger.remaps[worker][0]]
        _add_doc_freq(local[worker][worker_ids], ptr, doc_freq)
        if by_doc:
            ids = merger.remaps[worker][0][worker_ids]
            keep = content[ids]
            terms, counts = term_of[ids[keep]], cnts[keep]
            doc_index = np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))[keep]
            pairs = doc_index * n_terms + terms
            order = np.argsort(pairs, kind="stable")
            keys, sizes = unique_counts(pairs)
            summed = np.add.reduceat(counts[order].astype(np.int64), np.cumsum(sizes) - sizes) if len(keys) \
                else np.zeros(0, dtype=np.int64)
            docs = keys // n_terms
            rows.append(pd.DataFrame({"doc_id": np.asarray(doc_ids, dtype=object)[docs], "term_id": keys % n_terms,
                                      "count": summed, "doc_tokens": doc_tokens[docs]}))
    per_doc = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    release_freed_memory()                  # what reading the spills left in the heap
    return totals, doc_freq, per_doc


def _add_doc_freq(terms: np.ndarray, doc_ptr: np.ndarray, doc_freq: np.ndarray) -> None:
    """Add 1 to ``doc_freq[t]`` for each distinct term ``t >= 0`` of each document, whose
    entries are ``terms[doc_ptr[d]:doc_ptr[d + 1]]`` (-1: not counted here), with one
    ``numpy.unique``."""
    at = np.flatnonzero(terms >= 0)
    if len(at):
        n_terms = len(doc_freq)
        docs = np.searchsorted(doc_ptr, at, side="right") - 1
        keys = unique_counts(docs * n_terms + terms[at])[0]
        doc_freq += np.bincount(keys % n_terms, minlength=n_terms)


def _numbered_ids(merger: Merger) -> dict[tuple[int, int], str]:
    """``(partition index, position) -> new id`` for the second, third... copy of a
    repeated document id, numbered in corpus order as :func:`analysis.corpus.load_corpus`
    numbers them with ``duplicate_ids="number"`` (``"<id>#2"``)."""
    repeated = merger.repeated_ids()
    if not repeated:
        return {}
    places = [(index, i, doc_id) for index, path in sorted(merger.spills, key=lambda item: item[0])
              for i, doc_id in enumerate(read_spill(path)[5])]
    numbered = number_repeats([doc_id for _, _, doc_id in places], repeated)
    return {(index, i): new for (index, i, doc_id), new in zip(places, numbered) if new != doc_id}
