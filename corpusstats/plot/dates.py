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

from typing import TYPE_CHECKING

import pandas as pd

from ._charts import _check_columns, _get_ax, _labeler
from ._fonts import font_family

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["timeline", "month_heatmap"]

_TYPE_MARKERS = {"DATE": "o", "TIME": "D"}


def timeline(
    mentions: pd.DataFrame,
    *,
    ax: Axes | None = None,
    by: str = "source",
    title: str | None = "التواريخ المذكورة",
    annotate: bool = False,
) -> Axes:
    """Mentioned dates on a time axis, one row per source (or ``by`` column).

    Days and times are drawn as points; weeks, months, quarters and years as
    horizontal bars spanning the period.  Durations, sets and unresolved values
    are left out.  With ``annotate=True`` each point is labelled with the
    mention's text.
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
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    colours = plt.rcParams["axes.prop_cycle"].by_key().get("color", ["C0"])
    for name in names:
        sub = per[groups == name]
        y = rows[name]
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
        spans = sub[~point]
        for _, r in spans.iterrows():
            start = mdates.date2num(r["period_start"])
            width = mdates.date2num(r["period_end"] + pd.Timedelta(days=1)) - start
            ax.broken_barh([(start, width)], (y - 0.15, 0.3), facecolors=colour, alpha=0.25)
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels([lab(n) for n in names], fontfamily=fam)
    ax.set_ylim(-0.6, len(names) - 0.4)
    ax.xaxis_date()
    ax.set_xlabel(lab("التاريخ"), fontfamily=fam)
    if title:
        ax.set_title(lab(title), fontfamily=fam)
    ax.grid(axis="x", alpha=0.3)
    return ax


def month_heatmap(
    counts: pd.DataFrame,
    *,
    ax: Axes | None = None,
    cmap: str = "YlOrRd",
    title: str | None = "الأشهر المذكورة حسب المصدر",
    annotate: bool = True,
    colorbar: bool = True,
) -> Axes:
    """Heatmap of :func:`corpusstats.dates.month_source_counts`: months across, sources down."""
    _check_columns(counts, ("month", "source", "count"), "month_heatmap (pass dates.month_source_counts(...))")
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fam = font_family()
    grid = counts.pivot_table(index="source", columns="month", values="count", aggfunc="sum", fill_value=0)
    grid = grid.sort_index(axis=0).sort_index(axis=1)
    data = grid.to_numpy()
    im = ax.imshow(data if data.size else [[0]], aspect="auto", cmap=cmap, interpolation="nearest")
    ax.set_xticks(range(grid.shape[1]))
    ax.set_xticklabels([str(c) for c in grid.columns], rotation=90)
    ax.set_yticks(range(grid.shape[0]))
    ax.set_yticklabels([lab(s) for s in grid.index], fontfamily=fam)
    if annotate and data.size:
        hi = data.max() or 1
        for r in range(data.shape[0]):
            for c in range(data.shape[1]):
                if data[r, c]:
                    ax.text(
                        c,
                        r,
                        str(int(data[r, c])),
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if data[r, c] > hi * 0.6 else "black",
                    )
    if colorbar and data.size:
        cb = ax.figure.colorbar(im, ax=ax)
        cb.set_label(lab("عدد الإشارات"), fontfamily=fam)
    if title:
        ax.set_title(lab(title), fontfamily=fam)
    return ax
