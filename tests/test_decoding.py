"""Decoding that cannot pass mojibake off as Arabic: UTF-8 with stray bytes loads as UTF-8
with the bytes reported, Windows-1256 and ISO-8859-6 are told apart, UTF-8 read as
Windows-1256 is repaired with a note, and nothing that is not Arabic is accepted as Arabic.
The fixtures are the seeds' own text, encoded here."""
import codecs
import csv
import gzip
import io
import json
import pickle
import zipfile

import pytest

from analysis.config import SEEDS_DIR
from analysis.reader import MOJIBAKE_NOTE, CorpusError, decode_bytes, iter_documents, repair_mojibake

SEED = (SEEDS_DIR / "000_fa0559687573a2fe.txt").read_text(encoding="utf-8")
FIRST_WORDS = "قاآني يزور"
assert SEED.startswith(FIRST_WORDS)


def stray(text: str, *positions: int, byte: bytes = b"\xe9") -> bytes:
    """``text`` in UTF-8 with ``byte`` inserted before each of the given characters."""
    out, last = [], 0
    for pos in sorted(positions):
        out += [text[last:pos].encode(), byte]
        last = pos
    return b"".join(out + [text[last:].encode()])


def as_mojibake(text: str) -> str:
    """UTF-8 read as Windows-1256 (what an editor shows), to be saved again as UTF-8."""
    return text.encode("utf-8").decode("cp1256")


def in_codec(text: str, codec: str) -> str:
    """``text`` as far as ``codec`` can hold it (neither holds Arabic-Indic digits)."""
    return text.encode(codec, errors="replace").decode(codec)


# --- stray bytes in UTF-8 --------------------------------------------------------------------

def test_one_stray_byte_loads_as_utf8_with_a_note():
    data = stray(SEED, len(FIRST_WORDS))
    text, used, note = decode_bytes(data, source="x.txt")
    assert used == "utf-8"
    assert text.startswith(FIRST_WORDS + "\ufffd") and text.replace("\ufffd", "") == SEED
    assert note == f"1 invalid UTF-8 byte replaced with U+FFFD (first at byte {len(FIRST_WORDS.encode())})"


def test_five_stray_bytes_counted_and_the_first_located():
    positions = [len(FIRST_WORDS), 100, 400, 900, len(SEED) - 1]
    text, used, note = decode_bytes(stray(SEED, *positions, byte=b"\x81"), source="x.txt")
    assert used == "utf-8" and text.count("\ufffd") == 5 and text.replace("\ufffd", "") == SEED
    assert note.startswith("5 invalid UTF-8 bytes replaced with U+FFFD (first at byte 19)")
    assert "قاآني" in text


def test_stray_byte_after_a_utf8_bom():
    text, used, note = decode_bytes(codecs.BOM_UTF8 + stray(SEED, len(FIRST_WORDS)), source="x.txt")
    assert used == "utf-8-sig" and text.replace("\ufffd", "") == SEED
    assert "(first at byte 22)" in note                              # counted in the file, BOM included


def test_invalid_bytes_error_makes_the_file_a_corpus_error(tmp_path):
    (tmp_path / "good.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "stray.txt").write_bytes(stray(SEED, len(FIRST_WORDS)))
    with pytest.raises(CorpusError, match=r"stray\.txt: is UTF-8 with 1 invalid byte \(first at byte 19\)") as info:
        list(iter_documents(tmp_path, invalid_bytes="error"))
    assert info.value.source == str(tmp_path / "stray.txt")
    skipped = []
    docs = list(iter_documents(tmp_path, invalid_bytes="error", on_error="skip", skipped=skipped))
    assert [d["doc_id"] for d in docs] == ["good"]
    assert skipped == [(str(tmp_path / "stray.txt"), info.value.reason)]


def test_records_say_how_they_were_decoded(tmp_path):
    (tmp_path / "clean.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "stray.txt").write_bytes(stray(SEED, len(FIRST_WORDS)))
    docs = {d["doc_id"]: d for d in iter_documents(tmp_path)}
    assert docs["clean"]["decoding"] == "" and docs["clean"]["text"] == SEED
    assert docs["stray"]["decoding"].startswith("1 invalid UTF-8 byte replaced")
    assert "قاآني" in docs["stray"]["text"]


def test_invalid_bytes_must_be_known():
    with pytest.raises(ValueError, match="invalid_bytes"):
        list(iter_documents(SEEDS_DIR, invalid_bytes="ignore"))


# --- single-byte Arabic encodings ----------------------------------------------------------

@pytest.mark.parametrize("codec", ["cp1256", "iso8859_6"])
def test_single_byte_arabic_files(tmp_path, codec):
    expected = in_codec(SEED, codec)
    (tmp_path / "a.txt").write_bytes(expected.encode(codec))
    [doc] = iter_documents(tmp_path)
    assert doc["text"] == expected and doc["encoding"] == codec and doc["decoding"] == ""
    assert doc["text"].startswith(FIRST_WORDS)


def test_iso_8859_6_is_not_read_as_windows_1256():
    # read as Windows-1256, ISO-8859-6 bytes still give 80 % Arabic letters, in the wrong places
    data = in_codec(SEED, "iso8859_6").encode("iso8859_6")
    assert decode_bytes(data, source="x.txt").encoding == "iso8859_6"


@pytest.mark.parametrize("data", [
    "Le président a déclaré à la presse que la réunion était très importante.".encode("latin-1"),
    "Le président a déclaré à la presse que la réunion était très importante.".encode("cp1252"),
    bytes(range(1, 256)) * 4,
])
def test_text_that_is_not_arabic_is_not_accepted_as_arabic(data):
    with pytest.raises(CorpusError, match="not Windows-1256 or ISO-8859-6 Arabic"):
        decode_bytes(data, source="x.txt")


def test_utf8_mixed_with_windows_1256_is_refused_not_read_as_mojibake():
    # half the file is UTF-8: as Windows-1256 that half would be «ظ‚ط§ط¢ظ†ظٹ», all Arabic letters
    data = SEED[:1500].encode() + in_codec(SEED[1500:], "cp1256").encode("cp1256")
    with pytest.raises(CorpusError, match=r"% of its non-ASCII bytes are UTF-8\) and not Windows-1256"):
        decode_bytes(data, source="x.txt")


# --- mojibake --------------------------------------------------------------------------------

def test_mojibake_repaired_with_a_note(tmp_path):
    (tmp_path / "a.txt").write_text(as_mojibake(SEED), encoding="utf-8")
    assert as_mojibake("قاآني") == "ظ‚ط§ط¢ظ†ظٹ"
    [doc] = iter_documents(tmp_path)
    assert doc["text"] == SEED and doc["encoding"] == "utf-8" and doc["decoding"] == MOJIBAKE_NOTE


def test_mojibake_in_some_lines_repaired_line_by_line():
    lines = SEED.split("\n")
    lines[0] = as_mojibake(lines[0])
    text, _, note = decode_bytes("\n".join(lines).encode(), source="x.txt")
    assert text == SEED
    assert note == f"{MOJIBAKE_NOTE} in 1 of {len(lines)} lines"


def test_mojibake_that_does_not_convert_back_is_left_and_reported():
    # a tool dropped the soft hyphens (the second byte of ح, ذ and ر in Windows-1256)
    damaged = as_mojibake(SEED).replace("\xad", "")
    text, _, note = decode_bytes(damaged.encode(), source="x.txt")
    assert "do not convert back exactly; left as they are" in note
    assert "\u0637\u00a7" in text                                  # still mojibake, not half-repaired


def test_explicit_encoding_leaves_mojibake_as_it_is():
    data = as_mojibake(SEED).encode()
    assert decode_bytes(data, source="x.txt", encoding="utf-8") == (as_mojibake(SEED), "utf-8", "")


@pytest.mark.parametrize("text", [SEED, "ضغط\u00a0فقط، ظ", "نفط§ ﻁ"])
def test_genuine_arabic_is_never_repaired(text):
    assert repair_mojibake(text) == (text, "")


def test_mojibake_in_utf16():
    text, used, note = decode_bytes(as_mojibake(SEED).encode("utf-16"), source="x.txt")
    assert (text, used, note) == (SEED, "utf-16", MOJIBAKE_NOTE)


# --- tables and archives -----------------------------------------------------------------------

def jsonl_bytes(texts: list[str]) -> bytes:
    return b"".join(json.dumps({"id": i, "text": t}, ensure_ascii=False).encode() + b"\n"
                    for i, t in enumerate(texts))


def test_json_line_with_a_stray_byte(tmp_path):
    path = tmp_path / "news.jsonl"
    data = jsonl_bytes([SEED[:300], SEED[300:600]])
    column = data.index("يزور".encode())
    path.write_bytes(data[:column] + b"\xe9" + data[column:])
    docs = list(iter_documents(path))
    assert docs[0]["text"].replace("\ufffd", "") == SEED[:300] and "قاآني" in docs[0]["text"]
    assert docs[0]["decoding"] == f"1 invalid UTF-8 byte replaced with U+FFFD (first at column {column + 1})"
    assert docs[1]["decoding"] == "" and docs[1]["text"] == SEED[300:600]
    with pytest.raises(CorpusError, match=rf"news.jsonl:1: is UTF-8 with 1 invalid byte \(first at column {column + 1}\)"):
        list(iter_documents(path, invalid_bytes="error"))
    skipped = []
    docs = list(iter_documents(path, invalid_bytes="error", on_error="skip", skipped=skipped))
    assert [d["doc_id"] for d in docs] == ["news:2"] and skipped[0][0] == f"{path}:1"


def test_json_line_in_windows_1256_is_decoded_on_its_own(tmp_path):
    path = tmp_path / "news.jsonl"
    line = in_codec(SEED[:300], "cp1256")
    path.write_bytes(jsonl_bytes([SEED[300:600]]) + json.dumps({"id": 1, "text": line}, ensure_ascii=False)
                     .encode("cp1256") + b"\n")
    docs = list(iter_documents(path))
    assert [(d["text"], d["encoding"], d["decoding"]) for d in docs] == [
        (SEED[300:600], "utf-8", ""), (line, "cp1256", "")]


@pytest.mark.parametrize("wrap", ["plain", "gz", "zip"])
def test_json_lines_mojibake_repaired_per_record(tmp_path, wrap):
    data = jsonl_bytes([SEED[:300], as_mojibake(SEED[300:600])])
    if wrap == "plain":
        path = tmp_path / "news.jsonl"
        path.write_bytes(data)
    elif wrap == "gz":
        path = tmp_path / "news.jsonl.gz"
        path.write_bytes(gzip.compress(data))
    else:
        path = tmp_path / "news.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("news.jsonl", data)
    docs = list(iter_documents(path))
    assert [d["text"] for d in docs] == [SEED[:300], SEED[300:600]]
    assert [d["decoding"] for d in docs] == ["", f"{MOJIBAKE_NOTE} (in 'text')"]


def test_csv_notes_only_the_rows_with_invalid_bytes_or_mojibake(tmp_path):
    rows = [("1", SEED[:200]), ("2", SEED[200:400]), ("3", as_mojibake(SEED[400:600]))]
    table = io.StringIO()
    csv.writer(table, lineterminator="\n").writerows([("id", "text"), *rows])
    data = table.getvalue().encode()
    cut = data.index(SEED[200:400].encode()) + len(SEED[200:205].encode())      # between letters
    path = tmp_path / "news.csv"
    path.write_bytes(data[:cut] + b"\xe9" + data[cut:])
    docs = list(iter_documents(path, id_column="id"))
    assert [d["decoding"] for d in docs] == [
        "", "1 invalid UTF-8 byte replaced with U+FFFD", f"{MOJIBAKE_NOTE} (in 'text')"]
    assert docs[1]["text"].replace("\ufffd", "") == SEED[200:400] and docs[2]["text"] == SEED[400:600]
    with pytest.raises(CorpusError, match=r"news.csv: is UTF-8 with 1 invalid byte"):
        list(iter_documents(path, id_column="id", invalid_bytes="error"))


def test_txt_in_archives_with_a_stray_byte(tmp_path):
    data = stray(SEED, len(FIRST_WORDS))
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(data))
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as archive:
        archive.writestr("b.txt", data)
    for path in (tmp_path / "a.txt.gz", tmp_path / "b.zip"):
        [doc] = iter_documents(path)
        assert doc["decoding"].startswith("1 invalid UTF-8 byte") and doc["text"].replace("\ufffd", "") == SEED
        with pytest.raises(CorpusError, match="invalid byte"):
            list(iter_documents(path, invalid_bytes="error"))


# --- errors cross process pools ---------------------------------------------------------------

def test_corpus_error_pickles():
    error = CorpusError("corpus/a.txt", "is UTF-8 with 1 invalid byte (first at byte 19)")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is CorpusError
    assert (copy.source, copy.reason, str(copy)) == (error.source, error.reason, str(error))
