"""The compact vocabulary (analysis.interner): the compiled Interner gives what its
pure-Python definition gives, on Arabic forms, text with surrogates, and random strings."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis._compiled import _scan
from analysis.interner import Interner
from analysis.normalize import normalize

KINDS = [False] + ([True] if _scan is not None else [])
WORDS = ["قاآني", "قاني", "والكاظمي", "الكاظمي", "بغداد", "٢٠٢١", "2021", "é", "😀", "\udcff", "ﷺ", "", "a"]


@pytest.mark.parametrize("compiled", KINDS)
def test_ids_in_order_of_first_appearance_like_factorize(compiled):
    import pandas as pd

    forms = Interner(compiled=compiled)
    words = WORDS + WORDS[::-1] + [normalize(w) for w in WORDS if w != "\udcff"]
    ids = forms.add(words)
    codes, uniques = pd.factorize(pd.Series(words, dtype=object))
    assert ids.tolist() == codes.tolist()
    assert forms.strings() == list(uniques)
    assert forms.take(ids) == words
    assert forms.find(["قاآني", "غائب", "\udcff"]).tolist() == [0, -1, WORDS.index("\udcff")]
    assert forms.contains(["بغداد", "بغدادي"]).tolist() == [True, False]
    assert [forms.strings()[i] for i in forms.order()] == sorted(forms.strings())
    assert list(forms) == forms.strings() and forms.strings(2, 4) == forms.strings()[2:4]


@pytest.mark.parametrize("compiled", KINDS)
def test_dropped_index_keeps_strings_and_refuses_lookups(compiled):
    forms = Interner(compiled=compiled)
    forms.add(["العراق", "إيران"])
    forms.drop_index()
    assert forms.strings() == ["العراق", "إيران"] and len(forms) == 2
    with pytest.raises(RuntimeError, match="dropped"):
        forms.find(["العراق"])
    with pytest.raises(RuntimeError, match="dropped"):
        forms.add(["سوريا"])


@pytest.mark.parametrize("compiled", KINDS)
def test_rejects_what_it_cannot_hold(compiled):
    forms = Interner(compiled=compiled)
    with pytest.raises(TypeError, match="str"):
        forms.add(["قاآني", 3])
    with pytest.raises(TypeError, match="str"):
        forms.find([None])
    forms = Interner(compiled=compiled)
    with pytest.raises(IndexError, match="out of range"):
        forms.take([0])
    forms.add(["قاآني", "بغداد"])
    for ids in ([2], [-1]):
        with pytest.raises(IndexError, match="out of range"):
            forms.take(ids)
    with pytest.raises(ValueError, match="negative"):
        forms.strings(-1)
    with pytest.raises(ValueError, match="negative"):
        forms.strings(0, -1)
    if compiled:
        with pytest.raises(TypeError, match="int64"):
            forms._core.take(np.zeros(1, dtype=np.int32))


@pytest.mark.skipif(_scan is None, reason="analysis._scan is not built")
@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=6), max_size=40), max_size=5))
def test_compiled_equals_reference_over_many_calls(batches):
    c, py = Interner(compiled=True), Interner(compiled=False)
    for batch in batches:
        assert c.add(batch).tolist() == py.add(batch).tolist()
        probe = batch[::2] + ["ليس_هنا"]
        assert c.find(probe).tolist() == py.find(probe).tolist()
    assert c.strings() == py.strings()
    assert c.order().tolist() == py.order().tolist()


@pytest.mark.skipif(_scan is None, reason="analysis._scan is not built")
def test_compiled_grows_past_its_first_tables():
    words = [f"كلمة{i}" for i in range(70_000)]          # past 1,024 ids, 2,048 slots, 64 KB of text
    forms = Interner(compiled=True)
    assert forms.add(words).tolist() == list(range(70_000))
    assert forms.add(words[::-1]).tolist() == list(range(70_000))[::-1]
    assert forms.take([69_999, 0]) == ["كلمة69999", "كلمة0"]


@pytest.mark.skipif(_scan is None, reason="analysis._scan is not built")
def test_compiled_lookups_leave_the_keys_as_they_were():
    # no UTF-8 copy is kept on a str looked up (the vocabulary's strings would grow by half)
    import sys

    keys = ["قاآني" + str(i) for i in range(3)] + ["\udcff" + "بغداد", "😀قال"]
    sizes = [sys.getsizeof(k) for k in keys]
    forms = Interner(compiled=True)
    forms.add(keys)
    forms.find(keys)
    assert [sys.getsizeof(k) for k in keys] == sizes
    assert forms.strings() == keys
