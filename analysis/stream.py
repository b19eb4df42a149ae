"""Count terms in corpora too large for memory: streamed, in parallel, or on a Dask cluster.

The corpus is cut into partitions (:func:`analysis.reader.partitions`: groups of files,
byte ranges of a JSON-lines file, archive members).  Each partition is read and counted
on its own by :func:`count_partition` — in this process, in a pool of processes, or on
Dask workers — with the steps of the notebooks: boilerplate lines removed
(:func:`analysis.boilerplate.find_boilerplate`), tokens as :func:`analysis.tokenize.token_spans`
finds them, each distinct surface form normalized once (per worker) with
:func:`analysis.normalize.make_normalizer`, exactly as the token table normalizes each token.  A partition returns the counts of its
normalized tokens and, per document, which ones it used.

Only then, on the whole vocabulary, are proclitics split (:class:`analysis.clitics.CliticSplitter`,
whose vocabulary is the corpus's own tokens, as in :func:`analysis.tokens.tokens_table`),
stopwords and numbers marked, and entity variants merged
(:func:`analysis.entities.merge_entities`).  So the result equals
``count_terms(merge_entities(tokens_table(load_corpus(path))))`` while memory grows with
the vocabulary, not with the corpus: per-document data go to a temporary folder.

>>> from analysis.config import SEEDS_DIR
>>> count_stream(SEEDS_DIR, workers=1, progress=False).head(2)[["term", "count"]].values.tolist()
[['الكاظمي', 37], ['العراق', 27]]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .boilerplate import boilerplate_lines, remove_boilerplate
from .clitics import CliticSplitter
from .entities import load_aliases, merge_entities
from .normalize import make_normalizer
from .reader import OnError, Partition, partitions, read_partition
from .resources import HTML_RE, NUMBER_RE, TOKEN_RE
from .stopwords import arabic_stopwords

COUNT_COLUMNS = ["term", "label", "count", "per_1000", "doc_freq"]


@dataclass
class PartitionCounts:
    """What one partition contributes: its vocabulary, counts and per-document usage."""

    norms: list[str] = field(default_factory=list)          # local id -> normalized token
    surfaces: dict[str, int] = field(default_factory=dict)  # surface form -> occurrences
    surface_norms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    doc_ids: list[str] = field(default_factory=list)
    doc_tokens: list[int] = field(default_factory=list)     # tokens per document (all, for per_1000)
    doc_ptr: list[int] = field(default_factory=lambda: [0])  # CSR: doc i uses ids[ptr[i]:ptr[i+1]]
    ids: list[int] = field(default_factory=list)
    cnts: list[int] = field(default_factory=list)
    n_bytes: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


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


#: surface form -> normalized tokens, kept for the life of a worker process (it grows with
#: the vocabulary, and saves normalizing the same form again in every partition)
_SURFACE_NORMS: dict[str, tuple[str, ...]] = {}


def count_partition(part: Partition, *, on_error: OnError = "raise") -> PartitionCounts:
    """Read and count one partition (runs in a worker process or on a Dask worker).

    Tokens are found per document; the counting itself is vectorized over the whole
    partition: surface ids -> normalized-token ids (each distinct surface normalized once
    per worker), then one ``numpy.unique`` over (document, token) pairs.
    """
    normalizer = make_normalizer()
    out = PartitionCounts()
    cache = _SURFACE_NORMS
    surface_ids: dict[str, int] = {}
    flat: list[int] = []
    lengths: list[int] = []
    for record in read_partition(part, on_error=on_error, skipped=out.skipped):
        tokens = TOKEN_RE.findall(document_body(record["text"], record.get("title") or None))
        setdefault = surface_ids.setdefault
        flat.extend([setdefault(t, len(surface_ids)) for t in tokens])
        lengths.append(len(tokens))
        out.doc_ids.append(str(record["doc_id"]))
    surfaces = list(surface_ids)
    norm_ids: dict[str, int] = {}
    # surface id -> its normalized tokens' ids: almost always one; none for a form that
    # normalizes to nothing, several for a ligature such as ﷺ
    expansions = []
    for surface in surfaces:
        norms = cache.get(surface)
        if norms is None:
            norms = cache[surface] = tuple(normalizer(surface).split())
        expansions.append([norm_ids.setdefault(n, len(norm_ids)) for n in norms])
    sid = np.asarray(flat, dtype=np.int64)
    doc = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    width = np.asarray([len(e) for e in expansions], dtype=np.int64)
    single = np.asarray([e[0] if len(e) == 1 else -1 for e in expansions], dtype=np.int64)
    if len(sid) and (width[sid] != 1).any():                  # rare: expand ligatures, drop empties
        repeat = width[sid]
        doc = np.repeat(doc, repeat)
        nid = np.asarray([n for s in sid.tolist() for n in expansions[s]], dtype=np.int64)
    else:
        nid = single[sid] if len(sid) else np.zeros(0, dtype=np.int64)
    n_norms = max(len(norm_ids), 1)
    keys, counts = np.unique(doc * n_norms + nid, return_counts=True)
    docs_of_keys = keys // n_norms
    # compact arrays, not lists: they travel between processes and wait in queues
    out.ids = (keys % n_norms).astype(np.int32)
    out.cnts = counts.astype(np.int32)
    out.doc_ptr = np.searchsorted(docs_of_keys, np.arange(len(lengths) + 1), side="left").astype(np.int64)
    out.doc_tokens = np.bincount(doc, minlength=len(lengths)).astype(np.int64)
    out.norms = list(norm_ids)
    surface_counts = np.bincount(sid, minlength=len(surfaces)) if len(sid) else np.zeros(len(surfaces), dtype=np.int64)
    out.surfaces = dict(zip(surfaces, surface_counts.tolist()))
    out.surface_norms = {surface: cache[surface] for surface in surfaces}
    out.n_bytes = part.size
    return out


def _global_ids(table: dict[str, int], keys: list[str]) -> np.ndarray:
    """Ids of ``keys`` in ``table``, adding the new ones (set and dict operations run in C)."""
    new = set(keys).difference(table)
    if new:
        table.update(zip(new, range(len(table), len(table) + len(new))))
    return np.fromiter(map(table.__getitem__, keys), dtype=np.int64, count=len(keys))


class _Merger:
    """Merges partition results into a global vocabulary; spills per-document data to disk."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.norm_ids: dict[str, int] = {}
        self.surface_ids: dict[str, int] = {}
        self.surface_counts = np.zeros(0, dtype=np.int64)
        self.surface_norms: dict[str, tuple[str, ...]] = {}
        self.spills: list[Path] = []
        self.n_docs = 0
        self.n_tokens = 0
        self.n_bytes = 0
        self.skipped: list[tuple[str, str]] = []

    @property
    def surfaces(self) -> dict[str, int]:
        """Occurrences of every surface form."""
        counts = self.surface_counts.tolist()
        return {surface: counts[i] for surface, i in self.surface_ids.items()}

    def add(self, result: PartitionCounts) -> None:
        remap = _global_ids(self.norm_ids, result.norms)
        surfaces = list(result.surfaces)
        sids = _global_ids(self.surface_ids, surfaces)
        if len(self.surface_ids) > len(self.surface_counts):
            grown = np.zeros(max(len(self.surface_ids), 2 * len(self.surface_counts)), dtype=np.int64)
            grown[:len(self.surface_counts)] = self.surface_counts
            self.surface_counts = grown
        np.add.at(self.surface_counts, sids, np.fromiter(result.surfaces.values(), dtype=np.int64,
                                                         count=len(surfaces)))
        self.surface_norms.update(result.surface_norms)
        path = self.folder / f"part{len(self.spills):06d}.npz"
        ids = remap[np.asarray(result.ids, dtype=np.int64)] if len(result.ids) else np.zeros(0, dtype=np.int64)
        np.savez(path, ids=ids, cnts=np.asarray(result.cnts, dtype=np.int64),
                 ptr=np.asarray(result.doc_ptr, dtype=np.int64), tokens=np.asarray(result.doc_tokens, dtype=np.int64),
                 doc_ids=np.asarray(result.doc_ids, dtype=object))
        self.spills.append(path)
        self.n_docs += len(result.doc_ids)
        self.n_tokens += int(np.sum(result.doc_tokens))
        self.n_bytes += result.n_bytes
        self.skipped.extend(result.skipped)


def _vocabulary_terms(merger: _Merger, *, merge_variants: bool) -> pd.DataFrame:
    """One row per normalized token: its term, prefix, stopword and number flags (the
    same functions as the token table), and the id of its term."""
    norms = list(merger.norm_ids)
    stopwords = arabic_stopwords()
    splitter = CliticSplitter(norms, stopwords=stopwords)
    split = [splitter(n) for n in norms]
    vocab = pd.DataFrame({"norm": norms, "prefix": [p for p, _ in split], "term": [t for _, t in split]})
    vocab["is_stopword"] = [t in stopwords or n in stopwords for n, t in zip(vocab.norm, vocab.term)]
    vocab["is_number"] = [bool(NUMBER_RE.match(n)) for n in vocab.norm]
    if merge_variants:
        vocab = merge_entities(vocab, load_aliases())
    vocab["content"] = ~vocab.is_stopword & ~vocab.is_number
    vocab["term_id"] = pd.factorize(vocab.term)[0]
    return vocab


def _labels(merger: _Merger, vocab: pd.DataFrame) -> dict[str, str]:
    """The most frequent written form of each term among tokens without proclitics."""
    bare_term = {norm: term for norm, prefix, term in zip(vocab["norm"], vocab["prefix"], vocab["term"])
                 if prefix == ""}
    forms = [(bare_term[norm], surface, n) for surface, n in merger.surfaces.items()
             for norm in merger.surface_norms[surface] if norm in bare_term]
    table = pd.DataFrame(forms, columns=["term", "surface", "n"]).groupby(["term", "surface"])["n"].sum()
    table = table.reset_index().sort_values(["term", "n", "surface"], ascending=[True, False, True])
    return dict(table.drop_duplicates("term")[["term", "surface"]].values)


def _aggregate(merger: _Merger, vocab: pd.DataFrame, *, by_doc: bool) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """Term totals, document frequencies and (if ``by_doc``) the per-document rows."""
    term_of = vocab["term_id"].to_numpy()
    content = vocab["content"].to_numpy()
    n_terms = int(term_of.max()) + 1 if len(term_of) else 0
    totals = np.zeros(n_terms, dtype=np.int64)
    doc_freq = np.zeros(n_terms, dtype=np.int64)
    rows = []
    for path in merger.spills:
        data = np.load(path, allow_pickle=True)
        ids, cnts, ptr = data["ids"], data["cnts"], data["ptr"]
        keep = content[ids]
        doc_index = np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))[keep]
        terms, counts = term_of[ids[keep]], cnts[keep]
        np.add.at(totals, terms, counts)
        keys, inverse = np.unique(doc_index * n_terms + terms, return_inverse=True)
        np.add.at(doc_freq, keys % n_terms, 1)
        if by_doc:
            summed = np.bincount(inverse, weights=counts).astype(np.int64)
            docs = keys // n_terms
            rows.append(pd.DataFrame({"doc_id": data["doc_ids"][docs], "term_id": keys % n_terms, "count": summed,
                                      "doc_tokens": data["tokens"][docs]}))
    per_doc = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    return totals, doc_freq, per_doc


def _run(parts: list[Partition], merger: _Merger, *, workers: int, scheduler: str | None, on_error: OnError,
         progress: bool) -> None:
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(p.size for p in parts), unit="B", unit_scale=True, unit_divisor=1000,
                   desc="counting", file=sys.stderr, dynamic_ncols=True)

    def done(result: PartitionCounts) -> None:
        merger.add(result)
        if bar is not None:
            bar.update(result.n_bytes)
            bar.set_postfix(docs=merger.n_docs, refresh=False)

    try:
        if scheduler:
            _run_dask(parts, done, scheduler=scheduler, workers=workers, on_error=on_error)
        elif workers <= 1 or len(parts) == 1:
            for part in parts:
                done(count_partition(part, on_error=on_error))
        else:
            import multiprocessing as mp
            from functools import partial

            with mp.get_context("fork" if sys.platform.startswith("linux") else "spawn").Pool(workers) as pool:
                try:
                    for result in pool.imap_unordered(partial(count_partition, on_error=on_error), parts):
                        done(result)
                except KeyboardInterrupt:
                    pool.terminate()
                    raise
    finally:
        if bar is not None:
            bar.close()


def _run_dask(parts: list[Partition], done, *, scheduler: str, workers: int, on_error: OnError) -> None:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(count_partition, parts, on_error=on_error, pure=False)
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
    parts = partitions(path, target_bytes=partition_bytes, text_column=text_column, id_column=id_column,
                       encoding=encoding)
    with tempfile.TemporaryDirectory(prefix="qaani-count-") as tmp:
        merger = _Merger(Path(tmp))
        _run(parts, merger, workers=workers, scheduler=scheduler, on_error=on_error, progress=progress)
        vocab = _vocabulary_terms(merger, merge_variants=merge_variants)
        totals, doc_freq, per_doc = _aggregate(merger, vocab, by_doc=by_doc)
    terms = vocab.drop_duplicates("term_id").set_index("term_id")["term"].sort_index()
    labels = _labels(merger, vocab)
    if by_doc:
        table = pd.DataFrame({"doc_id": per_doc["doc_id"].astype(str), "term": terms.to_numpy()[per_doc.term_id],
                              "count": per_doc["count"].astype("int64")})
        table["per_1000"] = 1000 * table["count"] / per_doc["doc_tokens"]
        table["doc_freq"] = doc_freq[per_doc.term_id]
        table.insert(2, "label", table.term.map(labels).fillna(table.term))
        table = table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True])
    else:
        used = totals > 0
        table = pd.DataFrame({"term": terms.to_numpy()[used], "count": totals[used]})
        table["per_1000"] = 1000 * table["count"] / max(merger.n_tokens, 1)
        table["doc_freq"] = doc_freq[used]
        table.insert(1, "label", table.term.map(labels).fillna(table.term))
        table = table.sort_values(["count", "term"], ascending=[False, True])
    table = table.reset_index(drop=True)
    table.attrs.update(n_docs=merger.n_docs, n_tokens=merger.n_tokens, n_bytes=merger.n_bytes,
                       seconds=time.perf_counter() - started,
                       skipped=pd.DataFrame(merger.skipped, columns=["file", "reason"]))
    return table
