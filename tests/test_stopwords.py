from analysis.normalize import normalize
from analysis.stopwords import arabic_stopwords


def test_stopwords_are_normalized_like_the_text():
    sw = arabic_stopwords()
    for word in ("إلى", "الى", "على", "في", "التي", "أنّ", "فيما", "وقد"):
        assert normalize(word) in sw
    assert all(normalize(w) == w for w in sw)


def test_content_words_are_not_stopwords():
    sw = arabic_stopwords()
    for word in ("الكاظمي", "بغداد", "قاآني", "الفصائل", "ميليشيات", "طهران", "الحرس", "فيلق"):
        assert normalize(word) not in sw


def test_user_can_extend_and_exclude():
    sw = arabic_stopwords(extra=["الثلاثاء"], exclude=["علي"])
    assert "الثلاثاء" in sw
    assert "علي" not in sw and "علي" in arabic_stopwords()


def test_the_packaged_lists_are_cached_and_rebuilt_when_broken(tmp_path, monkeypatch):
    import sys

    from analysis import config, stopwords

    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    fresh = stopwords._packaged.__wrapped__()                   # builds and writes the cache
    (path,) = tmp_path.glob("stopwords-ar-*.pickle")
    for name in [m for m in sys.modules if m.startswith(("arabicstopwords", "stopwordsiso"))]:
        monkeypatch.delitem(sys.modules, name)
    assert stopwords._packaged.__wrapped__() == fresh           # read back, libraries not loaded
    assert not any(m.startswith(("arabicstopwords", "stopwordsiso")) for m in sys.modules)
    assert {"في", "الي", "علي"} <= fresh and "بغداد" not in fresh
    path.write_bytes(b"not a pickle")
    assert stopwords._packaged.__wrapped__() == fresh           # rebuilt, not trusted
    path.write_bytes(__import__("pickle").dumps(["a list"]))
    assert stopwords._packaged.__wrapped__() == fresh           # the wrong kind of table: rebuilt
