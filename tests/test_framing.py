import pandas as pd

from analysis import tokens_table
from analysis.entities import merge_entities
from analysis.framing import framing_table, load_framing_lexicon


def counts(table):
    return {(d[:3], lab): n for d, lab, n in zip(table.doc_id, table.label, table["count"]) if n}


def test_outlets_differ_in_wording_on_the_seeds(seed_tokens):
    found = counts(framing_table(merge_entities(seed_tokens)))
    assert found[("000", "فصائل")] == 9 and found[("004", "ميليشيات")] == 6
    assert ("004", "فصائل") not in found
    assert found[("003", "بدون طيار")] == 4 and ("003", "مسيّرة") not in found
    assert found[("003", "قوة القدس")] == 2 and ("003", "فيلق القدس") not in found
    assert found[("004", "إرهاب")] == 5


def test_every_document_and_label_has_a_row(seed_tokens):
    table = framing_table(seed_tokens)
    assert len(table) == seed_tokens.doc_id.nunique() * len(load_framing_lexicon())
    assert (table.per_1000 >= 0).all()


def test_variants_match_with_clitics_and_article_and_count_once():
    text = "اتهم الميليشيات ولمليشيات طهران. مجموعة ميليشيا مسلحة. فصائل الحشد"
    table = framing_table(tokens_table(pd.DataFrame({"doc_id": ["x"], "text": [text]})))
    got = counts(table)
    assert got[("x", "ميليشيات")] == 2            # الميليشيات, ولمليشيات
    assert got[("x", "جماعات مسلحة")] == 1        # مجموعة ميليشيا, not also ميليشيا
    assert got[("x", "فصائل")] == 1


def test_counts_by_a_metadata_column_add_up_over_its_documents(seed_tokens):
    merged = merge_entities(seed_tokens)
    halves = merged.assign(half=merged.doc_id.str[:3].isin(["000", "001"]).map({True: "أ", False: "ب"}))
    by_doc = framing_table(halves)
    by_half = framing_table(halves, by="half")
    assert list(by_half.columns) == ["half", "group", "label", "count", "per_1000"]
    assert by_half["count"].sum() == by_doc["count"].sum()
    row = by_half[(by_half.half == "أ") & (by_half.label == "فصائل")].iloc[0]
    assert row["count"] == 9 + found_in(by_doc, "001", "فصائل")
    assert row.per_1000 == 1000 * row["count"] / (halves.half == "أ").sum()


def found_in(table, doc, label):
    return int(table[(table.doc_id.str[:3] == doc) & (table.label == label)]["count"].iloc[0])
