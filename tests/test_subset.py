"""Narrowing a corpus: dates, outlets, sections, and a query in any spelling."""
import pandas as pd
import pytest

from analysis.subset import corpus_subset, matches_query, subset_table


def test_qaani_in_any_spelling_is_in_every_seed(seeds):
    # قاآني, قآني (003 writes غانى, 002 قآني): merged through the alias table
    assert matches_query(seeds, "قاآني").all()
    assert matches_query(seeds, "غاني").all()
    assert not matches_query(seeds, "سليماني").any()


@pytest.mark.parametrize("query, expected", [
    ("فيلق القدس", [True, False, False]),         # a phrase: words in a row
    ("القدس", [True, False, True]),               # والقدس: a proclitic may precede
    ("الكاظمي", [False, True, False]),            # للكاظمي: ل + ال
    ("الكاظمي|الجنود", [False, True, True]),      # alternatives
])
def test_query_matching(query, expected):
    corpus = pd.DataFrame({"doc_id": list("abc"), "body": ["قائد فيلق القدس", "رسالة للكاظمى", "فيلق من الجنود، والقدس"]})
    assert matches_query(corpus, query, aliases={}).tolist() == expected


def test_criteria_combine_and_report(generated):
    table = subset_table(generated, date_from="2021-08-01", date_to="2021-08-31", outlets="وكالة دجلة, nineveh post",
                         sections=["أمن"])
    assert list(table.columns) == ["doc_id", "in_dates", "in_outlets", "in_sections", "kept"]
    kept = corpus_subset(generated, date_from="2021-08-01", date_to="2021-08-31",
                         outlets="وكالة دجلة, nineveh post", sections=["أمن"])
    assert kept.doc_id.tolist() == table.doc_id[table.kept].tolist() and len(kept) > 0
    assert kept.publication_date.between("2021-08-01", "2021-08-31").all()
    assert set(kept.outlet) <= {"وكالة دجلة", "Nineveh Post"} and set(kept.section) == {"أمن"}


def test_no_criteria_keep_everything_and_nothing_left_is_an_error(seeds):
    assert corpus_subset(seeds).doc_id.tolist() == seeds.doc_id.tolist()
    with pytest.raises(ValueError, match="no document meets every criterion.*in_dates: 0"):
        corpus_subset(seeds, date_from="2030-01-01")
    with pytest.raises(ValueError, match="no 'section' column"):
        corpus_subset(seeds, sections="سياسة")
