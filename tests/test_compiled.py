"""The compiled core (analysis/_scan.c) gives exactly what its pure-Python reference gives.

The compiled core is the token scanner (tested against TOKEN_RE in tests/test_tokenize.py)
and the Translator, which must equal str.translate: these tests compare them on every
code point that matters and on random text.
"""
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis._compiled import _scan
from analysis.normalize import _PRESENTATION_RE, CHARACTER_MAPS

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
def test_presentation_form_check_equals_the_regex_search(text):
    from analysis.normalize import has_presentation_forms

    assert has_presentation_forms(text) == (_PRESENTATION_RE.search(text) is not None)


def test_only_the_scanner_the_translator_and_a_string_table_are_compiled():
    # the rules a researcher may tune live in Python only (boilerplate, pull quotes, clitics);
    # the Interner only stores strings (tests/test_interner.py)
    assert sorted(name for name in dir(_scan) if not name.startswith("__")) == ["Interner", "Scanner", "Translator"]
