"""Word frequencies, n-grams and lexical statistics, against hand counts and NLTK."""

import math

import pandas as pd
import pytest
from nltk import FreqDist
from nltk.util import ngrams as nltk_ngrams

import corpusstats as cs

TEXTS = [
    "ذهب الرئيس إلى موسكو. والتقى الرئيس الروسي في موسكو",
    "فى موسكو قال الرئيس: الأسد في دمشق",
    "الاسد في موسكو",
]


@pytest.fixture
def small():
    return cs.Corpus.from_dataframe(
        pd.DataFrame({"text": TEXTS, "source": ["a", "a", "b"], "doc_id": ["d1", "d2", "d3"]})
    )


def test_hand_counted_frequencies(small):
    f = cs.word_frequencies(small).set_index("term")
    # في/فى and الأسد/الاسد are one term each
    assert f.loc["في", "count"] == 4 and f.loc["في", "docfreq"] == 3
    assert f.loc["الاسد", "count"] == 2 and f.loc["الاسد", "docfreq"] == 2
    assert f.loc["موسكو", "count"] == 4 and f.loc["الرئيس", "count"] == 3
    assert "فى" not in f.index and "الأسد" not in f.index
    total = 9 + 7 + 3  # hand count of tokens in TEXTS
    assert f["count"].sum() == total
    assert f.loc["موسكو", "per_10k"] == pytest.approx(4 / total * 10_000)
    # ties share the lowest rank: موسكو and في both have 4
    assert f.loc["موسكو", "rank"] == f.loc["في", "rank"] == 1
    assert f.loc["الرئيس", "rank"] == 3


def test_columns_and_deterministic_order(small):
    f = cs.word_frequencies(small)
    assert list(f.columns) == ["term", "form", "count", "per_10k", "rank", "docfreq"]
    expected = f.sort_values(["count", "term"], ascending=[False, True]).reset_index(drop=True)
    pd.testing.assert_frame_equal(f, expected)
    g = cs.word_frequencies(small, by="source")
    assert list(g.columns) == ["source", "term", "form", "count", "per_10k", "rank", "docfreq"]


def test_groups_sum_to_total(seeds_corpus):
    total = cs.word_frequencies(seeds_corpus).set_index("term")["count"]
    for by in ["source", "doc_id"]:
        g = cs.word_frequencies(seeds_corpus, by=by)
        summed = g.groupby("term")["count"].sum()
        pd.testing.assert_series_equal(summed.sort_index(), total.sort_index(), check_names=False)
        # per_10k and rank are within each group
        for _key, grp in g.groupby(by):
            assert grp["rank"].min() == 1
            assert grp["per_10k"].sum() == pytest.approx(10_000)


def test_docfreq_by_doc_id_is_one(seeds_corpus):
    g = cs.word_frequencies(seeds_corpus, by="doc_id")
    assert (g["docfreq"] == 1).all()


# NLTK on a tokenization of its own (not ours) is in tests/test_counts.py:
# test_unigrams_match_nltk_on_an_independent_tokenization, test_bigrams_match_nltk_within_sentences.


def test_bigrams_stay_within_sentences_and_match_nltk(small):
    f = cs.word_frequencies(small, ngram=2).set_index("term")["count"]
    # "موسكو والتقى" crosses a full stop: not a bigram
    assert "موسكو والتقي" not in f.index
    assert f["في موسكو"] == 3
    ref = FreqDist()
    for text in TEXTS:
        for sentence in text.split("."):
            ref.update(" ".join(g) for g in nltk_ngrams(cs.tokenize(sentence), 2))
    assert f.to_dict() == dict(ref)


def test_stopwords_and_min_count(small, seeds_corpus):
    f = cs.word_frequencies(small, stopwords=True)
    assert "في" not in set(f["term"]) and "الي" not in set(f["term"])
    # per_10k keeps the running-token denominator
    full = cs.word_frequencies(small).set_index("term")
    assert f.set_index("term").loc["موسكو", "per_10k"] == full.loc["موسكو", "per_10k"]
    assert cs.word_frequencies(small, min_count=2)["count"].min() == 2
    top = cs.word_frequencies(seeds_corpus, stopwords=True).head(10)["term"].tolist()
    assert {"سوريا", "الاسد", "بوتين", "موسكو"} <= set(top)
    bi = cs.word_frequencies(seeds_corpus, ngram=2, stopwords=True)
    assert not any(cs.is_stopword(w) for t in bi["term"] for w in t.split())


def test_clitic_counts_merge_forms(small):
    f = cs.word_frequencies(small, clitics=True).set_index("term")
    assert f.loc["و+", "count"] == 1 and f.loc["ال+", "count"] >= 5
    assert f.loc["اسد", "count"] == 2


def test_bad_arguments(small):
    with pytest.raises(ValueError, match="by must be"):
        cs.word_frequencies(small, by="outlet")
    with pytest.raises(ValueError, match="ngram"):
        cs.word_frequencies(small, ngram=0)
    with pytest.raises(ValueError, match="min_count"):
        cs.word_frequencies(small, min_count=0)
    with pytest.raises(TypeError, match="Corpus"):
        cs.word_frequencies("seeds")  # type: ignore[arg-type]


def test_lexical_stats(small):
    s = cs.lexical_stats(small)
    tokens = [t for text in TEXTS for t in cs.tokenize(text)]
    fd = FreqDist(tokens)
    assert s.loc[0, "tokens"] == len(tokens) == 19
    assert s.loc[0, "types"] == len(fd)
    assert s.loc[0, "hapax"] == len(fd.hapaxes())
    assert s.loc[0, "ttr"] == pytest.approx(len(fd) / len(tokens))
    by = cs.lexical_stats(small, by="source")
    assert by["source"].tolist() == ["a", "b"] and by["tokens"].sum() == 19


def test_zipf_fit_recovers_a_known_exponent():
    ranks = range(1, 200)
    fit = cs.zipf_fit(pd.DataFrame({"count": [10_000 / r**1.3 for r in ranks]}))
    assert fit["exponent"] == pytest.approx(1.3, abs=1e-9)
    assert fit["r_squared"] == pytest.approx(1.0)
    assert math.isnan(cs.zipf_fit(pd.DataFrame({"count": [5]}))["exponent"])
