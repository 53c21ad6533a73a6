"""Normalization, tokenization with offsets, proclitics, stopwords."""

import csv
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpusstats as cs
from corpusstats.arabic import TOKEN_RE
from corpusstats.counts import vocabulary

from .conftest import DATA

CLEAN = "قال الرئيس السوري بشار الأسد في موسكو لا تعاون مع الإرهاب 2015"


def test_normalize_standard_set():
    assert cs.normalize("أإآٱا") == "ااااا"
    assert cs.normalize("فى الذى") == "في الذي"
    assert cs.normalize("غداً عمليًا") == "غدا عمليا"
    assert cs.normalize("الحمــــــد") == "الحمد"
    assert cs.normalize("٢٠١٥ ۱۹") == "2015 19"
    assert cs.normalize("\u200fموسكو\u200c\u202b") == "موسكو"
    assert cs.normalize("ﺍﻟﺮﺋﻴﺲ") == "الرئيس"  # presentation forms (PDF copy)
    assert cs.normalize("ﻻ") == "لا"
    assert cs.normalize("مدرسة") == "مدرسة"
    assert cs.normalize("مدرسة", teh_marbuta=True) == "مدرسه"
    # Quranic annotation signs (U+06D6..U+06ED) go with the harakat
    assert cs.normalize("الرَّحِيمِ\u06da") == "الرحيم"


def test_normalize_options_off_keep_text():
    s = "أُمّةٌ ـ فى ٣"
    assert cs.normalize(s, diacritics=False, tatweel=False, alef=False, alef_maqsura=False, digits=False) == s


def test_normalize_rejects_non_str():
    with pytest.raises(TypeError, match="expects a str"):
        cs.normalize(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects a str"):
        cs.tokenize(b"bytes")  # type: ignore[arg-type]


ARABIC_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةـ ٠١٢٣٤٥٦٧٨٩۰۱0123456789.,«»")
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0653", "\u0654", "\u0655", "\u0671", "\u06cc", "\u06d6", "\u06e1", "\u08f0"]
    + ["\u200c", "\u200d", "\u200f", "\u200e", "\u061c", "\u202b", "\u202c", "\u2067", "\u2069", "\ufeff"]
    + [chr(c) for c in range(0xFE70, 0xFE80)]
    + [chr(c) for c in (0xFE8D, 0xFEDF, 0xFEFB, 0xFB50, 0xFDF2, 0xFEF5)]
    + list("aZé")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ARABIC_ALPHABET, max_size=30).map("".join), st.booleans(), st.booleans(), st.booleans())
def test_normalize_is_idempotent(text, diacritics, alef, teh):
    once = cs.normalize(text, diacritics=diacritics, alef=alef, teh_marbuta=teh)
    assert cs.normalize(once, diacritics=diacritics, alef=alef, teh_marbuta=teh) == once


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC_ALPHABET, max_size=40).map("".join))
def test_spans_point_back_at_their_tokens(text):
    for tok in cs.tokenize_spans(text):
        assert 0 <= tok.start < tok.end <= len(text)
        assert cs.normalize(text[tok.start : tok.end]).lower() == tok.text
    for tok in cs.tokenize_spans(text, clitics=True):
        assert 0 <= tok.start < tok.end <= len(text)


@pytest.mark.parametrize(
    "noisy",
    [
        "قال الرئيس السوري بشار الأسد في موسكو لا تعاون مع الإرهاب ٢٠١٥",  # Arabic-Indic digits
        "قَالَ الرَّئِيسُ السُّورِيُّ بَشَّارُ الأَسَدُ فِي مُوسْكُو لَا تَعَاوُنَ مَعَ الإِرْهَابِ 2015",  # harakat
        "قـــال الرئـيـس الســوري بشــار الأســد فــي موسـكو لا تعـاون مـع الإرهـاب 2015",  # tatweel
        "ﻗﺎﻝ ﺍﻟﺮﺋﻴﺲ ﺍﻟﺴﻮﺭﻱ ﺑﺸﺎﺭ ﺍﻷﺳﺪ ﻓﻲ ﻣﻮﺳﻜﻮ ﻻ ﺗﻌﺎﻭﻥ ﻣﻊ ﺍﻹﺭﻫﺎﺏ 2015",  # presentation forms
        "قال الر\u200cئيس السو\u200cري بشار الأ\u200cسد في موسكو لا تعاون مع الإرهاب 2015",  # ZWNJ
        "\u200fقال\u200f الرئيس السوري \u200fبشار الأسد\u200f في موسكو لا تعاون مع الإرهاب \u200e2015\u200e",  # RLM/LRM
        "«قال» الرئيسُ السوريُّ: (بشار الأسد) في موسكو... لا تعاون مع الإرهاب! 2015",  # punctuation
    ],
)
def test_noisy_text_tokenizes_like_clean_text(noisy):
    assert cs.tokenize(noisy) == cs.tokenize(CLEAN)


def test_tokens_are_words_numbers_and_latin_words():
    text = "زار «بوتين» دمشق، في 20/10/2015 (BBC News) بنسبة 3.5٪ — ٢٠١٥؟"
    assert cs.tokenize(text) == [
        "زار",
        "بوتين",
        "دمشق",
        "في",
        "20",
        "10",
        "2015",
        "bbc",
        "news",
        "بنسبة",
        "3.5",
        "2015",
    ]
    assert cs.tokenize(text, normalize=False)[-1] == "٢٠١٥"


def test_seed_spans_round_trip(seeds_corpus):
    n = 0
    for _doc_id, text in seeds_corpus.texts():
        for tok in cs.tokenize_spans(text):
            assert cs.normalize(text[tok.start : tok.end]).lower() == tok.text
            n += 1
        raw = [t.text for t in cs.tokenize_spans(text, normalize=False)]
        assert raw == [m.group() for m in TOKEN_RE.finditer(text)]
    assert n > 8000


def test_clitic_spans_cover_their_letters(seeds_corpus):
    vocab = vocabulary(seeds_corpus)
    for _, text in seeds_corpus.texts():
        plain = cs.tokenize_spans(text)
        split = cs.tokenize_spans(text, clitics=True, vocabulary=vocab)
        # every split token lies inside one unsplit token, and together they tile it
        by_word = {}
        for t in split:
            word = next(w for w in plain if w.start <= t.start and t.end <= w.end)
            by_word.setdefault(word, []).append(t)
        for word, parts in by_word.items():
            assert parts[0].start == word.start and parts[-1].end == word.end
            for a, b in zip(parts, parts[1:], strict=False):
                assert a.end == b.start
            for t in parts[:-1]:
                assert t.text.endswith("+")
                if t.text != "ال+":
                    assert cs.normalize(text[t.start : t.end]) + "+" == t.text


def test_clitics_do_not_break_words_that_start_with_clitic_letters(seeds_corpus):
    vocab = vocabulary(seeds_corpus)
    for word in ["وزير", "بوتين", "لافروف", "ليبيا", "فلاديمير", "سوريا", "كيري", "وقت", "بين", "كانت"]:
        assert cs.split_proclitics(cs.normalize(word), vocab) == [cs.normalize(word)]
    assert cs.split_proclitics("والاسد", vocab) == ["و+", "ال+", "اسد"]
    assert cs.split_proclitics("وبوتين", vocab) == ["و+", "بوتين"]
    assert cs.split_proclitics("ولافروف", {"لافروف": 2}) == ["و+", "لافروف"]
    assert cs.split_proclitics("بالامس", vocab) == ["ب+", "ال+", "امس"]
    assert cs.split_proclitics("للرئيس", vocab) == ["ل+", "ال+", "رئيس"]
    # a hamza after the preposition is evidence; the article is never written إل
    assert cs.split_proclitics("باجماع", {}, surface="بإجماع") == ["ب+", "اجماع"]
    assert cs.split_proclitics("التقي", {}, surface="إلتقى") == ["التقي"]
    # a lone clitic cut off by punctuation, as in ل»الجزيرة»
    assert cs.tokenize("ل»الجزيرة»", clitics=True) == ["ل+", "ال+", "جزيره".replace("ه", "ة")]


def _gold_rows():
    with open(DATA / "clitics_gold.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_clitic_gold_offsets_match_the_seeds(seeds_corpus):
    texts = dict(seeds_corpus.texts())
    rows = _gold_rows()
    assert len(rows) >= 150
    for r in rows:
        assert texts[r["doc_id"]][int(r["start"]) : int(r["end"])] == r["surface"]


#: Accuracy on the hand-checked gold (tests/data/clitics_gold.tsv), stated in the README.
CLITIC_ACCURACY = 0.96
#: Accuracy on the held-out gold (tests/data/clitics_heldout.tsv): words not in
#: the seeds, written and segmented before the rule was tuned, never tuned on.
CLITIC_HELDOUT_ACCURACY = 0.96


def _gold_pieces(segmentation):
    return [cs.normalize(p.rstrip("+")) + ("+" if p.endswith("+") else "") for p in segmentation.split()]


def _clitic_accuracy(rows, vocab):
    right = 0
    for r in rows:
        (word,) = cs.tokenize(r["surface"])
        right += cs.split_proclitics(word, vocab, surface=r["surface"]) == _gold_pieces(r["segmentation"])
    return right / len(rows)


def test_clitic_accuracy_on_hand_checked_gold(seeds_corpus):
    vocab = vocabulary(seeds_corpus)
    rows = _gold_rows()
    accuracy = _clitic_accuracy(rows, vocab)
    assert accuracy >= CLITIC_ACCURACY, f"clitic accuracy fell to {accuracy:.3f}"
    # and no simple baseline does as well: split every leading و ف ب ك ل ال
    naive = 0
    for r in rows:
        gold = _gold_pieces(r["segmentation"])
        w = cs.normalize(r["surface"])
        guess = ["و+", w[1:]] if w[:1] in "وفبكل" and len(w) > 3 else [w]
        naive += guess == gold
    assert naive / len(rows) < accuracy - 0.2


def _heldout():
    with open(DATA / "clitics_heldout.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    with open(DATA / "clitics_heldout_sentences.tsv", encoding="utf-8") as f:
        sentences = {r["sentence_id"]: r["sentence"] for r in csv.DictReader(f, delimiter="\t")}
    return rows, sentences


def _rejoin(segmentation):
    """The surface a segmentation stands for (ل+ ال+ X is لل + X, and للل → لل)."""
    pieces = segmentation.split()
    out = "".join("ل" if p == "ال+" and i and pieces[i - 1] == "ل+" else p.rstrip("+") for i, p in enumerate(pieces))
    return out.replace("للل", "لل")


def test_clitic_heldout_is_well_formed(seeds_corpus):
    rows, sentences = _heldout()
    vocab = vocabulary(seeds_corpus)
    assert len(rows) >= 150 and len(sentences) >= 30
    assert len({r["surface"] for r in rows}) == len(rows)
    for r in rows:
        assert r["surface"] in cs.tokenize(sentences[r["sentence_id"]], normalize=False), r
        assert cs.normalize(r["surface"]) not in vocab, r  # held out: not a seed word
        assert _rejoin(r["segmentation"]) == r["surface"], r
        assert all(p in ("و+", "ف+", "ب+", "ك+", "ل+", "س+", "ال+") for p in r["segmentation"].split()[:-1]), r
    with_clitic = sum("+" in r["segmentation"] for r in rows)
    assert 0.3 < with_clitic / len(rows) < 0.7  # both kinds of word, in earnest


def test_clitic_accuracy_on_heldout_gold(seeds_corpus):
    vocab = vocabulary(seeds_corpus)
    rows, _ = _heldout()
    accuracy = _clitic_accuracy(rows, vocab)
    assert accuracy >= CLITIC_HELDOUT_ACCURACY, f"held-out clitic accuracy fell to {accuracy:.3f}"


def test_clitic_rules_use_the_stem_lexicon():
    split = cs.split_proclitics
    # root letters, known from the lexicon (bare, with a suffix, inflected)
    for word in ["بحيرة", "سيارته", "وصلت", "بطانيات", "فكرة", "لجنة", "كتاب", "سلام", "وزيري"]:
        assert split(cs.normalize(word), {}) == [cs.normalize(word)], word
    # a lexicon stem after a clitic is evidence (also with a pronoun suffix ي / نا)
    assert split("لحضور", {}) == ["ل+", "حضور"]
    assert split("باسمي", {}) == ["ب+", "اسمي"]
    assert split("وسيطرتها", {}) == ["و+", "سيطرتها"]
    assert split("وسيلتقي", {}) == ["و+", "س+", "يلتقي"]
    assert split("للجوء", {}) == ["ل+", "ال+", "لجوء"]
    # a conjunction before a short particle wins over a homograph (فَقَدَ، وَهْم)
    assert split("فقد", {}) == ["ف+", "قد"]
    assert split("وهم", {}) == ["و+", "هم"]
    # ال never goes on a particle (الفي = ألفي); ف/ك + ال needs an attested stem
    assert split("الفي", {}) == ["الفي"]
    assert split("فالبحر", {}) == ["ف+", "ال+", "بحر"]
    # a written hamza after و is evidence against the homograph والي
    assert split("والي", {}, surface="وإلى") == ["و+", "الي"]
    assert split("والي", {}) == ["والي"]
    # a bare alef after و is a hamzat al-wasl or a name / root و
    assert split("واضح", {}, surface="واضح") == ["واضح"]
    assert split("والانتخابات", {}) == ["و+", "ال+", "انتخابات"]
    # بالرئيس in the corpus says nothing about الرئيس
    assert split("الرئيس", {"بالرئيس": 3}) == ["ال+", "رئيس"]


def test_stem_lexicon_is_small_and_lazy():
    import subprocess
    import sys
    from importlib import resources

    assert len(resources.files("corpusstats.data").joinpath("stems_ar.txt").read_bytes()) < 1_000_000
    code = "import corpusstats, corpusstats.arabic as a; print(a._lexicon_parts.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_stopwords_match_after_normalization():
    sw = cs.stopwords()
    for w in ["في", "فى", "إلى", "الى", "أن", "ان", "وفي", "ومن", "الذى", "و+", "ال+"]:
        assert cs.normalize(w) in sw, w
    for w in ["سوريا", "موسكو", "الاسد", "بوتين"]:
        assert w not in sw
    assert all(unicodedata.is_normalized("NFC", w) for w in sw)
