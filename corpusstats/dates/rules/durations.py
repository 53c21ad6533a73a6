"""Durations and "ago": 24 ساعة، قبل نحو 5 سنوات، ثلاث ساعات و20 دقيقة (ages excluded)."""

from __future__ import annotations

from ..lexicon import (
    _ACC_NOT_PREV,
    _AGE_AFTER,
    _AGE_PREV,
    _AGE_SKIP,
    _AGO,
    _ALEF_NOT_NOUN,
    _APPROX,
    _APPROX2,
    _DEATH,
    _DUAL_REL,
    _EVENT_REL,
    _GENERAL_NOUNS,
    _GENERAL_PLURALS,
    _GENERAL_TITLES,
    _HOUR_PREV,
    _LASTING,
    _MEASURE_PREV,
    _NEXT,
    _PAST,
    _PLURAL_ADJ,
    _SENT_END,
    _SINCE,
    _VAGUE_COUNT,
    _fset,
    _stems,
)
from ..tense import _stem_in
from ..values import (
    _M,
    _UNIT_GRAN,
    _UNIT_ORDER,
    _compound_value,
    _duration_value,
    _shift,
)


class DurationRules:
    """Durations and "ago": 24 ساعة، قبل نحو 5 سنوات، ثلاث ساعات و20 دقيقة (ages excluded)."""

    # -- durations and "ago" ----------------------------------------------------

    def m_duration(self, i: int) -> list[_M] | None:
        k = i
        ago = since = False
        pl = self.is_word(k, _AGO, clitics=True)
        if pl is not None:
            ago, k = True, k + 1
        else:
            pl = self.is_word(k, _SINCE, clitics=True)
            if pl is not None:
                since, k = True, k + 1
        start = k if since else i
        # approximation
        if self.is_word(k, _APPROX, clitics=False) is not None:
            k += 1
        elif k == i and self.word(k) == "اخر" and self.number_at(k + 1) is not None:
            k += 1  # آخر 24 ساعة, في آخر ثلاثة أيام: "the last 24 hours", آخر inside
        elif (self.word(k), self.word(k + 1)) in _APPROX2:
            k += 2
            if self.word(k) in ("علي", "عن", "من"):
                k += 1
        if k == i and self.word(i) == "و" and self.adjacent(i) and self.tok(i + 1) and self.toks[i + 1].kind == "n":
            # بين يومين و14 يوما, بين 21 و28 يوماً: the second member of a duration pair, with its و
            prev_unit = self.lookup(self.lex.units, i - 1, clitics=False) is not None
            prev_num = self.tok(i - 1) is not None and self.toks[i - 1].kind == "n"
            between = any(
                {st for pl, st in _stems(self.word(b)) if pl <= 1} & _fset("بين", "تتراوح", "يتراوح")
                for b in range(max(0, i - 4), i - 1)
            )
            if not ((prev_unit or prev_num) and between):
                return None  # (استمر 3 أيام و4 أيام أخرى: no pair, و stays outside)
            k = i + 1
        after = False
        if k == i and self.word(i) == "بعد" and self.anchor is not None and not self.lookup(self.lex.units, i - 1):
            # (not يوماً بعد يوم، عاماً بعد عام)
            after, k = True, i + 1  # بعد أسبوعين: a point ahead, when nothing follows (below)
        count: int | None = None
        vague = False
        frac = self.fraction_at(k)
        if frac is not None:
            val_f, unit_f, k = frac
            if ago:
                return None
            return [_M(i + 1 if after else start, k, "DURATION", val_f, _UNIT_GRAN[unit_f], "gregorian", False)]
        num = self.number_at(k)
        if num is None and self.word(k).startswith("ال") and self.word(k)[2:] in self.lex.cardinals:
            n_def = self.lex.cardinals[self.word(k)[2:]]
            uh_def = self.lookup(self.lex.units, k + 1, clitics=False)
            if 3 <= n_def < 100 and uh_def is not None and uh_def[1][1] is None:
                num = (n_def, k + 1)  # طوال التسعين دقيقة: a definite number word and its unit
        if num is not None:
            count, k = num
            if count > 10000:
                return None
            pair = self.duration_pair(i, k)
            if pair is not None:
                return pair
        elif self.is_word(k, _VAGUE_COUNT, clitics=True) is not None and self.word(k) not in ("سنوات", "ايام"):
            vague = True
            k += 1
        elif (ago or since or (k == i and self.event_rel(i - 1))) and self.bare_plural(k):
            nx = self.word(k + 1)
            # خلال سنوات الحرب, طوال أيام العيد: a plural in construct with a definite noun names
            # that period (an event), it is no vague duration
            if ago or since or not (nx.startswith("ال") and nx not in _PLURAL_ADJ):
                vague = True
        uh = self.lookup(self.lex.units, k)
        if not uh:
            return self.m_duration_past_n(i)
        n_u, (unit, ucount, number), upl = uh
        if upl and (count is not None or vague):
            return None
        if upl and not (ago or since):
            # ليومين, بيومين: keep the clitic outside the span
            if k != i:
                return None
        k += n_u
        if vague and self.word(k) in ("طويلة", "عديدة", "قليلة", "كثيرة", "معدودة"):
            k += 1
        if count is None and not vague:
            if ucount is not None:
                count = ucount
            elif number != "sg" or (self.tok(k) is not None and self.toks[k].kind == "n"):
                return None  # منذ عام 2011 is a year, not "a year"
            elif self.weekday_at(k) or self.lookup(self.lex.relative, k) or self.month_at(k) or self.day_at(k):
                return None  # منذ يوم الجمعة: "since Friday", not "a day"
            elif ago or since or after or self.word(k) in ("واحد", "واحدة", "واحدا"):
                count = 1  # قبل شهر, منذ عام, يوم واحد, أسبوعاً واحداً
            elif k - n_u == i and self.event_rel(i - 1) and not self.lookup(self.lex.units, i - 2, clitics=False):
                count = 1  # بعد يوم من ..., وبعد أسبوع من ..., لمدة عام, خلال أسبوع (but not يوما بعد يوم)
            elif (
                k - n_u == i
                and not upl
                and number == "sg"
                and self.word(k) in ("كامل", "كاملة", "بكامله")
                and not self.word(k + 1).startswith("ال")
            ):
                count = 1  # قدامنا شهر كامل, أمضى يوماً كاملاً: "a whole month" measures time
            elif k - n_u == i and not upl and self.measure_context(i, k):
                count = 1  # بمقدار ساعة, استغرق الاجتماع ساعة
            elif k - n_u == i and not upl and self.accusative_duration(i, k):
                count = 1  # أجّلتها أسبوعاً, دام الإضراب شهراً
            elif k - n_u == i and self.compound_rest(unit, 1, k) is not None:
                count = 1  # ساعة و20 دقيقة, عام وثلاثة أشهر
            elif k - n_u > i and not upl and not (ago or since):
                count = 1  # قرابة شهر كامل, نحو ساعة: an approximator before a bare unit
            else:
                return None
        if (
            count is not None
            and number == "sg"
            and self.word(k) in ("واحد", "واحدة", "واحدا", "كامل", "كاملة", "كاملا")
        ):
            k += 1
        if (
            num is not None
            and self.word(num[1] - 2) == "ال"
            and self.word(k) in _PAST | _NEXT | _fset("الأخيرة", "الأخير")
        ):
            k += 1  # الـ24 ساعة الماضية
        if count is not None and ucount is not None and num is not None:
            return None  # "3 يومين" is not a thing
        if count is not None and not vague and not ago:
            comp = self.compound_rest(unit, count, k)
            if comp is not None:
                val_c, k = comp
                return [_M(start, k, "DURATION", val_c, _UNIT_GRAN[unit], "gregorian", False)]
        if vague:
            amount = "X"
        else:
            amount = str(count)
        # the unit must not be the start of a calendar expression: "30 يوم" ok, but
        # not "عام 2012" (handled by m_period because it is longer)
        val = _duration_value(amount, unit)
        if unit in ("Y", "M") and not ago and self.is_age(i, k):
            return None
        if after:
            # بعد أسبوعين (from now): a DATE, only in a clause about the future and not relating
            # to another event (بعد أسبوعين من الاجتماع stays a DURATION, بعد outside)
            if (
                count is not None
                and not vague
                and self.word(k) not in ("من", "علي", "عن", "فقط")
                and not self.is_p(k, "-")
                and self.tense(i) == "next"
                and unit in ("D", "W", "M", "Y")
            ):
                v, g = _shift(self.anchor, count, unit)  # type: ignore[arg-type]
                return [_M(i, k, "DATE", v, g, "gregorian", True)]
            return [_M(i + 1, k, "DURATION", val, _UNIT_GRAN[unit], "gregorian", False)]
        if ago and self.word(k) == "من" and not (self.lookup(self.lex.relative, k + 1) or self.day_at(k + 1)):
            # قبل ثلاثة أيام من الانتخابات: before the event, not before today: the amount is a DURATION
            return [_M(i + 1, k, "DURATION", val, _UNIT_GRAN[unit], "gregorian", False)]
        if ago:
            if vague or self.anchor is None:
                return [_M(i, k, "DATE", "PAST_REF" if vague else None, _UNIT_GRAN[unit], "gregorian", True)]
            v, g = _shift(self.anchor, -count, unit)  # type: ignore[arg-type]
            return [_M(i, k, "DATE", v, g, "gregorian", True)]
        return [_M(start, k, "DURATION", val, _UNIT_GRAN[unit], "gregorian", False)]

    def duration_pair(self, i: int, k: int) -> list[_M] | None:
        """بين 21 و28 يوماً: a bare number after بين / من, then و + number + unit: two DURATIONs,
        the first taking the unit of the second (ages excluded)."""
        if not {st for pl, st in _stems(self.word(i - 1)) if pl <= 1} & _fset("بين", "من"):
            return None
        if self.lookup(self.lex.units, k) is not None or not (self.word(k) == "و" and self.adjacent(k)):
            return None
        num2 = self.number_at(k + 1)
        if num2 is None:
            return None
        uh = self.lookup(self.lex.units, num2[1], clitics=False)
        if uh is None or uh[1][1] is not None:
            return None
        end = num2[1] + uh[0]
        unit = uh[1][0]
        if self.is_age(i - 1, end) or self.is_age(i, end):
            return None
        n1 = self.toks[i].num if self.toks[i].kind == "n" else None
        if n1 is None or n1 >= num2[0]:
            return None
        return [
            _M(i, k, "DURATION", _duration_value(str(n1), unit), _UNIT_GRAN[unit], "gregorian", False),
            _M(k, end, "DURATION", _duration_value(str(num2[0]), unit), _UNIT_GRAN[unit], "gregorian", False),
        ]

    def general_adjective(self, i: int) -> bool:
        """Token i is عام "general, public" qualifying the noun before it: المدير العام (السابق)،
        مديرا عاما، الأمين العام، النائب العام، الرأي العام، القطاع العام، المال العام، بشكل عام،
        اتفاق عام، إضراباً عاماً، مديرين عامين. Never a time expression; a year number after it
        (اتفاق عام 2015) keeps the year reading.

        عاما right after any other word that looks like an indefinite accusative noun (ends in
        the tanween alef, not an adverb, a pronoun suffix or a verb ending) is the adjective too:
        a bare accusative year after a noun it could modify is no duration (guidelines,
        Clarifications); عاماً كاملاً after such a word still measures time."""
        w = self.word(i)
        if w not in ("عام", "العام", "عاما", "عامين"):
            return False
        prev = self.tok(i - 1)
        if prev is None or prev.kind != "w":
            return False
        nt = self.tok(i + 1)
        if nt is not None and nt.kind == "n":
            return False  # اتفاق عام 2015, الإضراب العام 2011: the year
        if w == "عاما" and self.word(i + 1) in ("ونصف", "ونصفا", "ونص"):
            return False
        stems = [(pl, st) for pl, st in _stems(prev.t) if pl <= 2]
        for _, st in stems:
            definite = st.startswith("ال")
            base = st[2:] if definite else st
            if w == "عامين":
                if not definite and base in _GENERAL_PLURALS:
                    return True
                continue
            if (w == "العام") != definite:
                continue
            if w == "عاما":
                # مديرا عاما، إضراباً عاماً: the noun in the accusative too
                if base.endswith("ا") and base[:-1] in _GENERAL_TITLES | _GENERAL_NOUNS:
                    return True
                continue
            if base in _GENERAL_TITLES or (not definite and base in _GENERAL_NOUNS):
                return True
        if w != "عاما" or self.word(i + 1) in ("كاملا", "كاملة", "بكامله"):
            return False
        bare = [st for pl, st in stems if pl <= 1 and not st.startswith("ال")]
        if not bare or any(st in _ALEF_NOT_NOUN | _LASTING for st in bare):
            return False
        for b in (i - 2, i - 3):  # مكث مختبئاً عاماً: a verb of lasting governs it
            if any(pl <= 1 and st in _LASTING for pl, st in _stems(self.word(b))):
                return False
        pw = prev.t
        return (
            pw.endswith("ا")
            and not pw.endswith(("ها", "نا", "وا", "ما", "تا"))
            and min(len(st) for st in bare) >= 4
            and not self.lookup(self.lex.cardinals, i - 1)
        )

    def event_rel(self, i: int) -> bool:
        """Token i is بعد، قبل، خلال، لمدة ... (_EVENT_REL), alone or after و / ف (وبعد، فخلال)."""
        w = self.word(i)
        if w in _EVENT_REL:
            return True
        return w[:1] in ("و", "ف") and w[1:] in _EVENT_REL

    def accusative_duration(self, i: int, k: int) -> bool:
        """A singular unit in the accusative right after a verb: تؤجلها أسبوعاً، استمر شهراً،
        انتظرنا ساعةً (an adverb of time, "for a week").

        Not: يوماً ما / يوماً بعد يوم / عاماً بعد عام (idioms), لم يكن يوماً ("ever", after a
        negation), كان يوماً تاريخياً (a predicate noun after كان and its sisters, or with an
        adjective), a noun before it (مهلة شهراً is left alone), nor a count (25 عاما)."""
        w = self.word(i)
        if w.endswith("ا"):
            pass  # يوما، شهرا، عاما، اسبوعا: the accusative alef
        elif w.endswith("ة") and self.orig is not None and self.omap is not None:
            e = self.omap[self.toks[i].e - 1] + 1
            if "\u064b" not in self.orig[e : e + 2]:  # ساعةً، سنةً need the written tanween
                return False
        else:
            return False
        prev = self.tok(i - 1)
        if prev is None or prev.kind != "w" or prev.e == self.toks[i].s:
            return False
        pw = prev.t
        stems = {st for _, st in _stems(pw)} | {pw}
        nxt = self.word(k)
        whole = nxt in ("كاملا", "كاملة", "بكامله")  # شهراً كاملاً: a duration whatever precedes
        nt = self.tok(k)
        clause_end = nt is None or (nt.kind == "p" and nt.t in _SENT_END | {",", "،"}) or nxt in ("ثم", "فقط")
        if not (whole or clause_end) and (pw.startswith(("ال", "وال", "فال", "بال", "لل")) or pw.endswith(("ة", "ات"))):
            return False  # أغلقت السلطات المعبر أسبوعاً ثم ...: the clause ends on the duration
        if w == "يوما" and not (whole or clause_end or nxt in ("واحدا", "اخر", "اضافيا")):
            return False  # سافرت يوماً إلى باريس: "one day, once", not "for a day"
        if stems & (_ACC_NOT_PREV | _EVENT_REL | _HOUR_PREV) or self.lookup(self.lex.cardinals, i - 1):
            return False
        for b in range(max(0, i - 4), i - 1):
            if self.word(b) in ("لم", "لن", "ما", "لا", "ولم", "ولن", "ليس", "وما", "فلم"):
                return False  # لم أكن يوماً: "ever"
        if nxt in ("ما", "بعد", "عن", "تلو", "من", "اثر", "وراء", "فيوما"):
            return False
        if nxt.endswith("ا") and nxt not in ("كاملا", "واحدا", "اضافيا", "اخر"):
            return False  # كان يوماً تاريخياً
        return True

    def compound_rest(self, unit: str, count: int, k: int) -> tuple[str, int] | None:
        """The rest of a compound duration after "<count> <unit>" ending at k: ثلاث ساعات و20 دقيقة
        (PT3H20M), عامين وثلاثة أشهر (P2Y3M), ساعتين ونصف (PT2H30M), يومين و5 ساعات (P2DT5H).
        Only smaller units join; returns (value, next_i)."""
        parts = {unit: count}
        last = unit
        end = None
        while True:
            w = self.word(k)
            if w in ("ونصف", "ونص", "ونصفا") and len(parts) == 1:  # ونصفاً: accusative  # ونص: colloquial ونصف
                small = {"TH": ("TM", 60), "TM": ("TS", 60), "D": ("TH", 24), "Y": ("M", 12), "M": ("D", 30)}
                if last not in small:
                    break
                u2, f = small[last]
                if last in ("TH", "TM"):
                    parts[u2] = f // 2
                else:  # عامين ونصف: P30M, like عام ونصف → P18M
                    parts = {u2: count * f + f // 2}
                k += 1
                end = k
                break
            if not w.startswith("و"):
                break
            j = k + 1 if w == "و" else k
            num = self.number_at(j)
            if num is not None:
                n2, j2 = num
                uh = self.lookup(self.lex.units, j2, clitics=False)
                if uh is None or uh[1][1] is not None:
                    break
                u2 = uh[1][0]
                j2 += uh[0]
            else:
                uh = self.lookup(self.lex.units, k)
                if uh is None or uh[1][1] is None or uh[2] != 1:
                    break  # وساعتين, ويومين: dual units with و
                u2, n2, j2 = uh[1][0], uh[1][1], k + uh[0]
            if _UNIT_ORDER.get(u2, -1) <= _UNIT_ORDER.get(last, 99) or u2 in parts:
                break
            parts[u2] = n2
            last = u2
            k = j2
            end = k
        if end is None:
            return None
        return _compound_value(parts), end

    def measure_context(self, i: int, k: int) -> bool:
        """A bare singular unit (ساعة، يوم، أسبوع، شهر، عام) that measures time: right after
        بمقدار / مدة / ومدتها, or ending a clause whose verb is one of lasting (استغرق، دام،
        استمر، امتد، تأخر) with at most its subject between: استغرق الاجتماع ساعة."""
        prev = {st for _, st in _stems(self.word(i - 1))}
        if prev & _MEASURE_PREV:
            return True
        nt = self.tok(k)
        clause_end = (
            nt is None
            or (nt.kind == "p" and nt.t in _SENT_END | {",", "،"})
            or self.word(k)
            in (
                "فقط",
                "تقريبا",
                "كاملة",
                "كاملا",
                "يوميا",
                "اسبوعيا",
            )
        )
        if not clause_end:
            return False
        for b in (i - 1, i - 2, i - 3):
            t = self.tok(b)
            if t is None or t.kind != "w":
                return False
            if any(plen <= 1 and st in _LASTING for plen, st in _stems(t.t)):
                return True
        return False

    def bare_plural(self, k: int) -> bool:
        """سنوات, أيام, أشهر ... without a number (منذ سنوات, قبل أيام)."""
        uh = self.lookup(self.lex.units, k, clitics=False)
        return uh is not None and uh[1][2] == "pl"

    def fraction_at(self, k: int) -> tuple[str, str, int] | None:
        """نصف ساعة, ربع ساعة, نصف قرن, ساعة ونصف: (value, unit, next_i), in a smaller unit
        (عام ونصف → P18M) except hours and minutes (ساعة ونصف → PT1H30M)."""
        w = self.word(k)
        half = None
        if w in ("نصف", "نص", "ربع"):
            uh = self.lookup(self.lex.units, k + 1, clitics=False)
            if uh is None or uh[1][2] != "sg":
                return None
            frac = 0.25 if w == "ربع" else 0.5
            unit, end = uh[1][0], k + 1 + uh[0]
            count = frac
        else:
            uh = self.lookup(self.lex.units, k, clitics=False)
            if uh is None or uh[1][2] == "pl" or self.word(k + uh[0]) not in ("ونصف", "ونص", "ونصفا"):
                return None
            unit, end = uh[1][0], k + uh[0] + 1
            count = (uh[1][1] or 1) + 0.5
            half = True
        smaller = {
            "TH": ("TM", 60),
            "D": ("TH", 24),
            "M": ("D", 30),
            "Y": ("M", 12),
            "CE": ("Y", 100),
            "DE": ("Y", 10),
            "W": ("D", 7),
            "TM": ("TS", 60),
        }
        if unit not in smaller:
            return None
        u2, f = smaller[unit]
        n = count * f
        if n != int(n):
            return None
        if half and unit in ("TH", "TM"):
            # ساعة ونصف: TIMEX3 writes clock units together, PT1H30M
            return _compound_value({unit: int(count), u2: f // 2}), u2, end
        return _duration_value(str(int(n)), u2), u2, end

    def is_age(self, i: int, k: int) -> bool:
        """Ages are never durations (guidelines §2 and Clarifications): (28 عاما), البالغ 28 عاما,
        28 عاما من العمر, عن عمر يناهز 82 عاماً, البالغ من العمر 78 عاماً, طفل عمره 5 سنوات,
        ابن 7 سنوات, أعمارهم بين 18 و25 عاماً, توفي عن 82 عاماً."""
        if self.is_p(i - 1, "(") and self.is_p(k, ")"):
            return True
        nxt = self.word(k)
        if nxt in ("من", "في") and self.word(k + 1) in _AGE_AFTER:
            return True
        if nxt in _AGE_AFTER:
            return True
        # back over the count's own words (approximators, بين 18 و, ما يناهز) to an age word
        b = i - 1
        steps = 0
        while b >= 0 and steps < 5:
            t = self.toks[b]
            if t.kind == "p":
                return False
            stems = {s for _, s in _stems(t.t)} if t.kind == "w" else set()
            if stems & _AGE_PREV:
                return True
            if t.kind == "n" or t.t in _AGE_SKIP or stems & _AGE_SKIP:
                b -= 1
                steps += 1
                continue
            # أعمار المشاركين بين 18 و30 عاماً, يبلغ المتهم 30 عاماً: one definite noun between
            if t.t.startswith("ال") and {s for _, s in _stems(self.word(b - 1))} & _AGE_PREV:
                return True
            break
        # توفي عن 82 عاماً / رحل عن عالمنا عن 78 عاماً: عن + count after a death verb
        if self.word(i - 1) == "عن":
            # the verb may be far back, across the subject and the date of death
            # (توفي جمال عبد الناصر في 28 أيلول/سبتمبر 1970 عن 52 عاما), within the clause
            for b in range(i - 2, max(-1, i - 18), -1):
                t = self.toks[b]
                if t.kind == "p" and t.t in _SENT_END | {",", "،"}:
                    break
                if t.kind == "w" and any(plen <= 1 and st in _DEATH for plen, st in _stems(t.t)):
                    return True
        return False

    def m_duration_past_n(self, i: int) -> list[_M] | None:
        """الساعات الـ 24 الماضية, الأيام الثلاثة الأخيرة, السنوات الخمس الماضية."""
        k = i
        uh = self.lookup(self.lex.units, k)
        if not uh:
            w = self.word(k)
            for plen, stem in _stems(w):
                if stem.startswith("ال") and stem[2:] in self.lex.units:
                    uh = (1, self.lex.units[stem[2:]], plen)
                    break
        if not uh:
            return None
        n_u, (unit, ucount, number), pl = uh
        stem = _stem_in(self.word(k), pl)
        if not stem.startswith("ال") and not self.word(k).startswith("ال"):
            # the unit lexicon has no article: accept ال + unit
            pass
        k += n_u
        if self.word(k) in ("القليلة", "العديدة", "الطويلة"):
            k += 1
        count = None
        t = self.tok(k)
        if (
            t is not None
            and t.kind == "w"
            and t.t == "ال"
            and self.tok(k + 1) is not None
            and self.toks[k + 1].kind == "n"
        ):
            count, k = self.toks[k + 1].num, k + 2
        elif t is not None and t.kind == "w" and t.t.startswith("ال") and t.t[2:] in self.lex.cardinals:
            count, k = self.lex.cardinals[t.t[2:]], k + 1
        first = self.word(k) in _fset("الأولى", "الأول")
        if first and count is None:
            return None  # الأيام الأولى من الحرب: no length
        if self.word(k) not in _PAST | _NEXT | _DUAL_REL | _fset("الأخيرة", "الأخير") and not first:
            return None
        k += 1  # الأشهر الـ21 الأولى
        if count is None and ucount is not None:
            count = ucount  # الشهرين الماضيين
        amount = "X" if count is None else str(count)
        if count is None and number != "pl":
            return None
        return [_M(i, k, "DURATION", _duration_value(amount, unit), _UNIT_GRAN[unit], "gregorian", False)]
