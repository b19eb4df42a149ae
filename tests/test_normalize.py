import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.normalize import (
    STEP_NAMES, fold_alef, fold_presentation_forms, fold_alef_maksura, fold_digits, fold_persian_letters, fold_teh_marbuta,
    make_normalizer, normalization_steps, normalize, normalize_spaces, strip_diacritics,
    strip_format_marks, strip_tatweel, unicode_nfkc,
)


@pytest.mark.parametrize("step, text_in, text_out", [
    (unicode_nfkc, "ﻗﺎﺁﻧﻲ", "قاآني"),                      # presentation forms from a PDF
    (fold_presentation_forms, "ﻲﻧﺁﺎﻗ ﺭﺍﺯ 2021", "2021 زار قاآني"),   # ... stored in visual order
    (unicode_nfkc, "ﻻ", "لا"),
    (unicode_nfkc, "ا\u0653", "آ"),                          # decomposed madda composes
    (normalize_spaces, "رئيس\u00a0الوزراء", "رئيس الوزراء"),  # NBSP, as in seed 000
    (normalize_spaces, "بغداد\u200bطهران", "بغداد طهران"),     # zero-width space is a break
    (strip_format_marks, "\u200fقاآني\u200e", "قاآني"),
    (strip_format_marks, "\u061cالكاظمي\u200c", "الكاظمي"),
    (strip_diacritics, "مسيّرة", "مسيرة"),                    # shadda, seed 000
    (strip_diacritics, "عدداً", "عددا"),                      # tanween
    (strip_diacritics, "لِيُطمئِنَ", "ليطمئن"),
    (strip_diacritics, "هٰذا", "هذا"),                        # superscript alef
    (strip_tatweel, "بـ", "ب"),
    (strip_tatweel, "العـــراق", "العراق"),
    (fold_alef, "قاآني", "قااني"),                           # one letter for one letter
    (fold_alef, "قآني", "قاني"),
    (fold_alef, "إسماعيل أكّد ٱلله", "اسماعيل اكّد الله"),
    (fold_alef_maksura, "الكاظمى", "الكاظمي"),
    (fold_alef_maksura, "غانى", "غاني"),
    (fold_teh_marbuta, "الحكومة", "الحكومه"),
    (fold_persian_letters, "ایران کرد", "ايران كرد"),
    (fold_digits, "٢٠٢١/١١/٠٨", "2021/11/08"),
    (fold_digits, "۱۲۵", "125"),
])
def test_each_step(step, text_in, text_out):
    assert step(text_in) == text_out


@pytest.mark.parametrize("text_in, text_out", [
    ("قاآني", "قااني"),
    ("قآني", "قاني"),
    ("غانى", "غاني"),
    ("الكاظمى", "الكاظمي"),
    ("رئيس\u00a0الوزراء العراقى", "رئيس الوزراء العراقي"),
    ("بطائرة مسيَّرة مفخَّخة", "بطائرة مسيرة مفخخة"),
    ("الحكومة", "الحكومة"),                 # teh marbuta kept by default
    ("٢٠٢١ Reuters", "2021 Reuters"),
    ("ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "السلام عليكم"),
])
def test_normalize_defaults(text_in, text_out):
    assert normalize(text_in) == text_out


def test_steps_can_be_turned_off():
    assert normalize("قاآني", alef=False) == "قاآني"
    assert normalize("الكاظمى", alef_maksura=False) == "الكاظمى"
    assert normalize("الحكومة", teh_marbuta=True) == "الحكومه"
    assert normalize("مسيّرة", diacritics=False) == "مسيّرة"
    assert normalize("٢٠٢١", digits=False) == "٢٠٢١"


def test_unknown_option_is_an_error():
    with pytest.raises(TypeError, match="unknown normalization option"):
        normalization_steps(stem=True)


def test_chain_order_and_names():
    assert [name for name, _ in normalization_steps()] == [n for n in STEP_NAMES if n != "teh_marbuta"]
    assert [name for name, _ in make_normalizer().steps][:2] == ["presentation_forms", "nfkc"]


def test_no_lossy_surprises_of_other_libraries():
    # ى is never folded into ا, and آ never becomes اا
    assert normalize("على") == "علي"
    assert normalize("آمن") == "امن"


def test_seed_spellings_of_qaani_reduce_to_two_forms(seeds):
    forms = {normalize(w) for w in ("قاآني", "قآني", "قاني")}
    assert forms == {"قااني", "قاني"}
    assert normalize("غانى") == normalize("غاني")


def test_idempotent_on_seeds(seeds):
    for text in seeds["text"]:
        once = normalize(text)
        assert normalize(once) == once


def test_mark_removal_that_exposes_a_composable_accent_stays_idempotent():
    # deleting ZWJ brings "e" next to a combining acute accent, which NFKC then composes
    text = "e\u200d\u0301"
    assert normalize(normalize(text)) == normalize(text) == "é"


arabic_heavy = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x0600, 0x06FF)] + list(" \u00a0\u200c\u200d\u200e\u200f\u0640ﻗﺎﺁﻧﻲ٠١٢،؛؟«»")
), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), arabic_heavy))
def test_normalize_is_idempotent_and_never_raises(text):
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFKC", once)
