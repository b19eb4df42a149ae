"""The command line: ``python -m analysis count PATH --out terms.csv``.

Counts terms with the notebooks' normalization, stopwords, clitic splitting and entity
merging (:func:`analysis.stream.count_stream`), writing the columns of the notebooks' term
table.  ``python -m analysis count --help`` lists the options.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import gc
import io
import os
import shutil
import sys
from pathlib import Path


#: Rows of the output encoded and written at a time.
CSV_BLOCK_ROWS = 20_000
#: From this many rows on, the output is written by several processes (one share each).
CSV_PARALLEL_ROWS = 100_000


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    count = commands.add_parser("count", help="count terms of a corpus of any size",
                                description="Count terms (term, label, count, per_1000, doc_freq) of a folder "
                                            "of .txt files, a .jsonl/.csv file, or a .zip/.gz of these.")
    count.add_argument("path", type=Path, help="folder, .jsonl, .csv, .zip or .gz")
    count.add_argument("--out", type=Path, required=True, help="CSV to write (UTF-8 with BOM)")
    count.add_argument("--by-doc", action="store_true", help="count per document (adds doc_id)")
    count.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    count.add_argument("--scheduler", default=None,
                       help="Dask scheduler address, or 'local' for a LocalCluster (needs requirements-scale.txt)")
    count.add_argument("--text-column", default="text", help="text column of a CSV / key of JSON lines")
    count.add_argument("--id-column", default=None, help="document id column (default: file and line)")
    count.add_argument("--encoding", default=None, help="decode every file with this codec")
    count.add_argument("--on-error", choices=["raise", "skip"], default="raise",
                       help="stop at a bad input (default) or skip it and list it in OUT.skipped.csv")
    count.add_argument("--invalid-bytes", choices=["replace", "error"], default="replace",
                       help="a UTF-8 file with a few invalid bytes: load it with U+FFFD (default) or refuse it")
    count.add_argument("--duplicate-ids", choices=["raise", "number"], default="raise",
                       help="a repeated document id is an error (default), or its copies become ID#2, ID#3...")
    count.add_argument("--no-merge", action="store_true", help="do not merge entity variants (aliases.csv)")
    count.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    from .heap import steady_heap
    from .reader import CorpusError

    steady_heap()                   # before the workers fork: they keep their freed blocks too
    from .stream import stream_counts

    try:
        table = stream_counts(args.path, by_doc=args.by_doc, workers=args.workers, scheduler=args.scheduler,
                             merge_variants=not args.no_merge, text_column=args.text_column,
                             id_column=args.id_column, encoding=args.encoding, on_error=args.on_error,
                             duplicate_ids=args.duplicate_ids, invalid_bytes=args.invalid_bytes,
                             progress=not args.no_progress and sys.stderr.isatty())
    except KeyboardInterrupt:
        print("interrupted: nothing written", file=sys.stderr)
        return 130
    except (CorpusError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    import pandas as pd

    from .corpus import SKIPPED_COLUMNS

    _write_csv(table, args.out, processes=args.workers or os.cpu_count() or 1)
    mb = table.n_bytes / 1e6
    print(f"{table.n_docs} documents, {table.n_tokens} tokens, {mb:.1f} MB in {table.seconds:.1f} s "
          f"({mb / max(table.seconds, 1e-9):.1f} MB/s); {len(table)} rows written to {args.out}", file=sys.stderr)
    skipped = pd.DataFrame(list(table.skipped), columns=SKIPPED_COLUMNS)
    if len(skipped):
        skipped_path = args.out.with_suffix(".skipped.csv")
        _write_csv(skipped, skipped_path)
        print(f"{len(skipped)} inputs skipped, listed in {skipped_path}", file=sys.stderr)
    return 0


def _write_csv(table, path: Path, *, processes: int = 1) -> None:
    """Write ``table`` as ``table.to_csv(index=False, encoding="utf-8-sig")`` would, atomically
    (:func:`analysis.files.write_atomic`).  ``table``: a DataFrame, or a streamed count
    (:class:`analysis.count_table.CountedTerms`), whose strings are made a block at a time.

    The csv module writes the rows (the same dialect and the same shortest float repr,
    tested), in half the time on a large vocabulary, into memory a block of rows at a time,
    each block encoded and written at once (writing row by row to a file encodes each row
    on its own).  With ``processes`` > 1 and at least :data:`CSV_PARALLEL_ROWS` rows, the
    rows are cut into that many shares, each written to its own file by a forked process
    (:func:`analysis.forked.map_forked`), and the files joined in order.  A table with
    missing values goes to pandas."""
    def write(tmp: Path) -> None:
        if isinstance(table, pd.DataFrame) and table.isna().to_numpy().any():
            table.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n")
            return
        with tmp.open("wb") as handle:
            handle.write(codecs.BOM_UTF8)
            block = io.StringIO()
            csv.writer(block, lineterminator="\n").writerow(table.columns)
            handle.write(block.getvalue().encode("utf-8"))
        shares = processes if processes > 1 and len(table) >= CSV_PARALLEL_ROWS else 1
        bounds = [len(table) * i // shares for i in range(shares + 1)]
        parts = [tmp] + [tmp.with_name(f"{tmp.name}.part{i}") for i in range(1, shares)]
        try:
            map_forked(_write_rows, [(table, start, stop, part) for start, stop, part in
                                     zip(bounds, bounds[1:], parts)], processes=shares)
            with tmp.open("ab") as handle:
                for part in parts[1:]:
                    with part.open("rb") as piece:
                        shutil.copyfileobj(piece, handle, 1 << 20)
        finally:
            for part in parts[1:]:
                part.unlink(missing_ok=True)

    import pandas as pd

    from .files import write_atomic
    from .forked import map_forked

    write_atomic(path, write)


def _write_rows(task) -> None:
    """Append rows ``start:stop`` of a table to a file, a block at a time (csv module, UTF-8)."""
    table, start, stop, path = task
    with path.open("ab") as handle:
        block = io.StringIO()
        writer = csv.writer(block, lineterminator="\n")
        for at in range(start, stop, CSV_BLOCK_ROWS):
            end = min(at + CSV_BLOCK_ROWS, stop)
            if hasattr(table, "iloc"):
                rows = table.iloc[at:end]
                writer.writerows(zip(*(rows[column].tolist() for column in table.columns)))
            else:                                               # a streamed count: strings made here
                writer.writerows(zip(*(table.column(column, at, end) for column in table.columns)))
            handle.write(block.getvalue().encode("utf-8"))
            block.seek(0)
            block.truncate()


def run() -> None:
    """The command's entry point: :func:`main`, then exit.  The process ends with a large
    vocabulary in memory; the collector need not walk it once more on the way out (0.15 s)."""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
