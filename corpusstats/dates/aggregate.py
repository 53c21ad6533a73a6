"""Aggregations of date mentions for charts: the period each value names, counts per month and source.

Pure computations on the mentions DataFrame (plots never compute statistics)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

# ---------------------------------------------------------------------------
# Aggregations for charts (plots never compute statistics)
# ---------------------------------------------------------------------------

_DATE_VALUE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:-([QH])(\d))?(?:-(SP|SU|FA|WI))?(?:-W(\d{2}))?")


def _period_of(value: Any) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day of the period a DATE/TIME value names."""
    if not isinstance(value, str):
        return None
    m = _DATE_VALUE_RE.match(value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = pd.Timestamp(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        s = pd.Timestamp(y, int(m.group(2)), 1)
        return s, s + pd.offsets.MonthEnd(0)
    if m.group(4):
        n = int(m.group(5))
        months = 3 if m.group(4) == "Q" else 6
        s = pd.Timestamp(y, (n - 1) * months + 1, 1)
        return s, s + pd.DateOffset(months=months) - pd.Timedelta(days=1)
    if m.group(6):
        start_m = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m.group(6)]
        s = pd.Timestamp(y, start_m, 1)
        return s, s + pd.DateOffset(months=3) - pd.Timedelta(days=1)
    if m.group(7):
        s = pd.Timestamp(dt.date.fromisocalendar(y, int(m.group(7)), 1))
        return s, s + pd.Timedelta(days=6)
    return pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)


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
