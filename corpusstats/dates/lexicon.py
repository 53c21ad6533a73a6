"""Lexicons: the word tables (``data/dates/*.tsv``, folded once on first use), the small word sets
the grammar uses, tokens and proclitic readings, and the triggers of the pre-filter."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

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
    "تحت",  # منتخب تحت 23 عاماً: an age group
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
#: the half of the day written after a clock time: 7:20 م is 19:20, 09:15 ص is 09:15
_HALF_DAY = {"م": "PM", "ص": "AM", "PM": "PM", "pm": "PM", "AM": "AM", "am": "AM"}
_HOUR_PARTS = {
    _fold_key(k): v
    for k, v in {
        "م": "EV",  # الساعة 8 م، الساعة 8 PM
        "ص": "MO",
        "PM": "EV",
        "pm": "EV",
        "AM": "MO",
        "am": "MO",
        "قبل الظهر": "MO",  # العاشرة قبل الظهر: a morning hour
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


#: words before an hour named without الساعة (في السادسة مساءً, من التاسعة صباحاً)
_HOUR_PREV = _fset(
    "في", "من", "حتى", "حتي", "إلى", "الى", "عند", "منذ", "بعد", "قبل", "على", "علي", "بين", "غاية", "تمام"
)
_HOUR_FRAC = {_fold_key("النصف"): 30, _fold_key("الربع"): 15, _fold_key("الثلث"): 20, "نص": 30, "ربع": 15, "نصف": 30}
_WORD_HIJRI = _fset("هـ", "ه", "هجري", "هجرية", "للهجرة", "هجريا")
_WORD_AD = _fset("م", "ميلادي", "ميلادية", "للميلاد", "ميلاديا")


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
