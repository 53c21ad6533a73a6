"""Arabic normalization, tokenization with character offsets, proclitics, stopwords.

Everything here is a small pure function of strings. Regexes are module
constants; the stopword list is read lazily from ``corpusstats/data`` and cached.

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
from functools import lru_cache
from importlib import resources
from typing import Iterable, Mapping, NamedTuple

__all__ = [
    "Token",
    "normalize",
    "tokenize",
    "tokenize_spans",
    "split_proclitics",
    "stopwords",
    "is_stopword",
    "sentence_breaks",
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
#: cross these (full stop, ؟ ? ! ؛ ; … and line breaks).
SENTENCE_BREAK_RE = re.compile(r"[.!?\u061f\u061b;\u2026\n\r\u06d4]+")

_INVISIBLE_RE = re.compile(f"[{INVISIBLES}]")
_MARKS_RE = re.compile(f"[{MARKS}{QURANIC_OTHER}]")
_TATWEEL_RE = re.compile(TATWEEL)
#: Alef with hamza/madda, wasla, wavy hamza; also a bare alef followed by a
#: combining hamza or madda (decomposed input), so the result is stable.
_ALEF_RE = re.compile("[\u0622\u0623\u0625\u0671\u0672\u0673][\u0653-\u0655]*|\u0627[\u0653-\u0655]+")
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
        raise ValueError(f"normalize expects a str, got {type(text).__name__}")
    text = _INVISIBLE_RE.sub("", text)
    text = _PRESENTATION_RE.sub(_unpresent, text)
    if tatweel:
        text = _TATWEEL_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if diacritics:
        text = _MARKS_RE.sub("", text)
    if alef:
        text = _ALEF_RE.sub("\u0627", text)
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
        text = _ALEF_RE.sub("\u0627", text)
    return text


class Token(NamedTuple):
    """A token and its character span: ``text[start:end]`` in the original."""

    text: str
    start: int
    end: int


def _fold_token(raw: str) -> str:
    """Normalize one raw token for counting (lower-cases Latin letters)."""
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
        raise ValueError(f"tokenize expects a str, got {type(text).__name__}")
    raw = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    if not clitics:
        if normalize:
            return [Token(_fold_token(t), s, e) for t, s, e in raw]
        return [Token(t, s, e) for t, s, e in raw]
    folded = [_fold_token(t) for t, _, _ in raw]
    if vocabulary is None:
        vocabulary = _count(folded)
    out: list[Token] = []
    for (surface, start, end), word in zip(raw, folded):
        pieces = split_proclitics(word, vocabulary, surface=surface)
        if len(pieces) == 1 and not pieces[0].endswith("+"):
            out.append(Token(word if normalize else surface, start, end))
            continue
        offsets = _surface_offsets(surface)
        pos = 0  # position in the normalized word
        parts: list[Token] = []
        for piece in pieces:
            if piece == "ال+" and word[pos : pos + 2] != "ال":
                width = 1  # elided article: لل = ل + (ا)ل
            else:
                width = len(piece.rstrip("+"))
            s = start + offsets[pos]
            e = start + offsets[min(pos + width, len(word))] if piece.endswith("+") else end
            if normalize:
                tok = piece
            else:
                tok = text[s:e] + ("+" if piece.endswith("+") else "")
            parts.append(Token(tok, s, e))
            pos += width
        if all(p.start < p.end for p in parts):
            out.extend(parts)
        else:  # one source character stands for several letters (ﷲ): keep the word whole
            out.append(Token(word if normalize else surface, start, end))
    return out


def _surface_offsets(surface: str) -> list[int]:
    """For each character of ``normalize(surface)``, where it starts in ``surface``.

    Built by normalizing prefixes; one extra entry maps the end. Marks and
    tatweel after a letter belong to that letter.
    """
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
    """Offsets where a sentence break starts in ``text`` (sorted)."""
    return [m.start() for m in SENTENCE_BREAK_RE.finditer(text)]


def _count(words: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


# --- proclitics ---------------------------------------------------------------

_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل")
_VERB_PREFIX = ("ي", "ت", "ن", "ا")


@lru_cache(maxsize=1)
def _no_split() -> frozenset[str]:
    return frozenset(_read_list("no_split_ar.txt"))


def split_proclitics(
    word: str,
    vocabulary: Mapping[str, int] | None = None,
    *,
    surface: str | None = None,
) -> list[str]:
    """Split the proclitics off a normalized word: ``["و+", "ال+", "اسد"]``.

    ``vocabulary`` (normalized word → count, usually the corpus's own) is the
    evidence; ``surface`` (the word as written) lets a hamza speak: the
    article is never written أل/إل, and بإ لأ كأ are a preposition before a
    hamzated word. The rule, in order:

    0. A lone ``و ف ب ك ل ال`` (``ل»الجزيرة»``, ``بـ"``) is a clitic token.
    1. Words in ``data/no_split_ar.txt`` (function words, fixed forms and
       common words that start with a clitic letter: كما، لكن، بين، الذي،
       وزير، وقت، التقى …) are never split.
    2. The article: ``[و|ف]? [ب|ك|ل]? ال + stem`` and ``[و|ف]? لل + stem``
       (ل + ال, alef dropped; ``للجوء`` is ل + ال + لجوء when اللجوء is
       attested) split when the stem has at least two letters.
    3. Without the article, the longest chain ``[و|ف]? [ب|ك|ل|س]?`` whose stem
       is plausible wins. A stem after و/ف is plausible when attested (in the
       vocabulary or the stopword list), or when it has three or more letters
       and the whole word is not attested as a stem itself (with ال or a
       preposition before it: الوزير shows و in وزير is a root letter).
       After ب/ك/ل (stem of three or more letters): attested at least as often
       as the whole word, or shaped like a noun or verb that takes them: a
       hamza after the preposition (بإجماع), a stem of four or more letters
       ending in ة/ات (لوكالة، ككيانات) or starting with م (بمفردهم), or, after
       ل, an imperfect verb (ليشكره). After س: an imperfect verb (ي ت ن) of
       three or more letters not ending like a noun (ة ات ي يا).

    Pronoun suffixes (enclitics) are left attached.

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
    """
    vocab = vocabulary or {}
    if word in _LONE_CLITICS:
        return [word + "+"]
    if len(word) < 3 or word in _no_split():
        return [word]
    hamza = normalize(surface, alef=False).lower() if surface else ""
    if len(hamza) != len(word):
        hamza = ""

    def hamza_at(i: int) -> bool:
        return bool(hamza) and i < len(hamza) and hamza[i] in "\u0623\u0625\u0622"

    def attested(w: str) -> int:
        n = vocab.get(w, 0)
        if n:
            return n
        # the stem with a pronoun suffix: دوره → دور, قاعدتها → قاعدة
        for suffix in _ENCLITICS:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                base = w[: -len(suffix)]
                n = vocab.get(base, 0) or (vocab.get(base[:-1] + "ة", 0) if base.endswith("ت") else 0)
                if n:
                    return n
        return 0

    # 2. article chains
    for conj in ("",) + _CONJ:
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        if conj and rest in _no_split():
            return [conj + "+", rest]
        for prep in ("",) + _PREP:
            if prep and not rest.startswith(prep):
                continue
            after = rest[len(prep) :]
            at = len(conj) + len(prep)
            if after.startswith("ال") and len(after) >= 4 and after not in _no_split() and not hamza_at(at):
                return _pieces(conj, prep, True, after[2:])
            if prep == "ل" and after.startswith("ل") and len(after) >= 3 and rest not in _no_split():
                stem = after[1:]
                if not attested("ال" + stem) and attested("الل" + stem):
                    stem = "ل" + stem
                return _pieces(conj, prep, True, stem)
    # 3. chains without the article, longest first
    known = stopwords()
    best: list[str] | None = None
    for conj in _CONJ + ("",):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in _PREP + ("س", ""):
            if prep and not rest.startswith(prep):
                continue
            if not conj and not prep:
                continue
            stem = rest[len(prep) :]
            at = len(conj) + len(prep)
            if prep:
                ok = len(stem) >= 3 or (len(stem) == 2 and hamza_at(at))
                if ok and prep == "س":
                    ok = (
                        (attested(stem) >= max(1, attested(rest)) and stem[0] in "يتنا")
                        or (len(stem) >= 4 and stem[0] in "يتن" and not stem.endswith(_NOUN_ENDINGS))
                    ) and not _is_stem(rest, vocab)
                elif ok:
                    ok = (
                        (attested(stem) and attested(stem) >= attested(rest))
                        or (stem in known and len(stem) >= 3)
                        or hamza_at(at)
                        or (len(stem) >= 4 and stem.endswith(("ة", "ات")) and stem[0] != "ا")
                        or (len(stem) >= 4 and stem[0] == "م")
                        or (prep == "ل" and len(stem) >= 4 and stem[0] in "يتن" and not stem.endswith("يا"))
                    ) and not _is_stem(rest, vocab)
            else:
                ok = len(stem) >= 2 and (
                    stem in known
                    or attested(stem) > 0
                    or (DEFAULT_SPLIT and conj == "و" and len(stem) >= 3 and not _is_stem(word, vocab))
                )
            if ok:
                candidate = _pieces(conj, prep, False, stem)
                if best is None or len(candidate) > len(best):
                    best = candidate
    return best or [word]


_LONE_CLITICS = frozenset(["و", "ف", "ب", "ك", "ل", "ال"])
_NOUN_ENDINGS = ("ة", "ات", "يا")
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه", "ك")
DEFAULT_SPLIT = False


def _is_stem(word: str, vocab: Mapping[str, int]) -> bool:
    """Whether ``word`` is attested with the article or a preposition before it."""
    return any(vocab.get(p + word, 0) > 0 for p in ("ال", "بال", "وال", "لل")) or any(
        vocab.get(p + word, 0) > 0 for p in ("ل", "ب") if not word.startswith(("و", "ف"))
    )


def _pieces(conj: str, prep: str, article: bool, stem: str) -> list[str]:
    out = [c + "+" for c in (conj, prep) if c]
    if article:
        out.append("ال+")
    out.append(stem)
    return out


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
