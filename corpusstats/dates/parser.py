"""The parser: one class made of the rule families, and the registry it loops over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .context import ContextRules
from .lexicon import (
    _TOKEN_RE,
    _TRIGGER_REACH,
    _first_words,
    _is_lead,
    _is_trigger,
    _lex,
    _names,
    _stems,
    _Tok,
)
from .rules.calendar import CalendarRules
from .rules.clock import ClockRules
from .rules.deictic import DeicticRules
from .rules.durations import DurationRules
from .rules.holidays import HolidayRules
from .rules.numeric import NumericRules
from .rules.periods import PeriodRules
from .rules.sets import SetRules
from .rules.vague import VagueRules
from .rules.years import YearRules
from .tense import TenseRules
from .values import _M

#: The registry: (family, matcher) in the order they are tried at each token; the longest match
#: wins, the earlier matcher on a tie. A new rule family is a mixin in ``rules/`` plus a line here.
RULES: tuple[tuple[str, str], ...] = (
    ("numeric", "m_numeric"),
    ("clock", "m_time"),
    ("calendar", "m_calendar"),
    ("deictic", "m_relative_day"),
    ("periods", "m_period"),
    ("periods", "m_part_of_year"),
    ("durations", "m_duration"),
    ("sets", "m_set"),
    ("years", "m_year"),
    ("periods", "m_decade"),
    ("periods", "m_day_rel_month"),
    ("vague", "m_vague"),
    ("holidays", "m_holiday"),
)


_MISSING = object()


class _Parser(
    CalendarRules,
    NumericRules,
    ClockRules,
    DeicticRules,
    PeriodRules,
    DurationRules,
    SetRules,
    YearRules,
    VagueRules,
    HolidayRules,
    TenseRules,
    ContextRules,
):
    """The grammar: token helpers and the loop that tries every rule family (``RULES``) at each token."""

    def __init__(self, folded: str, anchor: dt.date | None, vague: bool = True, holidays: bool = True):
        self.f = folded
        self.vague = vague
        self.holidays = holidays
        self.anchor = anchor
        self.toks = [
            _Tok(m.start(), m.end(), g, "n" if g.isdigit() else ("w" if g[0].isalpha() else "p"))
            for m in _TOKEN_RE.finditer(folded)
            for g in (m.group(),)
        ]
        self.lex = _lex()
        self.n = len(self.toks)
        self.memo: dict[tuple[int, int, bool], Any] = {}
        self.orig: str | None = None  # the unfolded text, when known (for tanween)
        self.omap: list[int] | None = None

    # -- token helpers -------------------------------------------------------

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < self.n else None

    def word(self, i: int) -> str:
        t = self.tok(i)
        return t.t if t is not None and t.kind == "w" else ""

    def is_p(self, i: int, chars: Iterable[str]) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "p" and t.t in chars

    def adjacent(self, i: int) -> bool:
        """Token i+1 starts right where token i ends."""
        a, b = self.tok(i), self.tok(i + 1)
        return a is not None and b is not None and a.e == b.s

    def lookup(self, table: dict, i: int, clitics: bool = True) -> tuple[int, Any, int] | None:
        """Longest lexicon entry starting at token i: (ntoks, entry, prefix_len).

        Memoized per parse: the rule families ask the same question at the same token (the
        tables are the lexicon's own, cached objects, so their identity is a safe key)."""
        key = (id(table), i, clitics)
        hit = self.memo.get(key, _MISSING)
        if hit is _MISSING:
            hit = self.memo[key] = self._lookup(table, i, clitics)
        return hit  # type: ignore[return-value]

    def _lookup(self, table: dict, i: int, clitics: bool) -> tuple[int, Any, int] | None:
        t = self.tok(i)
        if t is None or t.kind != "w":
            return None
        firsts, maxlen = _first_words(table)
        stems = _stems(t.t) if clitics else ((0, t.t),)
        if not any(stem in firsts for _, stem in stems):
            return None
        for n in range(min(maxlen, self.n - i), 0, -1):
            rest = []
            ok = True
            for k in range(i + 1, i + n):
                if self.toks[k].kind != "w":
                    ok = False
                    break
                rest.append(self.toks[k].t)
            if not ok:
                continue
            for plen, stem in stems:
                key = " ".join([stem, *rest])
                if key in table:
                    return n, table[key], plen
        return None

    def is_word(self, i: int, words: frozenset[str], clitics: bool = False) -> int | None:
        """Prefix length if token i (optionally with clitics) is in *words*."""
        t = self.tok(i)
        if t is None or t.kind != "w":
            return None
        for plen, stem in _stems(t.t) if clitics else [(0, t.t)]:
            if stem in words:
                return plen
        return None

    def number_at(self, i: int) -> tuple[int, int] | None:
        """A count at token i: digits, 'الـ 24', or number words. Returns (value, next_i)."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "w" and t.t == "ال" and self.tok(i + 1) is not None and self.toks[i + 1].kind == "n":
            return self.toks[i + 1].num, i + 2
        if t.kind == "n" and len(t.t) <= 6:
            if (
                i >= 2
                and self.is_p(i - 1, ".,٫")
                and self.toks[i - 2].kind == "n"
                and self.adjacent(i - 2)
                and self.adjacent(i - 1)
            ):
                return None  # the fraction of a decimal: 1.5 ساعة is not 5 hours
            if (
                self.is_p(i + 1, ".,٫")
                and self.tok(i + 2) is not None
                and self.toks[i + 2].kind == "n"
                and self.adjacent(i)
                and self.adjacent(i + 1)
            ):
                return None  # decimal or numeric date
            return t.num, i + 1
        hit = self.lookup(self.lex.cardinals, i)
        if hit:
            n, val, _ = hit
            k = i + n
            # compound: خمسة وعشرين
            if val < 10:
                nxt = self.tok(k)
                if nxt is not None and nxt.kind == "w" and nxt.t.startswith("و"):
                    tens = self.lex.cardinals.get(nxt.t[1:])
                    if tens and tens % 10 == 0 and 20 <= tens <= 90:
                        return val + tens, k + 1
            return val, k
        return None

    # -- main loop -----------------------------------------------------------

    def parse(self) -> list[_M]:
        out: list[_M] = []
        next_i = 0  # where the next mention may start
        matchers = [getattr(self, name) for _family, name in RULES]
        # the pre-filter: matchers run only where a trigger (a number or a time word) lies
        # within the next _TRIGGER_REACH tokens; everywhere else no mention can start
        toks = self.toks
        active = bytearray(self.n)
        for k, t in enumerate(toks):
            if t.kind == "n" or (t.kind == "w" and _is_trigger(t.t)):
                active[k] = 1
                for x in range(max(0, k - _TRIGGER_REACH), k):
                    if toks[x].kind == "w" and _is_lead(toks[x].t):
                        active[x] = 1
        names = _names()
        for i in (k for k in range(self.n) if active[k]):
            if i < next_i:
                continue  # inside the last mention or name
            hit = self.lookup(names, i)
            if (
                hit is not None
                and (hit[2] == 0 or self.word(i)[: hit[2]] in ("و", "ف", "ب", "ل"))
                and self.weekday_at(i + hit[0]) is None  # تشهد فلسطين اليوم الأربعاء: a day after all
            ):
                next_i = i + hit[0]  # فلسطين اليوم، سوق السبت: a name, no date inside
                continue
            if self.general_adjective(i):
                continue  # المدير العام، مديرا عاما: "general", no time
            best: list[_M] | None = None
            best_end = i
            for fn in matchers:
                try:
                    res = fn(i)
                except (ValueError, OverflowError, IndexError):
                    res = None
                if res:
                    end = max(m.j for m in res)
                    if end > best_end:
                        best, best_end = res, end
            if best:
                out.extend(best)
                next_i = best_end
        out = self.merge_compounds(out)
        self.stated_equivalence(out)
        self.context(out)
        return out
