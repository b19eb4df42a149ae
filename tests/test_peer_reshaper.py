"""Folding presentation forms, checked with python-arabic-reshaper's own test pairs run backwards.

Cases from mpcabd/python-arabic-reshaper, arabic_reshaper/tests/test_002_reshaping.py and
test_003_reshaping.py (MIT licence), as collected in ../shared/peer_tests/arabic_reshaper/.
"""
import json
import re

import pytest

from analysis.config import ROOT
from analysis.normalize import _is_presentation_form, normalize

PEER = ROOT.parent / "shared" / "peer_tests" / "arabic_reshaper" / "cases.json"
CASES = json.loads(PEER.read_text(encoding="utf-8"))["cases"] if PEER.exists() else []
pytestmark = pytest.mark.skipif(not CASES, reason="../shared/peer_tests is not beside this clone")


def visual(text: str) -> str:
    """What a PDF extractor gives for right-to-left text: words and Arabic letters reversed."""
    parts = re.split(r"(\s+)", text)[::-1]
    return "".join(p[::-1] if any(_is_presentation_form(c) for c in p) else p for p in parts)


def why_not_logical(case):
    if "\ufdfd" in case["presentation_forms_expected"]:
        return "U+FDFD (bismillah ligature) has no Unicode decomposition"
    if case["logical_input"].startswith("\u200d"):
        return "a leading ZWJ makes the reshaper emit a joining form with nothing to join"
    return ""


def why_not_visual(case):
    if why_not_logical(case):
        return why_not_logical(case)
    if re.search("[\ufdf2\ufdfa]", case["presentation_forms_expected"]):
        return "word ligatures (ﷲ ﷺ) carry no joining form to tell the order from"
    if len(case["logical_input"].replace("\u200d", "")) <= 2:
        return "a two-letter word with a non-joining letter has no order to detect"
    return ""


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['test_class']}-{c['index']}")
def test_logical_order_folds_back(case):
    if why_not_logical(case):
        pytest.xfail(why_not_logical(case))
    assert normalize(case["presentation_forms_expected"]) == normalize(case["logical_input"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['test_class']}-{c['index']}")
def test_visual_order_folds_back(case):
    if why_not_visual(case):
        pytest.xfail(why_not_visual(case))
    assert normalize(visual(case["presentation_forms_expected"])) == normalize(case["logical_input"])
