import math

import pandas as pd
import pytest

from analysis import tokens_table
from analysis.entities import merge_entities
from analysis.stopwords import arabic_stopwords
from analysis.terms import collocations, count_terms, kwic, kwic_html, log_odds, ngrams, tfidf


@pytest.fixture(scope="module")
def merged(seed_tokens):
    return merge_entities(seed_tokens)


def table(*texts):
    return tokens_table(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)}))


def test_top_terms_of_the_seeds_are_content_words(merged, seeds):
    top = count_terms(merged).head(30)
    stop = arabic_stopwords()
    assert not set(top.term) & stop
    assert not top.term.str.fullmatch(r"\d+").any()
    assert top.term.str.fullmatch(r"\w+").all()                 # no punctuation
    boilerplate_words = {"الاخبار", "الصفحة", "الرئيسية", "مقالات", "صلة", "الشان", "زر"}
    assert not set(top.term) & boilerplate_words
    assert top.term.iloc[0] == "الكاظمي"
    assert top.set_index("term").loc["قااني", "count"] == 19     # 21 in the raw text: 2 in boilerplate lines
    assert top.set_index("term").loc["قااني", "label"] == "قاآني"


def test_counts_per_document_add_up(merged):
    corpus_counts = count_terms(merged).set_index("term")["count"]
    by_doc = count_terms(merged, by="doc_id")
    assert by_doc.groupby("term")["count"].sum().sort_index().equals(corpus_counts.sort_index())
    row = by_doc[(by_doc.doc_id == "003_4c695357e9463a4d") & (by_doc.term == "قااني")].iloc[0]
    n_doc = (merged.doc_id == "003_4c695357e9463a4d").sum()
    assert row["count"] == 4 and row.per_1000 == pytest.approx(4000 / n_doc)
    assert count_terms(merged).set_index("term").loc["الكاظمي", "doc_freq"] == 5


def test_per_1000_and_stopword_option():
    t = table("في بغداد في طهران", "بغداد")
    counts = count_terms(t).set_index("term")
    assert counts.loc["بغداد", "count"] == 2 and counts.loc["بغداد", "per_1000"] == pytest.approx(400)
    assert "في" not in counts.index
    assert count_terms(t, stopwords=True).set_index("term").loc["في", "count"] == 2


def test_ngrams_stay_within_sentences_and_skip_stopwords():
    t = table("قائد فيلق. القدس في بغداد الحرس الثوري")
    grams = ngrams(t, n=2).ngram.tolist()
    assert "فيلق القدس" not in grams            # crosses a full stop
    assert "القدس في" not in grams and "بغداد الحرس" in grams and "الحرس الثوري" in grams


def test_collocations_of_the_seeds(merged):
    pairs = collocations(merged, min_count=2)
    top = set(pairs.head(15).ngram)
    assert {"فيلق القدس", "الحرس الثوري", "رئيس الوزراء"} <= top
    assert (pairs.llr > 10.83).head(15).all()


def test_llr_against_hand_computation():
    # pairs: (a b) x3, (a c) x1, (d b) x1, (d c) x5 -> 2x2 table [[3,1],[1,5]]
    text = ". ".join(["سمير بحر"] * 3 + ["سمير جبل"] + ["نهر بحر"] + ["نهر جبل"] * 5)
    pairs = collocations(table(text), min_count=1).set_index("ngram")
    o = [3, 1, 1, 5]
    n = 10
    e = [4 * 4 / n, 4 * 6 / n, 6 * 4 / n, 6 * 6 / n]
    g2 = 2 * sum(oi * math.log(oi / ei) for oi, ei in zip(o, e))
    assert pairs.loc["سمير بحر", "llr"] == pytest.approx(g2)
    assert pairs.loc["سمير بحر", "pmi"] == pytest.approx(math.log2(3 * n / (4 * 4)))


def test_log_odds_against_hand_computation():
    counts = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "term": ["فصائل", "بغداد", "ميليشيات", "بغداد"],
                           "count": [4, 2, 1, 3]})
    scores = log_odds(counts).set_index(["doc_id", "term"])
    # totals: فصائل 4, بغداد 5, ميليشيات 1 -> alpha0 = 10, alpha = counts; n_a = 6, n_b = 4
    a, a0 = 4.0, 10.0
    delta = math.log((4 + a) / (6 + a0 - 4 - a)) - math.log((0 + a) / (4 + a0 - 0 - a))
    var = 1 / (4 + a) + 1 / (0 + a)
    assert scores.loc[("a", "فصائل"), "delta"] == pytest.approx(delta)
    assert scores.loc[("a", "فصائل"), "z"] == pytest.approx(delta / math.sqrt(var))
    assert scores.loc[("b", "فصائل"), "z"] == pytest.approx(-scores.loc[("a", "فصائل"), "z"])


def test_tfidf_zero_for_terms_everywhere():
    counts = pd.DataFrame({"doc_id": ["a", "a", "b"], "term": ["بغداد", "طهران", "بغداد"], "count": [1, 3, 2]})
    out = tfidf(counts).set_index(["doc_id", "term"])
    assert out.loc[("a", "بغداد"), "tfidf"] == 0
    assert out.loc[("a", "طهران"), "tfidf"] == pytest.approx(0.75 * math.log(2))


def test_kwic_matches_every_spelling_after_merging(merged, seeds):
    hits = kwic(merged, "قاآني", texts=dict(zip(seeds.doc_id, seeds.text)))
    assert len(hits) == 19
    assert set(hits.keyword) == {"قاآني", "قآني", "قاني", "غاني", "غانى"}
    text = dict(zip(seeds.doc_id, seeds.text))
    assert all(text[d][s:e] == k for d, s, e, k in zip(hits.doc_id, hits.start, hits.end, hits.keyword))
    html = kwic_html(hits)
    assert html.startswith('<table dir="rtl"') and html.count("<tr>") == 20


def test_kwic_window():
    hits = kwic(table("الف باء جيم دال هاء واو"), "دال", window=2)
    assert hits[["before", "keyword", "after"]].values.tolist() == [["باء جيم", "دال", "هاء واو"]]


def test_log_odds_without_zeros_keeps_the_used_terms_and_their_scores():
    counts = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "term": ["فصائل", "بغداد", "ميليشيات", "بغداد"],
                           "count": [4, 2, 1, 3]})
    full = log_odds(counts).set_index(["doc_id", "term"])
    used = log_odds(counts, zeros=False).set_index(["doc_id", "term"])
    assert sorted(used.index) == sorted(zip(counts.doc_id, counts.term))
    assert used.z.to_dict() == pytest.approx(full.loc[used.index, "z"].to_dict())


def test_ngrams_and_kwic_read_each_document_whole_when_its_rows_are_apart():
    t = table("قائد فيلق القدس وصل", "الحرس الثوري في بغداد", "فيلق القدس")
    shuffled = pd.concat([t.iloc[2:], t.iloc[:2]])          # document d0 in two pieces
    assert ngrams(shuffled, n=2).values.tolist() == ngrams(t, n=2).values.tolist()
    assert kwic(shuffled, "فيلق", window=1).values.tolist() == kwic(t, "فيلق", window=1).values.tolist()


@pytest.mark.parametrize("fixed_width_bytes", [0, 64 << 20])
def test_sort_rows_orders_strings_as_python_does(monkeypatch, fixed_width_bytes):
    # the large-vocabulary sort (fixed-width or variable-width numpy strings) orders terms by
    # code point, as Python and pandas do: ties of counts broken by the term
    from analysis import vocabulary

    monkeypatch.setattr(vocabulary, "FIXED_WIDTH_BYTES", fixed_width_bytes)
    terms = ["قاآني", "قااني", "قاني", "غاني", "الكاظمي", "Kadhimi", "kadhimi", "٢٠٢١", "2021", "ب", "ا",
             "الحشد_الشعبي", "بغداد", "بغدادي", "é", "e\u0301", "\U0001F600"]
    table = pd.DataFrame({"term": terms * 2, "count": [1, 2] * len(terms)})
    got = vocabulary.sort_rows(table, ["count", "term"], ascending=[False, True])
    want = table.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    assert got["term"].tolist() == want["term"].tolist()
    assert got["count"].tolist() == want["count"].tolist()


def test_sort_rows_takes_missing_values(monkeypatch):
    # a missing value sorts as its text ('nan'), whichever string type the sort uses
    from analysis import vocabulary

    table = pd.DataFrame({"term": ["ب", float("nan"), "ا", None], "count": [1, 1, 1, 1]})
    for fixed_width_bytes in (0, 64 << 20):
        monkeypatch.setattr(vocabulary, "FIXED_WIDTH_BYTES", fixed_width_bytes)
        got = vocabulary.sort_rows(table, ["count", "term"], ascending=[False, True])["term"].tolist()
        assert [str(t) for t in got] == ["nan", "nan", "ا", "ب"]
