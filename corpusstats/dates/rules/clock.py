"""Clock times: الساعة 8 مساء، 14:30، 7:20 م، الثامنة إلا ربعاً."""

from __future__ import annotations

import re

from ..lexicon import (
    _APPROX,
    _HALF_DAY,
    _HOUR_FRAC,
    _HOUR_ORD,
    _HOUR_PARTS,
    _HOUR_PREV,
    _SENT_END,
    _fset,
    _stems,
)
from ..values import _M, _hour_in_part


class ClockRules:
    """Clock times: الساعة 8 مساء، 14:30، 7:20 م، الثامنة إلا ربعاً."""

    def clock_at(self, i: int) -> tuple[int, int, int] | None:
        """HH:MM at token i (optionally after الساعة). Returns (hh, mm, next_i)."""
        k = i
        bracket = False
        if self.is_word(k, _fset("الساعة"), clitics=True) is not None:
            k += 1
            if self.is_p(k, "("):
                k, bracket = k + 1, True  # الساعة (16:00)
        t = self.tok(k)
        if t is None or t.kind != "n" or len(t.t) > 2:
            return None
        if self.adjacent(k) and self.is_p(k + 1, ":") and self.adjacent(k + 1):
            u = self.tok(k + 2)
            if u is not None and u.kind == "n" and len(u.t) == 2 and t.num <= 24 and u.num < 60:
                hh, mm, k = t.num, u.num, k + 3
                if (
                    self.adjacent(k - 1)
                    and self.is_p(k, ":")
                    and self.tok(k + 1) is not None
                    and self.toks[k + 1].kind == "n"
                ):
                    k += 2  # seconds
                if bracket:
                    if not self.is_p(k, ")"):
                        return None
                    k += 1
                half = self.word(k)
                if half in _HALF_DAY and hh <= 12:
                    # 7:20 م، 09:15 ص، 09:15 PM: the half of the day after a clock time
                    hh = (hh % 12) + (12 if _HALF_DAY[half] == "PM" else 0)
                    k += 1
                return hh, mm, k
        return None

    def clock_after(self, k: int) -> tuple[int, int, int] | None:
        """A clock time right after a date, possibly behind - or a comma."""
        c = self.clock_at(k)
        if c is None and self.is_p(k, "-|،,"):
            c = self.clock_at(k + 1)
        return c

    # -- time of day -----------------------------------------------------------

    def m_time(self, i: int) -> list[_M] | None:
        k = i
        if self.is_word(k, _APPROX, clitics=True) is not None and (
            self.is_word(k + 1, _fset("الساعة"), clitics=True) is not None or self.clock_at(k + 1)
        ):
            k += 1
        hh = mm = None
        pl = self.is_word(k, _fset("الساعة"), clitics=True)
        clock = self.clock_at(k)
        bare_hour = False
        if clock is not None:
            hh, mm, k = clock
        elif pl is None:
            # an hour word without الساعة: في السادسة مساء أمس, من التاسعة صباحاً حتى السابعة مساءً
            hit = self.lookup(_HOUR_ORD, k)
            if not hit or self.word(k)[: hit[2]] not in ("", "و"):
                return None
            if hit[2]:
                # والسابعة: only after another hour (بين السادسة والسابعة مساءً)
                if not (self.lookup(_HOUR_ORD, k - 1, clitics=False) or self.lookup(self.lex.parts, k - 1)):
                    return None
            elif not {st for _, st in _stems(self.word(k - 1))} & _HOUR_PREV:
                return None
            hh, mm, k = hit[1], 0, k + hit[0]
            bare_hour = True
            mins = self.minutes_after(k)
            if mins is not None:
                hh, mm, k = hh + mins[0], mins[1], mins[2]
        elif pl is not None:
            k += 1
            t = self.tok(k)
            if t is not None and t.kind == "n" and len(t.t) <= 2 and t.num <= 24:
                hh, mm, k = t.num, 0, k + 1
            else:
                hit = self.lookup(_HOUR_ORD, k, clitics=False)
                if not hit:
                    # الساعة تمانية / الساعة خمسة: a cardinal (colloquial) after الساعة
                    hit = self.lookup(self.lex.cardinals, k, clitics=False)
                    if not hit or not 1 <= hit[1] <= 12:
                        return None
                hh, mm, k = hit[1], 0, k + hit[0]
            # والنصف / والربع / وخمس دقائق / إلا ربعاً
            mins = self.minutes_after(k)
            if mins is not None:
                hh, mm, k = hh + mins[0], mins[1], mins[2]
        else:
            return None
        if hh is None or hh > 24 or mm is None or hh < 0:
            return None
        if hh == 0 and clock is None:
            hh = 12  # الواحدة إلا ربعاً: 12:45 (a written clock 00:10 stays past midnight)
        # the day it belongs to may follow: مساء اليوم, صباح الخميس, 20 أكتوبر
        base = self.anchor.isoformat() if self.anchor else None
        pod = None
        day = None
        if self.word(k) == "من" and self.lookup(self.lex.parts, k + 1, clitics=False):
            k += 1  # الساعة الخامسة من صباح اليوم
        for fn in (self.m_relative_day, self.m_calendar):
            try:
                res = fn(k)
            except (ValueError, IndexError, OverflowError):
                res = None
            if res and len(res) == 1 and res[0].value and re.match(r"^\d{4}-\d\d-\d\d", res[0].value):
                day = res[0]
                break
        if day is not None:
            base = day.value[:10]
            m = re.search(r"T(MO|MI|AF|EV|NI)$", day.value)
            pod = m.group(1) if m else None
            k = day.j
        else:
            hit = self.lookup(self.lex.parts, k) or self.lookup(_HOUR_PARTS, k, clitics=False)
            if hit:
                pod = hit[1]
                k += hit[0]
                # الساعة الحادية عشرة قبل الزوال من اليوم الثلاثاء / من يوم الثلاثاء المقبل: the day
                # after من is the clock time's own day, inside the one TIME mention
                if self.word(k) == "من":
                    for fn in (self.m_relative_day, self.m_calendar):
                        try:
                            res = fn(k + 1)
                        except (ValueError, IndexError, OverflowError):
                            res = None
                        if res and len(res) == 1 and res[0].value and re.match(r"^\d{4}-\d\d-\d\d$", res[0].value):
                            day = res[0]
                            base, k = day.value, day.j
                            break
        if bare_hour and pod is None and not self.hour_range_partner(i, k):
            return None  # الثانية alone is "the second", not two o'clock
        hh = _hour_in_part(hh, pod)
        val = f"{base}T{hh:02d}:{mm:02d}" if base else None
        return [
            _M(
                i,
                k,
                "TIME",
                val,
                "minute",
                day.calendar if day is not None else "gregorian",
                day is None or day.relative,
                loose="day" if day is None else None,
                clock=(hh, mm, pod is not None),
            )
        ]

    def minutes_after(self, k: int) -> tuple[int, int, int] | None:
        """Minutes after an hour word: والنصف، والربع، والثلث (30, 15, 20), وخمس دقائق / و20 دقيقة,
        and إلا ربعاً / إلا ثلثاً / إلا عشر دقائق (the hour before). Returns (hour_shift, minutes, next_i)."""
        w = self.word(k)
        if w.startswith("و") and w[1:] in _HOUR_FRAC:
            return 0, _HOUR_FRAC[w[1:]], k + 1
        if w in ("الا", "غير"):
            w2 = self.word(k + 1)
            base = w2[:-1] if w2.endswith("ا") else w2
            if base in ("ربع", "ثلث"):
                return -1, {"ربع": 45, "ثلث": 40}[base], k + 2
            num = self.number_at(k + 1)
            if num is not None and 0 < num[0] < 60 and self.word(num[1]) in ("دقيقة", "دقائق", "دقيقه"):
                return -1, 60 - num[0], num[1] + 1
            if self.word(k + 1) in ("دقيقتين", "دقيقتان"):
                return -1, 58, k + 2
            return None
        if w.startswith("و"):
            j = k + 1 if w == "و" else k
            num = self.number_at(j)
            if num is not None and 0 < num[0] < 60 and self.word(num[1]) in ("دقيقة", "دقائق", "دقيقه"):
                return 0, num[0], num[1] + 1
            if w[1:] in ("دقيقتين", "دقيقتان"):
                return 0, 2, k + 1
        return None

    def hour_range_partner(self, i: int, k: int) -> bool:
        """An hour word in a range with a clock time: من الساعة الرابعة حتى التاسعة,
        من الثامنة حتى الحادية عشرة ليلاً."""
        prev = {st for _, st in _stems(self.word(i - 1))}
        if "من" in prev and self.word(k) in ("حتي", "الي"):
            j = k + 1
            if self.is_word(j, _fset("الساعة"), clitics=True) is not None or self.clock_at(j):
                return True
            hit = self.lookup(_HOUR_ORD, j, clitics=False)
            if hit and self.lookup(self.lex.parts, j + hit[0]):
                return True
        if prev & _fset("حتى", "إلى", "الى"):
            for k in range(i - 2, max(i - 6, -1), -1):
                if self.is_p(k, _SENT_END | {",", "،"}):
                    return False
                if self.is_word(k, _fset("الساعة"), clitics=True) is not None:
                    return True
        return False
