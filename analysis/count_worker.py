"""The worker's side of streaming counts: read a partition, count it in the worker's ids.

A worker process (or a Dask worker) keeps a vocabulary from one partition to the next
(:class:`WorkerVocabulary`): the compiled scanner's surface forms, each normalized once
for the life of the worker, and the normalized tokens they give.  A partition's result
(:class:`PartitionCounts`) carries only the forms new to its worker and sparse counts over
the worker's ids; per-document data go to a spill file.  :mod:`analysis.count_merge` puts
the results together.

>>> from analysis.config import SEEDS_DIR
>>> from analysis.reader import partitions
>>> result = count_partition(partitions(SEEDS_DIR)[0], job="doctest")
>>> result.n_docs, len(result.new_norms) > 1000, 0 < len(result.new_surfaces) < len(result.new_norms)
(5, True, True)
"""

from __future__ import annotations

import os
import pickle
import socket
import threading
import uuid
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path

import numpy as np

from .boilerplate import documents_boilerplate
from .interner import Interner
from .normalize import make_normalizer
from .reader import OnError, Partition, read_partition
from .tokenize import TokenScanner, counted_text


@dataclass
class PartitionCounts:
    """What one partition contributes, in the ids of the worker that counted it.

    A worker process keeps its vocabulary from one partition to the next
    (:class:`WorkerVocabulary`); a result carries only the normalized tokens and surface
    forms that are new to its worker (``norm_start``, ``new_norms``, ``surface_start``,
    ``new_surfaces``; surface ``i`` of the block normalizes to the worker's norm ids
    ``new_surface_flat[new_surface_ptr[i]:new_surface_ptr[i + 1]]``), and sparse counts
    over the worker's ids.  So the merging process handles each form once per worker, not
    once per partition.

    Most written forms are already normalized (four in five on real news): such a form is
    its own norm, so it is not sent as a surface at all; ``norm_bare`` counts, per norm of
    ``norm_used``, the tokens written exactly as the norm.  ``new_surfaces`` and
    ``surface_used`` / ``surface_counts`` cover the forms that normalize to something else
    (ids of the worker's list of such forms).
    """

    worker: str = ""
    index: int = 0                                          # the partition's place in the corpus
    norm_start: int = 0
    new_norms: list[str] = field(default_factory=list)
    surface_start: int = 0
    new_surfaces: list[str] = field(default_factory=list)
    new_surface_ptr: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    new_surface_flat: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    norm_used: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))     # worker norm ids
    norm_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))   # occurrences
    norm_docs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))     # documents using it
    norm_bare: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))     # written as the norm
    surface_used: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # worker surface ids
    surface_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    doc_ids: list[str] = field(default_factory=list)
    doc_paths: list[str] = field(default_factory=list)      # where each document came from
    doc_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))  # hashes of doc_ids
    doc_tokens: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # for per_1000
    doc_ptr: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))  # doc i: ids[ptr[i]:ptr[i+1]]
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))    # worker norm ids
    cnts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    n_bytes: int = 0
    n_docs: int = 0
    n_tokens: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    spill: str = ""                                         # where the per-document data went, if written


def gather(flat: np.ndarray, starts: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """``flat[starts[0]:starts[0] + widths[0]]``, then the next run, ... joined: the entries of
    several rows of a CSR array at once (no loop per row).

    Examples
    --------
    >>> gather(np.array([7, 8, 9, 10]), np.array([2, 0, 1]), np.array([2, 0, 1])).tolist()
    [9, 10, 8]
    """
    ends = np.cumsum(widths)
    return flat[np.repeat(starts - ends + widths, widths) + np.arange(int(ends[-1]) if len(ends) else 0)]


def grown(array: np.ndarray, size: int, fill: int) -> np.ndarray:
    """``array`` extended to at least ``size`` entries (doubling), new entries ``fill``."""
    if size <= len(array):
        return array
    grown = np.full(max(size, 2 * len(array)), fill, dtype=array.dtype)
    grown[:len(array)] = array
    return grown


class WorkerVocabulary:
    """What a worker process has seen: the scanner's surfaces, their normalized tokens
    (CSR: surface ``s`` -> norm ids ``flat[ptr[s]:ptr[s + 1]]``), the norms, and how much
    of it the merging process has been sent.  ``self_norm[s]`` is the norm id of a surface
    that is its own norm (-1 otherwise); the others are listed in ``changed`` (their
    surface ids) and ``changed_surfaces``: only they are sent to the merging process as
    surfaces, with their norms."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.token = f"{socket.gethostname()}:{self.pid}:{uuid.uuid4().hex}"
        self.scanner = TokenScanner()
        self.normalizer = make_normalizer()
        self.norm_ids = Interner()                # the worker's normalized tokens, compactly
        self.ptr = np.zeros(1, dtype=np.int64)
        self.flat = np.zeros(0, dtype=np.int64)
        self.all_single = True                  # every surface so far normalizes to one token
        self.self_norm = np.zeros(0, dtype=np.int64)
        self.changed = np.zeros(0, dtype=np.int64)
        self.changed_surfaces: list[str] = []
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
            flat = self.norm_ids.add(words)
            width = np.ones(len(surfaces), dtype=np.int64)
        else:
            # none for a form that normalizes to nothing, several for a ligature such as ﷺ
            norms = [norm.split() for norm in normalized]
            flat = self.norm_ids.add([n for group in norms for n in group])
            width = np.fromiter(map(len, norms), dtype=np.int64, count=len(norms))
            self.all_single = False
        first = self.ptr[-1]
        ptr = first + np.cumsum(width)
        self.ptr = np.concatenate((self.ptr, ptr))
        self.flat = np.concatenate((self.flat, flat))
        # a surface that normalizes to itself is one token, its own norm
        own = np.fromiter(map(str.__eq__, surfaces, normalized), dtype=bool, count=len(surfaces))
        starts = ptr - width - first                  # where each surface's norms start in ``flat``
        self_norm = np.full(len(surfaces), -1, dtype=np.int64)
        self_norm[own] = flat[starts[own]]
        self.self_norm = np.concatenate((self.self_norm, self_norm))
        changed = np.flatnonzero(~own)
        if len(changed):
            self.changed = np.concatenate((self.changed, len(self.self_norm) - len(surfaces) + changed))
            self.changed_surfaces.extend([surfaces[i] for i in changed.tolist()])


#: job -> this process's vocabulary for it (the last few jobs: a Dask worker outlives them)
_WORKERS: dict[str, WorkerVocabulary] = {}
_WORKERS_LOCK = threading.Lock()


def _worker_vocabulary(job: str) -> WorkerVocabulary:
    """This process's vocabulary for ``job`` (a forked child starts its own)."""
    with _WORKERS_LOCK:
        vocab = _WORKERS.get(job)
        if vocab is None or vocab.pid != os.getpid():
            if len(_WORKERS) >= 4 or (_WORKERS and next(iter(_WORKERS.values())).pid != os.getpid()):
                _WORKERS.clear()
            vocab = _WORKERS[job] = WorkerVocabulary()
        return vocab


def count_partition(part: Partition, *, on_error: OnError = "raise", spill: str | Path | None = None,
                    job: str = "", index: int = 0) -> PartitionCounts:
    """Read and count one partition (runs in a worker process or on a Dask worker).

    The counted text of each document (:func:`analysis.tokenize.counted_text`: boilerplate
    lines and HTML left out, as in the token table) goes to the worker's compiled scanner
    (:class:`analysis.tokenize.TokenScanner`) in one call, which returns surface ids; the
    rest works on the whole partition: surface ids -> normalized-token ids (each distinct
    surface normalized once per worker), then per-document counts (:func:`_doc_counts`).  With ``spill`` (a file path the worker can write, e.g. on
    the same machine), the per-document arrays are written there instead of travelling
    back with the result.  ``job`` names the count this partition belongs to: the
    worker's vocabulary (and its ids) last for one job; ``index`` is the partition's place
    in the corpus.
    """
    out = PartitionCounts(n_bytes=part.size, index=index)
    texts, titles = [], []
    for record in read_partition(part, on_error=on_error, skipped=out.skipped):
        texts.append(record["text"])
        titles.append(record.get("title") or None)
        out.doc_ids.append(str(record["doc_id"]))
        out.doc_paths.append(str(record.get("path", "")))
    bodies = [counted_text(text, [(start, end) for _, start, end, _ in removed])
              for text, removed in zip(texts, documents_boilerplate(texts, titles))]
    del texts, titles
    out.doc_keys = id_keys(out.doc_ids)
    vocab = _worker_vocabulary(job)
    with vocab.lock:
        _, new_surfaces, sid, lengths = vocab.scanner.scan(bodies)
        vocab.add_surfaces(new_surfaces)
        out.worker = vocab.token
        out.norm_start, out.new_norms = vocab.sent_norms, vocab.norm_ids.strings(vocab.sent_norms)
        sent = vocab.sent_surfaces
        out.surface_start, out.new_surfaces = sent, vocab.changed_surfaces[sent:]
        ptr, flat, all_single = vocab.ptr, vocab.flat, vocab.all_single
        new = vocab.changed[sent:]                          # their norms, from the worker's CSR
        widths = ptr[new + 1] - ptr[new]
        out.new_surface_ptr = np.concatenate(([0], np.cumsum(widths)))
        out.new_surface_flat = gather(flat, ptr[new], widths)
        vocab.sent_norms, vocab.sent_surfaces = len(vocab.norm_ids), len(vocab.changed_surfaces)
        self_norm, changed = vocab.self_norm, vocab.changed
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
    own = np.flatnonzero((self_norm >= 0) & (surface_counts > 0))    # one count per surface id
    out.norm_bare = np.bincount(self_norm[own], weights=surface_counts[own],
                                minlength=n_norms).astype(np.int64)[out.norm_used]
    changed_counts = surface_counts[changed]
    out.surface_used = np.flatnonzero(changed_counts)
    out.surface_counts = changed_counts[out.surface_used]
    if spill is not None:
        write_spill(Path(spill), out)
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
    One ``numpy.unique`` over (document, norm) keys.
    """
    doc = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    if all_single:
        nid = flat[ptr[sid]]
    else:                                                     # expand ligatures, drop empties
        repeat = ptr[sid + 1] - ptr[sid]
        doc = np.repeat(doc, repeat)
        nid = gather(flat, ptr[sid], repeat)
    n = max(n_norms, 1)
    keys, counts = unique_counts(doc * n + nid)
    doc_ptr = np.searchsorted(keys // n, np.arange(len(lengths) + 1), side="left").astype(np.int64)
    ids = keys % n
    return (ids.astype(np.int32), counts.astype(np.int32), doc_ptr,
            np.bincount(doc, minlength=len(lengths)).astype(np.int64),
            np.bincount(nid, minlength=n_norms).astype(np.int64),
            np.bincount(ids, minlength=n_norms).astype(np.int64),
            np.bincount(sid, minlength=len(ptr) - 1).astype(np.int64))


def write_spill(path: Path, counts: PartitionCounts) -> None:
    """Per-document data of a partition: its worker, norm ids, counts, the CSR pointer,
    tokens per document, document ids and where they came from."""
    with path.open("wb") as handle:
        pickle.dump((counts.worker, counts.ids, counts.cnts, counts.doc_ptr, counts.doc_tokens, counts.doc_ids,
                     counts.doc_paths), handle, protocol=pickle.HIGHEST_PROTOCOL)


def read_spill(path: Path) -> tuple:
    """What :func:`write_spill` wrote: worker, norm ids (the worker's), counts, CSR pointer,
    tokens per document, document ids and their sources."""
    with path.open("rb") as handle:
        return pickle.load(handle)


def id_keys(doc_ids: list[str]) -> np.ndarray:
    """A 64-bit hash of each document id (the same in every process): the merging process
    finds repeated ids among them without keeping every id in memory.

    Examples
    --------
    >>> keys = id_keys(["a", "b", "a"]); bool(keys[0] == keys[2]), bool(keys[0] == keys[1])
    (True, False)
    """
    return np.fromiter((int.from_bytes(blake2b(d.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
                        for d in doc_ids), dtype=np.uint64, count=len(doc_ids))


def count_spilled(task: tuple[int, Partition, str | None], on_error: OnError, job: str) -> PartitionCounts:
    """:func:`count_partition` of ``(index, partition, spill path or None)`` (a task of a
    process pool or of Dask)."""
    index, part, spill = task
    return count_partition(part, on_error=on_error, spill=spill, job=job, index=index)


def unique_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of an integer array, sorted, and how often each occurs:
    ``numpy.unique(keys, return_counts=True)`` by one sort (numpy 2.4's hash-based
    ``unique`` takes ten times as long on the arrays counting makes).

    Examples
    --------
    >>> [a.tolist() for a in unique_counts(np.array([5, 3, 5, 5]))]
    [[3, 5], [1, 3]]
    """
    ordered = np.sort(keys)
    if not len(ordered):
        return ordered, np.zeros(0, dtype=np.int64)
    starts = np.concatenate(([0], np.flatnonzero(ordered[1:] != ordered[:-1]) + 1))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))

