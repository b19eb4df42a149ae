"""Share the analysis: the executed notebooks as self-contained HTML pages, with an index.

``make report`` runs the four notebooks (papermill) and calls :func:`build_report`, which
turns each executed notebook into one HTML page with nbconvert (figures embedded, code
hidden unless asked, no script or font fetched from the network) and writes an index page
(what the corpus is, one entry per notebook with its key figure).  Arabic text in the
prose and in every table cell runs right to left (``dir="auto"`` and
``unicode-bidi: plaintext``: each cell takes the direction of its own first letter, so
tables mixing Arabic and Latin read well both ways).

Each page is one file to mail or open without a network::

    python -m analysis.report --executed build/report/notebooks --figures build/report/figures \\
        --corpus seeds --out build/report [--show-code]
"""

from __future__ import annotations

import argparse
import base64
import re
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from .files import write_atomic

#: The template (``analysis/templates/workbook_report``): nbconvert's lab template, offline.
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "workbook_report"
#: The figure that stands for each notebook on the index page.
KEY_FIGURES = {"01_corpus_overview": "corpus_overview", "02_term_frequencies": "term_frequencies",
               "03_sources_cited": "sources_cited", "04_dates": "dates_timeline"}
_CELL_TAG = re.compile(r"<(td|th)(?=[\s>])(?![^>]*\bdir=)")


class RightToLeftCells(Preprocessor):
    """Give every table cell of the HTML outputs ``dir="auto"``: a cell of Arabic runs right
    to left, a cell of Latin letters or numbers left to right.

    Examples
    --------
    >>> _CELL_TAG.sub(r'<\\1 dir="auto"', "<tr><th>term</th><td>بغداد</td></tr>")
    '<tr><th dir="auto">term</th><td dir="auto">بغداد</td></tr>'
    """

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                html = data["text/html"]
                html = "".join(html) if isinstance(html, list) else html
                data["text/html"] = _CELL_TAG.sub(r'<\1 dir="auto"', html)
        return cell, resources


def _exporter(*, show_code: bool) -> HTMLExporter:
    exporter = HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATE_DIR)])
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    exporter.register_preprocessor(RightToLeftCells(), enabled=True)
    return exporter


def notebook_title(nb) -> str:
    """The first heading of a notebook's markdown, without its ``#``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def notebook_page(executed: str | Path, out: str | Path, *, show_code: bool = False) -> Path:
    """Write one executed notebook as a self-contained HTML page.

    Parameters
    ----------
    executed : str or Path
        An executed notebook (``.ipynb`` with outputs).
    out : str or Path
        The HTML file to write (atomically).
    show_code : bool, default False
        Keep the code cells; by default a reader sees prose, tables and figures only.

    Returns
    -------
    Path
        ``out``.
    """
    nb = nbformat.read(str(executed), as_version=4)
    nb.metadata["title"] = notebook_title(nb) or Path(executed).stem
    body, _ = _exporter(show_code=show_code).from_notebook_node(nb)
    return write_atomic(out, lambda tmp: tmp.write_text(body, encoding="utf-8"))


def corpus_description(corpus_path: str | Path) -> str:
    """One paragraph (markdown) saying what the corpus is: documents, outlets, dates, words.

    Examples
    --------
    >>> "5 articles" in corpus_description("seeds")
    True
    """
    from .corpus import load_corpus, skipped_inputs

    corpus = load_corpus(corpus_path, on_error="skip")
    outlets = sorted({o for o in corpus["outlet"] if isinstance(o, str) and o})
    dates = sorted(d for d in corpus["publication_date"] if isinstance(d, str) and d)
    parts = [f"**{len(corpus):,} articles**, {int(corpus['n_tokens'].sum()):,} words counted"]
    if outlets:
        shown = "، ".join(outlets[:8]) + ("، …" if len(outlets) > 8 else "")
        parts.append(f"{len(outlets)} outlet{'s' if len(outlets) > 1 else ''} ({shown})")
    if dates:
        parts.append(f"published {dates[0]} to {dates[-1]}" if dates[0] != dates[-1] else f"published {dates[0]}")
    skipped = len(skipped_inputs(corpus))
    if skipped:
        parts.append(f"{skipped} input files could not be read (listed in the corpus overview)")
    return f"Corpus `{Path(corpus_path).name}`: " + "; ".join(parts) + "."


def index_page(pages: list[tuple[str, str, Path | None]], out: str | Path, *, description: str) -> Path:
    """Write the index: the corpus in one paragraph, then each page's title, link and key figure.

    Parameters
    ----------
    pages : list of (title, href, figure)
        ``figure`` is a PNG embedded in the index (None: no figure).
    out : str or Path
    description : str
        Markdown about the corpus (:func:`corpus_description`).
    """
    nb = nbformat.v4.new_notebook()
    nb.metadata["title"] = "Qaani in Baghdad: the workbook's report"
    nb.cells.append(nbformat.v4.new_markdown_cell(
        "# Qaani in Baghdad: the workbook's report\n\n" + description + "\n\n"
        "Each page below is one notebook of the workbook, run on this corpus: its prose, tables and "
        "figures, without the code. Every page is a single file that opens without a network."))
    for number, (title, href, figure) in enumerate(pages, start=1):
        source = f"## {number}. [{title}]({href})\n\n"
        cell = nbformat.v4.new_markdown_cell(source)
        if figure is not None and Path(figure).exists():
            name = Path(figure).name
            cell.attachments = {name: {"image/png": base64.b64encode(Path(figure).read_bytes()).decode("ascii")}}
            cell.source += f"[![{title}](attachment:{name})]({href})\n"
        nb.cells.append(cell)
    body, _ = _exporter(show_code=False).from_notebook_node(nb)
    return write_atomic(out, lambda tmp: tmp.write_text(body, encoding="utf-8"))


def build_report(executed_dir: str | Path, out_dir: str | Path, *, figures_dir: str | Path | None = None,
                 corpus_path: str | Path = "seeds", show_code: bool = False) -> list[Path]:
    """Write ``out_dir/index.html`` and one page per executed notebook of ``executed_dir``.

    Parameters
    ----------
    executed_dir : str or Path
        The notebooks as papermill executed them (``NN_name.ipynb``).
    out_dir : str or Path
        Where the pages go.
    figures_dir : str or Path, optional
        The figures those runs exported (for the index's key figures); default
        ``executed_dir/../figures``.
    corpus_path : str or Path, default "seeds"
        The corpus the notebooks ran on (described on the index).
    show_code : bool, default False
        Keep the code cells on the pages.

    Returns
    -------
    list of Path
        The index first, then the pages.
    """
    executed_dir, out_dir = Path(executed_dir), Path(out_dir)
    figures_dir = Path(figures_dir) if figures_dir else executed_dir.parent / "figures"
    notebooks = sorted(executed_dir.glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        raise FileNotFoundError(f"{executed_dir}: no executed notebooks (NN_name.ipynb); run `make report`")
    pages, written = [], []
    for notebook in notebooks:
        page = notebook_page(notebook, out_dir / f"{notebook.stem}.html", show_code=show_code)
        written.append(page)
        title = notebook_title(nbformat.read(str(notebook), as_version=4)) or notebook.stem
        key = KEY_FIGURES.get(notebook.stem)
        pages.append((title, page.name, figures_dir / f"{key}.png" if key else None))
    index = index_page(pages, out_dir / "index.html", description=corpus_description(corpus_path))
    return [index, *written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.report", description=__doc__.split("\n")[0])
    parser.add_argument("--executed", type=Path, required=True, help="folder of executed notebooks")
    parser.add_argument("--out", type=Path, required=True, help="folder for index.html and the pages")
    parser.add_argument("--figures", type=Path, default=None, help="the figures the runs exported")
    parser.add_argument("--corpus", type=Path, default=Path("seeds"), help="the corpus the notebooks ran on")
    parser.add_argument("--show-code", action="store_true", help="keep the code cells")
    args = parser.parse_args(argv)
    written = build_report(args.executed, args.out, figures_dir=args.figures, corpus_path=args.corpus,
                           show_code=args.show_code)
    print(f"report written: {written[0]} and {len(written) - 1} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
