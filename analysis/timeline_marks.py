"""Hollow markers on a timeline for the days that hang on an inferred publication date.

:func:`analysis.plotting.plot_timeline` draws one filled dot per day and lane.  Dates
resolved against a publication date the workbook inferred (:mod:`analysis.pubdates`)
are less certain than printed ones; :func:`hollow_markers` redraws their dots as rings
and writes a note under the chart.  It works on the axes ``plot_timeline`` returned, with
the same table and column names, and knows nothing of how the dates were found.

>>> import pandas as pd
>>> from analysis.plotting import plot_timeline
>>> data = pd.DataFrame({"date": ["2021-11-07", "2021-11-08"], "doc": ["000", "002"],
...                      "inferred": [False, True]})
>>> ax = plot_timeline(data, date="date", group="doc")
>>> ax = hollow_markers(ax, data, date="date", group="doc", hollow="inferred")
>>> [len(c.get_facecolor()) == 0 for c in ax.collections]          # rings have no face
[False, True]
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd


def hollow_markers(ax, data: pd.DataFrame, *, date: str, group: str, hollow: str,
                   groups: Sequence[str] | None = None, note: str | None = None):
    """Draw as rings the dots of the days and lanes whose rows all have ``data[hollow]`` true.

    Parameters
    ----------
    ax : matplotlib Axes
        As returned by :func:`analysis.plotting.plot_timeline` for ``data``.
    data : pandas.DataFrame
        The table that was plotted.
    date, group : str
        The column names given to ``plot_timeline``.
    hollow : str
        A boolean column: the row's date hangs on an inferred publication date.
    groups : sequence of str, optional
        The lane order given to ``plot_timeline`` (default: first seen, as there).
    note : str, optional
        Text written under the chart (pass it through ``arabic_label`` first).

    Returns
    -------
    matplotlib Axes
    """
    when = pd.to_datetime(data[date].replace("", None), errors="coerce")
    frame = data.loc[when.notna()].assign(_day=when[when.notna()].dt.normalize())
    groups = list(groups) if groups is not None else list(dict.fromkeys(frame[group]))
    days = sorted(frame["_day"].unique())
    column = {g: len(groups) - 1 - i for i, g in enumerate(groups)}      # plot_timeline's layout
    row = {d: i for i, d in enumerate(days)}
    cells = {(column[g], row[d]) for (g, d), part in frame.groupby([group, "_day"])
             if g in column and part[hollow].astype(bool).all()}
    for collection in ax.collections:
        offsets = collection.get_offsets()
        if len(offsets) == 1 and (int(round(offsets[0][0])), int(round(offsets[0][1]))) in cells:
            colour = collection.get_facecolor()[0].copy()
            collection.set_facecolor("none")
            collection.set_edgecolor(colour)
            collection.set_linewidth(1.4)
    if note:
        ax.annotate(note, xy=(1, 0), xycoords="axes fraction", xytext=(0, -6), textcoords="offset points",
                    ha="right", va="top", fontsize=8, color="#555555")
    return ax
