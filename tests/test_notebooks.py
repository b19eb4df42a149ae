"""Every numbered notebook runs end to end (papermill), on the seeds and into a scratch folder."""
import json

import jupytext
import papermill
import pytest

from analysis.config import NOTEBOOKS_DIR, SEEDS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
#: The figures each notebook must export (name -> required CSV columns).
EXPORTS = {
    "01_corpus_overview": {"corpus_overview": ["doc_id", "label", "n_tokens"]},
    "02_term_frequencies": {
        "term_frequencies": ["term", "count"],
        "term_frequencies_by_group": ["term", "count", "per_1000"],
        "collocations": ["ngram", "count", "llr"],
        "distinctive_terms": ["term", "z"],
        "framing": ["group", "label", "count", "per_1000"],
    },
    "03_sources_cited": {
        "sources_cited": ["doc_id", "group", "source", "source_entity", "source_type", "cue", "cue_class", "via",
                          "sentence"],
        "sourcing_opacity": ["group", "attributions", "named", "unnamed", "share_unnamed"],
        "cue_classes": ["group", "cue_class", "attributions", "share"],
        "top_sources": ["group", "source_entity", "source_type", "attributions", "articles", "rank"],
        "sources_by_group": ["source_entity", "group", "attributions"],
    },
    "04_dates": {
        "publication_dates": ["doc_id", "group", "publication_date", "date_source"],
        "dates_timeline": ["doc_id", "group", "expression", "kind", "date", "daypart"],
    },
}


def test_every_notebook_is_known():
    assert [p.stem for p in NOTEBOOKS] == sorted(EXPORTS)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_paired_stripped_and_parameterized(notebook):
    stored = json.loads(notebook.read_text(encoding="utf-8"))
    code = [c for c in stored["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert "parameters" in code[0].get("metadata", {}).get("tags", [])
    assert "sys.path" not in "".join("".join(c["source"]) for c in code)
    paired = jupytext.read(notebook.with_suffix(".py"))
    assert [(c.cell_type, c.source) for c in paired.cells] == \
        [(c["cell_type"], "".join(c["source"])) for c in stored["cells"]]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_exports(notebook, executed_notebooks):
    import pandas as pd

    executed, figures = executed_notebooks
    assert (executed / notebook.name).stat().st_size > notebook.stat().st_size       # outputs were added
    for name, columns in EXPORTS[notebook.stem].items():
        for suffix in ("png", "svg", "csv"):
            assert (figures / f"{name}.{suffix}").stat().st_size > 0
        table = pd.read_csv(figures / f"{name}.csv", encoding="utf-8-sig")
        assert set(columns) <= set(table.columns) and len(table) > 0


def test_term_csvs_equal_what_the_helpers_compute(seed_tokens):
    """The committed CSVs hold exactly the helpers' numbers (figures/ is up to date)."""
    import pandas as pd

    from analysis.config import FIGURES_DIR
    from analysis.entities import merge_entities
    from analysis.terms import count_terms

    merged = merge_entities(seed_tokens)
    top = pd.read_csv(FIGURES_DIR / "term_frequencies.csv", encoding="utf-8-sig", keep_default_na=False)
    expected = count_terms(merged).head(len(top))
    assert top.term.tolist() == expected.term.tolist()
    assert top["count"].tolist() == expected["count"].tolist()
    # five articles: the charts compare documents, and the CSV is per doc_id
    by_doc = pd.read_csv(FIGURES_DIR / "term_frequencies_by_group.csv", encoding="utf-8-sig", keep_default_na=False)
    expected = count_terms(merged, by="doc_id")
    assert by_doc[["doc_id", "term", "count"]].values.tolist() == expected[["doc_id", "term", "count"]].values.tolist()
    assert len(top) == len(count_terms(merged))                  # the chart shows 30, the CSV has all


#: The notebooks that take a grouping and narrowing parameters.
GROUPED = ["01_corpus_overview", "02_term_frequencies", "03_sources_cited", "04_dates"]


@pytest.mark.parametrize("name", GROUPED)
def test_notebook_on_many_articles_of_several_outlets(name, generated_path, tmp_path):
    """300 generated articles of six outlets: the default charts compare outlets, every PNG stays
    within 4,000 px a side, no labels overlap (save_figure warns if they do), CSVs keep doc_id."""
    import pandas as pd
    from PIL import Image

    from analysis.plotting import MAX_PIXELS

    out = tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS_DIR / f"{name}.ipynb"), str(out), cwd=str(NOTEBOOKS_DIR), kernel_name="python3",
        parameters={"corpus_path": str(generated_path), "output_dir": str(tmp_path / "figures")}, progress_bar=False)
    executed = json.loads(out.read_text(encoding="utf-8"))
    printed = "".join("".join(o.get("text", "")) for c in executed["cells"] for o in c.get("outputs", []))
    assert "Warning" not in printed, printed
    assert "the charts compare: outlet (6 groups, 6 shown)" in printed
    for figure in EXPORTS[name]:
        with Image.open(tmp_path / "figures" / f"{figure}.png") as image:
            assert max(image.size) <= MAX_PIXELS
    if name in ("03_sources_cited", "04_dates"):
        table = pd.read_csv(tmp_path / "figures" / f"{next(iter(EXPORTS[name]))}.csv", encoding="utf-8-sig")
        assert "doc_id" in table and table.group.nunique() == 6
    elif name == "01_corpus_overview":
        summary = pd.read_csv(tmp_path / "figures" / "corpus_overview.csv", encoding="utf-8-sig")
        assert len(summary) == 300 and summary.doc_id.is_unique and summary.label.is_unique
    else:
        for figure in ("term_frequencies_by_group", "framing", "distinctive_terms"):
            table = pd.read_csv(tmp_path / "figures" / f"{figure}.csv", encoding="utf-8-sig")
            assert table.columns[0] == "outlet" and table.outlet.nunique() == 6


def test_notebooks_narrow_by_query_and_date(tmp_path):
    """Articles naming Qaani in any spelling (here written غاني) published in November 2021: only 000 has
    such a date in the metadata."""
    out = tmp_path / "01.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "01_corpus_overview.ipynb"), str(out), cwd=str(NOTEBOOKS_DIR), kernel_name="python3",
        parameters={"corpus_path": str(SEEDS_DIR), "output_dir": str(tmp_path / "figures"), "query": "غاني",
                    "date_from": "2021-11-01", "date_to": "2021-11-30"}, progress_bar=False)
    executed = json.loads(out.read_text(encoding="utf-8"))
    printed = "".join("".join(o.get("text", "")) for c in executed["cells"] for o in c.get("outputs", []))
    assert "1 of 5 documents kept" in printed


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_in_english(notebook, tmp_path):
    # save_figure refuses a figure whose own words are not all in the notebook's language:
    # running with lang="en" checks every figure's title, axis labels, legend titles and notes
    papermill.execute_notebook(
        str(notebook), str(tmp_path / notebook.name), cwd=str(NOTEBOOKS_DIR), kernel_name="python3",
        parameters={"corpus_path": str(SEEDS_DIR), "output_dir": str(tmp_path / "figures"), "lang": "en"},
        progress_bar=False)
    assert any((tmp_path / "figures").glob("*.png"))
