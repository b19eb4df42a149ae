"""Bring the ANT corpus (Arabic News Texts v2.1) into the shapes the workbook reads.

The corpus is not ours and is never committed: fetch the public repository
``antcorpus/antcorpus.multisource.data`` first (a bare git directory; see
``../shared/dev_corpus/README.md``), then write a folder of ``.txt`` files with a
``metadata.csv`` (``title``, ``outlet``, ``section``, ``publication_date``, ``url``,
``source_path``, ``commit``), or one JSON-lines file::

    python scripts/ant_corpus.py --repo GIT_DIR --out build/ant/political \\
        --sections middleEast,internationalNews --per-outlet 200
    python scripts/ant_corpus.py --repo GIT_DIR --out build/ant/all.jsonl        # every article
    python scripts/ant_corpus.py --repo GIT_DIR --out build/ant/dev \\
        --files ../shared/dev_corpus/ant_dev_files.txt                          # the annotated articles

Each ``.txt`` holds the article's ``<TEXT>`` as published (the headline is in the
metadata, as a scraper's export would give it).  ``--per-outlet N`` draws N articles per
outlet, at random with a fixed seed, from the chosen sections, leaving out the
development articles (``--exclude``, default the 40 annotated ones), so a sample is
reproducible and never overlaps the articles rules were written on.
"""

from __future__ import annotations

import argparse
import csv
import email.utils
import json
import random
import re
import subprocess
import sys
from pathlib import Path

#: Where the search tool's ``fetch`` puts the repository on this project's machines.
DEFAULT_REPO = Path("/work/.mirror/antcorpus+antcorpus.multisource.data/repo")
DEV_FILES = Path(__file__).resolve().parents[2] / "shared" / "dev_corpus" / "ant_dev_files.txt"
#: The outlet names as the articles write them in Arabic.
OUTLETS = {"Alarabia": "العربية", "BBC": "بي بي سي عربي", "CNN": "سي إن إن بالعربية", "France24": "فرانس 24",
           "SkyNews": "سكاي نيوز عربية"}
_FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|ABSTRACT|TEXT)>(.*?)</\1>", re.S)


def list_articles(repo: Path) -> tuple[str, list[str]]:
    """The repository's commit and every article path (``Outlet/section/NAME.txt``)."""
    commit = subprocess.run(["git", f"--git-dir={repo}", "rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    names = subprocess.run(["git", f"--git-dir={repo}", "ls-tree", "-r", "--name-only", commit],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    return commit, sorted(n for n in names if n.count("/") == 2 and n.endswith(".txt"))


def read_articles(repo: Path, commit: str, paths: list[str]) -> dict[str, str]:
    """The raw files, in one ``git cat-file --batch`` call."""
    request = "".join(f"{commit}:{p}\n" for p in paths).encode()
    out = subprocess.run(["git", f"--git-dir={repo}", "cat-file", "--batch"], input=request, capture_output=True,
                         check=True).stdout
    files, pos = {}, 0
    for path in paths:
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].split()
        if header[-1] == b"missing":
            raise FileNotFoundError(f"{path}: not in {repo} at {commit}")
        size = int(header[2])
        files[path] = out[header_end + 1:header_end + 1 + size].decode("utf-8")
        pos = header_end + 1 + size + 1
    return files


def parse_article(path: str, raw: str, commit: str) -> dict[str, str]:
    """One article: its fields, the text as published, and where it came from."""
    fields = {k: v.strip() for k, v in _FIELD.findall(raw)}
    outlet_dir, section, name = path.split("/")
    when = email.utils.parsedate_to_datetime(fields["TIME"]) if fields.get("TIME") else None
    return {"file": Path(name).name, "doc_id": Path(name).stem, "title": fields.get("TITLE", ""),
            "outlet": OUTLETS.get(outlet_dir, outlet_dir), "section": section,
            "publication_date": when.date().isoformat() if when else "", "url": fields.get("URL", ""),
            "source_path": path, "commit": commit, "text": fields.get("TEXT", "").strip() + "\n"}


def choose(paths: list[str], *, sections: set[str] | None, per_outlet: int | None, exclude: set[str],
           seed: int) -> list[str]:
    chosen = [p for p in paths if (sections is None or p.split("/")[1] in sections) and p not in exclude]
    if per_outlet is None:
        return chosen
    rng = random.Random(seed)
    out = []
    for outlet in sorted({p.split("/")[0] for p in chosen}):
        mine = [p for p in chosen if p.startswith(outlet + "/")]
        out += sorted(rng.sample(mine, min(per_outlet, len(mine))))
    return out


def write(articles: list[dict[str, str]], out: Path) -> None:
    meta_columns = ["file", "title", "outlet", "section", "publication_date", "url", "source_path", "commit"]
    if out.suffix == ".jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for a in articles:
                row = {"id": a["doc_id"], **{k: a[k] for k in meta_columns[1:]}, "text": a["text"]}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    write_folder(articles, out, meta_columns)


def write_folder(articles: list[dict[str, str]], out: Path, meta_columns: list[str]) -> None:
    """Each article's ``text`` as ``out/<file>`` and their metadata in ``out/metadata.csv``."""
    out.mkdir(parents=True, exist_ok=True)
    for a in articles:
        (out / a["file"]).write_text(a["text"], encoding="utf-8")
    with (out / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=meta_columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO, help="the fetched bare git directory")
    parser.add_argument("--out", type=Path, required=True, help="a folder, or a .jsonl file")
    parser.add_argument("--sections", default="", help="comma-separated sections (default: all)")
    parser.add_argument("--per-outlet", type=int, default=None, help="draw this many articles per outlet")
    parser.add_argument("--files", type=Path, default=None, help="a list of article paths to take, one per line")
    parser.add_argument("--exclude", type=Path, default=DEV_FILES,
                        help="article paths never to draw (default: the annotated development articles)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.repo.exists():
        print(f"error: {args.repo} does not exist; fetch github:antcorpus/antcorpus.multisource.data first",
              file=sys.stderr)
        return 2
    commit, paths = list_articles(args.repo)
    if args.files:
        chosen = [line.strip() for line in args.files.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        exclude = set()
        if args.exclude and args.exclude.exists():
            exclude = {ln.strip() for ln in args.exclude.read_text(encoding="utf-8").splitlines() if ln.strip()}
        sections = set(args.sections.split(",")) if args.sections else None
        chosen = choose(paths, sections=sections, per_outlet=args.per_outlet, exclude=exclude, seed=args.seed)
    raw = read_articles(args.repo, commit, chosen)
    articles = [parse_article(p, raw[p], commit) for p in chosen]
    write(articles, args.out)
    print(f"{len(articles)} articles of {len({a['outlet'] for a in articles})} outlets written to {args.out} "
          f"(repository commit {commit[:12]})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
