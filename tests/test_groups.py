"""Document labels, groupings and their table helpers, on the seeds and on a generated corpus."""
import pandas as pd
import pytest

from analysis.groups import date_counts, default_grouping, document_groups, top_with_rest
from analysis.labels import doc_labels


def test_seed_labels_are_readable_and_unique(seeds):
    labels = doc_labels(seeds)
    assert labels.index.tolist() == seeds.doc_id.tolist() and labels.is_unique
    assert labels.iloc[0] == "2021/11/08 · قاآني يزور بغداد لبحث…"
    assert labels.iloc[2].startswith("إيلاف · ")           # outlet, and the body's words (the title is the outlet)
    assert labels.iloc[3] == "هل التقى به ليهدده…"          # no outlet, no date: the title alone


def test_labels_of_many_articles_never_collide(generated):
    labels = doc_labels(generated)
    assert labels.is_unique
    numbered = labels[labels.str.endswith(")")]
    assert len(numbered) > 0                                 # wire copy: same outlet, day and headline
    assert all(len(label) < 80 for label in labels)
    one = generated.iloc[0]
    assert labels.iloc[0].startswith(f"{one.outlet} · {one.publication_date.replace('-', '/')} · ")


@pytest.mark.parametrize("parts, expected", [
    (("outlet", "date", "title"), "بي بي سي · 2018/02/19 · قاآني يزور بغداد…"),
    (("title",), "قاآني يزور بغداد…"),
    (("id", "date"), "x1 · 2018/02/19"),
])
def test_label_parts(parts, expected):
    corpus = pd.DataFrame({"doc_id": ["x1"], "outlet": ["بي بي سي"], "publication_date": ["2018-02-19T10:00:00"],
                           "title": ["قاآني يزور بغداد لبحث تداعيات الهجوم"]})
    assert doc_labels(corpus, words=3, parts=parts).tolist() == [expected]


def test_default_grouping_documents_then_outlets_then_months(seeds, generated):
    assert default_grouping(seeds) == "document"
    assert default_grouping(generated) == "outlet"
    assert default_grouping(generated.assign(outlet="")) == "month"
    assert default_grouping(generated.assign(outlet="وكالة", publication_date="")) == "document"


def test_outlet_groups_largest_first_and_shown_within_max(generated):
    grouping = document_groups(generated, "auto", max_groups=4)
    assert grouping.by == grouping.column == "outlet"
    sizes = generated.outlet.value_counts()
    assert list(grouping.order) == sizes.index.tolist()
    assert list(grouping.shown) == sizes.index[:4].tolist() and grouping.hidden == 2
    tokens = pd.DataFrame({"doc_id": generated.doc_id})
    assert grouping.assign(tokens).outlet.tolist() == generated.outlet.tolist()


def test_month_and_week_groups_in_calendar_order(generated):
    months = document_groups(generated, "month")
    assert list(months.order) == sorted(months.order) and months.label("2021-07") == "2021/07"
    weeks = document_groups(generated, "week")
    assert all(pd.Timestamp(k).weekday() == 0 for k in weeks.order)      # weeks start on Monday
    assert (weeks.size() > 0).all() and weeks.size().sum() == len(generated)


def test_document_groups_keep_doc_id_and_label_documents(seeds):
    grouping = document_groups(seeds, "document")
    assert grouping.column == "doc_id" and grouping.order == tuple(seeds.doc_id)
    assert grouping.shown_labels() == doc_labels(seeds).tolist()


def test_unknown_grouping_says_what_there_is(seeds):
    with pytest.raises(ValueError, match="no column 'section'"):
        document_groups(seeds, "section")


def test_top_with_rest_sums_the_rest():
    data = pd.DataFrame({"outlet": list("abcdef"), "articles": [5, 1, 9, 2, 2, 7]})
    out = top_with_rest(data, label="outlet", value="articles", n=4)
    assert out.outlet.tolist() == ["a", "c", "f", "أخرى (3)"]
    assert out.articles.sum() == data.articles.sum() and out.n_items.tolist() == [1, 1, 1, 3]
    assert top_with_rest(data, label="outlet", value="articles", n=6).equals(data.assign(n_items=1))


def test_date_counts_fill_empty_periods():
    data = pd.DataFrame({"date": ["2021-11-01", "2021-11-03", "", "2021-11-03"], "g": ["a", "a", "a", "b"]})
    table = date_counts(data, date="date", group="g")
    assert table.freq.unique().tolist() == ["day"]
    assert table[table.g == "a"]["count"].tolist() == [1, 0, 1]
    assert table[table.g == "b"]["count"].tolist() == [0, 0, 1]
    weekly = date_counts(pd.DataFrame({"date": ["2021-01-04", "2021-06-30"]}), date="date")
    assert weekly.freq.iloc[0] == "week" and weekly["count"].sum() == 2 and len(weekly) == 26
