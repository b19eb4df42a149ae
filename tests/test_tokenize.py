import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.normalize import normalize
from analysis.tokenize import sentence_bounds, token_spans, tokenize


@pytest.mark.parametrize("text, tokens", [
    ("قاآني يزور بغداد", ["قاآني", "يزور", "بغداد"]),
    ('الكاظمي بـ"المسؤولية" عن', ["الكاظمي", "بـ", "المسؤولية", "عن"]),
    ("قنوات \"دجلة\" و\"الشرقية\"", ["قنوات", "دجلة", "و", "الشرقية"]),
    ("«الميادين»، غاني؛ لماذا؟", ["الميادين", "غاني", "لماذا"]),
    ("“قاآني” يزور", ["قاآني", "يزور"]),
    ("هل التقى به – ما الذي جرى", ["هل", "التقى", "به", "ما", "الذي", "جرى"]),
    ("الاثنين 2021/11/08", ["الاثنين", "2021", "11", "08"]),
    ("إصابة 125 من الجانبين", ["إصابة", "125", "من", "الجانبين"]),
    ("٢٠٢١ عام", ["٢٠٢١", "عام"]),
    ("طهران... واشنطن..", ["طهران", "واشنطن"]),
    ("مسيَّرة مفخَّخة", ["مسيَّرة", "مفخَّخة"]),            # diacritics stay inside the word
    ("Reuters و AFP", ["Reuters", "و", "AFP"]),
    ("رئيس\u00a0الوزراء", ["رئيس", "الوزراء"]),
    ("ال_عراق", ["ال", "عراق"]),
])
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


def test_offsets_point_at_the_surface(seeds):
    text = seeds["text"][0]
    for span in token_spans(text):
        assert text[span.start:span.end] == span.surface


def test_sentences_break_at_full_stops_and_lines_but_not_decimals():
    text = "سعر 2.5 دولار. وصل قاآني\nبغداد؟ نعم"
    bounds = sentence_bounds(text)
    pieces = [text[a:b] for a, b in zip([0] + bounds, bounds)]
    assert pieces[0] == "سعر 2.5 دولار."
    assert [p.strip() for p in pieces] == ["سعر 2.5 دولار.", "وصل قاآني", "بغداد؟", "نعم"]


PUNCTUATION = set("،؛؟«»“”\"-/…!.,:;()[]'")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_tokens_have_no_space_or_punctuation_and_survive_normalization(text):
    for token in tokenize(text):
        assert token and not any(c.isspace() for c in token)
        assert not PUNCTUATION & set(token)
    for token in tokenize(normalize(text)):
        assert normalize(token) == token
