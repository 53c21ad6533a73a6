"""Clause and tense heuristics: which way a bare weekday or month points."""

from __future__ import annotations

import re

from .lexicon import (
    _CLAUSE_LINKS,
    _CLOCK_FILLERS,
    _COMPLEMENTIZERS,
    _FORECAST,
    _FUTURE_NOT,
    _FUTURE_WORDS,
    _HOUR_ORD,
    _IMPF_NOT,
    _LIGHT,
    _REPORT_PAST,
    _SCHEDULED_EVENTS,
    _SENT_END,
    _STATIVE,
    _fset,
    _stems,
)


def _looks_imperfect(word: str, after_an: bool = False) -> bool:
    """A clause-initial imperfect verb: يزور، وتنطلق، يجتمع (not يوم، تنظيم، تقرير، تحالف).

    A four-letter word in ت is also a Form V past verb (توجه، تحدث) unless it follows أن."""
    if word[:1] in "وف" and len(word) > 4:
        word = word[1:]
    if not word or word[0] not in "يت" or not 3 <= len(word) <= 6 or word in _IMPF_NOT:
        return False
    if len(word) < (3 if after_an else 4) or (word[0] == "ت" and len(word) == 4 and not after_an):
        return False
    if word.endswith(("ة", "ات", "يا", "ية")):
        return False
    if word[0] == "ت" and len(word) == 5 and word.endswith("ت") and not after_an:
        return False  # توقعت، تحدثت، تمكنت: a Form V past verb with the feminine ت
    if word[0] == "ت" and len(word) == 6 and word[2] == "ا" and word.endswith("ت"):
        return False  # تراجعت، تجاوزت، تواصلت، تصاعدت: a Form VI past verb with the feminine ت
        # (its imperfect has ا one letter later: تتراجع، تتواصل)
    if (
        word[0] == "ت"
        and not (after_an and word[1] in "تن")
        and (
            (len(word) == 5 and word[3] == "ي")  # تفعيل: تنظيم، تقرير
            or (len(word) == 5 and word[2] == "ا")  # تفاعل: تحالف، تعاون
        )
    ):
        return False
    return True


def _relative_clitic_ok(prefix: str, stem: str) -> bool:
    """Which proclitics a deictic day word takes.

    A bare word (أمس، غداً، غد) takes only the conjunctions و / ف (وأمس، فغداً): ل + أمس
    would be written للأمس, so لامس is the verb "touched" (لامس، لامست، يلامس).  A word
    with the article also takes the prepositions ب and ل (بالأمس، وبالأمس، لليوم), never
    ك (كاليوم "as today")."""
    if not stem.startswith("ال"):
        return prefix in ("و", "ف")
    return prefix in ("و", "ف", "ب", "ل", "وب", "فب", "ول", "فل")


def _stem_in(word: str, plen: int) -> str:
    stem = word[plen:]
    if word.startswith("لل") and plen == 1:
        stem = "ال" + word[2:]
    return stem


class TenseRules:
    """Clause and tense heuristics: which way a bare weekday or month points."""

    def tense(self, i: int, j: int | None = None) -> str:
        """'next' if the clause before token i points to the future, else 'past'.

        The clause runs back to sentence punctuation, a comma or a complementizer
        (أن، إن، أنه ...).  Future: سوف, سـ + imperfect (سيزور), words such as غداً،
        المقبل، من المقرر، يتوقع, or a clause-initial imperfect verb (يزور الوزير
        موسكو الثلاثاء; على أن تبدأ المحادثات الاثنين)."""
        # لاجتماع الاثنين، لقمة الخميس: "for the meeting on Monday" schedules the day ahead
        prev = self.word(i - 1)
        if prev.startswith("ل") and any(pl == 1 and st in _SCHEDULED_EVENTS for pl, st in _stems(prev)):
            return "next"
        lo = i
        steps = 0
        after_an = False
        while lo > 0 and steps < 14:
            t = self.toks[lo - 1]
            clock_colon = t.t == ":" and 1 < lo < self.n and self.toks[lo - 2].kind == "n" == self.toks[lo].kind
            if t.kind == "p" and (t.t in _SENT_END or t.t in ",،") and not clock_colon:
                break  # (the colon of 23:00 ends nothing)
            if t.kind == "p" and t.t == "-" and self.dateline_dash(lo - 1):
                break  # القاهرة - يتوجه الناخبون ...: the dateline is not part of the clause
            if t.kind == "w" and t.t in _COMPLEMENTIZERS:
                after_an = t.t in ("ان", "بان", "وان", "لان", "علي ان")
                break
            lo -= 1
            steps += 1
        words = [self.toks[k].t for k in range(lo, i) if self.toks[k].kind == "w"]
        # يستمر حتى صباح السبت, تتواصل إلى غاية الأحد: an imperfect verb reaching up to the day
        tail = words[-3:]
        for n_until in (1, 2):
            if len(tail) > n_until and tail[-n_until:] in (["حتي"], ["الي"], ["الي", "غاية"], ["لغاية"]):
                if _looks_imperfect(tail[-n_until - 1], True):
                    return "next"
                # تبقى المدارس مغلقة حتى الأحد: the clause opens with an imperfect verb
                if tail[-n_until:] != ["الي"] and _looks_imperfect(words[0], True):
                    return "next"
        # a clause with no verb of its own (، مع تسجيل رياح قوية مساء الجمعة) takes the
        # tense of the clause it hangs on
        if (
            words
            and lo > 0
            and self.is_p(lo - 1, ",،")
            and {st for _, st in _stems(words[0])} & _fset("مع", "وسط", "بالإضافة", "إضافة", "علاوة")
        ):
            return self.tense(lo - 1)
        report = bool(words) and any(plen <= 1 and st in _REPORT_PAST for plen, st in _stems(words[0]))
        for w in words:
            for plen, stem in _stems(w):
                if plen > 1:
                    continue
                if stem in _FUTURE_WORDS:
                    return "next"
                if (
                    not report
                    and stem.startswith("س")
                    and len(stem) >= 5
                    and stem[1] in "يتنا"
                    and not stem.startswith("سيا")
                    and stem not in _FUTURE_NOT
                ):
                    return "next"
        if words and _looks_imperfect(words[0], after_an):
            return "next"
        if words and (lo == 0 or self.toks[lo - 1].kind == "p") and self.imperative(lo):
            return "next"  # احجزوا تذاكركم قبل الجمعة: an instruction is about the days ahead
        # ويصلى على جثمانه غداً، وتقبل التعازي يومي الخميس والجمعة: a ت-verb that could also be a
        # Form V past opens a clause coordinated with a future one: it is an imperfect too
        if (
            words
            and words[0][:1] in "وف"
            and lo > 0
            and self.is_p(lo - 1, ",،")
            and _looks_imperfect(words[0], True)
            and self.tense(lo - 1) == "next"
        ):
            return "next"
        # فيما تتواصل العروض حتى الخميس, بينما يلتقي الوفدان الأحد: the verb after a clause-linking
        # particle is clause-initial too
        if len(words) > 1 and words[0] in _CLAUSE_LINKS and _looks_imperfect(words[1], after_an):
            return "next"
        if j is None:
            return "past"
        # يكون الثلاثاء أول أيام العيد: an imperfect verb right before the weekday, also across a
        # clock time (يبدأ الساعة السابعة من صباح السبت)
        near = list(words)
        while len(near) > 1 and (near[-1] in _CLOCK_FILLERS or near[-1] in _HOUR_ORD or near[-1] in self.lex.cardinals):
            near.pop()
        if (
            near
            and len(near) < len(words)
            and "الساعة" in words[len(near) :]
            and _looks_imperfect(near[-1])
            and not {st for w in words for _, st in _stems(w)} & _fset("كان", "كانت", "كانوا", "ظل", "ظلت")
        ):
            return "next"
        if (
            words
            and _looks_imperfect(words[-1])
            and self.adjacent_words(i)
            and not {st for w in words for _, st in _stems(w)} & _fset("كان", "كانت", "كانوا", "ظل", "ظلت")
        ):
            return "next"
        # الثلاثاء يصل الوفد / وفي يوم الجمعة تنطلق القمة: nothing but particles before the day, and
        # the clause's verb comes after it
        if all(w in _LIGHT for w in words):
            k = j
            if self.lookup(self.lex.parts, k, clitics=False):
                k += self.lookup(self.lex.parts, k, clitics=False)[0]
            w = self.word(k)
            if w and self.tok(k) is not None and not self.is_p(k - 1, _SENT_END | {",", "،"}):
                for plen, stem in _stems(w):
                    if plen > 1:
                        continue
                    if stem in _FUTURE_WORDS or (
                        stem.startswith("س") and len(stem) >= 5 and stem[1] in "يتنا" and stem not in _FUTURE_NOT
                    ):
                        return "next"
                # يصل، ينطلق (any ي-verb); a ت-verb only where it cannot be a Form V past (توجه)
                if _looks_imperfect(w, w[1:2] == "ي" if w[:1] in "وف" else w[:1] == "ي"):
                    return "next"
        return "past"

    def imperative(self, k: int) -> bool:
        """Token k (the first word of a clause) is a plural imperative with hamzat al-wasl written
        as a bare alef: احجزوا، اذهبوا، وانتظروا (ا + three letters + وا).  A Form IV past written
        without hamza (ارسلوا for أرسلوا) looks the same, so only a bare ا in a text that writes
        hamza elsewhere counts; Form VIII pasts (اتفقوا، اشتروا) are left out."""
        w = self.word(k)
        plen = 1 if w[:1] in "وف" and len(w) == 7 else 0
        core = w[plen:]
        if not (len(core) == 6 and core[0] == "ا" and core.endswith("وا") and core[1] not in "لنت" and core[2] != "ت"):
            return False
        if self.orig is None or self.omap is None or not ("أ" in self.orig or "إ" in self.orig):
            return False
        return self.orig[self.omap[self.toks[k].s + plen]] == "ا"

    def dateline_dash(self, k: int) -> bool:
        """Token k is the dash after a dateline (القاهرة -، لندن (رويترز) -): at most six tokens
        between it and the start of the line."""
        n = 0
        for x in range(k - 1, -1, -1):
            if "\n" in self.f[self.toks[x].e : self.toks[x + 1].s]:
                break
            n += 1
            if n > 6:
                return False
        return n >= 1

    def adjacent_words(self, i: int) -> bool:
        """Token i-1 is a word (no punctuation between it and token i)."""
        t = self.tok(i - 1)
        return t is not None and t.kind == "w"

    def forecast(self, i: int) -> bool:
        """The sentence before token i contains a forecast (توقعت الأرصاد ..., وفق التوقعات)."""
        lo = i
        while lo > 0 and i - lo < 40 and not self.sentence_break(lo - 1, lo):
            lo -= 1
            t = self.toks[lo]
            if t.kind == "w" and any(plen <= 1 and st in _FORECAST for plen, st in _stems(t.t)):
                return True
        return False

    # -- deictic days: أمس، اليوم، غداً، الليلة ----------------------------------

    def verb_ghada(self, k: int, kend: int) -> bool:
        """غدا "became" (غدا الوضع أكثر تعقيدا), not غداً "tomorrow": clause-initial, then a subject."""
        w = self.toks[k].t
        prev = self.tok(k - 1)
        if {st for _, st in _stems(self.word(k - 1))} & {"قد", "لقد"}:
            return True  # قد only comes before a verb: وقد غدا جمعة أحد أبرز الهدافين
        initial = (
            prev is None
            or (prev.kind == "p" and prev.t in _SENT_END | {",", "،"})
            or bool({st for _, st in _stems(self.word(k - 1))} & {"قد", "ثم", "لقد"})
        )
        initial = initial or (w != "غدا" and w[:1] in "وف")
        nxt = self.word(kend)
        if not initial and self.word(k - 1) in ("حتي", "حين", "عندما", "لما", "بعدما"):
            # حتى غدا القناع جزءا من هويتنا: "until it became", with a subject and an accusative
            # predicate after it (حتى غداً الأحد is "until tomorrow")
            pred = self.word(kend + 1)
            initial = pred.endswith("ا") and len(pred) >= 3 or pred in ("اكثر", "اقل")
        pred = self.word(kend + 1)
        if (
            initial
            and nxt.endswith(("ه", "ها", "هم", "هما"))
            and len(nxt) >= 4
            and len(pred) >= 3
            and pred.endswith("ا")
        ):
            # حتى غدا صوته جزءا من ذاكرتهم، ثم غدا ملعبه مزارا: a possessed subject and an accusative
            # predicate (غداً موعدنا مع الحسم stays "tomorrow")
            return not self.weekday_at(kend) and not self.lookup(self.lex.parts, kend)
        return initial and nxt.startswith("ال") and not self.weekday_at(kend) and not self.lookup(self.lex.parts, kend)

    def generic_today(self, k: int, kend: int, plen: int, w: str) -> bool:
        """اليوم meaning "nowadays / to this day", or page furniture (نهفة اليوم)."""
        prev = self.word(k - 1)
        if prev in ("الي", "حتي") or (plen and w[:plen] == "ل" and prev in ("",)):
            return True
        # الشركة تعمل اليوم في 14 دولة، يعيش اليوم في المنفى: a verb of state right before it
        # (no event that happens on a day: "nowadays")
        verb = prev
        if prev.startswith("ال") and self.adjacent_words(k) and self.adjacent_words(k - 1):
            verb = self.word(k - 2)  # تعيش الأسرة اليوم في مخيم: verb, subject, اليوم
        if not plen and {st for pl, st in _stems(verb) if pl <= 1} & _STATIVE:
            if not (verb.lstrip("وف") in ("يعمل", "تعمل") and self.word(kend) != "في"):
                return True
        if w.startswith("لل") and prev == "":
            return True
        # a menu or title line: "... نهفة اليوم" ending the line, with no punctuation at all
        t = self.toks[k]
        line_start = self.f.rfind("\n", 0, t.s) + 1
        line_end = self.f.find("\n", t.e)
        line_end = len(self.f) if line_end < 0 else line_end
        line = self.f[line_start:line_end]
        if self.f[t.e : line_end].strip() == "" and prev.endswith("ة") and not prev.startswith("ال"):
            if not re.search(r"[.،,؛:!؟?«»\"]", line):
                return True
        return False
