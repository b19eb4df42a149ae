"""The streaming counter gives exactly the notebooks' counts: 1 process, N processes, Dask."""
import gzip
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import load_corpus, tokens_table
from analysis.__main__ import main
from analysis.config import SEEDS_DIR
from analysis.corpus import skipped_inputs
from analysis.entities import merge_entities
from analysis.stream import count_stream
from analysis.terms import count_terms


@pytest.fixture(scope="module")
def expected():
    corpus = load_corpus(SEEDS_DIR)
    tokens = merge_entities(tokens_table(corpus))
    return count_terms(tokens), count_terms(tokens, by="doc_id")


def same(a, b):
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize("workers", [1, 2])
def test_equals_the_notebook_counts(expected, workers):
    same(count_stream(SEEDS_DIR, workers=workers, progress=False), expected[0])
    same(count_stream(SEEDS_DIR, workers=workers, by_doc=True, progress=False), expected[1])


@pytest.mark.parametrize("block", [1, 97])
def test_vocabulary_decided_a_block_at_a_time_gives_identical_counts(expected, block, monkeypatch):
    # each form's term depends on the form and the whole vocabulary only: blocks of any size,
    # even one form, give the notebooks' counts and labels
    import analysis.count_table

    monkeypatch.setattr(analysis.count_table, "VOCABULARY_BLOCK", block)
    same(count_stream(SEEDS_DIR, workers=1, progress=False), expected[0])
    same(count_stream(SEEDS_DIR, workers=2, by_doc=True, progress=False), expected[1])


@pytest.mark.parametrize("processes", [2, 3])
def test_vocabulary_shared_among_forked_processes_gives_identical_counts(expected, processes, monkeypatch):
    # the vocabulary cut into ranges, each decided in its own process in blocks that do
    # not divide it: term ids, flags and labels as one process gives them
    import analysis.count_table

    monkeypatch.setattr(analysis.count_table, "PARALLEL_VOCABULARY_FORMS", 50)
    monkeypatch.setattr(analysis.count_table, "VOCABULARY_BLOCK", 97)
    same(count_stream(SEEDS_DIR, workers=processes, progress=False), expected[0])
    same(count_stream(SEEDS_DIR, workers=processes, by_doc=True, progress=False), expected[1])


def test_dask_local_cluster_gives_identical_counts(expected):
    pytest.importorskip("dask.distributed")
    same(count_stream(SEEDS_DIR, workers=2, scheduler="local", progress=False, partition_bytes=4000), expected[0])


def test_small_partitions_and_archives_give_identical_counts(tmp_path, expected):
    corpus = load_corpus(SEEDS_DIR)
    jsonl = tmp_path / "news.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for doc_id, text, title in zip(corpus.doc_id, corpus.text, corpus.title):
            out.write(json.dumps({"id": doc_id, "text": text, "title": title}, ensure_ascii=False) + "\n")
    many = count_stream(jsonl, id_column="id", workers=2, partition_bytes=3000, progress=False)
    same(many, expected[0])
    gz = tmp_path / "news.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    same(count_stream(gz, id_column="id", progress=False), expected[0])
    archive = tmp_path / "seeds.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(jsonl, "news.jsonl")
    same(count_stream(archive, id_column="id", progress=False), expected[0])


def test_nested_folders_are_read_recursively(tmp_path, expected):
    shutil.copytree(SEEDS_DIR, tmp_path / "a" / "b")
    table = count_stream(tmp_path, by_doc=True, progress=False)
    assert set(table.doc_id) == {f"a/b/{p.stem}" for p in SEEDS_DIR.glob("*.txt")}


def test_bad_lines_are_reported_with_their_line_numbers(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"text": "وصل قاآني إلى بغداد"}, ensure_ascii=False)] * 50
    lines[37] = "{broken"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="news.jsonl:38: is not valid JSON"):
        count_stream(path, partition_bytes=500, progress=False, workers=1)
    table = count_stream(path, partition_bytes=500, on_error="skip", progress=False, workers=2)
    assert skipped_inputs(table).file.tolist() == [f"{path}:38"]
    assert table.set_index("term").loc["قااني", "count"] == 49 and table.attrs["n_docs"] == 49


def test_command_line(tmp_path, capsys):
    out = tmp_path / "terms.csv"
    assert main(["count", str(SEEDS_DIR), "--out", str(out), "--workers", "2", "--no-progress"]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table.columns) == ["term", "label", "count", "per_1000", "doc_freq"]
    assert table.iloc[0].term == "الكاظمي" and table.iloc[0]["count"] == 37
    assert "5 documents" in capsys.readouterr().err
    assert main(["count", str(tmp_path / "missing"), "--out", str(out)]) == 2


@pytest.mark.parametrize("by_doc", [False, True])
def test_command_line_csv_is_what_pandas_writes(tmp_path, by_doc, monkeypatch):
    from analysis import __main__ as command
    from analysis.__main__ import _write_csv

    monkeypatch.setattr(command, "CSV_BLOCK_ROWS", 7)               # many blocks, a short last one
    monkeypatch.setattr(command, "CSV_PARALLEL_ROWS", 10)            # and shares written by forked processes

    table = count_stream(SEEDS_DIR, by_doc=by_doc, progress=False, workers=1)
    table.loc[0, "label"] = 'قال: "نعم"، و\nلا'                  # quotes, a comma, a line break
    table.loc[1, "per_1000"] = 1e-7                                 # a float repr with an exponent
    _write_csv(table, tmp_path / "fast.csv")
    table.to_csv(tmp_path / "pandas.csv", index=False, encoding="utf-8-sig", lineterminator="\n")
    assert (tmp_path / "fast.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    for processes in (2, 3):
        _write_csv(table, tmp_path / "shared.csv", processes=processes)
        assert (tmp_path / "shared.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []          # no share left behind
    _write_csv(table.iloc[:0], tmp_path / "empty.csv")
    table.iloc[:0].to_csv(tmp_path / "pandas.csv", index=False, encoding="utf-8-sig", lineterminator="\n")
    assert (tmp_path / "empty.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    table.loc[2, "label"] = None                                    # missing values: pandas writes them
    _write_csv(table, tmp_path / "fast.csv")
    table.to_csv(tmp_path / "pandas.csv", index=False, encoding="utf-8-sig", lineterminator="\n")
    assert (tmp_path / "fast.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


@pytest.mark.parametrize("by_doc", [False, True])
def test_streamed_count_written_block_by_block_is_the_frame_pandas_writes(tmp_path, by_doc, monkeypatch):
    # the command line writes the count without making the whole table: the strings of a
    # block of rows at a time, in this process or in forked shares
    from analysis import __main__ as command
    from analysis.__main__ import _write_csv
    from analysis.stream import stream_counts

    monkeypatch.setattr(command, "CSV_BLOCK_ROWS", 7)
    monkeypatch.setattr(command, "CSV_PARALLEL_ROWS", 10)
    counted = stream_counts(SEEDS_DIR, by_doc=by_doc, progress=False, workers=2, partition_bytes=20_000)
    frame = counted.to_frame()
    assert frame.columns.tolist() == counted.columns and len(frame) == len(counted)
    # labels that differ from their term are kept (قاآني is counted as قااني, written قاآني)
    assert set(frame.loc[frame.term == "قااني", "label"]) == {"قاآني"}
    frame.to_csv(tmp_path / "pandas.csv", index=False, encoding="utf-8-sig", lineterminator="\n")
    for processes in (1, 2):
        _write_csv(counted, tmp_path / "lazy.csv", processes=processes)
        assert (tmp_path / "lazy.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    assert counted.column("term", 0, 3) == frame.term.iloc[:3].tolist()
    assert counted.column("count", 2, 4) == frame["count"].iloc[2:4].tolist()


def test_interrupt_writes_nothing(tmp_path, monkeypatch):
    import analysis.stream

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(analysis.stream, "stream_counts", interrupted)
    out = tmp_path / "terms.csv"
    assert main(["count", str(SEEDS_DIR), "--out", str(out)]) == 130
    assert not out.exists()


def test_odd_inputs_count_the_same_as_the_notebooks(tmp_path):
    from tests.test_robustness import BAD, ODD

    for name, data in {**ODD, **{k: v for k, (v, _) in BAD.items()}}.items():
        (tmp_path / name).write_bytes(data)
    tokens = merge_entities(tokens_table(load_corpus(tmp_path, on_error="skip")))
    streamed = count_stream(tmp_path, on_error="skip", workers=2, by_doc=True, progress=False,
                            partition_bytes=200)
    same(streamed, count_terms(tokens, by="doc_id"))
    assert len(skipped_inputs(streamed)) == len(BAD)


def test_json_lines_may_hold_unicode_line_separators(tmp_path):
    # U+2028, U+0085 are legal inside JSON strings (json.dumps writes them raw with
    # ensure_ascii=False); a JSON-lines record ends at "\n" only
    path = tmp_path / "news.jsonl"
    rows = [{"text": "وصل قاآني\u2028إلى بغداد\u0085مساء"}, {"text": "وصل قاآني إلى بغداد"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    table = count_stream(path, by_doc=True, progress=False, workers=1)
    assert sorted(set(table.doc_id)) == ["news:1", "news:2"]
    assert table.attrs["n_docs"] == 2 and skipped_inputs(table).empty
    assert load_corpus(path).text.tolist()[0] == rows[0]["text"]


def test_ligatures_and_the_pure_python_scanner_give_the_same_counts(tmp_path, monkeypatch):
    import importlib

    (tmp_path / "a.txt").write_text("قال النبي ﷺ إن الله ﷲ معنا.\nوصل قاآني ﷺ إلى بغداد.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("ﻗﺎﺁﻧﻲ في ﺑﻐﺪﺍﺩ، والكاظمي مَساءً.", encoding="utf-8")
    expected = count_terms(merge_entities(tokens_table(load_corpus(tmp_path))), by="doc_id")
    compiled = count_stream(tmp_path, by_doc=True, progress=False, workers=1)
    same(compiled, expected)
    assert "الله" in set(compiled.term) and "صلي" in set(compiled.term)       # ﷺ and ﷲ unfolded
    # every module on its pure-Python path, as where no C compiler was found
    normalize_module = importlib.import_module("analysis.normalize")
    for name in ("tokenize", "normalize", "interner"):
        monkeypatch.setattr(importlib.import_module(f"analysis.{name}"), "_scan", None)
    normalize_module._normalizer_for.cache_clear()
    try:
        same(count_stream(tmp_path, by_doc=True, progress=False, workers=2), expected)
    finally:
        monkeypatch.undo()
        normalize_module._normalizer_for.cache_clear()


def test_results_of_one_worker_merge_in_any_order(tmp_path, expected):
    # Dask may hand back a worker's partitions out of order: each result waits for the
    # earlier ones of its worker, and nothing is lost or counted twice
    from analysis.count_merge import Merger, aggregate
    from analysis.count_table import vocabulary_terms
    from analysis.count_worker import count_partition
    from analysis.reader import partitions

    parts = partitions(SEEDS_DIR, target_bytes=4000)
    assert len(parts) >= 3
    results = [count_partition(p, job="any-order", index=i) for i, p in enumerate(parts)]
    assert results[1].norm_start > 0                       # later results send only new forms
    merged = {}
    for name, order in (("in order", results), ("reversed", results[::-1])):
        merger = Merger(tmp_path)
        for result in order[:-1]:
            merger.add(result)
        if name == "reversed":
            assert merger.waiting and not merger.spills     # the first result is still missing
        merger.add(order[-1])
        assert not merger.waiting and len(merger.spills) == len(parts)
        vocab, terms = vocabulary_terms(merger, merge_variants=True)
        totals, doc_freq, _ = aggregate(merger, vocab, by_doc=False)
        terms = terms.strings()                             # by term id
        merged[name] = dict(zip(terms, zip(totals.tolist(), doc_freq.tolist())))
    assert merged["in order"] == merged["reversed"]
    table = expected[0].set_index("term")
    assert all(merged["reversed"][t] == (table.loc[t, "count"], table.loc[t, "doc_freq"]) for t in table.index)


def test_counting_workers_never_import_pandas():
    # the worker processes fork before this process needs pandas; importing it first would
    # hold them back by a third of a second
    code = ("import sys; import analysis.__main__, analysis.stream; "
            "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_json_lines_ranges_are_numbered_as_they_are_handed_out(tmp_path):
    from analysis.reader import numbered_partitions, partitions, read_partition

    path = tmp_path / "news.jsonl"
    rows = [json.dumps({"text": f"وصل قاآني إلى بغداد {i}"}, ensure_ascii=False) for i in range(200)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    numbered = partitions(path, target_bytes=700)
    lazy = partitions(path, target_bytes=700, number_lines=False)
    assert len(numbered) > 5 and all(p.first_line == 0 for p in lazy)
    assert list(numbered_partitions(lazy)) == numbered
    assert list(numbered_partitions(lazy[3:])) == numbered[3:]            # a range skipped is counted
    assert list(numbered_partitions(lazy[4:] + lazy[:2])) == numbered[4:] + numbered[:2]
    firsts = [next(iter(read_partition(p)))["doc_id"] for p in numbered]
    assert firsts == [f"news:{p.first_line}" for p in numbered] and firsts[0] == "news:1"
    with pytest.raises(ValueError, match="without its line number"):
        next(iter(read_partition(lazy[1])))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789٠١٢٣۴۵٩\u0640ـabب²½①߁𝟘") + ["\u0660"]), min_size=1, max_size=8))
def test_number_test_is_the_number_pattern(token):
    from analysis.resources import NUMBER_RE
    from analysis.vocabulary import is_number

    assert is_number(token) == bool(NUMBER_RE.match(token))


def _seed_lines(path, copies: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for i in range(copies):
            out.write(json.dumps({"id": f"d{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


def _dies_on_the_second(task, **kwargs):
    """count_spilled, but the process counting the second partition ends at once."""
    import os

    from analysis.count_worker import count_spilled

    if task[0] == 1:
        os._exit(9)
    return count_spilled(task, **kwargs)


def test_a_worker_that_dies_is_an_error_not_a_wait(tmp_path, monkeypatch):
    # a counting worker killed by the system (out of memory) must not leave the count waiting
    import analysis.stream

    corpus = tmp_path / "corpus.jsonl"
    _seed_lines(corpus, 200)
    monkeypatch.setattr(analysis.stream, "count_spilled", _dies_on_the_second)
    with pytest.raises(RuntimeError, match="ended without sending its result back"):
        count_stream(corpus, workers=2, progress=False, partition_bytes=20_000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals to a process group: Linux here")
def test_ctrl_c_stops_the_workers_and_writes_nothing(tmp_path):
    import os
    import signal
    import time

    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "terms.csv"
    _seed_lines(corpus, 20_000)                               # about 100 MB: counting takes seconds
    # Ctrl-C as in a terminal: a job started in the background by a shell without job control
    # (as a CI runner may start the tests) inherits SIGINT ignored, and Python then never
    # turns it into KeyboardInterrupt; the count starts with the default disposition
    run = subprocess.Popen([sys.executable, "-m", "analysis", "count", str(corpus), "--out", str(out),
                            "--workers", "2", "--no-progress"], stderr=subprocess.PIPE, text=True,
                           start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    children = Path(f"/proc/{run.pid}/task/{run.pid}/children")   # where the kernel lists them
    deadline = time.monotonic() + (20 if children.exists() else 1)
    while run.poll() is None and time.monotonic() < deadline and \
            (not children.exists() or len(children.read_text().split()) < 2):
        time.sleep(0.05)                                      # until the two workers count
    time.sleep(0.3)
    assert run.poll() is None, "the count ended before it could be interrupted"
    os.killpg(run.pid, signal.SIGINT)                          # as Ctrl-C in a terminal does
    _, err = run.communicate(timeout=30)
    assert run.returncode == 130 and "interrupted: nothing written" in err
    assert not out.exists() and not list(tmp_path.glob("*.tmp*"))
    with pytest.raises(ProcessLookupError):                   # no worker left behind
        os.killpg(run.pid, 0)
