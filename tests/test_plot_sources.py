"""Charts of the source statistics, on small hand-made frames: what is drawn, where, and named how."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from corpusstats import plot  # noqa: E402


@pytest.fixture(autouse=True)
def _close_and_no_show(monkeypatch):  # type: ignore[no-untyped-def]
    def no_show(*a, **k):  # pragma: no cover - fails the test if reached
        raise AssertionError("a chart function called show()")

    monkeypatch.setattr(plt, "show", no_show)
    yield
    plt.close("all")


USAGE = pd.DataFrame(
    {
        "source": ["a", "a", "b", "b"],
        "label": ["الجزيرة", "الجزيرة", "اليوم السابع", "اليوم السابع"],
        "term": ["الأسد", "بوتين", "الأسد", "بوتين"],
        "count": [3, 1, 0, 2],
        "per_10k": [30.0, 10.0, 0.0, 40.0],
        "tokens": [1000, 1000, 500, 500],
        "docfreq": [1, 1, 0, 1],
    }
)

KEY = pd.DataFrame(
    {
        "term": ["الاسد", "ضربه", "في", "من", "قال"],
        "form": ["الأسد", "ضربة", "في", "من", "قال"],
        "target_count": [16, 3, 10, 5, 1],
        "reference_count": [60, 0, 300, 200, 40],
        "llr": [18.0, 16.0, -2.0, -4.0, -6.0],
        "log_ratio": [1.0, 5.0, -1.0, -1.5, -2.0],
        "perc_diff": [300.0, float("inf"), -50.0, -60.0, -70.0],
        "p_value": [0.001, 0.002, 0.2, 0.05, 0.01],
        "significant": [True, True, False, False, False],
    }
)


def test_term_heatmap_cells_and_labels():
    fig, ax = plt.subplots()
    out = plot.term_heatmap(USAGE, ax=ax)
    assert out is ax
    # groups named by the label column, terms in the frame's order
    assert [t.get_text() for t in ax.get_xticklabels()] == [plot.arabic("الجزيرة"), plot.arabic("اليوم السابع")]
    assert [t.get_text() for t in ax.get_yticklabels()] == [plot.arabic("الأسد"), plot.arabic("بوتين")]
    image = ax.get_images()[0].get_array()
    assert image.tolist() == [[30.0, 0.0], [10.0, 40.0]]
    assert sorted(t.get_text() for t in ax.texts) == ["0.0", "10.0", "30.0", "40.0"]
    assert ax.xaxis_inverted()  # right to left: the first group on the right


def test_term_heatmap_without_label_uses_the_group_and_needs_one():
    fig, ax = plt.subplots()
    plot.term_heatmap(USAGE.drop(columns="label"), value="count", ax=ax, rtl=False)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b"]
    assert sorted(t.get_text() for t in ax.texts) == ["0", "1", "2", "3"]
    with pytest.raises(ValueError, match="group column"):
        plot.term_heatmap(USAGE.drop(columns=["source", "label"]))


def test_keyness_bars_both_sides():
    fig, ax = plt.subplots()
    plot.keyness(KEY, n=2, target="اليوم السابع", reference="البقية", ax=ax)
    widths = [p.get_width() for p in ax.patches]
    # two target bars (right, longest on top) and the two most negative reference bars (left)
    assert widths == [18.0, 16.0, -4.0, -6.0]
    assert [t.get_text() for t in ax.texts] == [plot.arabic(w) for w in ["الأسد", "ضربة", "من", "قال"]]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [plot.arabic("اليوم السابع"), plot.arabic("البقية")]
    fig, ax = plt.subplots()
    plot.keyness(KEY, significant_only=True, ax=ax)
    assert len(ax.patches) == 2


def test_dispersion_ticks_per_occurrence():
    pos = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d1", "d2"],
            "term": ["الأسد", "الأسد", "بوتين", "الأسد"],
            "token": [0, 5, 9, 3],
            "tokens": [10, 10, 10, 4],
            "position": [0.0, 0.5, 0.9, 0.75],
            "source": ["a", "a", "a", "b"],
        }
    )
    fig, ax = plt.subplots()
    plot.dispersion(pos, ax=ax)
    lines = ax.collections
    assert len(lines) == 2  # one collection per term
    xs = [seg[0][0] for seg in lines[0].get_segments()]
    assert xs == [0.0, 0.5, 0.75]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert ax.xaxis_inverted()


def test_spelling_stacked_shares():
    sv = pd.DataFrame(
        {
            "source": ["a", "a", "b", "b"],
            "feature": ["final_ya"] * 4,
            "variant": ["ى", "ي", "ى", "ي"],
            "count": [1, 3, 5, 0],
            "share": [0.25, 0.75, 1.0, 0.0],
            "example": ["على", "في", "فى", ""],
        }
    )
    fig, ax = plt.subplots()
    plot.spelling(sv, ax=ax)
    assert sorted(p.get_width() for p in ax.patches) == [0.25, 0.75, 1.0]  # the empty share draws nothing
    texts = [t.get_text() for t in ax.texts]
    assert plot.arabic(plot.sources.FEATURE_NAMES["final_ya"]) in texts
    with pytest.raises(ValueError, match="no feature"):
        plot.spelling(sv, features=["digits"])
