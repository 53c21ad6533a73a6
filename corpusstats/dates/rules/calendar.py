"""Calendar dates: day, month (four systems), year, weekday; pairs and lists."""

from __future__ import annotations

import datetime as dt

from ..lexicon import (
    _LATE_EARLY,
    _LOCAL_PREV_NEG,
    _MODS,
    _MONTH_CTX_PREV,
    _NAME_HEADS,
    _NEXT,
    _PAST,
    _PERIOD_UNITS,
    _PLURAL_REL,
    _SAME,
    _SENT_END,
    _SHAHR,
    _THIS,
    _WD_BAD_PREV,
    _WD_NEG_NEXT,
    _YAWM,
    _fset,
    _Month,
    _stems,
)
from ..values import (
    _M,
    _greg_to_hijri,
    _hijri_to_greg,
    _pick_year,
    _valid,
)


class CalendarRules:
    """Calendar dates: day, month (four systems), year, weekday; pairs and lists."""

    def m_calendar(self, i: int) -> list[_M] | None:
        k = i
        mod = None
        pod = None
        same_year = False
        # modifiers: مطlع / نهاية (شهر) / وقت متأخر من ...
        mh = self.mod_at(k)
        if mh is not None:
            k, mod = mh
        hit = self.lookup(self.lex.parts, k)
        if hit:
            pod, k = hit[1], k + hit[0]
            mod = None if mod is None else mod
        yawm = self.is_word(k, _YAWM, clitics=True)
        if yawm is None and self.word(k) in ("يومي", "ايام", "وايام", "ويومي") and self.weekday_at(k + 1):
            yawm = 0  # يومي الخميس والجمعة: the head noun of a list is inside the first mention
        if yawm is not None:
            k += 1
        wd = self.weekday_at(k)
        if wd is not None:
            k = wd[1]
            # ليلة الثلاثاء الأربعاء / ليل الأربعاء- الخميس
            k_sep = k + 1 if self.is_p(k, "-/") else k
            w2 = self.weekday_at(k_sep)
            if pod and w2 is not None and w2[2] == 0:
                k = w2[1]  # the night between two days: the value is the first day's
        # the day and month
        if wd is not None and self.is_p(k, ",،"):
            kk = k + 1
        else:
            kk = k
        day = self.day_at(kk)
        if day is None and self.word(kk) in ("يومي", "ايام") and self.tok(kk + 1) and self.toks[kk + 1].kind == "n":
            # يومي 16 و17 يونيو, أيام 5 و6 و7 يونيو: the head noun is inside the first member
            d1 = self.day_at(kk + 1)
            if d1 is not None and self.word(d1[1]) == "و":
                day = d1
        first_day = None
        more: list[tuple[int, int]] = []  # middle members of a list: (day, first token)
        if day is not None:
            kd = day[1]
            # range: 20 و22 أكتوبر, 20-22 أكتوبر, من 20 إلى 22 أكتوبر; list: 5 و6 و7 يونيو
            w = self.word(kd)
            if (w == "و" or w in ("الي", "حتي") or self.is_p(kd, "-")) and self.day_at(kd + 1):
                first_day = (day[0], kk, kd)
                day = self.day_at(kd + 1)
                while w == "و" and self.word(day[1]) == "و" and self.adjacent(day[1]) and self.day_at(day[1] + 1):
                    more.append((day[0], kd))
                    kd = day[1]
                    day = self.day_at(kd + 1)
                last_and = kd
                kk_month = day[1]
            else:
                kk_month = kd
            mon = self.month_at(kk_month)
            if mon is None:
                day = None
                first_day = None
        if day is None:
            mon = self.month_at(kk)
        if mon is None and wd is None and (yawm is None or day is not None):
            return None
        if (wd is not None or (yawm is not None and mod is None)) and mon is None and day is None:
            # يوم الجمعة 26/2/2016, الثلاثاء (1/3/2016): one mention with the numeric date's value;
            # likewise the head noun يوم before a bare numeric date (يوم ٢٨.٠٣.٢٠٢١, guidelines §3.2)
            kn = kk + 1 if self.is_p(kk, "(") else kk
            num = self.m_numeric(kn)
            if num and num[0].value and num[0].granularity in ("day", "minute"):
                end = num[0].j + (1 if kn > kk and self.is_p(num[0].j, ")") else 0)
                if pod and num[0].granularity == "day":  # صباح يوم 28/03/2021: a TIME
                    return [_M(i, end, "TIME", f"{num[0].value}T{pod}", "part_of_day", num[0].calendar, False)]
                return [_M(i, end, num[0].type, num[0].value, num[0].granularity, num[0].calendar, False)]
        if mon is None and wd is None:
            return None  # يوم alone: only a numeric date (above) completes it here
        if (
            wd is not None
            and mon is None
            and yawm is None
            and {st for _, st in _stems(self.word(i - 1))} & _WD_BAD_PREV
        ):
            return None  # صلاة الجمعة, حزب الأحد: names, not days
        if wd is not None and mon is None and (yawm is None and pod is None and mod is None):
            # weekday alone: check look-alikes for ambiguous names
            if not self.weekday_ok(i, wd[1], k):
                return None
        if mod is not None and mon is None and pod is None:
            return None
        year = None
        rel = None
        hijri = False
        cal = "gregorian"
        if mon is not None:
            k = mon[0]
            month = mon[1]
            hijri = month.hijri
            k_same = self.same_at(k + 1, _fset("العام", "السنة")) if self.word(k) in ("من", "في") else None
            yr = None if k_same is not None else self.year_at(k, hijri_ctx=hijri)
            if k_same is not None:
                k = k_same  # فيفري من العام نفسه: the year of the last year named (context())
                same_year = True
            if yr is not None:
                k = yr[0]
                if yr[3] is None:
                    year = yr[1]
                    if yr[2]:
                        hijri = True
                    elif yr[2] is False and hijri:
                        return None
                else:
                    rel = yr[3]
            elif k_same is None and self.word(k) in _PLURAL_REL and (first_day is not None or self.pair_before(i)):
                rel = _PLURAL_REL[self.word(k)]  # من 20 نوفمبر إلى 18 ديسمبر المقبلين
                k += 1
            if month.ambiguous and day is None and year is None and rel is None and mod is None:
                prev = self.word(i - 1)
                if not (prev in _MONTH_CTX_PREV or any(prev == p + w for p in ("و", "ف") for w in _MONTH_CTX_PREV)):
                    return None
            if (
                month.hijri
                and day is None
                and year is None
                and rel is None
                and mod is None
                and not (
                    self.holidays  # (the older annotation, scored with holidays=False, skipped these too)
                    and any(self.is_word(x, _SHAHR, clitics=True) is not None for x in range(i, mon[0]))
                )
            ):
                return None  # رمضان alone may be a name; شهر رمضان is the month around the anchor
            if (
                day is None
                and year is None
                and rel is None
                and mod is None
                and wd is None
                and pod is None
                and {st for pl, st in _stems(self.word(i - 1)) if pl <= 2} & _NAME_HEADS
            ):
                return None  # كوبري أكتوبر، شارع يوليو، حرب أكتوبر: a name, not a month
            if hijri:
                cal = "hijri"
        else:
            # weekday with الماضي / المقبل
            r = self.rel_at(k)
            if r in ("past", "next"):
                rel = r
                k += 1
            elif self.word(k) in _PLURAL_REL and self.pair_before(i):
                rel = _PLURAL_REL[self.word(k)]  # (الأربعاء) والخميس المقبلين
                k += 1
            else:
                w2 = self.weekday_at(k)
                if w2 is not None and self.word(k)[: w2[2]] == "و" and self.word(w2[1]) in _PLURAL_REL:
                    rel = _PLURAL_REL[self.word(w2[1])]  # الأربعاء (والخميس المقبلين): both next week
        # time after the date: 20 أكتوبر 2015 الساعة 10:00, 01 مارس 2016 - 10:35
        clock = self.clock_after(k)
        pod_after = None
        if clock is None and mon is None:
            hit = self.lookup(self.lex.parts, k, clitics=False)
            if hit and hit[1] in ("MO", "EV", "MI", "AF") and self.word(k).endswith("ا"):
                pod_after = hit[1]
                k += hit[0]
        if clock is not None:
            k = clock[2]
        # --- value -----------------------------------------------------------
        a = self.anchor
        relative = False
        loose = None
        p_any = pod or pod_after
        val: str | None
        gran: str
        if mon is not None:
            m = mon[1].month
            d = day[0] if day else None
            if hijri:
                if year is None:
                    if a is None:
                        val, gran = None, ("day" if d else "month")
                    else:
                        relative = True
                        ha = _greg_to_hijri(a)
                        if ha is None:
                            return None
                        hy = ha[0]
                        if rel == "past" and (m, d or 0) >= (ha[1], ha[2] if d else 99):
                            hy -= 1
                        elif rel == "next" and (m, d or 99) <= (ha[1], ha[2] if d else 0):
                            hy += 1
                        year = hy
                if year is not None:
                    if d is not None:
                        g = _hijri_to_greg(year, m, d)
                        val, gran = (g.isoformat() if g else None), "day"
                    else:
                        g = _hijri_to_greg(year, m, 15)
                        val, gran = (f"{g.year:04d}-{g.month:02d}" if g else None), "month"
                else:
                    val, gran = None, ("day" if d else "month")
            else:
                if year is None:
                    relative = True
                    if a is not None:
                        # no year and no الماضي/المقبل: the nearest such date, or the next one
                        # when the clause is in the future (تقام الانتخابات في 10 تشرين الأول)
                        r = rel
                        if r is None and wd is None:
                            if any(pl <= 1 and st == "منذ" for pl, st in _stems(self.word(i - 1))):
                                r = "past_incl"  # منذ 3 آب: since, so not after the anchor
                            elif self.tense(i) == "next":
                                r = "next_incl"
                        year = _pick_year(a, m, d, r, wd[0] if wd else None)
                        if rel is None and wd is None:
                            loose = "year"
                val, gran = self.date_value(year, m, d)
                if year is None and rel is not None:
                    val = None  # "نوفمبر المقبل" with no anchor: the month alone would mislead
        else:
            # weekday without a date
            gran = "day"
            if a is None:
                val = None
            else:
                relative = True
                loose = "weekday"
                direction = rel or self.tense(i, k)
                if rel is None and any(pl <= 1 and st == "منذ" for pl, st in _stems(self.word(i - 1))):
                    direction = "past"  # منذ فجر الاثنين: since, so not after the anchor
                if direction == "past" and p_any and self.forecast(i):
                    direction = "next"
                delta = (wd[0] - a.isoweekday()) % 7
                if direction == "next":
                    if rel == "next" and delta == 0:
                        delta = 7
                    target = a + dt.timedelta(days=delta)
                else:
                    back = (a.isoweekday() - wd[0]) % 7
                    if rel == "past" and back == 0:
                        back = 7
                    target = a - dt.timedelta(days=back)
                val = target.isoformat()
        typ = "DATE"
        p = pod or pod_after
        if val is not None and gran == "day":
            if clock is not None:
                val = f"{val}T{clock[0]:02d}:{clock[1]:02d}"
                gran, typ = "minute", "TIME"
            elif p:
                val = f"{val}T{p}"
                gran, typ = "part_of_day", "TIME"
        if same_year and not hijri:
            loose = "same-Y"
        if first_day is None or mon is None:
            return [_M(i, k, typ, val, gran, cal, relative, loose=loose)]
        # a range "20 و22 أكتوبر": two mentions, the first borrowing month and year
        d0, _, kd = first_day
        v0 = None
        if val and gran == "day" and not hijri and _valid(int(val[:4]), int(val[5:7]), d0):
            v0 = f"{val[:8]}{d0:02d}"
        elif val and hijri and year is not None:
            g = _hijri_to_greg(year, mon[1].month, d0)
            v0 = g.isoformat() if g else None
        if more:
            kd = last_and
        second = kd if self.word(kd) == "و" and self.adjacent(kd) else kd + 1
        if not more:
            return [_M(i, kd, "DATE", v0, "day", cal, relative), _M(second, k, typ, val, gran, cal, relative)]
        # a list 5 و6 و7 يونيو: each middle member (with its و) takes the last one's month
        first_end = more[0][1]
        res = [_M(i, first_end, "DATE", v0, "day", cal, relative)]
        ends = [x[1] for x in more[1:]] + [kd]
        for (dm, start), end in zip(more, ends, strict=True):
            vm = None
            if val and gran == "day" and not hijri and _valid(int(val[:4]), int(val[5:7]), dm):
                vm = f"{val[:8]}{dm:02d}"
            res.append(_M(start, end, "DATE", vm, "day", cal, relative))
        res.append(_M(second, k, typ, val, gran, cal, relative))
        return res

    def pair_before(self, i: int) -> bool:
        """Token i is the second member of a pair: glued و, or إلى/حتى/- before it."""
        w = self.word(i)
        if w.startswith("و") and len(w) > 1:
            return True
        for b in range(i - 1, max(i - 8, -1), -1):
            if self.is_p(b, _SENT_END | {",", "،"}):
                return False
            if self.word(b) in ("الي", "حتي", "و") or self.is_p(b, "-"):
                return True
        return False

    def weekday_ok(self, i: int, j: int, k: int) -> bool:
        """Reject الاثنين 'the two' and الأحد 'the One' readings."""
        wd = self.weekday_at(i)
        if wd is None:
            return True
        hit = self.lookup(self.lex.weekdays, i)
        if hit is None or not hit[1][1]:
            return True
        prev, nxt = self.word(i - 1), self.word(j)
        if prev in _LOCAL_PREV_NEG or nxt in _WD_NEG_NEXT:
            return False
        if hit[2] and self.word(i)[: hit[2]] not in ("و", "ف"):  # بالاثنين
            return False
        return True

    # -- calendar dates (weekday, day, month, year) -------------------------

    def month_at(self, i: int) -> tuple[int, _Month, int] | None:
        """Month name at i, with an optional pairing: returns (next_i, month, prefix_len)."""
        k = i
        pl_shahr = self.is_word(k, _SHAHR | _fset("شهري"), clitics=True)
        shahr = pl_shahr is not None
        if shahr:
            k += 1
        hit = self.lookup(self.lex.months, k)
        t = self.tok(k)
        if not hit and shahr and t is not None and t.kind == "n" and len(t.t) <= 2 and 1 <= t.num <= 12:
            nxt = self.tok(k + 1)
            if not (nxt is not None and (nxt.kind == "n" or self.lookup(self.lex.units, k + 1))):
                return k + 1, _Month(t.num, "numeric", False), pl_shahr  # شهر 3 الماضي
        if not hit:
            return None
        n, mo, pl = hit
        if shahr and pl:
            return None
        k += n
        # pairing: أكتوبر - تشرين الأول / سبتمبر/أيلول / حزيران (يونيو) / كانون الثاني/يناير
        paired = False
        sep_k = k
        if self.is_p(sep_k, "-/(،,|"):
            sep_k += 1
        hit2 = self.lookup(self.lex.months, sep_k, clitics=False)
        if hit2 and hit2[1].month == mo.month and hit2[1].hijri == mo.hijri and hit2[1].system != mo.system:
            k = sep_k + hit2[0]
            paired = True
            if self.is_p(k, ")"):
                k += 1
        if mo.ambiguous and not shahr and not paired:
            mo = _Month(mo.month, mo.system, True)
        else:
            mo = _Month(mo.month, mo.system, False)
        return k, mo, (pl_shahr if shahr else pl)

    def day_at(self, i: int) -> tuple[int, int] | None:
        """A day of month at i: '20', 'الـ20', 'الأول من', '20 من'. Returns (day, next_i)."""
        t = self.tok(i)
        if t is None:
            return None
        k = i
        if t.kind == "w" and t.t in ("ال", "يوم") and self.tok(i + 1) is not None and self.toks[i + 1].kind == "n":
            k = i + 1
            t = self.toks[k]
        if t.kind == "n" and len(t.t) <= 2 and 1 <= t.num <= 31:
            if self.adjacent(k) and self.is_p(k + 1, ":./"):
                return None
            k += 1
            if self.word(k) in ("st", "nd", "rd", "th") and self.adjacent(k - 1):
                k += 2 if self.is_p(k + 1, ",") else 1  # 12th, January 2024
            if self.word(k) == "من":
                k += 1
            return t.num, k
        hit = self.lookup(self.lex.ordinals, i)
        prev = self.word(i - 1)
        if hit and prev.startswith("ال") and (prev[2:] in self.lex.units or prev in _PERIOD_UNITS):
            hit = None  # الأسبوع الأول من الشهر, اليوم الثاني من ...: not a day of the month
        if hit and self.word(i + hit[0]) == "من":
            return hit[1], i + hit[0] + 1
        if t.kind == "w" and any(st in ("غرة", "غره", "فاتح") for _, st in _stems(t.t)):
            return 1, i + 1  # غرة رمضان, فاتح يناير (Maghreb): the first day
        return None

    def mod_at(self, i: int) -> tuple[int, str] | None:
        """A position modifier at i: مطلع، نهاية، وقت متأخر من ... -> (next_i, mod)."""
        w = self.word(i)
        for _plen, stem in _stems(w):
            if stem in ("الساعات", "ساعات") and self.word(i + 1) in ("الاولي",) and self.word(i + 2) == "من":
                return i + 3, "START"
            if stem in ("وقت", "ساعة", "ساعات", "الساعات") and self.word(i + 1) in _LATE_EARLY:
                k = i + 2
                if self.word(k) in ("من",):
                    return k + 1, _LATE_EARLY[self.word(i + 1)]
                return None
            if stem in _MODS:
                k = i + 1
                return k, _MODS[stem]
        return None

    def weekday_at(self, i: int) -> tuple[int, int, int] | None:
        hit = self.lookup(self.lex.weekdays, i)
        if not hit:
            return None
        n, (wd, amb), pl = hit
        return wd, i + n, pl

    def same_at(self, i: int, units: frozenset[str]) -> int | None:
        """العام نفسه / السنة ذاتها / نفس الشهر / ذات العام at i (a unit word from *units*):
        the end of the phrase, or None."""
        w = self.word(i)
        if w in units and self.word(i + 1) in _SAME:
            return i + 2
        if w in ("نفس", "ذات") and self.word(i + 1) in units:
            return i + 2
        return None

    def rel_at(self, i: int) -> str | None:
        w = self.word(i)
        if w in _PAST:
            return "past"
        if w in _NEXT:
            return "next"
        if w in _THIS - _fset("هذا", "هذه"):
            return "this"
        return None

    # -- values helpers ------------------------------------------------------

    def date_value(self, y: int | None, m: int | None, d: int | None) -> tuple[str | None, str]:
        if y is None:
            if m is None:
                return None, "day"
            if d is None:
                return f"XXXX-{m:02d}", "month"
            return f"XXXX-{m:02d}-{d:02d}", "day"
        if m is None:
            return f"{y:04d}", "year"
        if d is None:
            return f"{y:04d}-{m:02d}", "month"
        if not _valid(y, m, d):
            return None, "day"
        return f"{y:04d}-{m:02d}-{d:02d}", "day"
