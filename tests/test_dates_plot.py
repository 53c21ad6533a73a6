"""Charts of date mentions: timeline and month × source heatmap."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from corpusstats.dates import date_mentions, month_source_counts  # noqa: E402
from corpusstats.plot import arabic  # noqa: E402
from corpusstats.plot.dates import month_heatmap, timeline  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def mentions(seeds_corpus):
    return date_mentions(seeds_corpus)


def test_timeline_draws_one_row_per_source(mentions):
    fig, ax = plt.subplots()
    out = timeline(mentions, ax=ax)
    assert out is ax
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == sorted(mentions["source"].unique())
    points = sum(len(line.get_xdata()) for line in ax.get_lines())
    day_level = mentions["value"].str.match(r"^\d{4}-\d\d-\d\d", na=False).sum()
    assert points == day_level
    assert ax.collections  # periods coarser than a day are bars
    assert ax.get_title() == arabic("التواريخ المذكورة")


def test_timeline_uses_current_axes_and_annotates(mentions):
    fig = plt.figure()
    ax = timeline(mentions[mentions["doc_id"].str.startswith("002")], annotate=True, title=None)
    assert ax is plt.gca() and ax.figure is fig
    assert any(t.get_text() == arabic("غداً الأربعاء") for t in ax.texts)


def test_month_heatmap(mentions):
    counts = month_source_counts(mentions, granularity="month")
    fig, ax = plt.subplots()
    month_heatmap(counts, ax=ax)
    image = ax.get_images()[0].get_array()
    grid = counts.pivot_table(index="source", columns="month", values="count", fill_value=0)
    assert image.shape == grid.shape
    assert int(image.sum()) == int(counts["count"].sum())
    assert [t.get_text() for t in ax.get_xticklabels()] == sorted(counts["month"].unique())
    assert {t.get_text() for t in ax.texts} >= {"21", "8"}


def test_month_heatmap_rejects_other_frames():
    with pytest.raises(ValueError, match="month_source_counts"):
        month_heatmap(pd.DataFrame({"x": [1]}))
