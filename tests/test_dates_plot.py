"""Charts of date mentions: timeline and month × source heatmap.

Expected numbers come from the mentions' TIMEX3 values read directly (a value's first
seven characters are its month), not from the counting helpers the charts are fed with.
"""

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from corpusstats.dates import date_mentions, month_source_counts  # noqa: E402
from corpusstats.plot import arabic  # noqa: E402
from corpusstats.plot.dates import densest_period, month_columns, month_heatmap, timeline  # noqa: E402

#: a value naming a calendar day, a time on a day, or a month (not a week, season, year, duration)
DAY_OR_TIME = re.compile(r"^\d{4}-\d\d-\d\d(T.*)?$")
MONTH = re.compile(r"^\d{4}-\d\d$")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def mentions(seeds_corpus):
    return date_mentions(seeds_corpus)


def _hand_cells(mentions, with_months: bool) -> dict[tuple[str, str], int]:
    """(source, YYYY-MM) -> number of mentions, read off the values themselves."""
    keep = mentions["value"].fillna("").map(lambda v: bool(DAY_OR_TIME.match(v) or (with_months and MONTH.match(v))))
    sub = mentions[keep & mentions["type"].isin(["DATE", "TIME"])]
    return sub.groupby([sub["source"], sub["value"].str[:7]]).size().to_dict()


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


def test_timeline_legend_names_the_three_marks(mentions):
    fig, ax = plt.subplots()
    timeline(mentions, ax=ax)
    legend = ax.get_legend()
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    assert texts == [arabic("يوم"), arabic("وقت من يوم"), arabic("أسبوع أو شهر أو سنة")]
    markers = [getattr(h, "get_marker", lambda: None)() for h in legend.legend_handles]
    assert markers[:2] == ["o", "D"]  # the markers the chart draws days and times with
    kinds = {line.get_marker() for line in ax.get_lines()}
    assert kinds == {"o", "D"}


def test_timeline_zooms_on_the_dense_weeks(mentions):
    fig, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    timeline(mentions, ax=ax)
    assert len(ax.child_axes) == 1, "expected one inset"
    ins = ax.child_axes[0]
    lo, hi = (matplotlib.dates.num2date(x).replace(tzinfo=None) for x in ins.get_xlim())
    # hand count: 2015-09-30 .. 2015-12-15 holds every day/time mention of the 2015 articles
    # (30 September, 20-22 October, 31 October, 13 November, 8-15 December): 76 days
    days = pd.to_datetime(mentions["value"].str.extract(r"^(\d{4}-\d\d-\d\d)")[0].dropna())
    in_2015 = days[days.dt.year == 2015]
    assert lo < in_2015.min() and hi > in_2015.max()
    assert (hi - lo).days < 100
    inset_points = sum(
        ((lo <= pd.to_datetime(line.get_xdata())) & (pd.to_datetime(line.get_xdata()) <= hi)).sum()
        for line in ins.get_lines()
    )
    assert inset_points == len(in_2015)
    # the inset sits where the main chart has no marks: none of the points lies under it
    fig.canvas.draw()
    box = ins.get_window_extent()
    for line in ax.get_lines():
        for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True):
            px, py = ax.transData.transform((matplotlib.dates.date2num(x), y))
            assert not (box.x0 <= px <= box.x1 and box.y0 <= py <= box.y1), (x, y)


def test_densest_period_and_no_zoom():
    per = pd.DataFrame({"period_start": pd.to_datetime(["2020-01-01", "2020-01-03", "2020-01-05", "2021-06-01"])})
    per["period_end"] = per["period_start"]
    assert densest_period(per, min_points=3) == (pd.Timestamp("2020-01-01"), pd.Timestamp("2020-01-05"))
    assert densest_period(per, min_points=4) is None


def test_timeline_uses_current_axes_and_annotates(mentions):
    fig = plt.figure()
    ax = timeline(mentions[mentions["doc_id"].str.startswith("002")], annotate=True, title=None)
    assert ax is plt.gca() and ax.figure is fig
    assert any(t.get_text() == arabic("غداً الأربعاء") for t in ax.texts)


def test_month_columns_are_placed_in_time():
    # 2015-09 -> 2015-12: two empty months in between are columns; 2015-12 -> 2019-08 leaves out
    # 2016-01 .. 2019-07, i.e. 12 + 12 + 12 + 7 = 43 months, as one gap column
    assert month_columns(["2015-12", "2015-09", "2019-08"]) == [
        "2015-09",
        "2015-10",
        "2015-11",
        "2015-12",
        "…43",
        "2019-08",
    ]
    assert month_columns(["2015-09", "2015-12"], max_gap=1) == ["2015-09", "…2", "2015-12"]


@pytest.mark.parametrize("granularity", ["day", "month"])
def test_month_heatmap(mentions, granularity):
    counts = month_source_counts(mentions, granularity=granularity)
    fig, ax = plt.subplots()
    month_heatmap(counts, ax=ax)
    hand = _hand_cells(mentions, with_months=granularity == "month")
    image = ax.get_images()[0].get_array()
    assert int(image.sum()) == sum(hand.values())
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    months = sorted({m for _, m in hand})
    assert [t for t in ticks if re.fullmatch(r"\d{4}-\d\d", t)] == [
        str(p) for p in pd.period_range(months[0], months[-1], freq="M") if str(p) in ticks
    ]
    assert set(months) <= set(ticks)
    # every cell's number is the hand count of its source and month
    sources = [t.get_text() for t in ax.get_yticklabels()]
    shown = {
        (sources[round(t.get_position()[1])], ticks[round(t.get_position()[0])]): int(t.get_text()) for t in ax.texts
    }
    assert shown == hand
    # colour-bar ticks are whole numbers
    cbar_ax = fig.axes[-1]
    values = [v for v in cbar_ax.get_yticks() if cbar_ax.get_ylim()[0] <= v <= cbar_ax.get_ylim()[1]]
    assert values and all(float(v).is_integer() for v in values)


def test_month_heatmap_seed_cells_by_hand(mentions):
    """Two cells counted by hand in the seed articles: youm7 in 2015-10 names 8 days or times
    (مساء الثلاثاء, اليوم الأربعاء ×2, الأربعاء, أمس الثلاثاء ×2, غدا, غد الخميس); the digest in
    2015-12 names 19 days or times (الجمعة ×4 and يوم الجمعة, الثلاثاء ×5, الخميس ×3, الاثنين, الاحد,
    السبت, يوم الاربعاء الماضي, الاربعاء, ليل الأربعاء- الخميس) plus 2 whole months (هذا الشهر,
    مطلع الشهر الحالي): 21 with months."""
    counts = month_source_counts(mentions, granularity="month")
    fig, ax = plt.subplots()
    month_heatmap(counts, ax=ax)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    sources = [t.get_text() for t in ax.get_yticklabels()]
    cell = {(sources[round(t.get_position()[1])], ticks[round(t.get_position()[0])]): t.get_text() for t in ax.texts}
    assert cell[("youm7", "2015-10")] == "8"
    assert cell[("digest", "2015-12")] == "21"


def test_month_heatmap_rejects_other_frames():
    with pytest.raises(ValueError, match="month_source_counts"):
        month_heatmap(pd.DataFrame({"x": [1]}))
