"""Arabic renders joined and right to left on the running matplotlib: proven by pixels.

Each word is drawn by matplotlib from ``arabic_label(word)`` and compared with a reference
rendering of the same logical string by Pillow with libraqm (HarfBuzz shaping + FriBiDi
ordering) in the same font file.  Both images are cropped to their ink and scaled to the
same size; the mean absolute difference (0..255) is small for a correct rendering (measured
3-14) and large for reversed or unjoined text (41-81).  The wrong recipe for the running
version (reshaper+bidi on 3.11+, plain text on 3.10) must fail the same threshold, so the
test can fail.  ``make test`` runs this file on matplotlib 3.11+ and on 3.10.
"""
import arabic_reshaper
import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from bidi import get_display  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from PIL import Image, ImageDraw, ImageFont, features  # noqa: E402

from analysis.plotting import arabic_label, matplotlib_shapes_text, missing_glyphs  # noqa: E402

PX = 64
THRESHOLD = 20
FONT = font_manager.findfont(font_manager.FontProperties(family=["DejaVu Sans"]), fallback_to_default=False)
# multi-letter, not mirror-symmetric, no harakat; one mixed Arabic/digits/Latin string
WORDS = ["قاآني", "الكاظمي", "فيلق القدس", "بغداد", "طهران", "ميليشيات", "الحرس الثوري",
         "قاآني 2021/11/08 Reuters", "الأحد 2021/11/07"]


def crop_to_ink(gray: np.ndarray) -> np.ndarray:
    ys, xs = np.nonzero(gray < 128)
    assert len(ys), "nothing was drawn"
    return gray[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


def reference(text: str) -> np.ndarray:
    font = ImageFont.truetype(FONT, PX, layout_engine=ImageFont.Layout.RAQM)
    image = Image.new("L", (PX * len(text) + 200, PX * 3), 255)
    ImageDraw.Draw(image).text((50, PX // 2), text, font=font, fill=0)
    return crop_to_ink(np.asarray(image))


def matplotlib_rendering(label: str) -> np.ndarray:
    fig = plt.figure(figsize=(len(label) * PX / 72 + 3, PX * 3 / 72), dpi=72)
    fig.text(0.02, 0.3, label, fontsize=PX, family="DejaVu Sans", color="black")
    fig.canvas.draw()
    rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3].mean(axis=2).astype(np.uint8)
    plt.close(fig)
    return crop_to_ink(rgb)


def difference(a: np.ndarray, b: np.ndarray, height: int = PX) -> float:
    ia, ib = Image.fromarray(a), Image.fromarray(b)
    width = max(round(ia.width * height / ia.height), round(ib.width * height / ib.height))
    ia, ib = (im.resize((width, height), Image.LANCZOS) for im in (ia, ib))
    return float(np.abs(np.asarray(ia, float) - np.asarray(ib, float)).mean())


def wrong_recipe(text: str) -> str:
    if matplotlib_shapes_text():
        reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False,
                                                                 "arabic ligature allah": False})
        return get_display(reshaper.reshape(text))    # the classic recipe: reversed on 3.11+
    return text                                       # plain text: unjoined and LTR on 3.10


def test_pillow_has_raqm():
    assert features.check("raqm"), "Pillow without libraqm cannot give the reference rendering"


@pytest.mark.parametrize("word", WORDS)
def test_arabic_label_renders_like_the_reference(word):
    ref = reference(word)
    good = difference(ref, matplotlib_rendering(arabic_label(word)))
    bad = difference(ref, matplotlib_rendering(wrong_recipe(word)))
    assert good < THRESHOLD, f"{word!r} renders wrongly on matplotlib {matplotlib.__version__}: {good:.1f}"
    assert bad >= THRESHOLD, f"the wrong recipe passed for {word!r}: {bad:.1f} (test cannot fail)"


def test_presentation_forms_from_pdfs_render_like_the_plain_word():
    ref = reference("قاآني")
    for pasted in ("ﻗﺎﺁﻧﻲ", "ﻲﻧﺁﺎﻗ"):                  # logical and visual order
        assert difference(ref, matplotlib_rendering(arabic_label(pasted))) < THRESHOLD


def test_dollar_signs_render_as_dollars_not_mathtext():
    text = "بغداد $5 طهران $10"
    assert difference(reference(text), matplotlib_rendering(arabic_label(text))) < THRESHOLD


def test_labels_of_the_seeds_have_glyphs(seeds):
    fig = plt.figure()
    for title in seeds["title"]:
        fig.text(0, 0, arabic_label(title))
    fig.text(0, 0, arabic_label("حزب الله"))          # no U+FDF2 ligature on the 3.10 path
    assert missing_glyphs(fig).empty
    plt.close(fig)


def test_missing_glyph_check_can_fail():
    fig = plt.figure()
    fig.text(0, 0, "ﷲ")
    assert missing_glyphs(fig)["codepoint"].tolist() == ["U+FDF2"]
    plt.close(fig)
