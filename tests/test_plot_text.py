"""corpusstats.plot.arabic and friends: the strings handed to matplotlib."""

from __future__ import annotations

import subprocess
import sys

import matplotlib
import pytest

from corpusstats import plot
from corpusstats.plot import _text
from corpusstats.plot._text import LRE, LRO, PDF, RLE

SHAPES = plot.renderer_shapes()


@pytest.fixture
def shaping(monkeypatch):  # type: ignore[no-untyped-def]
    """Pretend the renderer shapes (True) or not (False)."""

    def set_(value: bool) -> None:
        monkeypatch.setattr(_text, "renderer_shapes", lambda backend=None: value)

    return set_


def test_import_corpusstats_does_not_import_matplotlib() -> None:
    code = "import sys, corpusstats; assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_plot_is_cheap() -> None:
    """Importing corpusstats.plot renders nothing and imports neither pyplot nor the reshaper."""
    code = (
        "import sys, corpusstats.plot; "
        "bad = [m for m in ('matplotlib.pyplot', 'arabic_reshaper', 'bidi', 'wordcloud') if m in sys.modules]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_text_without_arabic_is_unchanged(shaping) -> None:  # type: ignore[no-untyped-def]
    for value in (True, False):
        shaping(value)
        assert plot.arabic("aljazeera") == "aljazeera"
        assert plot.arabic("٢٠١٥ - 2015") == "٢٠١٥ - 2015"
        assert plot.arabic(42) == "42"


def test_shaping_renderer_gets_logical_text_in_an_rtl_embedding(shaping) -> None:  # type: ignore[no-untyped-def]
    shaping(True)
    assert plot.arabic("الأسد") == RLE + "الأسد" + PDF
    # a line that starts with a Latin letter is a left-to-right paragraph: no embedding
    assert plot.arabic("BBC عربي") == "BBC عربي"


def test_non_shaping_renderer_gets_visual_presentation_forms(shaping) -> None:  # type: ignore[no-untyped-def]
    shaping(False)
    body = plot.arabic("الأسد")
    # no bidi controls: matplotlib < 3.11 would draw the font's glyph for them
    assert not set(body) & {LRO, PDF, RLE, LRE}
    # presentation forms, in visual order: the final dal (U+FEAA) comes first
    assert all("\ufb50" <= ch <= "\ufeff" for ch in body), body
    assert body[0] == "\ufeaa"
    assert "\ufef7" in body  # lam-alef with hamza above, one ligature
    # SVG text left to a browser: a left-to-right override keeps the visual order
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        assert plot.arabic("الأسد") == LRO + body + PDF


def test_harakat_are_kept(shaping) -> None:  # type: ignore[no-untyped-def]
    for value in (True, False):
        shaping(value)
        assert "\u064e" in plot.arabic("كَتَبَ")


def test_no_allah_word_ligature() -> None:
    """Many fonts lack U+FDF2; matplotlib 3.11 and HarfBuzz do not form it either."""
    assert "\ufdf2" not in plot.visual_order("الله")


def test_brackets_and_guillemets_are_mirrored_when_preshaped() -> None:
    v = plot.visual_order("قال (نعم) «لا»")
    # visual order, right-to-left paragraph: the logical "(" is drawn as ")" on the right of نعم
    assert v.index("(") < v.index(")")
    assert v.index("«") < v.index("»")


def test_digits_keep_their_order(shaping) -> None:  # type: ignore[no-untyped-def]
    shaping(False)
    assert "2015" in plot.arabic("عام 2015")
    assert "١٤٤٥" in plot.arabic("سنة ١٤٤٥")


def test_signed_numbers_stay_together(shaping) -> None:  # type: ignore[no-untyped-def]
    shaping(True)
    assert plot.arabic("درجة الحرارة -5") == f"{RLE}درجة الحرارة {LRE}-5{PDF}{PDF}"
    assert plot.arabic("الفرق -3.5 نقطة") == f"{RLE}الفرق {LRE}-3.5{PDF} نقطة{PDF}"
    assert "2-1" in plot.arabic("النتيجة 2-1")  # a score, not a signed number
    shaping(False)
    assert "-5" in plot.arabic("درجة الحرارة -5")


def test_dollar_is_escaped_so_mathtext_never_starts(shaping) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.text import Text

    for value in (True, False):
        shaping(value)
        s = plot.arabic("السعر $5 أو $10")
        assert s.count(r"\$") == 2
        t = Text(0, 0, s)
        text, ismath = t._preprocess_math(t.get_text())
        assert ismath is False and r"\$" not in text
        assert plot.arabic("$x$ س", escape_math=False).count(r"\$") == 0
    assert plot.arabic("$x$") == r"\$x\$"


def test_each_line_on_its_own(shaping) -> None:  # type: ignore[no-untyped-def]
    shaping(True)
    assert plot.arabic("الأسد\nBBC\nعام") == f"{RLE}الأسد{PDF}\nBBC\n{RLE}عام{PDF}"
    shaping(False)
    lines = plot.arabic("الأسد\nBBC").split("\n")
    assert lines == [plot.visual_order("الأسد"), "BBC"]


def test_starts_rtl() -> None:
    assert plot.starts_rtl("«الأسد»")
    assert plot.starts_rtl("2015 عام")
    assert not plot.starts_rtl("α = 0.7 أس")
    assert not plot.starts_rtl("2015")


def test_backend_kind() -> None:
    assert plot.backend_kind("cairo") == "cairo"
    assert plot.backend_kind("QtCairo") == "cairo"
    assert plot.backend_kind("agg") == "agg"
    assert plot.backend_kind("module://matplotlib_inline.backend_inline") == "agg"
    assert plot.backend_kind("pdf") == "agg"


def test_decision_is_cached() -> None:
    _text._probe.cache_clear()
    plot.renderer_shapes.cache_clear()
    for _ in range(50):
        plot.arabic("الأسد")
    assert _text._probe.cache_info().misses == 1


def test_decision_matches_matplotlib_version() -> None:
    from matplotlib import ft2font

    assert SHAPES is hasattr(ft2font, "__libraqm_version__")
    assert plot.renderer_shapes("cairo") is False


def test_cairo_backend_by_name_preshapes() -> None:
    assert plot.arabic("الأسد", backend="cairo") == plot.visual_order("الأسد")


def test_active_cairo_backend_is_detected(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(matplotlib.rcParams, "_get_backend_or_none", lambda: "cairo", raising=False)
    assert plot.backend_kind() == "cairo"
    assert plot.arabic("الأسد") == plot.visual_order("الأسد")


# --- fonts ------------------------------------------------------------------------


def test_default_fonts_end_with_dejavu() -> None:
    fams = plot.font_family()
    assert fams[-1] == "DejaVu Sans"
    assert all(f in plot.PREFERRED_FONTS for f in fams[:-1])


def test_use_font_sets_family_and_rcparams() -> None:
    before = list(matplotlib.rcParams["font.family"])
    try:
        assert plot.use_font("DejaVu Sans") == ["DejaVu Sans"]
        assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]
        assert plot.font_path().endswith("DejaVuSans.ttf")
        with pytest.raises(ValueError, match="not known"):
            plot.use_font("No Such Font 123")
    finally:
        plot.use_font()
    assert matplotlib.rcParams["font.family"] == before


def test_use_font_restores_rcparams() -> None:
    before = list(matplotlib.rcParams["font.family"])
    plot.use_font("DejaVu Sans")
    plot.use_font("DejaVu Sans")
    plot.use_font()
    assert matplotlib.rcParams["font.family"] == before


def test_use_font_accepts_a_file() -> None:
    path = plot.font_path("DejaVu Sans")
    try:
        assert plot.use_font(path) == ["DejaVu Sans"]
    finally:
        plot.use_font()
