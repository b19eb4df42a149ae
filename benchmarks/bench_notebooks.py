"""Benchmark the notebooks: seconds per notebook and peak memory, on the seeds and on larger corpora.

Usage:
    python benchmarks/bench_notebooks.py [--sizes 100,1000,10000] [--corpus PATH ...]
                                         [--notebooks 01,02] [--repeat 1]

Runs each numbered notebook headless (papermill, a fresh kernel, only ``corpus_path``
and ``output_dir`` set, as a user would) on the seeds, then on corpora generated from
the seeds (``--sizes``: articles recombined from the seeds' paragraphs, six invented
outlets over five months, a vocabulary that grows with the corpus: see
``tests/generated_corpus.py``) and on each real corpus given with ``--corpus`` (a folder
with ``metadata.csv``, a ``.csv`` or a ``.jsonl``; ``../shared/dev_corpus/README.md``
says how to bring the ANT corpus here).  The memory of the papermill process and its
kernel (PSS of the process tree) is sampled every 50 ms.  Prints one table: seconds per
notebook, all notebooks together, how many times the seeds' time that is, and the peak
memory.  Nothing is timed in the tests: this is the benchmark.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_count import run_sampled  # noqa: E402  (benchmarks/ is the script's folder)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def run_notebook(notebook: Path, corpus: Path, scratch: Path) -> dict:
    """Run one notebook on one corpus in a fresh papermill process; seconds and peak PSS."""
    out = scratch / notebook.name
    command = [sys.executable, "-m", "papermill", str(notebook), str(out), "--cwd", str(notebook.parent),
               "--kernel", "python3", "--no-progress-bar", "--log-level", "ERROR",
               "-p", "corpus_path", str(corpus), "-p", "output_dir", str(scratch / "figures")]
    returncode, _, err, seconds, peak, _ = run_sampled(command)
    if returncode != 0:
        lines = [line for line in err.strip().splitlines() if line.strip()]
        return {"error": lines[-1] if lines else "failed"}
    return {"seconds": seconds, "peak_mb": peak / 1e6}


def documents(corpus: Path) -> int:
    from analysis import load_corpus

    return len(load_corpus(corpus, on_error="skip"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="generated corpora to run, in articles (comma-separated; '' for none)")
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="a real corpus (repeatable)")
    parser.add_argument("--notebooks", default="", help="numbers of the notebooks to run, e.g. 01,02 (default all)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each notebook; the fastest is reported")
    parser.add_argument("--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "qaani-bench")
    args = parser.parse_args()

    wanted = set(filter(None, args.notebooks.split(",")))
    notebooks = [nb for nb in NOTEBOOKS if not wanted or nb.name[:2] in wanted]
    args.data_dir.mkdir(parents=True, exist_ok=True)
    corpora: list[tuple[str, Path]] = [("seeds", ROOT / "seeds")]
    for size in filter(None, args.sizes.split(",")):
        path = args.data_dir / f"generated_{int(size)}.jsonl"
        if not path.exists():
            from tests.generated_corpus import write_generated_corpus

            print(f"generating {path} ...", file=sys.stderr)
            write_generated_corpus(path, int(size))
        corpora.append((f"generated {int(size):,}", path))
    corpora += [(path.name, path) for path in args.corpus]

    rows = []
    for name, path in corpora:
        n_docs = documents(path)
        with tempfile.TemporaryDirectory(dir=args.data_dir) as scratch:
            times, peak, failed = {}, 0.0, ""
            for notebook in notebooks:
                runs = []
                for round_no in range(args.repeat):
                    print(f"{name}: {notebook.stem} ({round_no + 1}/{args.repeat}) ...", file=sys.stderr)
                    runs.append(run_notebook(notebook, path, Path(scratch)))
                good = [r for r in runs if "error" not in r]
                if not good:
                    failed = f"{notebook.stem}: {runs[0]['error']}"
                    break
                times[notebook.stem] = min(r["seconds"] for r in good)
                peak = max(peak, max(r["peak_mb"] for r in good))
        rows.append({"corpus": name, "documents": n_docs, "times": times, "peak_mb": peak, "failed": failed})

    seeds_total = sum(rows[0]["times"].values()) if not rows[0]["failed"] else None
    header = f"{'corpus':<20}{'articles':>9}" + "".join(f"{nb.stem[:2]:>8}" for nb in notebooks)
    print("\n" + header + f"{'all':>8}{'x seeds':>9}{'peak MB':>9}")
    for row in rows:
        if row["failed"]:
            print(f"{row['corpus']:<20}{row['documents']:>9}  failed: {row['failed']}")
            continue
        total = sum(row["times"].values())
        ratio = f"{total / seeds_total:.1f}" if seeds_total else ""
        print(f"{row['corpus']:<20}{row['documents']:>9,}" + "".join(f"{row['times'][nb.stem]:>8.1f}" for nb in notebooks)
              + f"{total:>8.1f}{ratio:>9}{row['peak_mb']:>9.0f}")
    print("seconds per notebook (papermill, fresh kernel, start-up included); peak memory: PSS of papermill and "
          "its kernel")
    return 0 if all(not row["failed"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
