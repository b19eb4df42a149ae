"""Count terms in corpora too large for memory: streamed, in parallel, or on a Dask cluster.

The corpus is cut into partitions (:func:`analysis.reader.partitions`: groups of files,
byte ranges of a JSON-lines file, archive members).  Each partition is read and counted
on its own by :func:`analysis.count_worker.count_partition` — in this process, in a pool
of processes, or on Dask workers — over the counted text of each document
(:func:`analysis.tokenize.counted_text`, the same definition as the token table's), each
distinct surface form normalized once per worker.  :mod:`analysis.count_merge` merges the
results as they arrive; only then, on the whole vocabulary, does
:func:`analysis.vocabulary.term_table` decide each form's term and flags, the function
the token table uses (:mod:`analysis.count_table`), and :func:`stream_counts` gives the rows
in order with their strings still compact (the command line writes them a block at a
time).  So the result equals
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
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .count_merge import Merger, aggregate
from .count_worker import PartitionCounts, _WORKERS, count_partition, count_spilled
from .forked import died_error, process_context, stop_executor
from .lexicon import zipf_many
from .reader import OnError, Partition, numbered_partitions, partitions, repeated_ids_error
from .stopwords import arabic_stopwords

if TYPE_CHECKING:
    import pandas as pd

    from .count_table import CountedTerms


def _run(parts: list[Partition], merger: Merger, *, workers: int, scheduler: str | None, on_error: OnError,
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
            for index, part in enumerate(numbered_partitions(parts)):
                done(count_partition(part, on_error=on_error, job=job, index=index))
            _WORKERS.pop(job, None)
        else:
            _run_processes(parts, merger, done, workers=workers, on_error=on_error, job=job)
    finally:
        if bar is not None:
            bar.close()
    if merger.waiting:                      # never drop a result silently
        raise RuntimeError(f"{len(merger.waiting)} partition results could not be merged: a worker's earlier "
                           "result is missing")


def _run_processes(parts: list[Partition], merger: Merger, done, *, workers: int, on_error: OnError,
                   job: str) -> None:
    """Count the partitions in ``workers`` processes, a few tasks ahead of the results.

    The workers are forked when the first tasks are submitted, before this process starts
    a thread; then a thread loads what the vocabulary step needs while they count.  An
    executor, not a ``multiprocessing.Pool``: a worker that dies (killed, out of memory)
    is an error here, where a Pool would wait for its result for ever.  On any error and on
    Ctrl-C the workers are stopped at once."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial
    from itertools import islice

    # numbered as they are handed out (the line numbers of JSON-lines ranges)
    tasks = ((i, part, str(merger.folder / f"worker{i:06d}.pickle"))
             for i, part in enumerate(numbered_partitions(parts)))
    count = partial(count_spilled, on_error=on_error, job=job)
    executor = ProcessPoolExecutor(workers, mp_context=process_context())
    pending: set = set()

    def submit_more() -> None:
        for task in islice(tasks, max(0, 2 * workers - len(pending))):
            pending.add(executor.submit(count, task))

    loader = None
    try:
        submit_more()
        loader = threading.Thread(target=_load_vocabulary_resources, name="qaani-resources", daemon=True)
        loader.start()
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                done(future.result())
            submit_more()
    except BaseException as exc:
        stop_executor(executor)                               # at once, even mid-way through a result
        if isinstance(exc, BrokenProcessPool):
            raise died_error("a counting worker process", "; nothing was written") from None
        raise
    else:
        executor.shutdown(wait=True)
    finally:
        if loader is not None:
            loader.join()


def _load_vocabulary_resources() -> None:
    """Import pandas and the entity tables' module, and load the general-Arabic lexicon and
    the stopwords (cached once loaded): what the vocabulary step needs."""
    import pandas  # noqa: F401

    from . import entities  # noqa: F401

    zipf_many([""])
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
        tasks = [(index, part, None) for index, part in enumerate(parts)]
        futures = client.map(count_spilled, tasks, on_error=on_error, job=job, pure=False)
        for future in as_completed(futures):
            done(future.result())
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def count_stream(path: str | Path, **options) -> pd.DataFrame:
    """Count the terms of a corpus of any size, as :func:`analysis.terms.count_terms` would:
    :func:`stream_counts` (the same options), as one DataFrame.

    Returns
    -------
    pandas.DataFrame
        ``[doc_id,] term, label, count, per_1000, doc_freq``, ordered as ``count_terms``
        orders them.  ``attrs`` holds ``n_docs``, ``n_tokens``, ``n_bytes``, ``seconds``
        and ``skipped`` (tuples of file and reason; as a table:
        :func:`analysis.corpus.skipped_inputs`).
    """
    return stream_counts(path, **options).to_frame()


def stream_counts(
    path: str | Path,
    *,
    by_doc: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    merge_variants: bool = True,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    invalid_bytes: str = "replace",
    on_error: OnError = "raise",
    duplicate_ids: str = "raise",
    partition_bytes: int = 4 << 20,
    progress: bool = True,
) -> CountedTerms:
    """Count the terms of a corpus of any size, as :func:`analysis.terms.count_terms` would,
    the rows in order with their strings still compact: :meth:`CountedTerms.column` makes
    the strings of a block of rows (what the command line writes, so memory stays bounded
    by the vocabulary's compact form), :meth:`CountedTerms.to_frame` the DataFrame that
    :func:`count_stream` returns.

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
    text_column, id_column, encoding, invalid_bytes, on_error, duplicate_ids
        As in :func:`analysis.corpus.load_corpus`: a repeated document id is an error
        naming it and its sources (found when counting ends), or with ``"number"`` the
        copies are counted as documents ``"<id>#2"``...
    partition_bytes : int
        Target size of a partition.
    progress : bool, default True
        Show a progress bar (bytes, MB/s and documents) on standard error.

    Returns
    -------
    analysis.count_table.CountedTerms
        The rows ``[doc_id,] term, label, count, per_1000, doc_freq`` in ``count_terms``'s
        order, with ``n_docs``, ``n_tokens``, ``n_bytes``, ``seconds`` and ``skipped``.
    """
    if duplicate_ids not in ("raise", "number"):
        raise ValueError(f"duplicate_ids must be 'raise' or 'number', not {duplicate_ids!r}")
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    # the line numbers of JSON-lines ranges are counted as the partitions are handed out
    parts = partitions(path, target_bytes=partition_bytes, text_column=text_column, id_column=id_column,
                       encoding=encoding, invalid_bytes=invalid_bytes, number_lines=False)
    with tempfile.TemporaryDirectory(prefix="qaani-count-") as tmp:
        merger = Merger(Path(tmp))
        _run(parts, merger, workers=workers, scheduler=scheduler, on_error=on_error, progress=progress)
        merger.finish()
        if duplicate_ids == "raise":
            repeated = merger.repeated_ids()
            if repeated:
                raise repeated_ids_error(path, repeated)
        from .count_table import count_table, vocabulary_terms

        with _without_cyclic_gc():
            vocab, terms = vocabulary_terms(merger, merge_variants=merge_variants,
                                            processes=1 if scheduler else workers)
            totals, doc_freq, per_doc = aggregate(merger, vocab, by_doc=by_doc)
            counted = count_table(merger, vocab, terms, totals, doc_freq, per_doc, by_doc=by_doc)
    counted.seconds = time.perf_counter() - started
    return counted


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
