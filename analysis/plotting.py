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

import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Sequence

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import ft2font

from .config import FIGURES_DIR

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

_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))


def matplotlib_shapes_text() -> bool:
    """Whether the running matplotlib shapes complex scripts itself (3.11+, libraqm).

    Examples
    --------
    >>> isinstance(matplotlib_shapes_text(), bool)
    True
    """
    return hasattr(ft2font, "__libraqm_version__")


def _is_presentation_form(char: str) -> bool:
    return any(lo <= ord(char) <= hi for lo, hi in _PRESENTATION_FORMS)


def fold_presentation_forms(text: str) -> str:
    """Turn Arabic presentation forms (text copied from PDFs) back into plain letters, in logical order.

    PDF extraction often yields glyph codes in visual order: each word stored right to
    left, so it starts with a final form (ﻲﻧﺎﻗ).  A line whose words mostly start with a
    final or isolated form rather than an initial one is reversed before folding.

    Examples
    --------
    >>> fold_presentation_forms("ﻗﺎﺁﻧﻲ"), fold_presentation_forms("ﻲﻧﺁﺎﻗ")
    ('قاآني', 'قاآني')
    """
    if not any(_is_presentation_form(c) for c in text):
        return text
    lines = []
    for line in text.split("\n"):
        words = [w for w in line.split() if w and _is_presentation_form(w[0])]
        starts = [unicodedata.name(w[0], "").removesuffix(" FORM").rsplit(" ", 1)[-1] for w in words]
        if words and sum(s == "FINAL" for s in starts) > sum(s == "INITIAL" for s in starts):
            line = line[::-1]
        lines.append("".join(unicodedata.normalize("NFKC", c) if _is_presentation_form(c) else c for c in line))
    return "\n".join(lines)


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
    text = fold_presentation_forms(str(text)).replace("$", r"\$")
    if matplotlib_shapes_text():
        return text
    from bidi import get_display

    return get_display(_reshaper().reshape(text))


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
    ax.set_yticks(positions, [arabic_label(v) for v in data[label]])
    ax.invert_yaxis()
    ax.invert_xaxis()
    ax.yaxis.tick_right()
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)
    if annotate:
        for pos, val in zip(positions, values):
            ax.annotate(f"{val:g}", (val, pos), xytext=(-3, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=9)
    if title:
        ax.set_title(arabic_label(title))
    if xlabel:
        ax.set_xlabel(arabic_label(xlabel))
    return ax


def save_figure(fig, name: str, data: pd.DataFrame | None = None, *,
                folder: str | Path = FIGURES_DIR, formats: Sequence[str] = ("png", "svg")) -> dict[str, Path]:
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
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "Producer": None, "Creator": None}}
    pending: dict[str, tuple[Path, Path]] = {}
    try:
        with matplotlib.rc_context({"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "path"}):
            for fmt in formats:
                tmp = _temp_path(folder, name, fmt)
                pending[fmt] = (tmp, folder / f"{name}.{fmt}")
                fig.savefig(tmp, format=fmt, dpi=PNG_DPI, metadata=metadata.get(fmt))
        if data is not None:
            tmp = _temp_path(folder, name, "csv")
            pending["csv"] = (tmp, folder / f"{name}.csv")
            data.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n")
    except BaseException:
        for tmp, _ in pending.values():
            tmp.unlink(missing_ok=True)
        raise
    mode = _file_mode()
    for tmp, final in pending.values():
        os.chmod(tmp, mode)
        os.replace(tmp, final)
    return {fmt: final for fmt, (_, final) in pending.items()}


def _file_mode() -> int:
    """The permissions a newly created file gets under the current umask (mkstemp uses 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temp_path(folder: Path, name: str, suffix: str) -> Path:
    handle, path = tempfile.mkstemp(prefix=f".{name}.", suffix=f".{suffix}.tmp", dir=folder)
    os.close(handle)
    return Path(path)
