"""Arabic normalization, tokenization with character offsets, proclitics, stopwords.

Everything here is a small pure function of strings. Regexes are module
constants; the stopword list and the stem lexicon used for clitic splitting are
read lazily from ``corpusstats/data`` and cached.

>>> normalize("الحمــــــد")
'الحمد'
>>> normalize("فى الذى أُنشئَ")
'في الذي انشئ'
>>> tokenize("قال الرئيسُ: «والأسدُ في موسكو»")
['قال', 'الرئيس', 'والاسد', 'في', 'موسكو']
>>> tokenize("والأسد في موسكو", clitics=True)
['و+', 'ال+', 'اسد', 'في', 'موسكو']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = [
    "Token",
    "normalize",
    "tokenize",
    "tokenize_spans",
    "split_proclitics",
    "stopwords",
    "is_stopword",
    "sentence_breaks",
    "sentence_spans",
    "fold_types",
]

# --- character classes ------------------------------------------------------

#: Arabic combining marks: harakat, tanween, shadda, sukun, superscript alef,
#: small high/low signs and the Quranic annotation signs (all category Mn).
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08d3-\u08e1\u08e3-\u08ff"
#: Quranic signs that are not Mn but stand inside words (end of ayah etc.).
QURANIC_OTHER = "\u06dd\u06de\u06e5\u06e6\u06e9\u08e2"
TATWEEL = "\u0640"
#: Bidi controls and zero-width characters: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM,
#: LRE..RLO (embeddings, overrides, PDF), LRI..PDI (isolates), word joiner,
#: soft hyphen, BOM / zero-width no-break space.
INVISIBLES = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\u2060\u00ad\ufeff"
#: Arabic letters (base block, supplement, extended-A) and presentation forms.
ARABIC_LETTERS = (
    "\u0621-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe80-\ufefc"
)
#: Presentation forms of harakat (U+FE70..FE7F) behave as marks.
MARK_FORMS = "\ufe70-\ufe7f"
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"

_INNER = f"[{MARKS}{QURANIC_OTHER}{MARK_FORMS}{TATWEEL}{INVISIBLES}]"
_TRAIL = f"[{MARKS}{QURANIC_OTHER}{MARK_FORMS}{TATWEEL}]"

#: One token: an Arabic word (letters with marks, tatweel and invisible
#: characters inside, never at its start or end), a number (digits, with
#: . , ٫ ٬ between digits), or a Latin word. Anything else separates tokens.
TOKEN_RE = re.compile(
    rf"[{ARABIC_LETTERS}](?:{_INNER}*[{ARABIC_LETTERS}]|{_TRAIL})*"
    rf"|[{DIGITS}]+(?:[.,\u066b\u066c][{DIGITS}]+)*"
    rf"|[{LATIN}](?:{_INNER}*[{LATIN}]|['’][{LATIN}])*"
)

#: Where a sentence or a line ends: n-grams and collocation windows never
#: cross these (full stop, ؟ ? ! ؛ ; … ۔ and line breaks). A full stop between
#: digits (3.5) is part of a number, not a break: see :data:`TOKEN_OR_BREAK_RE`.
SENTENCE_BREAK_CHARS = ".!?\u061f\u061b;\u2026\n\r\u06d4"
SENTENCE_BREAK_RE = re.compile(f"[{SENTENCE_BREAK_CHARS}]+")  # inside a class these are all literal

#: Tokens and sentence breaks in one left-to-right scan (group ``brk`` is a
#: break). The counting core runs this same pattern in polars (Rust's regex
#: engine, leftmost-first like Python's), so both paths cut text identically.
TOKEN_OR_BREAK_RE = re.compile(f"{TOKEN_RE.pattern}|(?P<brk>{SENTENCE_BREAK_RE.pattern})")

_INVISIBLE_RE = re.compile(f"[{INVISIBLES}]")
_MARKS_RE = re.compile(f"[{MARKS}{QURANIC_OTHER}]")
_TATWEEL_RE = re.compile(TATWEEL)
#: An alef (any variant) and the combining marks after it. With ``alef=True`` the
#: hamza and madda marks in that cluster go too (decomposed أ = ا + ٔ), so that
#: NFC cannot compose a variant again and the result is stable.
_ALEF_RE = re.compile(f"[\u0622\u0623\u0625\u0627\u0671\u0672\u0673]([{MARKS}]*)")
_HAMZA_MADDA_RE = re.compile("[\u0653-\u0655]")
_HAMZA_SURFACE_RE = re.compile("[\u0622\u0623\u0625\u0653-\u0655\ufb50-\ufdff\ufe70-\ufeff]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_ALEF_MAQSURA = str.maketrans({"\u0649": "\u064a", "\u06cc": "\u064a"})
_TEH_MARBUTA = str.maketrans({"\u0629": "\u0647"})
_DIGIT_MAP = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)


def _unpresent(match: re.Match[str]) -> str:
    # NFKC maps presentation forms to base letters; the isolated harakat forms
    # (U+FE70..) come out as "space + mark", where the space is not wanted.
    return unicodedata.normalize("NFKC", match.group()).replace(" ", "")


def normalize(
    text: str,
    *,
    diacritics: bool = True,
    tatweel: bool = True,
    alef: bool = True,
    alef_maqsura: bool = True,
    teh_marbuta: bool = False,
    digits: bool = True,
) -> str:
    """Return ``text`` normalized for counting; idempotent.

    Always: bidi controls and zero-width characters are removed, the text is
    put in NFC, and presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF, common in
    text copied from PDFs) go back to base letters (NFKC).
    Options (the defaults follow Lucene's ArabicNormalizer and CAMeL Tools):

    - ``diacritics``: remove harakat, tanween, shadda, sukun, superscript alef
      and Quranic annotation signs.
    - ``tatweel``: remove the kashida ـ.
    - ``alef``: أ إ آ ٱ → ا.
    - ``alef_maqsura``: ى (and Farsi ی) → ي.
    - ``teh_marbuta``: ة → ه (off by default: it loses information).
    - ``digits``: Arabic-Indic ٠–٩ and Extended ۰–۹ → 0–9.

    >>> normalize("مُحَمَّدٌ")
    'محمد'
    >>> normalize("ﻻ ﺇﻟﻪ")
    'لا اله'
    >>> normalize("٢٠١٥ إلى")
    '2015 الي'
    >>> normalize("مدرسة", teh_marbuta=True)
    'مدرسه'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize expects a str, got {type(text).__name__}")
    text = _INVISIBLE_RE.sub("", text)
    text = _PRESENTATION_RE.sub(_unpresent, text)
    if tatweel:
        text = _TATWEEL_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if diacritics:
        text = _MARKS_RE.sub("", text)
    if alef:
        text = _ALEF_RE.sub(_plain_alef, text)
    if alef_maqsura:
        text = text.translate(_ALEF_MAQSURA)
    if teh_marbuta:
        text = text.translate(_TEH_MARBUTA)
    if digits:
        text = text.translate(_DIGIT_MAP)
    # Removing marks or mapping letters can leave a pair that NFC composes
    # (e.g. ا + madda when diacritics are kept); one more NFC pass settles it.
    text = unicodedata.normalize("NFC", text)
    if alef:
        text = _ALEF_RE.sub(_plain_alef, text)
    return text


def _plain_alef(match: re.Match[str]) -> str:
    return "\u0627" + _HAMZA_MADDA_RE.sub("", match.group(1))


class Token(NamedTuple):
    """A token and its character span: ``text[start:end]`` in the original."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=1 << 17)
def _fold_token(raw: str) -> str:
    """Normalize one raw token for counting (lower-cases Latin letters); cached, tokens repeat."""
    return normalize(raw).lower()


def tokenize_spans(
    text: str,
    *,
    normalize: bool = True,
    clitics: bool = False,
    vocabulary: Mapping[str, int] | None = None,
) -> list[Token]:
    """Tokens of ``text`` with their ``(start, end)`` offsets into ``text``.

    Tokens are Arabic words, numbers and Latin words; punctuation, quotes and
    symbols separate tokens and are not tokens. Harakat, tatweel and
    invisible characters inside a word stay inside its span.

    With ``normalize=True`` each token is :func:`normalize`-d (and Latin
    lower-cased), so ``normalize(text[start:end]) == token``. With
    ``clitics=True`` proclitics are split off as tokens of their own ending in
    ``+`` (``و+``, ``ال+``; see :func:`split_proclitics`); their spans cover the
    clitic's letters in the original word. ``vocabulary`` (normalized word →
    count) is the evidence for clitic splitting; by default the text's own.

    >>> tokenize_spans("وزار الأسدُ موسكو.")
    [Token(text='وزار', start=0, end=4), Token(text='الاسد', start=5, end=11), Token(text='موسكو', start=12, end=17)]
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize expects a str, got {type(text).__name__}")
    raw = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    if not clitics:
        if normalize:
            return [Token(_fold_token(t), s, e) for t, s, e in raw]
        return [Token(t, s, e) for t, s, e in raw]
    folded = [_fold_token(t) for t, _, _ in raw]
    if vocabulary is None:
        vocabulary = _count(folded)
    out: list[Token] = []
    for (surface, start, _end), word in zip(raw, folded, strict=True):
        for tok, s, e in split_token(surface, word, vocabulary, normalize=normalize):
            out.append(Token(tok, start + s, start + e))
    return out


#: Characters whose normalization is a plain one-to-one map (no marks, no
#: presentation forms, no invisibles): the fast path of :func:`fold_types`.
_SIMPLE_MAP = str.maketrans(
    {
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0622": "\u0627",
        "\u0671": "\u0627",
        "\u0649": "\u064a",
        "\u06cc": "\u064a",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
_SIMPLE_CHARS = frozenset(
    [chr(c) for c in range(0x0621, 0x063B)]
    + [chr(c) for c in range(0x0641, 0x064B)]
    + [chr(c) for c in range(0x0660, 0x066A)]
    + [chr(c) for c in range(0x06F0, 0x06FA)]
    + ["\u0671", "\u06cc", ".", ",", "\u066b", "\u066c"]
    + list("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
)


def fold_types(types: Iterable[str]) -> list[str]:
    """``normalize(t).lower()`` for each distinct token string, with a fast path.

    >>> fold_types(["فى", "الأسدُ", "Moscow", "٢٠١٥"])
    ['في', 'الاسد', 'moscow', '2015']
    """
    simple = _SIMPLE_CHARS.issuperset
    return [t.translate(_SIMPLE_MAP).lower() if simple(t) else _fold_token(t) for t in types]


def split_token(
    surface: str, word: str, vocabulary: Mapping[str, int], *, normalize: bool = True
) -> list[tuple[str, int, int]]:
    """One token split into proclitics: ``(text, start, end)`` with offsets into ``surface``.

    ``word`` is ``surface`` normalized; ``text`` is the normalized piece (or,
    with ``normalize=False``, the surface letters, clitics ending in ``+``).
    The shared step of :func:`tokenize_spans` and the counting core.

    >>> split_token("والأسد", "والاسد", {})
    [('و+', 0, 1), ('ال+', 1, 3), ('اسد', 3, 6)]
    """
    pieces = split_proclitics(word, vocabulary, surface=surface)
    if len(pieces) == 1 and not pieces[0].endswith("+"):
        return [(word if normalize else surface, 0, len(surface))]
    offsets = _surface_offsets(surface)
    pos = 0  # position in the normalized word
    parts: list[tuple[str, int, int]] = []
    for piece in pieces:
        if piece == "ال+" and word[pos : pos + 2] != "ال":
            width = 1  # elided article: لل = ل + (ا)ل
        else:
            width = len(piece.rstrip("+"))
        s = offsets[pos]
        e = offsets[min(pos + width, len(word))] if piece.endswith("+") else len(surface)
        tok = piece if normalize else surface[s:e] + ("+" if piece.endswith("+") else "")
        parts.append((tok, s, e))
        pos += width
    if all(s < e for _, s, e in parts):
        return parts
    # one source character stands for several letters (ﷲ): keep the word whole
    return [(word if normalize else surface, 0, len(surface))]


def _surface_offsets(surface: str) -> list[int]:
    """For each character of ``normalize(surface)``, where it starts in ``surface``.

    Built by normalizing prefixes; one extra entry maps the end. Marks and
    tatweel after a letter belong to that letter.
    """
    if _SIMPLE_CHARS.issuperset(surface):  # letters that normalize one to one
        return list(range(len(surface) + 1))
    offsets: list[int] = []
    done = 0
    for i in range(1, len(surface) + 1):
        n = len(_fold_token(surface[:i]))
        while done < n:
            offsets.append(i - 1)
            done += 1
    offsets.append(len(surface))
    return offsets


def tokenize(
    text: str,
    *,
    normalize: bool = True,
    clitics: bool = False,
    vocabulary: Mapping[str, int] | None = None,
) -> list[str]:
    """The tokens of ``text`` as strings; see :func:`tokenize_spans`.

    >>> tokenize("فى  الـمـدرسـةِ ٣ كتب")
    ['في', 'المدرسة', '3', 'كتب']
    """
    return [t.text for t in tokenize_spans(text, normalize=normalize, clitics=clitics, vocabulary=vocabulary)]


def sentence_breaks(text: str) -> list[int]:
    """Offsets where a sentence break starts in ``text`` (sorted).

    >>> sentence_breaks("نما 3.5 بالمئة. ثم توقف")
    [14]
    """
    return [m.start() for m in TOKEN_OR_BREAK_RE.finditer(text) if m.lastgroup == "brk"]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    r"""``(start, end)`` of each sentence of ``text`` that has a token in it.

    A sentence runs from one break (. ! ? ؟ ؛ ; … ۔ or a line end, but not a
    full stop inside a number) to the next; the spans index ``text``.

    >>> text = "زار موسكو. وعاد\nأمس"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['زار موسكو', ' وعاد', 'أمس']
    """
    spans: list[tuple[int, int]] = []
    start, has_token = 0, False
    for m in TOKEN_OR_BREAK_RE.finditer(text):
        if m.lastgroup == "brk":
            if has_token:
                spans.append((start, m.start()))
            start, has_token = m.end(), False
        else:
            has_token = True
    if has_token:
        spans.append((start, len(text)))
    return spans


def _count(words: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


# --- proclitics ---------------------------------------------------------------

_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل")
_LONE_CLITICS = frozenset(["و", "ف", "ب", "ك", "ل", "ال"])
#: Pronoun suffixes, longest first; stripped only to look a stem up.
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه", "ك")
#: Inflectional endings stripped (one, after a pronoun suffix) to look a stem
#: up: for nouns dual and plural, feminine, accusative tanween alef; for
#: (perfect) verbs the subject endings.
_NOUN_INFLECTIONS = ("تين", "تان", "ات", "ون", "ين", "ان", "ة", "ا")
_VERB_INFLECTIONS = ("تما", "تم", "تن", "وا", "نا", "ت", "ا", "ن")
_NOUN_ENDINGS = ("ة", "ات", "ية", "يا")
#: Particles that never take the article: ال + في is not a word (الفي = ألفي).
_PARTICLES = frozenset("في من عن علي الي ما لا لم لن ان قد هل او ثم بل لو اذ كي مع".split())


@lru_cache(maxsize=1)
def _no_split() -> frozenset[str]:
    return frozenset(_read_list("no_split_ar.txt"))


@lru_cache(maxsize=1)
def _lexicon_parts() -> tuple[frozenset[str], frozenset[str]]:
    """The bundled stem lexicon (``data/stems_ar.txt``), normalized: (all words, verbs).

    Words after a ``[verbs]`` line are perfect verbs (they take verb endings,
    not noun endings); ``[words]`` switches back.
    """
    text = resources.files("corpusstats.data").joinpath("stems_ar.txt").read_text(encoding="utf-8")
    words: set[str] = set()
    verbs: set[str] = set()
    in_verbs = False
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line in ("[verbs]", "[words]"):
            in_verbs = line == "[verbs]"
            continue
        for w in normalize(line).split():
            words.add(w)
            if in_verbs:
                verbs.add(w)
    return frozenset(words), frozenset(verbs)


def _lexicon() -> frozenset[str]:
    return _lexicon_parts()[0]


@lru_cache(maxsize=1)
def _hamza_stems() -> tuple[str, ...]:
    """Lexicon words spelled with a hamza right after و ف ب ك ل س (كأس، بأس، سأل)."""
    text = resources.files("corpusstats.data").joinpath("stems_ar.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        for w in normalize(line.split("#", 1)[0], alef=False).split():
            if len(w) >= 3 and w[0] in "وفبكلس" and w[1] in "\u0623\u0625\u0622":
                out.add(w)
    return tuple(sorted(out))


@lru_cache(maxsize=1 << 16)
def _in_lexicon(word: str, min_before_ya: int = 4) -> bool:
    """Whether ``word`` is a lexicon stem, bare or with a pronoun suffix and one ending.

    >>> _in_lexicon("سيارته"), _in_lexicon("بطانيات"), _in_lexicon("يطرتها")
    (True, True, False)
    """
    lex, verbs = _lexicon_parts()
    if word in lex:
        return True
    bases = [word]
    for suffix in _ENCLITICS + ("ي",):
        if word.endswith(suffix) and len(word) - len(suffix) >= (2 if suffix != "ي" else min_before_ya):
            base = word[: -len(suffix)]
            bases.append(base)
            if base.endswith("ت"):  # قاعدتها → قاعدة
                bases.append(base[:-1] + "ة")
            elif base.endswith(("ئ", "ؤ")):  # دعائنا → دعاء
                bases.append(base[:-1] + "ء")
    for base in bases:
        if base in lex:
            return True
        for ending in _NOUN_INFLECTIONS:
            if base.endswith(ending) and len(base) - len(ending) >= 3:
                stem = base[: -len(ending)]
                if (stem in lex and stem not in verbs) or (ending == "ات" and stem + "ة" in lex):
                    return True
        for ending in _VERB_INFLECTIONS:
            if base.endswith(ending) and base[: -len(ending)] in verbs:
                return True
    return False


def _vocab_count(w: str, vocab: Mapping[str, int]) -> int:
    """How often ``w`` is in ``vocab``, or failing that its base without a pronoun suffix."""
    n = vocab.get(w, 0)
    if n:
        return n
    for suffix in _ENCLITICS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            n = vocab.get(base, 0) or (vocab.get(base[:-1] + "ة", 0) if base.endswith("ت") else 0)
            if n:
                return n
    return 0


def _is_stem(word: str, vocab: Mapping[str, int]) -> bool:
    """Whether ``word`` is attested with the article or a preposition before it.

    (بالرئيس says nothing about الرئيس, nor للبحث about لبحث: they are ب + ال
    and ل + ال.)
    """
    if word.startswith("ال"):
        return False
    return any(vocab.get(p + word, 0) > 0 for p in ("ال", "بال", "وال", "لل")) or any(
        vocab.get(p + word, 0) > 0
        for p in ("ل", "ب")
        if not word.startswith(("و", "ف")) and not (p == "ل" and word.startswith("ل"))
    )


def _whole(word: str, vocab: Mapping[str, int]) -> bool:
    """Whether ``word`` is one stem: in the lexicon, or attested after ال / a preposition."""
    return _in_lexicon(word) or _is_stem(word, vocab)


def _evidence(stem: str, vocab: Mapping[str, int], whole: str) -> bool:
    """Whether ``stem`` is a word once a proclitic is taken off ``whole``.

    The lexicon and the stopword list count outright; the corpus counts when
    the stem is at least as frequent as the whole word, or seen with ال.
    """
    if _in_lexicon(stem, 3) or stem in stopwords() or vocab.get("ال" + stem, 0) > 0:
        return True
    n = _vocab_count(stem, vocab)
    return n > 0 and n >= _vocab_count(whole, vocab)


def _noun_or_verb_shape(prep: str, stem: str) -> bool:
    """Templates of words that take ب ك ل: the stem alone is not attested."""
    n = len(stem)
    return n >= 4 and (
        stem[0] == "م"  # participles, nouns of place, maṣdar mīmī: بمبادرة، لمواجهة
        or (stem.endswith(("ة", "ات")) and stem[0] != "ا")  # لوكالة، ككيانات
        or (n == 5 and stem[0] == "ت" and stem[3] == "ي")  # تفعيل: بتنفيذ
        or (n == 5 and stem[0] == "ت" and stem[2] == "ا")  # تفاعل: بتعاون
        or (
            n >= 5 and stem[0] == "ا" and (stem[2] == "ت" or stem[1] == "ن" or stem.startswith("است"))
        )  # افتعال، انفعال، استفعال
        or (prep == "ل" and stem[0] in "يتن" and not stem.endswith(_NOUN_ENDINGS))  # ل + imperfect: ليشكره
    )


def _wasl(stem: str) -> bool:
    """Whether a stem that starts with a bare ا (no hamza written) has a hamzat
    al-wasl: the article, افتعال/انفعال/استفعال forms, اسم ابن اثنان امرأة.

    Otherwise a bare ا after و is a sign of a name or a root و (وارن، واضح).
    """
    return stem.startswith(("ال", "است", "اسم", "ابن", "اثن", "امر")) or (
        len(stem) >= 4 and (stem[2] == "ت" or stem[1] == "ن")
    )


def _future_verb(stem: str, hamza: bool, vocab: Mapping[str, int]) -> bool:
    """Whether ``stem`` (after س) is an imperfect verb: سيلتقي، ستفتح، سأعود."""
    if stem.endswith(_NOUN_ENDINGS):
        return False
    if stem[0] == "ا":
        return hamza and len(stem) >= 3
    if stem[0] not in "يتن":
        return False
    return len(stem) >= 4 or (len(stem) == 3 and (_in_lexicon(stem) or vocab.get(stem, 0) > 0))


def split_proclitics(
    word: str,
    vocabulary: Mapping[str, int] | None = None,
    *,
    surface: str | None = None,
) -> list[str]:
    """Split the proclitics off a normalized word: ``["و+", "ال+", "اسد"]``.

    Evidence: the bundled stem lexicon (``data/stems_ar.txt``, ~1,900 common
    news words, verbs and names, looked up bare or after stripping one pronoun
    suffix and then one noun or verb ending: سيارته → سيارة، بطانيات →
    بطانية، وصلت → وصل), the stopword list, and ``vocabulary`` (normalized
    word → count, usually the corpus's own). ``surface`` (the word as written)
    lets a hamza speak: the article is never written أل/إل, and وإ فأ بإ لأ كأ
    سأ are a clitic before a hamzated word. The rule, in order:

    0. A lone ``و ف ب ك ل ال`` (``ل»الجزيرة»``, ``بـ"``) is a clitic token;
       words under three letters and words in ``data/no_split_ar.txt``
       (function words and fixed forms: كما، لكن، بين، الذي …) stay whole.
    1. و/ف before a two-letter stopword is split: فقد، وهم، ولم.
    2. A word that is one stem stays whole: it is in the lexicon (بحيرة،
       سيارته، وصلت) or attested in the corpus after ال or a preposition
       (الوزير shows و in وزير is a root letter) — unless a hamza is written
       after its first letter and the lexicon does not spell it so (وإلى).
    3. و/ف is split when the rest is a fixed word or stopword (ولكن،
       وبحسب), one stem (rule 2: وبشار), or splits further (rules 4-5:
       وبالتوازي، وسيلتقي), or is attested (lexicon, corpus) or starts with
       a hamza or an imperfect prefix (وأكد، فيبحث); after و, also any rest
       of three or more letters, except one starting with a bare ا that is
       not a hamzat al-wasl (ال، است، افتعال، انفعال، اسم، ابن: وارن stays).
    4. The article: ``ال + stem`` (stem of two or more letters, not a
       particle: الفي is ألفي), ``[ب|ك|ل] ال + stem`` and ``لل + stem`` (ل +
       ال with the alef dropped; للجوء is ل + ال + لجوء when لجوء, not جوء, is
       attested). After ف or ك the article's stem must be attested (فالبحر).
    5. ب ك ل before a stem of three or more letters (two if in the lexicon,
       hamzated, or a stopword other than a particle, though ما من count:
       بكل، بما) that is attested (lexicon, stopwords, corpus
       at least as often as the whole word, or with ال), hamzated (بإجماع),
       or shaped like a noun or verb that takes them: م-initial (بمبادرة),
       ending ة/ات (لوكالة), تفعيل/تفاعل (بتنفيذ), افتعال/انفعال/استفعال
       (لاستكمال), or after ل an imperfect verb (ليشكره). س before an
       imperfect verb (ي ت ن + three letters, or an attested three-letter
       one; أ only when the hamza is written) that does not end like a noun
       (ة ات ية يا).

    Pronoun suffixes (enclitics) are left attached, and a preposition that
    carries only a pronoun (له، بها) stays whole.

    >>> split_proclitics("والاسد")
    ['و+', 'ال+', 'اسد']
    >>> split_proclitics("للرئيس")
    ['ل+', 'ال+', 'رئيس']
    >>> split_proclitics("وزير", {"وزير": 5})
    ['وزير']
    >>> split_proclitics("وبوتين", {"بوتين": 3, "وبوتين": 1})
    ['و+', 'بوتين']
    >>> split_proclitics("سيبحث")
    ['س+', 'يبحث']
    >>> split_proclitics("بحيرة"), split_proclitics("لحضور")
    (['بحيرة'], ['ل+', 'حضور'])
    """
    vocab = vocabulary or {}
    if word in _LONE_CLITICS:
        return [word + "+"]
    if len(word) < 3 or word in _no_split():
        return [word]
    # the surface speaks only where it writes a hamza on or over an alef (أ إ آ, or as a mark)
    hamza = normalize(surface, alef=False).lower() if surface and _HAMZA_SURFACE_RE.search(surface) else ""
    if len(hamza) != len(word):
        hamza = ""

    def hamza_at(i: int) -> bool:
        return bool(hamza) and i < len(hamza) and hamza[i] in "\u0623\u0625\u0622"

    def inner(w: str, at: int, conj: str) -> list[str] | None:
        """Split ال / ب ك ل (+ ال) / س off ``w``, which starts at ``word[at]``."""
        if w.startswith("ال") and len(w) >= 4 and not hamza_at(at) and w not in _no_split():
            stem = w[2:]
            if stem in _PARTICLES or (conj == "ف" and not _evidence(stem, vocab, w)):
                return None
            return ["ال+", stem]
        first, after = w[0], w[1:]
        if first in _PREP:
            if after.startswith("ال") and len(after) >= 4 and not hamza_at(at + 1) and after not in _no_split():
                stem = after[2:]
                if stem in _PARTICLES:
                    return None
                if (first == "ك" or conj == "ف") and not _evidence(stem, vocab, w):
                    return None
                return [first + "+", "ال+", stem]
            if first == "ل" and after.startswith("ل") and len(after) >= 3:
                stem = after[1:]  # لل = ل + (ا)ل
                if not _evidence(stem, vocab, w) and (vocab.get("الل" + stem, 0) > 0 or _in_lexicon("ل" + stem)):
                    stem = "ل" + stem  # للجوء = ل + ال + لجوء
                return ["ل+", "ال+", stem]
            if len(after) == 2:
                ok = (
                    hamza_at(at + 1)
                    or after in _lexicon()
                    or (after in stopwords() and (after not in _PARTICLES or after in ("ما", "من")))
                )
            elif len(after) >= 3:
                ok = hamza_at(at + 1) or _evidence(after, vocab, w) or _noun_or_verb_shape(first, after)
            else:
                ok = False
            return [first + "+", after] if ok else None
        if first == "س" and len(after) >= 3 and _future_verb(after, hamza_at(at + 1), vocab):
            return ["س+", after]
        return None

    # 1. a conjunction before a fixed word or a short particle (فقد، وهم، ولم)
    conj, rest = word[0], word[1:]
    if conj in _CONJ and len(rest) == 2 and rest in stopwords():
        return [conj + "+", rest]
    # 2. one stem; a hamza written after a clitic letter speaks for the clitic
    # (وإلى is not والي) unless the lexicon spells the word so (كأس)
    if _whole(word, vocab) and not (hamza_at(1) and word[0] in "وفبكلس" and not hamza.startswith(_hamza_stems())):
        return [word]
    # 3. a conjunction
    if conj in _CONJ:
        if rest in _no_split():
            return [conj + "+", rest]
        if rest in stopwords():
            return [conj + "+"] + (inner(rest, 1, conj) or [rest])
        if _whole(rest, vocab):
            return [conj + "+", rest]
        pieces = inner(rest, 1, conj)
        if pieces:
            return [conj + "+"] + pieces
        if len(rest) >= 3 and (
            hamza_at(1)
            or _evidence(rest, vocab, word)
            or (rest[0] in "يتن" and len(rest) >= 4)
            or (conj == "و" and (rest[0] != "ا" or _wasl(rest)))
        ):
            return [conj + "+", rest]
    # 4-5. the article, a preposition, future س
    return inner(word, 0, "") or [word]


# --- stopwords ---------------------------------------------------------------


def _read_list(name: str) -> list[str]:
    text = resources.files("corpusstats.data").joinpath(name).read_text(encoding="utf-8")
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(normalize(line))
    return words


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The bundled Arabic stopword list (``data/stopwords_ar.txt``), normalized.

    The file lists function words once; each is also a stopword with the
    conjunction و or ف attached (وفي، فإن، ومن), since those are one
    orthographic word. Clitic tokens (``و+``, ``ال+`` …) are stopwords too.

    >>> "فى" in stopwords() or normalize("فى") in stopwords()
    True
    """
    base = set(_read_list("stopwords_ar.txt"))
    words = set(base)
    for w in base:
        words.add("و" + w)
        words.add("ف" + w)
    words.update(["و+", "ف+", "ب+", "ك+", "ل+", "ال+", "س+"])
    return frozenset(words)


def is_stopword(token: str) -> bool:
    """Whether a normalized token (or an n-gram's word) is a stopword."""
    return token in stopwords()


# ---------------------------------------------------------------------------
# Folding with an offset map (shared by the date extractor; added for issue 10)
#
# ``normalize`` changes a text for counting; ``fold_with_offsets`` makes a
# *matching copy* that keeps, for every character of the copy, the offset of
# the character in the original it came from, so a match found in the copy
# can be reported in the untouched original. Same folding as ``normalize``
# (marks, tatweel and invisible characters dropped; alef variants → ا, ى/ی → ي,
# ک → ك, Arabic-Indic digits → 0-9, presentation forms → base letters) plus
# the separators a date needs (٫ → . , ٬ → , , dashes → -, ۔ → .). Latin
# combining accents (any Unicode Mn) are dropped like harakat.
# ---------------------------------------------------------------------------

from collections.abc import Sequence  # noqa: E402  (kept in this section to keep merges apart)

_FOLD_FIXED = {
    **{chr(code): to for code, to in _SIMPLE_MAP.items()},  # alef variants, ى ی, Arabic-Indic digits
    **{c: "ا" for c in "ٲٳ"},
    "ک": "ك",
    "٫": ".",
    "٬": ",",
    "–": "-",
    "—": "-",
    "−": "-",
    "۔": ".",
}
_FOLD_DROP_RE = re.compile(f"[{MARKS}{QURANIC_OTHER}{TATWEEL}{INVISIBLES}]")


def _fold_one(ch: str) -> str:
    fixed = _FOLD_FIXED.get(ch)
    if fixed is not None:
        return fixed
    if _FOLD_DROP_RE.match(ch) or unicodedata.category(ch) == "Mn":
        return ""
    if _PRESENTATION_RE.match(ch):
        folded = unicodedata.normalize("NFKC", ch)
        return "".join(_fold_one(c) for c in folded if c != " ") if folded != ch else ch
    return ch


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character (C speed after that)."""

    def __missing__(self, code: int) -> str:
        self[code] = out = _fold_one(chr(code))
        return out


_FOLD_TABLE = _FoldTable()


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """Fold ``text`` for matching; return the folded copy and its offset map.

    ``offsets[i]`` is the index in ``text`` of the character that produced
    folded character ``i`` (dropped characters produce nothing, a presentation
    ligature may produce several). The work is done by ``str.translate`` and
    numpy, never a Python loop per character.

    >>> fold_with_offsets("غداً")[0]
    'غدا'
    >>> folded, offsets = fold_with_offsets("٢٠ أكتوبر")
    >>> folded, [int(i) for i in offsets]
    ('20 اكتوبر', [0, 1, 2, 3, 4, 5, 6, 7, 8])
    """
    if not isinstance(text, str):
        raise TypeError(f"fold_with_offsets() expects a str, not {type(text).__name__}")
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text) and _PRESENTATION_RE.search(text) is None:
        return folded, range(len(text))  # nothing dropped, nothing expanded
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    uniq, inverse = np.unique(codes, return_inverse=True)
    lengths = np.fromiter((len(_FOLD_TABLE[int(c)]) for c in uniq), dtype=np.int64, count=len(uniq))
    return folded, np.repeat(np.arange(len(text)), lengths[inverse])


def fold_word(word: str) -> str:
    """Fold a lexicon entry like :func:`fold_with_offsets` (no map), spaces collapsed.

    >>> fold_word("  تشرين   الأوّل ")
    'تشرين الاول'
    """
    return " ".join(word.translate(_FOLD_TABLE).split())


#: Tokens of a folded text for matching: a run of Arabic or Latin letters, a run of digits,
#: or any other single non-space character (punctuation is kept as tokens).
FOLDED_TOKEN_RE = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3A-Za-z]+|[0-9]+|\S")

#: The characters :data:`SENTENCE_BREAK_RE` breaks at, as a set (for token-by-token checks).
SENTENCE_END_CHARS = frozenset(SENTENCE_BREAK_CHARS)

#: Proclitic prefixes a folded word may carry, longest first: conjunctions و ف, prepositions
#: ب ل ك, and their combinations with the article (وبال, لل = ل + ال).
PROCLITIC_PREFIXES = (
    "وبال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "لل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


@lru_cache(maxsize=1 << 16)
def proclitic_readings(word: str) -> tuple[tuple[int, str], ...]:
    """Every ``(prefix_length, stem)`` reading of a folded *word*, the bare word first.

    Unlike :func:`split_proclitics`, which decides, this lists the candidates for a lexicon
    lookup to choose from; the article stays on the stem (وبالامس → الامس, prefix وب) and
    لل is ل + ال.

    >>> proclitic_readings("وبالامس")
    ((0, 'وبالامس'), (2, 'الامس'), (1, 'بالامس'))
    """
    out = [(0, word)]
    seen = {word}
    for p in PROCLITIC_PREFIXES:
        if not word.startswith(p) or len(word) - len(p) < 2:
            continue
        if p.endswith("ال"):
            plen, stem = len(p) - 2, word[len(p) - 2 :]
        elif p == "لل":
            plen, stem = 1, "ال" + word[2:]
        else:
            plen, stem = len(p), word[len(p) :]
        if stem not in seen:
            seen.add(stem)
            out.append((plen, stem))
    return tuple(out)
