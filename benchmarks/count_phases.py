"""Where the streaming counter's time and memory go: one run, phase by phase.

Usage:
    python benchmarks/count_phases.py PATH [--workers 2]

Runs the steps of :func:`analysis.stream.count_stream` one after the other on a corpus (a
folder of ``.txt`` files or JSON lines) and prints, for each phase, the wall time, the CPU
time of this (the main) process, and its resident memory at the end of the phase and at
its peak so far:

* ``listing``: the partitions (for a folder: the files and their sizes);
* ``counting``: the workers read and count, this process merges their results (and
  imports pandas and the lexicon meanwhile); the workers' CPU time is printed beside;
* ``vocabulary``: terms, clitics, stopwords and aliases of the merged vocabulary;
* ``frequencies``: totals and document frequencies;
* ``table``: labels and the sorted output table;
* ``csv``: writing the CSV (to a temporary folder).

The phases add up to what ``python -m analysis count`` does after it has started (the
interpreter's start and the imports, about 0.1 s, are printed first).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="a folder of .txt files or a .jsonl file")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    from analysis.__main__ import _write_csv
    from analysis.count_merge import Merger, aggregate
    from analysis.reader import partitions
    from analysis.stream import _run, _without_cyclic_gc

    rows = []
    clock = {"wall": STARTED, "cpu": 0.0}

    def lap(name: str, extra: str = "") -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = usage.ru_utime + usage.ru_stime
        now = time.perf_counter()
        status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines()
                      if line.startswith(("VmRSS", "VmHWM"))) if Path("/proc/self/status").exists() else {}
        mb = {key: int(value.split()[0]) / 1024 for key, value in status.items()}
        rows.append((name, now - clock["wall"], cpu - clock["cpu"], mb.get("VmRSS", 0), mb.get("VmHWM", 0), extra))
        clock.update(wall=now, cpu=cpu)

    from analysis.heap import steady_heap

    steady_heap()                           # as the command line does
    lap("start and imports")
    parts = partitions(args.path, target_bytes=4 << 20, number_lines=False)
    lap("listing", f"{len(parts)} partitions")
    with tempfile.TemporaryDirectory(prefix="qaani-phases-") as tmp:
        merger = Merger(Path(tmp))
        _run(parts, merger, workers=args.workers, scheduler=None, on_error="skip", progress=False)
        merger.finish()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        lap("counting", f"workers' CPU {children.ru_utime + children.ru_stime:.2f} s; "
                        f"{merger.n_docs} documents, {len(merger.norm_ids)} normalized forms")
        from analysis.count_table import count_table, vocabulary_terms

        with _without_cyclic_gc():
            vocab, terms = vocabulary_terms(merger, merge_variants=True, processes=args.workers)
            lap("vocabulary", f"{vocab['term_id'].max() + 1} terms")
            totals, doc_freq, per_doc = aggregate(merger, vocab, by_doc=False)
            lap("frequencies")
            table = count_table(merger, vocab, terms, totals, doc_freq, per_doc, by_doc=False)
            lap("table", f"{len(table)} rows (their strings are made as the CSV is written)")
        _write_csv(table, Path(tmp) / "terms.csv", processes=args.workers)
        lap("csv")
    print(f"{args.path} ({args.workers} workers)")
    print(f"{'phase':<20}{'wall s':>8}{'main CPU s':>12}{'RSS MB':>9}{'peak MB':>9}  notes")
    for name, wall, cpu, rss, peak, extra in rows:
        print(f"{name:<20}{wall:>8.2f}{cpu:>12.2f}{rss:>9.0f}{peak:>9.0f}  {extra}")
    print(f"{'total':<20}{sum(r[1] for r in rows):>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
