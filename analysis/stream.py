"""Count terms in corpora too large for memory: streamed, in parallel, or on a Dask cluster.

The corpus is cut into partitions (:func:`analysis.reader.partitions`: groups of files,
byte ranges of a JSON-lines file, archive members).  Each partition is read and counted
on its own by :func:`count_partition` — in this process, in a pool of processes, or on
Dask workers — with the steps of the notebooks: boilerplate lines removed
(:func:`analysis.boilerplate.find_boilerplate`), tokens as :data:`analysis.resources.TOKEN_RE`
finds them (by the compiled :class:`analysis.tokenize.TokenScanner`), each distinct
surface form normalized once per worker with :func:`analysis.normalize.make_normalizer`,
exactly as the token table normalizes each token.  A worker keeps its vocabulary from one
partition to the next; a partition returns the forms new to its worker, sparse counts of
its normalized tokens and, per document, which ones it used (written to a spill file).

Only then, on the whole vocabulary, are proclitics split (:class:`analysis.clitics.CliticSplitter`,
whose vocabulary is the corpus's own tokens, as in :func:`analysis.tokens.tokens_table`),
stopwords and numbers marked, and entity variants merged
(:func:`analysis.entities.merge_entities`).  So the result equals
``count_terms(merge_entities(tokens_table(load_corpus(path))))`` while memory grows with
the vocabulary, not with the corpus: per-document data go to a temporary folder.

pandas is imported only for the final tables (in the functions that build them), so the
worker processes, forked before, never load it, and this process imports it while they
count.

>>> from analysis.config import SEEDS_DIR
>>> count_stream(SEEDS_DIR, workers=1, progress=False).head(2)[["term", "count"]].values.tolist()
[['الكاظمي', 37], ['العراق', 27]]
"""

from __future__ import annotations

import gc
import os
import pickle
import socket
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._compiled import _scan
from .boilerplate import boilerplate_lines, remove_boilerplate
from .clitics import CliticSplitter
from .lexicon import zipf
from .normalize import make_normalizer
from .reader import OnError, Partition, numbered_partitions, partitions, read_partition
from .resources import HTML_RE, NUMBER_RE, TATWEEL
from .stopwords import arabic_stopwords
from .tokenize import TokenScanner

COUNT_COLUMNS = ["term", "label", "count", "per_1000", "doc_freq"]


@dataclass
class PartitionCounts:
    """What one partition contributes, in the ids of the worker that counted it.

    A worker process keeps its vocabulary from one partition to the next
    (:class:`_WorkerVocabulary`); a result carries only the normalized tokens and surface
    forms that are new to its worker (``norm_start``, ``new_norms``, ``surface_start``,
    ``new_surfaces``; surface ``i`` of the block normalizes to the worker's norm ids
    ``new_surface_flat[new_surface_ptr[i]:new_surface_ptr[i + 1]]``), and sparse counts
    over the worker's ids.  So the merging process handles each form once per worker, not
    once per partition.
    """

    worker: str = ""
    norm_start: int = 0
    new_norms: list[str] = field(default_factory=list)
    surface_start: int = 0
    new_surfaces: list[str] = field(default_factory=list)
    new_surface_ptr: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    new_surface_flat: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    norm_used: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))     # worker norm ids
    norm_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))   # occurrences
    norm_docs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))     # documents using it
    surface_used: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # worker surface ids
    surface_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    doc_ids: list[str] = field(default_factory=list)
    doc_tokens: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # for per_1000
    doc_ptr: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))  # doc i: ids[ptr[i]:ptr[i+1]]
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))    # worker norm ids
    cnts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    n_bytes: int = 0
    n_docs: int = 0
    n_tokens: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    spill: str = ""                                         # where the per-document data went, if written


def document_body(text: str, title: str | None = None) -> str:
    """A document's text without its boilerplate lines and HTML residue, as counted.

    Boilerplate is found as :func:`analysis.corpus.load_corpus` finds it (same title
    detection); HTML tags and entities become spaces, as :func:`analysis.tokenize.token_spans`
    skips them.

    Examples
    --------
    >>> document_body("خبر\\nخبر\\nوصل قاآني<br>&quot;بغداد&quot;.")
    'خبر\\n\\nوصل قاآني  بغداد .'
    """
    removed = boilerplate_lines(text, title=title or None)     # None: detected as load_corpus does
    body = remove_boilerplate(text, removed) if removed else text
    if "<" in body or "&" in body:
        body = HTML_RE.sub(" ", body)
    return body


class _Ids(dict):
    """Key -> id, a new key getting the next id on first lookup; ``keys_in_order`` lists them."""

    def __init__(self) -> None:
        super().__init__()
        self.keys_in_order: list[str] = []

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self.keys_in_order)
        self.keys_in_order.append(key)
        return value


def _global_ids(table: _Ids, keys: list[str]) -> np.ndarray:
    """Ids of ``keys`` in ``table``, adding the new ones in order of first appearance (the
    lookups and insertions run in C: ``dict.get`` over the keys, one ``update`` for the new)."""
    found = list(map(table.get, keys))
    if None in found:
        new = list(dict.fromkeys([key for key, at in zip(keys, found) if at is None]))
        start = len(table.keys_in_order)
        table.update(zip(new, range(start, start + len(new))))
        table.keys_in_order.extend(new)
        found = list(map(table.get, keys))
    return np.array(found, dtype=np.int64)


def _grown(array: np.ndarray, size: int, fill: int) -> np.ndarray:
    """``array`` extended to at least ``size`` entries (doubling), new entries ``fill``."""
    if size <= len(array):
        return array
    grown = np.full(max(size, 2 * len(array)), fill, dtype=array.dtype)
    grown[:len(array)] = array
    return grown


class _WorkerVocabulary:
    """What a worker process has seen: the scanner's surfaces, their normalized tokens
    (CSR: surface ``s`` -> norm ids ``flat[ptr[s]:ptr[s + 1]]``), the norms, and how much
    of it the merging process has been sent."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.token = f"{socket.gethostname()}:{self.pid}:{uuid.uuid4().hex}"
        self.scanner = TokenScanner()
        self.normalizer = make_normalizer()
        self.norm_ids = _Ids()
        self.ptr = np.zeros(1, dtype=np.int64)
        self.flat = np.zeros(0, dtype=np.int64)
        self.all_single = True                  # every surface so far normalizes to one token
        self.sent_norms = 0
        self.sent_surfaces = 0
        self.lock = threading.Lock()            # Dask may run partitions in threads of one worker

    def add_surfaces(self, surfaces: list[str]) -> None:
        """Normalize surfaces first seen by the scanner, each once for the life of the worker.

        All in one call: surfaces hold no line break, and normalization acts line by line
        (as for the lines of a document in :mod:`analysis.boilerplate`)."""
        if not surfaces:
            return
        joined = self.normalizer("\n".join(surfaces))
        normalized, words = joined.split("\n"), joined.split()
        if normalized == words:                 # each surface normalizes to one token: in bulk
            flat = _global_ids(self.norm_ids, words)
            width = np.ones(len(surfaces), dtype=np.int64)
        else:
            # none for a form that normalizes to nothing, several for a ligature such as ﷺ
            norms = [norm.split() for norm in normalized]
            flat = _global_ids(self.norm_ids, [n for group in norms for n in group])
            width = np.fromiter(map(len, norms), dtype=np.int64, count=len(norms))
            self.all_single = False
        self.ptr = np.concatenate((self.ptr, self.ptr[-1] + np.cumsum(width)))
        self.flat = np.concatenate((self.flat, flat))


#: job -> this process's vocabulary for it (the last few jobs: a Dask worker outlives them)
_WORKERS: dict[str, _WorkerVocabulary] = {}
_WORKERS_LOCK = threading.Lock()


def _worker_vocabulary(job: str) -> _WorkerVocabulary:
    """This process's vocabulary for ``job`` (a forked child starts its own)."""
    with _WORKERS_LOCK:
        vocab = _WORKERS.get(job)
        if vocab is None or vocab.pid != os.getpid():
            if len(_WORKERS) >= 4 or (_WORKERS and next(iter(_WORKERS.values())).pid != os.getpid()):
                _WORKERS.clear()
            vocab = _WORKERS[job] = _WorkerVocabulary()
        return vocab


def count_partition(part: Partition, *, on_error: OnError = "raise", spill: str | Path | None = None,
                    job: str = "") -> PartitionCounts:
    """Read and count one partition (runs in a worker process or on a Dask worker).

    The partition's document bodies go to the worker's compiled scanner
    (:class:`analysis.tokenize.TokenScanner`) in one call, which returns surface ids; the
    rest works on the whole partition: surface ids -> normalized-token ids (each distinct
    surface normalized once per worker), then per-document counts (:func:`_doc_counts`).  With ``spill`` (a file path the worker can write, e.g. on
    the same machine), the per-document arrays are written there instead of travelling
    back with the result.  ``job`` names the count this partition belongs to: the
    worker's vocabulary (and its ids) last for one job.
    """
    out = PartitionCounts(n_bytes=part.size)
    bodies = []
    for record in read_partition(part, on_error=on_error, skipped=out.skipped):
        bodies.append(document_body(record["text"], record.get("title") or None))
        out.doc_ids.append(str(record["doc_id"]))
    vocab = _worker_vocabulary(job)
    with vocab.lock:
        _, new_surfaces, sid, lengths = vocab.scanner.scan(bodies)
        vocab.add_surfaces(new_surfaces)
        out.worker = vocab.token
        out.norm_start, out.new_norms = vocab.sent_norms, vocab.norm_ids.keys_in_order[vocab.sent_norms:]
        out.surface_start, out.new_surfaces = vocab.sent_surfaces, vocab.scanner.surfaces[vocab.sent_surfaces:]
        ptr, flat, all_single = vocab.ptr, vocab.flat, vocab.all_single
        start = ptr[vocab.sent_surfaces]
        out.new_surface_ptr = ptr[vocab.sent_surfaces:] - start
        out.new_surface_flat = flat[start:]
        vocab.sent_norms, vocab.sent_surfaces = len(vocab.norm_ids.keys_in_order), len(ptr) - 1
        n_norms = max(vocab.sent_norms, 1)
    del bodies
    ids, cnts, out.doc_ptr, out.doc_tokens, norm_counts, norm_docs, surface_counts = _doc_counts(
        sid, lengths, ptr, flat, n_norms, all_single=all_single)
    # compact arrays, not lists: they travel between processes and wait in queues
    out.ids, out.cnts = ids.astype(np.int32, copy=False), cnts.astype(np.int32, copy=False)
    out.n_docs, out.n_tokens = len(lengths), int(out.doc_tokens.sum())
    out.norm_used = np.flatnonzero(norm_counts)
    out.norm_counts = norm_counts[out.norm_used]
    out.norm_docs = norm_docs[out.norm_used]
    out.surface_used = np.flatnonzero(surface_counts)
    out.surface_counts = surface_counts[out.surface_used]
    if spill is not None:
        _write_spill(Path(spill), out)
        out.spill = str(spill)
        out.ids, out.cnts, out.doc_ptr, out.doc_tokens, out.doc_ids = (
            out.ids[:0], out.cnts[:0], out.doc_ptr[:1], out.doc_tokens[:0], [])
    return out


def _doc_counts(sid: np.ndarray, lengths: np.ndarray, ptr: np.ndarray, flat: np.ndarray, n_norms: int, *,
                all_single: bool = False) -> tuple[np.ndarray, ...]:
    """Per-document counts of the normalized tokens of a partition's token stream.

    ``sid`` holds the surface id of each token (documents one after the other, ``lengths``
    tokens each); surface ``s`` stands for the normalized tokens ``flat[ptr[s]:ptr[s + 1]]``
    (none, one, or several for a ligature); ``all_single`` says each stands for exactly one.
    Returns ``(ids, counts, doc_ptr, doc_tokens, norm_counts, norm_docs, surface_counts)``:
    document ``d``'s distinct norm ids and their counts are ``ids[doc_ptr[d]:doc_ptr[d + 1]]``
    and ``counts[...]`` (in no particular order), ``doc_tokens`` its normalized tokens; the
    last three count occurrences and documents per norm, and occurrences per surface.
    The compiled core does it in one pass without sorting; numpy (one ``unique``) otherwise.
    """
    if _scan is not None:
        return tuple(np.frombuffer(b, dtype=t) for b, t in zip(
            _scan.doc_counts(np.ascontiguousarray(sid, dtype=np.int32), np.ascontiguousarray(lengths, dtype=np.int64),
                             np.ascontiguousarray(ptr, dtype=np.int64), np.ascontiguousarray(flat, dtype=np.int64),
                             n_norms),
            (np.int32, np.int32, np.int64, np.int64, np.int64, np.int64, np.int64)))
    doc = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    if all_single:
        nid = flat[ptr[sid]]
    else:                                                     # expand ligatures, drop empties
        repeat = ptr[sid + 1] - ptr[sid]
        doc = np.repeat(doc, repeat)
        ends = np.cumsum(repeat)
        nid = flat[np.repeat(ptr[sid] - ends + repeat, repeat) + np.arange(int(ends[-1]) if len(ends) else 0)]
    n = max(n_norms, 1)
    keys, counts = np.unique(doc * n + nid, return_counts=True)
    doc_ptr = np.searchsorted(keys // n, np.arange(len(lengths) + 1), side="left").astype(np.int64)
    ids = keys % n
    return (ids.astype(np.int32), counts.astype(np.int32), doc_ptr,
            np.bincount(doc, minlength=len(lengths)).astype(np.int64),
            np.bincount(nid, minlength=n_norms).astype(np.int64),
            np.bincount(ids, minlength=n_norms).astype(np.int64),
            np.bincount(sid, minlength=len(ptr) - 1).astype(np.int64))


def _write_spill(path: Path, counts: PartitionCounts) -> None:
    """Per-document data of a partition: its worker, norm ids, counts, the CSR pointer,
    tokens per document and document ids."""
    with path.open("wb") as handle:
        pickle.dump((counts.worker, counts.ids, counts.cnts, counts.doc_ptr, counts.doc_tokens, counts.doc_ids),
                    handle, protocol=pickle.HIGHEST_PROTOCOL)


def _count_spilled(task: tuple[Partition, str], on_error: OnError, job: str) -> PartitionCounts:
    part, spill = task
    return count_partition(part, on_error=on_error, spill=spill, job=job)


class _Merger:
    """Merges partition results into a global vocabulary; spills per-document data to disk.

    Each worker's ids map to global ids through ``remaps[worker]``; a worker's blocks of new
    forms are applied in order (a result that arrives before an earlier one of the same
    worker waits for it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.norm_ids = _Ids()
        self.norm_counts = np.zeros(0, dtype=np.int64)
        self.norm_docs = np.zeros(0, dtype=np.int64)
        self.surface_ids = _Ids()
        self.surface_counts = np.zeros(0, dtype=np.int64)
        #: the global norm id of each surface that normalizes to one token; -1 otherwise
        self.surface_norm = np.zeros(0, dtype=np.int64)
        #: the norm ids of the surfaces that normalize to none or several tokens
        self.surface_multi: dict[int, tuple[int, ...]] = {}
        #: worker -> (norm ids, surface ids): global ids of the worker's ids
        self.remaps: dict[str, list[np.ndarray]] = {}
        self.waiting: list[PartitionCounts] = []
        self.spills: list[Path] = []
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
                norms, surfaces = self.remaps.setdefault(waiting.worker, [np.zeros(0, dtype=np.int64)] * 2)
                if waiting.norm_start == len(norms) and waiting.surface_start == len(surfaces):
                    self.waiting.remove(waiting)
                    self._apply(waiting)
                    progress = True

    def _apply(self, result: PartitionCounts) -> None:
        norms, surfaces = self.remaps[result.worker]
        norms = np.concatenate((norms, _global_ids(self.norm_ids, result.new_norms)))
        known = len(self.surface_ids.keys_in_order)
        new_sids = _global_ids(self.surface_ids, result.new_surfaces)
        surfaces = np.concatenate((surfaces, new_sids))
        self.remaps[result.worker] = [norms, surfaces]
        n_norms, n_surfaces = len(self.norm_ids.keys_in_order), len(self.surface_ids.keys_in_order)
        self.norm_counts = _grown(self.norm_counts, n_norms, 0)
        self.norm_docs = _grown(self.norm_docs, n_norms, 0)
        self.surface_counts = _grown(self.surface_counts, n_surfaces, 0)
        self.surface_norm = _grown(self.surface_norm, n_surfaces, -1)
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
        self.surface_counts[surfaces[result.surface_used]] += result.surface_counts
        if result.spill:                                   # written by the worker
            path = Path(result.spill)
        else:
            path = self.folder / f"part{len(self.spills):06d}.pickle"
            _write_spill(path, result)
        self.spills.append(path)
        self.n_docs += result.n_docs
        self.n_tokens += result.n_tokens
        self.n_bytes += result.n_bytes
        self.skipped.extend(result.skipped)


def _vocabulary_terms(merger: _Merger, *, merge_variants: bool) -> pd.DataFrame:
    """One row per normalized token: its term, prefix, stopword and number flags (the
    same functions as the token table), and the id of its term."""
    import pandas as pd

    from .entities import load_aliases, merge_entities

    norms = merger.norm_ids.keys_in_order
    stopwords = arabic_stopwords()
    splitter = CliticSplitter(norms, stopwords=stopwords)
    prefixes, terms = zip(*map(splitter, norms)) if norms else ((), ())
    vocab = pd.DataFrame({"norm": norms, "prefix": prefixes, "term": terms})
    vocab["is_stopword"] = [t in stopwords or n in stopwords for n, t in zip(norms, terms)]
    vocab["is_number"] = [_is_number(n) for n in norms]
    if merge_variants:
        vocab = merge_entities(vocab, load_aliases())
    vocab["content"] = ~vocab.is_stopword & ~vocab.is_number
    vocab["term_id"] = pd.factorize(vocab.term)[0]
    return vocab


def _is_number(token: str) -> bool:
    """``NUMBER_RE.match(token)``: decimal digits (``\\d`` is ``str.isdecimal``) and tatweel;
    the regular expression runs only for a token with tatweel."""
    return token.isdecimal() or (TATWEEL in token and NUMBER_RE.match(token) is not None)


def _labels(merger: _Merger, vocab: pd.DataFrame) -> dict[str, str]:
    """The most frequent written form of each term among tokens without proclitics
    (ties: the first in code-point order)."""
    import pandas as pd

    bare = (vocab["prefix"] == "").to_numpy()
    term_of = vocab["term_id"].to_numpy()
    n = len(merger.surface_ids.keys_in_order)
    surface_norm = merger.surface_norm[:n]
    single = np.flatnonzero(surface_norm >= 0)
    single = single[bare[surface_norm[single]]]
    multi = [(sid, norm) for sid, norms in merger.surface_multi.items() for norm in norms if bare[norm]]
    sids = np.concatenate([single, np.array([sid for sid, _ in multi], dtype=np.int64)])
    terms = np.concatenate([term_of[surface_norm[single]], term_of[np.array([n for _, n in multi], dtype=np.int64)]])
    table = pd.DataFrame({"term_id": terms, "sid": sids, "n": merger.surface_counts[sids]})
    if multi:                               # a ligature's words may repeat a term: sum them
        table = table.groupby(["term_id", "sid"], as_index=False)["n"].sum()
    table["surface"] = np.array(merger.surface_ids.keys_in_order, dtype=object)[table["sid"].to_numpy()]
    table = _sorted(table, ["term_id", "n", "surface"], ascending=[True, False, True]).drop_duplicates("term_id")
    names = vocab.drop_duplicates("term_id").set_index("term_id")["term"]
    return dict(zip(names.loc[table["term_id"]].tolist(), table["surface"].tolist()))


def _sorted(table: pd.DataFrame, by: list[str], *, ascending: list[bool]) -> pd.DataFrame:
    """``table.sort_values(by, ascending=ascending)`` for integer and string columns, by one
    ``numpy.lexsort`` (strings as fixed-width arrays: code-point order, as Python compares
    them), several times faster than pandas on object columns of a large vocabulary."""
    keys = []
    for column, up in zip(reversed(by), reversed(ascending)):
        values = table[column].to_numpy()
        if values.dtype == object:
            if not up:
                raise ValueError(f"_sorted: a string column ({column}) sorts ascending only")
            values = values.astype(str)
        elif not up:
            values = -values
        keys.append(values)
    return table.iloc[np.lexsort(keys)] if len(table) else table


def _read_spill(path: Path) -> tuple:
    """A spill: its worker, norm ids (the worker's), counts, CSR pointer, tokens per
    document and document ids."""
    with path.open("rb") as handle:
        return pickle.load(handle)


def _aggregate(merger: _Merger, vocab: pd.DataFrame, *, by_doc: bool) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
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
    for path in merger.spills if (by_doc or shared.any()) else ():
        worker, worker_ids, cnts, ptr, doc_tokens, doc_ids = _read_spill(path)
        if worker not in local:
            local[worker] = gathered[merger.remaps[worker][0]]
        _add_doc_freq(local[worker][worker_ids], ptr, doc_freq)
        if by_doc:
            ids = merger.remaps[worker][0][worker_ids]
            keep = content[ids]
            terms, counts = term_of[ids[keep]], cnts[keep]
            doc_index = np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))[keep]
            keys, inverse = np.unique(doc_index * n_terms + terms, return_inverse=True)
            summed = np.bincount(inverse, weights=counts).astype(np.int64)
            docs = keys // n_terms
            rows.append(pd.DataFrame({"doc_id": np.asarray(doc_ids, dtype=object)[docs], "term_id": keys % n_terms,
                                      "count": summed, "doc_tokens": doc_tokens[docs]}))
    per_doc = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    return totals, doc_freq, per_doc


def _add_doc_freq(terms: np.ndarray, doc_ptr: np.ndarray, doc_freq: np.ndarray) -> None:
    """Add 1 to ``doc_freq[t]`` for each distinct term ``t >= 0`` of each document, whose
    entries are ``terms[doc_ptr[d]:doc_ptr[d + 1]]`` (-1: not counted here).  In one pass
    in the compiled core; with one ``numpy.unique`` otherwise."""
    if _scan is not None:
        _scan.add_doc_freq(np.ascontiguousarray(terms, dtype=np.int64), np.ascontiguousarray(doc_ptr, dtype=np.int64),
                           doc_freq)
        return
    at = np.flatnonzero(terms >= 0)
    if len(at):
        n_terms = len(doc_freq)
        docs = np.searchsorted(doc_ptr, at, side="right") - 1
        keys = np.unique(docs * n_terms + terms[at])
        doc_freq += np.bincount(keys % n_terms, minlength=n_terms)


def _run(parts: list[Partition], merger: _Merger, *, workers: int, scheduler: str | None, on_error: OnError,
         progress: bool) -> None:
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(p.size for p in parts), unit="B", unit_scale=True, unit_divisor=1000,
                   desc="counting", file=sys.stderr, dynamic_ncols=True)

    def done(result: PartitionCounts) -> None:
        with _without_cyclic_gc():
            merger.add(result)
        if bar is not None:
            bar.update(result.n_bytes)
            bar.set_postfix(docs=merger.n_docs, refresh=False)

    job = uuid.uuid4().hex                  # worker vocabularies last for this count only
    try:
        if scheduler:
            _run_dask(list(numbered_partitions(parts)), done, scheduler=scheduler, workers=workers,
                      on_error=on_error, job=job)
        elif workers <= 1 or len(parts) == 1:
            for part in numbered_partitions(parts):
                done(count_partition(part, on_error=on_error, job=job))
            _WORKERS.pop(job, None)
        else:
            import multiprocessing as mp
            from functools import partial

            # a generator: the pool's feeder thread numbers the partitions as workers take them
            tasks = ((part, str(merger.folder / f"worker{i:06d}.pickle"))
                     for i, part in enumerate(numbered_partitions(parts)))
            with mp.get_context("fork" if sys.platform.startswith("linux") else "spawn").Pool(workers) as pool:
                # while the workers count, this process loads what the vocabulary step needs
                # (after the fork: a thread must not be copied into the workers mid-import)
                loader = threading.Thread(target=_load_vocabulary_resources, name="qaani-resources", daemon=True)
                loader.start()
                try:
                    for result in pool.imap_unordered(partial(_count_spilled, on_error=on_error, job=job), tasks):
                        done(result)
                except KeyboardInterrupt:
                    pool.terminate()
                    raise
                finally:
                    loader.join()
    finally:
        if bar is not None:
            bar.close()
    if merger.waiting:                      # never drop a result silently
        raise RuntimeError(f"{len(merger.waiting)} partition results could not be merged: a worker's earlier "
                           "result is missing")


def _load_vocabulary_resources() -> None:
    """Import pandas and the entity tables' module, and load the general-Arabic lexicon and
    the stopwords (cached once loaded): what the vocabulary step needs."""
    import pandas  # noqa: F401

    from . import entities  # noqa: F401

    zipf("")
    arabic_stopwords()


def _run_dask(parts: list[Partition], done, *, scheduler: str, workers: int, on_error: OnError, job: str) -> None:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(count_partition, parts, on_error=on_error, job=job, pure=False)
        for future in as_completed(futures):
            done(future.result())
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def count_stream(
    path: str | Path,
    *,
    by_doc: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    merge_variants: bool = True,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    on_error: OnError = "raise",
    partition_bytes: int = 4 << 20,
    progress: bool = True,
) -> pd.DataFrame:
    """Count the terms of a corpus of any size, as :func:`analysis.terms.count_terms` would.

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files (recursive), a ``.jsonl`` / ``.csv`` file, or a ``.zip``
        / ``.gz`` of these.
    by_doc : bool, default False
        Count per document (``doc_id`` column); the output then grows with the corpus.
    workers : int, optional
        Processes (or Dask workers for ``scheduler="local"``); default: all cores.
    scheduler : str, optional
        A Dask scheduler address (``tcp://host:8786``) or ``"local"`` for a LocalCluster;
        default: no Dask.  Needs the ``scale`` extra (``requirements-scale.txt``).
    merge_variants : bool, default True
        Merge entity variants through ``analysis/data/aliases.csv``.
    text_column, id_column, encoding, on_error
        As in :func:`analysis.corpus.load_corpus`.
    partition_bytes : int
        Target size of a partition.
    progress : bool, default True
        Show a progress bar (bytes, MB/s and documents) on standard error.

    Returns
    -------
    pandas.DataFrame
        ``[doc_id,] term, label, count, per_1000, doc_freq``, ordered as ``count_terms``
        orders them.  ``attrs`` holds ``n_docs``, ``n_tokens``, ``n_bytes``, ``seconds``
        and ``skipped`` (file, reason).
    """
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    # the line numbers of JSON-lines ranges are counted as the partitions are handed out
    parts = partitions(path, target_bytes=partition_bytes, text_column=text_column, id_column=id_column,
                       encoding=encoding, number_lines=False)
    with tempfile.TemporaryDirectory(prefix="qaani-count-") as tmp:
        merger = _Merger(Path(tmp))
        _run(parts, merger, workers=workers, scheduler=scheduler, on_error=on_error, progress=progress)
        with _without_cyclic_gc():
            vocab = _vocabulary_terms(merger, merge_variants=merge_variants)
            totals, doc_freq, per_doc = _aggregate(merger, vocab, by_doc=by_doc)
            table = _table(merger, vocab, totals, doc_freq, per_doc, by_doc=by_doc)
    import pandas as pd

    table.attrs.update(n_docs=merger.n_docs, n_tokens=merger.n_tokens, n_bytes=merger.n_bytes,
                       seconds=time.perf_counter() - started,
                       skipped=pd.DataFrame(merger.skipped, columns=["file", "reason"]))
    return table


@contextmanager
def _without_cyclic_gc():
    """No cyclic garbage collection while results are merged and the vocabulary is built:
    they make hundreds of thousands of small objects without cycles, and each collection
    would walk all of them again (the tail ran 40 % faster without it).  Reading and
    counting partitions, in workers or in this process, collect as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _table(merger: _Merger, vocab: pd.DataFrame, totals: np.ndarray, doc_freq: np.ndarray, per_doc: pd.DataFrame,
           *, by_doc: bool) -> pd.DataFrame:
    """The output table: terms, labels, counts, rates and document frequencies, in order."""
    import pandas as pd

    terms = vocab.drop_duplicates("term_id").set_index("term_id")["term"].sort_index()
    labels = _labels(merger, vocab)
    if by_doc:
        table = pd.DataFrame({"doc_id": per_doc["doc_id"].astype(str), "term": terms.to_numpy()[per_doc.term_id],
                              "count": per_doc["count"].astype("int64")})
        table["per_1000"] = 1000 * table["count"] / per_doc["doc_tokens"]
        table["doc_freq"] = doc_freq[per_doc.term_id]
        table.insert(2, "label", table.term.map(labels).fillna(table.term))
        table = _sorted(table, ["doc_id", "count", "term"], ascending=[True, False, True])
    else:
        used = totals > 0
        table = pd.DataFrame({"term": terms.to_numpy()[used], "count": totals[used]})
        table["per_1000"] = 1000 * table["count"] / max(merger.n_tokens, 1)
        table["doc_freq"] = doc_freq[used]
        table.insert(1, "label", table.term.map(labels).fillna(table.term))
        table = _sorted(table, ["count", "term"], ascending=[False, True])
    return table.reset_index(drop=True)
