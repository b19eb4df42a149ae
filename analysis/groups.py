"""What a chart compares: documents, or groups of them (outlets, sections, months, weeks).

A chart with one bar, column or panel per document reads well for a handful of
articles and not at all for a thousand.  :func:`document_groups` turns a grouping
parameter (``"auto"``, ``"document"``, ``"outlet"``, ``"section"``, ``"month"``,
``"week"``, ``"quarter"``, ``"year"`` or any metadata column) into a :class:`Grouping`:
each document's group, the groups' order and labels, and which of them a chart shows.
:func:`default_grouping` is what ``"auto"`` means: the document for a handful of
articles, else the outlet when the metadata names several, else the month.

Two table helpers go with it: :func:`top_with_rest` (the largest rows and one row
summing the rest) and :func:`date_counts` (counts per day, week or month and group, the
table behind a timeline of many articles).

>>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["العربية", "بي بي سي", "العربية"],
...                        "publication_date": ["2018-02-19", "2018-03-01", "2018-03-02"]})
>>> grouping = document_groups(corpus, "outlet")
>>> grouping.column, grouping.order
('outlet', ('العربية', 'بي بي سي'))
>>> document_groups(corpus, "month").of.tolist()
['2018-02', '2018-03', '2018-03']
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .labels import doc_labels

#: Up to this many documents, charts compare documents by default.
HANDFUL = 12
#: Most groups a chart shows (the largest; the rest are in the CSV or summed as "others").
MAX_GROUPS = 12
#: Groupings by the publication date, with their pandas period frequency.
PERIODS = {"year": "Y", "quarter": "Q", "month": "M", "week": "W-SUN"}
#: Names accepted for "one group per document".
DOCUMENT = ("document", "doc", "doc_id", "article")
#: The label of a group of documents lacking the grouping's value.
UNKNOWN = {"outlet": "(بلا وسيلة)", "section": "(بلا قسم)", "date": "(بلا تاريخ)"}
#: The label of the row or group that sums the rest.
OTHERS = "أخرى"
#: How chart titles say what each group is ("... in each outlet").
PER = {"document": "في كل مقال", "outlet": "في كل وسيلة إعلام", "section": "في كل قسم", "year": "في كل سنة",
       "quarter": "في كل ربع سنة", "month": "في كل شهر", "week": "في كل أسبوع"}


@dataclass(frozen=True)
class Grouping:
    """The groups a chart compares, from :func:`document_groups`.

    Attributes
    ----------
    by : str
        ``"document"``, ``"outlet"``, ``"section"``, ``"month"``, ``"week"``, ... or the
        metadata column's name.
    column : str
        The column holding each row's group: ``"doc_id"`` for documents, else ``by``.
        Count within it: ``count_terms(grouping.assign(tokens), by=grouping.column)``.
    of : pandas.Series
        doc_id -> the document's group key (str): its ``doc_id``, outlet, ``"2021-11"``
        (month), ``"2021-11-08"`` (the Monday of a week), ``"2021-Q4"``, ``"2021"``; ``""``
        when the document lacks the value.
    order : tuple of str
        Every key, in display order: documents in corpus order, periods in calendar order,
        other groups largest first (ties by name); the group of documents lacking the
        value last.
    labels : dict
        Key -> the label charts show: a document's :func:`analysis.labels.doc_labels`,
        2021/11 for a month, the outlet's name...
    shown : tuple of str
        The keys a chart shows, in display order: all of them when there are at most
        ``max_groups``; else the first ``max_groups`` documents, or the ``max_groups``
        groups with the most documents.
    per : str
        How a chart title says what is compared, e.g. "في كل وسيلة إعلام".
    """

    by: str
    column: str
    of: pd.Series
    order: tuple[str, ...]
    labels: dict[str, str] = field(repr=False)
    shown: tuple[str, ...]
    per: str

    @property
    def hidden(self) -> int:
        """How many groups charts leave out (they are in the CSVs)."""
        return len(self.order) - len(self.shown)

    def assign(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` (with a ``doc_id`` column: tokens, sources, dates...) with each row's group
        in :attr:`column` (unchanged for documents, whose column is ``doc_id`` itself)."""
        if self.column == "doc_id":
            return frame
        return frame.assign(**{self.column: frame["doc_id"].map(self.of).fillna("")})

    def label(self, key: object) -> str:
        """The chart label of a group key (the key itself when unknown)."""
        return self.labels.get(key, str(key))

    def shown_labels(self) -> list[str]:
        """The labels of :attr:`shown`, in order: a chart's bars, columns or panels."""
        return [self.label(k) for k in self.shown]

    def size(self) -> pd.Series:
        """Documents per group, in :attr:`order`."""
        return self.of.value_counts().reindex(list(self.order), fill_value=0)


def _values(corpus: pd.DataFrame, column: str) -> pd.Series:
    values = corpus[column] if column in corpus.columns else pd.Series("", index=corpus.index)
    return values.map(lambda v: v.strip() if isinstance(v, str) else ("" if pd.isna(v) else str(v)))


def _periods(corpus: pd.DataFrame, by: str, date_column: str) -> pd.Series:
    """Each document's period key ("" without a readable date)."""
    when = pd.to_datetime(_values(corpus, date_column).replace("", None), errors="coerce", format="ISO8601")
    if getattr(when.dt, "tz", None) is not None:
        when = when.dt.tz_convert(None)
    keys = pd.Series("", index=corpus.index, dtype=object)
    ok = when.notna()
    if ok.any():
        period = when[ok].dt.to_period(PERIODS[by])
        if by == "week":
            keys[ok] = [f"{p.start_time:%Y-%m-%d}" for p in period]
        elif by == "quarter":
            keys[ok] = [f"{p.year}-Q{p.quarter}" for p in period]
        else:
            keys[ok] = period.astype(str).tolist()
    return keys


def _period_label(by: str, key: str) -> str:
    if not key:
        return ""
    if by == "quarter":
        return key.replace("-Q", " Q")
    return key.replace("-", "/")


def default_grouping(corpus: pd.DataFrame, *, handful: int = HANDFUL, date_column: str = "publication_date") -> str:
    """The grouping charts use unless told otherwise.

    ``"document"`` for at most ``handful`` documents; else ``"outlet"`` when the metadata
    name at least two outlets; else ``"month"`` when the publication dates span at
    least two months; else ``"document"`` (charts then show the first ``MAX_GROUPS``).

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": list("abcdefghijklmn"), "outlet": ["س", "ص"] * 7})
    >>> default_grouping(c.head(5)), default_grouping(c)
    ('document', 'outlet')
    """
    if len(corpus) <= handful:
        return "document"
    outlets = _values(corpus, "outlet")
    if outlets[outlets != ""].nunique() >= 2:
        return "outlet"
    months = _periods(corpus, "month", date_column)
    if months[months != ""].nunique() >= 2:
        return "month"
    return "document"


def _words(lang: str):
    """UNKNOWN, the "others" label and PER in ``lang`` (the constants themselves for Arabic)."""
    if lang == "ar":
        return UNKNOWN, OTHERS, PER
    from .language import tr

    unknown = {k: tr(f"group.unknown_{k}", lang) for k in UNKNOWN}
    return unknown, tr("group.other", lang), {k: tr(f"per.{k}", lang) for k in PER}


def document_groups(corpus: pd.DataFrame, by: str = "auto", *, max_groups: int = MAX_GROUPS,
                    date_column: str = "publication_date", labels: pd.Series | None = None,
                    lang: str = "ar") -> Grouping:
    """Group the documents of ``corpus`` for charts that compare them.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus` (``doc_id`` and metadata columns).
    by : str, default "auto"
        ``"auto"`` (:func:`default_grouping`), ``"document"``, a period of ``date_column``
        (``"year"``, ``"quarter"``, ``"month"``, ``"week"``: weeks start on Monday), or a
        metadata column (``"outlet"``, ``"section"``, any other).
    max_groups : int, default 12
        Most groups a chart shows (:attr:`Grouping.shown`).
    date_column : str, default "publication_date"
        ISO dates (date-times keep their day) the periods come from.
    labels : pandas.Series, optional
        doc_id -> label for documents; default :func:`analysis.labels.doc_labels`.
    lang : {"ar", "en"}, default "ar"
        The language of the words the grouping adds to a chart: :attr:`Grouping.per` and
        the label of documents lacking the value (:mod:`analysis.language`).

    Returns
    -------
    Grouping

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["س", "ص", "ص", ""],
    ...                   "publication_date": ["2021-11-08", "2021-11-09", "2021-11-15", ""]})
    >>> g = document_groups(c, "week")
    >>> g.order, [g.label(k) for k in g.order]
    (('2021-11-08', '2021-11-15', ''), ['2021/11/08', '2021/11/15', '(بلا تاريخ)'])
    >>> g = document_groups(c, "outlet", max_groups=1)
    >>> g.order, g.shown, g.hidden
    (('ص', 'س', ''), ('ص',), 2)
    >>> g = document_groups(c, "outlet", lang="en")
    >>> g.label(""), g.per
    ('(no outlet)', 'by outlet')
    """
    unknown_words, _, per_words = _words(lang)
    if by == "auto":
        by = default_grouping(corpus, date_column=date_column)
    ids = corpus["doc_id"].astype(str)
    if by in DOCUMENT:
        names = doc_labels(corpus) if labels is None else labels
        order = tuple(ids)
        of = pd.Series(order, index=pd.Index(ids, name="doc_id"), dtype=object, name="doc_id")
        return Grouping("document", "doc_id", of, order, {k: names.get(k, k) for k in order},
                        order[:max_groups], per_words["document"])
    if by in PERIODS:
        keys = _periods(corpus, by, date_column)
        if (keys == "").all():
            raise ValueError(f"document_groups: no document has a date in {date_column!r} to group by {by}")
        order = tuple(sorted(set(keys) - {""})) + (("",) if (keys == "").any() else ())
        names = {k: _period_label(by, k) or unknown_words["date"] for k in order}
    else:
        if by not in corpus.columns:
            columns = [c for c in corpus.columns if corpus[c].dtype == object]
            raise ValueError(f"document_groups: the corpus has no column {by!r}; group by 'document', a period "
                             f"({', '.join(PERIODS)}) or one of {columns}")
        keys = _values(corpus, by)
        sizes = keys[keys != ""].value_counts()
        order = tuple(sorted(sizes.index, key=lambda k: (-sizes[k], k))) + (("",) if (keys == "").any() else ())
        fallback = f"(بلا {by})" if lang == "ar" else f"(no {by})"
        names = {k: k or unknown_words.get(by, fallback) for k in order}
    of = pd.Series(keys.to_numpy(dtype=object), index=pd.Index(ids, name="doc_id"), name=by)
    if len(order) <= max_groups:
        shown = order
    else:
        sizes = of.value_counts()
        largest = set(sorted(order, key=lambda k: (k == "", -sizes.get(k, 0), order.index(k)))[:max_groups])
        shown = tuple(k for k in order if k in largest)
    return Grouping(by, by, of, order, names, shown,
                    per_words.get(by, f"حسب {by}" if lang == "ar" else f"by {by}"))


def top_with_rest(data: pd.DataFrame, *, label: str, value: str, n: int = MAX_GROUPS,
                  other: str = OTHERS) -> pd.DataFrame:
    """The ``n - 1`` rows with the largest ``value`` and one more summing the rest.

    For values that add up (counts of articles, tokens, attributions): a long list
    becomes a chart of ``n`` bars.  Rates (per 1,000 tokens, shares) do not add up:
    recompute them from summed counts instead.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per item (other columns are kept for the rows shown, empty in the sum).
    label, value : str
        Columns with the item's name and its value.
    n : int, default 12
        Rows returned at most; a list of ``n`` rows or fewer comes back as it was.
    other : str, default "أخرى"
        Label of the summing row, followed by the number of rows summed: "أخرى (37)".

    Returns
    -------
    pandas.DataFrame
        The largest rows in their original order, then the summing row; with a column
        ``n_items`` (1, or how many rows the last one sums).

    Examples
    --------
    >>> d = pd.DataFrame({"outlet": ["أ", "ب", "ج", "د"], "articles": [5, 9, 1, 2]})
    >>> top_with_rest(d, label="outlet", value="articles", n=3).values.tolist()
    [['أ', 5, 1], ['ب', 9, 1], ['أخرى (2)', 3, 2]]
    """
    out = data.assign(n_items=1)
    if len(data) <= n:
        return out.reset_index(drop=True)
    values = data[value].to_numpy()
    keep = np.zeros(len(data), dtype=bool)
    keep[np.argsort(-values, kind="stable")[:n - 1]] = True
    rest = {label: f"{other} ({int((~keep).sum())})", value: values[~keep].sum(), "n_items": int((~keep).sum())}
    return pd.concat([out[keep], pd.DataFrame([rest])], ignore_index=True)


#: date_counts' automatic resolution: days up to this many, else weeks up to WEEKS, else months.
DAYS, WEEKS = 92, 156


def central_dates(data: pd.DataFrame, *, date: str, share: float = 0.98) -> tuple[pd.DataFrame, int]:
    """The rows whose ``date`` lies in the central ``share`` of the dates, and how many lie
    outside: a timeline of 2018 news is not squashed into a strip by the one article that
    mentions 1780 (the CSV behind the chart keeps every row).

    Examples
    --------
    >>> d = pd.DataFrame({"date": ["1780-01-01"] + ["2018-03-0%d" % (i % 9 + 1) for i in range(200)]})
    >>> kept, outside = central_dates(d, date="date"); (len(kept), outside)
    (200, 1)
    """
    when = pd.to_datetime(data[date].replace("", None) if data[date].dtype == object else data[date],
                          errors="coerce", format="ISO8601")
    ok = when.notna()
    if ok.sum() < 50:                                  # a handful of dates: show them all
        return data, 0
    tail = (1 - share) / 2
    low, high = when[ok].quantile(tail), when[ok].quantile(1 - tail)
    keep = ~ok | ((when >= low) & (when <= high))
    return data[keep], int((~keep).sum())


def date_counts(data: pd.DataFrame, *, date: str, group: str | None = None, value: str | None = None,
                freq: str = "auto") -> pd.DataFrame:
    """Counts per day, week or month (and group): the table behind a timeline of many articles.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per item (an article, a date mention): a ``date`` column (dates or ISO
        strings; empty and unreadable ones are left out) and optionally ``group``.
    date, group : str
        Column names.
    value : str, optional
        Sum this column instead of counting rows.
    freq : {"auto", "day", "week", "month"}, default "auto"
        "auto": days when the dates span at most 92 days, weeks (starting Monday) up to
        156 weeks, else months.

    Returns
    -------
    pandas.DataFrame
        ``period`` (the first day, a timestamp), ``freq``, [``group``,] ``count``: every period
        from the first to the last, for every group, zeros included; groups in order of
        their totals, largest first.

    Examples
    --------
    >>> d = pd.DataFrame({"day": ["2021-11-07", "2021-11-08", "2021-11-08", ""], "doc": ["أ", "أ", "ب", "ب"]})
    >>> date_counts(d, date="day", group="doc").astype({"period": str}).values.tolist()
    [['2021-11-07', 'day', 'أ', 1], ['2021-11-08', 'day', 'أ', 1], ['2021-11-07', 'day', 'ب', 0], ['2021-11-08', 'day', 'ب', 1]]
    """
    when = pd.to_datetime(data[date].replace("", None), errors="coerce", format="ISO8601") \
        if data[date].dtype == object else pd.to_datetime(data[date], errors="coerce")
    if getattr(when.dt, "tz", None) is not None:
        when = when.dt.tz_convert(None)
    ok = when.notna().to_numpy()
    columns = ["period", "freq", *([group] if group else []), "count"]
    if not ok.any():
        return pd.DataFrame(columns=columns)
    days = when[ok].dt.normalize()
    if freq == "auto":
        span = (days.max() - days.min()).days
        freq = "day" if span <= DAYS else "week" if span <= 7 * WEEKS else "month"
    code = {"day": "D", "week": "W-SUN", "month": "M"}[freq]
    period = days.dt.to_period(code).dt.start_time
    frame = pd.DataFrame({"period": period.to_numpy(), "_group": data[group].to_numpy()[ok] if group else "",
                          "_value": data[value].to_numpy()[ok] if value else 1})
    totals = frame.groupby("period")["_value"].sum()
    everything = pd.period_range(totals.index.min(), totals.index.max(), freq=code).start_time
    table = frame.groupby(["_group", "period"])["_value"].sum()
    by_size = frame.groupby("_group")["_value"].sum()
    groups = sorted(by_size.index, key=lambda g: (-by_size[g], str(g)))
    full = pd.MultiIndex.from_product([groups, everything], names=["_group", "period"])
    table = table.reindex(full, fill_value=0).reset_index()
    table["freq"] = freq
    table = table.rename(columns={"_group": group or "_group", "_value": "count"})
    return table[columns].reset_index(drop=True)
