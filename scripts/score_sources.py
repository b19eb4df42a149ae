"""Score extract_sources against a hand annotation: 40 + 25 + 20 ANT articles, 96 + 24 + 36 SaudiNewsNet ones, 24, 21 and 39 more of both, or the seeds.

Usage::

    python scripts/ant_corpus.py --out build/ant/dev --files ../shared/dev_corpus/ant_dev_files.txt
    python scripts/score_sources.py build/ant/dev [--split dev|heldout|all] [--misses] [--spurious]
    python scripts/ant_corpus.py --out build/ant/dev2 --files analysis/data/gold/sources_ant_dev2_files.txt
    python scripts/score_sources.py build/ant/dev2 --annotation ant2
    python scripts/ant_corpus.py --out build/ant/test3 --files analysis/data/gold/sources_ant_test3_files.txt
    python scripts/score_sources.py build/ant/test3 --annotation ant3          # only ever measured
    python scripts/snn_corpus.py --out build/snn/dev3 --files analysis/data/gold/sources_snn_dev3_files.csv
    python scripts/score_sources.py build/snn/dev3 --annotation snn3
    python scripts/snn_corpus.py --out build/snn/test4 --files analysis/data/gold/sources_snn_test4_files.csv
    python scripts/score_sources.py build/snn/test4 --annotation snn4          # a dev set since the twelfth session
    python scripts/ant_corpus.py --out build/test5 --files analysis/data/gold/sources_test5_ant_files.txt
    python scripts/snn_corpus.py --out build/test5 --files analysis/data/gold/sources_test5_snn_files.csv
    python scripts/score_sources.py build/test5 --annotation test5          # only ever measured
    python scripts/ant_corpus.py --out build/test6 --files analysis/data/gold/sources_test6_ant_files.txt
    python scripts/snn_corpus.py --out build/test6 --files analysis/data/gold/sources_test6_snn_files.csv
    python scripts/score_sources.py build/test6 --annotation test6          # only ever measured
    python scripts/ant_corpus.py --out build/test7 --files analysis/data/gold/sources_test7_ant_files.txt
    python scripts/snn_corpus.py --out build/test7 --files analysis/data/gold/sources_test7_snn_files.csv
    python scripts/score_sources.py build/test7 --annotation test7          # only ever measured
    python scripts/ant_corpus.py --out build/dev7 --files analysis/data/gold/sources_dev7_ant_files.txt
    python scripts/snn_corpus.py --out build/dev7 --files analysis/data/gold/sources_dev7_snn_files.csv
    python scripts/score_sources.py build/dev7 --annotation dev7
    python scripts/snn_corpus.py --out build/snn/annotated --files analysis/data/gold/sources_snn_files.csv
    python scripts/score_sources.py build/snn/annotated --annotation snn --split dev
    python scripts/score_sources.py seeds                      # the seeds' annotation

The folder holds the articles as the corpus scripts write them (``<doc_id>.txt``); an
annotation (``analysis/data/gold/sources_ant.csv``, ``sources_ant_dev2.csv``, ``sources_snn.csv``) has each row's
``source_path`` and ``commit`` and the offsets of its cue text, checked against the files
before scoring.  The guidelines are ``analysis/data/gold/SOURCES_GUIDELINES.md``.  Each
annotation was split by article before any rule was written on it: rules are written and
tuned on ``dev`` only; ``heldout`` is only ever measured.  Prints precision, recall and
type accuracy (with counts) per split and per source type; ``--misses`` lists the required
rows not found and ``--spurious`` the false positives with their reason.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from analysis.config import SEEDS_DIR
from analysis.sources import GOLD_ANT_DEV2_PATH, GOLD_ANT_PATH, GOLD_ANT_TEST3_PATH, GOLD_SNN_DEV3_PATH, GOLD_SNN_TEST4_PATH, GOLD_TEST5_PATH, GOLD_TEST6_PATH, GOLD_TEST7_PATH, GOLD_DEV7_PATH, GOLD_SEEDS_PATH, GOLD_SNN_PATH, evaluate_sources, extract_sources, load_gold, score_line


def read_texts(folder: Path, doc_ids) -> dict[str, str]:
    texts, missing = {}, []
    for doc_id in sorted(set(doc_ids)):
        path = folder / f"{doc_id}.txt"
        if path.exists():
            texts[doc_id] = path.read_text(encoding="utf-8")
        else:
            missing.append(doc_id)
    if missing:
        raise SystemExit(f"{folder}: {len(missing)} annotated articles are missing (first: {missing[0]}.txt); "
                         "write them with scripts/ant_corpus.py --files ../shared/dev_corpus/ant_dev_files.txt "
                         "(ANT) or scripts/snn_corpus.py --files analysis/data/gold/sources_snn_files.csv (SNN)")
    return texts


def check_offsets(gold: pd.DataFrame, texts: dict[str, str]) -> None:
    bad = [r for r in gold.itertuples() if texts[r.doc_id][int(r.cue_start):int(r.cue_end)] != r.cue_text]
    if bad:
        raise SystemExit(f"{len(bad)} annotated cue texts are not where the annotation says (first: {bad[0].doc_id} "
                         f"{bad[0].cue_text!r}); the articles differ from the annotated commit")


#: The shipped annotations by their short names (``--annotation``).
SHIPPED = {"seeds": GOLD_SEEDS_PATH, "ant": GOLD_ANT_PATH, "ant2": GOLD_ANT_DEV2_PATH, "ant3": GOLD_ANT_TEST3_PATH,
           "snn": GOLD_SNN_PATH, "snn3": GOLD_SNN_DEV3_PATH, "snn4": GOLD_SNN_TEST4_PATH,
           "test5": GOLD_TEST5_PATH, "test6": GOLD_TEST6_PATH, "test7": GOLD_TEST7_PATH,
           "dev7": GOLD_DEV7_PATH}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="the annotated articles (a folder of <doc_id>.txt), or 'seeds'")
    parser.add_argument("--split", default="all", choices=["dev", "dev2", "dev3", "test3", "test4", "test5", "test6", "test7", "dev7", "heldout", "all"])
    parser.add_argument("--annotation", default=None,
                        help="'ant' (the default), 'ant2' (25 more ANT articles), 'ant3' (20 more, only "
                             "measured), 'snn' (SaudiNewsNet), 'snn3' (24 more SaudiNewsNet articles), 'snn4' (36 more, "
                             "a development set since the twelfth session), 'test5' (12 ANT and 12 SaudiNewsNet, only measured), 'test6' (9 ANT and 12 SaudiNewsNet, only measured), 'test7' (10 ANT and 12 SaudiNewsNet, only measured), 'dev7' (15 ANT and 24 SaudiNewsNet), 'seeds' or the path "
                             "of an annotation CSV")
    parser.add_argument("--misses", action="store_true", help="list the required attributions not found")
    parser.add_argument("--spurious", action="store_true", help="list the false positives")
    args = parser.parse_args(argv)
    seeds = args.folder == "seeds"
    folder = SEEDS_DIR if seeds else Path(args.folder)
    gold = load_gold(GOLD_SEEDS_PATH if seeds and args.annotation is None
                     else SHIPPED.get(args.annotation or "ant", args.annotation))
    if "split" not in gold:
        gold["split"] = "seeds"
    texts = read_texts(folder, gold["doc_id"]) if not seeds else {
        p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    check_offsets(gold, texts)
    splits = sorted(gold["split"].unique()) if args.split == "all" else [args.split]
    pd.set_option("display.width", 200)
    for split in splits:
        mine = gold[gold["split"] == split].reset_index(drop=True)
        docs = sorted(set(mine["doc_id"]))
        predicted = pd.concat([extract_sources(texts[d], doc_id=d) for d in docs], ignore_index=True)
        result = evaluate_sources(predicted, mine)
        print(score_line(result, f"{split} ({len(docs)} articles): "))
        print(f"  {result['neutral']} predictions matched optional rows (neither right nor wrong); "
              f"false positives by reason: {result['spurious']['reason'].value_counts().to_dict()}")
        print(result["by_type"].round(2).to_string(index=False))
        if args.misses:
            print("\nmissed:")
            print(result["missed"][["doc_id", "cue_text", "head", "source_type", "note"]].to_string(index=False))
        if args.spurious:
            print("\nspurious:")
            print(result["spurious"][["reason", "doc_id", "cue_text", "source", "source_entity"]].to_string(index=False))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
