"""Score extract_dates: against hand annotations of real news, of the seeds, or a peer suite.

Usage::

    python scripts/score_dates.py ant FOLDER [--split dev|heldout|all] [--show]
    python scripts/score_dates.py seeds [--show]
    python scripts/score_dates.py peer [PATH/TO/DateParser.json]

``ant`` reads the annotated ANT articles from FOLDER, as ``scripts/ant_corpus.py`` writes
them (``--files`` with the annotated paths; the article texts are not shipped), runs
``dates_table`` on them as a user would (publication date from the metadata) and compares
with ``analysis/data/gold/dates_ant.csv``.  ``seeds`` does the same on ``seeds/`` against
``analysis/data/gold/dates_seeds.csv``, publication dates inferred where none is printed.
Both print recall of the required dates and the share of day-level dates that are the
right day (see :mod:`analysis.date_eval`); ``--show`` also lists the misses.

``peer`` runs the Arabic ``DateParser`` cases of Microsoft Recognizers-Text (MIT; in
``../shared/peer_tests/``), each with its reference date.  A case counts when its expected
Timex is a full, valid calendar date (YYYY-MM-DD); it passes when any expression
extract_dates finds in the input, resolved with the case's reference date, has that date.
Cases whose Timex lacks the year (XXXX-MM-DD) are scored separately, against the upstream's
*past* resolution and against its *future* one: all of them say "سأعود" (I will return), so
a tense-aware reading gives the future one.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from analysis.config import ROOT, SEEDS_DIR
from analysis.date_eval import evaluate_dates, read_annotations
from analysis.dates import dates_table, extract_dates

PEER_CASES = ROOT.parent / "shared" / "peer_tests" / "recognizers_text_datetime_ar" / "DateParser.json"


# --- hand annotations ---------------------------------------------------------------------

def score_corpus(corpus, gold) -> dict:
    """evaluate_dates of dates_table(corpus) against ``gold`` (its documents only)."""
    corpus = corpus[corpus.doc_id.isin(set(gold.doc_id))]
    missing = set(gold.doc_id) - set(corpus.doc_id)
    if missing:
        raise SystemExit(f"error: {len(missing)} annotated articles are not in the folder, e.g. {sorted(missing)[0]}")
    return evaluate_dates(dates_table(corpus), gold, dict(zip(corpus.doc_id, corpus.text)))


def report(name: str, result: dict, show: bool) -> None:
    print(f"{name}: recall of required dates {result['found']}/{result['n_required']} = {result['recall']:.2f} "
          f"(with the right date {result['found_right']}/{result['n_required']} = {result['recall_right']:.2f}); "
          f"day-level dates right {result['day_right']}/{result['day_right'] + result['day_wrong']} = "
          f"{result['day_accuracy']:.1%}; {result['unannotated']} resolved days on unannotated text")
    if not show:
        return
    for title, frame in (("missed", result["missed"]), ("wrong days", result["wrong_days"]),
                         ("resolved days on unannotated text", result["unannotated_days"])):
        if len(frame):
            print(f"  {title}:")
            print("    " + frame.to_string(max_colwidth=50).replace("\n", "\n    "))


def main_ant(args) -> int:
    from analysis import load_corpus

    gold = read_annotations("ant")
    corpus = load_corpus(args.folder)
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    for split in splits:
        report(split, score_corpus(corpus, gold[gold.split == split]), args.show)
    return 0


def main_seeds(args) -> int:
    from analysis import load_corpus

    report("seeds", score_corpus(load_corpus(SEEDS_DIR), read_annotations("seeds")), args.show)
    return 0


# --- Recognizers-Text ---------------------------------------------------------------------

def is_valid(iso: str) -> bool:
    try:
        dt.date.fromisoformat(iso)
        return True
    except ValueError:
        return False


def score_peer(path: Path) -> dict:
    cases = json.loads(path.read_text(encoding="utf-8"))
    full, partial, future_partial = [], [], []
    for case in cases:
        value = case["Results"][0]["Value"] if case.get("Results") else {}
        timex = value.get("Timex", "")
        ref = case["Context"]["ReferenceDateTime"][:10]
        found = set(extract_dates(case["Input"], reference=ref)["date"])
        if re.fullmatch(r"\d{4}-\d\d-\d\d", timex) and is_valid(timex):
            full.append((case["Input"], ref, timex, timex in found, sorted(found - {""})))
        elif re.fullmatch(r"XXXX-\d\d-\d\d", timex):
            past, future = value["PastResolution"]["date"], value["FutureResolution"]["date"]
            partial.append((case["Input"], ref, past, past in found, sorted(found - {""})))
            future_partial.append((case["Input"], ref, future, future in found, sorted(found - {""})))
    return {"cases": len(cases), "full": full, "partial": partial, "future_partial": future_partial}


def main_peer(args) -> int:
    result = score_peer(args.cases)
    for name, rows in (("full dates", result["full"]), ("day+month without year (past reading)", result["partial"]),
                       ("day+month without year (future reading)", result["future_partial"])):
        hits = sum(r[3] for r in rows)
        print(f"{name}: {hits}/{len(rows)} = {hits / len(rows):.0%}")
    print(f"({result['cases']} cases in {args.cases.name}; the others expect a bare day, a weekday pattern or an "
          "invalid date)")
    print("\nmisses (input | reference | expected | found):")
    for rows in (result["full"], result["future_partial"]):
        for text, ref, expected, ok, found in rows:
            if not ok:
                print(f"  {text} | {ref} | {expected} | {', '.join(found) or '-'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ant = commands.add_parser("ant", help="the annotated ANT articles (a folder written by scripts/ant_corpus.py)")
    ant.add_argument("folder", type=Path)
    ant.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    ant.add_argument("--show", action="store_true", help="list misses and wrong days")
    ant.set_defaults(run=main_ant)
    seeds = commands.add_parser("seeds", help="the seeds against analysis/data/gold/dates_seeds.csv")
    seeds.add_argument("--show", action="store_true")
    seeds.set_defaults(run=main_seeds)
    peer = commands.add_parser("peer", help="Recognizers-Text's Arabic DateParser cases")
    peer.add_argument("cases", type=Path, nargs="?", default=PEER_CASES)
    peer.set_defaults(run=main_peer)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
