"""Term usage, keyness, dispersion and spelling variants, against hand counts and independent computations."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import chi2_contingency

import corpusstats as cs
from corpusstats.sources import dispersion_measures, keyness_measures, match_phrases


def corpus_of(texts, sources=None):
    sources = sources or [f"s{i}" for i in range(len(texts))]
    ids = [f"d{i}" for i in range(len(texts))]
    return cs.Corpus.from_dataframe(pd.DataFrame({"text": texts, "source": sources, "doc_id": ids}))


# --- term usage ------------------------------------------------------------------------


def test_group_never_double_counts_overlapping_entries():
    # Sentence by sentence, by hand:
    #   1. "التقى بشار الأسد بوتين"        بشار الأسد once (its الأسد is not counted again)
    #   2. "وقال الأسد إن الحل سياسي"      الأسد once
    #   3. "الرئيس السوري بشار الأسد في موسكو"  the long entry covers all four words: once
    #   4. "رأى بشار"  then  "الأسد هناك"  a sentence break between them: no phrase; الأسد once
    # group total: 1 + 1 + 1 + 1 = 4 (a naive sum of the entries' counts would give 3 + 2 + 1 = 6 ... and more)
    text = "التقى بشار الأسد بوتين. وقال الأسد إن الحل سياسي. الرئيس السوري بشار الأسد في موسكو. رأى بشار. الأسد هناك"
    c = corpus_of([text])
    terms = {"الأسد": ["الأسد", "بشار الأسد", "الرئيس السوري بشار الأسد"]}
    u = cs.term_usage(c, terms, by=None)
    assert list(u.columns) == ["term", "count", "per_10k", "tokens", "docfreq"]
    assert u.loc[0, "count"] == 4
    # as separate terms each entry counts all its own occurrences
    sep = cs.term_usage(c, ["الأسد", "بشار الأسد", "الرئيس السوري بشار الأسد"], by=None).set_index("term")
    assert sep["count"].tolist() == [4, 2, 1]
    # tokens by hand: 4 + 5 + 6 + 2 + 2 = 19
    assert u.loc[0, "tokens"] == 19
    assert u.loc[0, "per_10k"] == pytest.approx(4 / 19 * 10_000)


def test_phrases_stay_inside_sentences_and_normalize_like_the_text():
    c = corpus_of(["قال بشار. الاسد غادر", "بشار الأسدُ فى موسكو"])
    u = cs.term_usage(c, {"x": ["بشار الأسد"], "في": ["في"]}, by="doc_id").set_index(["doc_id", "term"])
    assert u.loc[("d0", "x"), "count"] == 0  # a full stop separates بشار from الاسد
    assert u.loc[("d1", "x"), "count"] == 1  # الأسدُ with a damma is الاسد
    assert u.loc[("d1", "في"), "count"] == 1  # فى is في


def test_match_phrases_leftmost_longest():
    # ids:        0  1  2  3  4  5  6   sentences [0,4) [4,7)
    ids = np.array([7, 1, 2, 3, 1, 2, 2])
    starts, lens = match_phrases(ids, np.array([0, 4, 7]), [np.array([2]), np.array([1, 2]), np.array([2, 3])])
    # [1,2] at 1 wins over [2,3] at 2 (leftmost); [1,2] at 4; lone [2] at 6
    assert starts.tolist() == [1, 4, 6] and lens.tolist() == [2, 2, 1]


def _naive_matches(ids, sent_starts, phrases):
    """Leftmost-longest matching, one sentence at a time, in plain Python (the reference)."""
    out = []
    bounds = list(sent_starts)
    for s0, s1 in zip(bounds[:-1], bounds[1:], strict=True):
        sent = list(ids[s0:s1])
        i = 0
        while i < len(sent):
            fits = [len(p) for p in phrases if len(p) and sent[i : i + len(p)] == list(p)]
            if fits:
                out.append((s0 + i, max(fits)))
                i += max(fits)
            else:
                i += 1
    return out


@settings(max_examples=200, deadline=None)
@given(
    ids=st.lists(st.integers(0, 3), min_size=0, max_size=40),
    cuts=st.lists(st.integers(1, 39), max_size=5),
    phrases=st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=3), min_size=1, max_size=4),
)
def test_match_phrases_equals_a_plain_scan(ids, cuts, phrases):
    n = len(ids)
    sent_starts = sorted({0, n, *[c for c in cuts if c < n]})
    if n == 0:
        sent_starts = [0]
    starts, lens = match_phrases(np.array(ids, dtype=np.int32), np.array(sent_starts), [np.array(p) for p in phrases])
    got = list(zip(starts.tolist(), lens.tolist(), strict=True))
    assert got == _naive_matches(ids, sent_starts, phrases)


def test_single_words_equal_word_frequencies(seeds_corpus):
    words = ["الأسد", "بوتين", "موسكو", "في", "روسيا"]
    u = cs.term_usage(seeds_corpus, words, by="source")
    wf = cs.word_frequencies(seeds_corpus, by="source")
    for word in words:
        term = cs.normalize(word)
        got = u[u["term"] == word].set_index("source")
        ref = wf[wf["term"] == term].set_index("source")
        for src in got.index:
            expected = int(ref.loc[src, "count"]) if src in ref.index else 0
            assert got.loc[src, "count"] == expected, (word, src)
            if expected:
                assert got.loc[src, "per_10k"] == pytest.approx(ref.loc[src, "per_10k"])
                assert got.loc[src, "docfreq"] == ref.loc[src, "docfreq"]
    # tokens are the groups' running tokens, as lexical_stats counts them
    tokens = cs.lexical_stats(seeds_corpus, by="source").set_index("source")["tokens"]
    assert (u.groupby("source")["tokens"].first() == tokens).all()


def test_term_usage_accepts_counts_and_rejects_bad_terms(seeds_corpus):
    tc = cs.count_terms(seeds_corpus)
    a = cs.term_usage(tc, ["موسكو"])
    b = cs.term_usage(seeds_corpus, ["موسكو"])
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(TypeError, match="list of strings"):
        cs.term_usage(seeds_corpus, "موسكو")
    with pytest.raises(TypeError, match="list of strings"):
        cs.term_usage(seeds_corpus, 5)
    with pytest.raises(ValueError, match="no words"):
        cs.term_usage(seeds_corpus, ["!!"])
    with pytest.raises(ValueError, match="empty"):
        cs.term_usage(seeds_corpus, {"x": []})
    with pytest.raises(ValueError, match="metadata columns"):
        cs.term_usage(seeds_corpus, ["موسكو"], by="nope")
    with pytest.raises(TypeError, match="Corpus or a TermCounts"):
        cs.term_usage("seeds", ["موسكو"])


# --- keyness ---------------------------------------------------------------------------


def test_keyness_equals_independent_computation_for_every_row(seeds_corpus):
    target = "youm7"
    kn = cs.keyness(seeds_corpus, target, min_count=3)
    wf = cs.word_frequencies(seeds_corpus, by="source")
    # the by-source frequency table alone: target counts, the rest summed
    a = wf[wf["source"] == target].set_index("term")["count"]
    b = wf[wf["source"] != target].groupby("term")["count"].sum()
    table = pd.concat({"a": a, "b": b}, axis=1).fillna(0).astype(int)
    total_a = int(a.sum())  # no stopwords: every token is counted once
    total_b = int(wf.loc[wf["source"] != target, "count"].sum())
    table = table[(table["a"] + table["b"]) >= 3]
    assert len(kn) == len(table)
    assert set(kn["term"]) == set(table.index)
    m = len(table)
    for row in kn.itertuples(index=False):
        x, y = int(table.loc[row.term, "a"]), int(table.loc[row.term, "b"])
        assert (row.target_count, row.reference_count) == (x, y)
        g2, p, _, _ = chi2_contingency([[x, y], [total_a - x, total_b - y]], correction=False, lambda_="log-likelihood")
        sign = 1 if x / total_a > y / total_b else -1
        assert row.llr == pytest.approx(sign * g2, rel=1e-9, abs=1e-9)
        assert row.p_value == pytest.approx(p, rel=1e-6, abs=1e-12)
        lr = math.log2(((x or 0.5) / total_a) / ((y or 0.5) / total_b))
        assert row.log_ratio == pytest.approx(lr)
        if y:
            assert row.perc_diff == pytest.approx(100 * (x / total_a - y / total_b) / (y / total_b))
        else:
            assert row.perc_diff == math.inf
        assert row.significant == (min(p * m, 1.0) < 0.05)
    assert kn["llr"].is_monotonic_decreasing
    # the Egyptian outlet's fronted الأسد is its top key word (16 of its 527 tokens)
    assert kn.loc[0, "term"] == "الاسد" and kn.loc[0, "form"] == "الأسد"


def test_keyness_reference_and_errors(seeds_corpus):
    kn = cs.keyness(seeds_corpus, ["youm7"], reference="aljazeera", correction="none", min_count=1)
    # terms only in target or reference, none of the others' vocabulary
    assert (kn["target_count"] + kn["reference_count"] >= 1).all()
    holm = cs.keyness(seeds_corpus, "youm7", correction="holm")
    bonf = cs.keyness(seeds_corpus, "youm7", correction="bonferroni")
    assert holm["significant"].sum() >= bonf["significant"].sum()
    with pytest.raises(ValueError, match="not a group"):
        cs.keyness(seeds_corpus, "bbc")
    with pytest.raises(ValueError, match="overlap"):
        cs.keyness(seeds_corpus, "youm7", reference=["youm7", "digest"])
    with pytest.raises(ValueError, match="correction"):
        cs.keyness(seeds_corpus, "youm7", correction="fdr")
    with pytest.raises(TypeError, match="min_count"):
        cs.keyness(seeds_corpus, "youm7", min_count=2.5)


def test_keyness_measures_by_hand():
    # target 10 of 100 tokens, reference 0 of 100: E = 5 for the term in both,
    # 95 for the rest; G2 = 2 (10 ln(10/5) + 90 ln(90/95) + 100 ln(100/95)) = 13.8629 - 9.7319 + 10.2587
    m = keyness_measures(np.array([10]), np.array([0]), 100, 100)
    g2 = 2 * (10 * math.log(2) + 90 * math.log(90 / 95) + 100 * math.log(100 / 95))
    assert m["llr"][0] == pytest.approx(g2)
    assert m["log_ratio"][0] == pytest.approx(math.log2(10 / 0.5))
    assert m["perc_diff"][0] == math.inf
    # the other way round the sign flips
    assert keyness_measures(np.array([0]), np.array([10]), 100, 100)["llr"][0] == pytest.approx(-g2)


# --- dispersion -------------------------------------------------------------------------


def test_dispersion_hand_worked_gries():
    # Five equal parts, the term 1, 2, 3, 4, 0 times: f = 10, v/f = .1 .2 .3 .4 0, s = .2 each;
    # |v/f - s| = .1 0 .1 .2 .2, sum .6, DP = .3; DP_norm = .3 / (1 - .2) = .375.
    # Juilland's D: mean 2, population sd sqrt((1+0+1+4+4)/5) = sqrt(2), CV = .7071,
    # D = 1 - .7071 / sqrt(4) = .6464.
    d = dispersion_measures(np.array([1, 2, 3, 4, 0]), np.ones(5))
    assert d["range"] == 4
    assert d["dp"] == pytest.approx(0.3)
    assert d["dp_norm"] == pytest.approx(0.375)
    assert d["juilland_d"] == pytest.approx(1 - math.sqrt(2) / 2 / 2)


def test_juilland_d_published_example():
    # Lyne (1985), The vocabulary of French business correspondence: the lemma ALLEMAND in the
    # ten tenths of the corpus (subfrequencies, Appendix I p. 299; part sizes, Figure 1 p. 85),
    # the worked example Sönning's R package tlda prints in its README: D = 0.6038797, DP = 0.4990705
    # (Gries's scaling). Derivation: relative frequencies v_i / s_i, their CV is the population sd over
    # the mean; D = 1 - CV / sqrt(10 - 1). With equal parts (CV = sqrt(1.4) / 1) D would be 0.6056; the
    # part sizes, nearly equal, move it to 0.6039.
    v = np.array([2, 0, 1, 1, 3, 0, 3, 0, 0, 0])
    sizes = np.array([8143, 8058, 8271, 8125, 7959, 7941, 8146, 8001, 8003, 7930])
    d = dispersion_measures(v, sizes)
    assert d["juilland_d"] == pytest.approx(0.6038797, abs=5e-8)
    assert d["dp"] == pytest.approx(0.4990705, abs=5e-8)
    assert d["range"] == 5
    equal = dispersion_measures(v, np.ones(10))
    assert equal["juilland_d"] == pytest.approx(1 - math.sqrt(1.4) / 3)


def test_dispersion_over_documents_of_a_corpus():
    # five documents of five tokens; "كتاب" 1, 2, 3, 4, 0 times: the example above on a corpus
    fill = ["قلم", "بيت", "باب", "نور", "ماء"]
    texts = [" ".join(["كتاب"] * k + fill[: 5 - k]) for k in (1, 2, 3, 4, 0)]
    c = corpus_of(texts)
    d = cs.dispersion(c, ["كتاب", "شمس"]).set_index("term")
    assert list(d.reset_index().columns) == ["term", "count", "parts", "range", "dp", "dp_norm", "juilland_d"]
    assert d.loc["كتاب", "count"] == 10 and d.loc["كتاب", "parts"] == 5 and d.loc["كتاب", "range"] == 4
    assert d.loc["كتاب", "dp"] == pytest.approx(0.3)
    assert d.loc["كتاب", "dp_norm"] == pytest.approx(0.375)
    assert d.loc["شمس", "count"] == 0 and math.isnan(d.loc["شمس", "dp"])
    pos = cs.positions(c, ["كتاب"])
    assert list(pos.columns) == ["doc_id", "term", "token", "tokens", "position", "source"]
    # d3 has كتاب at tokens 0..3 of 5
    assert pos[pos["doc_id"] == "d3"]["position"].tolist() == [0.0, 0.2, 0.4, 0.6]
    assert len(pos) == 10


def test_dispersion_errors():
    with pytest.raises(ValueError, match="one length"):
        dispersion_measures(np.array([1, 2]), np.ones(3))
    with pytest.raises(ValueError, match="positive size"):
        dispersion_measures(np.array([1, 2]), np.array([1, 0]))


# --- spelling variants ---------------------------------------------------------------------


def test_spelling_variants_find_the_egyptian_final_ya(seeds_corpus):
    sv = cs.spelling_variants(seeds_corpus)
    assert list(sv.columns) == ["source", "label", "feature", "variant", "count", "share", "example"]
    ya = sv[sv["feature"] == "final_ya"].set_index(["source", "variant"])
    # Hand count with grep over the surface text (LC_ALL=C.UTF-8), a word = a run of Arabic letters:
    #   grep -oP "[\x{0621}-\x{064A}]*ى(?![\x{0621}-\x{064A}\x{064B}-\x{0652}])" seeds/004_*.txt | wc -l  -> 80
    #   the same with ي                                                                              -> 0
    # youm7 (004) ends words in ى 80 times (فى 16, السورى 11, على 8, الروسى 7, إلى 5, ...) and never in ي;
    # only 17 of the 80 are ى in standard spelling (على 8, إلى 5, الأولى 2, التقى 1, أقوى 1).
    # Al Jazeera (000): 52 with ى (إلى 19, على 18, ...), 146 with ي.
    assert ya.loc[("youm7", "ى"), "count"] == 80 and ya.loc[("youm7", "ي"), "count"] == 0
    assert ya.loc[("youm7", "ى"), "share"] == 1.0
    assert ya.loc[("youm7", "ى"), "example"] == "فى"
    assert ya.loc[("aljazeera", "ى"), "count"] == 52 and ya.loc[("aljazeera", "ي"), "count"] == 146
    # every other outlet writes final ي most of the time
    others = ya.xs("ى", level="variant").drop("youm7")["share"]
    assert (others < 0.35).all()


def test_spelling_variants_small_text_by_hand():
    text = "قال «أحمد» إن احمد سيصل غدًا، وقال “آخرون” غداً أو غدا في ٢٠١٥ و2016 مدرسة مدرسه"
    sv = cs.spelling_variants(corpus_of([text], ["a"]), by=None).set_index(["feature", "variant"])
    c = sv["count"]
    # every word with a hamza on an alef: أحمد إن آخرون أو = 4; bare, where the corpus has the hamza spelling:
    # احمد = 1 (سيصل, قال have no hamza spelling anywhere, so they do not count)
    assert c[("hamza_alef", "أ إ آ")] == 4
    assert c[("hamza_alef", "ا")] == 1
    assert (c[("tanween_alef", "ًا")], c[("tanween_alef", "اً")], c[("tanween_alef", "ا")]) == (1, 1, 1)
    assert (c[("digits", "٠-٩")], c[("digits", "0-9")]) == (1, 1)
    assert (c[("quotes", "« »")], c[("quotes", "“ ”")]) == (2, 2)
    assert (c[("teh_marbuta", "ة")], c[("teh_marbuta", "ه")]) == (1, 1)
    assert sv.loc[("digits", "٠-٩"), "share"] == 0.5
    with pytest.raises(TypeError, match="Corpus"):
        cs.spelling_variants(cs.count_terms(corpus_of([text])))


# --- command line -------------------------------------------------------------------------


def test_cli_usage_keyness_spelling(capsys):
    import io

    from corpusstats.cli import main

    from .conftest import SEEDS

    seeds = str(SEEDS)
    assert main(["usage", seeds, "الأسد=الأسد,بشار الأسد", "موسكو", "--format", "csv"]) == 0
    got = pd.read_csv(io.StringIO(capsys.readouterr().out))
    c = cs.load_corpus(SEEDS)
    ref = cs.term_usage(c, {"الأسد": ["الأسد", "بشار الأسد"], "موسكو": ["موسكو"]})
    assert got["count"].tolist() == ref["count"].tolist() and got["term"].tolist() == ref["term"].tolist()
    # the outlet's label names it as well as its source name does
    assert main(["keyness", seeds, "--target", "اليوم السابع", "--top", "5", "--format", "csv"]) == 0
    by_label = capsys.readouterr().out
    assert main(["keyness", seeds, "--target", "youm7", "--top", "5", "--format", "csv"]) == 0
    assert capsys.readouterr().out == by_label
    assert pd.read_csv(io.StringIO(by_label))["term"].iloc[0] == "الاسد" and by_label.count("\n") == 6
    assert main(["spelling", seeds, "--format", "csv"]) == 0
    sv = pd.read_csv(io.StringIO(capsys.readouterr().out))
    row = sv[(sv["source"] == "youm7") & (sv["feature"] == "final_ya") & (sv["variant"] == "ى")]
    assert row["count"].tolist() == [80]
    assert main(["keyness", seeds, "--target", "bbc"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a group" in err


def test_usage_and_dispersion_weigh_by_words_even_on_bigram_counts(seeds_corpus):
    # per_10k and part sizes are per running word: a TermCounts of bigrams gives the same answers
    bi = cs.count_terms(seeds_corpus, ngram=2)
    pd.testing.assert_frame_equal(cs.term_usage(bi, ["موسكو"]), cs.term_usage(seeds_corpus, ["موسكو"]))
    pd.testing.assert_frame_equal(cs.dispersion(bi, ["موسكو"]), cs.dispersion(seeds_corpus, ["موسكو"]))
    # and keyness on bigrams reads bigram counts
    kb = cs.keyness(bi, "youm7")
    assert kb["term"].str.contains(" ").all()
