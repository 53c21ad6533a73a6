"""Numeric dates: 2019.08.19, 20/10/2015, 2015/12/10, with a clock time."""

from __future__ import annotations

from ..lexicon import _WORD_AD, _WORD_HIJRI
from ..values import _M, _hijri_to_greg


class NumericRules:
    """Numeric dates: 2019.08.19, 20/10/2015, 2015/12/10, with a clock time."""

    # -- numeric dates ---------------------------------------------------------

    def m_numeric(self, i: int) -> list[_M] | None:
        t = self.tok(i)
        if t is None or t.kind != "n":
            return None
        # n SEP n SEP n, all adjacent
        parts = [t]
        seps = []
        k = i
        while (
            len(parts) < 3
            and self.adjacent(k)
            and self.is_p(k + 1, "./-")
            and self.adjacent(k + 1)
            and self.tok(k + 2) is not None
            and self.toks[k + 2].kind == "n"
        ):
            seps.append(self.toks[k + 1].t)
            parts.append(self.toks[k + 2])
            k += 2
        if len(parts) < 2 or len(set(seps)) != 1:
            return None
        # a following adjacent separator + digit means something longer (IP, version)
        if (
            self.adjacent(k)
            and self.is_p(k + 1, "./-")
            and self.adjacent(k + 1)
            and self.tok(k + 2) is not None
            and self.toks[k + 2].kind == "n"
        ):
            return None
        nums = [p.num for p in parts]
        lens = [len(p.t) for p in parts]
        y = m = d = None
        if len(parts) == 3:
            if lens[0] == 4 and lens[1] <= 2 and lens[2] <= 2:
                y, m, d = nums
            elif lens[2] == 4 and lens[0] <= 2 and lens[1] <= 2:
                d, m, y = nums
                if m > 12 and d <= 12:
                    d, m = m, d
            elif lens[2] == 2 and lens[0] <= 2 and lens[1] <= 2 and seps[0] == "/":
                d, m, y = nums
                y += 2000 if y < 50 else 1900
            else:
                return None
        else:
            if seps[0] != "/":
                return None
            if lens[1] == 4 and lens[0] <= 2 and 1 <= nums[0] <= 12:
                m, y = nums
            else:
                return None
        j = k + 1
        cal = "gregorian"
        hijri = False
        if y is not None and 1300 <= y <= 1500:
            hijri = True
        if self.is_word(j, _WORD_HIJRI) is not None:
            hijri = True
            j += 1
        elif self.is_word(j, _WORD_AD) is not None:
            j += 1
        if y is None or not (1000 <= y <= 2200) or not (1 <= (m or 0) <= 12):
            return None
        if d is not None and not (1 <= d <= 31):
            return None
        if hijri:
            cal = "hijri"
            if d is not None:
                g = _hijri_to_greg(y, m, d)
                val, gran = (g.isoformat() if g else None), "day"
            else:
                g = _hijri_to_greg(y, m, 15)
                val, gran = (f"{g.year:04d}-{g.month:02d}" if g else None), "month"
        else:
            val, gran = self.date_value(y, m, d)
        typ = "DATE"
        tm = self.clock_after(j)
        if tm is not None and val is not None and gran == "day":
            hh, mm, j = tm
            val = f"{val}T{hh:02d}:{mm:02d}"
            gran, typ = "minute", "TIME"
        return [_M(i, j, typ, val, gran, cal)]
