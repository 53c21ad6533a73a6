"""TIMEX3 values: calendar arithmetic (Hijri by Umm al-Qura), the mention record and value formatting."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any


def _hour_in_part(hh: int, pod: str | None) -> int:
    """A 12-hour clock reading in a part of the day, on the 24-hour clock.

    مساءً، عشية، عصراً، بعد الزوال: afternoon and evening (4 → 16); ظهراً: 1-10 → 13-22, but 11
    and 12 stay; ليلاً: 6-11 → 18-23, 12 → 24 (midnight), 1-5 stay (الثانية ليلاً = 02:00);
    الزوال (noon): 1-5 → 13-17."""
    if pod == "EV" and hh < 12:
        return hh + 12
    if pod == "AF" and hh < 11:
        return hh + 12
    if pod == "NI":
        if 6 <= hh < 12:
            return hh + 12
        if hh == 12:
            return 24
        return hh
    if pod == "MI" and hh < 6:
        return hh + 12
    return hh


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


#: The years hijridate's Umm al-Qura tables cover; outside them the tabular calendar is used.
_UMM_AL_QURA_YEARS = range(1343, 1501)


def _hijri_to_greg(y: int, m: int, d: int) -> dt.date | None:
    """Gregorian day of a Hijri date: Umm al-Qura (hijridate) for 1343–1500 AH, else the tabular
    (arithmetic) Islamic calendar, which can be a day or two off the sighted month.

    >>> _hijri_to_greg(1444, 9, 1), _hijri_to_greg(1310, 2, 15)
    (datetime.date(2023, 3, 23), datetime.date(1892, 9, 8))
    """
    if y not in _UMM_AL_QURA_YEARS:
        if not (1 <= m <= 12 and 1 <= d <= 30 and y >= 1):
            return None
        jd = d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948439
        return dt.date.fromordinal(jd - 1721425)  # Julian day → proleptic Gregorian
    try:
        from hijridate import Hijri

        g = Hijri(y, m, d).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except Exception:
        return None


def _greg_to_hijri(d: dt.date) -> tuple[int, int, int] | None:
    try:
        from hijridate import Gregorian

        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except Exception:
        return None


_SEASON_IDX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_value(anchor: dt.date, season: str, rel: str | None) -> str:
    """TIMEX3 season (2025-SU; winter is named by the year of its December) seen from *anchor*.

    rel: 'past' (the last such season before the current one), 'next' (the first after it),
    'this' (the nearest, the current one if it is that season), 'next_incl' (the current
    or the next), None (the nearest)."""
    m = anchor.month
    cur_year = anchor.year - 1 if m <= 2 else anchor.year
    cur = cur_year * 4 + (3 if m in (12, 1, 2) else (m - 3) // 3)
    idx = _SEASON_IDX[season]
    cands = [(cur_year + dy) * 4 + idx for dy in (-1, 0, 1)]
    if rel == "past":
        occ = max(c for c in cands if c < cur)
    elif rel == "next":
        occ = min(c for c in cands if c > cur)
    elif rel == "next_incl":
        occ = min(c for c in cands if c >= cur)
    else:
        occ = min(cands, key=lambda c: (abs(c - cur), c < cur))
    return f"{occ // 4:04d}-{season}"


def _pick_year(anchor: dt.date, m: int, d: int | None, rel: str | None, weekday: int | None = None) -> int:
    """Year for a day/month without one, as seen from *anchor*."""
    cands = [anchor.year - 1, anchor.year, anchor.year + 1]
    dd = d or 15

    def date_of(y: int) -> dt.date:
        return dt.date(y, m, min(dd, calendar.monthrange(y, m)[1]))

    if rel == "past":
        if d is None:
            return anchor.year if m < anchor.month else anchor.year - 1
        return anchor.year if date_of(anchor.year) <= anchor else anchor.year - 1
    if rel == "next":
        if d is None:
            return anchor.year if m > anchor.month else anchor.year + 1
        return anchor.year if date_of(anchor.year) >= anchor else anchor.year + 1
    if rel == "this":
        return anchor.year
    if rel == "past_incl":
        # a past clause with no modifier: this month or earlier (وفي أبريل أطيح بالرئيس, written
        # in December, is this April; منذ 3 آب in March is last August)
        if d is None:
            return anchor.year if m <= anchor.month else anchor.year - 1
        return anchor.year if date_of(anchor.year) <= anchor else anchor.year - 1
    if rel == "next_incl":
        # a future clause with no modifier: this month or later (ينشر مؤشرات شهر جانفي
        # in mid-January is this January, not next year's)
        if d is None:
            return anchor.year if m >= anchor.month else anchor.year + 1
        return anchor.year if date_of(anchor.year) >= anchor else anchor.year + 1
    if weekday is not None and d is not None:
        ok = [y for y in cands if _valid(y, m, d) and dt.date(y, m, d).isoweekday() == weekday]
        if ok:
            return min(ok, key=lambda y: abs((dt.date(y, m, d) - anchor).days))
    if d is None:
        # month alone: the nearest such month, ties to the past
        return min(cands, key=lambda y: (abs((y - anchor.year) * 12 + m - anchor.month), y > anchor.year))
    return min(cands, key=lambda y: (abs((date_of(y) - anchor).days), y > anchor.year))


# ---------------------------------------------------------------------------
# The grammar
# ---------------------------------------------------------------------------


@dataclass
class _M:
    """A mention in token coordinates, before mapping to the original text."""

    i: int  # first token
    j: int  # one past the last token
    type: str
    value: str | None
    granularity: str
    calendar: str = "gregorian"
    relative: bool = False
    #: what the context may still fill in: "day" (a clock time with no day of its own),
    #: "year" (a month or day whose year was guessed), "quarter-1"/"quarter+1"/"quarter0"
    #: (الربع السابق/التالي/الحالي) -- see _Parser.context().
    loose: str | None = None
    #: (hour, minute, part of day given) for clock times
    clock: tuple[int, int, bool] | None = None


_GRAN = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_UNIT_GRAN = {
    "TS": "second",
    "TM": "minute",
    "TH": "hour",
    "D": "day",
    "W": "week",
    "M": "month",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "S": "second",
    "H": "hour",
}


_UNIT_ORDER = {"CE": 0, "DE": 1, "Y": 2, "M": 3, "W": 4, "D": 5, "TH": 6, "TM": 7, "TS": 8}


def _compound_value(parts: dict[str, int]) -> str:
    """ISO 8601 duration from several units: {"TH": 3, "TM": 20} → PT3H20M."""
    parts = dict(parts)
    if "W" in parts and len(parts) > 1:
        parts["D"] = parts.get("D", 0) + 7 * parts.pop("W")
    for big, (to, f) in (("CE", ("Y", 100)), ("DE", ("Y", 10))):
        if big in parts:
            parts[to] = parts.get(to, 0) + f * parts.pop(big)
    date = "".join(f"{parts[u]}{u}" for u in ("Y", "M", "W", "D") if u in parts)
    time = "".join(f"{parts[u]}{u[1]}" for u in ("TH", "TM", "TS") if u in parts)
    return "P" + date + ("T" + time if time else "")


def _duration_value(amount: str, unit: str) -> str:
    if unit.startswith("T"):
        return f"PT{amount}{unit[1]}"
    if unit == "DE":
        return f"P{amount}DE" if amount == "X" else f"P{int(amount) * 10}Y"
    if unit == "CE":
        return f"P{amount}CE" if amount == "X" else f"P{int(amount) * 100}Y"
    return f"P{amount}{unit}"


def _shift(a: dt.date, k: int, unit: str) -> tuple[str, str]:
    """Anchor shifted by k units, at that unit's granularity."""
    if unit == "Y":
        return f"{a.year + k:04d}", "year"
    if unit == "DE":
        return f"{(a.year + 10 * k) // 10:03d}", "decade"
    if unit == "CE":
        return f"{(a.year + 100 * k) // 100:02d}", "century"
    if unit == "M":
        y, m = _add_months(a.year, a.month, k)
        return f"{y:04d}-{m:02d}", "month"
    if unit == "W":
        return _iso_week(a + dt.timedelta(weeks=k)), "week"
    if unit == "D":
        return (a + dt.timedelta(days=k)).isoformat(), "day"
    # hours, minutes: the day is the best we know without a clock time
    return a.isoformat(), "day"


# ---------------------------------------------------------------------------
# A structured TIMEX3 value (one reader, one formatter)
# ---------------------------------------------------------------------------

_TIMEX_RE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?:-(?P<qh>[QH])(?P<n>\d))?"
    r"(?:-(?P<season>SP|SU|FA|WI))?(?:-W(?P<week>\d{2}))?"
    r"(?:T(?:(?P<part>MO|MI|AF|EV|NI)|(?P<hour>\d{2}):(?P<minute>\d{2})))?$"
)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Timex:
    """A calendar TIMEX3 value as fields: ``Timex.parse("2015-10-20T19:45")`` reads one,
    ``str(t)`` writes it (the one formatter), ``t.period()`` gives its first and last day.

    >>> t = Timex.parse("2015-10-20TEV")
    >>> t.day, t.part, str(t)
    (20, 'EV', '2015-10-20TEV')
    >>> str(Timex(2015, 10, 20, hour=19, minute=45)), Timex.parse("2014-Q4").period()
    ('2015-10-20T19:45', (datetime.date(2014, 10, 1), datetime.date(2014, 12, 31)))
    >>> Timex.parse("PAST_REF") is None, Timex.parse("P3D") is None
    (True, True)
    """

    year: int
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    week: int | None = None
    part: str | None = None  # MO MI AF EV NI
    hour: int | None = None
    minute: int | None = None

    @classmethod
    def parse(cls, value: Any) -> Timex | None:
        """The fields of a calendar value; None for durations, sets, vague references, decades."""
        m = _TIMEX_RE.match(value) if isinstance(value, str) else None
        if m is None:
            return None
        g = m.groupdict()

        def num(key: str) -> int | None:
            return int(g[key]) if g[key] else None

        return cls(
            year=int(g["year"]),
            month=num("month"),
            day=num("day"),
            quarter=int(g["n"]) if g["qh"] == "Q" else None,
            half=int(g["n"]) if g["qh"] == "H" else None,
            season=g["season"],
            week=num("week"),
            part=g["part"],
            hour=num("hour"),
            minute=num("minute"),
        )

    @classmethod
    def of_date(cls, d: dt.date, *, hour: int | None = None, minute: int | None = None) -> Timex:
        return cls(d.year, d.month, d.day, hour=hour, minute=minute)

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        if self.quarter is not None:
            out += f"-Q{self.quarter}"
        if self.half is not None:
            out += f"-H{self.half}"
        if self.season is not None:
            out += f"-{self.season}"
        if self.week is not None:
            out += f"-W{self.week:02d}"
        if self.part is not None:
            out += f"T{self.part}"
        elif self.hour is not None:
            out += f"T{self.hour:02d}:{self.minute or 0:02d}"
        return out

    def date(self) -> dt.date | None:
        """The calendar day, when the value names one."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def period(self) -> tuple[dt.date, dt.date]:
        """First and last day of the period the value names (a day for times of day)."""
        y = self.year
        if self.month is not None and self.day is not None:
            d = dt.date(y, self.month, self.day)
            return d, d
        if self.month is not None:
            return dt.date(y, self.month, 1), dt.date(y, self.month, calendar.monthrange(y, self.month)[1])
        if self.quarter is not None or self.half is not None:
            months = 3 if self.quarter is not None else 6
            first = ((self.quarter or self.half or 1) - 1) * months + 1
            last_y, last_m = _add_months(y, first, months - 1)
            return dt.date(y, first, 1), dt.date(last_y, last_m, calendar.monthrange(last_y, last_m)[1])
        if self.season is not None:
            first = _SEASON_START[self.season]
            last_y, last_m = _add_months(y, first, 2)
            return dt.date(y, first, 1), dt.date(last_y, last_m, calendar.monthrange(last_y, last_m)[1])
        if self.week is not None:
            s = dt.date.fromisocalendar(y, self.week, 1)
            return s, s + dt.timedelta(days=6)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
