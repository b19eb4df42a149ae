"""The HTML report: self-contained pages, checked in a real browser (headless Chromium)."""
import re

import pytest

from analysis.browser import find_browser, inspect_page
from analysis.report import build_report


@pytest.fixture(scope="module")
def report(executed_notebooks, tmp_path_factory):
    executed, figures = executed_notebooks
    out = tmp_path_factory.mktemp("report")
    return build_report(executed, out, figures_dir=figures, corpus_path="seeds")


def test_index_and_one_page_per_notebook(report, executed_notebooks):
    index, *pages = report
    assert index.name == "index.html" and len(pages) == len(list(executed_notebooks[0].glob("*.ipynb"))) == 4
    html = index.read_text(encoding="utf-8")
    for page in pages:
        assert f'href="{page.name}"' in html
    assert "5 articles" in html and len(re.findall(r'<img[^>]+src="data:image/png;base64,', html)) == 4


def test_pages_are_self_contained(report):
    # nothing fetched from the network: no remote script, stylesheet, font or image
    for page in report:
        html = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="((?:https?:)?//[^"]+)"', html)
        assert remote == [], (page.name, remote[:3])
        assert "@import" not in html


def test_code_is_hidden_unless_asked(report, executed_notebooks, tmp_path):
    code = '<span class="n">load_corpus</span><span class="p">('          # the notebook's code, highlighted
    assert code not in report[1].read_text(encoding="utf-8")
    shown = build_report(executed_notebooks[0], tmp_path, figures_dir=executed_notebooks[1], show_code=True)
    assert code in shown[1].read_text(encoding="utf-8")


def test_pages_in_a_real_browser(report, tmp_path):
    if find_browser() is None:
        pytest.skip("headless Chromium not installed (apt-get install chromium chromium-driver); "
                    ".ci/run installs it where it can")
    for page in report:
        seen = inspect_page(page, screenshot=tmp_path / f"{page.stem}.png")
        assert seen["text_length"] > 300, page.name                       # the page loaded
        assert seen["images"] > 0 and seen["drawn"] == seen["images"], (page.name, seen)   # every figure drawn
        assert seen["code_cells"] == 0, page.name
        if page.name != "index.html":
            # every cell or paragraph that starts with Arabic is laid out right to left
            assert seen["arabic_blocks"] > 0 and seen["rtl_blocks"] == seen["arabic_blocks"], (page.name, seen)
        assert (tmp_path / f"{page.stem}.png").stat().st_size > 10_000
