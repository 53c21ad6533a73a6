"""Context resolution: what one mention lends another, and compounds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..arabic import SENTENCE_END_CHARS
from .lexicon import _COMPLEMENTIZERS, _NEXT, _PAST
from .values import (
    _M,
    Timex,
    _hour_in_part,
    _iso_week,
    _valid,
)


class ContextRules:
    """Context resolution: what one mention lends another, and compounds."""

    # -- context: what one mention lends another ---------------------------------

    def sentence_break(self, a: int, b: int) -> bool:
        """A sentence or line ends between token a-1 and token b."""
        lo = self.toks[a - 1].e if 0 < a <= self.n else 0
        hi = self.toks[b].s if b < self.n else len(self.f)
        if "\n" in self.f[lo:hi]:
            return True
        for k in range(a, min(b, self.n)):
            t = self.toks[k]
            if t.kind == "p" and t.t in SENTENCE_END_CHARS:
                if t.t == "." and 0 < k < self.n - 1 and self.toks[k - 1].kind == "n" and self.toks[k + 1].kind == "n":
                    continue  # 6.2
                return True
        return False

    def context(self, out: list[_M]) -> None:
        """Resolve mentions whose value depends on a neighbouring mention.

        - a clock time that names no day takes the day of the nearest preceding
          day-level mention in the same sentence (يوم الجمعة 4 يوليو عند الساعة التاسعة،
          أمس ... في الساعة 14:30، غداً، على أن تقلع الرحلة عند الساعة 18:30), unless
          that day dates a reporting verb (أعلن أمس أن ...);
        - the first end of an hour range takes the part of day of the second
          (من الرابعة حتى السابعة مساءً);
        - a month without a year in a range takes its year from the other end
          (بين جانفي وجوان 2024);
        - الربع السابق/التالي counts from the last quarter named in the paragraph.
        """
        day_re = re.compile(r"^(\d{4}-\d\d-\d\d)(?:T(MO|MI|AF|EV|NI))?")

        # يواجه المنتخب نظيره الأربعاء ... والماتش يوم الأربعاء: a bare weekday that its own clause
        # does not put in the future, repeated in the paragraph after a bare mention of the same
        # weekday resolved to the coming week, is that same day (الماضي/المقبل stay as they are)
        def bare_weekday(m: _M) -> bool:
            return (
                m.loose == "weekday"
                and bool(m.value)
                and not any(self.word(x) in _PAST | _NEXT for x in range(m.i, m.j))
            )

        if self.anchor is not None:
            a_iso = self.anchor.isoformat()
            for n, m in enumerate(out):
                if not bare_weekday(m) or m.value[:10] > a_iso:
                    continue
                for prev in reversed(out[:n]):
                    if "\n" in self.f[self.toks[prev.j - 1].e : self.toks[m.i].s]:
                        break
                    if bare_weekday(prev) and prev.value[:10] > a_iso:
                        d0 = dt.date.fromisoformat(prev.value[:10])
                        if d0.isoweekday() == dt.date.fromisoformat(m.value[:10]).isoweekday():
                            m.value = prev.value[:10] + m.value[10:]
                            break
        for n, m in enumerate(out):
            # hour ranges: the first end borrows the part of day of the second
            if m.clock is not None and n + 1 < len(out):
                m2 = out[n + 1]
                between = [self.word(k) for k in range(m.j, m2.i)]
                glued = m2.i == m.j or between in (["حتي"], ["الي"], ["الي", "غاية"], ["و"], [])
                if (
                    m2.clock is not None
                    and glued
                    and not m.clock[2]
                    and m2.clock[2]
                    and m2.clock[0] >= 12 > m.clock[0]
                    and m.clock[0] + 12 <= m2.clock[0]
                    and m.value
                ):
                    hh = m.clock[0] + 12
                    m.value = f"{m.value[:11]}{hh:02d}:{m.clock[1]:02d}"
                    m.clock = (hh, m.clock[1], True)
            if m.loose == "day" and m.value:
                for prev in reversed(out[:n]):
                    if self.sentence_break(prev.j, m.i) or m.i - prev.j > 30:
                        break
                    if prev.type not in ("DATE", "TIME") or not prev.value:
                        continue
                    dm = day_re.match(prev.value)
                    if not dm:
                        continue
                    if self.word(prev.j) in _COMPLEMENTIZERS:
                        break  # أعلن أمس أن ...: the day of the report, not of the event
                    hh, mm, has_pod = m.clock or (int(m.value[11:13]), int(m.value[14:16]), True)
                    if not has_pod and dm.group(2) in ("EV", "NI", "AF"):
                        hh = _hour_in_part(hh, dm.group(2))
                    m.value = f"{dm.group(1)}T{hh:02d}:{mm:02d}"
                    m.calendar = prev.calendar
                    m.relative = prev.relative
                    break
            elif m.loose == "year" and m.value and n + 1 < len(out):
                m2 = out[n + 1]
                between = [self.word(k) for k in range(m.j, m2.i)]
                if (
                    (m2.i == m.j and self.word(m2.i).startswith("و") or between in (["الي"], ["حتي"], ["و"]))
                    and m2.loose is None
                    and m2.type == "DATE"
                    and m2.value
                    and re.match(r"^\d{4}-\d\d", m2.value)
                    and m2.calendar == m.calendar == "gregorian"
                ):
                    y = int(m2.value[:4]) - (1 if m.value[5:7] > m2.value[5:7] else 0)
                    v = f"{y:04d}{m.value[4:]}"
                    if len(v) == 7 or _valid(y, int(v[5:7]), int(v[8:10])):
                        m.value = v
            elif m.loose and m.loose.startswith("quarter"):
                off = int(m.loose[7:] or 0)
                for prev in reversed(out[:n]):
                    if "\n" in self.f[self.toks[prev.j - 1].e : self.toks[m.i].s]:
                        break
                    qm = re.match(r"^(\d{4})-Q([1-4])$", prev.value or "")
                    if qm:
                        y, q = int(qm.group(1)), int(qm.group(2)) + off
                        y, q = y + (q - 1) // 4, (q - 1) % 4 + 1
                        m.value = f"{y:04d}-Q{q}"
                        break
        # ففي مطلع العام ...، وفي أبريل ...: a month (or day and month) with no year, no modifier
        # and no future tense, after a year named earlier in the same sentence, is in that year
        for n, m in enumerate(out):
            if m.loose != "year" or not m.value or n == 0 or m.calendar != "gregorian":
                continue
            prev = out[n - 1]
            if self.sentence_break(prev.j, m.i) or prev.granularity != "year" or prev.type != "DATE":
                continue
            if not re.match(r"^\d{4}$", prev.value or "") or self.tense(m.i) == "next":
                continue
            v = f"{prev.value}{m.value[4:]}"
            if len(v) == 7 or _valid(int(v[:4]), int(v[5:7]), int(v[8:10])):
                m.value = v
        # من اليوم وإلى غاية يوم الجمعة: the end of a range is not before its start
        for n in range(1, len(out)):
            m, m1 = out[n], out[n - 1]
            if m.loose != "weekday" or not m.value or not m1.value or m.i - m1.j > 3:
                continue
            between = {self.word(x) for x in range(m1.j, m.i)}
            if not between & {"الي", "حتي", "غاية", "لغاية", "والي", "وحتي"}:
                continue
            d1 = re.match(r"^(\d{4}-\d\d-\d\d)", m1.value)
            d0 = re.match(r"^(\d{4}-\d\d-\d\d)", m.value)
            if d1 and d0 and d0.group(1) < d1.group(1):
                day = dt.date.fromisoformat(d0.group(1))
                while day.isoformat() < d1.group(1):
                    day += dt.timedelta(days=7)
                m.value = day.isoformat() + m.value[10:]
        # العام نفسه / فيفري من العام نفسه / الشهر ذاته: the last such period named before, in the
        # same paragraph (mentions with their own explicit value only)
        same_pat = {"Y": r"^(\d{4})", "M": r"^(\d{4}-\d\d)", "W": r"^(\d{4}-\d\d-\d\d|\d{4}-W\d\d)"}
        for n, m in enumerate(out):
            if not (m.loose and m.loose.startswith("same-")):
                continue
            unit = m.loose[5:]
            for prev in reversed(out[:n]):
                if "\n" in self.f[self.toks[prev.j - 1].e : self.toks[m.i].s]:
                    break
                if prev.type not in ("DATE", "TIME") or not prev.value or (prev.loose or "").startswith("same"):
                    continue
                pm = re.match(same_pat[unit], prev.value)
                if not pm:
                    continue
                got = pm.group(1)
                if unit == "W" and "W" not in got:
                    got = _iso_week(dt.date.fromisoformat(got))
                if m.type == "DURATION":
                    break
                if m.value is not None and unit == "Y" and re.match(r"^\d{4}-", m.value):
                    v = got + m.value[4:]  # فيفري من العام نفسه
                    if len(v) == 7 or _valid(int(v[:4]), int(v[5:7]), int(v[8:10])):
                        m.value = v
                elif m.granularity in ("year", "month", "week"):
                    m.value = got
                break
        # the second end of a month range borrows its year from the first: من يناير 2024 إلى مارس
        for n in range(1, len(out)):
            m, m1 = out[n], out[n - 1]
            if m.loose != "year" or not m.value or m1.loose is not None or not m1.value:
                continue
            between = [self.word(k) for k in range(m1.j, m.i)]
            if not (between in (["الي"], ["حتي"], ["الي", "غاية"]) or (m.i == m1.j and self.word(m.i).startswith("و"))):
                continue
            if not (re.match(r"^\d{4}-\d\d", m1.value) and m1.calendar == m.calendar == "gregorian"):
                continue
            y = int(m1.value[:4]) + (1 if m.value[5:7] < m1.value[5:7] else 0)
            v = f"{y:04d}{m.value[4:]}"
            if len(v) == 7 or _valid(y, int(v[5:7]), int(v[8:10])):
                m.value = v

    # -- compounds: one mention made of two -----------------------------------------

    def merge_compounds(self, out: list[_M]) -> list[_M]:
        """Join mentions that name one point together (real pages' datelines and equivalences):

        - a clock time with no day of its own, right before or after a day (nothing or ``-``
          between): ``10:42 م الأربعاء 5 يوليو 2023``, ``الأربعاء 5 يوليو 2023 - 10:42`` → one TIME;
        - a weekday and the date it is (``الموافق``, or nothing, between): ``يوم الأربعاء الموافق
          27 نوفمبر``, ``يوم الجمعة المقبل 16 أيار/ مايو الجاري`` → one DATE with the date's value;
        - two spellings of one day (``-`` or ``/`` between, same value): ``الخميس 16 شوال 1445هـ -
          25 أبريل 2024م`` → one DATE.
        """
        res: list[_M] = []
        for m in out:
            prev = res[-1] if res else None
            if prev is not None and prev.j <= m.i:
                merged = self.merge_pair(prev, m)
                if merged is not None:
                    res[-1] = merged
                    continue
            res.append(m)
        return res

    def merge_pair(self, a: _M, b: _M) -> _M | None:
        gap = [t for t in self.toks[a.j : b.i]]
        if self.sentence_break(a.j, b.i):
            return None
        gap_words = [t.t for t in gap if t.kind == "w"]
        gap_punct = [t.t for t in gap if t.kind == "p"]
        day_re = re.compile(r"^\d{4}-\d\d-\d\d$")
        tight = not gap_words and all(p in "-/" for p in gap_punct) and len(gap_punct) <= 1
        # a clock time and its day
        for clock, day in ((a, b), (b, a)):
            if (
                clock.type == "TIME"
                and clock.clock is not None
                and clock.loose == "day"
                and day.type == "DATE"
                and day.value
                and day_re.match(day.value)
                and tight
            ):
                hh, mm, _ = clock.clock
                value = str(Timex.of_date(dt.date.fromisoformat(day.value), hour=hh, minute=mm))
                return _M(a.i, b.j, "TIME", value, "minute", day.calendar, day.relative)
        if a.type != "DATE" or b.type != "DATE" or not a.value or not b.value:
            return None
        if not (day_re.match(a.value) and day_re.match(b.value)):
            return None
        # a weekday (يوم الأربعاء، الجمعة المقبل) and its date
        if (
            a.loose == "weekday"
            and (not gap or gap_words in (["الموافق"], ["الموافقة"]))
            and not gap_punct
            and dt.date.fromisoformat(b.value).isoweekday() == self.weekday_of(a)
        ):
            return _M(a.i, b.j, "DATE", b.value, "day", b.calendar, b.relative)
        # one day in two calendars
        if a.value == b.value and tight and gap_punct:
            return _M(a.i, b.j, "DATE", a.value, "day", a.calendar, a.relative and b.relative)
        return None

    def weekday_of(self, m: _M) -> int | None:
        for k in range(m.i, m.j):
            wd = self.weekday_at(k)
            if wd is not None:
                return wd[0]
        return None

    def stated_equivalence(self, out: list[_M]) -> None:
        """A Hijri day the text itself equates with a Gregorian day wins over Umm al-Qura.

        ``الأحد 9 أبريل (الموافق 19 رمضان)``: countries that sight the moon can be a day off the
        Umm al-Qura calendar; the stated pair gives the offset, and every other Hijri day in the
        same paragraph moves by it (``يوم 25 رمضان`` → 15 April, not 16). Only offsets of one or
        two days are taken as such; a larger gap is a different event, not a calendar difference.
        """
        offset = None
        stated: set[int] = set()
        for a, b in zip(out, out[1:], strict=False):
            if a.j > b.i or self.sentence_break(a.j, b.i):
                continue
            gap = [t.t for t in self.toks[a.j : b.i]]
            words = [w for w in gap if w not in ("(", ")", "-", "/", "،", ",")]
            if words not in ([], ["الموافق"], ["الموافقة"], ["الموافق", "ل"]) or (not words and "-" not in gap):
                continue
            cals = {a.calendar, b.calendar}
            if cals != {"hijri", "gregorian"}:
                continue
            hijri, greg = (a, b) if a.calendar == "hijri" else (b, a)
            th, tg = Timex.parse(hijri.value), Timex.parse(greg.value)
            if th is None or tg is None or th.date() is None or tg.date() is None:
                continue
            delta = (tg.date() - th.date()).days
            if 1 <= abs(delta) <= 2:
                offset = delta
                hijri.value = str(dataclasses.replace(th, **_ymd(tg.date())))
                stated.add(id(hijri))
        if offset is None:
            return
        for m in out:
            t = Timex.parse(m.value) if m.calendar == "hijri" and id(m) not in stated else None
            day = t.date() if t is not None else None
            if t is not None and day is not None:
                m.value = str(dataclasses.replace(t, **_ymd(day + dt.timedelta(days=offset))))


def _ymd(d: dt.date) -> dict[str, int]:
    return {"year": d.year, "month": d.month, "day": d.day}
