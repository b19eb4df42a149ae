r"""Arabic-correct charts and their export: ``arabic_label``, one style, plot helpers, ``save_figure``.

matplotlib 3.11 and later shape and order Arabic themselves (through libraqm); handing
them text already run through arabic-reshaper + python-bidi makes it come out reversed.
Older matplotlib draws code points one by one, left to right, and needs exactly that
recipe.  :func:`arabic_label` picks the right one for the running matplotlib, so notebook
code never calls the reshaper.  Plot helpers take tables and ``ax=None``, draw, and return
the axes; only :func:`save_figure` writes files.

A figure stays a figure whatever the corpus: a helper that makes its own figure sizes it
to its content but never beyond :data:`MAX_PIXELS` a side at the export resolution; bars,
heatmap rows and columns beyond ``max_bars`` / ``max_rows`` / ``max_columns`` are left
out with a note saying so (sum them first with :func:`analysis.groups.top_with_rest`
where values add up); numbers are printed in heatmap cells only where they fit; a
timeline of many documents or days becomes counts per day, week or month
(:func:`plot_date_counts`).  :func:`save_figure` checks all of this once more: it
lowers the resolution of a figure that would exceed :data:`MAX_PIXELS` and warns
(:class:`FigureSizeWarning`), and warns when two labels overlap
(:class:`LabelOverlapWarning`, measured by :func:`label_overlaps` with the renderer).

>>> "\\$" in arabic_label("السعر $5")
True
"""

from __future__ import annotations

import math
import unicodedata
import warnings
from pathlib import Path
from typing import Sequence

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import ft2font

from .config import FIGURES_DIR
from .files import atomic_paths
from .language import figure_language, other_language_words, tr
from .normalize import fold_presentation_forms

#: Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: DejaVu Sans ships with matplotlib and has the Arabic letters, digits and punctuation of
#: the corpus, so figures come out the same on every machine.
FONT_FAMILY = ["DejaVu Sans"]
#: Resolution of exported PNGs.
PNG_DPI = 200
#: Largest side of an exported PNG, in pixels; figures are at most MAX_INCHES a side.
MAX_PIXELS = 4000
MAX_INCHES = MAX_PIXELS / PNG_DPI
#: A heatmap with more cells than this prints no numbers in them (its CSV has them).
MAX_ANNOTATED_CELLS = 600
#: The salt of SVG element ids, fixed so that the same figure gives the same SVG bytes.
SVG_HASHSALT = "qaani-baghdad-workbook"

STYLE = {
    "font.family": FONT_FAMILY,
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "savefig.dpi": PNG_DPI,
    "svg.fonttype": "path",
    "svg.hashsalt": SVG_HASHSALT,
    "axes.unicode_minus": False,
}

def matplotlib_shapes_text() -> bool:
    """Whether the running matplotlib shapes complex scripts itself (3.11+, libraqm).

    Examples
    --------
    >>> isinstance(matplotlib_shapes_text(), bool)
    True
    """
    return hasattr(ft2font, "__libraqm_version__")


def _reshaper():
    import arabic_reshaper

    # keep harakat; DejaVu Sans has no glyph for the ALLAH ligature U+FDF2
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "arabic ligature allah": False})


def arabic_label(text: object) -> str:
    """Return the string to hand matplotlib so that ``text`` shows joined and right-to-left.

    Parameters
    ----------
    text : object
        A label in logical order, as in the corpus (converted with ``str``).

    Returns
    -------
    str
        On matplotlib 3.11+ the text itself; on older versions the reshaped, visually
        ordered string (arabic-reshaper with harakat kept and no ALLAH ligature, then
        python-bidi).  Presentation forms are folded first and ``$`` is escaped so a
        label never switches to mathtext.

    Examples
    --------
    >>> label = arabic_label("قاآني")
    >>> label == "قاآني" if matplotlib_shapes_text() else label != "قاآني"
    True
    """
    text = fold_presentation_forms(str(text))
    if not matplotlib_shapes_text():
        from bidi import get_display

        # line by line: matplotlib lays out the lines of a label one under the other
        text = "\n".join(get_display(_reshaper().reshape(line)) for line in text.split("\n"))
    # escape after reordering, so the backslash stays right before its "$"
    return text.replace("$", r"\$")


def wrap_label(text: object, width: int = 18, *, max_lines: int = 3) -> str:
    """Break a label into short lines, preferably at its " · " (between a document label's
    outlet, date and title), else between words, so that a line has at most ``width``
    characters where it can; at most ``max_lines`` lines (the last one ends in … when cut).

    Examples
    --------
    >>> print(wrap_label("سكاي نيوز عربية · 2018/02/19 · أردوغان يخيّر الوحدات الكردية…"))
    سكاي نيوز عربية
    2018/02/19
    أردوغان يخيّر…
    >>> print(wrap_label("العربية · 2018/02/19 · أردوغان يخيّر الوحدات", 30, max_lines=2))
    العربية · 2018/02/19
    أردوغان يخيّر الوحدات
    """
    lines: list[str] = []
    line = ""
    for part in str(text).split(" · "):
        if line and len(line) + 3 + len(part) <= width:
            line = f"{line} · {part}"
            continue
        if line:
            lines.append(line)
        line = ""
        for word in part.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip("…") + "…"
    return "\n".join(lines)


def use_style() -> None:
    """Set the workbook's figure style (fonts, sizes, colour-blind-safe colours) for this session.

    Examples
    --------
    >>> use_style(); matplotlib.rcParams["svg.hashsalt"]
    'qaani-baghdad-workbook'
    """
    matplotlib.rcParams.update(STYLE)


class FigureSizeWarning(UserWarning):
    """A figure too large to export at :data:`PNG_DPI` within :data:`MAX_PIXELS` a side."""


class LabelOverlapWarning(UserWarning):
    """Two labels of a figure overlap (see :func:`label_overlaps`)."""


def capped_size(width: float, height: float, *, minimum: tuple[float, float] = (4.0, 2.5)) -> tuple[float, float]:
    """A figure size in inches within ``minimum`` and :data:`MAX_INCHES` a side.

    Examples
    --------
    >>> capped_size(67.2, 3.6)
    (20.0, 3.6)
    """
    return (round(min(max(width, minimum[0]), MAX_INCHES), 2), round(min(max(height, minimum[1]), MAX_INCHES), 2))


def _axes(ax, width: float = 8, height: float = 4.5):
    if ax is None:
        use_style()
        _, ax = plt.subplots(figsize=capped_size(width, height))
    return ax


def panel_grid(n: int, *, panel: tuple[float, float] = (3.4, 3.2), max_columns: int = 5,
               titles: Sequence[str] | None = None, **kwargs):
    """A figure with ``n`` panels (small multiples) in balanced rows of at most ``max_columns``.

    The first panel is top right, as Arabic reads; panels beyond ``n`` are hidden.  The
    figure is ``panel`` inches per panel (wider when ``titles`` need it), scaled down to
    stay within :data:`MAX_INCHES`.

    Parameters
    ----------
    n : int
    panel : (float, float), default (3.4, 3.2)
        Width and height of a panel in inches.
    max_columns : int, default 5
    titles : sequence of str, optional
        One title per panel (10 pt, in at most two lines: :func:`wrap_label`); draw on
        the panels without a title of their own.
    **kwargs
        Passed to ``plt.subplots`` (``sharex``...).

    Returns
    -------
    (Figure, list of Axes)
        Exactly ``n`` axes, in reading order.

    Examples
    --------
    >>> fig, axes = panel_grid(6)
    >>> len(axes), fig.get_size_inches().tolist()
    (6, [10.2, 6.4])
    """
    use_style()
    n = max(n, 1)
    rows = math.ceil(n / max_columns)
    columns = math.ceil(n / rows)                       # balanced: 5 -> 5, 6 -> 3 + 3, 12 -> 4 x 3
    width, height = panel
    titles = [wrap_label(t, 30, max_lines=2) for t in titles] if titles else None
    if titles:
        width = max(width, 0.075 * max(len(line) for t in titles for line in t.split("\n")) + 0.5)
        height += 0.18 * (max(t.count("\n") for t in titles))
    scale = min(1.0, MAX_INCHES / (width * columns), MAX_INCHES / (height * rows))
    fig, grid = plt.subplots(rows, columns, figsize=capped_size(width * columns * scale, height * rows * scale),
                             squeeze=False, **kwargs)
    axes = [grid[r][columns - 1 - c] for r in range(rows) for c in range(columns)]
    for ax in axes[n:]:
        ax.set_visible(False)
    for ax, title in zip(axes, titles or []):
        ax.set_title(arabic_label(title), fontsize=10, gid="data")     # a group's name: data, not the figure's words
    return fig, axes[:n]


def add_note(ax, text: str) -> None:
    """A small grey note at the foot of the figure, in the figure's language (the caller's
    words), e.g. what a chart leaves out."""
    _note(ax, text)


def _note(ax, text: str) -> None:
    """A small grey note at the foot of the figure (what a chart leaves out); notes of
    several helpers drawing on one figure are joined."""
    fig = ax.figure
    notes = getattr(fig, "_workbook_notes", [])
    if text not in notes:
        notes.append(text)
    fig._workbook_notes = notes
    fig.supxlabel(arabic_label("؛ ".join(notes)), fontsize=8, color="#555555")


def _legend_below(ax, ncol: int) -> None:
    """The legend centred under the x axis's tick labels and label, at a fixed distance in
    points (a fraction of the axes' height would overlap a short chart's label)."""
    from matplotlib.transforms import ScaledTranslation

    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return
    longest = max(len(line) for label in labels for line in label.split("\n"))
    width = ax.figure.get_size_inches()[0]
    ncol = max(1, min(ncol, int(width // (0.085 * longest + 0.7))))
    drop = 24 + (16 * (ax.get_xlabel().count("\n") + 1) if ax.get_xlabel() else 0)
    anchor = ax.transAxes + ScaledTranslation(0, -drop / 72, ax.figure.dpi_scale_trans)
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=anchor,
              ncol=ncol, frameon=False)


def _left_out(shown: int, total: int, what: str) -> str:
    """The note of a chart that shows ``shown`` of ``total`` bars, rows or columns."""
    return tr("note.left_out", what=tr(f"note.{what}"), shown=shown, total=total)


def _right_to_left_bars(ax, positions, labels) -> None:
    """Bars that grow leftwards from a right-hand axis carrying the labels, first on top."""
    ax.set_yticks(positions, [arabic_label(v) for v in labels])
    ax.invert_yaxis()
    ax.invert_xaxis()
    ax.yaxis.tick_right()
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)


def plot_bar(
    data: pd.DataFrame,
    *,
    label: str,
    value: str,
    ax=None,
    title: str | None = None,
    xlabel: str | None = None,
    color: str = PALETTE[0],
    annotate: bool = True,
    fmt: str = "{:g}",
    max_bars: int = 40,
):
    """Draw a ranked horizontal bar chart that reads right to left, labels on the right.

    Bars grow leftwards from the right-hand axis, the first row of ``data`` on top, so
    Arabic labels sit next to the start of their bar.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per bar, in the order to show (top first).
    label, value : str
        Columns with the bar labels (any text, Arabic welcome) and the lengths.
    ax : matplotlib Axes, optional
        Default: a new figure, 0.3 inch per bar (at most :data:`MAX_INCHES`).
    title, xlabel : str, optional
    color : str
    annotate : bool, default True
        Write each value at the end of its bar.
    fmt : str, default "{:g}"
        Format of those values.
    max_bars : int, default 40
        Draw at most this many (the first rows) and say so under the chart; sum the rest
        into one bar beforehand with :func:`analysis.groups.top_with_rest`.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_bar(pd.DataFrame({"term": ["الكاظمي", "بغداد"], "count": [37, 20]}),
    ...               label="term", value="count")
    >>> [t.get_text() for t in ax.get_yticklabels()] == [arabic_label("الكاظمي"), arabic_label("بغداد")]
    True
    """
    total = len(data)
    data = data.head(max_bars)
    ax = _axes(ax, 8, 0.3 * len(data) + 1.5)
    positions = list(range(len(data)))
    values = data[value].tolist()
    ax.barh(positions, values, color=color)
    _right_to_left_bars(ax, positions, data[label])
    if annotate:
        for pos, val in zip(positions, values):
            ax.annotate(fmt.format(val), (val, pos), xytext=(-3, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=9)
    if title:
        ax.set_title(arabic_label(title))
    if xlabel:
        ax.set_xlabel(arabic_label(xlabel))
    if total > len(data):
        _note(ax, _left_out(len(data), total, "bars"))
    return ax


def plot_stacked_bars(
    data: pd.DataFrame,
    *,
    label: str,
    stack: str,
    value: str,
    ax=None,
    order: Sequence[str] | None = None,
    stack_order: Sequence[str] | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    colors: Sequence[str] = PALETTE,
    max_bars: int = 40,
    other: str | None = None,
):
    """Draw horizontal stacked bars from a tidy table, reading right to left.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per (bar, segment): columns ``label`` (the bar), ``stack`` (the segment)
        and ``value``.  Missing combinations count as 0.
    label, stack, value : str
        Column names.
    ax : matplotlib Axes, optional
        Default: a new figure, 0.35 inch per bar (at most :data:`MAX_INCHES`).
    order, stack_order : sequence of str, optional
        Bar order (top first) and segment order (from the right); default: first seen.
    title, xlabel : str, optional
    colors : sequence of str
        One colour per segment, in ``stack_order``.
    max_bars : int, default 40
        Most bars drawn: the first of ``order``.
    other : str, optional
        Where values add up (counts), the label of one more bar summing the bars left
        out (e.g. "أخرى"; the number summed is added); default: they are left out and a
        note says so.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> data = pd.DataFrame({"doc": ["أ", "أ", "ب"], "type": ["وكالة", "مجهول", "وكالة"], "n": [2, 1, 3]})
    >>> ax = plot_stacked_bars(data, label="doc", stack="type", value="n")
    >>> [t.get_text() for t in ax.get_legend().get_texts()] == [arabic_label("وكالة"), arabic_label("مجهول")]
    True
    """
    order = list(order) if order is not None else list(dict.fromkeys(data[label]))
    stack_order = list(stack_order) if stack_order is not None else list(dict.fromkeys(data[stack]))
    table = (data.pivot_table(index=label, columns=stack, values=value, aggfunc="sum", fill_value=0)
             .reindex(index=order, columns=stack_order, fill_value=0))
    total = len(order)
    if total > max_bars:
        if other is not None:
            rest = table.iloc[max_bars - 1:].sum()
            name = f"{other} ({total - max_bars + 1})"
            table = pd.concat([table.iloc[:max_bars - 1], rest.to_frame(name).T])
        else:
            table = table.iloc[:max_bars]
        order = list(table.index)
    ax = _axes(ax, 8, 0.35 * len(order) + 2.2)
    positions = list(range(len(order)))
    left = [0.0] * len(order)
    for colour, segment in zip(list(colors) * (len(stack_order) // len(colors) + 1), stack_order):
        widths = table[segment].tolist()
        ax.barh(positions, widths, left=left, color=colour, label=arabic_label(segment))
        left = [a + b for a, b in zip(left, widths)]
    _right_to_left_bars(ax, positions, order)
    if title:
        ax.set_title(arabic_label(title))
    if xlabel:
        ax.set_xlabel(arabic_label(xlabel))
    # below the chart, so it never covers a bar
    _legend_below(ax, ncol=min(len(stack_order), 4))
    if other is None and total > len(order):
        _note(ax, _left_out(len(order), total, "bars"))
    return ax


def plot_heatmap(
    data: pd.DataFrame,
    *,
    row: str,
    column: str,
    value: str,
    ax=None,
    rows: Sequence[str] | None = None,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    cmap: str = "Blues",
    annotate: bool = True,
    fmt: str = "{:g}",
    max_rows: int = 60,
    max_columns: int = 40,
):
    """Draw a heatmap (e.g. terms x documents) from a tidy table, row labels on the right.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per cell: columns ``row``, ``column``, ``value``; missing cells are 0.
    row, column, value : str
        Column names.
    ax : matplotlib Axes, optional
        Default: a new figure sized to the rows, columns and labels (at most
        :data:`MAX_INCHES` a side).
    rows, columns : sequence of str, optional
        Order of rows (top first) and columns (from the right, as Arabic reads); default:
        first seen.
    title : str, optional
    cmap : str, default "Blues"
        A sequential colour map (readable in grey and with colour-vision deficiencies).
    annotate : bool, default True
        Write each value in its cell, where it fits: the figure is laid out, the widest
        value measured, and the numbers are printed (in 8 or 6.5 point) only if they fit
        the cells, and only in heatmaps of at most :data:`MAX_ANNOTATED_CELLS` cells;
        otherwise the colour bar alone gives the values.  Column labels go
        across in short lines where they fit (:func:`wrap_label`), else upright.
    fmt : str
        Format of the annotations.
    max_rows, max_columns : int, default 60 and 40
        Draw at most the first rows and columns and say so under the chart.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> data = pd.DataFrame({"term": ["الكاظمي", "بغداد"], "doc": ["000", "001"], "n": [9, 4]})
    >>> ax = plot_heatmap(data, row="term", column="doc", value="n")
    >>> [t.get_text() for t in ax.get_yticklabels()] == [arabic_label("الكاظمي"), arabic_label("بغداد")]
    True
    """
    rows = list(rows) if rows is not None else list(dict.fromkeys(data[row]))
    columns = list(columns) if columns is not None else list(dict.fromkeys(data[column]))
    n_rows, n_columns = len(rows), len(columns)
    rows, columns = rows[:max_rows], columns[:max_columns]
    table = (data.pivot_table(index=row, columns=column, values=value, aggfunc="sum", fill_value=0)
             .reindex(index=rows, columns=columns[::-1], fill_value=0))
    column_labels = [wrap_label(c) for c in table.columns]
    row_chars = max((len(str(r)) for r in rows), default=1)
    line_chars = max((len(line) for c in column_labels for line in c.split("\n")), default=1)
    n_lines = max((c.count("\n") + 1 for c in column_labels), default=1)
    width = 2.6 + 0.085 * row_chars + max(0.6, 0.085 * line_chars + 0.15) * len(columns)
    height = 1.6 + 0.33 * len(rows) + 0.2 * n_lines
    if width > MAX_INCHES:                          # the labels will stand upright, each on one line
        height += 0.075 * max((len(str(c)) for c in columns), default=1) - 0.2 * n_lines
    ax = _axes(ax, width, height)
    matrix = table.to_numpy(dtype=float)
    image = ax.imshow(matrix, cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(table.columns)), [arabic_label(c) for c in column_labels])
    ax.set_yticks(range(len(rows)), [arabic_label(r) for r in rows])
    ax.yaxis.tick_right()
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(arabic_label(title))
    # a thin bar close to the cells: with the default width and pad (fractions of a wide
    # heatmap) constrained layout leaves the bar's numbers a few pixels off the figure
    ax.figure.colorbar(image, ax=ax, location="left", shrink=0.8, fraction=0.03, pad=0.02)
    if n_rows > len(rows):
        _note(ax, _left_out(len(rows), n_rows, "rows"))
    if n_columns > len(columns):
        _note(ax, _left_out(len(columns), n_columns, "columns"))
    ax.figure.draw_without_rendering()               # lay out once: cells and labels now have sizes
    _fit_column_labels(ax, list(table.columns))
    if annotate and 0 < matrix.size <= MAX_ANNOTATED_CELLS:
        _annotate_cells(ax, matrix, fmt)
    return ax


def _cell_size(ax, n_rows: int, n_columns: int) -> tuple[float, float]:
    """Width and height of a heatmap cell in display pixels (after layout)."""
    box = ax.get_window_extent()
    return box.width / max(n_columns, 1), box.height / max(n_rows, 1)


def _text_size(fig, text: str, fontsize: float) -> tuple[float, float]:
    """Width and height in display pixels of ``text`` drawn unrotated in ``fontsize``."""
    from matplotlib.text import Text

    probe = Text(0, 0, text, fontsize=fontsize, figure=fig)
    box = probe.get_window_extent(renderer=fig.canvas.get_renderer())
    return box.width, box.height


def _fit_column_labels(ax, names: Sequence[str]) -> None:
    """Column labels across, in short lines (:func:`wrap_label`), when they fit their
    column; else each on one line, upright (90°), in 11 pt down to 7 pt as the column's
    width allows."""
    labels = ax.get_xticklabels()
    if not labels:
        return
    fig = ax.figure
    cell_w, _ = _cell_size(ax, 1, len(labels))
    size = labels[0].get_fontsize()
    widest = max(_text_size(fig, t.get_text(), size)[0] for t in labels)
    if widest <= 0.92 * cell_w:
        ax.tick_params(axis="x", labelrotation=0)
        return
    single = [arabic_label(str(n)) for n in names]
    for points in (size, 9, 8, 7):
        if _text_size(fig, "Ag" + single[0], points)[1] <= 0.95 * cell_w:
            break
    ax.set_xticks(ax.get_xticks(), single, rotation=90, fontsize=points)


def _annotate_cells(ax, matrix: np.ndarray, fmt: str) -> None:
    """Print each cell's value if the widest one fits its cell (8 pt, else 6.5 pt)."""
    fig = ax.figure
    fig.draw_without_rendering()
    cell_w, cell_h = _cell_size(ax, *matrix.shape)
    texts = [fmt.format(v) for v in matrix.ravel()]
    widest = max(texts, key=len)
    for size in (8, 6.5):
        width, height = _text_size(fig, widest, size)
        if width <= 0.9 * cell_w and height <= 0.85 * cell_h:
            break
    else:
        return
    high = matrix.max()
    for (i, j), text in zip(np.ndindex(*matrix.shape), texts):
        ax.text(j, i, text, ha="center", va="center", fontsize=size,
                color="white" if high and matrix[i, j] > 0.6 * high else "black")


ARABIC_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


def plot_timeline(
    data: pd.DataFrame,
    *,
    date: str,
    group: str,
    label: str | None = None,
    ax=None,
    groups: Sequence[str] | None = None,
    title: str | None = None,
    gap_days: int = 60,
    max_groups: int = 8,
    max_days: int = 40,
):
    """Draw which days each group (article) mentions: one row per day, one column per group.

    Days run down the chart in calendar order and are labelled with their Arabic weekday;
    groups are columns read right to left (the first group on the right); each mention is
    a dot with its ``label`` (the expression as written) beside it.  Rows are evenly
    spaced, so clustered days stay readable; a dashed line marks a gap of more than
    ``gap_days`` days between two rows.

    This view is for a few articles.  With more than ``max_days`` distinct days it draws
    :func:`plot_date_counts` of the same rows instead (mentions per day, week or month,
    one line per group), and with more than ``max_groups`` groups one line of all of
    them; a note under the chart says so.  Export :func:`analysis.groups.date_counts` of
    the data as its table.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per mention: a ``date`` column (dates or ISO strings; empty ones are left
        out), a ``group`` column and optionally a ``label`` column (Arabic welcome).
    date, group, label : str
        Column names.
    ax : matplotlib Axes, optional
    groups : sequence of str, optional
        Column order, right to left; default: first seen.
    title : str, optional
    gap_days : int, default 60
    max_groups, max_days : int, default 8 and 40
        Beyond these, counts over time instead (see above).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> data = pd.DataFrame({"date": ["2021-11-07", "2021-11-08"], "doc": ["000", "000"],
    ...                      "what": ["الهجوم", "وصول قاآني"]})
    >>> ax = plot_timeline(data, date="date", group="doc", label="what")
    >>> [t.get_text() for t in ax.get_yticklabels()] == [arabic_label("الأحد 2021/11/07"),
    ...                                                   arabic_label("الاثنين 2021/11/08")]
    True
    """
    when = pd.to_datetime(data[date].replace("", None), errors="coerce")
    frame = data.loc[when.notna()].assign(_day=when[when.notna()].dt.normalize())
    groups = list(groups) if groups is not None else list(dict.fromkeys(frame[group]))
    days = sorted(frame["_day"].unique())
    if len(groups) > max_groups or len(days) > max_days:
        from .groups import date_counts

        frame = frame[frame[group].isin(groups)]
        if len(groups) > max_groups:                 # lines for so many groups would say nothing
            ax = plot_date_counts(date_counts(frame, date="_day"), ax=ax, title=title)
            _note(ax, tr("note.counts_of_groups", n=len(groups)))
        else:
            ax = plot_date_counts(date_counts(frame, date="_day", group=group), group=group, ax=ax, title=title,
                                  max_groups=max_groups)
            _note(ax, tr("note.counts_of_days", n=len(days)))
        return ax
    if ax is None:
        use_style()
        _, ax = plt.subplots(figsize=capped_size(2.4 * max(len(groups), 1) + 1.8, 0.5 * max(len(days), 1) + 1.4))
    column = {g: len(groups) - 1 - i for i, g in enumerate(groups)}          # first group rightmost
    row = {d: i for i, d in enumerate(days)}
    for (g, day), part in frame.groupby([group, "_day"], sort=False):
        if g not in column:
            continue
        x, y = column[g], row[day]
        ax.scatter([x], [y], s=30, color=PALETTE[0], zorder=3)
        if label:
            text = "، ".join(dict.fromkeys(str(v) for v in part[label]))
            ax.annotate(arabic_label(text), (x, y), xytext=(-6, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=8, gid="data")      # expressions as written: data
    for earlier, later in zip(days, days[1:]):
        if (later - earlier).days > gap_days:
            ax.axhline(row[later] - 0.5, color="#999999", linestyle="--", linewidth=0.8)
    # "/" (a common separator) keeps the date one left-to-right run after an Arabic word;
    # "-" would let the bidi algorithm show 2021-11-07 as 07-11-2021
    ax.set_yticks(range(len(days)), [arabic_label(f"{ARABIC_WEEKDAYS[d.weekday()]} {d:%Y/%m/%d}") for d in days])
    ax.set_xticks(range(len(groups)), [arabic_label(g) for g in groups[::-1]])
    ax.set_xlim(-0.9, len(groups) - 0.6)
    ax.set_ylim(len(days) - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.yaxis.tick_right()
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(arabic_label(title))
    return ax


def plot_date_counts(
    counts: pd.DataFrame,
    *,
    group: str | None = None,
    period: str = "period",
    value: str = "count",
    ax=None,
    title: str | None = None,
    ylabel: str | None = None,
    max_groups: int = 8,
    other: str = "أخرى",
):
    """Draw counts over time, one line per group: the timeline of many articles.

    Time runs right to left, as Arabic reads, with the counts' axis on the right.  The
    ``max_groups - 1`` largest groups get a line each (colour-blind-safe colours) and the
    others are summed into one more line.

    Parameters
    ----------
    counts : pandas.DataFrame
        From :func:`analysis.groups.date_counts`: ``period`` (timestamps), ``freq``
        ("day", "week" or "month"), optionally ``group``, and ``value``.
    group : str, optional
        The group column; default one line.
    period, value : str
        Column names.
    ax : matplotlib Axes, optional
        Default: a new 9 x 4.5 inch figure.
    title, ylabel : str, optional
    max_groups : int, default 8
    other : str, default "أخرى"
        Label of the line summing the smaller groups (with how many it sums).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from analysis.groups import date_counts
    >>> d = pd.DataFrame({"date": ["2018-02-19", "2018-02-20", "2018-02-20"], "outlet": ["أ", "أ", "ب"]})
    >>> ax = plot_date_counts(date_counts(d, date="date", group="outlet"), group="outlet")
    >>> [t.get_text() for t in ax.get_legend().get_texts()] == [arabic_label("أ"), arabic_label("ب")]
    True
    """
    import matplotlib.dates as mdates

    ax = _axes(ax, 9, 4.5)
    freq = counts["freq"].iloc[0] if "freq" in counts and len(counts) else "day"
    if group:
        totals = counts.groupby(group, sort=False)[value].sum()
        names = sorted(totals.index, key=lambda g: (-totals[g], str(g)))
        if len(names) > max_groups:
            keep = set(names[:max_groups - 1])
            rest = f"{other} ({len(names) - max_groups + 1})"
            counts = counts.assign(**{group: counts[group].where(counts[group].isin(keep), rest)})
            names = names[:max_groups - 1] + [rest]
        wide = counts.pivot_table(index=period, columns=group, values=value, aggfunc="sum", fill_value=0)
        wide = wide.reindex(columns=names, fill_value=0)
    else:
        wide = counts.groupby(period)[value].sum().to_frame(value)
        names = [value]
    colours = PALETTE * (len(names) // len(PALETTE) + 1)
    many = len(wide) > 60
    for name, colour in zip(names, colours):
        ax.plot(wide.index, wide[name], color=colour, linewidth=1.4, marker=None if many else "o", markersize=3,
                label=arabic_label(wrap_label(name, 28, max_lines=2)) if group else None)
    ax.set_ylim(bottom=0)
    ax.invert_xaxis()                                   # earliest on the right
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)
    ax.yaxis.get_major_locator().set_params(integer=True)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y/%m" if freq == "month" else "%Y/%m/%d"))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    unit = {"day": "يوم", "week": "أسبوع", "month": "شهر"}.get(freq, freq)
    ax.set_ylabel(arabic_label(ylabel or f"العدد في كل {unit}"))
    if title:
        ax.set_title(arabic_label(title))
    if group:
        _legend_below(ax, ncol=min(len(names), 4))
    return ax


def _rotated_box(text, renderer) -> tuple[float, float, float, float, float] | None:
    """Centre x, y, unrotated width, height (display pixels) and rotation (radians) of a text."""
    if not text.get_visible() or not text.get_text().strip():
        return None
    box = text.get_window_extent(renderer)
    angle = text.get_rotation() % 180
    if angle in (0, 90):
        width, height = (box.width, box.height) if angle == 0 else (box.height, box.width)
    else:
        text.set_rotation(0)
        flat = text.get_window_extent(renderer)
        text.set_rotation(angle)
        width, height = flat.width, flat.height
    return (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, width, height, math.radians(angle)


def _overlapping(boxes: list, tolerance: float) -> list[tuple[int, int]]:
    """Pairs of boxes (same rotation) whose rectangles overlap by more than ``tolerance`` px."""
    if len(boxes) < 2:
        return []
    x, y, w, h, a = (np.array(v, dtype=float) for v in zip(*boxes))
    i, j = np.triu_indices(len(boxes), k=1)
    # measure along the texts' own axes (all texts of one axis share its rotation)
    cos, sin = np.cos(a[i]), np.sin(a[i])
    dx, dy = x[j] - x[i], y[j] - y[i]
    along = np.abs(dx * cos + dy * sin)
    across = np.abs(-dx * sin + dy * cos)
    same = np.isclose(a[i], a[j])
    hit = same & (along < (w[i] + w[j]) / 2 - tolerance) & (across < (h[i] + h[j]) / 2 - tolerance)
    return list(zip(i[hit].tolist(), j[hit].tolist()))


def _drawn_tick_labels(axis) -> list:
    """The tick labels an axis draws: those of major ticks inside its view limits."""
    low, high = sorted(axis.get_view_interval())
    slack = (high - low) * 1e-9
    labels = []
    for tick in axis.get_major_ticks():
        if low - slack <= tick.get_loc() <= high + slack:
            labels += [t for t in (tick.label1, tick.label2) if t.get_visible()]
    return labels


def label_overlaps(fig, *, tolerance: float = 1.0) -> pd.DataFrame:
    """Pairs of labels of ``fig`` that overlap, measured with the figure's renderer.

    Checks, in every axes, the tick labels each axis draws among themselves (rotated
    labels as rotated rectangles) and the texts drawn inside the axes (cell values, bar
    values) among themselves; and that none of them crosses the figure's edge.

    Parameters
    ----------
    fig : matplotlib Figure
    tolerance : float, default 1.0
        Overlaps of at most this many display pixels are ignored (antialiasing).

    Returns
    -------
    pandas.DataFrame
        ``axes`` (its index in ``fig.axes``), ``kind`` ("x tick labels", "y tick labels",
        "texts"), ``first`` and ``second`` (the texts; ``second`` is "(the figure's edge)"
        for a label cut by it); empty when nothing overlaps.

    Examples
    --------
    >>> fig, ax = plt.subplots(figsize=(2, 2))
    >>> _ = ax.set_xticks(range(20), [f"label {i}" for i in range(20)])
    >>> len(label_overlaps(fig)) > 0
    True
    """
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    rows = []
    for number, ax in enumerate(fig.axes):
        if not ax.get_visible():
            continue
        groups = {"x tick labels": _drawn_tick_labels(ax.xaxis), "y tick labels": _drawn_tick_labels(ax.yaxis),
                  "texts": [t for t in ax.texts]}
        for kind, texts in groups.items():
            boxes = [(t, _rotated_box(t, renderer)) for t in texts]
            boxes = [(t, b) for t, b in boxes if b is not None]
            for i, j in _overlapping([b for _, b in boxes], tolerance):
                rows.append((number, kind, boxes[i][0].get_text(), boxes[j][0].get_text()))
            for text, _ in boxes:
                box = text.get_window_extent(renderer)
                if (box.x0 < -tolerance or box.y0 < -tolerance or box.x1 > fig.bbox.width + tolerance
                        or box.y1 > fig.bbox.height + tolerance):
                    rows.append((number, kind, text.get_text(), "(the figure's edge)"))
    return pd.DataFrame(rows, columns=["axes", "kind", "first", "second"])


def missing_glyphs(fig) -> pd.DataFrame:
    """List characters of the figure's texts that no font of their family list can draw.

    Parameters
    ----------
    fig : matplotlib Figure

    Returns
    -------
    pandas.DataFrame
        Columns ``char``, ``codepoint``, ``text``; empty when every character has a glyph.

    Examples
    --------
    >>> fig = plt.figure(); _ = fig.text(0, 0, "ﷲ")      # DejaVu Sans has no ALLAH ligature
    >>> missing_glyphs(fig)["codepoint"].tolist()
    ['U+FDF2']
    """
    from matplotlib import font_manager
    from matplotlib.text import Text

    charmaps: dict[str, set[int]] = {}
    rows = []
    for artist in fig.findobj(Text):
        text = artist.get_text()
        if not text or not artist.get_visible():
            continue
        prop = artist.get_fontproperties()
        covered: set[int] = set()
        for family in prop.get_family():
            try:
                path = font_manager.findfont(font_manager.FontProperties(family=[family]),
                                             fallback_to_default=False)
            except ValueError:
                continue
            if path not in charmaps:
                charmaps[path] = set(ft2font.FT2Font(path).get_charmap())
            covered |= charmaps[path]
        for char in dict.fromkeys(text):
            if not char.isspace() and unicodedata.category(char)[0] != "C" and ord(char) not in covered:
                rows.append((char, f"U+{ord(char):04X}", text))
    return pd.DataFrame(rows, columns=["char", "codepoint", "text"])


def save_figure(fig, name: str, data: pd.DataFrame | None = None, *,
                folder: str | Path = FIGURES_DIR, formats: Sequence[str] = ("png", "svg"),
                check_glyphs: bool = True, check_layout: bool = True,
                check_language: bool = True) -> dict[str, Path]:
    """Write ``name.png``, ``name.svg`` and ``name.csv`` (the data behind it), atomically and reproducibly.

    Files are first written to temporary names in ``folder`` and renamed only when all of
    them were written, so a failed save leaves the old files as they were.  No date or
    software version goes into the files and SVG ids are salted with a constant, so the
    same figure gives the same bytes.  The CSV is UTF-8 with a byte-order mark (Excel
    then reads Arabic correctly; pandas and R read it as plain UTF-8).

    A PNG is never more than :data:`MAX_PIXELS` a side: a larger figure is written at a
    lower resolution, with a :class:`FigureSizeWarning` (the plot helpers size their
    figures so that this does not happen).

    Parameters
    ----------
    fig : matplotlib Figure
    name : str
        File stem, e.g. ``"corpus_overview"``.
    data : pandas.DataFrame, optional
        The table behind the figure; written without the index.
    folder : str or Path, default ``figures/``
    formats : sequence of str, default ("png", "svg")
    check_glyphs : bool, default True
        Refuse (ValueError) to save a figure with a character its fonts cannot draw,
        which would show as an empty box (see :func:`missing_glyphs`).
    check_language : bool, default True
        Refuse (ValueError) a figure whose own words (titles, axis labels, notes: see
        :func:`analysis.language.figure_words`) are not all in the language set with
        :func:`analysis.language.use_language`.
    check_layout : bool, default True
        Warn (:class:`LabelOverlapWarning`) when labels overlap (:func:`label_overlaps`).

    Returns
    -------
    dict
        Format -> path written.

    Examples
    --------
    >>> import tempfile
    >>> fig, ax = plt.subplots()
    >>> paths = save_figure(fig, "demo", pd.DataFrame({"x": [1]}), folder=tempfile.mkdtemp())
    >>> sorted(paths)
    ['csv', 'png', 'svg']
    """
    if check_language:
        foreign = other_language_words(fig, figure_language())
        if foreign:
            raise ValueError(f"figure {name!r} is in {figure_language()!r} (analysis.language.use_language) but "
                             f"says {foreign[0]!r} ({len(foreign)} such texts); take its words from "
                             "analysis/data/translations.csv with tr(), or mark data texts gid='data'")
    if check_glyphs:
        missing = missing_glyphs(fig)
        if len(missing):
            first = missing.iloc[0]
            raise ValueError(f"figure {name!r}: no glyph for {first.codepoint} {first.char!r} in label "
                             f"{first.text!r} ({len(missing)} missing in all); fonts: {FONT_FAMILY}")
    if check_layout:
        overlaps = label_overlaps(fig)
        if len(overlaps):
            first = overlaps.iloc[0]
            warnings.warn(f"figure {name!r}: {len(overlaps)} pairs of labels overlap, e.g. {first.kind} "
                          f"{first['first']!r} and {first['second']!r}", LabelOverlapWarning, stacklevel=2)
    dpi = PNG_DPI
    largest = max(fig.get_size_inches())
    if largest * dpi > MAX_PIXELS:
        dpi = math.floor(MAX_PIXELS / largest)
        warnings.warn(f"figure {name!r} is {largest:.1f} inches wide or high: written at {dpi} dpi to stay within "
                      f"{MAX_PIXELS} pixels", FigureSizeWarning, stacklevel=2)
    folder = Path(folder)
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "Producer": None, "Creator": None}}
    targets = {fmt: folder / f"{name}.{fmt}" for fmt in formats}
    if data is not None:
        targets["csv"] = folder / f"{name}.csv"
    with atomic_paths(list(targets.values())) as temps:
        pending = dict(zip(targets, temps))
        with matplotlib.rc_context({"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "path"}):
            for fmt in formats:
                fig.savefig(pending[fmt], format=fmt, dpi=dpi, metadata=metadata.get(fmt))
        if data is not None:
            data.to_csv(pending["csv"], index=False, encoding="utf-8-sig", lineterminator="\n")
    return targets
