"""Benchmark term counting on a generated Arabic corpus: throughput (MB/s) and peak memory.

Usage:
    python benchmarks/bench_count.py --size-mb 200 [--workers 2] [--repeat 3] [--skip camel,pandas]

Generates (once, cached in --data-dir) a JSON-lines corpus of the given size shaped like
scraped news (a headline and its ``title`` field, six paragraphs of the seed articles'
bodies, sometimes a line of web residue), perturbed so that the vocabulary keeps growing
(new word forms at a Heaps'-law rate), then runs each pipeline in a fresh process on the same file, sampling
the resident memory of the process and its children every 50 ms:

* ``workbook``: ``python -m analysis count`` (boilerplate, normalization, clitics,
  stopwords, entity merging; all cores);
* ``plain_python``: the best plain-Python single process (str.replace chain, one
  compiled regex, collections.Counter), normalization only;
* ``pyarabic``: PyArabic's strip_tashkeel/strip_tatweel/normalize_hamza + araby.tokenize;
* ``camel``: CAMeL Tools' normalize_unicode, dediac_ar, normalize_alef_*, and
  simple_word_tokenize (``make bench`` installs camel-tools without its model
  dependencies, torch and transformers, which these functions do not use);
* ``pandas``: a naive pandas pipeline (str.replace, str.findall, explode, value_counts).

Each pipeline runs ``--repeat`` times (default 3), the pipelines taking turns so that all
see the same drift in the machine's speed, and the fastest run is reported: the machine's
other load only ever slows a run down.  Prints one table (seconds, MB/s, peak
memory as PSS, how much faster the workbook is).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# --- the corpus ---------------------------------------------------------------------------

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
SUFFIXES = ["", "ه", "ها", "هم", "ات", "ين", "ون", "ية"]


WORD_RE = re.compile(r"^(\W*)(.*?)(\W*)$")
#: Web residue some pages carry after the article (one line each).
RESIDUE = ["آخر الأخبار", "مقالات ذات صلة", "اقرأ أيضا", "شارك هذا المقال"]


def generate(path: Path, size_mb: int, seed: int = 7) -> None:
    """Write ``size_mb`` MB of JSON lines shaped like scraped news: a headline (also in a
    ``title`` field), six paragraphs of the seeds' article bodies, sometimes a line of web
    residue; ~8% of words are replaced by new forms from a vocabulary that grows with the
    corpus (Heaps' law), their punctuation kept so a paragraph still ends as it did."""
    sys.path.insert(0, str(ROOT))
    from analysis import load_corpus

    rng = random.Random(seed)
    corpus = load_corpus(SEEDS)
    headlines = [t for t in corpus["title"] if t]
    paragraphs = [p.strip() for body in corpus["body"] for p in body.split("\n") if len(p.split()) > 8]
    invented: list[str] = []

    def perturb(text: str) -> str:
        words = []
        for word in text.split():
            if rng.random() < 0.08:
                if not invented or rng.random() < 2.0 / (1 + len(invented)) ** 0.35:
                    stem = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 6)))
                    invented.append(stem + rng.choice(SUFFIXES))
                lead, _, trail = WORD_RE.match(word).groups()
                word = lead + rng.choice(invented) + trail
            words.append(word)
        return " ".join(words)

    target = size_mb * 1_000_000
    written = 0
    n = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            title = perturb(rng.choice(headlines))
            lines = [title] + [perturb(p) for p in rng.sample(paragraphs, 6)]
            if rng.random() < 0.3:
                lines.append(rng.choice(RESIDUE))
            line = json.dumps({"id": f"doc{n}", "title": title, "text": "\n".join(lines)}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1


# --- the pipelines (each runs in its own process: python bench_count.py --run NAME FILE) ----

def texts(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]


def run_plain_python(path: Path) -> int:
    from collections import Counter

    token = re.compile(r"[^\W_\u0640]+")
    marks = re.compile("[\u064b-\u065f\u0670\u0640\u200c-\u200f]")
    counts: Counter[str] = Counter()
    for text in texts(path):
        for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("\u00a0", " ")):
            text = text.replace(a, b)
        counts.update(token.findall(marks.sub("", text)))
    return len(counts)


def run_pyarabic(path: Path) -> int:
    from collections import Counter

    from pyarabic import araby

    counts: Counter[str] = Counter()
    for text in texts(path):
        text = araby.normalize_hamza(araby.strip_tatweel(araby.strip_tashkeel(text)), method="tasheel")
        counts.update(araby.tokenize(text))
    return len(counts)


def run_camel(path: Path) -> int:
    from collections import Counter

    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar, normalize_alef_maksura_ar, normalize_unicode,
    )

    counts: Counter[str] = Counter()
    for text in texts(path):
        text = normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(text))))
        counts.update(simple_word_tokenize(text))
    return len(counts)


def run_pandas(path: Path) -> int:
    import pandas as pd

    frame = pd.read_json(path, lines=True)
    text = frame["text"].str.replace("[\u064b-\u065f\u0670\u0640]", "", regex=True)
    text = text.str.replace("[أإآ]", "ا", regex=True).str.replace("ى", "ي")
    counts = text.str.findall(r"[^\W_]+").explode().value_counts()
    return len(counts)


def run_workbook(path: Path, workers: int) -> int:
    out = path.with_suffix(".terms.csv")
    subprocess.run([sys.executable, "-m", "analysis", "count", str(path), "--out", str(out), "--workers", str(workers),
                    "--no-progress"], check=True)
    return sum(1 for _ in out.open(encoding="utf-8-sig")) - 1


# --- measuring ------------------------------------------------------------------------------

def tree_rss(pid: int) -> int:
    """Memory of a process and all its descendants, in bytes (Linux /proc): the
    proportional set size (PSS), so pages that forked workers share with their parent
    are counted once, not once per process.  The tree is walked through each thread's
    ``children`` file, not by listing all of /proc, so sampling costs the measured
    pipelines (which use every core) almost nothing."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        base = Path("/proc") / str(current)
        try:
            for line in (base / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
            for task in (base / "task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            pass
    return total


def measure(name: str, path: Path, workers: int) -> dict:
    process = subprocess.Popen([sys.executable, __file__, "--run", name, str(path), "--workers", str(workers)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    started = time.perf_counter()

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = process.communicate()
    sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        return {"name": name, "error": (err.strip().splitlines() or ["failed"])[-1]}
    return {"name": name, "seconds": seconds, "peak_mb": peak / 1e6, "vocabulary": int(out.strip() or 0)}


def best_of(runs: list[dict]) -> dict:
    """The fastest of a pipeline's runs (the least disturbed by other load on the machine),
    with the highest memory peak seen."""
    good = [r for r in runs if "error" not in r]
    if not good:
        return runs[0]
    best = min(good, key=lambda r: r["seconds"])
    return {**best, "peak_mb": max(r["peak_mb"] for r in good), "all": [r["seconds"] for r in good]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each pipeline; the fastest is reported")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/qaani-bench"))
    parser.add_argument("--skip", default="", help="comma-separated pipelines to leave out")
    parser.add_argument("--run", nargs=2, metavar=("NAME", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        name, file = args.run
        runner = {"plain_python": run_plain_python, "pyarabic": run_pyarabic, "camel": run_camel,
                  "pandas": run_pandas}.get(name)
        print(runner(Path(file)) if runner else run_workbook(Path(file), args.workers))
        return 0

    args.data_dir.mkdir(parents=True, exist_ok=True)
    corpus = args.data_dir / f"news_{args.size_mb}mb.jsonl"
    if not corpus.exists():
        print(f"generating {corpus} ...", file=sys.stderr)
        generate(corpus, args.size_mb)
    mb = corpus.stat().st_size / 1e6
    skip = set(filter(None, args.skip.split(",")))
    names = [n for n in ("workbook", "plain_python", "pyarabic", "camel", "pandas") if n not in skip]
    # the pipelines take turns, so that each sees the same drift in the machine's speed
    runs: dict[str, list[dict]] = {name: [] for name in names}
    for round_no in range(1, args.repeat + 1):
        for name in names:
            print(f"run {round_no}/{args.repeat}: {name} ...", file=sys.stderr)
            runs[name].append(measure(name, corpus, args.workers))
    results = [best_of(runs[name]) for name in names]
    ours = next((r for r in results if r["name"] == "workbook" and "seconds" in r), None)
    print(f"\ncorpus: {corpus.name}, {mb:.0f} MB; {os.cpu_count()} cores; workers for the workbook: {args.workers}; "
          f"best of {args.repeat} runs")
    print(f"{'pipeline':<14}{'seconds':>9}{'MB/s':>8}{'peak PSS MB':>13}{'vocabulary':>12}{'workbook is':>14}")
    for r in results:
        if "error" in r:
            print(f"{r['name']:<14}  not run: {r['error']}")
            continue
        ratio = ""
        if ours and r is not ours:
            times = r["seconds"] / ours["seconds"]
            ratio = f"{times:.1f}x faster" if times >= 1 else f"{1 / times:.1f}x slower"
        print(f"{r['name']:<14}{r['seconds']:>9.1f}{mb / r['seconds']:>8.1f}{r['peak_mb']:>13.0f}"
              f"{r['vocabulary']:>12}{ratio:>14}")
    for r in results:
        if "all" in r:
            print(f"  {r['name']}: runs took " + ", ".join(f"{s:.1f}" for s in r["all"]) + " s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
