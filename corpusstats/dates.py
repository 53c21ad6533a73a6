"""Date mentions in Arabic text: finding, resolving and normalizing them.

``date_mentions`` finds every temporal expression in a text, a DataFrame of
documents or a :class:`~corpusstats.corpus.Corpus`, and returns one row per
mention with TIMEX3-style values (TimeML's ``DATE``, ``TIME``, ``DURATION`` and
``SET`` types)::

    >>> m = date_mentions("زار الأسد موسكو يوم الثلاثاء 20 أكتوبر - تشرين الأول",
    ...                   reference_date="2015-10-22")
    >>> m.loc[0, ["text", "value"]].tolist()
    ['يوم الثلاثاء 20 أكتوبر - تشرين الأول', '2015-10-20']

How it works
------------
The text is *folded* into a matching copy (alef variants → ا, ى → ي,
Arabic-Indic digits → ASCII, presentation forms → base letters; harakat,
tatweel, bidi controls and zero-width characters dropped) while keeping a map
from every folded character back to its original offset, so every reported
``start``/``end`` points into the untouched original text (diacritics and all).

The folded copy is split into word, number and punctuation tokens, and a small
hand-written grammar is tried at every token, longest match first: calendar
dates (three Gregorian month-name systems, paired or alone, Hijri months with
هـ, weekdays, ordinal days, years, time of day), numeric dates, deictic words
(أمس، اليوم، غداً، الليلة) with parts of the day, relative periods (الشهر
الماضي، العام المقبل), quarters, halves and seasons, "ago" expressions,
durations and sets.  Words are looked up after removing the proclitics و ف ب
ل ك, and always as whole tokens, so الاحداث, آبار, ممارسة or وقتل never fire.

Relative expressions resolve against the document's anchor: the manifest's
``anchor_date`` when present and not null, else its ``date``, else
``reference_date``.  A weekday on its own goes to the past (or today) unless
its clause carries a future marker (سوف, سـ + imperfect, غداً, المقبل,
a clause-initial imperfect verb such as يزور, an imperfect right before the day as
in يكون الثلاثاء, or, with only particles before the day, an imperfect right after it
as in الثلاثاء يصل الوفد), in which case it goes forward.  Ages (عن عمر يناهز 82 عاماً)
are never durations; compound durations and clock times (ثلاث ساعات و20 دقيقة,
الساعة السادسة وخمس دقائق صباحاً) are one mention each.

Lexicons live in ``corpusstats/data/dates/*.tsv`` and are read lazily (on the
first call) with :mod:`importlib.resources`, then cached.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pandas as pd

from ._progress import progress_bar
from .arabic import _DIGIT_MAP, INVISIBLES, MARKS, QURANIC_OTHER, TATWEEL

__all__ = [
    "COLUMNS",
    "DateView",
    "date_mentions",
    "find_dates",
    "highlight_html",
    "mention_periods",
    "month_source_counts",
]

#: Columns of the DataFrame returned by :func:`date_mentions`, in order.
COLUMNS = [
    "doc_id",
    "source",
    "start",
    "end",
    "text",
    "type",
    "value",
    "granularity",
    "calendar",
    "relative",
    "anchor",
]

# ---------------------------------------------------------------------------
# Length-preserving folding (with an offset map)
# ---------------------------------------------------------------------------

_ALEFS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
_OTHER = {"ى": "ي", "ی": "ي", "ک": "ك", "٫": ".", "٬": ",", "–": "-", "—": "-", "−": "-"}
#: One character → its folded form (alef variants, alef maqsura, Arabic-Indic digits as in
#: :func:`corpusstats.arabic.normalize`, plus a few separators).
_CHAR_MAP = {**{ord(k): v for k, v in {**_ALEFS, **_OTHER}.items()}, **_DIGIT_MAP}
#: Characters that fold to nothing: the marks, tatweel and invisible characters
#: :mod:`corpusstats.arabic` defines (one definition for the whole package).
_DROP_RE = re.compile(f"[{MARKS}{QURANIC_OTHER}{TATWEEL}{INVISIBLES}]")


def _fold_char(ch: str) -> str:
    mapped = _CHAR_MAP.get(ord(ch))
    if mapped is not None:
        return mapped
    if _DROP_RE.match(ch) or unicodedata.category(ch) == "Mn":
        return ""
    o = ord(ch)
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        folded = unicodedata.normalize("NFKC", ch)
        return "".join(_fold_char(c) for c in folded if c != " ") if folded != ch else ch
    return ch


def fold(text: str) -> tuple[str, list[int]]:
    """Fold *text* for matching; return the folded string and an offset map.

    ``omap[i]`` is the offset in *text* of the character that produced folded
    character ``i``.  Dropped characters (harakat, tatweel, bidi controls)
    produce nothing; a presentation-form ligature may produce several.

    >>> fold("غداً")[0]
    'غدا'
    >>> fold("٢٠ أكتوبر")
    ('20 اكتوبر', [0, 1, 2, 3, 4, 5, 6, 7, 8])
    """
    out: list[str] = []
    omap: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        for c in f:
            out.append(c)
            omap.append(i)
    return "".join(out), omap


def _fold_key(s: str) -> str:
    """Fold a lexicon word like :func:`fold` (no offset map needed), spaces collapsed."""
    return " ".join(_DROP_RE.sub("", s.translate(_CHAR_MAP)).split())


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

_TOKEN_RE = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3A-Za-z]+|[0-9]+|\S")
_SENT_END = {".", "!", "?", "؟", "\n", "؛", ";", ":", "«", "»", '"', "“", "”"}


@dataclass(frozen=True)
class _Tok:
    s: int  # start in folded text
    e: int  # end in folded text
    t: str  # folded token text
    kind: str  # "w" word, "n" number, "p" punctuation

    @property
    def num(self) -> int:
        return int(self.t)


_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@functools.lru_cache(maxsize=1 << 16)
def _stems(word: str) -> tuple[tuple[int, str], ...]:
    """``(prefix_length, stem)`` readings of *word*, the bare word first."""
    return tuple(_iter_stems(word))


def _iter_stems(word: str) -> Iterator[tuple[int, str]]:
    yield 0, word
    seen = {word}
    for p in _PROCLITICS:
        if not word.startswith(p) or len(word) - len(p) < 2:
            continue
        if p.endswith("ال"):
            # keep the article: وبالامس -> الامس (prefix وب)
            plen = len(p) - 2
            stem = word[plen:]
        elif p == "لل":
            plen = 1
            stem = "ال" + word[2:]
        else:
            plen = len(p)
            stem = word[plen:]
        if stem not in seen:
            seen.add(stem)
            yield plen, stem


# ---------------------------------------------------------------------------
# Small word sets used by the grammar (folded spellings)
# ---------------------------------------------------------------------------


@functools.cache
def _fset(*words: str) -> frozenset[str]:
    return frozenset(_fold_key(w) for w in words)


_YAWM = _fset("يوم")
_SHAHR = _fset("شهر")
_YEAR_WORDS = _fset("عام", "العام", "سنة", "السنة", "عامي", "العامين")
_PAST = _fset("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "السابقة", "الفارط")
_NEXT = _fset(
    "المقبل",
    "المقبلة",
    "القادم",
    "القادمة",
    "التالي",
    "التالية",
    "الآتي",
    "الجاي",
    "الجاية",
    "الجايه",
    "الجاية",  # colloquial: السنة الجاية، الأسبوع الجاي
)
#: plural and dual modifiers after a coordinated pair: الأربعاء والخميس المقبلين, من 20 نوفمبر إلى
#: 18 ديسمبر المقبلين (they apply to both members and sit in the last one's span)
_PLURAL_REL = {
    **dict.fromkeys(_fset("المقبلين", "المقبلتين", "القادمين", "القادمتين"), "next"),
    **dict.fromkeys(_fset("الماضيين", "الماضيتين", "المنصرمين", "المنصرمتين", "الفائتين"), "past"),
}
_THIS = _fset("الجاري", "الجارية", "الحالي", "الحالية", "هذا", "هذه")
_REL_ADJ = _PAST | _NEXT | _THIS
_SAME = _fset("نفسه", "نفسها", "ذاته", "ذاتها")
_SAME_UNITS = {_fold_key(k): v for k, v in {"العام": "Y", "السنة": "Y", "الشهر": "M", "الأسبوع": "W"}.items()}
_DAY_NEG_NEXT = _fset(
    "التالي",
    "السابق",
    "الأول",
    "الثاني",
    "الثالث",
    "الأخير",
    "الذي",
    "نفسه",
    "ذاته",
    "العالمي",
    "الوطني",
    "الدولي",
    "الموعود",
    "الواحد",
    "ذلك",
)
_MODS = {
    _fold_key(k): v
    for k, v in {
        "مطلع": "START",
        "مستهل": "START",
        "بداية": "START",
        "بدايات": "START",
        "أوائل": "START",
        "أول": "START",
        "منتصف": "MID",
        "أواسط": "MID",
        "وسط": "MID",
        "أواخر": "END",
        "نهاية": "END",
        "نهايات": "END",
        "ختام": "END",
        "آخر": "END",
        "مطالع": "START",
        "متم": "END",  # Maghreb: عند متم شهر أبريل, "at the end of"
    }.items()
}
_PERIOD_UNITS = {
    _fold_key(k): v
    for k, v in {
        "عام": "Y",
        "العام": "Y",
        "سنة": "Y",
        "السنة": "Y",
        "شهر": "M",
        "الشهر": "M",
        "أسبوع": "W",
        "الأسبوع": "W",
        "اسبوع": "W",
        "الاسبوع": "W",
    }.items()
}
#: words after which a bare accusative unit is no adverb of duration: copulas
#: (كان يوماً ...), particles, prepositions, numbers' nouns
_ACC_NOT_PREV = _fset(
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "أصبح",
    "أصبحت",
    "بات",
    "باتت",
    "ظل",
    "ظلت",
    "صار",
    "صارت",
    "أضحى",
    "أضحت",
    "غدا",
    "ليس",
    "ليست",
    "قد",
    "لقد",
    "أن",
    "إن",
    "أنه",
    "إنه",
    "إلا",
    "الا",
    "سوى",
    "هو",
    "هي",
    "كل",
    "أي",
    "نصف",
    "ربع",
    "ثلث",
    "لا",
    "لم",
    "لن",
    "ما",
    "مدة",
    "طيلة",
)
#: nouns that عام "general, public" qualifies in fixed phrases (titles, public sphere):
#: المدير العام، مديرا عاما، الأمين العام، النائب العام، الرأي العام، القطاع العام، المال العام.
#: After them عام / العام / عاما is the adjective whatever follows (المدير العام السابق is the
#: former director general, not "last year"), unless a year number follows.
_GENERAL_TITLES = _fset(
    "مدير",
    "أمين",
    "نائب",
    "مدعي",
    "مدع",
    "محامي",
    "مراقب",
    "مفتش",
    "قنصل",
    "منسق",
    "مشرف",
    "مرشد",
    "قائد",
    "مفوض",
    "مقرر",
    "وكيل",
    "حاكم",
    "كاتب",
    "محاسب",
    "رأي",
    "قطاع",
    "مال",
    "أمن",
    "نظام",
    "صالح",
    "شأن",
    "نفع",
    "حق",
    "دين",
    "ذوق",
    "حس",
    "ادعاء",
    "بشكل",
    "شكل",
)
#: nouns that عام often qualifies but that can also be followed by "the year": an indefinite
#: عام / عاما after them is the adjective (اتفاق عام، إضراباً عاماً); the definite العام + a
#: modifier is left to the year reading (وقعت الحكومة الاتفاق العام الماضي)
_GENERAL_NOUNS = _fset(
    "اتفاق",
    "إضراب",
    "مؤتمر",
    "استفتاء",
    "عفو",
    "إطار",
    "طابع",
    "وضع",
    "مشهد",
    "اتجاه",
    "توجه",
    "مزاج",
    "جو",
    "انطباع",
    "مستوى",
    "ترتيب",
    "تصنيف",
    "معدل",
    "متوسط",
    "مؤشر",
    "هدف",
    "مبدأ",
    "خط",
    "تعليم",
    "نقل",
    "مرفق",
    "موظف",
    "طريق",
    "شارع",
    "استنفار",
    "اكتتاب",
    "طرح",
    "نقاش",
    "خطاب",
    "فضاء",
    "مجال",
    "تيار",
    "عمل",
    "سياق",
    "مناخ",
    "حراك",
    "إنفاق",
    "تعداد",
    "إحصاء",
    "اقتراع",
    "مستشفى",
    "مجلس",
    "قانون",
    "برنامج",
    "تقييم",
    "تقدير",
    "إجماع",
    "انطباع",
)
#: plural heads before the adjective عامين: مديرين عامين، أمناء عامين (not "two years")
_GENERAL_PLURALS = _fset(
    "مديرين",
    "مدراء",
    "أمناء",
    "نواب",
    "مدعين",
    "مفتشين",
    "مراقبين",
    "منسقين",
    "مفوضين",
    "موظفين",
    "قناصل",
    "مشرفين",
    "وكلاء",
)
#: words ending in alef that are no accusative noun an adjective عاما could follow: adverbs,
#: particles (a following عاما may be "for a year": بقي هنا عاماً)
_ALEF_NOT_NOUN = _fset(
    "أيضا",
    "هنا",
    "تقريبا",
    "حاليا",
    "سابقا",
    "لاحقا",
    "مجددا",
    "معا",
    "جدا",
    "هكذا",
    "لذا",
    "إذا",
    "كذا",
    "أبدا",
    "دائما",
    "أحيانا",
    "فورا",
    "مسبقا",
    "أساسا",
    "أصلا",
    "تماما",
    "غدا",
    "إلا",
    "كلا",
    "كلتا",
    "أولا",
    "ثانيا",
    "أخيرا",
    "مؤخرا",
    "قديما",
    "حديثا",
    "رسميا",
    "فعليا",
    "عمليا",
    "نهائيا",
    "مطلقا",
    "قريبا",
    "طويلا",
    "كثيرا",
    "قليلا",
    "مبكرا",
    "متأخرا",
    "عاما",
    "يوما",
    "شهرا",
    "أسبوعا",
    "وحيدا",
    "وحدها",
    "دعا",
    "بدا",
    "نجا",
    "غزا",
    "عدا",
    "خلا",
    "سما",
    "نما",
    "علا",
    "دنا",
    "صحا",
    "عفا",
    "رسا",
    "طفا",
    "قسا",
    "تلا",
    "شكا",
    "محا",
    "عاشا",
    "قضيا",
    "بقيا",
    "أمضيا",
    "مكثا",
    "انتظرا",
    "ظلا",
    "استمرا",
)
#: adjectives between a year noun and its number: العام المالي 2026
_YEAR_KINDS = _fset(
    "المالي", "المالية", "الدراسي", "الدراسية", "الميلادي", "الميلادية", "الهجري", "الهجرية", "الزراعي", "القضائي"
)
_AGO = _fset("قبل")
_SINCE = _fset("منذ")
_APPROX = _fset("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "تقريبا", "قرابه")
_APPROX2 = {  # two-word modifiers
    ("ما", "يقارب"),
    ("ما", "يزيد"),
    ("أكثر", "من"),
    ("اكثر", "من"),
    ("أقل", "من"),
    ("ما", "يناهز"),
}
_APPROX2 = {(_fold_key(a), _fold_key(b)) for a, b in _APPROX2}
_LATE_EARLY = {_fold_key(k): v for k, v in {"متأخر": "END", "متأخرة": "END", "مبكر": "START", "مبكرة": "START"}.items()}
_DECADES = {
    _fold_key(k): v
    for k, v in {
        "عشرينيات": 2,
        "عشرينات": 2,
        "ثلاثينيات": 3,
        "ثلاثينات": 3,
        "أربعينيات": 4,
        "أربعينات": 4,
        "خمسينيات": 5,
        "خمسينات": 5,
        "ستينيات": 6,
        "ستينات": 6,
        "سبعينيات": 7,
        "سبعينات": 7,
        "ثمانينيات": 8,
        "ثمانينات": 8,
        "تسعينيات": 9,
        "تسعينات": 9,
    }.items()
}
_DUAL_REL = _fset(
    "الماضيين",
    "الماضيتين",
    "الأخيرين",
    "الأخيرتين",
    "المقبلين",
    "المقبلتين",
    "القادمين",
    "القادمتين",
    "المنصرمين",
    "المنصرمتين",
    "الفائتين",
)
#: nouns of measure before a bare unit: بمقدار ساعة, مدة أسبوع
_MEASURE_PREV = _fset("بمقدار", "مقدار", "مدتها", "مدته", "ومدتها", "قدرها", "قدره")
#: verbs of lasting: استغرق الاجتماع ساعة, دامت المفاوضات يوماً
_LASTING = _fset(
    "استغرق",
    "استغرقت",
    "يستغرق",
    "تستغرق",
    "دام",
    "دامت",
    "يدوم",
    "تدوم",
    "استمر",
    "استمرت",
    "يستمر",
    "تستمر",
    "امتد",
    "امتدت",
    "يمتد",
    "تمتد",
    "تأخر",
    "تأخرت",
    "يتأخر",
    "تتأخر",
    "انتظر",
    "انتظرت",
    "ينتظر",
    "مكث",
    "مكثت",
    "يمكث",
    "مدة",
)
#: particles that may open a clause before a weekday whose verb follows: وفي الثلاثاء يصل ...
_LIGHT = _fset("في", "وفي", "ففي", "و", "ف", "ثم", "أما", "اما", "واما", "وأما", "يوم", "ويوم", "لكن", "ولكن")
#: adjectives after a bare plural unit: سنوات طويلة / الأيام القليلة الماضية
_PLURAL_ADJ = (
    _PAST
    | _NEXT
    | _fset("الأخيرة", "القليلة", "الطويلة", "العديدة", "الماضية", "المقبلة", "القادمة", "الماضيين", "الأولى", "الاولي")
)
_EVENT_REL = _fset("بعد", "قبل", "خلال", "لمدة", "طوال", "مدة", "منذ", "طيلة", "غضون")
_AGE_PREV = _fset(
    "البالغ",
    "البالغة",
    "البالغين",
    "البالغات",
    "يبلغ",
    "تبلغ",
    "بلغ",
    "عمره",
    "عمرها",
    "عمرهم",
    "عمرهما",
    "عمري",
    "العمر",
    "بعمر",
    "عمر",
    "أعمار",
    "الأعمار",
    "أعمارهم",
    "أعمارهن",
    "ابن",
    "ابنة",
    "بنت",
    "سن",
    "السن",
    "بسن",
)
#: words after the count that make it an age: 28 عاما من العمر, 5 سنوات عمره
_AGE_AFTER = _fset("العمر", "عمره", "عمرها", "عمرهم", "عمرهما")
#: words that may stand between an age word and the count: عن عمر يناهز 82, بين 18 و25
_AGE_SKIP = _fset(
    "يناهز",
    "ناهز",
    "يقارب",
    "قارب",
    "يتجاوز",
    "تجاوز",
    "يزيد",
    "نحو",
    "حوالي",
    "حوالى",
    "قرابة",
    "ما",
    "على",
    "عن",
    "من",
    "بين",
    "و",
    "زهاء",
    "أكثر",
    "اكثر",
    "أقل",
)
#: death words: توفي عن 82 عاماً
_DEATH = _fset(
    "توفي",
    "توفيت",
    "توفى",
    "رحل",
    "رحلت",
    "فارق",
    "فارقت",
    "مات",
    "ماتت",
    "وفاة",
    "رحيل",
    "نعى",
    "نعت",
    "قضى",
    "قضت",
    "يرحل",
    "ترحل",
    "رحمة",
    "الحياة",
)
_VAGUE_COUNT = _fset("عدة", "بضع", "بضعة", "عشرات", "بعض", "سنوات", "أيام")
_YEAR_TRIGGERS = _fset(
    "في",
    "منذ",
    "حتى",
    "عام",
    "العام",
    "سنة",
    "خلال",
    "قبل",
    "بعد",
    "مطلع",
    "منتصف",
    "نهاية",
    "بداية",
    "أواخر",
    "أوائل",
    "الى",
    "إلى",
    "عامي",
    "ومنذ",
    "وفي",
    "انتفاضة",
    "ثورة",
    "أحداث",
    "حرب",
    "مند",
    "لعام",
    "بعام",
    "ربيع",
    "صيف",
    "شتاء",
    "خريف",
    "موسم",
    "ميزانية",
    "انتخابات",
)
_YEAR_BAD_PREV = _fset(
    "رقم",
    "الرقم",
    "القرار",
    "قرار",
    "المادة",
    "مادة",
    "طراز",
    "الطراز",
    "موديل",
    "الفقرة",
    "البند",
    "نحو",
    "حوالي",
    "حوالى",
    "قرابة",
    "زهاء",
    "أصل",
    "بين",
    "ص",
    "العدد",
    "عدد",
    "الـ",
    "ال",
)
_COUNT_NOUNS = _fset(
    "ألف",
    "آلاف",
    "مليون",
    "ملايين",
    "مليار",
    "شخص",
    "أشخاص",
    "شخصا",
    "قتيل",
    "قتيلا",
    "جندي",
    "جنديا",
    "عنصر",
    "عنصرا",
    "طن",
    "كيلومتر",
    "كيلومترا",
    "متر",
    "مترا",
    "دولار",
    "دولارا",
    "يورو",
    "طفل",
    "طفلا",
    "امرأة",
    "مدني",
    "مدنيا",
    "غارة",
    "طلعة",
    "هدف",
    "هدفا",
    "صاروخ",
    "صاروخا",
    "مقاتل",
    "مقاتلا",
    "لاجئ",
    "لاجئا",
    "جهاز",
    "جهازا",
    "مرة",
    "بالمئة",
    "بالمائة",
    "%",
)
_COUNT_CONTEXT = _fset(
    "عدد",
    "العدد",
    "ارتفع",
    "ارتفعت",
    "يرتفع",
    "ترتفع",
    "وصل",
    "وصلت",
    "يصل",
    "تصل",
    "بلغ",
    "بلغت",
    "انخفض",
    "انخفضت",
    "تراجع",
    "تراجعت",
    "زاد",
    "زادت",
    "حصيلة",
    "الحصيلة",
    "عدد",
    "نحو",
    "حوالي",
    "أكثر",
    "أقل",
    "قرابة",
    "مجموع",
    "إجمالي",
    "اجمالي",
)
_YEAR_FOLLOW = _fset(
    "في",
    "من",
    "إلى",
    "الى",
    "على",
    "عن",
    "حتى",
    "بعد",
    "قبل",
    "منذ",
    "حين",
    "عندما",
    "حيث",
    "بين",
    "مع",
    "ضد",
    "ثم",
    "لكن",
    "أو",
    "او",
    "أن",
    "إن",
    "بسبب",
    "خلال",
    "عقب",
    "إثر",
    "اثر",
    "لدى",
    "بحسب",
    "حسب",
    "وفق",
    "وفقا",
    "مقارنة",
    "مقابل",
    "بنسبة",
    "كما",
    "لم",
    "لا",
    "قد",
    "هو",
    "هي",
    "كان",
    "كانت",
    "شهد",
    "شهدت",
    "ضمن",
    "عبر",
    "لتصل",
    "ليصل",
)
_WD_BAD_PREV = _fset(
    "صلاة", "صلاه", "خطبة", "خطيب", "مسجد", "جامع", "حزب", "جماعة", "تيار", "حركة", "جمعية", "صحيفة", "مجلة"
)
#: forecast words: a weekday with a part of day after them is ahead (توقعت الأرصاد أمطاراً
#: مساء الجمعة), while a bare weekday right after the verb dates the forecast itself
#: nouns that make a following bare month part of a name: places (كوبري أكتوبر، ميدان
#: يونيو) and named events (حرب أكتوبر، ثورة يوليو, not annotated, guidelines §2)
_NAME_HEADS = _fset(
    "كوبري",
    "جسر",
    "شارع",
    "ميدان",
    "نفق",
    "محور",
    "حي",
    "مدينة",
    "كورنيش",
    "ملعب",
    "استاد",
    "مدرسة",
    "حرب",
    "ثورة",
    "انتفاضة",
    "حركة",
    "نصر",
    "معركة",
    "أحداث",
    "مجزرة",
    "اتفاق",
    "اتفاقية",
    "إعلان",
)
#: verbs of state after which اليوم is "nowadays" (تعمل اليوم في 14 دولة; يعمل / تعمل only
#: before في "operates in")
_STATIVE = _fset(
    "يعيش",
    "تعيش",
    "يعيشون",
    "يضم",
    "تضم",
    "يملك",
    "تملك",
    "يوجد",
    "توجد",
    "يعد",
    "تعد",
    "يعتبر",
    "تعتبر",
    "يشكل",
    "تشكل",
    "يمثل",
    "تمثل",
    "يسكن",
    "تسكن",
    "يقطن",
    "تقطن",
    "يحتل",
    "تحتل",
    "ينتشر",
    "تنتشر",
    "يعمل",
    "تعمل",
)
#: particles that open a clause before its verb (فيما تتواصل، بينما يلتقي)
_CLAUSE_LINKS = _fset("فيما", "بينما", "حيث", "كما", "وفيما", "وبينما", "وكما")
#: words of a clock time between a verb and the day it is on (يبدأ الساعة السابعة من صباح السبت)
_CLOCK_FILLERS = _fset(
    "الساعة", "من", "عند", "في", "حوالي", "نحو", "تمام", "والنصف", "والربع", "صباح", "مساء", "فجر", "ظهر", "ليل"
)
_FORECAST = _fset("توقعت", "توقع", "يتوقع", "تتوقع", "توقعات", "التوقعات", "المتوقع", "ترجح", "رجحت", "يرجح")
_COMPLEMENTIZERS = _fset(
    "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "أنهما", "إنهما", "بأن", "وأن", "لأن"
)
_FUTURE_WORDS = _fset(
    "سوف",
    "غدا",
    "المقبل",
    "المقبلة",
    "القادم",
    "القادمة",
    "المقرر",
    "المتوقع",
    "المنتظر",
    "يعتزم",
    "تعتزم",
    "مرتقب",
    "المرتقب",
    "مرتقبة",
    "المرتقبة",
    "سيتم",
    "يرتقب",
    "يتوقع",
    "تتوقع",
    "ينتظر",
    "يزمع",
    "تزمع",
    "ستكون",
    "سيكون",
    "يعتزمون",
    # scheduling verbs and nouns (تبدأ الهدنة، تنطلق القمة، يعقد المجلس، تجرى الانتخابات، موعد،
    # اعتباراً من، تأجيل/أرجأ ... إلى): the event is planned, so its day is ahead
    "تبدأ",
    "تنطلق",
    "ينطلق",
    "يعقد",
    "تعقد",
    "تجرى",
    "يجرى",
    "تقام",
    "يقام",
    "موعد",
    "موعدا",
    "اعتبارا",
    "ابتداء",
    "تأجيل",
    "أرجأ",
    "أرجأت",
    "تأجل",
    "تأجلت",
)
#: past reporting verbs opening a clause (قال المبعوث السبت، أعلنت الوزارة الأحد): the day is the
#: day of the report, so no later word in the clause (a name such as ستافان) makes it future
_REPORT_PAST = _fset(
    "قال",
    "قالت",
    "أعلن",
    "أعلنت",
    "أكد",
    "أكدت",
    "أفاد",
    "أفادت",
    "ذكر",
    "ذكرت",
    "صرح",
    "صرحت",
    "أوضح",
    "أوضحت",
    "وقع",
    "وقعت",
    "جرت",
    "جرى",
    "أشار",
    "أشارت",
    "شهد",
    "شهدت",
)
_FUTURE_NOT = _fset(
    "سيارة",
    "سيارات",
    "سياسي",
    "سياسية",
    "سياسة",
    "سيطرة",
    "سيطرت",
    "سيناء",
    "سيرغي",
    "ستيف",
    "سنوات",
    "سنة",
    "سنين",
    "ستة",
    "ستين",
    "ستون",
    "سيادة",
    "سيد",
    "سيدة",
    "سينما",
    "ستار",
    "سنتكوم",
    "سنغافورة",
    "ستوكهولم",
    "ستراتيجية",
    "سيول",
    "سيناريو",
    "سيدات",
    "سيئة",
    "سنوي",
    "سنوية",
    "ستالين",
    "سيرة",
)
_IMPF_NOT = _fset(
    "يوم",
    "يونيو",
    "يوليو",
    "يناير",
    "يونيه",
    "يوليه",
    "يمين",
    "يد",
    "يوما",
    "يومين",
    "يومي",
    "يوميا",
    "يهود",
    "يورو",
    "تونس",
    "تركيا",
    "ترامب",
    "تويتر",
    "تلفزيون",
    "تقرير",
    "تنظيم",
    "تحالف",
    "تعاون",
    "تاريخ",
    "توقيت",
    "تشرين",
    "تموز",
    "يسار",
    "يمن",
    "يابان",
)
_LOCAL_PREV_NEG = _fset("بين", "كلا", "هذين", "هاتين", "كلتا", "أحد", "احدى")
_WD_NEG_NEXT = _fset("معا", "منهما", "عشر", "عشرة", "منهم", "الواحد", "الصمد")
_MONTH_CTX_PREV = _fset(
    "في",
    "منذ",
    "حتى",
    "خلال",
    "مطلع",
    "منتصف",
    "نهاية",
    "بداية",
    "أواخر",
    "أوائل",
    "أواسط",
    "شهر",
    "شهري",
    "مستهل",
    "ختام",
    "متم",
    "بين",
    "قبل",
    "بعد",
    "مطلع",
    "طوال",
    "الى",
    "إلى",
    "من",
)
_SET_UNITS = {
    _fold_key(k): v
    for k, v in {
        "يوم": "P1D",
        "أسبوع": "P1W",
        "اسبوع": "P1W",
        "شهر": "P1M",
        "عام": "P1Y",
        "سنة": "P1Y",
        "ساعة": "PT1H",
        "دقيقة": "PT1M",
        "صباح": "TMO",
        "مساء": "TEV",
        "ليلة": "TNI",
    }.items()
}
_SET_ADVERBS = {
    _fold_key(k): v
    for k, v in {
        "يوميا": "P1D",
        "أسبوعيا": "P1W",
        "اسبوعيا": "P1W",
        "شهريا": "P1M",
        "سنويا": "P1Y",
        "ساعيا": "PT1H",
        "يوميًا": "P1D",
    }.items()
}
#: units of measure and money: a rate adverb after one (مليون برميل يومياً، 500 ميغاواط يومياً) gives a
#: rate of a quantity, not a recurring event (بمعدل 4 مباريات يومياً is a SET)
_MEASURE_NOUNS = _fset(
    "برميل",
    "براميل",
    "طن",
    "طنا",
    "أطنان",
    "متر",
    "مترا",
    "أمتار",
    "كيلومتر",
    "كيلومترا",
    "كيلومترات",
    "كلم",
    "كم",
    "لتر",
    "لترا",
    "ليتر",
    "ليترا",
    "لترات",
    "دولار",
    "دولارا",
    "دولارات",
    "ريال",
    "ريالا",
    "جنيه",
    "جنيها",
    "درهم",
    "درهما",
    "دينار",
    "دينارا",
    "يورو",
    "ميغاواط",
    "ميجاوات",
    "ميغاوات",
    "كيلوواط",
    "قدم",
    "مكعب",
    "مكعبا",
    "مكعبة",
    "كيلوغرام",
    "كيلوجرام",
    "كغ",
    "غرام",
    "جرام",
    "طنًا",
    "مليون",
    "مليار",
    "ألف",
    "آلاف",
    "بالمئة",
    "بالمائة",
    "سنتيمتر",
    "مليمتر",
    "ملم",
    "ملليمتر",
)
_SEASONS = {
    _fold_key(k): v
    for k, v in {
        "صيف": "SU",
        "الصيف": "SU",
        "شتاء": "WI",
        "الشتاء": "WI",
        "ربيع": "SP",
        "الربيع": "SP",
        "خريف": "FA",
        "الخريف": "FA",
    }.items()
}
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
_HOUR_ORD = {
    _fold_key(k): v
    for k, v in {
        "الواحدة": 1,
        "الثانية": 2,
        "الثالثة": 3,
        "الرابعة": 4,
        "الخامسة": 5,
        "السادسة": 6,
        "السابعة": 7,
        "الثامنة": 8,
        "التاسعة": 9,
        "العاشرة": 10,
        "الحادية عشرة": 11,
        "الثانية عشرة": 12,
    }.items()
}
#: parts of the day that follow an hour only (Maghreb: الواحدة بعد الزوال = 13:00, العاشرة قبل
#: الزوال = 10:00, الرابعة عشية = 16:00); الزوال alone ("demise") is no part of day elsewhere
_HOUR_PARTS = {
    _fold_key(k): v
    for k, v in {
        "بعد الزوال": "AF",
        "قبل الزوال": "MO",
        "زوالا": "MI",
        "عند الزوال": "MI",
        "عشية": "EV",
        "عشيا": "EV",
        "العشية": "EV",
        "بعد منتصف الليل": "NI",
        "بعد الظهيرة": "AF",
        "ظهيرة": "AF",
    }.items()
}


def _hour_in_part(hh: int, pod: str | None) -> int:
    """A 12-hour clock reading in a part of the day, on the 24-hour clock.

    مساءً، عشية، عصراً، بعد الزوال: afternoon and evening (4 → 16); ظهراً: 1-10 → 13-22, but 11
    and 12 stay; ليلاً: 6-11 → 18-23, 12 → 24 (midnight), 1-5 stay (الثانية ليلاً = 02:00);
    الزوال (noon): 1-5 → 13-17."""
    if pod == "EV" and hh < 12:
        return hh + 12
    if pod == "AF" and hh < 11:
        return hh + 12
    if pod == "NI":
        if 6 <= hh < 12:
            return hh + 12
        if hh == 12:
            return 24
        return hh
    if pod == "MI" and hh < 6:
        return hh + 12
    return hh


#: words before an hour named without الساعة (في السادسة مساءً, من التاسعة صباحاً)
_HOUR_PREV = _fset("في", "من", "حتى", "حتي", "إلى", "الى", "عند", "منذ", "بعد", "قبل", "على", "علي", "بين", "غاية")
_HOUR_FRAC = {_fold_key("النصف"): 30, _fold_key("الربع"): 15, _fold_key("الثلث"): 20, "نص": 30, "ربع": 15, "نصف": 30}
_WORD_HIJRI = _fset("هـ", "ه", "هجري", "هجرية", "للهجرة", "هجريا")
_WORD_AD = _fset("م", "ميلادي", "ميلادية", "للميلاد", "ميلاديا")
_VAGUE = {
    ("الوقت", "الراهن"): "PRESENT_REF",
    ("الوقت", "الحالي"): "PRESENT_REF",
    ("الآونة", "الأخيرة"): "PAST_REF",
    ("الفترة", "الأخيرة"): "PAST_REF",
    ("الفترة", "المقبلة"): "FUTURE_REF",
    ("الفترة", "القادمة"): "FUTURE_REF",
    ("المرحلة", "المقبلة"): "FUTURE_REF",
    ("وقت", "سابق"): "PAST_REF",
    ("وقت", "لاحق"): "FUTURE_REF",
}
_VAGUE = {(_fold_key(a), _fold_key(b)): v for (a, b), v in _VAGUE.items()}
_VAGUE1 = {_fold_key(k): v for k, v in {"حاليا": "PRESENT_REF", "الآن": "PRESENT_REF", "مؤخرا": "PAST_REF"}.items()}

#: Whether vague references (الآن, حالياً, في الآونة الأخيرة) are reported.
INCLUDE_VAGUE = False


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _hijri_to_greg(y: int, m: int, d: int) -> dt.date | None:
    try:
        from hijridate import Hijri

        g = Hijri(y, m, d).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except Exception:
        return None


def _greg_to_hijri(d: dt.date) -> tuple[int, int, int] | None:
    try:
        from hijridate import Gregorian

        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except Exception:
        return None


_SEASON_IDX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_value(anchor: dt.date, season: str, rel: str | None) -> str:
    """TIMEX3 season (2025-SU; winter is named by the year of its December) seen from *anchor*.

    rel: 'past' (the last such season before the current one), 'next' (the first after it),
    'this' (the nearest, the current one if it is that season), 'next_incl' (the current
    or the next), None (the nearest)."""
    m = anchor.month
    cur_year = anchor.year - 1 if m <= 2 else anchor.year
    cur = cur_year * 4 + (3 if m in (12, 1, 2) else (m - 3) // 3)
    idx = _SEASON_IDX[season]
    cands = [(cur_year + dy) * 4 + idx for dy in (-1, 0, 1)]
    if rel == "past":
        occ = max(c for c in cands if c < cur)
    elif rel == "next":
        occ = min(c for c in cands if c > cur)
    elif rel == "next_incl":
        occ = min(c for c in cands if c >= cur)
    else:
        occ = min(cands, key=lambda c: (abs(c - cur), c < cur))
    return f"{occ // 4:04d}-{season}"


def _pick_year(anchor: dt.date, m: int, d: int | None, rel: str | None, weekday: int | None = None) -> int:
    """Year for a day/month without one, as seen from *anchor*."""
    cands = [anchor.year - 1, anchor.year, anchor.year + 1]
    dd = d or 15

    def date_of(y: int) -> dt.date:
        return dt.date(y, m, min(dd, calendar.monthrange(y, m)[1]))

    if rel == "past":
        if d is None:
            return anchor.year if m < anchor.month else anchor.year - 1
        return anchor.year if date_of(anchor.year) <= anchor else anchor.year - 1
    if rel == "next":
        if d is None:
            return anchor.year if m > anchor.month else anchor.year + 1
        return anchor.year if date_of(anchor.year) >= anchor else anchor.year + 1
    if rel == "this":
        return anchor.year
    if rel == "past_incl":
        # a past clause with no modifier: this month or earlier (وفي أبريل أطيح بالرئيس, written
        # in December, is this April; منذ 3 آب in March is last August)
        if d is None:
            return anchor.year if m <= anchor.month else anchor.year - 1
        return anchor.year if date_of(anchor.year) <= anchor else anchor.year - 1
    if rel == "next_incl":
        # a future clause with no modifier: this month or later (ينشر مؤشرات شهر جانفي
        # in mid-January is this January, not next year's)
        if d is None:
            return anchor.year if m >= anchor.month else anchor.year + 1
        return anchor.year if date_of(anchor.year) >= anchor else anchor.year + 1
    if weekday is not None and d is not None:
        ok = [y for y in cands if _valid(y, m, d) and dt.date(y, m, d).isoweekday() == weekday]
        if ok:
            return min(ok, key=lambda y: abs((dt.date(y, m, d) - anchor).days))
    if d is None:
        # month alone: the nearest such month, ties to the past
        return min(cands, key=lambda y: (abs((y - anchor.year) * 12 + m - anchor.month), y > anchor.year))
    return min(cands, key=lambda y: (abs((date_of(y) - anchor).days), y > anchor.year))


# ---------------------------------------------------------------------------
# The grammar
# ---------------------------------------------------------------------------


@dataclass
class _M:
    """A mention in token coordinates, before mapping to the original text."""

    i: int  # first token
    j: int  # one past the last token
    type: str
    value: str | None
    granularity: str
    calendar: str = "gregorian"
    relative: bool = False
    #: what the context may still fill in: "day" (a clock time with no day of its own),
    #: "year" (a month or day whose year was guessed), "quarter-1"/"quarter+1"/"quarter0"
    #: (الربع السابق/التالي/الحالي) -- see _Parser.context().
    loose: str | None = None
    #: (hour, minute, part of day given) for clock times
    clock: tuple[int, int, bool] | None = None


_FIRST_CACHE: dict[int, tuple[dict, frozenset[str], int]] = {}


def _first_words(table: dict) -> tuple[frozenset[str], int]:
    """First words of a lexicon's keys and its longest key, cached per table."""
    hit = _FIRST_CACHE.get(id(table))
    if hit is None or hit[0] is not table:
        keys = [k.split() for k in table]
        hit = (table, frozenset(k[0] for k in keys), max((len(k) for k in keys), default=1))
        _FIRST_CACHE[id(table)] = hit
    return hit[1], hit[2]


class _Parser:
    def __init__(self, folded: str, anchor: dt.date | None):
        self.f = folded
        self.anchor = anchor
        self.toks = [
            _Tok(
                m.start(), m.end(), m.group(), "n" if m.group().isdigit() else ("w" if m.group()[0].isalpha() else "p")
            )
            for m in _TOKEN_RE.finditer(folded)
        ]
        self.lex = _lex()
        self.n = len(self.toks)
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
        """Longest lexicon entry starting at token i: (ntoks, entry, prefix_len)."""
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
        i = 0
        matchers = (
            self.m_numeric,
            self.m_time,
            self.m_calendar,
            self.m_relative_day,
            self.m_period,
            self.m_part_of_year,
            self.m_duration,
            self.m_set,
            self.m_year,
            self.m_decade,
            self.m_day_rel_month,
            self.m_vague,
        )
        while i < self.n:
            if self.general_adjective(i):
                i += 1  # المدير العام، مديرا عاما: "general", no time
                continue
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
                i = best_end
            else:
                i += 1
        self.context(out)
        return out

    # -- context: what one mention lends another ---------------------------------

    def sentence_break(self, a: int, b: int) -> bool:
        """A sentence or line ends between token a-1 and token b."""
        lo = self.toks[a - 1].e if 0 < a <= self.n else 0
        hi = self.toks[b].s if b < self.n else len(self.f)
        if "\n" in self.f[lo:hi]:
            return True
        for k in range(a, min(b, self.n)):
            t = self.toks[k]
            if t.kind == "p" and t.t in (".", "!", "?", "؟", "؛", ";"):
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

    # -- values helpers ------------------------------------------------------

    def date_value(self, y: int | None, m: int | None, d: int | None) -> tuple[str | None, str]:
        if y is None:
            if m is None:
                return None, "day"
            if d is None:
                return f"XXXX-{m:02d}", "month"
            return f"XXXX-{m:02d}-{d:02d}", "day"
        if m is None:
            return f"{y:04d}", "year"
        if d is None:
            return f"{y:04d}-{m:02d}", "month"
        if not _valid(y, m, d):
            return None, "day"
        return f"{y:04d}-{m:02d}-{d:02d}", "day"

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

    def clock_at(self, i: int) -> tuple[int, int, int] | None:
        """HH:MM at token i (optionally after الساعة). Returns (hh, mm, next_i)."""
        k = i
        if self.is_word(k, _fset("الساعة"), clitics=True) is not None:
            k += 1
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
        if hh == 0:
            hh = 12  # الواحدة إلا ربعاً: 12:45
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

    # -- calendar dates (weekday, day, month, year) -------------------------

    def month_at(self, i: int) -> tuple[int, _Month, int] | None:
        """Month name at i, with an optional pairing: returns (next_i, month, prefix_len)."""
        k = i
        pl_shahr = self.is_word(k, _SHAHR | _fset("شهري"), clitics=True)
        shahr = pl_shahr is not None
        if shahr:
            k += 1
        hit = self.lookup(self.lex.months, k)
        t = self.tok(k)
        if not hit and shahr and t is not None and t.kind == "n" and len(t.t) <= 2 and 1 <= t.num <= 12:
            nxt = self.tok(k + 1)
            if not (nxt is not None and (nxt.kind == "n" or self.lookup(self.lex.units, k + 1))):
                return k + 1, _Month(t.num, "numeric", False), pl_shahr  # شهر 3 الماضي
        if not hit:
            return None
        n, mo, pl = hit
        if shahr and pl:
            return None
        k += n
        # pairing: أكتوبر - تشرين الأول / سبتمبر/أيلول / حزيران (يونيو) / كانون الثاني/يناير
        paired = False
        sep_k = k
        if self.is_p(sep_k, "-/(،,|"):
            sep_k += 1
        hit2 = self.lookup(self.lex.months, sep_k, clitics=False)
        if hit2 and hit2[1].month == mo.month and hit2[1].hijri == mo.hijri and hit2[1].system != mo.system:
            k = sep_k + hit2[0]
            paired = True
            if self.is_p(k, ")"):
                k += 1
        if mo.ambiguous and not shahr and not paired:
            mo = _Month(mo.month, mo.system, True)
        else:
            mo = _Month(mo.month, mo.system, False)
        return k, mo, (pl_shahr if shahr else pl)

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

    def same_at(self, i: int, units: frozenset[str]) -> int | None:
        """العام نفسه / السنة ذاتها / نفس الشهر / ذات العام at i (a unit word from *units*):
        the end of the phrase, or None."""
        w = self.word(i)
        if w in units and self.word(i + 1) in _SAME:
            return i + 2
        if w in ("نفس", "ذات") and self.word(i + 1) in units:
            return i + 2
        return None

    def rel_at(self, i: int) -> str | None:
        w = self.word(i)
        if w in _PAST:
            return "past"
        if w in _NEXT:
            return "next"
        if w in _THIS - _fset("هذا", "هذه"):
            return "this"
        return None

    def day_at(self, i: int) -> tuple[int, int] | None:
        """A day of month at i: '20', 'الـ20', 'الأول من', '20 من'. Returns (day, next_i)."""
        t = self.tok(i)
        if t is None:
            return None
        k = i
        if t.kind == "w" and t.t in ("ال", "يوم") and self.tok(i + 1) is not None and self.toks[i + 1].kind == "n":
            k = i + 1
            t = self.toks[k]
        if t.kind == "n" and len(t.t) <= 2 and 1 <= t.num <= 31:
            if self.adjacent(k) and self.is_p(k + 1, ":./"):
                return None
            k += 1
            if self.word(k) == "من":
                k += 1
            return t.num, k
        hit = self.lookup(self.lex.ordinals, i)
        prev = self.word(i - 1)
        if hit and prev.startswith("ال") and (prev[2:] in self.lex.units or prev in _PERIOD_UNITS):
            hit = None  # الأسبوع الأول من الشهر, اليوم الثاني من ...: not a day of the month
        if hit and self.word(i + hit[0]) == "من":
            return hit[1], i + hit[0] + 1
        if t.kind == "w" and any(st in ("غرة", "غره", "فاتح") for _, st in _stems(t.t)):
            return 1, i + 1  # غرة رمضان, فاتح يناير (Maghreb): the first day
        return None

    def mod_at(self, i: int) -> tuple[int, str] | None:
        """A position modifier at i: مطلع، نهاية، وقت متأخر من ... -> (next_i, mod)."""
        w = self.word(i)
        for _plen, stem in _stems(w):
            if stem in ("الساعات", "ساعات") and self.word(i + 1) in ("الاولي",) and self.word(i + 2) == "من":
                return i + 3, "START"
            if stem in ("وقت", "ساعة", "ساعات", "الساعات") and self.word(i + 1) in _LATE_EARLY:
                k = i + 2
                if self.word(k) in ("من",):
                    return k + 1, _LATE_EARLY[self.word(i + 1)]
                return None
            if stem in _MODS:
                k = i + 1
                return k, _MODS[stem]
        return None

    def weekday_at(self, i: int) -> tuple[int, int, int] | None:
        hit = self.lookup(self.lex.weekdays, i)
        if not hit:
            return None
        n, (wd, amb), pl = hit
        return wd, i + n, pl

    def m_calendar(self, i: int) -> list[_M] | None:
        k = i
        mod = None
        pod = None
        same_year = False
        # modifiers: مطlع / نهاية (شهر) / وقت متأخر من ...
        mh = self.mod_at(k)
        if mh is not None:
            k, mod = mh
        hit = self.lookup(self.lex.parts, k)
        if hit:
            pod, k = hit[1], k + hit[0]
            mod = None if mod is None else mod
        yawm = self.is_word(k, _YAWM, clitics=True)
        if yawm is None and self.word(k) in ("يومي", "ايام", "وايام", "ويومي") and self.weekday_at(k + 1):
            yawm = 0  # يومي الخميس والجمعة: the head noun of a list is inside the first mention
        if yawm is not None:
            k += 1
        wd = self.weekday_at(k)
        if wd is not None:
            k = wd[1]
            # ليلة الثلاثاء الأربعاء / ليل الأربعاء- الخميس
            k_sep = k + 1 if self.is_p(k, "-/") else k
            w2 = self.weekday_at(k_sep)
            if pod and w2 is not None and w2[2] == 0:
                k = w2[1]  # the night between two days: the value is the first day's
        # the day and month
        if wd is not None and self.is_p(k, ",،"):
            kk = k + 1
        else:
            kk = k
        day = self.day_at(kk)
        if day is None and self.word(kk) in ("يومي", "ايام") and self.tok(kk + 1) and self.toks[kk + 1].kind == "n":
            # يومي 16 و17 يونيو, أيام 5 و6 و7 يونيو: the head noun is inside the first member
            d1 = self.day_at(kk + 1)
            if d1 is not None and self.word(d1[1]) == "و":
                day = d1
        first_day = None
        more: list[tuple[int, int]] = []  # middle members of a list: (day, first token)
        if day is not None:
            kd = day[1]
            # range: 20 و22 أكتوبر, 20-22 أكتوبر, من 20 إلى 22 أكتوبر; list: 5 و6 و7 يونيو
            w = self.word(kd)
            if (w == "و" or w in ("الي", "حتي") or self.is_p(kd, "-")) and self.day_at(kd + 1):
                first_day = (day[0], kk, kd)
                day = self.day_at(kd + 1)
                while w == "و" and self.word(day[1]) == "و" and self.adjacent(day[1]) and self.day_at(day[1] + 1):
                    more.append((day[0], kd))
                    kd = day[1]
                    day = self.day_at(kd + 1)
                last_and = kd
                kk_month = day[1]
            else:
                kk_month = kd
            mon = self.month_at(kk_month)
            if mon is None:
                day = None
                first_day = None
        if day is None:
            mon = self.month_at(kk)
        if mon is None and wd is None and (yawm is None or day is not None):
            return None
        if (wd is not None or (yawm is not None and mod is None)) and mon is None and day is None:
            # يوم الجمعة 26/2/2016, الثلاثاء (1/3/2016): one mention with the numeric date's value;
            # likewise the head noun يوم before a bare numeric date (يوم ٢٨.٠٣.٢٠٢١, guidelines §3.2)
            kn = kk + 1 if self.is_p(kk, "(") else kk
            num = self.m_numeric(kn)
            if num and num[0].value and num[0].granularity in ("day", "minute"):
                end = num[0].j + (1 if kn > kk and self.is_p(num[0].j, ")") else 0)
                if pod and num[0].granularity == "day":  # صباح يوم 28/03/2021: a TIME
                    return [_M(i, end, "TIME", f"{num[0].value}T{pod}", "part_of_day", num[0].calendar, False)]
                return [_M(i, end, num[0].type, num[0].value, num[0].granularity, num[0].calendar, False)]
        if mon is None and wd is None:
            return None  # يوم alone: only a numeric date (above) completes it here
        if (
            wd is not None
            and mon is None
            and yawm is None
            and {st for _, st in _stems(self.word(i - 1))} & _WD_BAD_PREV
        ):
            return None  # صلاة الجمعة, حزب الأحد: names, not days
        if wd is not None and mon is None and (yawm is None and pod is None and mod is None):
            # weekday alone: check look-alikes for ambiguous names
            if not self.weekday_ok(i, wd[1], k):
                return None
        if mod is not None and mon is None and pod is None:
            return None
        year = None
        rel = None
        hijri = False
        cal = "gregorian"
        if mon is not None:
            k = mon[0]
            month = mon[1]
            hijri = month.hijri
            k_same = self.same_at(k + 1, _fset("العام", "السنة")) if self.word(k) in ("من", "في") else None
            yr = None if k_same is not None else self.year_at(k, hijri_ctx=hijri)
            if k_same is not None:
                k = k_same  # فيفري من العام نفسه: the year of the last year named (context())
                same_year = True
            if yr is not None:
                k = yr[0]
                if yr[3] is None:
                    year = yr[1]
                    if yr[2]:
                        hijri = True
                    elif yr[2] is False and hijri:
                        return None
                else:
                    rel = yr[3]
            elif k_same is None and self.word(k) in _PLURAL_REL and (first_day is not None or self.pair_before(i)):
                rel = _PLURAL_REL[self.word(k)]  # من 20 نوفمبر إلى 18 ديسمبر المقبلين
                k += 1
            if month.ambiguous and day is None and year is None and rel is None and mod is None:
                prev = self.word(i - 1)
                if not (prev in _MONTH_CTX_PREV or any(prev == p + w for p in ("و", "ف") for w in _MONTH_CTX_PREV)):
                    return None
            if month.hijri and day is None and year is None and rel is None and mod is None:
                return None
            if (
                day is None
                and year is None
                and rel is None
                and mod is None
                and wd is None
                and pod is None
                and {st for pl, st in _stems(self.word(i - 1)) if pl <= 2} & _NAME_HEADS
            ):
                return None  # كوبري أكتوبر، شارع يوليو، حرب أكتوبر: a name, not a month
            if hijri:
                cal = "hijri"
        else:
            # weekday with الماضي / المقبل
            r = self.rel_at(k)
            if r in ("past", "next"):
                rel = r
                k += 1
            elif self.word(k) in _PLURAL_REL and self.pair_before(i):
                rel = _PLURAL_REL[self.word(k)]  # (الأربعاء) والخميس المقبلين
                k += 1
            else:
                w2 = self.weekday_at(k)
                if w2 is not None and self.word(k)[: w2[2]] == "و" and self.word(w2[1]) in _PLURAL_REL:
                    rel = _PLURAL_REL[self.word(w2[1])]  # الأربعاء (والخميس المقبلين): both next week
        # time after the date: 20 أكتوبر 2015 الساعة 10:00, 01 مارس 2016 - 10:35
        clock = self.clock_after(k)
        pod_after = None
        if clock is None and mon is None:
            hit = self.lookup(self.lex.parts, k, clitics=False)
            if hit and hit[1] in ("MO", "EV", "MI", "AF") and self.word(k).endswith("ا"):
                pod_after = hit[1]
                k += hit[0]
        if clock is not None:
            k = clock[2]
        # --- value -----------------------------------------------------------
        a = self.anchor
        relative = False
        loose = None
        p_any = pod or pod_after
        val: str | None
        gran: str
        if mon is not None:
            m = mon[1].month
            d = day[0] if day else None
            if hijri:
                if year is None:
                    if a is None:
                        val, gran = None, ("day" if d else "month")
                    else:
                        relative = True
                        ha = _greg_to_hijri(a)
                        if ha is None:
                            return None
                        hy = ha[0]
                        if rel == "past" and (m, d or 0) >= (ha[1], ha[2] if d else 99):
                            hy -= 1
                        elif rel == "next" and (m, d or 99) <= (ha[1], ha[2] if d else 0):
                            hy += 1
                        year = hy
                if year is not None:
                    if d is not None:
                        g = _hijri_to_greg(year, m, d)
                        val, gran = (g.isoformat() if g else None), "day"
                    else:
                        g = _hijri_to_greg(year, m, 15)
                        val, gran = (f"{g.year:04d}-{g.month:02d}" if g else None), "month"
                else:
                    val, gran = None, ("day" if d else "month")
            else:
                if year is None:
                    relative = True
                    if a is not None:
                        # no year and no الماضي/المقبل: the nearest such date, or the next one
                        # when the clause is in the future (تقام الانتخابات في 10 تشرين الأول)
                        r = rel
                        if r is None and wd is None:
                            if any(pl <= 1 and st == "منذ" for pl, st in _stems(self.word(i - 1))):
                                r = "past_incl"  # منذ 3 آب: since, so not after the anchor
                            elif self.tense(i) == "next":
                                r = "next_incl"
                        year = _pick_year(a, m, d, r, wd[0] if wd else None)
                        if rel is None and wd is None:
                            loose = "year"
                val, gran = self.date_value(year, m, d)
                if year is None and rel is not None:
                    val = None  # "نوفمبر المقبل" with no anchor: the month alone would mislead
        else:
            # weekday without a date
            gran = "day"
            if a is None:
                val = None
            else:
                relative = True
                loose = "weekday"
                direction = rel or self.tense(i, k)
                if rel is None and any(pl <= 1 and st == "منذ" for pl, st in _stems(self.word(i - 1))):
                    direction = "past"  # منذ فجر الاثنين: since, so not after the anchor
                if direction == "past" and p_any and self.forecast(i):
                    direction = "next"
                delta = (wd[0] - a.isoweekday()) % 7
                if direction == "next":
                    if rel == "next" and delta == 0:
                        delta = 7
                    target = a + dt.timedelta(days=delta)
                else:
                    back = (a.isoweekday() - wd[0]) % 7
                    if rel == "past" and back == 0:
                        back = 7
                    target = a - dt.timedelta(days=back)
                val = target.isoformat()
        typ = "DATE"
        p = pod or pod_after
        if val is not None and gran == "day":
            if clock is not None:
                val = f"{val}T{clock[0]:02d}:{clock[1]:02d}"
                gran, typ = "minute", "TIME"
            elif p:
                val = f"{val}T{p}"
                gran, typ = "part_of_day", "TIME"
        if same_year and not hijri:
            loose = "same-Y"
        if first_day is None or mon is None:
            return [_M(i, k, typ, val, gran, cal, relative, loose=loose)]
        # a range "20 و22 أكتوبر": two mentions, the first borrowing month and year
        d0, _, kd = first_day
        v0 = None
        if val and gran == "day" and not hijri and _valid(int(val[:4]), int(val[5:7]), d0):
            v0 = f"{val[:8]}{d0:02d}"
        elif val and hijri and year is not None:
            g = _hijri_to_greg(year, mon[1].month, d0)
            v0 = g.isoformat() if g else None
        if more:
            kd = last_and
        second = kd if self.word(kd) == "و" and self.adjacent(kd) else kd + 1
        if not more:
            return [_M(i, kd, "DATE", v0, "day", cal, relative), _M(second, k, typ, val, gran, cal, relative)]
        # a list 5 و6 و7 يونيو: each middle member (with its و) takes the last one's month
        first_end = more[0][1]
        res = [_M(i, first_end, "DATE", v0, "day", cal, relative)]
        ends = [x[1] for x in more[1:]] + [kd]
        for (dm, start), end in zip(more, ends, strict=True):
            vm = None
            if val and gran == "day" and not hijri and _valid(int(val[:4]), int(val[5:7]), dm):
                vm = f"{val[:8]}{dm:02d}"
            res.append(_M(start, end, "DATE", vm, "day", cal, relative))
        res.append(_M(second, k, typ, val, gran, cal, relative))
        return res

    def pair_before(self, i: int) -> bool:
        """Token i is the second member of a pair: glued و, or إلى/حتى/- before it."""
        w = self.word(i)
        if w.startswith("و") and len(w) > 1:
            return True
        for b in range(i - 1, max(i - 8, -1), -1):
            if self.is_p(b, _SENT_END | {",", "،"}):
                return False
            if self.word(b) in ("الي", "حتي", "و") or self.is_p(b, "-"):
                return True
        return False

    def weekday_ok(self, i: int, j: int, k: int) -> bool:
        """Reject الاثنين 'the two' and الأحد 'the One' readings."""
        wd = self.weekday_at(i)
        if wd is None:
            return True
        hit = self.lookup(self.lex.weekdays, i)
        if hit is None or not hit[1][1]:
            return True
        prev, nxt = self.word(i - 1), self.word(j)
        if prev in _LOCAL_PREV_NEG or nxt in _WD_NEG_NEXT:
            return False
        if hit[2] and self.word(i)[: hit[2]] not in ("و", "ف"):  # بالاثنين
            return False
        return True

    def tense(self, i: int, j: int | None = None) -> str:
        """'next' if the clause before token i points to the future, else 'past'.

        The clause runs back to sentence punctuation, a comma or a complementizer
        (أن، إن، أنه ...).  Future: سوف, سـ + imperfect (سيزور), words such as غداً،
        المقبل، من المقرر، يتوقع, or a clause-initial imperfect verb (يزور الوزير
        موسكو الثلاثاء; على أن تبدأ المحادثات الاثنين)."""
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
        if not initial and self.word(k - 1) in ("حتي", "حين", "حتى", "عندما", "لما", "بعدما"):
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
            if not (verb.lstrip("وف") in ("يعمل", "تعمل") and self.word(kend) not in ("في", "فى")):
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

    # -- relative and named periods: العام الماضي، الشهر الحالي، عام 2012 ----------

    def m_period(self, i: int) -> list[_M] | None:
        k = i
        mod = None
        mh = self.mod_at(k)
        if mh is not None:
            k, mod = mh
        this = False
        w = self.word(k)
        if w in ("هذا", "هذه") or (w[:1] in "وف" and w[1:] in ("هذا", "هذه")):
            this = True
            k += 1
        if mod is not None and not this:
            # مطلع 2016, أواخر 2015
            y = self.tok(k)
            if y is not None and y.kind == "n" and len(y.t) == 4 and 1900 <= y.num <= 2200:
                nxt = self.tok(k + 1)
                if nxt is None or nxt.kind != "n":
                    return [_M(i, k + 1, "DATE", y.t, "year")]
        if not this and mod is None:
            # في العام نفسه, نفس الشهر, الأسبوع ذاته: the period of the last such date named
            w0 = self.word(k)
            pl0 = next((pl for pl, st in _stems(w0) if st in ("نفس", "ذات")), None)
            if pl0 is not None and self.word(k + 1) in _SAME_UNITS:
                end, unit_s = k + 2, _SAME_UNITS[self.word(k + 1)]
            else:
                pl1 = next((pl for pl, st in _stems(w0) if st in _SAME_UNITS), None)
                if pl1 is not None and self.word(k + 1) in _SAME:
                    end, unit_s = k + 2, _SAME_UNITS[_stem_in(w0, pl1)]
                else:
                    end = None
            if end is not None:
                return [_M(i, end, "DATE", None, _GRAN[unit_s], "gregorian", True, loose=f"same-{unit_s}")]
        pu = self.is_word(k, frozenset(_PERIOD_UNITS), clitics=True)
        if pu is None and mod is None and not this:
            # هالسنة، وهالشهر، بهالأسبوع: colloquial ها + the article, "this"
            w0 = self.word(k)
            for pl0 in (0, 1, 2):
                rest = w0[pl0:]
                if (pl0 == 0 or w0[:pl0] in ("و", "ف", "ب", "وب", "فب", "ل")) and rest.startswith("هال"):
                    unit0 = _PERIOD_UNITS.get(rest[1:])
                    if unit0 is not None:
                        if self.word(k + 1) in _SAME or self.rel_at(k + 1) is not None:
                            return None
                        this, pu = True, None
                        a = self.anchor
                        if a is None:
                            return [_M(i, k + 1, "DATE", None, _GRAN[unit0], "gregorian", True)]
                        val = {"Y": f"{a.year:04d}", "M": f"{a.year:04d}-{a.month:02d}", "W": _iso_week(a)}[unit0]
                        return [_M(i, k + 1, "DATE", val, _GRAN[unit0], "gregorian", True)]
        if pu is None:
            return None
        unit = _PERIOD_UNITS[_stem_in(self.word(k), pu)]
        stem = _stem_in(self.word(k), pu)
        k += 1
        a = self.anchor
        rel = None
        if this:
            if not stem.startswith("ال"):
                return None
            rel = "this"
        else:
            # عام 2012 / العام 2013 / العام الماضي / الشهر المقبل
            if unit == "Y" and stem.startswith("ال") and self.word(k) in ("الجديد", "الجديدة") and a is not None:
                # العام الجديد: the coming year in December, else the current one
                return [_M(i, k + 1, "DATE", f"{a.year + (1 if a.month == 12 else 0):04d}", "year", "gregorian", True)]
            kind_hijri = False
            if unit == "Y" and self.word(k) in _YEAR_KINDS:
                kind_hijri = self.word(k).startswith("الهجري")
                k += 1  # العام المالي 2026, السنة الدراسية المقبلة: the head noun is inside
                if not (self.tok(k) is not None and self.toks[k].kind == "n") and self.rel_at(k) is None:
                    return None
            if unit == "Y":
                y = self.tok(k)
                if y is not None and y.kind == "n" and len(y.t) == 4 and 1000 <= y.num <= 2200:
                    k += 1
                    hj = False
                    if self.is_word(k, _WORD_HIJRI) is not None:
                        hj, k = True, k + 1
                    elif self.is_word(k, _WORD_AD) is not None:
                        k += 1
                    if kind_hijri and 1300 <= y.num <= 1500:
                        hj = True  # العام الهجري 1447
                    if hj:
                        g = _hijri_to_greg(y.num, 6, 15)
                        return [_M(i, k, "DATE", str(g.year) if g else None, "year", "hijri", False)]
                    return [_M(i, k, "DATE", f"{y.num:04d}", "year", "gregorian", False)]
            if not stem.startswith("ال"):
                return None
            rel = self.rel_at(k)
            if rel is None:
                if mod is None or unit not in ("Y", "M", "W"):
                    return None
                rel = "this"  # مطلع العام: the current year; نهاية الأسبوع: this week, mod END
            else:
                k += 1
        if a is None:
            return [_M(i, k, "DATE", None, _GRAN[unit], "gregorian", True)]
        off = {"past": -1, "next": 1, "this": 0}[rel]
        if unit == "Y":
            val = f"{a.year + off:04d}"
        elif unit == "M":
            y, m = _add_months(a.year, a.month, off)
            val = f"{y:04d}-{m:02d}"
        else:
            val = _iso_week(a + dt.timedelta(weeks=off))
        return [_M(i, k, "DATE", val, _GRAN[unit], "gregorian", True)]

    # -- quarters, halves, seasons ------------------------------------------------

    def m_part_of_year(self, i: int) -> list[_M] | None:
        k = i
        w = self.word(k)
        pl = self.is_word(k, frozenset(_PARTS_OF_YEAR), clitics=True)
        season = None
        if pl is not None:
            kind = _PARTS_OF_YEAR[_stem_in(w, pl)]
            ordw = self.word(k + 1)
            if ordw not in _PART_ORD:
                # الربع السابق / الربع المقبل / الربع الحالي: counted from the quarter named
                # just before (see context()), else from the anchor's
                rel = self.rel_at(k + 1)
                if kind != "Q" or rel is None or not _stem_in(w, pl).startswith("ال"):
                    return None
                if self.word(k + 2) in ("من", "في") or self.year_at(k + 2) is not None:
                    return None
                off = {"past": -1, "next": 1, "this": 0}[rel]
                a = self.anchor
                val = None
                if a is not None:
                    q = (a.month - 1) // 3 + 1 + off
                    y, q = a.year + (q - 1) // 4, (q - 1) % 4 + 1
                    val = f"{y:04d}-Q{q}"
                # الربع الحالي is deictic; السابق/المقبل count from a quarter in context
                return [
                    _M(i, k + 2, "DATE", val, "quarter", "gregorian", True, loose=f"quarter{off:+d}" if off else None)
                ]
            idx = _PART_ORD[ordw]
            k += 2
            if self.word(k) in ("من", "في"):
                k += 1
        else:
            # هذا الصيف, فصل الصيف, موسم الشتاء: a season named without a year
            head = None
            if w in ("هذا", "هذه") or (w[:1] in "وف" and w[1:] in ("هذا", "هذه")):
                head = "this"
            elif self.is_word(k, _fset("فصل", "موسم"), clitics=True) is not None:
                head = "head"
            if head is not None:
                k += 1
                w = self.word(k)
            pl = self.is_word(k, frozenset(_SEASONS), clitics=head is None)
            if pl is None:
                return None
            season = _SEASONS[_stem_in(w, pl)]
            k += 1
            if head is not None:
                if not _stem_in(w, pl).startswith("ال"):
                    return None
                yr = self.year_at(k)
                if yr is None or (yr[3] is not None and yr[0] - k == 1):
                    rel = yr[3] if yr is not None else ("this" if head == "this" else None)
                    kend = yr[0] if yr is not None else k
                    if self.anchor is None:
                        return [_M(i, kend, "DATE", None, "season", "gregorian", True)]
                    if rel is None:
                        rel = "next_incl" if self.tense(i) == "next" else None
                    return [_M(i, kend, "DATE", _season_value(self.anchor, season, rel), "season", "gregorian", True)]
        yr = self.year_at(k)
        if (
            yr is None
            and season is None
            and self.word(k - 1) == "من"
            and self.word(k) in ("العام", "السنة")
            and self.word(k + 1) not in _SAME | _YEAR_KINDS
            and not (self.tok(k + 1) is not None and self.toks[k + 1].kind == "n")
        ):
            # الربع الأخير من العام، النصف الأول من السنة: the anchor's year (like مطلع العام)
            yr = (k + 1, 0, None, "this")
        if yr is None:
            return None
        bare_adj = yr[0] - k == 1  # الصيف الماضي vs صيف العام الماضي
        k = yr[0]
        a = self.anchor
        if season is not None and yr[3] is not None and bare_adj and a is not None and _stem_in(w, pl).startswith("ال"):
            # الشتاء المقبل: the next winter after the current season
            return [_M(i, k, "DATE", _season_value(a, season, yr[3]), "season", "gregorian", True)]
        if yr[3] is None:
            year = yr[1]
            relative = False
        else:
            if season is not None and _stem_in(w, pl).startswith("ال") != bare_adj:
                return None
            relative = True
            if a is None:
                return [_M(i, k, "DATE", None, "season" if season else "quarter", "gregorian", True)]
            year = a.year + {"past": -1, "next": 1, "this": 0}[yr[3]]
            if season is not None and yr[3] != "this" and self.word(yr[0] - 2) not in ("العام", "عام", "السنة"):
                # الصيف الماضي: the last summer before the anchor
                year = a.year if yr[3] == "past" and a.month >= 9 else year
        if season is not None:
            return [_M(i, k, "DATE", f"{year:04d}-{season}", "season", "gregorian", relative)]
        n = {"Q": 4, "H": 2, "T": 3}[kind]
        if idx == -1:
            idx = n
        if not 1 <= idx <= n:
            return None
        return [
            _M(
                i,
                k,
                "DATE",
                f"{year:04d}-{kind}{idx}",
                {"Q": "quarter", "H": "half", "T": "trimester"}[kind],
                "gregorian",
                relative,
            )
        ]

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
                and self.word(k) not in ("من", "علي", "على", "عن", "فقط")
                and not self.is_p(k, "-")
                and self.tense(i) == "next"
                and unit in ("D", "W", "M", "Y")
            ):
                v, g = _shift(self.anchor, count, unit)  # type: ignore[arg-type]
                return [_M(i, k, "DATE", v, g, "gregorian", True)]
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
        if nxt in ("ما", "بعد", "عن", "تلو", "من", "اثر", "إثر", "وراء", "فيوما"):
            return False
        if nxt.endswith("ا") and nxt not in ("كاملا", "واحدا", "اضافيا", "اخر", "آخر"):
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

    # -- a day of a relative month: 20 الجاري, الخامس عشر من الشهر الماضي ------------

    def m_day_rel_month(self, i: int) -> list[_M] | None:
        k = i
        if self.is_word(k, _YAWM, clitics=True) is not None:
            k += 1
        wd = self.weekday_at(k)
        if wd is not None:
            k = wd[1]
            if self.is_p(k, ",،"):
                k += 1
        day = self.day_at(k)
        if day is None:
            return None
        d, k2 = day
        if self.is_word(k2, _fset("الشهر", "شهر")) is not None and self.rel_at(k2 + 1):
            rel, end = self.rel_at(k2 + 1), k2 + 2
        elif self.word(k2) in ("الجاري", "الحالي"):
            rel, end = "this", k2 + 1
        else:
            return None
        if self.anchor is None:
            return [_M(i, end, "DATE", None, "day", "gregorian", True)]
        y, m = _add_months(self.anchor.year, self.anchor.month, {"past": -1, "next": 1, "this": 0}[rel or "this"])
        val, gran = self.date_value(y, m, d)
        return [_M(i, end, "DATE", val, gran, "gregorian", True)]

    # -- decades and centuries ----------------------------------------------------

    def m_decade(self, i: int) -> list[_M] | None:
        k = i
        mh = self.mod_at(k)
        if mh is not None:
            k = mh[0]
        if self.is_word(k, _fset("عقد"), clitics=True) is not None:
            k += 1
        dec = None
        for _, stem in _stems(self.word(k)):
            if stem.startswith("ال"):
                stem = stem[2:]
            if stem in _DECADES:
                dec = _DECADES[stem]
                break
        cent = None
        if dec is not None:
            k += 1
            if self.word(k) in _AGE_AFTER or (self.word(k) in ("من", "في") and self.word(k + 1) in _AGE_AFTER):
                return None  # في الثلاثينيات من عمرها: an age, not a decade
            c = self.century_at(k + 1 if self.word(k) == "من" else k)
            if c is not None:
                cent, k = c
        else:
            c = self.century_at(k, bare=mh is not None and mh[1] in ("START", "MID", "END"))
            if c is None:
                return None
            cent, k = c
            bare = self.word(k - 1) == "القرن"
            return [_M(i, k, "DATE", f"{cent:02d}", "century", "gregorian", bare or self.word(k - 1) in _PAST | _THIS)]
        relative = cent is None
        if cent is None:
            ay = self.anchor.year if self.anchor else dt.date.today().year
            cent = ay // 100 if dec * 10 <= ay % 100 else ay // 100 - 1
        return [_M(i, k, "DATE", f"{cent:02d}{dec}", "decade", "gregorian", relative)]

    def century_at(self, i: int, bare: bool = False) -> tuple[int, int] | None:
        """القرن الماضي / القرن التاسع عشر / القرن العشرين at i: (TIMEX3 century, next_i).
        With *bare* (after a position word: مطلع القرن، نهاية القرن) the century alone is
        the anchor's (2000–2099 → 20), like مطلع العام is the anchor's year."""
        if self.is_word(i, _fset("القرن"), clitics=True) is None:
            return None
        hit = self.lookup(self.lex.ordinals, i + 1, clitics=False)
        ay = self.anchor.year if self.anchor else dt.date.today().year
        w = self.word(i + 1)
        if w in _PAST:
            return ay // 100 - 1, i + 2  # القرن الماضي: the 1900s, TIMEX3 "19"
        if w in _THIS:
            return ay // 100, i + 2
        if hit is not None:
            n = hit[1]
            k = i + 1 + hit[0]
            if w == "العشرين":
                n, k = 20, i + 2
            if self.word(k) in ("الميلادي",):
                k += 1
            return n - 1, k
        if bare and self.word(i) == "القرن" and w not in _SAME and w not in _NEXT and w not in ("الذي", "الواحد"):
            return ay // 100, i + 1
        return None

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

    # -- bare years -------------------------------------------------------------

    def m_year(self, i: int) -> list[_M] | None:
        t = self.tok(i)
        if t is None:
            return None
        k = i
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
            if nxt.t.endswith("ا") and len(nxt.t) >= 4 and nxt.t not in ("ايضا", "أيضا", "تقريبا", "حاليا", "مجددا"):
                return None  # tamyiz: 2000 شخصا
        if nxt is not None and nxt.kind == "w" and strong:
            if {s for _, s in _stems(nxt.t)} & (_COUNT_NOUNS - _fset("في")):
                return None
        if nxt is not None and nxt.kind == "n":
            return None
        if self.word(i + 1) == "في" and self.word(i + 2) in ("المئة", "المائة", "المية", "المىة"):
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

    # -- vague references -------------------------------------------------------

    def m_vague(self, i: int) -> list[_M] | None:
        if not INCLUDE_VAGUE:
            return None
        w = self.word(i)
        for _plen, stem in _stems(w):
            if stem in _VAGUE1:
                return [_M(i, i + 1, "DATE", _VAGUE1[stem], "vague", "gregorian", False)]
            nxt = self.word(i + 1)
            if (stem, nxt) in _VAGUE:
                return [_M(i, i + 2, "DATE", _VAGUE[(stem, nxt)], "vague", "gregorian", False)]
        return None


_GRAN = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_UNIT_GRAN = {
    "TS": "second",
    "TM": "minute",
    "TH": "hour",
    "D": "day",
    "W": "week",
    "M": "month",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "S": "second",
    "H": "hour",
}


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


_UNIT_ORDER = {"CE": 0, "DE": 1, "Y": 2, "M": 3, "W": 4, "D": 5, "TH": 6, "TM": 7, "TS": 8}


def _compound_value(parts: dict[str, int]) -> str:
    """ISO 8601 duration from several units: {"TH": 3, "TM": 20} → PT3H20M."""
    parts = dict(parts)
    if "W" in parts and len(parts) > 1:
        parts["D"] = parts.get("D", 0) + 7 * parts.pop("W")
    for big, (to, f) in (("CE", ("Y", 100)), ("DE", ("Y", 10))):
        if big in parts:
            parts[to] = parts.get(to, 0) + f * parts.pop(big)
    date = "".join(f"{parts[u]}{u}" for u in ("Y", "M", "W", "D") if u in parts)
    time = "".join(f"{parts[u]}{u[1]}" for u in ("TH", "TM", "TS") if u in parts)
    return "P" + date + ("T" + time if time else "")


def _duration_value(amount: str, unit: str) -> str:
    if unit.startswith("T"):
        return f"PT{amount}{unit[1]}"
    if unit == "DE":
        return f"P{amount}DE" if amount == "X" else f"P{int(amount) * 10}Y"
    if unit == "CE":
        return f"P{amount}CE" if amount == "X" else f"P{int(amount) * 100}Y"
    return f"P{amount}{unit}"


def _shift(a: dt.date, k: int, unit: str) -> tuple[str, str]:
    """Anchor shifted by k units, at that unit's granularity."""
    if unit == "Y":
        return f"{a.year + k:04d}", "year"
    if unit == "DE":
        return f"{(a.year + 10 * k) // 10:03d}", "decade"
    if unit == "CE":
        return f"{(a.year + 100 * k) // 100:02d}", "century"
    if unit == "M":
        y, m = _add_months(a.year, a.month, k)
        return f"{y:04d}-{m:02d}", "month"
    if unit == "W":
        return _iso_week(a + dt.timedelta(weeks=k)), "week"
    if unit == "D":
        return (a + dt.timedelta(days=k)).isoformat(), "day"
    # hours, minutes: the day is the best we know without a clock time
    return a.isoformat(), "day"


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _to_date(x: Any) -> dt.date | None:
    if x is None:
        return None
    try:
        if pd.isna(x):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(x, dt.datetime):
        return x.date()
    if isinstance(x, dt.date):
        return x
    ts = pd.Timestamp(x)
    if pd.isna(ts):
        return None
    return ts.date()


def find_dates(text: str, reference_date: Any = None) -> list[dict[str, Any]]:
    """Date mentions in one string, as a list of dicts (no doc_id/source).

    Offsets point into *text* itself.

    >>> [(d["text"], d["value"]) for d in find_dates("وصل أمس", "2015-10-22")]
    [('أمس', '2015-10-21')]
    """
    if not isinstance(text, str) or not text:
        return []
    anchor = _to_date(reference_date)
    folded, omap = fold(text)
    parser = _Parser(folded, anchor)
    parser.orig, parser.omap = text, omap
    out = []
    for m in parser.parse():
        if m.j <= m.i:
            continue
        # spans cover whole words: a glued proclitic (بالأمس, و22) is inside
        fs = parser.toks[m.i].s
        fe = parser.toks[m.j - 1].e
        if fe <= fs:
            continue
        start = omap[fs]
        end = omap[fe - 1] + 1
        # keep trailing harakat/tatweel (غداً) inside the span
        while end < len(text) and (text[end] == "\u0640" or unicodedata.category(text[end]) == "Mn"):
            end += 1
        out.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "type": m.type,
                "value": m.value,
                "granularity": m.granularity,
                "calendar": m.calendar,
                "relative": bool(m.relative),
                "anchor": pd.Timestamp(anchor) if anchor else pd.NaT,
            }
        )
    return out


def _documents(obj: Any) -> pd.DataFrame:
    docs = getattr(obj, "documents", None)
    if isinstance(docs, pd.DataFrame):
        return docs
    if isinstance(obj, pd.DataFrame):
        return obj
    raise TypeError(f"date_mentions() expects a Corpus, a DataFrame or a str, not {type(obj).__name__}")


def date_mentions(corpus_or_text: Any, *, reference_date: Any = None, progress: bool | None = None) -> pd.DataFrame:
    """Find, resolve and normalize every date expression.

    Parameters
    ----------
    corpus_or_text:
        A :class:`~corpusstats.corpus.Corpus`, a DataFrame with ``doc_id``,
        ``source``, ``text`` and optionally ``date``/``anchor_date`` columns,
        or a plain string (then ``doc_id`` and ``source`` are null).
    reference_date:
        Anchor for relative expressions (أمس، الثلاثاء، الشهر الماضي) in a
        string, and for documents whose own ``anchor_date``/``date`` is
        missing.  A document's own date always wins.
    progress:
        A progress bar over the documents: True, False, or None (only for
        big corpora in a terminal or notebook, never under CI).

    Returns
    -------
    DataFrame with columns :data:`COLUMNS`, sorted by ``doc_id`` then
    ``start``.  ``value`` is TIMEX3-style (``2015-10-20``, ``2015-10``,
    ``2015``, ``2014-Q4``, ``2019-08-19T20:06``, ``2015-10-20TEV``, ``P5Y``,
    ``PT24H``, ``XXXX-WXX-5``, ``PAST_REF``), null when it cannot be
    resolved; ``start``/``end`` index the original text.

    >>> date_mentions("قبل نحو 5 سنوات", reference_date="2015-10-22")[["text", "type", "value"]].values.tolist()
    [['قبل نحو 5 سنوات', 'DATE', '2010']]
    """
    rows: list[dict[str, Any]] = []
    if isinstance(corpus_or_text, str):
        for r in find_dates(corpus_or_text, reference_date):
            rows.append({"doc_id": None, "source": None, **r})
    else:
        docs = _documents(corpus_or_text)
        fallback = _to_date(reference_date)
        has_anchor = "anchor_date" in docs.columns
        has_date = "date" in docs.columns
        size = int(docs["text"].fillna("").str.len().sum()) if "text" in docs.columns else 0
        bar = progress_bar(progress, total=len(docs), size=size, desc="dates", unit="doc")
        for rec in docs.itertuples(index=False):
            bar.update(1)
            d = rec._asdict()
            anchor = _to_date(d.get("anchor_date")) if has_anchor else None
            if anchor is None and has_date:
                anchor = _to_date(d.get("date"))
            if anchor is None:
                anchor = fallback
            for r in find_dates(d.get("text") or "", anchor):
                rows.append({"doc_id": d.get("doc_id"), "source": d.get("source"), **r})
        bar.close()
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["relative"] = df["relative"].astype(bool)
    df["anchor"] = pd.to_datetime(df["anchor"])
    for c in ("doc_id", "source", "text", "type", "value", "granularity", "calendar"):
        df[c] = df[c].astype(object).where(df[c].notna(), None)
    if len(df):
        df = df.sort_values(["doc_id", "start", "end"], kind="stable", na_position="first").reset_index(drop=True)
    return df


# ---------------------------------------------------------------------------
# Aggregations for charts (plots never compute statistics)
# ---------------------------------------------------------------------------

_DATE_VALUE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:-([QH])(\d))?(?:-(SP|SU|FA|WI))?(?:-W(\d{2}))?")


def _period_of(value: Any) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day of the period a DATE/TIME value names."""
    if not isinstance(value, str):
        return None
    m = _DATE_VALUE_RE.match(value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = pd.Timestamp(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        s = pd.Timestamp(y, int(m.group(2)), 1)
        return s, s + pd.offsets.MonthEnd(0)
    if m.group(4):
        n = int(m.group(5))
        months = 3 if m.group(4) == "Q" else 6
        s = pd.Timestamp(y, (n - 1) * months + 1, 1)
        return s, s + pd.DateOffset(months=months) - pd.Timedelta(days=1)
    if m.group(6):
        start_m = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m.group(6)]
        s = pd.Timestamp(y, start_m, 1)
        return s, s + pd.DateOffset(months=3) - pd.Timedelta(days=1)
    if m.group(7):
        s = pd.Timestamp(dt.date.fromisocalendar(y, int(m.group(7)), 1))
        return s, s + pd.Timedelta(days=6)
    return pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)


def mention_periods(mentions: pd.DataFrame) -> pd.DataFrame:
    """DATE/TIME mentions with the period they name: adds ``period_start`` and
    ``period_end`` (datetime64) and drops mentions without a calendar value
    (durations, sets, vague references, unresolved values).  Sorted like the
    input."""
    m = mentions[mentions["type"].isin(["DATE", "TIME"])].copy()
    spans = m["value"].map(_period_of)
    m = m[spans.notna()].copy()
    spans = spans[spans.notna()]
    m["period_start"] = pd.to_datetime([s[0] for s in spans]) if len(m) else pd.Series([], dtype="datetime64[ns]")
    m["period_end"] = pd.to_datetime([s[1] for s in spans]) if len(m) else pd.Series([], dtype="datetime64[ns]")
    return m.reset_index(drop=True)


def month_source_counts(mentions: pd.DataFrame, *, granularity: str = "day") -> pd.DataFrame:
    """Count mentioned dates per calendar month and source.

    Only mentions at least as fine as *granularity* allows are counted
    (``"day"``: days and times; ``"month"``: also whole months).  Returns a
    tidy DataFrame with columns ``month`` (``YYYY-MM`` string), ``source``
    and ``count``, sorted by month then source.  Pivot it for a heatmap.
    """
    order = ["minute", "part_of_day", "day", "week", "month"]
    keep = set(order[: order.index(granularity) + 1]) if granularity in order else set(order)
    per = mention_periods(mentions)
    per = per[per["granularity"].isin(keep)]
    if per.empty:
        return pd.DataFrame(
            {
                "month": pd.Series([], dtype=object),
                "source": pd.Series([], dtype=object),
                "count": pd.Series([], dtype="int64"),
            }
        )
    src = per["source"].astype(object).where(per["source"].notna(), "")
    out = (
        pd.DataFrame({"month": per["period_start"].dt.strftime("%Y-%m"), "source": src})
        .groupby(["month", "source"], sort=True)
        .size()
        .rename("count")
        .reset_index()
    )
    out["count"] = out["count"].astype("int64")
    return out.sort_values(["month", "source"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------
# HTML view for notebooks
# ---------------------------------------------------------------------------

_TYPE_COLOURS = {"DATE": "#fde68a", "TIME": "#bfdbfe", "DURATION": "#bbf7d0", "SET": "#fbcfe8"}


def highlight_html(
    text: str,
    mentions: pd.DataFrame | Iterable[dict] | None = None,
    *,
    reference_date: Any = None,
    title: str | None = None,
) -> str:
    """HTML for *text*, right-to-left, with its date mentions highlighted.

    Each mention is a ``<mark>`` whose ``title`` (shown on hover) gives the type
    and value.  *mentions* defaults to ``find_dates(text, reference_date)``.
    """
    if mentions is None:
        rows = find_dates(text, reference_date)
    elif isinstance(mentions, pd.DataFrame):
        rows = mentions.to_dict("records")
    else:
        rows = list(mentions)
    rows = sorted(rows, key=lambda r: (int(r["start"]), -int(r["end"])))
    parts = []
    pos = 0
    for r in rows:
        s, e = int(r["start"]), int(r["end"])
        if s < pos or e > len(text):
            continue
        parts.append(html.escape(text[pos:s]))
        value = r.get("value")
        tip = f"{r.get('type')}: {value if isinstance(value, str) else '?'}"
        colour = _TYPE_COLOURS.get(str(r.get("type")), "#e5e7eb")
        parts.append(
            f'<mark class="cs-date cs-{html.escape(str(r.get("type")).lower())}" '
            f'title="{html.escape(tip, quote=True)}" data-value="{html.escape(str(value), quote=True)}" '
            f'style="background:{colour};border-radius:3px;padding:0 2px">{html.escape(text[s:e])}</mark>'
        )
        pos = e
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>\n")
    # <bdi>: a Latin file name must not be reordered inside the right-to-left block
    head = f'<div style="font-weight:bold;margin-bottom:.5em"><bdi>{html.escape(title)}</bdi></div>' if title else ""
    return (
        '<div class="cs-dateview" dir="rtl" lang="ar" '
        'style="direction:rtl;text-align:right;unicode-bidi:plaintext;line-height:1.9;'
        "font-family:'Noto Naskh Arabic','Amiri','DejaVu Sans',serif\">"
        f"{head}{body}</div>"
    )


class DateView:
    """Jupyter view of documents with their date mentions highlighted.

    ``DateView(corpus)`` or ``DateView("نص", reference_date=...)``; select
    documents with ``doc_ids``.  Renders right-to-left; hover a mention to see
    its TIMEX3 value.
    """

    def __init__(
        self,
        corpus_or_text: Any,
        *,
        reference_date: Any = None,
        doc_ids: Iterable[Any] | None = None,
        max_docs: int = 20,
    ):
        self.mentions = date_mentions(corpus_or_text, reference_date=reference_date)
        if isinstance(corpus_or_text, str):
            self.docs = pd.DataFrame({"doc_id": [None], "source": [None], "text": [corpus_or_text]})
        else:
            self.docs = _documents(corpus_or_text)
        if doc_ids is not None:
            wanted = list(doc_ids)
            self.docs = self.docs[self.docs["doc_id"].isin(wanted)]
            self.mentions = self.mentions[self.mentions["doc_id"].isin(wanted)].reset_index(drop=True)
        self.max_docs = max_docs

    def _repr_html_(self) -> str:
        blocks = []
        for rec in self.docs.head(self.max_docs).itertuples(index=False):
            d = rec._asdict()
            doc_id = d.get("doc_id")
            if doc_id is None:
                ms = self.mentions[self.mentions["doc_id"].isna()]
            else:
                ms = self.mentions[self.mentions["doc_id"] == doc_id]
            title = None if doc_id is None else f"{doc_id} — {d.get('source') or ''} ({len(ms)} mentions)"
            blocks.append(highlight_html(d.get("text") or "", ms, title=title))
        return '<div class="cs-dateviews">' + "<hr>".join(blocks) + "</div>"

    def __repr__(self) -> str:
        return f"DateView({len(self.docs)} documents, {len(self.mentions)} mentions)"
