"""The project's promises about its layout: byte-identical seeds, committed figures."""

import pytest

from analysis.config import FIGURES_DIR, ROOT, SEEDS_DIR

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside this clone")
def test_seeds_are_byte_identical_to_the_shared_seeds():
    shared = sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    assert sorted(p.name for p in SEEDS_DIR.glob("*.txt")) == shared
    for name in shared:
        assert (SEEDS_DIR / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


def test_every_committed_figure_has_its_png_svg_and_csv():
    stems = {p.stem for p in FIGURES_DIR.iterdir() if p.suffix in (".png", ".svg", ".csv")}
    assert stems, "figures/ is empty: run make figures"
    for stem in stems:
        for suffix in (".png", ".svg", ".csv"):
            assert (FIGURES_DIR / f"{stem}{suffix}").exists(), f"{stem}{suffix} missing"


def test_figures_are_the_ones_the_notebooks_export():
    from tests.test_notebooks import EXPORTS

    exported = {name for names in EXPORTS.values() for name in names}
    assert {p.stem for p in FIGURES_DIR.glob("*.png")} == exported
