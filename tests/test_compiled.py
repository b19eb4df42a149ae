"""The compiled core (analysis/_scan.c) gives exactly what its pure-Python reference gives.

Each C function has a Python definition it must equal: str.translate, a regex search,
" ".join(text.split()), the boilerplate line scan, numpy's per-document counts.  These
tests compare them on every code point that matters, on the seeds and on random text.
"""
import importlib
import sys
from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import boilerplate, stream
from analysis._compiled import _scan
from analysis.normalize import _PRESENTATION_FORMS, _PRESENTATION_RE, CHARACTER_MAPS, normalize

pytestmark = pytest.mark.skipif(_scan is None, reason="analysis._scan is not built")

#: the table the default normalizer translates with
TABLE = str.maketrans({c: t for name, mapping in CHARACTER_MAPS.items() if name != "teh_marbuta"
                       for c, t in mapping.items()})
BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
#: characters around which the C code has branches: line breaks, spaces of every kind,
#: closers, stops, marks the table deletes or maps, wide and narrow characters
TRICKY = list("ab \n\r\t\x0b\x0c\x1c\x85\u2028\u00a0\u3000\u200b\u200c\u200f\u0640.!?؟…\"'”»)]،") + [
    "قال", "قاآني", "مَساءً", "إلى", "٢٠٢١", "é", "\u0301", "😀", "𝐀", "ﻗﺎﺁﻧﻲ", "ﷺ"]
tricky_text = st.lists(st.sampled_from(TRICKY), max_size=60).map("".join)


def on_python_path(module, name, *args):
    """``module.name(*args)`` with the module on its pure-Python path (its ``_scan`` unset)."""
    saved, module._scan = module._scan, None
    try:
        return getattr(module, name)(*args)
    finally:
        module._scan = saved


def test_translator_equals_str_translate_on_every_bmp_character():
    translate = _scan.Translator(TABLE)
    assert translate(BMP) == BMP.translate(TABLE)
    for c in range(0, 0x10000, 7):                     # one character at a time, too
        ch = chr(c) if not 0xD800 <= c <= 0xDFFF else "x"
        assert translate(ch) == ch.translate(TABLE)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), tricky_text))
def test_translator_equals_str_translate_on_any_text(text):
    assert _scan.Translator(TABLE)(text) == text.translate(TABLE)


def test_translator_returns_canonical_strings():
    # "é" plus a deleted Arabic mark is Latin-1 once the mark is gone: a str stored wider
    # than it needs would compare unequal to the same characters
    out = _scan.Translator(TABLE)("é\u064ea")
    expected = b"\xe9a".decode("latin-1")                # a new str, stored one byte a character
    assert out == expected and hash(out) == hash(expected) and sys.getsizeof(out) == sys.getsizeof(expected)
    assert _scan.Translator(TABLE)("\u064b\u064c") == ""
    unchanged = "بغداد"
    assert _scan.Translator(TABLE)(unchanged) is unchanged           # nothing built


@pytest.mark.parametrize("table, error", [
    ({0x1F600: "x"}, ValueError), ({ord("a"): "xy"}, ValueError), ({ord("a"): -5}, ValueError),
    ({"a": "b"}, ValueError),
])
def test_translator_rejects_tables_it_cannot_apply(table, error):
    with pytest.raises(error):
        _scan.Translator(table)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), tricky_text))
def test_first_in_equals_the_regex_search(text):
    match = _PRESENTATION_RE.search(text)
    assert _scan.first_in(text, _PRESENTATION_FORMS) == (match.start() if match else -1)


def test_words_are_cut_where_str_split_cuts_them_for_every_code_point():
    # the C code tells spaces apart with a shortcut for most scripts: every code point checked
    everything = "".join(f"a{chr(c)}b" for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert _scan.joined_words(everything) == " ".join(everything.split())
    n_pairs, _ = _scan.pair_overlaps(everything, [])
    words = everything.split()
    assert n_pairs == len(set(zip(words, words[1:])))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), tricky_text))
def test_joined_words_equals_split_and_join(text):
    out = _scan.joined_words(text)
    assert out == " ".join(text.split()) and hash(out) == hash(" ".join(text.split()))


@settings(max_examples=400, deadline=None)
@given(tricky_text, st.integers(0, 30))
def test_marked_lines_equal_the_python_definition(text, short):
    assert boilerplate._marked_lines(text, short) == on_python_path(boilerplate, "_marked_lines", text, short)


def test_marked_lines_on_the_seeds(seeds):
    for text in seeds["text"]:
        compiled = boilerplate._marked_lines(text, 120)
        assert on_python_path(boilerplate, "_marked_lines", text, 120) == compiled
        assert any(flags & 1 for *_, flags in compiled)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([t for t in TRICKY if t not in "\n\r"]), max_size=30).map("".join),
                max_size=6))
def test_lines_normalize_together_as_they_do_alone(lines):
    # line-local steps: the lines joined by "\n" normalize as a whole, one call per document
    lines = [line.replace("\n", "").replace("\r", "") for line in lines]
    assert boilerplate._normalized(lines) == [normalize(line) for line in lines]


def per_doc(ids, counts, doc_ptr):
    return [dict(zip(ids[a:b].tolist(), counts[a:b].tolist())) for a, b in zip(doc_ptr[:-1], doc_ptr[1:])]


@pytest.mark.parametrize("seed", range(5))
def test_doc_counts_equal_numpy(seed):
    rng = np.random.default_rng(seed)
    n_surfaces, n_norms = 50, 30
    width = rng.choice([0, 1, 1, 1, 2, 3], size=n_surfaces)           # empties and ligatures
    ptr = np.concatenate(([0], np.cumsum(width))).astype(np.int64)
    flat = rng.integers(0, n_norms, size=int(ptr[-1])).astype(np.int64)
    lengths = rng.integers(0, 40, size=20).astype(np.int64)
    sid = rng.integers(0, n_surfaces, size=int(lengths.sum())).astype(np.int32)
    compiled = stream._doc_counts(sid, lengths, ptr, flat, n_norms)
    reference = on_python_path(stream, "_doc_counts", sid, lengths, ptr, flat, n_norms)
    assert per_doc(*compiled[:3]) == per_doc(*reference[:3])
    for got, want in zip(compiled[3:], reference[3:]):
        assert got.tolist() == want.tolist()
    assert compiled[4].sum() == compiled[3].sum() == (ptr[sid + 1] - ptr[sid]).sum()


def test_doc_counts_refuse_ids_out_of_range():
    ptr, flat = np.array([0, 1], dtype=np.int64), np.array([0], dtype=np.int64)
    with pytest.raises(ValueError, match="surface id 1"):
        _scan.doc_counts(np.array([0, 1], dtype=np.int32), np.array([2], dtype=np.int64), ptr, flat, 1)
    with pytest.raises(ValueError, match="add up"):
        _scan.doc_counts(np.array([0], dtype=np.int32), np.array([2], dtype=np.int64), ptr, flat, 1)
    with pytest.raises(ValueError, match="norm id 5"):
        _scan.doc_counts(np.array([0], dtype=np.int32), np.array([1], dtype=np.int64), ptr,
                         np.array([5], dtype=np.int64), 1)
    with pytest.raises(TypeError, match="sid"):
        _scan.doc_counts(np.array([0], dtype=np.int64), np.array([1], dtype=np.int64), ptr, flat, 1)


@contextmanager
def pure_python():
    """Every module on its pure-Python path, as where no C compiler was found."""
    modules = [importlib.import_module(f"analysis.{name}") for name in ("boilerplate", "stream", "normalize", "tokenize")]
    normalize_module = modules[2]
    for module in modules:
        module._scan = None
    normalize_module._normalizer_for.cache_clear()
    try:
        yield
    finally:
        for module in modules:
            module._scan = _scan
        normalize_module._normalizer_for.cache_clear()


LINES = ["آخر الأخبار", "مقالات ذات صلة", "الشأن الإيراني", "الاثنين 2021/11/08", "قاآني في بغداد",
         "وصل قاآني إلى بغداد بعد الهجوم على منزل الكاظمي بطائرة مسيرة، وفق مصادر عراقية.",
         "قال مسؤول عراقي إن قاآني التقى قادة الفصائل في بغداد بعد الهجوم على منزل الكاظمي",
         "قال مسؤول عراقي إن قاآني التقى قادة الفصائل في بغداد بعد الهجوم على منزل الكاظمي مساء الأحد.",
         "", "   ", "ﻗﺎﺁﻧﻲ ﻓﻲ ﺑﻐﺪﺍﺩ", "جميع الحقوق محفوظة 2021", "“لا نريد التصعيد”"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), tricky_text), max_size=10),
       st.sampled_from(["\n", "\r\n", "\r"]), st.sampled_from([None, "", "قاآني في بغداد"]))
def test_boilerplate_is_the_same_without_the_compiled_core(lines, newline, title):
    text = newline.join(lines)
    compiled = boilerplate.boilerplate_lines(text, title=title)
    with pure_python():
        assert boilerplate.boilerplate_lines(text, title=title) == compiled


def test_seed_boilerplate_is_the_same_without_the_compiled_core(seeds):
    compiled = [boilerplate.boilerplate_lines(t) for t in seeds["text"]]
    with pure_python():
        assert [boilerplate.boilerplate_lines(t) for t in seeds["text"]] == compiled
    assert len({rule for rows in compiled for *_, rule in rows}) >= 3        # several rules were exercised


words_text = st.lists(st.sampled_from(["قال", "قاآني", "في", "بغداد", "a", "é", "😀", " ", "\u3000", "\t"]),
                      max_size=30).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(words_text, tricky_text), st.lists(st.one_of(words_text, tricky_text), max_size=4))
def test_pair_overlaps_equal_set_intersections(candidate, paragraphs):
    compiled = boilerplate._pair_overlaps(candidate, paragraphs)
    assert compiled == on_python_path(boilerplate, "_pair_overlaps", candidate, paragraphs)


def test_pair_overlaps_on_a_seed_paragraph(seeds):
    paragraphs = [line for text in seeds["text"] for line in text.split("\n") if len(line.split()) > 12]
    quote = " ".join(paragraphs[3].split()[2:14])                 # twelve words of one paragraph
    n_pairs, overlaps = _scan.pair_overlaps(quote, paragraphs)
    assert n_pairs == 11 and overlaps[3] == 11 and max(overlaps[:3] + overlaps[4:]) < 11


def test_line_rules_refuse_a_normalizer_that_breaks_lines():
    exact, prefixes = boilerplate._phrases()
    quote = "قال مسؤول عراقي رفيع إن قاآني التقى قادة الفصائل المسلحة في بغداد مساء الأحد الماضي"
    assert len(quote) > 80                                  # not a short line: only the pull-quote step sees it
    text = f"آخر الأخبار\nقاآني في بغداد\n{quote}\n{quote} بعد الهجوم على منزل الكاظمي."
    args = [text, "قاآني في بغداد", 80, 2000, 8, 0.4, boilerplate._CLOSERS, boilerplate._STOPS, normalize, exact,
            prefixes, boilerplate.DATE_LINE_RE.match, boilerplate._is_label]
    assert [(no, rule) for no, _, _, rule in _scan.line_rules(*args)] == [(0, 0), (2, 4)]
    for broken, error, message in [(lambda text: text.replace("\n", " "), ValueError, "line break"),
                                   (lambda text: b"bytes", TypeError, "must return a str")]:
        args[8] = broken
        with pytest.raises(error, match=message):
            _scan.line_rules(*args)
    # the pull-quote step normalizes the paragraphs in a call of its own: checked there too
    args[8] = lambda text: normalize(text) if text.count("\n") < 2 else normalize(text).replace("\n", " ")
    with pytest.raises(ValueError, match="line break"):
        _scan.line_rules(*args)
