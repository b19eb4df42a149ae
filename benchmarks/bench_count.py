"""Benchmark term counting on a generated Arabic corpus: throughput (MB/s) and peak memory.

Usage:
    python benchmarks/bench_count.py --size-mb 200 [--workers 2] [--repeat 3] [--skip camel,pandas]
    python benchmarks/bench_count.py --corpus PATH [...]      # a real corpus: folder of .txt or .jsonl
    python benchmarks/bench_count.py --calibrate PATH         # Heaps' law of a corpus (and of the generator)
    python benchmarks/bench_count.py --size-mb 150 --distinct-forms 1000000   # memory with a million forms

Without ``--corpus``, generates (once, cached in --data-dir) a JSON-lines corpus of the given
size shaped like scraped news (a headline and its ``title`` field, six paragraphs of the
seed articles' bodies, sometimes a line of web residue) whose vocabulary grows as real
news does: Heaps' law V(n) = K n^beta with K and beta measured on the ANT corpus (31,525
articles of five outlets; ``--calibrate`` measures them on any corpus).  With ``--corpus``
it runs on your corpus as given and in the other form (a folder is also written as JSON
lines, a JSON-lines file also as a folder, in --data-dir), so both reading paths are
measured.  Each pipeline runs in a fresh process, timed with nothing beside it; one more
run samples the memory (PSS) of the process and its children every 50 ms:

* ``workbook``: ``python -m analysis count`` (boilerplate, normalization, clitics,
  stopwords, entity merging; all cores);
* ``plain_python``: the best plain-Python single process (str.replace chain, one
  compiled regex, collections.Counter), normalization only;
* ``plain_2proc``: the plain loop in two processes (read, ``str.translate``, one regex,
  ``Counter``; the counters merged), the baseline the workbook must beat twice over;
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
SUFFIXES = ["", "ه", "ها", "هم", "ات", "ين", "ون", "ية", "ة"]
#: Proclitics an invented form may carry, as in real news (وقال, بالعراق, للحكومة).
PREFIXES = ["", "", "", "ال", "ال", "و", "وال", "بال", "لل", "ف", "ب"]
#: Heaps' law of the ANT corpus (31,525 articles of five outlets: 230,859 distinct
#: written forms, 7.9 million tokens), measured with ``--calibrate`` on 2026-12-02: V(n) = K n^beta.
HEAPS_K, HEAPS_BETA = 126.5, 0.475
#: Share of the words that come from the invented vocabulary (new forms and forms
#: invented earlier, reused with a Zipf-like preference for the early, frequent ones).
INVENTED_SHARE = 0.3


WORD_RE = re.compile(r"^(\W*)(.*?)(\W*)$")
#: Web residue some pages carry after the article (one line each).
RESIDUE = ["آخر الأخبار", "مقالات ذات صلة", "اقرأ أيضا", "شارك هذا المقال"]


def generate(path: Path, size_mb: int, seed: int = 7, *, distinct_forms: int | None = None) -> None:
    """Write ``size_mb`` MB of JSON lines shaped like scraped news: a headline (also in a
    ``title`` field), six paragraphs of the seeds' article bodies, sometimes a line of web
    residue.  Token ``n`` is a form never seen before with probability ``K beta n^(beta-1)``
    (the slope of Heaps' law), so the vocabulary grows as :data:`HEAPS_K`,
    :data:`HEAPS_BETA` say real news grows; otherwise :data:`INVENTED_SHARE` of the words
    are earlier invented forms, the rest the seeds' words.  Punctuation stays, so a
    paragraph still ends as it did.  With ``distinct_forms``, K is raised (beta kept) so
    that the corpus ends with about that many distinct forms: a stress test of memory,
    not a corpus shaped like news."""
    sys.path.insert(0, str(ROOT))
    from analysis import load_corpus

    rng = random.Random(seed)
    corpus = load_corpus(SEEDS)
    headlines = [t for t in corpus["title"] if t]
    paragraphs = [p.strip() for body in corpus["body"] for p in body.split("\n") if len(p.split()) > 8]
    base = len({w for p in paragraphs + headlines for w in p.split()})
    invented: list[str] = []
    n_tokens = 0
    heaps_k = HEAPS_K
    if distinct_forms:                      # about 11 bytes of JSON per token in this corpus
        heaps_k = distinct_forms / (size_mb * 1_000_000 / 11) ** HEAPS_BETA

    def perturb(text: str) -> str:
        nonlocal n_tokens
        words = []
        for word in text.split():
            n_tokens += 1
            p_new = heaps_k * HEAPS_BETA * n_tokens ** (HEAPS_BETA - 1)
            if base + len(invented) < heaps_k * n_tokens ** HEAPS_BETA and rng.random() < min(1.0, 2 * p_new):
                stem = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))
                invented.append(rng.choice(PREFIXES) + stem + rng.choice(SUFFIXES))
                new = invented[-1]
            elif invented and rng.random() < INVENTED_SHARE:
                new = invented[int(len(invented) * rng.random() ** 3)]
            else:
                words.append(word)
                continue
            lead, _, trail = WORD_RE.match(word).groups()
            words.append(lead + new + trail)
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


def heaps(path: Path) -> dict:
    """Heaps' law of a corpus (folder or JSON lines): V(n) = K n^beta fitted on the
    distinct written forms after every 1,000 documents, and the share of new forms among
    the last tenth of the tokens."""
    import numpy as np

    sys.path.insert(0, str(ROOT))
    from analysis.tokenize import TokenScanner

    scanner, points, n = TokenScanner(), [], 0
    for i, text in enumerate(texts(path), start=1):
        n += len(scanner.scan([text])[2])
        if i % 1000 == 0:
            points.append((n, len(scanner)))
    points.append((n, len(scanner)))
    tokens, forms = np.array(points, dtype=float).T
    beta, log_k = np.polyfit(np.log(tokens), np.log(forms), 1)
    tail = max(1, len(points) // 10)
    new_share = (forms[-1] - forms[-1 - tail]) / max(tokens[-1] - tokens[-1 - tail], 1) if len(points) > tail else 1.0
    return {"documents": i, "tokens": int(n), "forms": int(forms[-1]), "K": float(np.exp(log_k)), "beta": float(beta),
            "new_share": float(new_share)}


# --- the pipelines (each runs in its own process: python bench_count.py --run NAME FILE) ----

def texts(path: Path):
    """The texts of a JSON-lines file (key ``text``) or of a folder's ``.txt`` files."""
    if path.is_dir():
        for file in sorted(path.rglob("*.txt")):
            yield file.read_text(encoding="utf-8")
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]


#: The plain loop's normalization: one translate table (hamza forms, alef maqsura, no-break
#: space; harakat, tatweel and format marks deleted) and one token regex.
PLAIN_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "\u00a0": " ",
                             **{chr(c): None for c in [*range(0x64B, 0x660), 0x670, 0x640, *range(0x200C, 0x2010)]}})
PLAIN_TOKEN = re.compile(r"[^\W_]+")


def _plain_count(chunk: tuple[bool, list]):
    from collections import Counter

    files, items = chunk
    counts: Counter[str] = Counter()
    for item in items:
        text = Path(item).read_text(encoding="utf-8") if files else json.loads(item)["text"]
        counts.update(PLAIN_TOKEN.findall(text.translate(PLAIN_TABLE)))
    return counts


def run_plain_2proc(path: Path) -> int:
    """The plain loop in two processes: the files (or JSON lines) in two halves, each process
    reading, translating, tokenizing and counting its half; the two counters summed."""
    import multiprocessing as mp
    from collections import Counter

    if path.is_dir():
        items = [str(p) for p in sorted(path.rglob("*.txt"))]
    else:
        items = [line for line in path.read_bytes().decode("utf-8").split("\n") if line.strip()]
    half = (len(items) + 1) // 2
    chunks = [(path.is_dir(), items[:half]), (path.is_dir(), items[half:])]
    total: Counter[str] = Counter()
    with mp.get_context("fork").Pool(2) as pool:
        for counts in pool.imap_unordered(_plain_count, chunks):
            total.update(counts)
    return len(total)


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

    frame = pd.read_json(path, lines=True) if not path.is_dir() else pd.DataFrame({"text": list(texts(path))})
    text = frame["text"].str.replace("[\u064b-\u065f\u0670\u0640]", "", regex=True)
    text = text.str.replace("[أإآ]", "ا", regex=True).str.replace("ى", "ي")
    counts = text.str.findall(r"[^\W_]+").explode().value_counts()
    return len(counts)


def workbook_command(path: Path, workers: int) -> tuple[list[str], Path]:
    """The workbook's command line on ``path``, and the CSV it writes."""
    out = (path.parent / f"{path.name}.terms.csv") if path.is_dir() else path.with_suffix(".terms.csv")
    return [sys.executable, "-m", "analysis", "count", str(path), "--out", str(out), "--workers", str(workers),
            "--no-progress", "--on-error", "skip"], out


def run_workbook(path: Path, workers: int) -> int:
    command, out = workbook_command(path, workers)
    subprocess.run(command, check=True)
    return sum(1 for _ in out.open(encoding="utf-8-sig")) - 1


# --- measuring ------------------------------------------------------------------------------

def tree_rss(pid: int) -> tuple[int, int]:
    """Memory of a process and all its descendants, in bytes (Linux /proc): the
    proportional set size (PSS), so pages that forked workers share with their parent
    are counted once, not once per process.  The tree is walked through each thread's
    ``children`` file, not by listing all of /proc, so sampling costs the measured
    pipelines (which use every core) almost nothing."""
    total, largest, pending = 0, 0, [pid]
    while pending:
        current = pending.pop()
        base = Path("/proc") / str(current)
        try:
            for line in (base / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    largest = max(largest, int(line.split()[1]) * 1024)
                    break
            for task in (base / "task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            pass
    return total, largest


def run_sampled(command: list[str]) -> tuple[int, str, str, float, int, int]:
    """Run ``command`` in a fresh process, sampling the memory of its process tree every
    50 ms: ``(returncode, stdout, stderr, seconds, peak PSS of the tree, of its largest
    process)``."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = largest = 0
    started = time.perf_counter()

    def sample() -> None:
        nonlocal peak, largest
        while process.poll() is None:
            total, one = tree_rss(process.pid)
            peak, largest = max(peak, total), max(largest, one)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = process.communicate()
    sampler.join()
    return process.returncode, out, err, time.perf_counter() - started, peak, largest


def run_timed(command: list[str]) -> tuple[int, str, str, float]:
    """Run ``command`` in a fresh process, nothing else running beside it:
    ``(returncode, stdout, stderr, seconds)``."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - started


def measure(name: str, path: Path, workers: int, *, sampled: bool = False) -> dict:
    """One run of a pipeline: timed alone, or (``sampled``) with its memory sampled.  The
    sampler reads every process's ``smaps_rollup`` 20 times a second, which takes CPU from
    the pipeline (0.3-0.45 s of a 4 s run of the workbook's three processes, 0.25-0.3 s of
    the plain loop's), so the times come from runs without it and the memory from one run
    with it."""
    # the workbook's own command line (not under a second interpreter, as the loops run
    # in the one that the benchmark starts for them); its vocabulary is read from its CSV
    command, written = workbook_command(path, workers) if name == "workbook" else \
        ([sys.executable, __file__, "--run", name, str(path), "--workers", str(workers)], None)
    if sampled:
        returncode, out, err, seconds, peak, largest = run_sampled(command)
    else:
        (returncode, out, err, seconds), peak, largest = run_timed(command), 0, 0
    if returncode != 0:
        return {"name": name, "error": (err.strip().splitlines() or ["failed"])[-1]}
    vocabulary = sum(1 for _ in written.open(encoding="utf-8-sig")) - 1 if written else int(out.strip() or 0)
    return {"name": name, "seconds": seconds, "peak_mb": peak / 1e6, "largest_mb": largest / 1e6,
            "vocabulary": vocabulary, "sampled": sampled}


def best_of(runs: list[dict]) -> dict:
    """The fastest of a pipeline's timed runs (the least disturbed by other load on the
    machine), with the highest memory peak of its sampled runs."""
    good = [r for r in runs if "error" not in r]
    timed = [r for r in good if not r["sampled"]] or good
    if not good:
        return runs[0]
    best = min(timed, key=lambda r: r["seconds"])
    return {**best, "peak_mb": max(r["peak_mb"] for r in good), "largest_mb": max(r["largest_mb"] for r in good),
            "all": [r["seconds"] for r in timed]}


def other_form(corpus: Path, data_dir: Path) -> Path:
    """The corpus in the other form (a folder as JSON lines, JSON lines as a folder), written
    once to ``data_dir`` (the file names and ids kept; metadata beyond the title left out)."""
    if corpus.is_dir():
        out = data_dir / f"{corpus.name}.jsonl"
        if not out.exists():
            with out.open("w", encoding="utf-8") as handle:
                for file in sorted(corpus.rglob("*.txt")):
                    handle.write(json.dumps({"id": file.stem, "text": file.read_text(encoding="utf-8")},
                                            ensure_ascii=False) + "\n")
        return out
    out = data_dir / f"{corpus.stem}_folder"
    if not out.exists():
        tmp = data_dir / f".{corpus.stem}_folder.tmp"
        tmp.mkdir(parents=True, exist_ok=True)
        with corpus.open(encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                row = json.loads(line)
                name = re.sub(r"[^\w.-]", "_", str(row.get("id", i)))
                (tmp / f"{name}.txt").write_text(row["text"], encoding="utf-8")
        tmp.rename(out)
    return out


def bench(corpus: Path, names: list[str], args) -> None:
    """Run the pipelines on one corpus by turns and print the table."""
    size = sum(p.stat().st_size for p in corpus.rglob("*.txt")) if corpus.is_dir() else corpus.stat().st_size
    mb = size / 1e6
    runs: dict[str, list[dict]] = {name: [] for name in names}
    for round_no in range(1, args.repeat + 1):
        for name in names:
            print(f"run {round_no}/{args.repeat}: {name} on {corpus.name} ...", file=sys.stderr)
            runs[name].append(measure(name, corpus, args.workers))
    for name in names:
        print(f"memory: {name} on {corpus.name} ...", file=sys.stderr)
        runs[name].append(measure(name, corpus, args.workers, sampled=True))
    results = [best_of(runs[name]) for name in names]
    ours = next((r for r in results if r["name"] == "workbook" and "seconds" in r), None)
    form = "folder of .txt files" if corpus.is_dir() else "JSON lines"
    print(f"\ncorpus: {corpus.name} ({form}), {mb:.0f} MB; {os.cpu_count()} cores; workers for the workbook: "
          f"{args.workers}; best of {args.repeat} runs")
    print(f"{'pipeline':<14}{'seconds':>9}{'MB/s':>8}{'peak PSS MB':>13}{'largest proc':>14}{'vocabulary':>12}"
          f"{'workbook is':>14}")
    for r in results:
        if "error" in r:
            print(f"{r['name']:<14}  not run: {r['error']}")
            continue
        ratio = ""
        if ours and r is not ours:
            times = r["seconds"] / ours["seconds"]
            ratio = f"{times:.1f}x faster" if times >= 1 else f"{1 / times:.1f}x slower"
        print(f"{r['name']:<14}{r['seconds']:>9.1f}{mb / r['seconds']:>8.1f}{r['peak_mb']:>13.0f}"
              f"{r['largest_mb']:>14.0f}{r['vocabulary']:>12}{ratio:>14}")
    for r in results:
        if "all" in r:
            print(f"  {r['name']}: runs took " + ", ".join(f"{s:.1f}" for s in r["all"]) + " s", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a real corpus (folder of .txt files or .jsonl): measured as given and in the other form")
    parser.add_argument("--calibrate", type=Path, default=None, help="print Heaps' law of this corpus and exit")
    parser.add_argument("--distinct-forms", type=int, default=None,
                        help="generate a corpus with about this many distinct forms (a memory stress test)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each pipeline; the fastest is reported")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/qaani-bench"))
    parser.add_argument("--skip", default="", help="comma-separated pipelines to leave out")
    parser.add_argument("--run", nargs=2, metavar=("NAME", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        name, file = args.run
        runner = {"plain_python": run_plain_python, "plain_2proc": run_plain_2proc, "pyarabic": run_pyarabic,
                  "camel": run_camel, "pandas": run_pandas}.get(name)
        print(runner(Path(file)) if runner else run_workbook(Path(file), args.workers))
        return 0
    if args.calibrate:
        print(json.dumps(heaps(args.calibrate), indent=1))
        return 0

    args.data_dir.mkdir(parents=True, exist_ok=True)
    skip = set(filter(None, args.skip.split(",")))
    names = [n for n in ("workbook", "plain_2proc", "plain_python", "pyarabic", "camel", "pandas") if n not in skip]
    if args.corpus:
        corpora = [args.corpus, other_form(args.corpus, args.data_dir)]
        corpora.sort(key=lambda p: not p.is_dir())               # the folder first
    else:
        forms = f"_{args.distinct_forms}forms" if args.distinct_forms else ""
        corpus = args.data_dir / f"news_{args.size_mb}mb_heaps{forms}.jsonl"
        if not corpus.exists():
            print(f"generating {corpus} ...", file=sys.stderr)
            generate(corpus, args.size_mb, distinct_forms=args.distinct_forms)
        corpora = [corpus]
    for corpus in corpora:
        bench(corpus, names, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
