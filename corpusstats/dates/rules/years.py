"""Years: عام 2012، في 2011، عامي 2014 و2015."""

from __future__ import annotations

import datetime as dt

from ..lexicon import (
    _APPROX2,
    _COUNT_CONTEXT,
    _COUNT_NOUNS,
    _WORD_AD,
    _WORD_HIJRI,
    _YEAR_BAD_PREV,
    _YEAR_FOLLOW,
    _YEAR_TRIGGERS,
    _YEAR_WORDS,
    _fset,
    _stems,
)
from ..tense import _stem_in
from ..values import _M, _hijri_to_greg


class YearRules:
    """Years: عام 2012، في 2011، عامي 2014 و2015."""

    # -- bare years -------------------------------------------------------------

    def m_year(self, i: int) -> list[_M] | None:
        t = self.tok(i)
        if t is None:
            return None
        k = i
        if self.is_word(i, _YEAR_WORDS, clitics=True) is not None and self.word(i + 1) in ("الفين", "الفان"):
            end, year, _hj, _rel = self.year_in_words(i + 1)  # عام ألفين وتسعة عشر
            return [_M(i, end, "DATE", f"{year:04d}", "year")]
        # بين 2011 و2014, 2011-2014: a range of years is two mentions
        pair = self.year_pair(i)
        if pair is not None:
            return pair
        # عامي 2014 و2015
        if _stem_in(self.word(i), self.is_word(i, _fset("عامي", "سنتي", "العامين"), clitics=True) or 0) in (
            "عامي",
            "سنتي",
            "العامين",
        ):
            k = i + 1
            a = self.tok(k)
            if a is None or a.kind != "n" or len(a.t) != 4:
                return None
            if self.word(k + 1) in ("و", "الي", "حتي") or self.is_p(k + 1, "-"):
                b = self.tok(k + 2)
                if b is not None and b.kind == "n" and len(b.t) == 4:
                    second = k + 1 if self.word(k + 1) == "و" and self.adjacent(k + 1) else k + 2
                    return [
                        _M(i, k + 1, "DATE", a.t, "year"),
                        _M(second, k + 3, "DATE", b.t, "year"),
                    ]
            return None
        if t.kind != "n" or len(t.t) != 4:
            return None
        y = t.num
        hj = self.is_word(i + 1, _WORD_HIJRI) is not None
        ad = self.is_word(i + 1, _WORD_AD) is not None
        if hj and 1300 <= y <= 1500:
            g = _hijri_to_greg(y, 6, 15)
            return [_M(i, i + 2, "DATE", str(g.year) if g else None, "year", "hijri")]
        hi = (self.anchor.year if self.anchor else dt.date.today().year) + 30
        if not (1900 <= y <= hi) and not ad:
            return None
        if ad:
            return [_M(i, i + 2, "DATE", f"{y:04d}", "year")]
        # digits glued to other digits or punctuation like 2,015 or 2015.5
        if (
            (self.adjacent(i) and self.is_p(i + 1, ".,:/%"))
            and self.tok(i + 2) is not None
            and self.toks[i + 2].kind == "n"
        ):
            return None
        if i > 0 and self.adjacent(i - 1) and self.is_p(i - 1, ".,:/-%$#"):
            return None
        prev = self.word(i - 1)
        prev_stems = {s for _, s in _stems(prev)} if prev else set()
        if prev_stems & _YEAR_BAD_PREV:
            return None
        nxt = self.tok(i + 1)
        if (self.word(i - 2), prev) in _APPROX2:
            return None  # أكثر من 2000, ما يقارب 2000
        if prev_stems & _fset("الى", "حتى", "بلغ", "يبلغ", "نحو"):
            # "ارتفع العدد إلى 2000" is a count; "من 2011 إلى 2015" and "حتى 2020" are years
            window = [self.toks[x] for x in range(max(0, i - 7), i - 1)]
            has_year = any(t.kind == "n" and len(t.t) == 4 for t in window) or any(
                t.kind == "w" and {s for _, s in _stems(t.t)} & _YEAR_WORDS for t in window
            )
            counting = any(t.kind == "w" and {s for _, s in _stems(t.t)} & _COUNT_CONTEXT for t in window)
            if counting or (not has_year and prev_stems & _fset("الى", "بلغ", "يبلغ", "نحو")):
                return None
        strong = bool(prev_stems & _YEAR_TRIGGERS)
        if nxt is not None and nxt.kind == "w" and not strong:
            stems = {s for _, s in _stems(nxt.t)}
            if stems & _COUNT_NOUNS:
                return None
            # "المؤشر 2015 نقطة": a bare number followed by an indefinite noun is a count;
            # a year is followed by punctuation, a function word, a definite word or و...
            if not (
                nxt.t.startswith(("ال", "و", "ف", "لل", "بال"))
                or nxt.t in _YEAR_FOLLOW
                or nxt.t in _WORD_AD
                or nxt.t in _WORD_HIJRI
            ):
                return None
            if nxt.t.endswith("ا") and len(nxt.t) >= 4 and nxt.t not in ("ايضا", "تقريبا", "حاليا", "مجددا"):
                return None  # tamyiz: 2000 شخصا
        if nxt is not None and nxt.kind == "w" and strong:
            if {s for _, s in _stems(nxt.t)} & (_COUNT_NOUNS - _fset("في")):
                return None
        if nxt is not None and nxt.kind == "n":
            return None
        if self.word(i + 1) == "في" and self.word(i + 2) in ("المئة", "المائة", "المية"):
            return None  # 2000 في المئة
        return [_M(i, i + 1, "DATE", f"{y:04d}", "year")]

    def year_pair(self, i: int) -> list[_M] | None:
        def year_tok(k: int) -> bool:
            t = self.tok(k)
            return t is not None and t.kind == "n" and len(t.t) == 4 and 1900 <= t.num <= 2100

        if (
            any(plen <= 1 and st == "بين" for plen, st in _stems(self.word(i - 1)))  # بين / وبين / فبين
            and year_tok(i)
            and self.word(i + 1) == "و"
            and year_tok(i + 2)
            and not {st for _, st in _stems(self.word(i + 3))} & _COUNT_NOUNS  # بين 1500 و2000 متر
        ):
            second = i + 1 if self.adjacent(i + 1) else i + 2
            return [_M(i, i + 1, "DATE", self.toks[i].t, "year"), _M(second, i + 3, "DATE", self.toks[i + 2].t, "year")]
        if (
            year_tok(i)
            and self.adjacent(i)
            and self.is_p(i + 1, "-/")
            and self.adjacent(i + 1)
            and year_tok(i + 2)
            and 0 < self.toks[i + 2].num - self.toks[i].num <= 50
            and not (
                self.adjacent(i + 2)
                and self.is_p(i + 3, "-/.")
                and self.adjacent(i + 3)
                and self.tok(i + 4) is not None
                and self.toks[i + 4].kind == "n"
            )
        ):
            return [_M(i, i + 1, "DATE", self.toks[i].t, "year"), _M(i + 2, i + 3, "DATE", self.toks[i + 2].t, "year")]
        return None

    def year_at(self, i: int, hijri_ctx: bool = False) -> tuple[int, int, bool | None, str | None] | None:
        """A year phrase at i: returns (next_i, year or offset, is_hijri, rel).

        rel is None for an explicit year, or 'past'/'next'/'this' for الماضي etc."""
        k = i
        if self.is_p(k, ",،"):
            k += 1
        if self.word(k) in ("هذا", "هذه") and self.is_word(k + 1, _YEAR_WORDS) is not None:
            return k + 2, 0, None, "this"
        yw = self.is_word(k, _YEAR_WORDS | _fset("من", "لعام", "للعام"), clitics=False)
        k2 = k + 1 if yw is not None else k
        if yw is not None and self.word(k) == "من":
            # من العام الماضي / من عام 2015
            if self.is_word(k2, _YEAR_WORDS) is None and not (self.tok(k2) and self.toks[k2].kind == "n"):
                return None
            if self.is_word(k2, _YEAR_WORDS) is not None:
                k2 += 1
        t = self.tok(k2)
        if t is not None and t.kind == "n" and len(t.t) == 4:
            y = t.num
            k3 = k2 + 1
            hj: bool | None = None
            if self.is_word(k3, _WORD_HIJRI) is not None:
                hj, k3 = True, k3 + 1
            elif self.is_word(k3, _WORD_AD) is not None:
                hj, k3 = False, k3 + 1
            if hj is None:
                hj = hijri_ctx and 1300 <= y <= 1500
            if not (1000 <= y <= 2200):
                return None
            return k3, y, hj, None
        if yw is not None and self.word(k2) in ("الفين", "الفان"):
            return self.year_in_words(k2)
        if yw is not None:
            # العام الماضي (only with a year word)
            rel = self.rel_at(k2)
            if rel and self.word(k) != "عامي":
                return k2 + 1, 0, None, rel
            return None
        rel = self.rel_at(k)
        if rel:
            return k + 1, 0, None, rel
        return None

    def year_in_words(self, k: int) -> tuple[int, int, bool | None, str | None]:
        """عام ألفين وتسعة عشر (2019), عام ألفين وخمسة وعشرين (2025), عام ألفين (2000): k is ألفين."""
        year, k = 2000, k + 1
        w = self.word(k)
        if w.startswith("و"):
            hit = self.lookup(self.lex.cardinals, k)
            if hit is not None and hit[2] == 1 and 1 <= hit[1] < 100:
                year, k = year + hit[1], k + hit[0]
                nxt = self.word(k)
                tens = self.lex.cardinals.get(nxt[1:]) if nxt.startswith("و") else None
                if hit[1] < 10 and tens and tens % 10 == 0 and 20 <= tens <= 90:
                    year, k = year + tens, k + 1
        return k, year, False, None
