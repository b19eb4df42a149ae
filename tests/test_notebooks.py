"""Every numbered notebook runs end to end (papermill), on the seeds and into a scratch folder."""
import json

import jupytext
import pytest

from analysis.config import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
#: The figures each notebook must export (name -> required CSV columns).
EXPORTS = {
    "01_corpus_overview": {"corpus_overview": ["doc_id", "label", "n_tokens"]},
    "02_term_frequencies": {
        "term_frequencies": ["term", "count"],
        "term_frequencies_by_doc": ["doc_id", "term", "count"],
        "collocations": ["ngram", "count", "llr"],
        "distinctive_terms": ["doc_id", "term", "z"],
        "framing": ["doc_id", "group", "label", "count", "per_1000"],
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
        "publication_dates": ["doc_id", "publication_date", "date_source"],
        "dates_timeline": ["doc_id", "expression", "kind", "date", "daypart"],
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
    by_doc = pd.read_csv(FIGURES_DIR / "term_frequencies_by_doc.csv", encoding="utf-8-sig", keep_default_na=False)
    expected = count_terms(merged, by="doc_id")
    assert by_doc[["doc_id", "term", "count"]].values.tolist() == expected[["doc_id", "term", "count"]].values.tolist()
