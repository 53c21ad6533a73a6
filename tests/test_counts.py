"""The columnar counting core: equal to the token-by-token reference, to NLTK, and never stale."""

from __future__ import annotations

import dataclasses
import re
import string

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk import FreqDist
from nltk.tokenize import wordpunct_tokenize

import corpusstats as cs
from corpusstats.counts import group_matrix, map_chunk, merge, resolve_counts, token_stream, vocabulary
from tests.reference_counts import reference_frequencies

OPTIONS = [dict(ngram=n, clitics=c, stopwords=s) for n in (1, 2, 3) for c in (False, True) for s in (False, True)]

# Text written for this test in the style of vocalized religious prose: harakat,
# shadda, superscript alef, small high signs (U+06D6..U+06ED) and an end-of-verse
# sign between clauses, tatweel and a presentation-form lam-alef.
MARKED = [
    "قَالَ ٱلشَّيْخُ فِى ٱلدَّرْسِ ۖ إِنَّ ٱلْعِلْمَ نُورٌ ۗ وَٱلْجَهْلَ ظُلْمَةٌ ۝ وَسَيَعُودُ غَدًا",
    "وَٱلطُّلَّابُ يَكْتُبُونَ ٱلدَّرْسَ ۚ ثُمَّ يَقْرَءُونَهُۥ عَلَىٰ مُعَلِّمِهِمْ ۛ ﻻ يَمَلُّونَ",
    "كَتَبَ ٱلطَّالِبُ ٣ صَفَحَاتٍ ٰ فِي ٱلْمَسَاءِ. وَقَرَأَ ٱلشَّيْخُ ٱلْكِتَـــابَ ۩ بِصَوْتٍ عَالٍ",
]


def _frame(texts, sources=None):
    sources = sources or [f"s{i % 2}" for i in range(len(texts))]
    return cs.Corpus.from_dataframe(
        pd.DataFrame({"text": texts, "source": sources, "doc_id": [f"d{i:03d}" for i in range(len(texts))]})
    )


def _assert_equal_to_reference(corpus, by, **opts):
    ours = cs.word_frequencies(corpus, by=by, **opts).drop(columns="form")
    ref = reference_frequencies(corpus, by=by, **opts)
    pd.testing.assert_frame_equal(ours.reset_index(drop=True), ref, check_dtype=False, check_exact=False, rtol=1e-12)


@pytest.mark.slow
@pytest.mark.parametrize("opts", OPTIONS, ids=lambda o: "-".join(f"{k}={v}" for k, v in o.items()))
@pytest.mark.parametrize("by", [None, "source", "doc_id"])
def test_core_equals_token_by_token_reference_on_seeds(seeds_corpus, by, opts):
    _assert_equal_to_reference(seeds_corpus, by, **opts)


@pytest.mark.parametrize("opts", OPTIONS[::2], ids=str)
def test_core_equals_reference_on_marked_text(opts):
    _assert_equal_to_reference(_frame(MARKED), "source", **opts)


def test_unnormalized_counts_equal_reference(seeds_corpus):
    _assert_equal_to_reference(seeds_corpus, "source", normalize=False)
    _assert_equal_to_reference(seeds_corpus, None, normalize=False, clitics=True, ngram=2)


ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةٱ"  # letters and hamza/alef variants
    + "\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u06d6\u06da"  # marks
    + "\u0640\u200c\u200d\u200f\u202b\u202c"  # tatweel, ZWNJ, ZWJ, RLM, RLE, PDF
    + "\ufefb\ufe8d\ufee1"  # presentation forms
    + "0123456789٠١٢٣٤٥٦٧٨٩"
    + "abcXYZé'’"
    + '      .,،؛؟!?;…\n«»"()-:۔٫'
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=ALPHABET, max_size=120), min_size=1, max_size=4))
def test_stream_equals_tokenize_spans_on_random_text(texts):
    """Document by document, the core's tokens are tokenize_spans' tokens (the offsets path)."""
    corpus = _frame(texts)
    for clitics in (False, True):
        for normalize in (True, False):
            stream = token_stream(corpus, normalize=normalize, clitics=clitics)
            vocab = vocabulary(corpus) if clitics else None
            for d, text in enumerate(corpus.documents["text"]):
                ids = stream.ids[stream.doc_starts[d] : stream.doc_starts[d + 1]]
                expected = cs.tokenize(text, normalize=normalize, clitics=clitics, vocabulary=vocab)
                assert stream.vocab[ids].tolist() == expected
    _assert_equal_to_reference(corpus, "source", ngram=2)


def test_sentences_follow_the_breaks_and_documents():
    # hand-cut: 3.5 keeps its full stop; ؟ ؛ … and the line end break; documents break
    corpus = _frame(["نما الاقتصاد 3.5 بالمئة. ثم توقف؟ نعم؛ لا… ربما\nأخيرا", "كلمة واحدة"])
    stream = token_stream(corpus)
    sentences = [
        stream.vocab[stream.ids[a:b]].tolist()
        for a, b in zip(stream.sent_starts[:-1], stream.sent_starts[1:], strict=True)
    ]
    assert sentences == [
        ["نما", "الاقتصاد", "3.5", "بالمئة"],
        ["ثم", "توقف"],
        ["نعم"],
        ["لا"],
        ["ربما"],
        ["اخيرا"],
        ["كلمة", "واحدة"],
    ]


def test_merge_of_chunks_equals_one_pass(seeds_corpus):
    texts = seeds_corpus.documents["text"].tolist()
    whole = map_chunk(texts)
    parts = merge([map_chunk(texts[:2]), map_chunk([]), map_chunk(texts[2:3]), map_chunk(texts[3:])])
    assert whole.types.to_list() == parts.types.to_list()
    for name in ("ids", "doc_starts", "sent_starts"):
        np.testing.assert_array_equal(getattr(whole, name), getattr(parts, name))


def test_unigrams_match_nltk_on_an_independent_tokenization():
    """NLTK tokenizes with its own regex (\\w+|[^\\w\\s]+); on plain words both definitions agree."""
    rng = np.random.default_rng(7)
    words = ["موسكو", "دمشق", "الرئيس", "زار", "قال", "في", "من", "2015", "روسيا", "سوريا", "الوفد", "بوتين"]
    texts = []
    for _ in range(40):
        sentences = [" ".join(rng.choice(words, size=rng.integers(3, 12))) for _ in range(rng.integers(1, 6))]
        texts.append("، ".join(sentences[:2]) + ". " + " (".join(sentences[2:]) + "؟")
    fd = FreqDist(t for text in texts for t in wordpunct_tokenize(text) if t.isalnum())
    f = cs.word_frequencies(_frame(texts)).set_index("term")["count"]
    assert f.to_dict() == dict(fd)


def test_bigrams_match_nltk_within_sentences():
    texts = ["زار الرئيس موسكو. ثم زار الرئيس دمشق", "الرئيس زار موسكو؟ زار الرئيس"]
    fd = FreqDist()
    for text in texts:
        for sentence in re.split(r"[.؟]", text):
            toks = wordpunct_tokenize(sentence)
            fd.update(" ".join(p) for p in zip(toks, toks[1:], strict=False))
    f = cs.word_frequencies(_frame(texts), ngram=2).set_index("term")["count"]
    assert f.to_dict() == dict(fd)
    assert f["زار الرئيس"] == 3  # hand count: twice in the first text, once in the second


def test_forms_are_the_most_frequent_spelling(seeds_corpus):
    f = cs.word_frequencies(seeds_corpus).set_index("term")["form"]
    text = "\n".join(seeds_corpus.documents["text"])

    def n(word):  # whole-word occurrences counted with a regex of the test's own
        return len(re.findall(rf"(?<![\u0621-\u064a]){word}(?![\u0621-\u064a\u064b-\u0652])", text))

    assert n("على") > n("علي") and f["علي"] == "على"
    assert n("إلى") > n("الى") and f["الي"] == "إلى"
    assert n("الأسد") > n("الاسد") and f["الاسد"] == "الأسد"
    assert f["موسكو"] == "موسكو"


def test_forms_of_clitic_pieces(seeds_corpus):
    f = cs.word_frequencies(seeds_corpus, clitics=True).set_index("term")["form"]
    assert f["و+"] == "و+" and f["ال+"] == "ال+"
    assert f["اسد"] == "أسد"  # الأسد / والأسد: the stem keeps its hamza


# --- the cache follows the documents -------------------------------------------------


def _count(corpus, term):
    f = cs.word_frequencies(corpus).set_index("term")["count"]
    return int(f.get(term, 0))


@pytest.mark.filterwarnings("ignore:The inplace keyword")
def test_cache_follows_in_place_edits():
    corpus = _frame(["موسكو دمشق", "موسكو"])
    assert _count(corpus, "موسكو") == 2
    corpus.documents.loc[0, "text"] = "بيروت"
    assert _count(corpus, "موسكو") == 1 and _count(corpus, "بيروت") == 1
    corpus.documents.drop(index=1, inplace=True)
    assert _count(corpus, "موسكو") == 0
    corpus.documents.loc[0, "source"] = "new"
    assert cs.word_frequencies(corpus, by="source")["source"].tolist() == ["new"]


def test_replace_does_not_share_the_parents_cache():
    corpus = _frame(["موسكو دمشق", "موسكو"])
    assert _count(corpus, "موسكو") == 2
    child = dataclasses.replace(corpus, documents=corpus.documents.iloc[:1].copy())
    assert _count(child, "موسكو") == 1 and _count(corpus, "موسكو") == 2


def test_cached_results_cannot_be_corrupted():
    corpus = _frame(["موسكو دمشق", "موسكو"])
    tc = cs.count_terms(corpus)
    with pytest.raises(ValueError):
        tc.dtm.data *= 100
    with pytest.raises(ValueError):
        tc.stream.ids[0] = 5
    docs = tc.docs  # a copy
    docs.loc[0, "source"] = "changed"
    f = cs.word_frequencies(corpus)
    f["count"] *= 100  # a new frame each call
    assert _count(corpus, "موسكو") == 2
    assert cs.count_terms(corpus).docs.loc[0, "source"] == "s0"


# --- options and errors -------------------------------------------------------------------


def test_stopwords_as_a_list_of_words(seeds_corpus):
    f = cs.word_frequencies(seeds_corpus, stopwords=["سوريا", "فى"]).set_index("term")
    assert "سوريا" not in f.index and "في" not in f.index and "موسكو" in f.index
    plain = cs.word_frequencies(seeds_corpus).set_index("term")
    assert f.loc["موسكو", "per_10k"] == plain.loc["موسكو", "per_10k"]  # denominator before removal


@pytest.mark.parametrize("bad", ["yes", 1, 0.5, [1, 2]])
def test_stopwords_of_the_wrong_type(bad):
    with pytest.raises(TypeError, match="stopwords"):
        cs.word_frequencies(_frame(["موسكو"]), stopwords=bad)


def test_wrong_types_and_values_say_what_was_expected():
    corpus = _frame(["موسكو"])
    with pytest.raises(TypeError, match="Corpus or a TermCounts"):
        cs.word_frequencies(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(TypeError, match="whole number"):
        cs.word_frequencies(corpus, ngram="2")
    with pytest.raises(TypeError, match="True or False"):
        cs.word_frequencies(corpus, clitics="yes")
    with pytest.raises(ValueError, match="metadata columns"):
        cs.word_frequencies(corpus, by="outlet")
    with pytest.raises(TypeError, match="column name"):
        cs.word_frequencies(corpus, by=["source"])


def test_counts_object_is_accepted_and_its_options_win(seeds_corpus):
    tc = cs.count_terms(seeds_corpus, ngram=2, stopwords=True)
    pd.testing.assert_frame_equal(
        cs.word_frequencies(tc, by="source"), cs.word_frequencies(seeds_corpus, by="source", ngram=2, stopwords=True)
    )
    with pytest.raises(ValueError, match="ngram=3"):
        cs.word_frequencies(tc, ngram=3)
    assert resolve_counts(tc, ngram=2) is tc


def test_by_any_column_keeps_its_dtype(seeds_corpus):
    f = cs.word_frequencies(seeds_corpus, by="date")
    assert f["date"].dtype == seeds_corpus.documents["date"].dtype
    assert set(f["date"]) == set(seeds_corpus.documents["date"])
    labels, G = group_matrix(cs.count_terms(seeds_corpus), "source")
    assert list(labels) == sorted(seeds_corpus.documents["source"]) and G.sum() == len(seeds_corpus)


def test_empty_corpus():
    empty = cs.Corpus.from_dataframe(pd.DataFrame({"text": []}))
    assert len(empty) == 0
    f = cs.word_frequencies(empty, by="source")
    assert len(f) == 0 and list(f.columns) == ["source", "term", "form", "count", "per_10k", "rank", "docfreq"]
    only_punct = _frame([string.punctuation, "«»"])
    assert len(cs.word_frequencies(only_punct, ngram=2)) == 0
