"""Holidays: عيد الفطر، عيد الأضحى، المولد النبوي، عيد الميلاد."""

from __future__ import annotations

import datetime as dt

from ..lexicon import _holidays
from ..values import _M, _greg_to_hijri, _hijri_to_greg


class HolidayRules:
    """Holidays: عيد الفطر، عيد الأضحى، المولد النبوي، عيد الميلاد."""

    # -- vague references -------------------------------------------------------

    def m_holiday(self, i: int) -> list[_M] | None:
        """عيد الفطر، عيد الأضحى، رأس السنة الهجرية، المولد النبوي، عيد الميلاد: the day it falls on,
        in the year written right after it (عيد الفطر 2025، عيد الفطر 1446 هـ), else the
        occurrence nearest the anchor (Hijri days by Umm al-Qura)."""
        if not self.holidays:
            return None
        hit = self.lookup(_holidays(), i)
        if hit is None:
            return None
        n, (cal, month, day), plen = hit
        if plen and self.word(i)[:plen] not in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك"):
            return None
        k = i + n
        year = None
        yr = self.year_at(k, hijri_ctx=cal == "hijri")
        if yr is not None and yr[3] is None:
            k, year = yr[0], yr[1]
            yr_hijri = bool(yr[2]) or (cal == "hijri" and year < 1600)
        a = self.anchor
        value = None
        if cal == "gregorian":
            if year is not None:
                value = dt.date(year, month, day)
            elif a is not None:
                cands = [dt.date(a.year + dy, month, day) for dy in (-1, 0, 1)]
                value = min(cands, key=lambda d: (abs((d - a).days), d < a))
        else:
            cands = []
            if year is not None:
                if yr_hijri:
                    cands = [_hijri_to_greg(year, month, day)]
                else:  # عيد الفطر 2025: the one in that Gregorian year
                    cands = [g for hy in range(year - 580, year - 577) for g in [_hijri_to_greg(hy, month, day)] if g]
                    cands = [g for g in cands if g.year == year]
            elif a is not None:
                ha = _greg_to_hijri(a)
                if ha is not None:
                    cands = [_hijri_to_greg(ha[0] + dy, month, day) for dy in (-1, 0, 1)]
            cands = [c for c in cands if c is not None]
            if cands:
                ref = a or cands[0]
                value = min(cands, key=lambda d: (abs((d - ref).days), d < ref))
        val = value.isoformat() if value is not None else None
        return [_M(i, k, "DATE", val, "day", cal, year is None)]
