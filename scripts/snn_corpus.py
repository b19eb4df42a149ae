"""Bring SaudiNewsNet (31,030 Saudi newspaper articles, 2015) into the shapes the workbook reads.

A second public corpus of real news, of other outlets (Al-Sharq Al-Awsat, Al-Riyadh, Okaz,
Al-Watan, Al-Yaum, Al-Madina, Sabq, Al-Jazirah, the Saudi Press Agency, ...) and another
year than ANT's: the sources extractor's second development set and a held-out set nobody
wrote rules on come from it.  The corpus is not ours and is never committed: fetch the
public repository ``inparallel/SaudiNewsNet`` first (a bare git directory), then::

    python scripts/snn_corpus.py --out build/snn/annotated \\
        --files analysis/data/gold/sources_snn_files.csv            # the annotated articles
    python scripts/snn_corpus.py --out build/snn/sample --per-outlet 4 --seed 2026

Articles are named ``SNN-<outlet>-<zip date>-<index>`` (the index in that day's JSON
array).  Each ``.txt`` holds the article's ``content`` as crawled (its dateline
included); ``metadata.csv`` has ``title``, ``outlet``, ``publication_date`` (the crawl
date, which the corpus says is the publication date from August 2015 on), ``url``,
``source_path`` (``dataset/<date>.zip#<index>``) and the repository ``commit``.
``--per-outlet N`` draws N articles per general-news outlet at random with a fixed seed,
among articles of 120 to 900 words that cite someone with a common verb (so that an
annotated article has attributions to score).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from ant_corpus import write_folder     # scripts/ is on the path when a script here runs

#: Where the search tool's ``fetch`` puts the repository on this project's machines.
DEFAULT_REPO = Path("/work/.mirror/inparallel+SaudiNewsNet/repo")
#: The corpus' outlet identifiers and the papers' Arabic names; the two sports papers are left out of draws.
OUTLETS = {"aawsat": "الشرق الأوسط", "aleqtisadiya": "الاقتصادية", "aljazirah": "الجزيرة", "almadina": "المدينة",
           "alriyadh": "الرياض", "alwatan": "الوطن", "alweeam": "الوئام", "alyaum": "اليوم", "okaz": "عكاظ",
           "sabq": "سبق", "was": "واس", "3alyoum": "عين اليوم", "arreyadi": "الرياضي", "arriyadiyah": "الرياضية"}
SPORTS_ONLY = {"arreyadi", "arriyadiyah"}
_CITES = re.compile(r"(?<!\w)[وف]?(?:قال|قالت|أكد|أكدت|أوضح|أوضحت|ذكر|ذكرت|أشار|أشارت|أعلن|أعلنت|بحسب|وفق)(?!\w)")


def read_corpus(repo: Path) -> tuple[str, list[dict[str, str]]]:
    """The repository's commit and every article, with its ``doc_id`` and ``source_path``."""
    git = ["git", f"--git-dir={repo}"]
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    names = subprocess.run([*git, "ls-tree", "-r", "--name-only", commit, "dataset/"], capture_output=True,
                           text=True, check=True).stdout.split()
    articles = []
    for name in sorted(n for n in names if n.endswith(".zip")):
        blob = subprocess.run([*git, "show", f"{commit}:{name}"], capture_output=True, check=True).stdout
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            members = [m for m in archive.namelist() if m.endswith(".json")]
            if len(members) != 1:
                raise ValueError(f"{name}: expected one JSON file in the archive, found {members}")
            rows = json.loads(archive.read(members[0]).decode("utf-8"))
        day = Path(name).stem
        for index, row in enumerate(rows):
            articles.append({"doc_id": f"SNN-{row['source']}-{day}-{index}", "file": f"SNN-{row['source']}-{day}-{index}.txt",
                             "title": (row.get("title") or "").strip(), "source": row["source"],
                             "outlet": OUTLETS.get(row["source"], row["source"]),
                             "publication_date": (row.get("date_extracted") or "")[:10], "url": row.get("url", ""),
                             "source_path": f"{name}#{index}", "commit": commit,
                             "text": (row.get("content") or "").strip() + "\n"})
    return commit, articles


def draw(articles: list[dict[str, str]], *, per_outlet: int, seed: int) -> list[dict[str, str]]:
    """``per_outlet`` articles of each general-news outlet, 120-900 words, citing someone."""
    rng = random.Random(seed)
    out = []
    for outlet in sorted({a["source"] for a in articles} - SPORTS_ONLY):
        mine = [a for a in articles if a["source"] == outlet and 120 <= len(a["text"].split()) <= 900
                and _CITES.search(a["text"])]
        out += sorted(rng.sample(mine, min(per_outlet, len(mine))), key=lambda a: a["doc_id"])
    return out


def write(articles: list[dict[str, str]], out: Path) -> None:
    write_folder(articles, out, ["file", "title", "outlet", "publication_date", "url", "source_path", "commit"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO, help="the fetched bare git directory")
    parser.add_argument("--out", type=Path, required=True, help="a folder")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--files", type=Path, help="a CSV with a doc_id column: the articles to take")
    group.add_argument("--per-outlet", type=int, help="draw this many articles per outlet")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.repo.exists():
        print(f"error: {args.repo} does not exist; fetch github:inparallel/SaudiNewsNet first", file=sys.stderr)
        return 2
    commit, articles = read_corpus(args.repo)
    if args.files:
        with args.files.open(encoding="utf-8") as handle:
            wanted = [row["doc_id"] for row in csv.DictReader(handle)]
        by_id = {a["doc_id"]: a for a in articles}
        missing = [d for d in wanted if d not in by_id]
        if missing:
            print(f"error: {args.files}: {len(missing)} articles are not in {args.repo} at {commit[:12]} "
                  f"(first: {missing[0]})", file=sys.stderr)
            return 2
        chosen = [by_id[d] for d in wanted]
    else:
        chosen = draw(articles, per_outlet=args.per_outlet, seed=args.seed)
    write(chosen, args.out)
    print(f"{len(chosen)} articles of {len({a['source'] for a in chosen})} outlets written to {args.out} "
          f"(repository commit {commit[:12]})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
