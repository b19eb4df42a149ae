"""Shared fixtures: the seed corpus and its token table, loaded once per test session."""
import importlib.util

import pytest

from analysis import load_corpus, tokens_table
from analysis.config import ROOT, SEEDS_DIR


@pytest.fixture(scope="session")
def seeds():
    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="session")
def seed_tokens(seeds):
    return tokens_table(seeds)


@pytest.fixture(scope="session")
def load_script():
    """A loader of the command-line scripts in ``scripts/`` as modules: ``load_script("score_dates")``."""
    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return load


@pytest.fixture(scope="session")
def executed_notebooks(tmp_path_factory):
    """Every numbered notebook run once on the seeds (papermill): ``(executed folder, figures folder)``."""
    import papermill

    from analysis.config import NOTEBOOKS_DIR

    out = tmp_path_factory.mktemp("executed")
    figures = out / "figures"
    for notebook in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")):
        papermill.execute_notebook(
            str(notebook), str(out / notebook.name), cwd=str(NOTEBOOKS_DIR), kernel_name="python3",
            parameters={"corpus_path": str(SEEDS_DIR), "output_dir": str(figures)}, progress_bar=False)
    return out, figures


@pytest.fixture(scope="session", autouse=True)
def seeds_are_read_only():
    """No test (notebook runs included) may create, change or delete anything in seeds/."""
    import hashlib

    def snapshot():
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS_DIR.iterdir()}

    before = snapshot()
    yield
    assert snapshot() == before, "something wrote to seeds/"


@pytest.fixture(scope="session")
def generated_path(tmp_path_factory):
    """300 articles recombined from the seeds' paragraphs: six invented outlets, five months."""
    from tests.generated_corpus import write_generated_corpus

    return write_generated_corpus(tmp_path_factory.mktemp("generated") / "generated.jsonl", 300)


@pytest.fixture(scope="session")
def generated(generated_path):
    return load_corpus(generated_path)
