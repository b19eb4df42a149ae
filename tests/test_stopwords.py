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
