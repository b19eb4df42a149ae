import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.plotting import (  # noqa: E402
    arabic_label, fold_presentation_forms, matplotlib_shapes_text, plot_bar, save_figure, use_style,
)


def figure():
    use_style()
    data = pd.DataFrame({"term": ["الكاظمي", "بغداد", "قاآني"], "count": [37, 20, 11]})
    ax = plot_bar(data, label="term", value="count", title="أكثر الكلمات تكرارا")
    return ax.figure, data


def test_save_figure_writes_three_files_reproducibly(tmp_path):
    fig, data = figure()
    first = save_figure(fig, "terms", data, folder=tmp_path)
    blobs = {fmt: path.read_bytes() for fmt, path in first.items()}
    second = save_figure(fig, "terms", data, folder=tmp_path)
    assert {fmt: path.read_bytes() for fmt, path in second.items()} == blobs
    assert blobs["csv"].startswith(b"\xef\xbb\xbfterm,count\n")
    assert "الكاظمي,37".encode() in blobs["csv"]
    assert b"<dc:date>" not in blobs["svg"] and b"Matplotlib v" not in blobs["svg"]
    assert b"Software" not in blobs["png"]
    assert sorted(os.listdir(tmp_path)) == ["terms.csv", "terms.png", "terms.svg"]   # no temp files left
    plt.close(fig)


def test_failed_save_leaves_old_files_intact(tmp_path):
    fig, data = figure()
    save_figure(fig, "terms", data, folder=tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    class Broken(pd.DataFrame):
        def to_csv(self, *args, **kwargs):
            raise OSError("disk full")

    fig.axes[0].set_title("changed")
    with pytest.raises(OSError, match="disk full"):
        save_figure(fig, "terms", Broken(data), folder=tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    plt.close(fig)


def test_png_resolution(tmp_path):
    from PIL import Image

    fig, data = figure()
    paths = save_figure(fig, "terms", data, folder=tmp_path)
    with Image.open(paths["png"]) as image:
        assert image.info["dpi"][0] >= 150
    plt.close(fig)


def test_plot_bar_labels_every_bar_through_arabic_label():
    fig, data = figure()
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [arabic_label(t) for t in data.term]
    assert ax.get_title() == arabic_label("أكثر الكلمات تكرارا")
    assert ax.xaxis_inverted() and ax.yaxis_inverted()       # bars grow leftwards, rank 1 on top
    plt.close(fig)


def test_arabic_label_matches_the_running_matplotlib():
    if matplotlib_shapes_text():
        assert arabic_label("قاآني في بغداد") == "قاآني في بغداد"
    else:
        label = arabic_label("قاآني في بغداد")
        assert label != "قاآني في بغداد"
        assert all("\ufe70" <= c <= "\ufeff" or c == " " for c in label)


def test_arabic_label_escapes_mathtext_and_folds_presentation_forms():
    assert "\\$" in arabic_label("5$ للبرميل $")
    assert fold_presentation_forms("ﻗﺎﺁﻧﻲ ﻓﻲ ﺑﻐﺪﺍﺩ") == "قاآني في بغداد"
    assert fold_presentation_forms("ﺩﺍﺪﻐﺑ ﻲﻓ ﻲﻧﺁﺎﻗ") == "قاآني في بغداد"    # visual order
