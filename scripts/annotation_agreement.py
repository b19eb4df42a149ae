"""How far two hand annotations of the same articles' sources agree: the ceiling any extractor
is measured against.

Usage::

    python scripts/snn_corpus.py --out build/snn/annotated --files analysis/data/gold/sources_snn_files.csv
    python scripts/annotation_agreement.py build/snn/annotated \\
        analysis/data/gold/sources_snn.csv analysis/data/gold/sources_snn_second_read.csv

Each annotation is scored as if it were an extractor's output against the other, with the
rules of :func:`analysis.sources.evaluate_sources`: the "predictions" are one reader's
required attributions, the "gold" is the other's annotation (its optional rows neither
right nor wrong).  Prints precision and recall both ways, on the articles both annotated.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from analysis.sources import evaluate_sources, load_gold, score_line


def as_predictions(table: pd.DataFrame) -> pd.DataFrame:
    """One reader's required attributions in the shape of extract_sources' rows."""
    rows = table[(table["required"] == "yes") & (table["source_type"] != "not_source")]
    start, end = rows["cue_start"].astype(int), rows["cue_end"].astype(int)
    return pd.DataFrame({"doc_id": rows["doc_id"], "source": rows["source"], "source_entity": rows["source"],
                         "source_type": rows["source_type"], "via": rows["via"], "start": start, "end": end,
                         "cue_start": start, "cue_end": end}).reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="the articles (<doc_id>.txt), to check the offsets")
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    first, second = load_gold(args.first), load_gold(args.second)
    docs = sorted(set(second["doc_id"]))          # the second read's articles (some may cite nobody)
    first, second = first[first["doc_id"].isin(docs)], second[second["doc_id"].isin(docs)]
    texts = {d: (args.folder / f"{d}.txt").read_text(encoding="utf-8") for d in docs}
    for name, table in (("first", first), ("second", second)):
        bad = [r for r in table.itertuples() if texts[r.doc_id][int(r.cue_start):int(r.cue_end)] != r.cue_text]
        if bad:
            raise SystemExit(f"{name}: {len(bad)} cue texts are not at their offsets (first: {bad[0].doc_id})")
    print(f"{len(docs)} articles annotated twice; {int((first.required == 'yes').sum())} and "
          f"{int((second.required == 'yes').sum())} required rows")
    print(score_line(evaluate_sources(as_predictions(second), first), "second read scored against the first: "))
    print(score_line(evaluate_sources(as_predictions(first), second), "first read scored against the second: "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
