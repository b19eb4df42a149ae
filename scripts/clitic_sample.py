"""Sample the clitic splitter's decisions on a real news corpus, for checking by hand.

Usage::

    python scripts/clitic_sample.py --seed 1 --out build/clitics_dev.csv [--context 2]
    python scripts/clitic_sample.py --check analysis/data/gold/clitics_ant_heldout.csv

The corpus (default ``/work/ant/all.jsonl``, the ANT corpus as JSON lines with a ``text``
field; see ``scripts/ant_corpus.py``) is tokenized with
:func:`analysis.tokenize.token_spans` and normalized with
:func:`analysis.normalize.make_normalizer`; its vocabulary (every normalized form with its
count) is what :class:`analysis.clitics.CliticSplitter` is built on, as the workbook does.

The sample is stratified and **uniform over distinct forms** (not weighted by frequency):
half of it from the forms the splitter split, half from the forms starting with و ف ب ل ك
that it left whole, drawn with :class:`random.Random` (``--seed``) from the forms in
code-point order.  ``--exclude`` leaves out the forms of earlier samples, so a held-out
sample never repeats a development one.  The CSV has the columns ``form, count, prefix,
term, verdict, correct_prefix, correct_term, note``; the last four are for the checker
(verdict ``right`` or ``wrong``; where two readings are both right, ``correct_prefix``
and ``correct_term`` list them separated by ``|``).  No text of the corpus is written,
only single word forms and their counts; ``--context N`` prints N short concordance
lines per sampled form, for reading, to the terminal.

``--check CSV`` runs the current splitter on the forms of a checked sample and scores
it against the ``correct_*`` columns: per stratum, overall, and as an estimate for all
the forms that start with a proclitic letter (each stratum weighted by its share of the
vocabulary).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from analysis.clitics import CliticSplitter
from analysis.normalize import make_normalizer
from analysis.resources import CONJUNCTIONS, PREPOSITIONS
from analysis.tokenize import token_spans

DEFAULT_CORPUS = Path("/work/ant/all.jsonl")
COLUMNS = ["form", "count", "prefix", "term", "verdict", "correct_prefix", "correct_term", "note"]
PREFIX_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)


def corpus_texts(path: Path) -> Iterator[str]:
    """The ``text`` of every article of a JSON-lines corpus."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)["text"]


def normalized_tokens(text: str, normalizer, memo: dict[str, str]) -> Iterator[str]:
    """The normalized tokens of ``text`` (a token normalizing to several words gives each)."""
    for span in token_spans(text):
        norm = memo.get(span.surface)
        if norm is None:
            norm = memo[span.surface] = normalizer(span.surface)
        yield from norm.split()


def corpus_vocabulary(texts: Iterable[str]) -> Counter:
    """Every normalized form of the texts with its count."""
    normalizer, memo, counts = make_normalizer(), {}, Counter()
    for text in texts:
        counts.update(normalized_tokens(text, normalizer, memo))
    return counts


def decisions(vocabulary: Counter, splitter: CliticSplitter) -> list[dict]:
    """The splitter's decision for every form that starts with a proclitic letter."""
    forms = sorted(form for form in vocabulary if form[:1] in PREFIX_LETTERS)
    prefixes, terms = splitter.split_many(forms)
    return [{"form": f, "count": vocabulary[f], "prefix": p, "term": t}
            for f, p, t in zip(forms, prefixes, terms)]


def stratified_sample(rows: list[dict], *, size: int, seed: int, exclude: frozenset[str] = frozenset()) -> list[dict]:
    """``size // 2`` split forms and ``size - size // 2`` whole ones, uniform over forms."""
    rng = random.Random(seed)
    split = [r for r in rows if r["prefix"] and r["form"] not in exclude]
    whole = [r for r in rows if not r["prefix"] and r["form"] not in exclude]
    return rng.sample(split, size // 2) + rng.sample(whole, size - size // 2)


def contexts(texts: Iterable[str], forms: set[str], *, per_form: int, width: int = 4) -> dict[str, list[str]]:
    """Up to ``per_form`` windows of ``width`` normalized tokens either side of each form."""
    normalizer, memo, found = make_normalizer(), {}, {f: [] for f in forms}
    for text in texts:
        tokens = list(normalized_tokens(text, normalizer, memo))
        for i, token in enumerate(tokens):
            if token in found and len(found[token]) < per_form:
                found[token].append(" ".join(tokens[max(0, i - width):i + width + 1]))
        if all(len(v) >= per_form for v in found.values()):
            break
    return found


def read_sample(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_sample(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in COLUMNS})


def is_right(row: dict, prefix: str, term: str) -> bool:
    """Whether ``(prefix, term)`` is one of the readings the checker called right."""
    return (prefix, term) in zip(row["correct_prefix"].split("|"), row["correct_term"].split("|"))


def check(rows: list[dict], all_rows: list[dict], splitter: CliticSplitter) -> int:
    """Score the current splitter on checked rows; print the score and every miss."""
    prefixes, terms = splitter.split_many([r["form"] for r in rows])
    shares = Counter("split" if r["prefix"] else "whole" for r in all_rows)
    tally: dict[str, list[int]] = {"split": [0, 0], "whole": [0, 0]}
    misses = []
    for row, prefix, term in zip(rows, prefixes, terms):
        stratum = "split" if row["prefix"] else "whole"       # the stratum it was drawn from
        right = is_right(row, prefix, term)
        tally[stratum][0] += right
        tally[stratum][1] += 1
        if not right:
            misses.append(f"  {row['form']} ({row['count']}): {prefix}+{term}, "
                          f"right {row['correct_prefix']}+{row['correct_term']}  {row['note']}")
    total = sum(n for _, n in tally.values())
    estimate = sum(shares[s] / sum(shares.values()) * r / n for s, (r, n) in tally.items() if n)
    for stratum, (right, n) in tally.items():
        print(f"{stratum}: {right}/{n} right")
    print(f"all: {sum(r for r, _ in tally.values())}/{total} right; "
          f"estimate over all proclitic-letter forms: {estimate:.1%}")
    print("\n".join(misses))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--out", type=Path, help="write the sample here (CSV)")
    parser.add_argument("--exclude", type=Path, action="append", default=[], help="a sample whose forms to leave out")
    parser.add_argument("--context", type=int, default=0, help="print N concordance lines per sampled form")
    parser.add_argument("--check", type=Path, help="score the splitter on a checked sample instead")
    args = parser.parse_args(argv)

    vocabulary = corpus_vocabulary(corpus_texts(args.corpus))
    splitter = CliticSplitter(vocabulary)
    rows = decisions(vocabulary, splitter)
    if args.check:
        return check(read_sample(args.check), rows, splitter)
    exclude = frozenset(r["form"] for path in args.exclude for r in read_sample(path))
    sample = stratified_sample(rows, size=args.size, seed=args.seed, exclude=exclude)
    if args.out:
        write_sample(sample, args.out)
    if args.context:
        lines = contexts(corpus_texts(args.corpus), {r["form"] for r in sample}, per_form=args.context)
        for row in sample:
            print(f"{row['form']}\t{row['count']}\t{row['prefix']}+{row['term']}")
            for line in lines[row["form"]]:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
