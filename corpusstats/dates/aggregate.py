"""Aggregations of date mentions for charts: the period each value names, counts per month and source.

Pure computations on the mentions DataFrame (plots never compute statistics)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .values import Timex

# ---------------------------------------------------------------------------
# Aggregations for charts (plots never compute statistics)
# ---------------------------------------------------------------------------


def _period_of(value: Any) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day of the period a DATE/TIME value names (see :class:`~.values.Timex`)."""
    t = Timex.parse(value)
    if t is None:
        return None
    first, last = t.period()
    return pd.Timestamp(first), pd.Timestamp(last)


def mention_periods(mentions: pd.DataFrame) -> pd.DataFrame:
    """DATE/TIME mentions with the period they name: adds ``period_start`` and
    ``period_end`` (datetime64) and drops mentions without a calendar value
    (durations, sets, vague references, unresolved values).  Sorted like the
    input."""
    m = mentions[mentions["type"].isin(["DATE", "TIME"])].copy()
    spans = m["value"].map(_period_of)
    m = m[spans.notna()].copy()
    spans = spans[spans.notna()]
    m["period_start"] = pd.to_datetime([s[0] for s in spans]) if len(m) else pd.Series([], dtype="datetime64[ns]")
    m["period_end"] = pd.to_datetime([s[1] for s in spans]) if len(m) else pd.Series([], dtype="datetime64[ns]")
    return m.reset_index(drop=True)


def month_source_counts(mentions: pd.DataFrame, *, granularity: str = "day") -> pd.DataFrame:
    """Count mentioned dates per calendar month and source.

    Only mentions at least as fine as *granularity* allows are counted
    (``"day"``: days and times; ``"month"``: also whole months).  Returns a
    tidy DataFrame with columns ``month`` (``YYYY-MM`` string), ``source``
    and ``count``, sorted by month then source.  Pivot it for a heatmap.
    """
    order = ["minute", "part_of_day", "day", "week", "month"]
    keep = set(order[: order.index(granularity) + 1]) if granularity in order else set(order)
    per = mention_periods(mentions)
    per = per[per["granularity"].isin(keep)]
    if per.empty:
        return pd.DataFrame(
            {
                "month": pd.Series([], dtype=object),
                "source": pd.Series([], dtype=object),
                "count": pd.Series([], dtype="int64"),
            }
        )
    src = per["source"].astype(object).where(per["source"].notna(), "")
    out = (
        pd.DataFrame({"month": per["period_start"].dt.strftime("%Y-%m"), "source": src})
        .groupby(["month", "source"], sort=True)
        .size()
        .rename("count")
        .reset_index()
    )
    out["count"] = out["count"].astype("int64")
    return out.sort_values(["month", "source"], kind="stable").reset_index(drop=True)
