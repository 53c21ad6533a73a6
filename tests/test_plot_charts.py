"""The chart catalogue: DataFrame in, Axes out, Arabic drawn right."""

from __future__ import annotations

import math
import os

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import corpusstats  # noqa: E402
from corpusstats import plot  # noqa: E402

from . import plot_reference as ref


@pytest.fixture(autouse=True)
def _close_and_no_show(monkeypatch):  # type: ignore[no-untyped-def]
    def no_show(*a, **k):  # pragma: no cover - fails the test if reached
        raise AssertionError("a chart function called show()")

    monkeypatch.setattr(plt, "show", no_show)
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def font():  # type: ignore[no-untyped-def]
    plot.use_font("DejaVu Sans")
    yield plot.font_path("DejaVu Sans")
    plot.use_font()


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return corpusstats.load_corpus("seeds")


@pytest.fixture(scope="module")
def content(corpus):  # type: ignore[no-untyped-def]
    return corpusstats.word_frequencies(corpus, stopwords=True)


FREQ = pd.DataFrame(
    {
        "term": ["سوريا", "الأسد", "موسكو", "لا", "بوتين"],
        "count": [10, 7, 7, 3, 1],
        "per_10k": [100.0, 70.0, 70.0, 30.0, 10.0],
        "rank": [1, 2, 2, 4, 5],
        "docfreq": [3, 2, 2, 1, 1],
    }
)
BY_SOURCE = pd.DataFrame(
    {
        "source": ["a", "a", "a", "b", "b"],
        "term": ["سوريا", "الأسد", "موسكو", "سوريا", "بوتين"],
        "count": [6, 5, 1, 4, 3],
        "per_10k": [60.0, 50.0, 10.0, 80.0, 60.0],
        "rank": [1, 2, 3, 1, 2],
        "docfreq": [1, 1, 1, 1, 1],
    }
)


def _ticklabels(ax) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.get_text() for t in ax.get_yticklabels()]


# --- frequencies --------------------------------------------------------------------


def test_frequencies_bars_most_frequent_on_top() -> None:
    fig, ax = plt.subplots()
    out = plot.frequencies(FREQ, n=4, ax=ax)
    assert out is ax
    assert _ticklabels(ax) == [plot.arabic(t) for t in ["سوريا", "الأسد", "موسكو", "لا"]]
    widths = [p.get_width() for p in ax.patches]
    assert widths == [10, 7, 7, 3]
    ys = [p.get_y() + p.get_height() / 2 for p in ax.patches]
    lo, hi = ax.get_ylim()
    assert hi < lo  # y axis runs downwards: position 0 (the most frequent) on top
    assert ys[0] == min(ys)
    assert ax.get_title() == plot.arabic("الكلمات الأكثر تكرارا")


def test_frequencies_uses_current_axes_and_value_column() -> None:
    fig, ax = plt.subplots()
    out = plot.frequencies(FREQ, value="per_10k", rtl=False, annotate=False, title=None)
    assert out is ax
    assert [p.get_width() for p in ax.patches][:2] == [100.0, 70.0]
    assert ax.get_xlabel() == plot.arabic("لكل 10 آلاف كلمة")
    assert ax.get_xlim()[0] < ax.get_xlim()[1]  # not mirrored


def test_frequencies_rtl_mirrors_the_axes() -> None:
    fig, ax = plt.subplots()
    plot.frequencies(FREQ, ax=ax)
    assert ax.get_xlim()[0] > ax.get_xlim()[1]
    assert ax.yaxis.get_ticks_position() == "right"


def test_frequencies_refuses_several_groups() -> None:
    with pytest.raises(ValueError, match="compare_sources"):
        plot.frequencies(BY_SOURCE)
    ax = plot.frequencies(BY_SOURCE[BY_SOURCE.source == "a"])
    assert len(ax.patches) == 3


def test_frequencies_missing_column() -> None:
    with pytest.raises(ValueError, match="missing"):
        plot.frequencies(FREQ.drop(columns="count"))


def test_dollar_in_a_term_is_not_mathtext() -> None:
    df = FREQ.assign(term=["$س$", "$", "ب", "ت", "ث"])
    fig, ax = plt.subplots()
    plot.frequencies(df, ax=ax)
    fig.canvas.draw()  # would raise on bad mathtext
    for t in ax.get_yticklabels():
        assert t._preprocess_math(t.get_text())[1] is False


# --- zipf ------------------------------------------------------------------------------


def test_zipf_draws_points_and_fitted_line() -> None:
    freq = pd.DataFrame({"term": list("abcdef"), "count": [60, 30, 20, 15, 12, 10]})
    fit = {"exponent": 1.0, "intercept": math.log10(60), "r_squared": 1.0}
    fig, ax = plt.subplots()
    assert plot.zipf(freq, fit=fit, ax=ax) is ax
    points, line = ax.get_lines()
    assert list(points.get_xdata()) == [1, 2, 3, 4, 5, 6]
    np.testing.assert_allclose(line.get_ydata(), 60 / np.arange(1, 7))
    assert ax.get_xscale() == ax.get_yscale() == "log"


def test_zipf_fits_when_no_fit_given(content) -> None:  # type: ignore[no-untyped-def]
    fit = corpusstats.zipf_fit(content)
    ax = plot.zipf(content)
    line = ax.get_lines()[1]
    r = np.asarray(line.get_xdata(), dtype=float)
    np.testing.assert_allclose(line.get_ydata(), 10 ** (fit["intercept"] - fit["exponent"] * np.log10(r)))
    assert f"{fit['exponent']:.2f}" in ax.get_legend().get_texts()[1].get_text()


def test_zipf_one_line_per_source() -> None:
    ax = plot.zipf(BY_SOURCE)
    assert len(ax.get_lines()) == 4
    with pytest.raises(ValueError):
        plot.zipf(BY_SOURCE, fit={"exponent": 1, "intercept": 1, "r_squared": 1})


# --- compare_sources -----------------------------------------------------------------


def test_compare_sources_grouped_bars() -> None:
    fig, ax = plt.subplots()
    assert plot.compare_sources(BY_SOURCE, n=3, ax=ax) is ax
    # top 3 by total count: سوريا 10, الأسد 5, بوتين 3 (موسكو 1 drops out)
    assert _ticklabels(ax) == [plot.arabic(t) for t in ["سوريا", "الأسد", "بوتين"]]
    assert len(ax.patches) == 3 * 2
    widths = [p.get_width() for p in ax.patches]
    assert widths == [60.0, 50.0, 0.0, 80.0, 0.0, 60.0]  # source a, then b; per_10k; absent = 0
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


def test_compare_sources_given_terms_and_value() -> None:
    ax = plot.compare_sources(BY_SOURCE, terms=["موسكو"], value="count")
    assert [p.get_width() for p in ax.patches] == [1.0, 0.0]


def test_compare_sources_needs_groups() -> None:
    with pytest.raises(ValueError, match="group column"):
        plot.compare_sources(FREQ)


# --- word cloud ---------------------------------------------------------------------


def _word_crops(wc):  # type: ignore[no-untyped-def]
    """(word, ink image) for each word of a laid-out WordCloud, cut from its picture.

    Words in a cloud nest into each other's boxes, so each word's window is
    where that word alone would put ink (drawn as ``WordCloud.to_image``
    draws it), widened by 2 px; the pixels come from the real picture.
    """
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    picture = wc.to_image()
    ink = np.asarray(picture.convert("RGB")).min(axis=2)  # ink = darkest channel
    for (word, _), size, pos, orient, _color in wc.layout_:
        font = ImageFont.TransposedFont(ImageFont.truetype(wc.font_path, size), orientation=orient)
        alone = Image.new("L", picture.size, 0)
        ImageDraw.Draw(alone).text((pos[1], pos[0]), word, fill=255, font=font)
        window = np.asarray(alone.filter(ImageFilter.MaxFilter(5))) > 0
        yield word, np.where(window, ink, 255).astype(np.uint8)


def test_wordcloud_draws_an_image_and_is_deterministic(content) -> None:  # type: ignore[no-untyped-def]
    fig, ax = plt.subplots()
    assert plot.wordcloud(content, n=30, ax=ax, width=300, height=150) is ax
    assert len(ax.get_images()) == 1
    a = plot.build_wordcloud(content, n=30, width=300, height=150).to_array()
    b = plot.build_wordcloud(content, n=30, width=300, height=150).to_array()
    assert (a == b).all()
    assert not ax.axison


@pytest.mark.skipif(
    not ref.RAQM_OK and not os.environ.get("CI"), reason="the HarfBuzz reference needs Pillow with raqm"
)
def test_wordcloud_words_are_shaped(content, font) -> None:  # type: ignore[no-untyped-def]
    wc = plot.build_wordcloud(content, n=12, width=500, height=260)
    checked = 0
    for word, crop in _word_crops(wc):
        if crop.shape[0] < 20:
            continue
        v = ref.verdict(crop, word, font)
        assert v.ok, f"{word}: {v}"
        checked += 1
    assert checked >= 5


@pytest.mark.skipif(
    not ref.RAQM_OK and not os.environ.get("CI"), reason="the HarfBuzz reference needs Pillow with raqm"
)
def test_wordcloud_preshapes_without_raqm(content, font, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Pillow without raqm draws code points left to right: the words must be pre-shaped."""
    from PIL import ImageFont, features

    basic = ImageFont.truetype

    def truetype_basic(*a, **k):  # type: ignore[no-untyped-def]
        k["layout_engine"] = ImageFont.Layout.BASIC
        return basic(*a, **k)

    monkeypatch.setattr(features, "check", lambda name: False if name == "raqm" else True)
    monkeypatch.setattr(ImageFont, "truetype", truetype_basic)
    wc = plot.build_wordcloud(content, n=12, width=500, height=260)
    logical = {plot.visual_order(t): t for t in content["form"].head(12)}
    checked = 0
    for word, crop in list(_word_crops(wc)):  # drawn with the basic layout too
        if crop.shape[0] < 20:
            continue
        assert word in logical  # the layout holds the pre-shaped form
        v = ref.verdict(crop, logical[word], font)
        assert v.ok, f"{logical[word]}: {v}"
        checked += 1
    assert checked >= 5


# --- the acceptance figure: 12 most frequent seed words --------------------------------


@pytest.fixture(scope="module")
def top12(content, font):  # type: ignore[no-untyped-def]
    fig = Figure(figsize=(7, 5.5), dpi=200, layout="constrained")  # tick labels ~28 px high
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    plot.frequencies(content, n=12, ax=ax)
    fig.canvas.draw()
    return fig, ax


@pytest.mark.skipif(
    not ref.RAQM_OK and not os.environ.get("CI"), reason="the HarfBuzz reference needs Pillow with raqm"
)
@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_top12_figure_every_label_and_title_shaped(top12, content, font, fmt) -> None:  # type: ignore[no-untyped-def]
    fig, ax = top12
    gray = ref.raster(fig, fmt)
    renderer = fig.canvas.get_renderer()
    terms = list(content["form"].head(12))  # charts label with each term's own spelling in the corpus
    labels = ax.get_yticklabels()
    assert [t.get_text() for t in labels] == [plot.arabic(t) for t in terms]
    results = {}
    for term, label in zip(terms, labels, strict=True):
        results[term] = ref.verdict(ref.crop_artist(gray, label, renderer), term, font)
    results["title"] = ref.verdict(ref.crop_artist(gray, ax.title, renderer), "الكلمات الأكثر تكرارا", font)
    bad = {k: str(v) for k, v in results.items() if not v.ok}
    assert not bad, bad
    assert len(results) == 13


def test_top12_wrong_labels_would_be_caught(content, font) -> None:  # type: ignore[no-untyped-def]
    """The same crops from a chart labelled the wrong way for this matplotlib fail."""
    fig = Figure(figsize=(7, 5.5), dpi=200, layout="constrained")  # tick labels ~28 px high
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    top = content.head(12)
    ax.barh(range(12), top["count"])
    wrong = [plot.visual_order(t) if plot.renderer_shapes() else t for t in top["term"]]
    ax.set_yticks(range(12), wrong, fontfamily="DejaVu Sans")
    fig.canvas.draw()
    gray = ref.raster(fig, "png")
    renderer = fig.canvas.get_renderer()
    failed = sum(
        not ref.verdict(ref.crop_artist(gray, lab, renderer), t, font).ok
        for t, lab in zip(top["term"], ax.get_yticklabels(), strict=True)
    )
    assert failed == 12


def test_labels_show_the_form_not_the_normalized_term() -> None:
    """علي is how على counts; a reader must see على (and إلى, not الي)."""
    freq = pd.DataFrame({"term": ["علي", "الي", "موسكو"], "form": ["على", "إلى", "موسكو"], "count": [9, 7, 5]})
    ax = plot.frequencies(freq, n=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == [plot.arabic(w) for w in ["على", "إلى", "موسكو"]]
    by = freq.assign(source="a")
    ax2 = plot.compare_sources(by, terms=["الي"], value="count", ax=plt.figure().gca())
    assert [t.get_text() for t in ax2.get_yticklabels()] == [plot.arabic("إلى")]
