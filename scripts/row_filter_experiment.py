"""Can a learned filter tell the extractor's wrong rows from its right ones?  An experiment.

Each row :func:`analysis.sources.extract_sources` gives is described by features of its own
shape (how it was resolved, its type, cue class, kind, tense and needs, its length, its
distance to the cue, whether content follows the cue, how often its entity is cited, how
frequent its words are, where it stands in the article) and labelled by the scorer: 1 when it
matches a required attribution, 0 when it is a false positive (rows matching an optional one
are left out).  A logistic regression (L2, fitted by Newton's method in numpy) is trained on
all the annotated sets but one and applied to that one; the script prints, per left-out set
and in total, what keeping only the rows above a threshold of probability does to precision
and recall.  Rules see no change: this only measures.

Usage (each set as NAME=FOLDER:ANNOTATION[:SPLIT], the folders written by the corpus scripts;
the annotation a path or one of score_sources.py's short names)::

    python scripts/row_filter_experiment.py seeds=seeds:seeds ant=build/ant/dev:ant:dev \\
        snn=build/snn/annotated:snn:dev ant2=build/ant/dev2:ant2 snn3=build/snn/dev3:snn3 \\
        snn4=build/snn/test4:snn4

Measured on 2026-12-07 (eighth session; the numbers are in the README's sources section):
on the 36 unseen SaudiNewsNet articles of test4, a threshold of 0.5 removed 8 of 74 false
positives and 2 of 140 right rows (precision 0.65 -> 0.68, recall 0.62 -> 0.62).  The
wrong rows mostly name another speaker at a real attribution; nothing in a row's own shape
says so, which is why the workbook ships no confidence column.
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import SEEDS_DIR
from analysis.lexicon import zipf
from analysis.sources import evaluate_sources, extract_sources, load_gold
from analysis.sources_rules import DocumentReader
from score_sources import SHIPPED, read_texts     # scripts/ is on the path when a script here runs

#: Content right after a cue: a complementizer, a colon or a quotation within six words.
CONTENT = re.compile(r"^\W*(?:\S+\s+){0,6}?(?:[وف]?[إأا]ن(?:ه|ها|هم|هما)?|بأن\S*|:|«|\"|“)", re.S)
THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7)


def row_features(text: str, rows: list, table: pd.DataFrame) -> list[dict[str, float]]:
    """One dict of features per row (``rows`` from the reader, ``table`` from extract_sources)."""
    cited = table["source_entity"].value_counts()
    out = []
    for r, entity in zip(rows, table["source_entity"]):
        form, words = r.form, r.source.split()
        freq = [zipf(w) for w in words] or [0.0]
        after = text[r.cue_end:r.cue_end + 80]
        gap = r.start - r.cue_end if r.start >= r.cue_end else r.cue_start - r.end
        out.append({
            f"resolved={r.resolved}": 1.0, f"type={r.source_type}": 1.0, f"class={form.cue_class}": 1.0,
            f"kind={form.kind}": 1.0, f"tense={form.tense}": 1.0, f"needs={form.needs or 'none'}": 1.0,
            "log_words": math.log1p(len(words)), "five_words_or_more": float(len(words) >= 5),
            "log_entity_words": math.log1p(len(str(entity).split())), "subject_first": float(r.start < r.cue_start),
            "log_gap": math.log1p(abs(gap)), "content_follows": float(bool(CONTENT.match(after))),
            "colon_follows": float(":" in after[:40]), "cue_with_conjunction": float(r.cue_text[:1] in "وف"),
            "relayed": float(bool(r.via)), "log_times_cited": math.log1p(cited.get(entity, 1)),
            "definite": float(bool(words) and words[0].startswith(("ال", "وال", "لل"))),
            "min_zipf": min(freq), "first_zipf": freq[0], "last_zipf": freq[-1],
            "quoted": float(any(c in r.source for c in "\"«»“”")), "first_paragraph": float(r.paragraph == 0),
            "position": r.cue_start / max(1, len(text)),
        })
    return out


def labelled_rows(folder: Path, gold: pd.DataFrame) -> pd.DataFrame:
    """Features and label (1 right, 0 false positive, -1 matches an optional row) of every row."""
    texts = read_texts(folder, gold["doc_id"])
    tables, features = [], []
    for doc in sorted(texts):
        table = extract_sources(texts[doc], doc_id=doc)
        rows = DocumentReader(texts[doc]).read()
        if len(rows) != len(table):
            raise RuntimeError(f"{doc}: the reader gave {len(rows)} rows and extract_sources {len(table)}")
        tables.append(table)
        features += row_features(texts[doc], rows, table)
    pred = pd.concat(tables, ignore_index=True)
    pred["row_id"] = range(len(pred))
    wrong = set(evaluate_sources(pred, gold)["spurious"]["row_id"])
    required_only = gold[(gold["required"] == "yes") | (gold["source_type"] == "not_source")].reset_index(drop=True)
    not_required = set(evaluate_sources(pred, required_only)["spurious"]["row_id"]) - wrong
    out = pd.DataFrame(features).fillna(0.0)
    out["label"] = [0 if i in wrong else -1 if i in not_required else 1 for i in pred["row_id"]]
    return out


def fit(X: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 25) -> np.ndarray:
    """Logistic regression weights (the last one the intercept) by Newton's method."""
    X = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(X.shape[1])
    penalty = np.full(X.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        grad = X.T @ (p - y) + penalty * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(penalty)
        w -= np.linalg.solve(hess, grad)
    return w


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="+", help="NAME=FOLDER:ANNOTATION[:SPLIT]")
    args = parser.parse_args(argv)
    frames = []
    for spec in args.sets:
        name, _, rest = spec.partition("=")
        folder, annotation, *split = rest.split(":")
        gold = load_gold(SHIPPED.get(annotation, annotation))
        if split:
            gold = gold[gold["split"] == split[0]].reset_index(drop=True)
        rows = labelled_rows(SEEDS_DIR if folder == "seeds" else Path(folder), gold)
        rows["set"] = name
        frames.append(rows)
        print(f"{name}: {len(rows)} rows, {(rows.label == 1).sum()} right, {(rows.label == 0).sum()} wrong")
    data = pd.concat(frames, ignore_index=True).fillna(0.0)
    data = data[data["label"] >= 0]
    columns = [c for c in data.columns if c not in ("label", "set")]
    total = {t: [0, 0, 0] for t in THRESHOLDS}
    for name in data["set"].unique():
        train, test = data[data["set"] != name], data[data["set"] == name]
        mean, std = train[columns].mean(), train[columns].std().replace(0, 1.0)
        w = fit(((train[columns] - mean) / std).to_numpy(), train["label"].to_numpy(float))
        Z = np.hstack([((test[columns] - mean) / std).to_numpy(), np.ones((len(test), 1))])
        p = 1.0 / (1.0 + np.exp(-Z @ w))
        right = test["label"].to_numpy() == 1
        cells = []
        for t in THRESHOLDS:
            tp, fp = int((right & (p >= t)).sum()), int((~right & (p >= t)).sum())
            total[t][0] += tp
            total[t][1] += fp
            total[t][2] += int(right.sum())
            cells.append(f">={t}: precision {tp / max(1, tp + fp):.2f} ({tp}/{tp + fp}), kept {tp}/{int(right.sum())} right")
        print(f"left out {name}:\n  " + "\n  ".join(cells))
    print("all left-out sets:")
    for t, (tp, fp, n) in total.items():
        print(f"  >={t}: precision {tp / max(1, tp + fp):.2f} ({tp}/{tp + fp}), kept {tp}/{n} right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
