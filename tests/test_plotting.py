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


def test_stacked_bars_from_a_tidy_table():
    from analysis.plotting import plot_stacked_bars

    data = pd.DataFrame({"doc": ["000", "000", "003", "003"],
                         "type": ["وسيلة إعلام", "مصادر مجهولة", "وسيلة إعلام", "شخص أو جهة"],
                         "n": [3, 2, 1, 4]})
    ax = plot_stacked_bars(data, label="doc", stack="type", value="n", title="المصادر")
    widths = sorted(round(p.get_width()) for p in ax.patches)
    assert widths == [0, 0, 1, 2, 3, 4]                      # missing combinations are 0-width
    assert [t.get_text() for t in ax.get_legend().get_texts()] == \
        [arabic_label(t) for t in ["وسيلة إعلام", "مصادر مجهولة", "شخص أو جهة"]]
    plt.close(ax.figure)


def test_heatmap_cells_and_labels():
    from analysis.plotting import plot_heatmap

    data = pd.DataFrame({"term": ["الكاظمي", "الكاظمي", "قاآني"], "doc": ["000", "001", "001"], "n": [9, 4, 2]})
    ax = plot_heatmap(data, row="term", column="doc", value="n")
    image = ax.images[0].get_array()
    # columns run right to left: 001 on the left, 000 on the right
    assert image.tolist() == [[4, 9], [2, 0]]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["001", "000"]
    assert sorted(t.get_text() for t in ax.texts) == ["0", "2", "4", "9"]
    plt.close(ax.figure)


def test_timeline_skips_unresolved_dates():
    from analysis.plotting import plot_timeline

    data = pd.DataFrame({"date": ["2021-11-07", "", "2021-10-10"], "doc": ["000", "000", "003"],
                         "what": ["فجر الأحد", "غداة", "الانتخابات"]})
    ax = plot_timeline(data, date="date", group="doc", label="what")
    assert sorted(t.get_text() for t in ax.texts) == sorted(arabic_label(w) for w in ["فجر الأحد", "الانتخابات"])
    assert [t.get_text() for t in ax.get_yticklabels()] == [arabic_label("الأحد 2021/10/10"),
                                                           arabic_label("الأحد 2021/11/07")]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["003", "000"]      # first group on the right
    assert [ln.get_linestyle() for ln in ax.lines] == []                      # 28 days apart: no gap line
    plt.close(ax.figure)


def test_save_figure_refuses_tofu(tmp_path):
    fig, data = figure()
    fig.axes[0].set_title("ﷲ")
    with pytest.raises(ValueError, match="no glyph for U\\+FDF2"):
        save_figure(fig, "tofu", data, folder=tmp_path)
    assert not list(tmp_path.iterdir())
    plt.close(fig)
