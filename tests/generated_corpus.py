"""A corpus generated from the seeds for tests and benchmarks: many articles, several outlets and months.

The seeds' paragraphs are recombined into ``n`` articles of six invented outlets over
several months, with a headline made of seed words (some headlines repeat within an
outlet and a day, as wire copy does, so labels must be made unique) and about 5 % of the
words replaced by new forms at a Heaps'-law rate, so the vocabulary grows with the corpus
as real news vocabulary does.  Written as JSON lines with ``title``, ``outlet``,
``section`` and ``publication_date``: ``load_corpus`` reads them as metadata.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from analysis.config import SEEDS_DIR

#: Six invented outlets, with shares of the articles (one large, one tiny).
OUTLETS = {"صحيفة الرافدين": 0.34, "وكالة دجلة": 0.22, "قناة الفرات": 0.18, "موقع بابل": 0.14,
           "إذاعة سومر": 0.10, "Nineveh Post": 0.02}
SECTIONS = ["سياسة", "أمن", "اقتصاد"]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def write_generated_corpus(path: str | Path, n: int = 300, *, seed: int = 13, months: int = 5,
                           new_words: float = 0.05) -> Path:
    """Write ``n`` generated articles to ``path`` (a ``.jsonl`` file) and return the path."""
    from analysis import load_corpus

    rng = random.Random(seed)
    seeds = load_corpus(SEEDS_DIR)
    paragraphs = [p.strip() for body in seeds["body"] for p in body.split("\n") if len(p.split()) > 8]
    words = [w for p in paragraphs for w in p.split() if w.isalpha() and len(w) > 3]
    invented: list[str] = []

    def perturb(text: str) -> str:
        out = []
        for word in text.split():
            if word.isalpha() and rng.random() < new_words:
                if not invented or rng.random() < 2.0 / (1 + len(invented)) ** 0.35:
                    invented.append("".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 7))))
                word = rng.choice(invented)
            out.append(word)
        return " ".join(out)

    outlets, weights = list(OUTLETS), list(OUTLETS.values())
    path = Path(path)
    previous = None
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            if previous and rng.random() < 0.05:          # wire copy: outlet, day and headline again
                outlet, day, headline = previous
            else:
                outlet = rng.choices(outlets, weights)[0]
                day = f"2021-{7 + rng.randrange(months):02d}-{1 + rng.randrange(28):02d}"
                headline = " ".join(rng.choice(words) for _ in range(rng.randint(5, 9)))
            previous = (outlet, day, headline)
            body = "\n".join(perturb(p) for p in rng.sample(paragraphs, k=min(6, len(paragraphs))))
            record = {"id": f"gen-{i:05d}", "title": headline, "outlet": outlet, "section": rng.choice(SECTIONS),
                      "publication_date": day, "text": headline + "\n" + body}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
