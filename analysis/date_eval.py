"""Score extracted dates against a hand annotation (``analysis/data/gold/dates_*.csv``).

An annotation row names its expression as written and which occurrence of that string in
the text it is (``occurrence`` 1, 2, ...); :func:`locate_annotations` turns it into a
character span.  An extracted row and an annotated row *match* when their spans overlap.
Two numbers come out of :func:`evaluate_dates`:

* **recall** of the required dates: the share of annotated expressions marked
  ``required=yes`` (a reader resolves them clearly) that some extracted row overlaps;
  ``recall_right`` also asks for the annotated date (and grain);
* **day accuracy**: of the extracted rows resolved to a day (``grain == "day"``) that
  overlap an annotated expression, the share whose date is the annotated day.  A day given
  to a name (``not_a_date``), to a generic use (``generic``), to an expression the
  annotator could not date or dated at another grain counts as wrong.  Resolved days that
  overlap no annotated expression are counted apart (``unannotated``).

>>> gold = pd.DataFrame({"doc_id": ["a", "a"], "expression": ["الأحد", "المصري اليوم"],
...                      "occurrence": [1, 1], "kind": ["weekday", "not_a_date"],
...                      "date": ["2021-11-07", ""], "grain": ["day", ""], "required": ["yes", "no"]})
>>> text = "قالت صحيفة المصري اليوم إن الوفد وصل الأحد"
>>> predicted = pd.DataFrame({"doc_id": ["a", "a"], "start": [17, 37], "end": [22, 42],
...                           "date": ["2021-11-08", "2021-11-07"], "grain": ["day", "day"]})
>>> result = evaluate_dates(predicted, gold, {"a": text})
>>> result["recall"], result["day_right"], result["day_wrong"]
(1.0, 1, 1)
"""

from __future__ import annotations

import pandas as pd

from .config import DATA_DIR

#: The hand annotations shipped with the package.
GOLD_DIR = DATA_DIR / "gold"
#: Annotation kinds that are not dates.
NOT_DATES = ("generic", "not_a_date")


def read_annotations(name: str) -> pd.DataFrame:
    """Read ``analysis/data/gold/dates_<name>.csv`` as strings (empty cells stay '').

    >>> sorted(set(read_annotations("ant").split))
    ['dev', 'heldout']
    """
    table = pd.read_csv(GOLD_DIR / f"dates_{name}.csv", dtype=str, keep_default_na=False)
    return table.assign(occurrence=table.occurrence.astype(int))


def locate_annotations(gold: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Add ``start`` and ``end``: the span of each row's ``occurrence``-th ``expression``.

    Raises ``ValueError`` naming the row when a text lacks it (a changed text or a typo).
    """
    starts = []
    for row in gold.itertuples():
        text, at = texts[row.doc_id], -1
        for _ in range(int(row.occurrence)):
            at = text.find(row.expression, at + 1)
            if at < 0:
                raise ValueError(f"{row.doc_id}: occurrence {row.occurrence} of {row.expression!r} not in the text")
        starts.append(at)
    return gold.assign(start=starts, end=[s + len(e) for s, e in zip(starts, gold.expression)])


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def evaluate_dates(predicted: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> dict:
    """Compare extracted date expressions with a hand annotation of the same texts.

    Parameters
    ----------
    predicted : pandas.DataFrame
        From :func:`analysis.dates.dates_table` or :func:`~analysis.dates.extract_dates`
        (``doc_id``, ``start``, ``end``, ``date``, ``grain``).
    gold : pandas.DataFrame
        Annotation rows (``doc_id``, ``expression``, ``occurrence``, ``kind``, ``date``,
        ``grain``, ``required``).
    texts : dict
        doc_id -> the text both were made from.

    Returns
    -------
    dict
        ``recall``, ``recall_right``, ``n_required``, ``found``, ``found_right``;
        ``day_accuracy``, ``day_right``, ``day_wrong``, ``unannotated``; and the frames
        ``missed`` (required rows not found), ``wrong_days`` (extracted day-level rows with
        the annotation they overlap) and ``unannotated_days``.
    """
    gold = locate_annotations(gold.reset_index(drop=True), texts)
    pred = predicted.reset_index(drop=True)
    by_doc = {d: g for d, g in pred.groupby("doc_id")}
    empty = pred.iloc[0:0]

    def overlapping(doc_id, start, end, frame_by_doc):
        frame = frame_by_doc.get(doc_id, empty)
        return frame[(frame.start < end) & (start < frame.end)]

    required = gold[(gold.required == "yes") & ~gold.kind.isin(NOT_DATES)]
    found = found_right = 0
    missed = []
    for row in required.itertuples():
        hits = overlapping(row.doc_id, row.start, row.end, by_doc)
        if len(hits):
            found += 1
            found_right += bool(((hits.date == row.date) & (hits.grain == row.grain)).any())
        else:
            missed.append(row.Index)

    gold_by_doc = {d: g for d, g in gold.groupby("doc_id")}
    right = 0
    wrong, unannotated = [], []
    days = pred[(pred.grain == "day") & (pred.date != "")]
    for row in days.itertuples():
        hits = overlapping(row.doc_id, row.start, row.end, gold_by_doc)
        if not len(hits):
            unannotated.append(row.Index)
        elif ((hits.grain == "day") & (hits.date == row.date)).any():
            right += 1
        else:
            first = hits.iloc[0]
            wrong.append({"doc_id": row.doc_id, "expression": texts[row.doc_id][row.start:row.end],
                          "date": row.date, "gold_expression": first.expression, "gold_kind": first.kind,
                          "gold_date": first.date, "gold_grain": first.grain})
    n = len(required)
    judged = right + len(wrong)
    return {
        "recall": found / n if n else 0.0, "recall_right": found_right / n if n else 0.0,
        "n_required": n, "found": found, "found_right": found_right,
        "day_accuracy": right / judged if judged else 0.0, "day_right": right, "day_wrong": len(wrong),
        "unannotated": len(unannotated),
        "missed": required.loc[missed].reset_index(drop=True),
        "wrong_days": pd.DataFrame(wrong, columns=["doc_id", "expression", "date", "gold_expression", "gold_kind",
                                                   "gold_date", "gold_grain"]),
        "unannotated_days": pred.loc[unannotated].reset_index(drop=True),
    }
