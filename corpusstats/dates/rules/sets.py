"""Sets: كل يوم، أسبوعياً، مرتين في السنة."""

from __future__ import annotations

from ..lexicon import (
    _MEASURE_NOUNS,
    _SET_ADVERBS,
    _SET_UNITS,
    _fset,
    _stems,
)
from ..values import _M, _UNIT_GRAN, _duration_value


class SetRules:
    """Sets: كل يوم، أسبوعياً، مرتين في السنة."""

    # -- sets -------------------------------------------------------------------

    def m_set(self, i: int) -> list[_M] | None:
        freq = self.m_frequency(i)
        if freq is not None:
            return freq
        w = self.word(i)
        for _plen, stem in _stems(w):
            if stem in _SET_ADVERBS:
                if self.adjacent_words(i) and self.word(i - 1) in _MEASURE_NOUNS:
                    return None  # 1.8 مليون برميل يومياً: a rate of a quantity
                return [
                    _M(
                        i,
                        i + 1,
                        "SET",
                        _SET_ADVERBS[stem],
                        _UNIT_GRAN.get(_SET_ADVERBS[stem][-1], "day"),
                        "gregorian",
                        False,
                    )
                ]
        return self.m_every(i)

    def m_every(self, i: int) -> list[_M] | None:
        """كل يوم، كل يوم جمعة، كل شهرين، كل ثلاثة أشهر: a SET."""
        pl = self.is_word(i, _fset("كل"), clitics=True)
        if pl is None:
            return None
        k = i + 1
        if self.word(k) == "يوم" and (
            self.weekday_at(k + 1)
            or self.lookup(self.lex.weekdays, k + 1) is None
            and ("ال" + self.word(k + 1)) in self.lex.weekdays
        ):
            k += 1
        wd = self.weekday_at(k)
        if wd is None and ("ال" + self.word(k)) in self.lex.weekdays and self.word(k - 1) == "يوم":
            wd = (self.lex.weekdays["ال" + self.word(k)][0], k + 1, 0)
        if wd is not None and wd[2] == 0:
            return [_M(i, wd[1], "SET", f"XXXX-WXX-{wd[0]}", "day", "gregorian", False)]
        u = self.word(k)
        if u in _SET_UNITS:
            return [_M(i, k + 1, "SET", _SET_UNITS[u], "day", "gregorian", False)]
        num = self.number_at(k)
        if num is not None:
            uh = self.lookup(self.lex.units, num[1], clitics=False)
            if uh:
                return [
                    _M(
                        i,
                        num[1] + uh[0],
                        "SET",
                        _duration_value(str(num[0]), uh[1][0]),
                        _UNIT_GRAN[uh[1][0]],
                        "gregorian",
                        False,
                    )
                ]
        uh = self.lookup(self.lex.units, k, clitics=False)
        if uh and uh[1][1] is not None:
            return [
                _M(
                    i,
                    k + uh[0],
                    "SET",
                    _duration_value(str(uh[1][1]), uh[1][0]),
                    _UNIT_GRAN[uh[1][0]],
                    "gregorian",
                    False,
                )
            ]
        return None

    def m_frequency(self, i: int) -> list[_M] | None:
        """مرتين في الأسبوع, مرة واحدة في الشهر, ثلاث مرات في اليوم, مرتين أسبوعياً: a SET."""
        k = i
        w = self.word(k)
        if w[:1] in "وف" and w[1:] in ("مرة", "مره", "مرتين", "مرتان"):
            w = w[1:]
        if w in ("مرة", "مره"):
            k += 1
            if self.word(k) in ("واحدة", "واحده"):
                k += 1
        elif w in ("مرتين", "مرتان"):
            k += 1
        else:
            num = self.number_at(k)
            if num is None or self.word(num[1]) not in ("مرات", "مرة"):
                return None
            k = num[1] + 1
        adv = self.word(k)
        if adv in _SET_ADVERBS:
            return [_M(i, k + 1, "SET", _SET_ADVERBS[adv], _UNIT_GRAN.get(_SET_ADVERBS[adv][-1], "day"))]
        if self.word(k) == "كل":
            # مرة كل شهرين, ثلاث مرات كل أسبوع: the frequency word is inside the SET
            ev = self.m_every(k)
            if ev and len(ev) == 1:
                return [_M(i, ev[0].j, "SET", ev[0].value, ev[0].granularity)]
            return None
        if self.word(k) != "في":
            return None
        u = self.word(k + 1)
        u = u[2:] if self.word(k) == "في" and u.startswith("ال") else u
        val = _SET_UNITS.get(u)
        if val is None or not val.startswith("P"):
            return None
        nt = self.tok(k + 2)
        if self.rel_at(k + 2) or self.word(k + 2) in ("نفسه", "نفسها", "ذاته", "ذاتها") or (nt and nt.kind == "n"):
            return None  # مرة في العام الماضي: "once last year", not a frequency
        return [_M(i, k + 2, "SET", val, _UNIT_GRAN.get(val[-1], "day"))]
