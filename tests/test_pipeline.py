"""One pipeline: what the corpus knows survives pandas, ids are unique, both routes count alike."""
import json
import pickle

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus, tokens_table
from analysis.config import SEEDS_DIR
from analysis.corpus import boilerplate_of, boilerplate_table, skipped_inputs
from analysis.entities import merge_entities
from analysis.stream import count_stream
from analysis.terms import count_terms
from analysis.tokenize import counted_spans, counted_text, token_spans

QAANI = "قااني"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="module")
def tokens(corpus):
    return tokens_table(corpus)


def same_tokens(a, b):
    key = ["doc_id", "position"]
    pd.testing.assert_frame_equal(a.sort_values(key).reset_index(drop=True), b.sort_values(key).reset_index(drop=True))


def test_boilerplate_is_left_out_of_the_counts(corpus, tokens):
    # the seeds repeat headlines and widgets that name Qaani: counted, they would add to his count
    everything = tokens_table(corpus, include_boilerplate=True)
    assert (everything.term == QAANI).sum() > (tokens.term == QAANI).sum()
    assert len(boilerplate_table(corpus)) == corpus.n_boilerplate_lines.sum() > 0


def test_merge_with_metadata_keeps_the_same_tokens(corpus, tokens):
    metadata = pd.DataFrame({"doc_id": corpus.doc_id, "section": ["سياسة"] * len(corpus)})
    merged = corpus.merge(metadata, on="doc_id")
    same_tokens(tokens_table(merged), tokens)
    # pandas may compare or drop attrs: nothing breaks, and skipped inputs stay plain tuples
    merged.attrs.clear()
    same_tokens(tokens_table(merged), tokens)
    assert skipped_inputs(merged).empty


def test_concat_filter_sort_and_copy_keep_the_same_tokens(corpus, tokens):
    halves = pd.concat([corpus.iloc[:2], corpus.iloc[2:]], ignore_index=True)
    same_tokens(tokens_table(halves), tokens)
    same_tokens(tokens_table(corpus.sort_values("n_tokens")), tokens)
    same_tokens(tokens_table(corpus.copy()), tokens)
    kept = corpus[corpus.doc_id.str.startswith(("000", "002"))]
    same_tokens(tokens_table(kept), tokens[tokens.doc_id.isin(kept.doc_id)])


def test_a_frame_without_the_column_finds_the_same_boilerplate(corpus, tokens):
    bare = corpus[["doc_id", "title", "text"]]
    assert boilerplate_of(bare) == list(corpus.boilerplate)
    same_tokens(tokens_table(bare), tokens)


def test_concat_of_frames_with_skipped_inputs_works(tmp_path):
    (tmp_path / "a.txt").write_text("وصل قاآني إلى بغداد.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    one = load_corpus(tmp_path, on_error="skip")
    both = pd.concat([one, one.assign(doc_id="b")], ignore_index=True)      # raised on pandas 3.1 with frames in attrs
    assert both.doc_id.tolist() == ["a", "b"]
    assert skipped_inputs(one).file.tolist() == [str(tmp_path / "empty.txt")]
    pickle.loads(pickle.dumps(one))


def test_counted_spans_leave_out_boilerplate_and_markup():
    text = "آخر الأخبار\nقال<br>الكاظمي &quot;نعم&quot;."
    spans = counted_spans(text, [(0, 11)])
    assert [text[a:b] for a, b in spans] == ["\nقال", "الكاظمي ", "نعم", "."]
    assert [s.surface for s in token_spans(text, [(0, 11)])] == ["قال", "الكاظمي", "نعم"]
    assert counted_text(text, [(0, 11)]).split() == ["قال", "الكاظمي", "نعم", "."]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_duplicate_ids_are_an_error_naming_both_sources(tmp_path):
    path = tmp_path / "news.jsonl"
    write_jsonl(path, [{"id": "x", "text": "وصل قاآني إلى بغداد"}, {"id": "y", "text": "التقى الكاظمي"},
                       {"id": "x", "text": "غادر قاآني بغداد مساء"}])
    with pytest.raises(CorpusError, match=r"doc_id 'x' is used by 2 documents: .*news.jsonl:1, .*news.jsonl:3"):
        load_corpus(path, id_column="id")
    with pytest.raises(CorpusError, match=r"doc_id 'x' is used by 2 documents: .*news.jsonl:1, .*news.jsonl:3"):
        count_stream(path, id_column="id", progress=False, workers=1)


def test_duplicate_ids_numbered_keep_every_document(tmp_path):
    path = tmp_path / "news.jsonl"
    write_jsonl(path, [{"id": "x", "text": "وصل قاآني إلى بغداد"}, {"id": "x", "text": "غادر قاآني بغداد مساء"},
                       {"id": "x#2", "text": "التقى الكاظمي"}])
    corpus = load_corpus(path, id_column="id", duplicate_ids="number")
    assert corpus.doc_id.tolist() == ["x", "x#3", "x#2"]            # x#2 was taken
    tokens = merge_entities(tokens_table(corpus))
    assert tokens.groupby("doc_id").size().to_dict() == {"x": 4, "x#3": 4, "x#2": 2}
    expected = count_terms(tokens, by="doc_id")
    for workers in (1, 2):
        streamed = count_stream(path, id_column="id", duplicate_ids="number", by_doc=True, progress=False,
                                workers=workers, partition_bytes=60)
        pd.testing.assert_frame_equal(streamed.reset_index(drop=True), expected.reset_index(drop=True),
                                      check_dtype=False)


def test_duplicate_file_stems_in_subfolders_are_different_ids(tmp_path):
    for outlet in ("bbc", "cnn"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "1.txt").write_text(f"خبر {outlet} عن قاآني في بغداد.", encoding="utf-8")
    assert sorted(load_corpus(tmp_path).doc_id) == ["bbc/1", "cnn/1"]


def test_a_stray_byte_loads_as_utf8_with_a_note_or_is_refused(tmp_path):
    good = "وصل قائد فيلق القدس إسماعيل قاآني إلى بغداد والتقى الكاظمي.".encode("utf-8")
    (tmp_path / "stray.txt").write_bytes(good[:20] + b"\xff" + good[20:])
    corpus = load_corpus(tmp_path)
    assert "قاآني" in corpus.text[0] and "\ufffd" in corpus.text[0]
    assert "invalid UTF-8 byte" in corpus.decoding[0]
    with pytest.raises(CorpusError, match="stray.txt"):
        load_corpus(tmp_path, invalid_bytes="error")
    table = count_stream(tmp_path, invalid_bytes="error", on_error="skip", progress=False, workers=1)
    assert table.empty and skipped_inputs(table).file.tolist() == [str(tmp_path / "stray.txt")]
    counted = count_stream(tmp_path, progress=False, workers=1).set_index("term")["count"]
    assert counted[QAANI] == 1
