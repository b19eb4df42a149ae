"""Benchmark decoding: the workbook's hand rules against charset-normalizer, on Arabic files
in the encodings users send.

Usage:
    python benchmarks/bench_decoding.py [--news DIR] [--out-dir DIR]

Builds files in memory from the seed articles (and the ``.txt`` articles of ``--news``, UTF-8;
they are read, never copied into the repository) in each of these forms:

* ``utf-8``, ``utf-8 BOM``, ``utf-16-le BOM``, ``utf-16-be BOM``;
* ``cp1256`` and ``iso-8859-6`` (the characters the encoding lacks, e.g. Arabic-Indic
  digits, become ``?``, in the expected text as well);
* ``utf-8 + 1 stray`` / ``utf-8 + 5 stray``: a byte in 0x80-0xff inserted between
  characters at random; correct is the text with U+FFFD where the bytes were;
* ``mojibake``: the UTF-8 bytes read as Windows-1256 and saved again as UTF-8
  («ظ‚ط§ط¢ظ†ظٹ» for قاآني); correct is the original text;
* ``... headline``: the first line alone (a short file), in cp1256, ISO-8859-6 and UTF-8
  with a stray byte;
* ``latin-1 French`` (a few sentences written here): correct is the French text or a
  refusal, anything else is French passed off as something it is not;
* ``random binary`` (with and without NUL bytes): correct is a refusal.

Then decodes each file with ``analysis.reader.decode_bytes`` (hand rules) and with
``charset_normalizer.from_bytes(data).best()`` (detector) and prints, per form, how many
files each decoded correctly and the mean time per file.  ``--out-dir`` also writes the
generated files, to look at them.
"""
from __future__ import annotations

import argparse
import codecs
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FRENCH = [
    "Le commandant de la force Al-Qods est arrivé dimanche soir à Bagdad, où il a rencontré "
    "le Premier ministre après la tentative d'assassinat qui a visé sa résidence.",
    "Selon des sources irakiennes, la visite n'avait pas été annoncée ; elle a duré moins de "
    "vingt-quatre heures et s'est déroulée à l'écart des caméras.",
    "Les partis proches de l'Iran ont rejeté toute responsabilité, tandis que l'enquête "
    "officielle n'a pas encore désigné les auteurs de l'attaque au drone piégé.",
    "À Téhéran, le porte-parole du ministère des Affaires étrangères a dénoncé « un complot "
    "visant la stabilité de l'Irak » et appelé au calme les forces politiques.",
]


def texts(news: Path | None) -> list[tuple[str, str]]:
    """``(name, text)`` of the seed articles and of the news articles."""
    sys.path.insert(0, str(ROOT))
    from analysis.config import SEEDS_DIR

    files = sorted(SEEDS_DIR.glob("*.txt")) + (sorted(news.glob("*.txt")) if news else [])
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


def in_codec(text: str, codec: str) -> str:
    return text.encode(codec, errors="replace").decode(codec)


def with_stray_bytes(text: str, n: int, rng: random.Random) -> tuple[bytes, str]:
    """UTF-8 of ``text`` with ``n`` bytes in 0x80-0xff inserted between characters, and the
    text expected from it (U+FFFD in their places)."""
    cuts = sorted(rng.sample(range(1, len(text)), n))
    strays = [bytes([rng.randrange(0x80, 0x100)]) for _ in cuts]
    parts = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
    data = parts[0].encode() + b"".join(s + p.encode() for s, p in zip(strays, parts[1:]))
    return data, "\ufffd".join(parts)


#: form -> function (text, rng) -> (bytes, expected text); None expected: a refusal is correct
ARABIC_FORMS = {
    "utf-8": lambda t, rng: (t.encode(), t),
    "utf-8 BOM": lambda t, rng: (codecs.BOM_UTF8 + t.encode(), t),
    "utf-16-le BOM": lambda t, rng: (codecs.BOM_UTF16_LE + t.encode("utf-16-le"), t),
    "utf-16-be BOM": lambda t, rng: (codecs.BOM_UTF16_BE + t.encode("utf-16-be"), t),
    "cp1256": lambda t, rng: (in_codec(t, "cp1256").encode("cp1256"), in_codec(t, "cp1256")),
    "iso-8859-6": lambda t, rng: (in_codec(t, "iso8859_6").encode("iso8859_6"), in_codec(t, "iso8859_6")),
    "utf-8 + 1 stray": lambda t, rng: with_stray_bytes(t, 1, rng),
    "utf-8 + 5 stray": lambda t, rng: with_stray_bytes(t, 5, rng),
    "mojibake": lambda t, rng: (t.encode().decode("cp1256").encode(), t),
    "cp1256 headline": lambda t, rng: ARABIC_FORMS["cp1256"](headline(t), rng),
    "iso-8859-6 headline": lambda t, rng: ARABIC_FORMS["iso-8859-6"](headline(t), rng),
    "utf-8 headline + 1 stray": lambda t, rng: with_stray_bytes(headline(t), 1, rng),
}


def headline(text: str) -> str:
    """The first line of an article, as a short file (detectors have less to go on)."""
    return text.strip().split("\n")[0]


def files(news: Path | None, seed: int = 7) -> list[tuple[str, str, bytes, str | None, bool]]:
    """``(form, name, bytes, expected text, refusal is correct)`` for every generated file."""
    rng = random.Random(seed)
    out = []
    for name, text in texts(news):
        for form, make in ARABIC_FORMS.items():
            data, expected = make(text, rng)
            out.append((form, name, data, expected, False))
    for i in range(len(FRENCH)):
        french = "\n\n".join(FRENCH[i:] + FRENCH[:i])
        out.append(("latin-1 French", f"french_{i}", french.encode("latin-1"), french, True))
    for i in range(10):
        size = rng.randrange(500, 20_000)
        out.append(("random binary", f"random_{i}", rng.randbytes(size), None, True))
        noisy = bytes(b for b in rng.randbytes(size) if b)
        out.append(("random binary, no NUL", f"random_nonul_{i}", noisy, None, True))
    return out


def hand_rules(data: bytes) -> tuple[str | None, str]:
    from analysis.reader import CorpusError, decode_bytes

    try:
        text, encoding, note = decode_bytes(data, source="bench")
    except CorpusError:
        return None, "refused"
    return text, encoding


def detector(data: bytes) -> tuple[str | None, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None, "refused"
    return str(best).removeprefix("\ufeff"), best.encoding


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=Path, help="a folder of UTF-8 .txt news articles to add to the seeds")
    parser.add_argument("--out-dir", type=Path, help="also write the generated files here")
    args = parser.parse_args(argv)
    generated = files(args.news)
    if args.out_dir:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        for form, name, data, _, _ in generated:
            (args.out_dir / f"{name}.{form.replace(' ', '_').replace(',', '')}.txt").write_bytes(data)
    approaches = {"hand rules": hand_rules, "charset-normalizer": detector}
    for decode in approaches.values():                   # imports and first-call costs, not timed
        decode(generated[0][2])
    results: dict[tuple[str, str], list] = {}
    for form, name, data, expected, refusal_ok in generated:
        for approach, decode in approaches.items():
            started = time.perf_counter()
            text, said = decode(data)
            seconds = time.perf_counter() - started
            correct = (text is None and refusal_ok) or (text is not None and text == expected)
            results.setdefault((form, approach), []).append((correct, seconds, said))

    forms = list(dict.fromkeys(f for f, *_ in generated))
    head = f"{'form':<26}{'files':>6}" + "".join(f"{a + ' ok':>22}{'ms/file':>9}" for a in approaches)
    print(head)
    print("-" * len(head))
    totals = {a: [0, 0.0] for a in approaches}
    for form in forms:
        row = f"{form:<26}{len(results[form, 'hand rules']):>6}"
        for approach in approaches:
            runs = results[form, approach]
            ok = sum(c for c, _, _ in runs)
            ms = 1000 * sum(s for _, s, _ in runs) / len(runs)
            totals[approach][0] += ok
            totals[approach][1] += 1000 * sum(s for _, s, _ in runs)
            row += f"{ok:>22}{ms:>9.2f}"
        print(row)
    print("-" * len(head))
    n = len(generated)
    print(f"{'all':<26}{n:>6}" + "".join(f"{ok:>22}{ms / n:>9.2f}" for ok, ms in totals.values()))
    print("\nWhat each approach said where it was wrong (form: answer x files):")
    for approach in approaches:
        wrong = Counter((form, said) for form in forms for c, _, said in results[form, approach] if not c)
        print(f"  {approach}: " + ("; ".join(f"{form}: {said} x{k}" for (form, said), k in wrong.items())
                                   or "none"))


if __name__ == "__main__":
    main()
