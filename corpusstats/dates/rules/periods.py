"""Relative periods, parts of the year, decades and centuries."""

from __future__ import annotations

import datetime as dt

from ..lexicon import (
    _AGE_AFTER,
    _DECADES,
    _NEXT,
    _PART_ORD,
    _PARTS_OF_YEAR,
    _PAST,
    _PERIOD_UNITS,
    _SAME,
    _SAME_UNITS,
    _SEASONS,
    _THIS,
    _WORD_AD,
    _WORD_HIJRI,
    _YAWM,
    _YEAR_KINDS,
    _fset,
    _stems,
)
from ..tense import _stem_in
from ..values import (
    _GRAN,
    _M,
    _add_months,
    _hijri_to_greg,
    _iso_week,
    _season_value,
)


class PeriodRules:
    """Relative periods, parts of the year, decades and centuries."""

    # -- relative and named periods: العام الماضي، الشهر الحالي، عام 2012 ----------

    def m_period(self, i: int) -> list[_M] | None:
        k = i
        mod = None
        mh = self.mod_at(k)
        if mh is not None:
            k, mod = mh
        this = False
        w = self.word(k)
        if w in ("هذا", "هذه") or (w[:1] in "وف" and w[1:] in ("هذا", "هذه")):
            this = True
            k += 1
        if mod is not None and not this:
            # مطلع 2016, أواخر 2015
            y = self.tok(k)
            if y is not None and y.kind == "n" and len(y.t) == 4 and 1900 <= y.num <= 2200:
                nxt = self.tok(k + 1)
                if nxt is None or nxt.kind != "n":
                    return [_M(i, k + 1, "DATE", y.t, "year")]
        if not this and mod is None:
            # في العام نفسه, نفس الشهر, الأسبوع ذاته: the period of the last such date named
            w0 = self.word(k)
            pl0 = next((pl for pl, st in _stems(w0) if st in ("نفس", "ذات")), None)
            if pl0 is not None and self.word(k + 1) in _SAME_UNITS:
                end, unit_s = k + 2, _SAME_UNITS[self.word(k + 1)]
            else:
                pl1 = next((pl for pl, st in _stems(w0) if st in _SAME_UNITS), None)
                if pl1 is not None and self.word(k + 1) in _SAME:
                    end, unit_s = k + 2, _SAME_UNITS[_stem_in(w0, pl1)]
                else:
                    end = None
            if end is not None:
                return [_M(i, end, "DATE", None, _GRAN[unit_s], "gregorian", True, loose=f"same-{unit_s}")]
        pu = self.is_word(k, frozenset(_PERIOD_UNITS), clitics=True)
        if pu is None and mod is None and not this:
            # هالسنة، وهالشهر، بهالأسبوع: colloquial ها + the article, "this"
            w0 = self.word(k)
            for pl0 in (0, 1, 2):
                rest = w0[pl0:]
                if (pl0 == 0 or w0[:pl0] in ("و", "ف", "ب", "وب", "فب", "ل")) and rest.startswith("هال"):
                    unit0 = _PERIOD_UNITS.get(rest[1:])
                    if unit0 is not None:
                        if self.word(k + 1) in _SAME or self.rel_at(k + 1) is not None:
                            return None
                        this, pu = True, None
                        a = self.anchor
                        if a is None:
                            return [_M(i, k + 1, "DATE", None, _GRAN[unit0], "gregorian", True)]
                        val = {"Y": f"{a.year:04d}", "M": f"{a.year:04d}-{a.month:02d}", "W": _iso_week(a)}[unit0]
                        return [_M(i, k + 1, "DATE", val, _GRAN[unit0], "gregorian", True)]
        if pu is None:
            return None
        unit = _PERIOD_UNITS[_stem_in(self.word(k), pu)]
        stem = _stem_in(self.word(k), pu)
        k += 1
        a = self.anchor
        rel = None
        if this:
            if not stem.startswith("ال"):
                return None
            rel = "this"
        else:
            # عام 2012 / العام 2013 / العام الماضي / الشهر المقبل
            if unit == "Y" and stem.startswith("ال") and self.word(k) in ("الجديد", "الجديدة") and a is not None:
                # العام الجديد: the coming year in December, else the current one
                return [_M(i, k + 1, "DATE", f"{a.year + (1 if a.month == 12 else 0):04d}", "year", "gregorian", True)]
            kind_hijri = False
            if unit == "Y" and self.word(k) in _YEAR_KINDS:
                kind_hijri = self.word(k).startswith("الهجري")
                k += 1  # العام المالي 2026, السنة الدراسية المقبلة: the head noun is inside
                if not (self.tok(k) is not None and self.toks[k].kind == "n") and self.rel_at(k) is None:
                    return None
            if unit == "Y":
                y = self.tok(k)
                if y is not None and y.kind == "n" and len(y.t) == 4 and 1000 <= y.num <= 2200:
                    k += 1
                    hj = False
                    if self.is_word(k, _WORD_HIJRI) is not None:
                        hj, k = True, k + 1
                    elif self.is_word(k, _WORD_AD) is not None:
                        k += 1
                    if kind_hijri and 1300 <= y.num <= 1500:
                        hj = True  # العام الهجري 1447
                    if hj:
                        g = _hijri_to_greg(y.num, 6, 15)
                        return [_M(i, k, "DATE", str(g.year) if g else None, "year", "hijri", False)]
                    return [_M(i, k, "DATE", f"{y.num:04d}", "year", "gregorian", False)]
            if not stem.startswith("ال"):
                return None
            rel = self.rel_at(k)
            if rel is None:
                if mod is None or unit not in ("Y", "M", "W"):
                    return None
                rel = "this"  # مطلع العام: the current year; نهاية الأسبوع: this week, mod END
            else:
                k += 1
        if a is None:
            return [_M(i, k, "DATE", None, _GRAN[unit], "gregorian", True)]
        off = {"past": -1, "next": 1, "this": 0}[rel]
        if unit == "Y":
            val = f"{a.year + off:04d}"
        elif unit == "M":
            y, m = _add_months(a.year, a.month, off)
            val = f"{y:04d}-{m:02d}"
        else:
            val = _iso_week(a + dt.timedelta(weeks=off))
        return [_M(i, k, "DATE", val, _GRAN[unit], "gregorian", True)]

    # -- quarters, halves, seasons ------------------------------------------------

    def m_part_of_year(self, i: int) -> list[_M] | None:
        k = i
        w = self.word(k)
        pl = self.is_word(k, frozenset(_PARTS_OF_YEAR), clitics=True)
        season = None
        if pl is not None:
            kind = _PARTS_OF_YEAR[_stem_in(w, pl)]
            ordw = self.word(k + 1)
            if ordw not in _PART_ORD:
                # الربع السابق / الربع المقبل / الربع الحالي: counted from the quarter named
                # just before (see context()), else from the anchor's
                rel = self.rel_at(k + 1)
                if kind != "Q" or rel is None or not _stem_in(w, pl).startswith("ال"):
                    return None
                if self.word(k + 2) in ("من", "في") or self.year_at(k + 2) is not None:
                    return None
                off = {"past": -1, "next": 1, "this": 0}[rel]
                a = self.anchor
                val = None
                if a is not None:
                    q = (a.month - 1) // 3 + 1 + off
                    y, q = a.year + (q - 1) // 4, (q - 1) % 4 + 1
                    val = f"{y:04d}-Q{q}"
                # الربع الحالي is deictic; السابق/المقبل count from a quarter in context
                return [
                    _M(i, k + 2, "DATE", val, "quarter", "gregorian", True, loose=f"quarter{off:+d}" if off else None)
                ]
            idx = _PART_ORD[ordw]
            k += 2
            if self.word(k) in ("من", "في"):
                k += 1
        else:
            # هذا الصيف, فصل الصيف, موسم الشتاء: a season named without a year
            head = None
            if w in ("هذا", "هذه") or (w[:1] in "وف" and w[1:] in ("هذا", "هذه")):
                head = "this"
            elif self.is_word(k, _fset("فصل", "موسم"), clitics=True) is not None:
                head = "head"
            if head is not None:
                k += 1
                w = self.word(k)
            pl = self.is_word(k, frozenset(_SEASONS), clitics=head is None)
            if pl is None:
                return None
            season = _SEASONS[_stem_in(w, pl)]
            k += 1
            if head is not None:
                if not _stem_in(w, pl).startswith("ال"):
                    return None
                yr = self.year_at(k)
                if yr is None or (yr[3] is not None and yr[0] - k == 1):
                    rel = yr[3] if yr is not None else ("this" if head == "this" else None)
                    kend = yr[0] if yr is not None else k
                    if self.anchor is None:
                        return [_M(i, kend, "DATE", None, "season", "gregorian", True)]
                    if rel is None:
                        rel = "next_incl" if self.tense(i) == "next" else None
                    return [_M(i, kend, "DATE", _season_value(self.anchor, season, rel), "season", "gregorian", True)]
        yr = self.year_at(k)
        if (
            yr is None
            and season is None
            and self.word(k - 1) == "من"
            and self.word(k) in ("العام", "السنة")
            and self.word(k + 1) not in _SAME | _YEAR_KINDS
            and not (self.tok(k + 1) is not None and self.toks[k + 1].kind == "n")
        ):
            # الربع الأخير من العام، النصف الأول من السنة: the anchor's year (like مطلع العام)
            yr = (k + 1, 0, None, "this")
        if yr is None:
            return None
        bare_adj = yr[0] - k == 1  # الصيف الماضي vs صيف العام الماضي
        k = yr[0]
        a = self.anchor
        if season is not None and yr[3] is not None and bare_adj and a is not None and _stem_in(w, pl).startswith("ال"):
            # الشتاء المقبل: the next winter after the current season
            return [_M(i, k, "DATE", _season_value(a, season, yr[3]), "season", "gregorian", True)]
        if yr[3] is None:
            year = yr[1]
            relative = False
        else:
            if season is not None and _stem_in(w, pl).startswith("ال") != bare_adj:
                return None
            relative = True
            if a is None:
                return [_M(i, k, "DATE", None, "season" if season else "quarter", "gregorian", True)]
            year = a.year + {"past": -1, "next": 1, "this": 0}[yr[3]]
            if season is not None and yr[3] != "this" and self.word(yr[0] - 2) not in ("العام", "عام", "السنة"):
                # الصيف الماضي: the last summer before the anchor
                year = a.year if yr[3] == "past" and a.month >= 9 else year
        if season is not None:
            return [_M(i, k, "DATE", f"{year:04d}-{season}", "season", "gregorian", relative)]
        n = {"Q": 4, "H": 2, "T": 3}[kind]
        if idx == -1:
            idx = n
        if not 1 <= idx <= n:
            return None
        return [
            _M(
                i,
                k,
                "DATE",
                f"{year:04d}-{kind}{idx}",
                {"Q": "quarter", "H": "half", "T": "trimester"}[kind],
                "gregorian",
                relative,
            )
        ]

    # -- decades and centuries ----------------------------------------------------

    def m_decade(self, i: int) -> list[_M] | None:
        k = i
        mh = self.mod_at(k)
        if mh is not None:
            k = mh[0]
        if self.is_word(k, _fset("عقد"), clitics=True) is not None:
            k += 1
        dec = None
        for _, stem in _stems(self.word(k)):
            if stem.startswith("ال"):
                stem = stem[2:]
            if stem in _DECADES:
                dec = _DECADES[stem]
                break
        cent = None
        if dec is not None:
            k += 1
            if self.word(k) in _AGE_AFTER or (self.word(k) in ("من", "في") and self.word(k + 1) in _AGE_AFTER):
                return None  # في الثلاثينيات من عمرها: an age, not a decade
            c = self.century_at(k + 1 if self.word(k) == "من" else k)
            if c is not None:
                cent, k = c
        else:
            c = self.century_at(k, bare=mh is not None and mh[1] in ("START", "MID", "END"))
            if c is None:
                return None
            cent, k = c
            bare = self.word(k - 1) == "القرن"
            return [_M(i, k, "DATE", f"{cent:02d}", "century", "gregorian", bare or self.word(k - 1) in _PAST | _THIS)]
        relative = cent is None
        if cent is None:
            ay = self.anchor.year if self.anchor else dt.date.today().year
            cent = ay // 100 if dec * 10 <= ay % 100 else ay // 100 - 1
        return [_M(i, k, "DATE", f"{cent:02d}{dec}", "decade", "gregorian", relative)]

    def century_at(self, i: int, bare: bool = False) -> tuple[int, int] | None:
        """القرن الماضي / القرن التاسع عشر / القرن العشرين at i: (TIMEX3 century, next_i).
        With *bare* (after a position word: مطلع القرن، نهاية القرن) the century alone is
        the anchor's (2000–2099 → 20), like مطلع العام is the anchor's year."""
        if self.is_word(i, _fset("القرن"), clitics=True) is None:
            return None
        hit = self.lookup(self.lex.ordinals, i + 1, clitics=False)
        ay = self.anchor.year if self.anchor else dt.date.today().year
        w = self.word(i + 1)
        if w in _PAST:
            return ay // 100 - 1, i + 2  # القرن الماضي: the 1900s, TIMEX3 "19"
        if w in _THIS:
            return ay // 100, i + 2
        if hit is not None:
            n = hit[1]
            k = i + 1 + hit[0]
            if w == "العشرين":
                n, k = 20, i + 2
            if self.word(k) in ("الميلادي",):
                k += 1
            return n - 1, k
        if bare and self.word(i) == "القرن" and w not in _SAME and w not in _NEXT and w not in ("الذي", "الواحد"):
            return ay // 100, i + 1
        return None

    # -- a day of a relative month: 20 الجاري, الخامس عشر من الشهر الماضي ------------

    def m_day_rel_month(self, i: int) -> list[_M] | None:
        k = i
        if self.is_word(k, _YAWM, clitics=True) is not None:
            k += 1
        wd = self.weekday_at(k)
        if wd is not None:
            k = wd[1]
            if self.is_p(k, ",،"):
                k += 1
        day = self.day_at(k)
        if day is None:
            return None
        d, k2 = day
        if self.is_word(k2, _fset("الشهر", "شهر")) is not None and self.rel_at(k2 + 1):
            rel, end = self.rel_at(k2 + 1), k2 + 2
        elif self.word(k2) in ("الجاري", "الحالي"):
            rel, end = "this", k2 + 1
        else:
            return None
        if self.anchor is None:
            return [_M(i, end, "DATE", None, "day", "gregorian", True)]
        y, m = _add_months(self.anchor.year, self.anchor.month, {"past": -1, "next": 1, "this": 0}[rel or "this"])
        val, gran = self.date_value(y, m, d)
        return [_M(i, end, "DATE", val, gran, "gregorian", True)]
