r"""Arabic-correct charts and their export: ``arabic_label``, one style, plot helpers, ``save_figure``.

matplotlib 3.11 and later shape and order Arabic themselves (through libraqm); handing
them text already run through arabic-reshaper + python-bidi makes it come out reversed.
Older matplotlib draws code points one by one, left to right, and needs exactly that
recipe.  :func:`arabic_label` picks the right one for the running matplotlib, so notebook
code never calls the reshaper.  Plot helpers take tables and ``ax=None``, draw, and return
the axes; only :func:`save_figure` writes files.

>>> "\\$" in arabic_label("السعر $5")
True
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Sequence

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import ft2font

from .config import FIGURES_DIR
from .files import atomic_paths
from .normalize import fold_presentation_forms

#: Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: DejaVu Sans ships with matplotlib and has the Arabic letters, digits and punctuation of
#: the corpus, so figures come out the same on every machine.
FONT_FAMILY = ["DejaVu Sans"]
#: Resolution of exported PNGs.
PNG_DPI = 200
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

        text = get_display(_reshaper().reshape(text))
    # escape after reordering, so the backslash stays right before its "$"
    return text.replace("$", r"\$")


def use_style() -> None:
    """Set the workbook's figure style (fonts, sizes, colour-blind-safe colours) for this session.

    Examples
    --------
    >>> use_style(); matplotlib.rcParams["svg.hashsalt"]
    'qaani-baghdad-workbook'
    """
    matplotlib.rcParams.update(STYLE)


def _axes(ax):
    if ax is None:
        use_style()
        _, ax = plt.subplots(figsize=(8, 4.5))
    return ax


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
    title, xlabel : str, optional
    color : str
    annotate : bool, default True
        Write each value at the end of its bar.

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
    ax = _axes(ax)
    positions = list(range(len(data)))
    values = data[value].tolist()
    ax.barh(positions, values, color=color)
    _right_to_left_bars(ax, positions, data[label])
    if annotate:
        for pos, val in zip(positions, values):
            ax.annotate(f"{val:g}", (val, pos), xytext=(-3, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=9)
    if title:
        ax.set_title(arabic_label(title))
    if xlabel:
        ax.set_xlabel(arabic_label(xlabel))
    return ax


def _arabic_legend(ax, **kwargs):
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, labels, **kwargs)
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
    order, stack_order : sequence of str, optional
        Bar order (top first) and segment order (from the right); default: first seen.
    title, xlabel : str, optional
    colors : sequence of str
        One colour per segment, in ``stack_order``.

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
    ax = _axes(ax)
    order = list(order) if order is not None else list(dict.fromkeys(data[label]))
    stack_order = list(stack_order) if stack_order is not None else list(dict.fromkeys(data[stack]))
    table = (data.pivot_table(index=label, columns=stack, values=value, aggfunc="sum", fill_value=0)
             .reindex(index=order, columns=stack_order, fill_value=0))
    positions = list(range(len(order)))
    left = [0.0] * len(order)
    for colour, segment in zip(list(colors) * (len(stack_order) // len(colors) + 1), stack_order):
        widths = table[segment].tolist()
        ax.barh(positions, widths, left=left, color=colour, label=arabic_label(segment))
        left = [a + b for a, b in zip(left, widths)]
    _right_to_left_bars(ax, positions, order)
    # below the chart, so it never covers a bar
    _arabic_legend(ax, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=min(len(stack_order), 4),
                   frameon=False)
    if title:
        ax.set_title(arabic_label(title))
    if xlabel:
        ax.set_xlabel(arabic_label(xlabel))
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
):
    """Draw a heatmap (e.g. terms x documents) from a tidy table, row labels on the right.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per cell: columns ``row``, ``column``, ``value``; missing cells are 0.
    row, column, value : str
        Column names.
    ax : matplotlib Axes, optional
    rows, columns : sequence of str, optional
        Order of rows (top first) and columns (from the right, as Arabic reads); default:
        first seen.
    title : str, optional
    cmap : str, default "Blues"
        A sequential colour map (readable in grey and with colour-vision deficiencies).
    annotate : bool, default True
        Write each value in its cell.
    fmt : str
        Format of the annotations.

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
    ax = _axes(ax)
    rows = list(rows) if rows is not None else list(dict.fromkeys(data[row]))
    columns = list(columns) if columns is not None else list(dict.fromkeys(data[column]))
    table = (data.pivot_table(index=row, columns=column, values=value, aggfunc="sum", fill_value=0)
             .reindex(index=rows, columns=columns[::-1], fill_value=0))
    matrix = table.to_numpy(dtype=float)
    image = ax.imshow(matrix, cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(table.columns)), [arabic_label(c) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), [arabic_label(r) for r in rows])
    ax.yaxis.tick_right()
    for spine in ax.spines.values():
        spine.set_visible(False)
    if annotate and matrix.size:
        high = matrix.max()
        for (i, j), val in pd.DataFrame(matrix).stack().items():
            ax.text(j, i, fmt.format(val), ha="center", va="center", fontsize=8,
                    color="white" if high and val > 0.6 * high else "black")
    if title:
        ax.set_title(arabic_label(title))
    ax.figure.colorbar(image, ax=ax, location="left", shrink=0.8)
    return ax


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
):
    """Draw which days each group (article) mentions: one row per day, one column per group.

    Days run down the chart in calendar order and are labelled with their Arabic weekday;
    groups are columns read right to left (the first group on the right); each mention is
    a dot with its ``label`` (the expression as written) beside it.  Rows are evenly
    spaced, so clustered days stay readable; a dashed line marks a gap of more than
    ``gap_days`` days between two rows.

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
    if ax is None:
        use_style()
        _, ax = plt.subplots(figsize=(2.4 * max(len(groups), 1) + 1.8, 0.5 * max(len(days), 1) + 1.4))
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
                        ha="right", va="center", fontsize=8)
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
                check_glyphs: bool = True) -> dict[str, Path]:
    """Write ``name.png``, ``name.svg`` and ``name.csv`` (the data behind it), atomically and reproducibly.

    Files are first written to temporary names in ``folder`` and renamed only when all of
    them were written, so a failed save leaves the old files as they were.  No date or
    software version goes into the files and SVG ids are salted with a constant, so the
    same figure gives the same bytes.  The CSV is UTF-8 with a byte-order mark (Excel
    then reads Arabic correctly; pandas and R read it as plain UTF-8).

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
    if check_glyphs:
        missing = missing_glyphs(fig)
        if len(missing):
            first = missing.iloc[0]
            raise ValueError(f"figure {name!r}: no glyph for {first.codepoint} {first.char!r} in label "
                             f"{first.text!r} ({len(missing)} missing in all); fonts: {FONT_FAMILY}")
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
                fig.savefig(pending[fmt], format=fmt, dpi=PNG_DPI, metadata=metadata.get(fmt))
        if data is not None:
            data.to_csv(pending["csv"], index=False, encoding="utf-8-sig", lineterminator="\n")
    return targets
