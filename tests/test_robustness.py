"""Messy inputs: every file is loaded or reported, odd text loads and counts correctly,
and the extractors never raise.  The fixture files are generated here, not copied in."""
import codecs
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus, reader, tokens_table
from analysis.corpus import skipped_inputs
from analysis.dates import extract_dates
from analysis.entities import merge_entities
from analysis.sources import extract_sources
from analysis.terms import count_terms

SENTENCE = "وصل قاآني إلى بغداد مساء الأحد، وقالت وكالة رويترز إن الزيارة سرية."


def presentation_forms(text: str) -> str:
    import arabic_reshaper

    return arabic_reshaper.reshape(text)


def visual_order(text: str) -> str:
    return " ".join(w[::-1] for w in presentation_forms(text).split()[::-1])


#: name -> bytes of an odd but valid article; each says "قاآني ... بغداد" once
ODD = {
    "crlf.txt": ("عنوان الخبر\r\n" + SENTENCE + "\r\n").encode(),
    "cr.txt": ("عنوان الخبر\r" + SENTENCE + "\r").encode(),
    "bom.txt": codecs.BOM_UTF8 + SENTENCE.encode(),
    "utf16.txt": SENTENCE.encode("utf-16"),
    "cp1256.txt": SENTENCE.encode("cp1256"),
    "pdf_logical.txt": presentation_forms(SENTENCE).encode(),
    "pdf_visual.txt": visual_order(SENTENCE).encode(),
    "marks.txt": SENTENCE.replace("قاآني", "قا\u200cآ\u200dني\u200f").replace("بغداد", "\u200eبغ\u061cداد").encode(),
    "nbsp.txt": SENTENCE.replace(" ", "\u00a0").encode(),
    "persian.txt": SENTENCE.replace("قاآني", "قاآنی").encode(),
    "digits.txt": (SENTENCE + " ٢٠٢١/١١/٠٨").encode(),
    "html.txt": ("<p>" + SENTENCE.replace("إن", "إن &quot;") + "<br>&nbsp;</p>").encode(),
    "mixed.txt": (SENTENCE + " Reuters reported (AFP) Qaani in Baghdad.").encode(),
    "tatweel.txt": SENTENCE.replace("بغداد", "بـغـداد").encode(),
}
#: name -> (bytes, reason fragment) of inputs that cannot be loaded
BAD = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (b" \r\n\t ", "holds only whitespace"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF file"),
    "letter.txt": (b"PK\x03\x04\x14\x00\x06\x00", "zip archive"),
    "broken.txt": (b"\xc3\x28 \xa0\xa1 abc \x81", "cannot be decoded"),
    "nul.txt": (b"abc\x00def", "NUL bytes"),
}


@pytest.fixture
def odd_folder(tmp_path):
    for name, data in {**ODD, **{k: v for k, (v, _) in BAD.items()}}.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_default_raises_on_the_first_bad_file_naming_it(odd_folder):
    with pytest.raises(CorpusError) as info:
        load_corpus(odd_folder)
    first_bad = sorted(BAD)[0]
    assert str(info.value).startswith(str(odd_folder / first_bad)) and BAD[first_bad][1] in str(info.value)


def test_skip_accounts_for_every_file(odd_folder):
    corpus = load_corpus(odd_folder, on_error="skip")
    skipped = skipped_inputs(corpus)
    assert sorted(corpus.doc_id + ".txt") == sorted(ODD)
    reasons = {Path(f).name: r for f, r in zip(skipped.file, skipped.reason)}
    assert set(reasons) == set(BAD)
    for name, (_, fragment) in BAD.items():
        assert fragment in reasons[name], (name, reasons[name])
    assert len(corpus) + len(skipped) == len(list(odd_folder.iterdir()))


def test_odd_text_counts_correctly(odd_folder):
    corpus = load_corpus(odd_folder, on_error="skip")
    tokens = merge_entities(tokens_table(corpus))
    counts = count_terms(tokens, by="doc_id").set_index(["doc_id", "term"])["count"]
    for name in ODD:
        doc = name[:-4]
        assert counts.get((doc, "قااني")) == 1, (name, tokens[tokens.doc_id == doc].term.tolist())
        assert counts.get((doc, "بغداد")) == 1, (name, tokens[tokens.doc_id == doc].term.tolist())
    html = tokens[tokens.doc_id == "html"]
    assert not {"quot", "br", "nbsp", "p"} & set(html.term)
    digits = tokens[tokens.doc_id == "digits"]
    assert {"2021", "11", "08"} <= set(digits.norm)


def test_unreadable_and_vanishing_files_are_reported(tmp_path, monkeypatch):
    for name in ("a.txt", "gone.txt", "locked.txt"):
        (tmp_path / name).write_text(SENTENCE, encoding="utf-8")
    real = reader._read_file

    def read_file(path):
        if Path(path).name == "gone.txt":
            raise FileNotFoundError(2, "No such file or directory")
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(reader, "_read_file", read_file)
    with pytest.raises(CorpusError, match="gone.txt: cannot be read: No such file"):
        load_corpus(tmp_path)
    corpus = load_corpus(tmp_path, on_error="skip")
    assert corpus.doc_id.tolist() == ["a"]
    assert skipped_inputs(corpus).reason.tolist() == ["cannot be read: No such file or directory",
                                                      "cannot be read: Permission denied"]


def test_explicit_encoding_overrides_detection(tmp_path):
    (tmp_path / "a.txt").write_bytes(SENTENCE.encode("cp1256"))
    assert load_corpus(tmp_path, encoding="cp1256").text[0] == SENTENCE
    with pytest.raises(CorpusError, match="cannot be decoded as utf-8"):
        load_corpus(tmp_path, encoding="utf-8")


def test_fifty_megabyte_single_line(tmp_path):
    line = SENTENCE + " "
    repeats = 50_000_000 // len(line.encode())
    (tmp_path / "huge.txt").write_text(line * repeats, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    from analysis import tokenize

    assert corpus.n_tokens[0] == len(tokenize(SENTENCE)) * repeats
    assert corpus.text[0].count("\n") == 0 and len(corpus.text[0]) == len(line) * repeats


def test_extractors_never_raise_on_odd_inputs(odd_folder):
    corpus = load_corpus(odd_folder, on_error="skip")
    for doc_id, text in zip(corpus.doc_id, corpus.text):
        dates = extract_dates(text, reference="2021-11-08", doc_id=doc_id)
        sources = extract_sources(text, doc_id=doc_id)
        assert all(text[s:e] == x for s, e, x in zip(dates.start, dates.end, dates.expression))
        assert all(text[s:e] == x for s, e, x in zip(sources.start, sources.end, sources.source))
    found = set(extract_sources(corpus.set_index("doc_id").text["crlf"]).source_norm)
    assert found == {"رويترز"}


arabic_text = st.lists(st.sampled_from(
    [chr(c) for c in range(0x0600, 0x06FF)] + list(" \n\r.،؛؟«»\"-/:\u00a0\u200c\u200f0123456789")
    + list("ﻗﺎﺁﻧﻲﺑﻐﺪﷲﷺﹶ") + ["<br>", "&quot;", "قال ", "مصادر ", "الأحد ", "بحسب ", "نقلا عن ", "10 أكتوبر "]),
    max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(arabic_text, st.text(max_size=80)))
def test_token_table_offsets_and_extractors_on_any_text(text):
    table = tokens_table(pd.DataFrame({"doc_id": ["x"], "text": [text]}))
    for surface, start, end, norm in zip(table.surface, table.start, table.end, table.norm):
        assert text[start:end] == surface
        assert norm and not any(c.isspace() for c in norm)
    extract_dates(text, reference="2021-11-08")
    extract_sources(text)


def test_seeds_are_never_written(seeds):
    from analysis.config import SEEDS_DIR

    assert all(not p.name.startswith(".") for p in SEEDS_DIR.iterdir())      # no temp files
    assert {p.suffix for p in SEEDS_DIR.iterdir()} == {".txt", ".csv"}


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    # a subfolder the user may not read is an input like a file: an error naming it, or with
    # on_error="skip" a skipped input, never a silent gap in the corpus
    from analysis.stream import count_stream

    (tmp_path / "ok").mkdir()
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "locked" / "b.txt").write_text(SENTENCE, encoding="utf-8")
    real = os.scandir

    def scandir(path=".", locked="locked"):
        if isinstance(path, str) and os.path.basename(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(reader.os, "scandir", scandir)
    with pytest.raises(CorpusError, match="locked: cannot be listed: Permission denied"):
        load_corpus(tmp_path)
    corpus = load_corpus(tmp_path, on_error="skip")
    assert corpus.doc_id.tolist() == ["ok/a"]
    skipped = skipped_inputs(corpus)
    assert [Path(f).name for f in skipped.file] == ["locked"]
    assert skipped.reason.tolist() == ["cannot be listed: Permission denied"]
    counted = count_stream(tmp_path, on_error="skip", workers=1, progress=False)
    assert counted.attrs["n_docs"] == 1 and [Path(f).name for f, _ in counted.attrs["skipped"]] == ["locked"]
    with pytest.raises(CorpusError, match="cannot be listed"):
        count_stream(tmp_path, workers=1, progress=False)
    monkeypatch.setattr(reader.os, "scandir", lambda path=".": scandir(path, locked=tmp_path.name))
    with pytest.raises(CorpusError, match=f"{tmp_path.name}: cannot be listed"):           # the corpus folder itself
        load_corpus(tmp_path)
