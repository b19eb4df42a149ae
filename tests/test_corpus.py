import codecs
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus import skipped_inputs
from analysis.config import SEEDS_DIR
from analysis.corpus import CORPUS_COLUMNS, decode_bytes

ARTICLE = "وصل قائد فيلق القدس إسماعيل قاآني إلى بغداد مساء الأحد والتقى الكاظمي."


def test_seeds_load_unchanged(seeds):
    assert list(seeds.columns[:len(CORPUS_COLUMNS)]) == CORPUS_COLUMNS
    files = sorted(SEEDS_DIR.glob("*.txt"))
    assert seeds["doc_id"].tolist() == [p.stem for p in files]
    for path, text in zip(files, seeds["text"]):
        assert text == path.read_bytes().decode("utf-8")
    assert skipped_inputs(seeds).empty


def test_seed_metadata_only_what_the_text_shows(seeds):
    meta = seeds.set_index(seeds.doc_id.str[:3])
    assert meta.loc["000", "publication_date"] == "2021-11-08"
    assert meta.loc["001", "publication_date"] == "2020-11-23"
    assert meta.loc["002", "outlet"] == "إيلاف"
    assert meta.loc["002", "publication_date"] == ""          # not printed: left empty
    assert meta.loc["003", "title"].startswith("هل التقى به ليهدده")
    assert "2021/11/08" in meta.loc["000", "date_source"]


def test_counts(seeds):
    assert (seeds["n_chars"] == seeds["text"].str.len()).all()
    assert (seeds["n_tokens"] > 250).all()
    assert seeds.loc[1, "n_boilerplate_lines"] == 7


@pytest.mark.parametrize("encode, expected", [
    (lambda s: s.encode("utf-8"), "utf-8"),
    (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
    (lambda s: s.encode("utf-16"), "utf-16"),
    (lambda s: s.encode("cp1256"), "cp1256"),
])
def test_encodings_detected_per_file(tmp_path, encode, expected):
    (tmp_path / "a.txt").write_bytes(encode(ARTICLE))
    corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "text"] == ARTICLE
    assert corpus.loc[0, "encoding"] == expected


def test_latin1_text_is_not_passed_off_as_arabic():
    with pytest.raises(CorpusError, match="not UTF-8"):
        decode_bytes("Café crème à Genève".encode("latin-1"), source="x.txt")
    assert decode_bytes("Café".encode("latin-1"), source="x.txt", encoding="latin-1")[0] == "Café"


def write_bad_folder(folder: Path) -> dict[str, str]:
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "broken.txt").write_bytes(b"\xfa\xfb abc \x81\x8d")
    (folder / "fake_utf16.txt").write_bytes(b"\xff\xfe" + bytes(range(0, 64)))
    return {"empty.txt": "is empty", "blank.txt": "holds only whitespace",
            "image.txt": "is binary", "broken.txt": "cannot be decoded",
            "fake_utf16.txt": "does not decode to text"}


def test_bad_files_raise_naming_file_and_reason(tmp_path):
    write_bad_folder(tmp_path)
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert str(tmp_path) in str(info.value) and ":" in str(info.value)


def test_bad_files_skipped_and_accounted_for(tmp_path):
    expected = write_bad_folder(tmp_path)
    corpus = load_corpus(tmp_path, on_error="skip")
    skipped = skipped_inputs(corpus)
    assert corpus["doc_id"].tolist() == ["good"]
    reasons = {Path(f).name: r for f, r in zip(skipped.file, skipped.reason)}
    assert set(reasons) == set(expected)
    for name, reason in expected.items():
        assert reason in reasons[name]
    assert len(corpus) + len(skipped) == len(list(tmp_path.glob("*.txt")))


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="holds no .txt files"):
        load_corpus(tmp_path)


def test_csv_corpus(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame({"id": ["a", "b"], "body_text": [ARTICLE, "الكاظمي في بغداد."],
                  "outlet": ["رووداو", "الميادين"]}).to_csv(path, index=False)
    corpus = load_corpus(path, text_column="body_text", id_column="id")
    assert corpus["doc_id"].tolist() == ["a", "b"]
    assert corpus["outlet"].tolist() == ["رووداو", "الميادين"]
    assert corpus.loc[0, "text"] == ARTICLE
    with pytest.raises(CorpusError, match=r"news.csv:2: has no text column 'text'"):
        load_corpus(path)


def test_jsonl_corpus_with_a_malformed_line(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"text": ARTICLE}, ensure_ascii=False), "{not json", json.dumps({"text": "بغداد."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"news.jsonl:2: is not valid JSON"):
        load_corpus(path)
    corpus = load_corpus(path, on_error="skip")
    assert corpus["doc_id"].tolist() == ["news:1", "news:3"]
    assert skipped_inputs(corpus).values.tolist() == [[f"{path}:2", "is not valid JSON (Expecting property name enclosed in double quotes at column 2)"]]


def test_json_lines_read_as_the_json_module_reads_them(tmp_path):
    # orjson parses the lines; where it would differ (integers beyond 64 bits become floats,
    # NaN is refused) or a value is not a plain one, the json module's reading is the one kept
    from analysis.reader import iter_documents

    rows = ['{"id": 12345678901234567890123, "text": "وصل قاآني."}',
            '{"id": 7, "score": NaN, "ratio": 0.1, "text": "بغداد."}',
            '{"id": 8, "tags": ["أ", 1.5], "flag": true, "none": null, "text": "الكاظمي."}',
            '   ', '{"id": 9, "text": "x\\ud800y"}', '{"id": 10, "text": " فصائل"}']
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    docs = list(iter_documents(path, id_column="id"))
    expected = [json.loads(r) for r in rows if r.strip()]
    assert [d["doc_id"] for d in docs] == [str(e["id"]) for e in expected]
    assert [d["text"] for d in docs] == [e["text"] for e in expected]
    assert docs[1]["score"] == "nan" and docs[1]["ratio"] == "0.1"
    assert docs[2]["tags"] == str(["أ", 1.5]) and docs[2]["flag"] == "True" and docs[2]["none"] == ""
    # the same lines after a byte that is not UTF-8: reported with its line number
    path.write_bytes(path.read_bytes().replace("بغداد".encode(), b"\xff\xfe"))
    column = path.read_bytes().split(b"\n")[1].index(b"\xff") + 1                # in bytes
    with pytest.raises(CorpusError, match=rf"news.jsonl:2: cannot be decoded: not UTF-8 \(invalid byte 0xff at column {column}\)"):
        list(iter_documents(path, id_column="id"))


def test_on_error_must_be_known():
    with pytest.raises(ValueError, match="on_error"):
        load_corpus(on_error="ignore")


def test_folder_metadata_is_merged_by_file(tmp_path):
    # metadata.csv beside the articles: matched by path relative to the folder, values as
    # text, a short row's missing cells empty, blank lines and rows of absent files ignored,
    # its own doc_id column never overriding the file's
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (tmp_path / name).write_text("وصل قاآني إلى بغداد.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,publication_date,doc_id\n"
        "a.txt,الشرق الأوسط,2021-11-08,other\n"
        "\n"
        "sub/c.txt,\"وكالة \"\"دجلة\"\"، بغداد\"\n"
        "gone.txt,العربية,2020-11-01,\n", encoding="utf-8")
    corpus = load_corpus(tmp_path).set_index("doc_id")
    assert corpus.loc["a", "outlet"] == "الشرق الأوسط" and corpus.loc["a", "publication_date"] == "2021-11-08"
    assert corpus.loc["sub/c", "outlet"] == 'وكالة "دجلة"، بغداد'
    assert corpus.loc["sub/c", "publication_date"] == "" and corpus.loc["b", "outlet"] == ""
    assert sorted(corpus.index) == ["a", "b", "sub/c"]
    (tmp_path / "metadata.csv").write_text("name,outlet\na.txt,العربية\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="metadata.csv: has no 'file' column"):
        load_corpus(tmp_path)
