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

    fig.axes[0].set_title("تغير")
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


# --- figures that stay figures --------------------------------------------------------------

from analysis.plotting import (  # noqa: E402
    MAX_INCHES, MAX_PIXELS, FigureSizeWarning, label_overlaps, panel_grid, plot_date_counts, plot_heatmap,
    plot_stacked_bars, plot_timeline, wrap_label,
)


def png_size(path):
    from PIL import Image

    with Image.open(path) as image:
        return image.size


def many_documents(n=300):
    return [f"وكالة {i % 7} · 2021/{1 + i % 12:02d}/{1 + i % 28:02d} · عنوان المقال رقم {i}" for i in range(n)]


@pytest.mark.parametrize("draw", ["bar", "stacked", "heatmap", "timeline", "panels"])
def test_helpers_keep_figures_within_the_export_limit_and_labels_apart(draw, tmp_path):
    docs = many_documents()
    if draw == "bar":
        ax = plot_bar(pd.DataFrame({"doc": docs, "n": range(300)}), label="doc", value="n")
        assert len(ax.get_yticklabels()) == 40                 # the first 40, and a note
    elif draw == "stacked":
        data = pd.DataFrame({"doc": docs * 2, "type": ["مجهول"] * 300 + ["وكالة"] * 300, "n": 1})
        ax = plot_stacked_bars(data, label="doc", stack="type", value="n", other="أخرى", xlabel="الإسنادات")
        assert ax.get_yticklabels()[-1].get_text() == arabic_label("أخرى (261)")
        assert sum(p.get_width() for p in ax.patches) == 600     # nothing lost: the rest is summed
    elif draw == "heatmap":
        data = pd.DataFrame({"term": [f"كلمة{i % 90}" for i in range(300)], "doc": docs, "n": range(300)})
        ax = plot_heatmap(data, row="term", column="doc", value="n")
        assert len(ax.get_xticklabels()) == 40 and len(ax.get_yticklabels()) == 60
    elif draw == "timeline":
        data = pd.DataFrame({"date": [f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(300)], "doc": docs})
        ax = plot_timeline(data, date="date", group="doc")
        assert len(ax.lines) == 1                              # counts of all 300 over time, not 300 columns
    else:
        fig, axes = panel_grid(40, titles=docs[:40])
        for a in axes:
            plot_bar(pd.DataFrame({"t": ["بغداد", "طهران"], "z": [2.0, 1.0]}), label="t", value="z", ax=a)
        ax = axes[0]
    fig = ax.figure
    assert max(fig.get_size_inches()) <= MAX_INCHES
    assert label_overlaps(fig).empty
    paths = save_figure(fig, draw, folder=tmp_path)
    assert max(png_size(paths["png"])) <= MAX_PIXELS
    plt.close(fig)


def test_save_figure_lowers_the_resolution_of_an_oversized_figure(tmp_path):
    fig, ax = plt.subplots(figsize=(67.2, 3.6))                # what 105 panels of 3.2 inches made
    with pytest.warns(FigureSizeWarning, match="within 4000 pixels"):
        paths = save_figure(fig, "wide", folder=tmp_path)
    assert max(png_size(paths["png"])) <= MAX_PIXELS
    plt.close(fig)


def test_overlapping_labels_are_found_and_reported(tmp_path):
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_yticks(range(30), [arabic_label(f"مقال رقم {i}") for i in range(30)])
    assert len(label_overlaps(fig)) > 20
    with pytest.warns(UserWarning, match="pairs of labels overlap"):
        save_figure(fig, "smear", folder=tmp_path)
    ax.set_yticks(range(0, 30, 10), [arabic_label(f"مقال رقم {i}") for i in range(0, 30, 10)])
    ax.tick_params(axis="x", labelrotation=45)
    assert label_overlaps(fig).empty
    plt.close(fig)


def test_rotated_labels_are_measured_as_rotated_rectangles():
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.set_xticks(range(6), [arabic_label("وكالة الأنباء العراقية")] * 6, rotation=45, ha="right",
                  rotation_mode="anchor")
    # their upright boxes overlap, the rotated texts do not
    boxes = [t.get_window_extent(fig.canvas.get_renderer()) for t in ax.get_xticklabels()]
    fig.draw_without_rendering()
    boxes = [t.get_window_extent(fig.canvas.get_renderer()) for t in ax.get_xticklabels()]
    assert boxes[0].overlaps(boxes[1])
    assert label_overlaps(fig).empty
    plt.close(fig)


def test_heatmap_prints_numbers_only_where_they_fit():
    data = pd.DataFrame({"term": ["الكاظمي", "بغداد"] * 3, "doc": ["أ", "أ", "ب", "ب", "ج", "ج"],
                         "n": [12.25, 3.5, 1.0, 0.0, 7.75, 2.0]})
    ax = plot_heatmap(data, row="term", column="doc", value="n", fmt="{:.2f}")
    assert len(ax.texts) == 6
    plt.close(ax.figure)
    fig, ax = plt.subplots(figsize=(1.6, 1.2))
    plot_heatmap(data, row="term", column="doc", value="n", fmt="{:.2f}", ax=ax)
    assert len(ax.texts) == 0                                  # cells too small: the colour bar tells
    plt.close(fig)


def test_heatmap_column_labels_across_when_they_fit_else_upright():
    data = pd.DataFrame({"term": ["بغداد"] * 3, "doc": many_documents(3), "n": [1, 2, 3]})
    ax = plot_heatmap(data, row="term", column="doc", value="n")
    labels = ax.get_xticklabels()
    assert all(t.get_rotation() == 0 for t in labels) and "\n" in labels[0].get_text()
    plt.close(ax.figure)
    data = pd.DataFrame({"term": ["بغداد"] * 40, "doc": many_documents(40), "n": range(40)})
    ax = plot_heatmap(data, row="term", column="doc", value="n")
    assert all(t.get_rotation() == 90 and "\n" not in t.get_text() for t in ax.get_xticklabels())
    assert label_overlaps(ax.figure).empty
    plt.close(ax.figure)


@pytest.mark.parametrize("text_in, text_out", [
    ("العربية · 2018/02/19 · أردوغان يخيّر الوحدات", "العربية\n2018/02/19\nأردوغان يخيّر…"),
    ("كلمة " * 12, "كلمة كلمة كلمة\nكلمة كلمة كلمة\nكلمة كلمة كلمة…"),
    ("بغداد", "بغداد"),
])
def test_wrap_label(text_in, text_out):
    assert wrap_label(text_in) == text_out


def test_arabic_label_keeps_lines_in_their_order():
    label = arabic_label("الأولى\nالثانية")
    assert label.count("\n") == 1
    if matplotlib_shapes_text():
        assert label == "الأولى\nالثانية"


def test_date_counts_chart_draws_the_largest_groups_and_sums_the_rest():
    from analysis.groups import date_counts

    data = pd.DataFrame({"date": [f"2021-0{1 + i % 6}-{1 + i % 27:02d}" for i in range(200)],
                         "outlet": [f"وسيلة {i % 10}" for i in range(200)]})
    counts = date_counts(data, date="date", group="outlet")
    ax = plot_date_counts(counts, group="outlet", max_groups=4)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(ax.lines) == 4 and legend[-1] == arabic_label("أخرى (7)")
    assert sum(line.get_ydata().sum() for line in ax.lines) == 200
    assert ax.xaxis_inverted()                                  # earliest date on the right
    plt.close(ax.figure)


def test_a_figure_speaks_the_language_set(tmp_path):
    from analysis.language import tr, use_language

    data = pd.DataFrame({"term": ["الكاظمي", "بغداد"], "count": [37, 20]})
    try:
        for lang in ("ar", "en"):
            use_language(lang)
            ax = plot_bar(data, label="term", value="count", title=tr("title.top_terms"), xlabel=tr("axis.count"))
            save_figure(ax.figure, f"terms_{lang}", data, folder=tmp_path)          # data (the terms) may be Arabic
            ax.set_xlabel(tr("axis.count", "ar" if lang == "en" else "en"))         # a word of the other language
            with pytest.raises(ValueError, match="says"):
                save_figure(ax.figure, f"mixed_{lang}", data, folder=tmp_path)
            plt.close(ax.figure)
    finally:
        use_language("ar")
    assert not (tmp_path / "mixed_ar.png").exists() and (tmp_path / "terms_en.png").exists()
