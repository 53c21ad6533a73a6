"""Lexicons: the word tables (``data/dates/*.tsv``, folded once on first use), the small word sets
the grammar uses, tokens and proclitic readings, and the triggers of the pre-filter."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

from ..arabic import FOLDED_TOKEN_RE, fold_with_offsets, fold_word, proclitic_readings

# ---------------------------------------------------------------------------
# Length-preserving folding (with an offset map)
# ---------------------------------------------------------------------------

#: Folding with an offset map and lexicon folding come from :mod:`corpusstats.arabic`
#: (one text layer for counting and dates).
fold = fold_with_offsets
_fold_key = fold_word


# ---------------------------------------------------------------------------
# Lexicons (lazy, cached)
# ---------------------------------------------------------------------------


def _read_tsv(name: str) -> list[list[str]]:
    path = resources.files("corpusstats").joinpath("data", "dates", name)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _grouped_tsv(name: str) -> dict[str, list[list[str]]]:
    """Rows of a ``name<TAB>…`` data file grouped by their first column."""
    out: dict[str, list[list[str]]] = {}
    for row in _read_tsv(name):
        out.setdefault(row[0], []).append(row[1:])
    return out


@functools.lru_cache(maxsize=1)
def _sets_file() -> dict[str, list[list[str]]]:
    return _grouped_tsv("word_sets.tsv")


@functools.lru_cache(maxsize=1)
def _tables_file() -> dict[str, list[list[str]]]:
    return _grouped_tsv("word_tables.tsv")


def _word_set(name: str) -> frozenset[str]:
    """A trigger or blocker set from ``data/dates/word_sets.tsv`` (rows ``name<TAB>word``), folded."""
    rows = _sets_file().get(name)
    if rows is None:
        raise KeyError(f"no word set {name!r} in data/dates/word_sets.tsv")
    return frozenset(_fold_key(r[0]) for r in rows)


def _word_table(name: str, convert: Callable[[str], Any] = str) -> dict[str, Any]:
    """A word → value table from ``data/dates/word_tables.tsv`` (rows ``name<TAB>word<TAB>value``), folded."""
    rows = _tables_file().get(name)
    if rows is None:
        raise KeyError(f"no word table {name!r} in data/dates/word_tables.tsv")
    return {_fold_key(r[0]): convert(r[1]) for r in rows}


@dataclass(frozen=True)
class _Month:
    month: int
    system: str
    ambiguous: bool

    @property
    def hijri(self) -> bool:
        return self.system == "hijri"


@dataclass(frozen=True)
class _Lex:
    months: dict[str, _Month]
    weekdays: dict[str, tuple[int, bool]]
    relative: dict[str, tuple[int, str]]
    parts: dict[str, str]
    units: dict[str, tuple[str, int | None, str]]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    maxlen: int


@functools.lru_cache(maxsize=1)
def _lex() -> _Lex:
    months = {_fold_key(r[0]): _Month(int(r[1]), r[2], r[3] == "1") for r in _read_tsv("months.tsv")}
    weekdays = {_fold_key(r[0]): (int(r[1]), r[2] == "1") for r in _read_tsv("weekdays.tsv")}
    relative = {_fold_key(r[0]): (int(r[1]), (r[2] if len(r) > 2 else "")) for r in _read_tsv("relative.tsv")}
    parts = {_fold_key(r[0]): r[1] for r in _read_tsv("parts_of_day.tsv")}
    units = {_fold_key(r[0]): (r[1], int(r[2]) if r[2] else None, r[3]) for r in _read_tsv("units.tsv")}
    cardinals: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for r in _read_tsv("numbers.tsv"):
        (cardinals if r[2] == "cardinal" else ordinals)[_fold_key(r[0])] = int(r[1])
    keys = [*months, *weekdays, *relative, *parts, *units, *cardinals, *ordinals]
    maxlen = max(len(k.split()) for k in keys)
    return _Lex(months, weekdays, relative, parts, units, cardinals, ordinals, maxlen)


# ---------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------

_TOKEN_RE = FOLDED_TOKEN_RE  # the shared token pattern for folded text (corpusstats.arabic)
_SENT_END = {".", "!", "?", "؟", "\n", "؛", ";", ":", "«", "»", '"', "“", "”"}


class _Tok(NamedTuple):
    s: int  # start in folded text
    e: int  # end in folded text
    t: str  # folded token text
    kind: str  # "w" word, "n" number, "p" punctuation

    @property
    def num(self) -> int:
        return int(self.t)


#: ``(prefix_length, stem)`` readings of a folded word, the bare word first: the shared
#: :func:`corpusstats.arabic.proclitic_readings`.
_stems = proclitic_readings


# ---------------------------------------------------------------------------
# Small word sets used by the grammar (folded spellings)
# ---------------------------------------------------------------------------


@functools.cache
def _fset(*words: str) -> frozenset[str]:
    return frozenset(_fold_key(w) for w in words)


_YAWM = _word_set("YAWM")
_SHAHR = _word_set("SHAHR")
_YEAR_WORDS = _word_set("YEAR_WORDS")
_PAST = _word_set("PAST")
_NEXT = _word_set("NEXT")
#: plural and dual modifiers after a coordinated pair: الأربعاء والخميس المقبلين, من 20 نوفمبر إلى
#: 18 ديسمبر المقبلين (they apply to both members and sit in the last one's span)
_PLURAL_REL = {
    **dict.fromkeys(_fset("المقبلين", "المقبلتين", "القادمين", "القادمتين"), "next"),
    **dict.fromkeys(_fset("الماضيين", "الماضيتين", "المنصرمين", "المنصرمتين", "الفائتين"), "past"),
}
_THIS = _word_set("THIS")
_REL_ADJ = _PAST | _NEXT | _THIS
_SAME = _word_set("SAME")
_SAME_UNITS = _word_table("SAME_UNITS", str)
_DAY_NEG_NEXT = _word_set("DAY_NEG_NEXT")
_MODS = _word_table("MODS", str)
_PERIOD_UNITS = _word_table("PERIOD_UNITS", str)
#: words after which a bare accusative unit is no adverb of duration: copulas
#: (كان يوماً ...), particles, prepositions, numbers' nouns
_ACC_NOT_PREV = _word_set("ACC_NOT_PREV")
#: nouns that عام "general, public" qualifies in fixed phrases (titles, public sphere):
#: المدير العام، مديرا عاما، الأمين العام، النائب العام، الرأي العام، القطاع العام، المال العام.
#: After them عام / العام / عاما is the adjective whatever follows (المدير العام السابق is the
#: former director general, not "last year"), unless a year number follows.
_GENERAL_TITLES = _word_set("GENERAL_TITLES")
#: nouns that عام often qualifies but that can also be followed by "the year": an indefinite
#: عام / عاما after them is the adjective (اتفاق عام، إضراباً عاماً); the definite العام + a
#: modifier is left to the year reading (وقعت الحكومة الاتفاق العام الماضي)
_GENERAL_NOUNS = _word_set("GENERAL_NOUNS")
#: plural heads before the adjective عامين: مديرين عامين، أمناء عامين (not "two years")
_GENERAL_PLURALS = _word_set("GENERAL_PLURALS")
#: words ending in alef that are no accusative noun an adjective عاما could follow: adverbs,
#: particles (a following عاما may be "for a year": بقي هنا عاماً)
_ALEF_NOT_NOUN = _word_set("ALEF_NOT_NOUN")
#: adjectives between a year noun and its number: العام المالي 2026
_YEAR_KINDS = _word_set("YEAR_KINDS")
_AGO = _word_set("AGO")
_SINCE = _word_set("SINCE")
_APPROX = _word_set("APPROX")
_APPROX2 = {  # two-word modifiers
    ("ما", "يقارب"),
    ("ما", "يزيد"),
    ("أكثر", "من"),
    ("اكثر", "من"),
    ("أقل", "من"),
    ("ما", "يناهز"),
}
_APPROX2 = {(_fold_key(a), _fold_key(b)) for a, b in _APPROX2}
_LATE_EARLY = _word_table("LATE_EARLY", str)
_DECADES = _word_table("DECADES", int)
_DUAL_REL = _word_set("DUAL_REL")
#: nouns of measure before a bare unit: بمقدار ساعة, مدة أسبوع
_MEASURE_PREV = _word_set("MEASURE_PREV")
#: verbs of lasting: استغرق الاجتماع ساعة, دامت المفاوضات يوماً
_LASTING = _word_set("LASTING")
#: particles that may open a clause before a weekday whose verb follows: وفي الثلاثاء يصل ...
_LIGHT = _word_set("LIGHT")
#: adjectives after a bare plural unit: سنوات طويلة / الأيام القليلة الماضية
_PLURAL_ADJ = (
    _PAST
    | _NEXT
    | _fset("الأخيرة", "القليلة", "الطويلة", "العديدة", "الماضية", "المقبلة", "القادمة", "الماضيين", "الأولى", "الاولي")
)
_EVENT_REL = _word_set("EVENT_REL")
_AGE_PREV = _word_set("AGE_PREV")
#: words after the count that make it an age: 28 عاما من العمر, 5 سنوات عمره
_AGE_AFTER = _word_set("AGE_AFTER")
#: words that may stand between an age word and the count: عن عمر يناهز 82, بين 18 و25
_AGE_SKIP = _word_set("AGE_SKIP")
#: death words: توفي عن 82 عاماً
_DEATH = _word_set("DEATH")
_VAGUE_COUNT = _word_set("VAGUE_COUNT")
_YEAR_TRIGGERS = _word_set("YEAR_TRIGGERS")
_YEAR_BAD_PREV = _word_set("YEAR_BAD_PREV")
_COUNT_NOUNS = _word_set("COUNT_NOUNS")
_COUNT_CONTEXT = _word_set("COUNT_CONTEXT")
_YEAR_FOLLOW = _word_set("YEAR_FOLLOW")
_WD_BAD_PREV = _word_set("WD_BAD_PREV")
#: forecast words: a weekday with a part of day after them is ahead (توقعت الأرصاد أمطاراً
#: مساء الجمعة), while a bare weekday right after the verb dates the forecast itself
#: nouns that make a following bare month part of a name: places (كوبري أكتوبر، ميدان
#: يونيو) and named events (حرب أكتوبر، ثورة يوليو, not annotated, guidelines §2)
_NAME_HEADS = _word_set("NAME_HEADS")
#: verbs of state after which اليوم is "nowadays" (تعمل اليوم في 14 دولة; يعمل / تعمل only
#: before في "operates in")
_STATIVE = _word_set("STATIVE")
#: particles that open a clause before its verb (فيما تتواصل، بينما يلتقي)
_CLAUSE_LINKS = _word_set("CLAUSE_LINKS")
#: words of a clock time between a verb and the day it is on (يبدأ الساعة السابعة من صباح السبت)
_CLOCK_FILLERS = _word_set("CLOCK_FILLERS")
_FORECAST = _word_set("FORECAST")
_COMPLEMENTIZERS = _word_set("COMPLEMENTIZERS")
_FUTURE_WORDS = _word_set("FUTURE_WORDS")
#: past reporting verbs opening a clause (قال المبعوث السبت، أعلنت الوزارة الأحد): the day is the
#: day of the report, so no later word in the clause (a name such as ستافان) makes it future
_REPORT_PAST = _word_set("REPORT_PAST")
_FUTURE_NOT = _word_set("FUTURE_NOT")
_IMPF_NOT = _word_set("IMPF_NOT")
_LOCAL_PREV_NEG = _word_set("LOCAL_PREV_NEG")
_WD_NEG_NEXT = _word_set("WD_NEG_NEXT")
_MONTH_CTX_PREV = _word_set("MONTH_CTX_PREV")
_SET_UNITS = _word_table("SET_UNITS", str)
_SET_ADVERBS = _word_table("SET_ADVERBS", str)
#: units of measure and money: a rate adverb after one (مليون برميل يومياً، 500 ميغاواط يومياً) gives a
#: rate of a quantity, not a recurring event (بمعدل 4 مباريات يومياً is a SET)
_MEASURE_NOUNS = _word_set("MEASURE_NOUNS")
_SEASONS = _word_table("SEASONS", str)
_PARTS_OF_YEAR = {
    _fold_key("الربع"): "Q",
    _fold_key("النصف"): "H",
    _fold_key("الثلث"): "T",
    # Maghreb: السداسي الأول (first half-year), الثلاثي الثاني (second quarter)
    _fold_key("السداسي"): "H",
    _fold_key("الثلاثي"): "Q",
}
_PART_ORD = {
    _fold_key(k): v
    for k, v in {
        "الأول": 1,
        "الثاني": 2,
        "الثالث": 3,
        "الرابع": 4,
        "الأخير": -1,
        "الاول": 1,
    }.items()
}
_HOUR_ORD = _word_table("HOUR_ORD", int)
#: parts of the day that follow an hour only (Maghreb: الواحدة بعد الزوال = 13:00, العاشرة قبل
#: الزوال = 10:00, الرابعة عشية = 16:00); الزوال alone ("demise") is no part of day elsewhere
#: the half of the day written after a clock time: 7:20 م is 19:20, 09:15 ص is 09:15
_HALF_DAY = {"م": "PM", "ص": "AM", "PM": "PM", "pm": "PM", "AM": "AM", "am": "AM"}
_HOUR_PARTS = _word_table("HOUR_PARTS", str)


#: words before an hour named without الساعة (في السادسة مساءً, من التاسعة صباحاً)
_HOUR_PREV = _word_set("HOUR_PREV")
_HOUR_FRAC = {_fold_key("النصف"): 30, _fold_key("الربع"): 15, _fold_key("الثلث"): 20, "نص": 30, "ربع": 15, "نصف": 30}
_WORD_HIJRI = _word_set("WORD_HIJRI")
_WORD_AD = _word_set("WORD_AD")


@functools.lru_cache(maxsize=1)
def _vague_table() -> dict[str, str]:
    """``data/dates/vague.tsv``: folded phrase → PRESENT_REF / PAST_REF / FUTURE_REF."""
    return {_fold_key(r[0]): r[1] for r in _read_tsv("vague.tsv")}


_FIRST_CACHE: dict[int, tuple[dict, frozenset[str], int]] = {}


def _first_words(table: dict) -> tuple[frozenset[str], int]:
    """First words of a lexicon's keys and its longest key, cached per table."""
    hit = _FIRST_CACHE.get(id(table))
    if hit is None or hit[0] is not table:
        keys = [k.split() for k in table]
        hit = (table, frozenset(k[0] for k in keys), max((len(k) for k in keys), default=1))
        _FIRST_CACHE[id(table)] = hit
    return hit[1], hit[2]


#: how many tokens before its first number or time word a mention may start: three in
#: every annotated set (قبل أكثر من 5 سنوات, قبل أكثر من أسبوع)
_TRIGGER_REACH = 3
_SCHEDULED_EVENTS = _word_set("SCHEDULED_EVENTS")


@functools.lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Words that every mention contains at least one of (besides a number), folded."""
    lx = _lex()
    words: set[str] = set()
    tables: list[Iterable[str]] = [
        lx.months,
        lx.weekdays,
        lx.relative,
        lx.parts,
        lx.units,
        lx.cardinals,
        lx.ordinals,
        _SEASONS,
        _PARTS_OF_YEAR,
        _DECADES,
        _SET_UNITS,
        _SET_ADVERBS,
        _PERIOD_UNITS,
        _HOUR_ORD,
        _SAME_UNITS,
        _YEAR_WORDS,
        _YAWM,
        _SHAHR,
        _DUAL_REL,
        _vague_table(),
        _holidays(),
        _fset("قرن", "قرنا", "قرون", "القرن", "قرنين"),
    ]
    for table in tables:
        # a multi-word entry is found through its longest word (ذي الحجة, بعد الظهر: not ذي, بعد)
        words.update(max(k.split(), key=len) for k in table)
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def _leads() -> frozenset[str]:
    """Words a mention may start with before its trigger (``data/dates/lead_words.tsv`` + modifiers)."""
    words = {_fold_key(r[0]) for r in _read_tsv("lead_words.tsv")}
    lx = _lex()
    for table in (lx.parts, lx.units, lx.relative, lx.months, _vague_table(), _names(), _holidays()):
        words.update(k.split()[0] for k in table if " " in k)  # بعد الظهر، الآونة الأخيرة، فلسطين اليوم
    return frozenset(words | set(_MODS) | _APPROX | _AGO | _SINCE | _THIS | _VAGUE_COUNT | set(_LATE_EARLY))


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, int]:
    """``data/dates/names.tsv``: names with a date word inside (فلسطين اليوم، سوق السبت) → 1."""
    return {_fold_key(r[0]): 1 for r in _read_tsv("names.tsv")}


@functools.lru_cache(maxsize=1)
def _holidays() -> dict[str, tuple[str, int, int]]:
    """``data/dates/holidays.tsv``: folded name → (calendar, month, day)."""
    return {_fold_key(r[0]): (r[1], int(r[2]), int(r[3])) for r in _read_tsv("holidays.tsv")}


@functools.lru_cache(maxsize=1 << 16)
def _is_lead(word: str) -> bool:
    leads = _leads()
    return any(stem in leads for _, stem in _stems(word))


@functools.lru_cache(maxsize=1 << 16)
def _is_trigger(word: str) -> bool:
    core = _triggers()
    return any(
        stem in core
        or (stem.startswith("ال") and len(stem) > 4 and stem[2:] in core)
        or (stem.startswith("هال") and "ال" + stem[3:] in core)  # هالسنة "this year"
        for _, stem in _stems(word)
    )
