"""Deictic days: أمس، اليوم، غداً، الليلة، بعد غد, with parts of the day."""

from __future__ import annotations

import datetime as dt

from ..lexicon import _DAY_NEG_NEXT, _SCHEDULED_EVENTS, _YAWM
from ..tense import _relative_clitic_ok, _stem_in
from ..values import _M


class DeicticRules:
    """Deictic days: أمس، اليوم، غداً، الليلة، بعد غد, with parts of the day."""

    def m_relative_day(self, i: int) -> list[_M] | None:
        k = i
        pod = None
        hit = self.lookup(self.lex.parts, k)
        if hit:
            pod, k = hit[1], k + hit[0]
        elif self.is_word(k, _YAWM, clitics=True) is not None and self.word(k + 1) in (
            "امس",
            "غد",
            "غدا",
            "الغد",
            "الامس",
        ):
            k += 1  # يوم أمس / يوم غد: the head noun is inside
        w = self.word(k)
        if w in ("هذا", "هذه") and pod is None:
            ph = self.lookup(self.lex.parts, k + 1, clitics=False)
            if ph and self.word(k + 1).startswith("ال"):
                val = f"{self.anchor.isoformat()}T{ph[1]}" if self.anchor else None
                return [_M(i, k + 1 + ph[0], "TIME", val, "part_of_day", "gregorian", True)]
        # أول أمس / أول من أمس / بعد غد
        special = None
        if w in ("اول",) and self.word(k + 1) in ("امس", "الامس", "البارحة"):
            special, kend = -2, k + 2
        elif w in ("اول",) and self.word(k + 1) == "من" and self.word(k + 2) in ("امس", "الامس"):
            special, kend = -2, k + 3
        elif w in ("بعد", "وبعد", "فبعد") and self.word(k + 1) in ("غد", "غدا") and pod is None:
            special, kend = 2, k + 2
        if special is not None:
            off = special
            plen = 0
        else:
            r = self.lookup(self.lex.relative, k)
            if not r:
                return None
            n, (off, rpod), plen = r
            stem = _stem_in(w, plen)
            kend = k + n
            if plen and not _relative_clitic_ok(w[:plen], stem):
                return None  # لامس "touched" is no ل + أمس; كاليوم "like today"
            if stem in ("اليوم", "الليلة") and self.word(kend) in _DAY_NEG_NEXT and pod is None:
                return None
            if (
                stem in ("اليوم", "الليلة")
                and pod is None
                and (
                    self.lookup(self.lex.ordinals, kend, clitics=False)
                    or (self.word(kend) == "ال" and self.tok(kend + 1) is not None and self.toks[kend + 1].kind == "n")
                )
            ):
                # لليوم السادس على التوالي، في اليوم الـ22 للعدوان: a count of days;
                # لليلة الثانية على التوالي, اليوم الأول: ordinals, not today
                return None
            if stem == "اليوم" or stem == "يوم":
                nx = self.word(kend)
                if nx in _DAY_NEG_NEXT or self.word(k - 1) in ("ذلك", "هذا", "نفس", "ذات") and pod is None:
                    return None
                if plen and w[:plen] not in ("و", "ف", "ل", "ب"):
                    return None
                if pod is None and not self.weekday_at(kend) and self.generic_today(k, kend, plen, w):
                    return None
            if stem in ("غد", "الغد"):
                if not (
                    self.weekday_at(kend)
                    or self.word(k - 1) in ("يوم", "بعد")
                    or (stem == "الغد" and w != stem)
                    or (w != stem and self.word(k - 1) == "اليوم")
                    or pod is not None
                    or (w == "الغد" and self.word(k - 1) in _SCHEDULED_EVENTS)  # مباريات الغد
                ):
                    return None
            if stem == "غدا" and pod is None and self.verb_ghada(k, kend):
                return None
            if stem == "الليلة" and pod is not None:
                return None
            if stem == "الليلة" and self.word(kend) in ("الماضية", "الفائتة", "المنصرمة", "البارحة"):
                off, kend = -1, kend + 1  # الليلة الماضية: last night
            if stem == "اليوم" and self.word(k - 1) == "يوم":
                return None
            if rpod and pod is None:
                pod = rpod
            # أمس الأول
            if off == -1 and self.word(kend) in ("الاول",):
                off, kend = -2, kend + 1
        # weekday after: أمس الثلاثاء, اليوم الأربعاء, غداً الأربعاء
        wdh = self.weekday_at(kend)
        explicit = None
        excal = "gregorian"
        if wdh is not None and wdh[2] == 0:
            kend = wdh[1]
            # غداً الخميس 3 آذار: one mention, the stated date wins
            k2 = kend + 1 if self.is_p(kend, ",،") else kend
            if self.day_at(k2) is not None:
                cal = self.m_calendar(k2)
                if cal and len(cal) == 1 and cal[0].granularity == "day":
                    kend, explicit, excal = cal[0].j, cal[0].value, cal[0].calendar
        # part of day after: أمس مساءً / اليوم صباحا
        if pod is None:
            ph = self.lookup(self.lex.parts, kend, clitics=False)
            if ph and self.word(kend).endswith("ا"):
                pod, kend = ph[1], kend + ph[0]
            elif self.word(kend).startswith("بال"):
                # اليوم بالليل، بكرة بالصبح: colloquial ب + the part of the day
                ph = self.lookup(self.lex.parts, kend)
                if ph and ph[2] == 1:
                    pod, kend = ph[1], kend + ph[0]
        clock = self.clock_at(kend)
        if explicit is not None:
            val = explicit
        elif self.anchor is None:
            val = None
        else:
            val = (self.anchor + dt.timedelta(days=off)).isoformat()
        typ, gran = "DATE", "day"
        if clock is not None:
            kend = clock[2]
            if val:
                val = f"{val}T{clock[0]:02d}:{clock[1]:02d}"
            typ, gran = "TIME", "minute"
        elif pod:
            if val:
                val = f"{val}T{pod}"
            typ, gran = "TIME", "part_of_day"
        return [_M(i, kend, typ, val, gran, excal, True)]
