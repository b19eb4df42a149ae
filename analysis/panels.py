"""Small multiples of ranked bars: the top rows of each group, one panel per group.

A generic plot helper written for the sources notebook (top cited sources per outlet);
it draws each panel with :func:`analysis.plotting.plot_bar`, so Arabic labels, the
right-to-left reading and the style are those of every other figure.  Tables in, a
figure out; it never saves or shows.

>>> import pandas as pd
>>> data = pd.DataFrame({"outlet": ["أ", "أ", "ب"], "source": ["رويترز", "مصادر", "الجيش"], "n": [3, 1, 2]})
>>> fig = plot_bar_panels(data, panel="outlet", label="source", value="n", n=5)
>>> len(fig.axes)
2
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import pandas as pd

from .plotting import PALETTE, arabic_label, plot_bar, use_style

#: Labels longer than this are cut with an ellipsis (the CSV keeps them whole).
MAX_LABEL = 38


def short_label(text: str, limit: int = MAX_LABEL) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with "…" when cut.

    >>> short_label("الأمين العام لمجلس التعاون الخليجي نايف الحجرف", 20)
    'الأمين العام لمجلس…'
    """
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def plot_bar_panels(data: pd.DataFrame, *, panel: str, label: str, value: str, n: int = 10,
                    panels: Sequence[str] | None = None, color: str | None = None,
                    colors: Mapping[str, str] | None = None, ncols: int | None = None,
                    title: str | None = None, xlabel: str | None = None):
    """One ranked bar chart per ``panel`` value, with its ``n`` largest rows.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per (panel, label) with ``value``.
    panel, label, value : str
        Column names: the group of each panel, the bar labels, the bar lengths.
    n : int, default 10
        Bars per panel (the largest; ties keep the table's order).
    panels : sequence of str, optional
        Panel order; default: by total ``value``, largest first.
    color : str, optional
        A column whose values colour the bars (e.g. a source type), with a legend.
    colors : mapping, optional
        Colour of each ``color`` value; default: the palette in order of appearance.
    ncols : int, optional
        Panels per row; default 1 for up to three panels, else 2.
    title, xlabel : str, optional

    Returns
    -------
    matplotlib Figure
    """
    use_style()
    if panels is None:
        panels = data.groupby(panel, sort=False)[value].sum().sort_values(ascending=False).index.tolist()
    panels = list(panels)
    ncols = ncols or (1 if len(panels) <= 3 else 2)
    nrows = max(1, -(-len(panels) // ncols))
    tops = {p: data[data[panel] == p].sort_values(value, ascending=False, kind="stable").head(n) for p in panels}
    height = max(max((len(t) for t in tops.values()), default=1), 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(6.8 * ncols, nrows * (0.3 * height + 1.1) + 0.6),
                             squeeze=False, layout="constrained")
    if color is not None and colors is None:
        seen = list(dict.fromkeys(data[color]))
        colors = dict(zip(seen, PALETTE * (len(seen) // len(PALETTE) + 1)))
    for ax, name in zip(axes.flat, panels):
        top = tops[name].assign(_label=lambda d: d[label].map(short_label))
        plot_bar(top, label="_label", value=value, ax=ax, title=str(name), xlabel=xlabel)
        ax.title.set_gid("data")                 # the panel's group (an outlet, an article): data, not words
        if color is not None:
            for patch, key in zip(ax.patches, top[color]):
                patch.set_color(colors[key])
        ax.margins(y=0.02)
        if pd.api.types.is_integer_dtype(top[value]):
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    if color is not None:
        handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in colors.values()]
        fig.legend(handles, [arabic_label(k) for k in colors], loc="outside lower center",
                   ncol=min(len(colors), 4), frameon=False)
    if title:
        fig.suptitle(arabic_label(title))
    return fig
