import pandas as pd

from analysis import tokens_table
from analysis.normalize import normalize
from analysis.tokens import TOKEN_COLUMNS, corpus_summary, normalization_audit


def test_columns_and_offsets(seeds, seed_tokens):
    assert list(seed_tokens.columns) == TOKEN_COLUMNS
    texts = dict(zip(seeds.doc_id, seeds.text))
    for row in seed_tokens.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.surface
        assert row.norm == normalize(row.surface)


def test_boilerplate_tokens_are_left_out(seeds, seed_tokens):
    doc = seed_tokens[seed_tokens.doc_id == "001_3e1b07f96af40a9e"]
    assert "الرئيسية" not in set(doc.surface)
    # the title appears once in the body, not twice
    assert (doc.surface == "أهداف").sum() == 1
    every = tokens_table(seeds, include_boilerplate=True)
    assert (every[every.doc_id == "001_3e1b07f96af40a9e"].surface == "أهداف").sum() == 2


def test_positions_and_sentences_count_per_document(seed_tokens):
    for _, doc in seed_tokens.groupby("doc_id"):
        assert doc.position.tolist() == list(range(len(doc)))
        assert doc.sentence.iloc[0] == 0 and doc.sentence.is_monotonic_increasing
        assert doc.sentence.diff().fillna(0).max() == 1


def test_content_terms_of_the_seeds(seed_tokens):
    content = seed_tokens[~seed_tokens.is_stopword & ~seed_tokens.is_number]
    top = content.term.value_counts()
    assert top.index[0] == "الكاظمي"
    assert {"بغداد", "العراق", "طهران", "فيلق", "القدس"} <= set(top.index[:30])
    assert not {"في", "من", "الي", "علي", "ان", "و", "ب"} & set(content.term)
    assert seed_tokens.loc[seed_tokens.surface == "2021", "is_number"].all()


def test_tatweel_clitic_token_is_a_stopword(seed_tokens):
    row = seed_tokens[seed_tokens.surface == "بـ"].iloc[0]
    assert row.norm == "ب" and row.is_stopword


def test_audit_reports_merges(seeds):
    audit = normalization_audit(seeds)
    pairs = set(zip(audit.step, audit.before, audit.after))
    assert ("alef_maksura", "الكاظمى", "الكاظمي") in pairs
    assert ("alef", "قاآني", "قااني") in pairs
    assert ("diacritics", "مسيّرة", "مسيرة") in pairs
    assert audit["count"].min() >= 1


def test_summary_one_row_per_document(seeds, seed_tokens):
    summary = corpus_summary(seeds, seed_tokens)
    assert summary.doc_id.tolist() == seeds.doc_id.tolist()
    assert summary.n_tokens.tolist() == seed_tokens.groupby("doc_id").size().tolist()
    assert summary.label.is_unique
    assert summary.label.tolist()[:3] == ["2021/11/08 · قاآني يزور بغداد لبحث…", "2020/11/23 · قاآني في بغداد... ما…",
                                          "إيلاف · إيلاف من لندن: كشفت…"]


def test_works_on_a_plain_frame_without_clitic_splitting():
    table = tokens_table(pd.DataFrame({"doc_id": ["x"], "text": ["وقالت «رووداو» إن قاآني وصل."]}), clitics=False)
    assert table.term.tolist() == table.norm.tolist() == ["وقالت", "رووداو", "ان", "قااني", "وصل"]
