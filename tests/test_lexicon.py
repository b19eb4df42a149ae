import numpy as np
import pytest

from analysis import lexicon
from analysis.normalize import normalize


def test_the_folded_lexicon_is_cached_and_rebuilt_when_broken(tmp_path, monkeypatch):
    from analysis import config

    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    fresh = lexicon._stored_table().to_dict()                      # builds and writes the cache
    (path,) = tmp_path.glob("lexicon-ar-*.pickle")
    assert lexicon._stored_table().to_dict() == fresh              # read back
    assert fresh["قالت"] > fresh.get("وقالت", 0) > lexicon.MIN_ZIPF
    path.write_bytes(b"not a pickle")
    assert lexicon._stored_table().to_dict() == fresh              # rebuilt, not trusted


def test_folding_sums_the_spellings():
    import wordfreq

    # أكد and اكد are one entry after normalization: at least as common as either spelling
    assert lexicon.zipf(normalize("أكد")) >= max(wordfreq.zipf_frequency("أكد", "ar"),
                                                   wordfreq.zipf_frequency("اكد", "ar")) - 0.01
    assert lexicon.zipf("أكد") == 0.0                             # lookups take normalized words


def test_zipf_many_equals_one_by_one():
    words = list(lexicon._zipf_table())
    sample = words[::97] + ["", "بغدادز", "a", "\U0001F600", min(words), max(words)]
    many = lexicon.zipf_many(sample)
    assert isinstance(many, np.ndarray) and many.dtype == np.float64
    assert many.tolist() == [lexicon.zipf(w) for w in sample]
    assert lexicon.zipf_many(iter(["بغداد"])).tolist() == [lexicon.zipf("بغداد")]   # any iterable
    assert lexicon.zipf_many([]).shape == (0,)
    # a column with missing values: 0 for them, as zipf() gives for any unknown key
    assert lexicon.zipf_many(["بغداد", None, float("nan")]).tolist() == [lexicon.zipf("بغداد"), 0.0, 0.0]


def test_small_table_round_trip():
    stored = lexicon._StoredTable.of({"قال": 1e-4, "ب": 1e-5, "بغداد": 1e-6})
    assert stored.to_dict() == pytest.approx({"قال": 5.0, "ب": 4.0, "بغداد": 3.0})
    assert lexicon._is_stored_table(stored)
    assert not lexicon._is_stored_table(stored._replace(zipfs=stored.zipfs[:2]))
    with pytest.raises(ValueError):
        lexicon._StoredTable.of({"قال\nب": 1e-4})


def test_no_compiled_core():
    # the lexicon is pure Python: the compiled sorted_find is going away
    assert not hasattr(lexicon, "_scan")


def test_no_empty_entry():
    # a wordfreq entry of diacritics only normalizes to '': it is no word
    assert lexicon.zipf("") == 0.0
