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


@pytest.mark.parametrize("text, pieces", [
    ("وقالت بي.بي.سي إن الوفد وصل. ثم غادر", ["وقالت بي.بي.سي إن الوفد وصل.", "ثم غادر"]),
    ("سقطت الطائرة إم.إتش 17 فوق أوكرانيا. وبدأ التحقيق", ["سقطت الطائرة إم.إتش 17 فوق أوكرانيا.", "وبدأ التحقيق"]),
    ("وقال د. سامي النجار إن العلاج متوفر. وأضاف", ["وقال د. سامي النجار إن العلاج متوفر.", "وأضاف"]),
    ("انتهت الجلسة. بدأ التصويت.", ["انتهت الجلسة.", "بدأ التصويت."]),
])
def test_dotted_abbreviations_do_not_end_sentences(text, pieces):
    bounds = sentence_bounds(text)
    assert [text[a:b].strip() for a, b in zip([0] + bounds, bounds)] == pieces


PUNCTUATION = set("،؛؟«»“”\"-/…!.,:;()[]'")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_tokens_have_no_space_or_punctuation_and_survive_normalization(text):
    for token in tokenize(text):
        assert token and not any(c.isspace() for c in token)
        assert not PUNCTUATION & set(token)
    for token in tokenize(normalize(text)):
        assert normalize(token) == token


# --- the compiled scanner (analysis/_scan.c) gives exactly TOKEN_RE's tokens -----------------

from analysis.resources import TOKEN_RE  # noqa: E402
from analysis.tokenize import SCANNER, scan_tokens  # noqa: E402


def as_tokens(result):
    surfaces, ids, lengths = result
    flat = [surfaces[i] for i in ids.tolist()]
    out, at = [], 0
    for n in lengths.tolist():
        out.append(flat[at:at + n])
        at += n
    return out


def test_the_compiled_scanner_is_built():
    # `pip install -e .` builds it wherever a C compiler exists (CI included); without it the
    # counts are the same, only slower, so a missing build must be seen, not guessed
    assert SCANNER == "compiled", "analysis._scan was not built: run `pip install -e .` with a C compiler"


def test_scanner_on_the_seeds(seeds):
    texts = list(seeds["text"])
    compiled, python = scan_tokens(texts, compiled=True), scan_tokens(texts, compiled=False)
    assert compiled[0] == python[0]
    assert compiled[1].tolist() == python[1].tolist() and compiled[2].tolist() == python[2].tolist()
    assert as_tokens(compiled) == [TOKEN_RE.findall(t) for t in texts]
    assert sum(compiled[2]) > 2000 and "قاآني" in compiled[0]


def test_scanner_classifies_every_code_point_as_token_re_does():
    # each character alone, after a letter and before one: starts, continues and ends
    # tokens exactly where the regular expression does, in this interpreter's Unicode
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    text = " ".join(f"{c} ب{c} {c}ب" for c in chars)
    assert as_tokens(scan_tokens([text], compiled=True)) == [TOKEN_RE.findall(text)]


@pytest.mark.parametrize("texts", [
    [], [""], ["   ", "،؛"], ["ـــ", "ـبـ"], ["\u064eبَ"], ["Reuters و AFP 2021/11/08"],
    ["قاآني " * 3, "بغداد", "قاآني"], ["𝐀𝐁 𐌰𐌱 😀 ٢٠٢١"], ["a" * 100_000],
])
def test_scanner_edge_cases(texts):
    assert as_tokens(scan_tokens(texts, compiled=True)) == [TOKEN_RE.findall(t) for t in texts]
    assert scan_tokens(texts, compiled=True)[0] == scan_tokens(texts, compiled=False)[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x0600, 0x0700)] + list(" \n\t\u00a0\u200b\u200c\u200d\u200f\u0640_-.،abcé\u0301😀𝐀٣")),
    max_size=40), max_size=6))
def test_scanner_equals_the_regex_on_any_text(texts):
    assert as_tokens(scan_tokens(texts, compiled=True)) == [TOKEN_RE.findall(t) for t in texts]


def test_scanner_rejects_what_is_not_text():
    with pytest.raises(TypeError, match="item 1"):
        scan_tokens(["قال", b"bytes"], compiled=True)


def test_scanner_ids_last_from_one_call_to_the_next(seeds):
    from analysis.tokenize import TokenScanner

    texts = list(seeds["text"])
    for compiled in (True, False):
        scanner, seen, tokens = TokenScanner(compiled=compiled), [], []
        for text in texts:                                  # one document per call
            first, new, ids, lengths = scanner.scan([text])
            assert first == len(seen) and not set(new) & set(seen)
            seen.extend(new)
            tokens.append([seen[i] for i in ids.tolist()])
            assert lengths.tolist() == [len(tokens[-1])]
        assert tokens == [TOKEN_RE.findall(t) for t in texts]
        assert scanner.surfaces == seen and len(scanner) == len(seen)
