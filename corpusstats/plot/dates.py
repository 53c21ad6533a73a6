"""Charts of date mentions: a timeline and a month × source heatmap.

Both take DataFrames computed in :mod:`corpusstats.dates` (plots never compute
statistics): :func:`timeline` takes the output of
:func:`corpusstats.dates.date_mentions`, :func:`month_heatmap` the output of
:func:`corpusstats.dates.month_source_counts`.  Each draws on ``ax`` (or the
current Axes) and returns it; neither calls ``show()``.  Every Arabic label
goes through :func:`corpusstats.plot.arabic`.

>>> from corpusstats import load_corpus, dates                 # doctest: +SKIP
>>> m = dates.date_mentions(load_corpus("seeds"))              # doctest: +SKIP
>>> timeline(m)                                                # doctest: +SKIP
>>> month_heatmap(dates.month_source_counts(m))                # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ._charts import _check_columns, _get_ax, _labeler
from ._fonts import font_family

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["timeline", "month_heatmap", "densest_period", "month_columns"]

_TYPE_MARKERS = {"DATE": "o", "TIME": "D"}
#: legend labels (Arabic, English in the comment)
_LEGEND = {
    "DATE": "يوم",  # a day
    "TIME": "وقت من يوم",  # a time of day (evening, night, 20:06)
    "span": "أسبوع أو شهر أو سنة",  # a week, month or year: a bar over the period
}
#: the inset is drawn only when the densest period is at most this share of the whole time axis
_ZOOM_MAX_SHARE = 0.1
#: candidate places for the inset (x0, y0) in axes fractions, best first when equally empty
_INSET_SIZE = (0.42, 0.46)
_INSET_SPOTS = [(x / 100, y) for y in (0.5, 0.04) for x in range(56, 1, -6)]


def densest_period(
    mentions: pd.DataFrame, *, days: int = 92, min_points: int = 5
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The stretch of at most ``days`` days holding the most day- or time-level
    mentions (first and last of them), or None when fewer than ``min_points`` fall
    in any such stretch.  Ties go to the earlier stretch.

    Takes :func:`corpusstats.dates.mention_periods` output (or anything with
    ``period_start``/``period_end``).
    """
    pts = mentions.loc[mentions["period_start"] == mentions["period_end"], "period_start"]
    days_ = pd.Series(sorted(pd.to_datetime(pts).dropna()))
    if len(days_) < min_points:
        return None
    best = (0, 0, 0)  # count, i, j
    j = 0
    for i in range(len(days_)):
        while j + 1 < len(days_) and days_[j + 1] - days_[i] <= pd.Timedelta(days=days):
            j += 1
        if j - i + 1 > best[0]:
            best = (j - i + 1, i, j)
    n, i, j = best
    return (days_[i], days_[j]) if n >= min_points else None


def _draw_marks(ax: Axes, per: pd.DataFrame, groups: pd.Series, rows: dict, colours: list, lab, annotate: bool) -> None:
    import matplotlib.dates as mdates

    fam = font_family()
    for name, y in rows.items():
        sub = per[groups == name]
        colour = colours[y % len(colours)]
        point = sub["period_start"] == sub["period_end"]
        for kind, marker in _TYPE_MARKERS.items():
            pts = sub[point & (sub["type"] == kind)]
            if len(pts):
                ax.plot(pts["period_start"], [y] * len(pts), linestyle="none", marker=marker, color=colour, alpha=0.8)
                if annotate:
                    for _, r in pts.iterrows():
                        ax.annotate(
                            lab(r["text"]),
                            (r["period_start"], y),
                            xytext=(0, 6),
                            textcoords="offset points",
                            fontsize=7,
                            ha="center",
                            fontfamily=fam,
                        )
        for _, r in sub[~point].iterrows():
            start = mdates.date2num(r["period_start"])
            width = mdates.date2num(r["period_end"] + pd.Timedelta(days=1)) - start
            ax.broken_barh([(start, width)], (y - 0.15, 0.3), facecolors=colour, alpha=0.25)


def _marks_in(ax: Axes, spot: tuple[float, float], size: tuple[float, float]) -> int:
    """How many drawn marks (points, bar ends and middles) fall in a rectangle of axes fractions."""
    to_axes = ax.transData + ax.transAxes.inverted()
    (x0, y0), (w, h) = spot, size
    n = 0
    xy: list[Any] = []
    for line in ax.get_lines():
        xy.extend(zip(ax.convert_xunits(line.get_xdata()), line.get_ydata(), strict=True))
    for coll in ax.collections:
        for path in coll.get_paths():
            v = path.vertices
            if len(v):
                xy.extend([(v[:, 0].min(), v[:, 1].mean()), (v[:, 0].max(), v[:, 1].mean()), tuple(v.mean(axis=0))])
    for px, py in xy:
        fx, fy = to_axes.transform((float(px), float(py)))
        n += (x0 - 0.02 <= fx <= x0 + w + 0.02) and (y0 - 0.04 <= fy <= y0 + h + 0.04)
    return n


def timeline(
    mentions: pd.DataFrame,
    *,
    ax: Axes | None = None,
    by: str = "source",
    title: str | None = "التواريخ المذكورة",
    annotate: bool = False,
    legend: bool = True,
    zoom: bool | tuple[Any, Any] = True,
) -> Axes:
    """Mentioned dates on a time axis, one row per source (or ``by`` column).

    Days (``o``) and times of day (``◆``) are points; weeks, months, quarters
    and years are translucent bars over the period, darker where several
    overlap.  Durations, sets and unresolved values are left out.

    - ``legend``: a key for the three kinds of mark, below the axis.
    - ``zoom``: news mentions crowd around the publication dates, so the
      densest stretch (:func:`densest_period`, at most three months) is drawn
      again, enlarged, in an inset placed where the main chart is emptiest, with
      lines to the stretch it enlarges.  Only when that stretch is under a
      tenth of the time axis.  Pass ``(start, end)`` to choose the stretch,
      ``False`` for none.  The inset is ``ax.child_axes[0]``.
    - ``annotate=True`` labels each point with the mention's text.
    """
    from corpusstats.dates import mention_periods

    ax = _get_ax(ax)
    lab = _labeler(ax)
    fam = font_family()
    per = mention_periods(mentions)
    if by not in per.columns:
        raise ValueError(f"timeline(): no column {by!r} in the mentions")
    groups = per[by].astype(object).where(per[by].notna(), "—")
    names = sorted(groups.unique(), key=str)
    rows = {name: i for i, name in enumerate(names)}
    import matplotlib.pyplot as plt

    colours = plt.rcParams["axes.prop_cycle"].by_key().get("color", ["C0"])
    _draw_marks(ax, per, groups, rows, colours, lab, annotate)
    labels = [lab(str(n)) for n in names]
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(labels, fontfamily=font_family(" ".join(map(str, names))))
    ax.set_ylim(-0.6, len(names) - 0.4)
    ax.xaxis_date()
    ax.set_xlabel(lab("التاريخ"), fontfamily=fam)
    if title:
        ax.set_title(lab(title), fontfamily=fam)
    ax.grid(axis="x", alpha=0.3)
    if legend and len(per):
        _legend(ax, per, lab)
    if zoom is not False and len(per):
        _zoom(ax, per, groups, rows, colours, lab, zoom)
    return ax


def _legend(ax: Axes, per: pd.DataFrame, lab) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = []
    point = per["period_start"] == per["period_end"]
    for kind, marker in _TYPE_MARKERS.items():
        if (point & (per["type"] == kind)).any():
            handles.append(Line2D([], [], linestyle="none", marker=marker, color="0.35", label=lab(_LEGEND[kind])))
    if (~point).any():
        handles.append(Patch(facecolor="0.35", alpha=0.25, label=lab(_LEGEND["span"])))
    from matplotlib.font_manager import FontProperties

    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncol=len(handles),
        frameon=False,
        prop=FontProperties(family=font_family(), size="small"),
    )


def _zoom(ax: Axes, per, groups, rows, colours, lab, zoom) -> None:  # type: ignore[no-untyped-def]
    import matplotlib.dates as mdates

    if zoom is True:
        found = densest_period(per)
        if found is None:
            return
        start, end = found
    else:
        start, end = (pd.Timestamp(t) for t in zoom)
    pad = max(pd.Timedelta(days=3), (end - start) * 0.06)
    lo, hi = mdates.date2num(start - pad), mdates.date2num(end + pad)
    x0, x1 = ax.get_xlim()
    if zoom is True and (hi - lo) > _ZOOM_MAX_SHARE * (x1 - x0):
        return
    spot = min(_INSET_SPOTS, key=lambda s: _marks_in(ax, s, _INSET_SIZE))
    ins = ax.inset_axes([*spot, *_INSET_SIZE])
    _draw_marks(ins, per, groups, rows, colours, lab, annotate=False)
    ins.set_xlim(lo, hi)
    ins.set_ylim(ax.get_ylim())
    ins.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=3, maxticks=6)
    ins.xaxis.set_major_locator(locator)
    # month names on the ticks, the year once beside them ("2015", not "2015-Dec")
    formatter = mdates.ConciseDateFormatter(locator, offset_formats=["", "%Y", "%Y", "%Y", "%Y", "%Y"])
    ins.xaxis.set_major_formatter(formatter)
    ins.xaxis.get_offset_text().set_fontsize(7)
    ins.tick_params(labelsize=7)
    ins.set_yticks(range(len(rows)))
    ins.set_yticklabels([lab(str(n)) for n in rows], fontsize=7, fontfamily=font_family(" ".join(map(str, rows))))
    ins.grid(axis="x", alpha=0.3)
    ins.set_facecolor("white")
    ax.indicate_inset_zoom(ins, edgecolor="0.4")


def month_columns(months, *, max_gap: int = 2) -> list[str]:  # type: ignore[no-untyped-def]
    """Heatmap columns for a set of ``YYYY-MM`` months, placed in time.

    Every month from the first to the last is a column, so equal steps are equal
    time; a run of more than ``max_gap`` months with no mention becomes one gap
    column, written ``"…N"`` (N months left out), instead of dozens of empty ones.

    >>> month_columns(["2015-09", "2015-12", "2019-08"])
    ['2015-09', '2015-10', '2015-11', '2015-12', '…43', '2019-08']
    """
    periods = sorted({pd.Period(str(m), freq="M") for m in months})
    cols: list[str] = []
    for k, p in enumerate(periods):
        if k:
            missing = (p - periods[k - 1]).n - 1
            if missing > max_gap:
                cols.append(f"…{missing}")
            else:
                cols.extend(str(periods[k - 1] + d) for d in range(1, missing + 1))
        cols.append(str(p))
    return cols


def _gap_label(col: str) -> str:
    n = int(col[1:])
    # Arabic plural: 3-10 أشهر, 11+ شهرا (without tanween, as news headlines write it: matplotlib < 3.11
    # places a tanween over a final alef loosely)
    return f"{n} أشهر" if n <= 10 else f"{n} شهرا"


def month_heatmap(
    counts: pd.DataFrame,
    *,
    ax: Axes | None = None,
    cmap: str = "YlOrRd",
    title: str | None = "إشارات التواريخ في كل شهر حسب المصدر",
    annotate: bool = True,
    colorbar: bool = True,
    max_gap: int = 2,
) -> Axes:
    """Heatmap of :func:`corpusstats.dates.month_source_counts`: months across, sources down.

    Months are placed in time (:func:`month_columns`): the empty months between two
    mentioned ones are columns too, and a longer empty stretch is one hatched gap
    column labelled with the number of months left out.  The colour bar has whole-number
    ticks (the cells count mentions).  What a cell counts depends on the ``granularity``
    the counts were made with (``"day"``: mentions of a day or time in that month;
    ``"month"``: also mentions of the whole month).
    """
    _check_columns(counts, ("month", "source", "count"), "month_heatmap (pass dates.month_source_counts(...))")
    import numpy as np
    from matplotlib.patches import Rectangle
    from matplotlib.ticker import MaxNLocator

    ax = _get_ax(ax)
    lab = _labeler(ax)
    fam = font_family()
    grid = counts.pivot_table(index="source", columns="month", values="count", aggfunc="sum", fill_value=0)
    grid = grid.sort_index(axis=0)
    cols = month_columns(grid.columns, max_gap=max_gap)
    grid = grid.reindex(columns=[c for c in cols if not c.startswith("…")], fill_value=0)
    data = np.ma.masked_all((grid.shape[0], len(cols)))
    for c, col in enumerate(cols):
        if not col.startswith("…"):
            data[:, c] = grid[col].to_numpy()
    import matplotlib

    colormap = matplotlib.colormaps[cmap].with_extremes(bad=(0, 0, 0, 0))  # gap columns: the hatched patch shows
    vmax = max(1, int(data.max())) if data.count() else 1
    im = ax.imshow(
        data if data.size else np.zeros((1, 1)),
        aspect="auto",
        cmap=colormap,
        interpolation="nearest",
        vmin=0,
        vmax=vmax,
    )
    for c, col in enumerate(cols):
        if col.startswith("…"):
            ax.add_patch(
                Rectangle((c - 0.5, -0.5), 1, grid.shape[0], facecolor="0.93", edgecolor="0.75", hatch="///", lw=0)
            )
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels([lab(_gap_label(c)) if c.startswith("…") else c for c in cols], rotation=90, fontfamily=fam)
    ax.set_yticks(range(grid.shape[0]))
    ax.set_yticklabels([lab(str(s)) for s in grid.index], fontfamily=font_family(" ".join(map(str, grid.index))))
    if annotate and data.count():
        for r in range(data.shape[0]):
            for c in range(data.shape[1]):
                v = data[r, c]
                if v is not np.ma.masked and v:
                    ax.text(
                        c,
                        r,
                        str(int(v)),
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if v > vmax * 0.6 else "black",
                    )
    if colorbar and data.count():
        cb = ax.figure.colorbar(im, ax=ax, ticks=MaxNLocator(integer=True, nbins=min(vmax, 6)))
        cb.set_label(lab("عدد الإشارات"), fontfamily=fam)
    if title:
        ax.set_title(lab(title), fontfamily=fam)
    return ax
