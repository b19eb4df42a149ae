import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.boilerplate import detect_title, find_boilerplate, remove_boilerplate
from analysis.corpus import boilerplate_table
from analysis.tokenize import lines_of


def rules(doc_id, seeds):
    table = boilerplate_table(seeds)
    return table.loc[table.doc_id == doc_id, ["rule", "line"]].values.tolist()


def test_seed_boilerplate_found_with_the_right_rule(seeds):
    assert rules("003_4c695357e9463a4d", seeds) == [
        ["category_label", "الشأن الإيراني"], ["nav_phrase", "مقالات ذات صلة"],
        ["nav_phrase", "زر الذهاب إلى الأعلى"]]
    found = rules("001_3e1b07f96af40a9e", seeds)
    assert ["repeated_title", "قاآني في بغداد... ما أهداف الزيارة؟"] in found
    assert ["nav_phrase", "آخر الأخبار"] in found and ["nav_phrase", "الصفحة الرئيسية"] in found
    assert [r for r, _ in found].count("pull_quote") == 3
    assert rules("000_fa0559687573a2fe", seeds) == [["date_line", "الاثنين 2021/11/08"]]


def test_subheads_and_content_are_kept(seeds):
    body = dict(zip(seeds.doc_id, seeds.body))
    assert "زيارة في توقيت حرج" in body["000_fa0559687573a2fe"]
    assert "واشنطن وطهران على خط أزمة الإغتيال" in body["002_51a43e5b6a13b7b1"]
    assert "قاآني في بغداد... ما أهداف الزيارة؟" in body["001_3e1b07f96af40a9e"]   # the first title stays
    assert body["001_3e1b07f96af40a9e"].count("قاآني في بغداد... ما أهداف الزيارة؟") == 1
    assert "آخر الأخبار" not in body["001_3e1b07f96af40a9e"]


def test_rules_work_on_another_sites_residue():
    text = ("أخبار العراق\n"
            "الحكومة تعلن موازنة جديدة\n"
            "الحكومة تعلن موازنة جديدة\n"
            "الثلاثاء ١٥/٠٣/٢٠٢٢\n"
            "أعلنت الحكومة العراقية اليوم موازنة جديدة للعام المقبل بعد أشهر من التأخير.\n"
            "اقرأ أيضاً:\n"
            "تابعنا على تويتر وفيسبوك\n"
            "جميع الحقوق محفوظة © 2022\n")
    table = find_boilerplate(text)
    assert table["rule"].tolist() == ["category_label", "repeated_title", "date_line",
                                      "nav_phrase", "nav_phrase", "nav_phrase"]
    body = remove_boilerplate(text, table)
    assert "موازنة جديدة للعام المقبل" in body and "تابعنا" not in body
    assert body.count("الحكومة تعلن موازنة جديدة") == 1


def test_offsets_are_into_the_raw_text_with_any_line_ending():
    text = "نص الخبر الأول.\r\nآخر الأخبار\rالمزيد\n"
    table = find_boilerplate(text)
    assert [text[s:e] for s, e in zip(table.start, table.end)] == ["آخر الأخبار", "المزيد"]
    assert [ln.text for ln in lines_of(text)] == ["نص الخبر الأول.", "آخر الأخبار", "المزيد"]


def test_title_detection():
    assert detect_title("الشأن الإيراني\n\nهل التقى به ليهدده؟\nنص.") == "هل التقى به ليهدده؟"
    long_paragraph = " ".join(["كلمة"] * 30) + "."
    assert detect_title(long_paragraph + "\nسطر") == ""


def test_article_without_boilerplate_is_unchanged():
    text = "وصل قاآني إلى بغداد مساء الأحد.\nوالتقى الكاظمي."
    table = find_boilerplate(text)
    assert table.empty and isinstance(table, pd.DataFrame)
    assert remove_boilerplate(text, table) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab \n\r\t") + ["قال", "\u2028"]), max_size=40).map("".join))
def test_line_offsets_for_any_line_endings(text):
    pieces = re.split(r"\r\n|\r|\n", text)
    if len(pieces) > 1 and not pieces[-1]:
        pieces.pop()                      # a final line break ends the last line, no empty line after it
    lines = lines_of(text)
    assert [ln.text for ln in lines] == pieces
    assert [ln.no for ln in lines] == list(range(len(pieces)))
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(list("ab \t\x0b\x0c\x1c\x85\u2028\u00a0\u200b\u200f\u0640.؟…\"»")
                                          + ["قال", "قاآني", "مَساءً", "إلى", "٢٠٢١", "é", "ﻗﺎﺁﻧﻲ", "ﷺ"]),
                         max_size=30).map("".join), max_size=6))
def test_lines_normalize_together_as_they_do_alone(lines):
    # line-local steps: the lines joined by "\n" normalize as a whole, one call per document
    from analysis import boilerplate
    from analysis.normalize import normalize

    assert boilerplate._normalized(lines) == [normalize(line) for line in lines]


def _batch_cases(seeds):
    """Real articles and odd ones: titles found as a line, given apart, missing, detected,
    holding a line break; CR line ends; a pull quote; nothing to count."""
    texts = list(seeds["text"])
    titles = [None, "", *seeds["title"][2:]]
    quote = "قال المسؤول إن الحكومة ستعلن الموازنة الجديدة خلال الأسبوع المقبل بعد نقاشات طويلة"
    texts += ["أخبار العراق\r\nالحكومة تعلن موازنة جديدة\r\nالحكومة تعلن موازنة جديدة\r\nنص الخبر.",
              f"عنوان الخبر\n{quote}\nوفي التفاصيل {quote} وأضاف أن البرلمان سيصوت عليها.",
              "عنوان\nمع سطر ثان\nعنوان\nمع سطر ثان\nنص.", "", "\n\n", "آخر الأخبار"]
    titles += [None, "عنوان الخبر", "عنوان\nمع سطر ثان", None, "", "عنوان"]
    return texts, titles


def test_a_batch_of_documents_gives_what_each_gives_alone(seeds):
    from analysis.boilerplate import document_boilerplate, documents_boilerplate

    texts, titles = _batch_cases(seeds)
    alone = [document_boilerplate(text, title=title) for text, title in zip(texts, titles)]
    assert documents_boilerplate(texts, titles) == alone
    # the order of the documents in a batch does not matter either
    assert documents_boilerplate(texts[::-1], titles[::-1]) == alone[::-1]
    assert {rule for rows in alone for *_, rule in rows} == {
        "nav_phrase", "date_line", "repeated_title", "category_label", "pull_quote"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["\n", "e", "\u0301", "ا", "\u0653", "\u0654", "\u0655", "\u00a0", "ﻗﺎﺁﻧﻲ", "ﷺ",
                                 "ﻻ", "ٰ", "①", "ﬁ", "قال"]), min_size=1, max_size=60).map("".join))
def test_nfkc_line_by_line_is_nfkc(piece):
    import unicodedata

    from analysis.normalize import NFKC_BY_LINE, unicode_nfkc

    text = piece * (NFKC_BY_LINE // len(piece) + 1)        # long enough to go line by line
    assert unicode_nfkc(text) == unicodedata.normalize("NFKC", text)
    assert unicode_nfkc(piece) == unicodedata.normalize("NFKC", piece)


def test_trim_keeps_from_the_first_letter_or_digit_to_the_last():
    import sys

    from analysis.boilerplate import _trim

    def by_hand(text):
        i, j = 0, len(text)
        while i < j and not text[i].isalnum():
            i += 1
        while j > i and not text[j - 1].isalnum():
            j -= 1
        return text[i:j]

    # every code point, alone and between others (the regex's [^\W_] is str.isalnum)
    for code in range(0, sys.maxunicode + 1, 7):
        char = chr(code)
        assert _trim(char) == by_hand(char), hex(code)
        assert _trim(f"« {char}قال{char} »") == by_hand(f"« {char}قال{char} »"), hex(code)
    for text in ["", "«»", " آخر الأخبار :", "_قال_", "١٢ – ٣", "\nسطر\nآخر\n", "ـــ"]:
        assert _trim(text) == by_hand(text)
