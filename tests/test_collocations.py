"""Association measures, collocations, clusters and KWIC against NLTK and hand counts."""

from __future__ import annotations

import bisect
import importlib
import math
from collections import Counter
from itertools import pairwise

import numpy as np
import pandas as pd
import pytest
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

import corpusstats as cs
from corpusstats.arabic import sentence_breaks

# the module (corpusstats.collocations the attribute is the function of the same name)
col = importlib.import_module("corpusstats.collocations")
BAM = BigramAssocMeasures


def nltk_sentences(corpus, clitics=False):
    """Sentence token lists made independently: tokenize_spans, cut where a sentence break lies between tokens."""
    vocab = None
    if clitics:
        from corpusstats.counts import vocabulary

        vocab = vocabulary(corpus)
    out = []
    for text in corpus.documents["text"]:
        toks = cs.tokenize_spans(text, clitics=clitics, vocabulary=vocab)
        breaks = sentence_breaks(text)
        current, last = [], None
        for t in toks:
            s = bisect.bisect_left(breaks, t.start)  # number of breaks before the token
            if last is not None and s != last and current:
                out.append(current)
                current = []
            current.append(t.text)
            last = s
        if current:
            out.append(current)
    return out


@pytest.fixture(scope="module")
def finder(seeds_corpus):
    return BigramCollocationFinder.from_documents(nltk_sentences(seeds_corpus))


NLTK_MEASURES = {
    "pmi": BAM.pmi,
    "llr": BAM.likelihood_ratio,
    "t": BAM.student_t,
    "chi2": BAM.chi_sq,
    "dice": BAM.dice,
}


def test_measures_equal_nltk_on_every_seed_pair(finder):
    pairs = list(finder.ngram_fd)
    assert len(pairs) > 1000
    o11 = np.array([finder.ngram_fd[p] for p in pairs])
    f1 = np.array([finder.word_fd[a] for a, _ in pairs])
    f2 = np.array([finder.word_fd[b] for _, b in pairs])
    n = finder.N
    for name, fn in NLTK_MEASURES.items():
        ours = col.MEASURES[name](o11, f1, f2, n)
        ref = np.array([fn(int(o), (int(a), int(b)), n) for o, a, b in zip(o11, f1, f2, strict=True)])
        np.testing.assert_allclose(ours, ref, rtol=1e-6, atol=1e-9, err_msg=name)


def test_measures_by_hand():
    # o11=10, f1=20, f2=50, n=10000: e11 = 20*50/10000 = 0.1; pmi = log2(10/0.1) = log2(100)
    assert col.pmi(10, 20, 50, 10_000) == pytest.approx(math.log2(100))
    # mi3 = log2(1000/0.1) = log2(10^4)
    assert col.mi3(10, 20, 50, 10_000) == pytest.approx(math.log2(1e4))
    # z = (10 - 0.1)/sqrt(0.1); t = (10 - 0.1)/sqrt(10)
    assert col.z_score(10, 20, 50, 10_000) == pytest.approx(9.9 / math.sqrt(0.1))
    assert col.t_score(10, 20, 50, 10_000) == pytest.approx(9.9 / math.sqrt(10))
    # logDice = 14 + log2(20/70)
    assert col.logdice(10, 20, 50) == pytest.approx(14 + math.log2(20 / 70))
    # table: o11=10 o12=10 o21=40 o22=9940; dP(2|1) = 10/20 - 40/9980; dP(1|2) = 10/50 - 10/9950
    assert col.delta_p_forward(10, 20, 50, 10_000) == pytest.approx(0.5 - 40 / 9980)
    assert col.delta_p_backward(10, 20, 50, 10_000) == pytest.approx(0.2 - 10 / 9950)
    assert col.min_sensitivity(10, 20, 50, 10_000) == pytest.approx(0.2)


def test_span_scales_expected_count():
    # Evert 2008: a window of 4 positions around each of the 20 occurrences = 80 positions
    assert col.expected(20, 50, 10_000, span=4) == pytest.approx(0.4)
    assert col.pmi(10, 20, 50, 10_000, span=4) == pytest.approx(math.log2(10 / 0.4))
    # the 2x2 table becomes o11=10, o12=70, o21=40, o22=9880: chi2 from the table by hand
    a, b, c, d = 10, 70, 40, 9880
    ref = 10_000 * (a * d - b * c) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    assert col.chi2(10, 20, 50, 10_000, span=4) == pytest.approx(ref)
    # G2 from the same table by hand
    e = [(a + b) * (a + c), (a + b) * (b + d), (c + d) * (a + c), (c + d) * (b + d)]
    g2 = 2 * sum(o * math.log(o / (x / 10_000)) for o, x in zip((a, b, c, d), e, strict=True))
    assert col.llr(10, 20, 50, 10_000, span=4) == pytest.approx(g2)


# --- collocations() on the counting core ----------------------------------------------------


def test_window1_equals_nltk_for_every_pair(seeds_corpus, finder):
    df = col.collocations(seeds_corpus, window=1, min_count=1)
    assert len(df) == len(finder.ngram_fd)
    assert dict(zip(zip(df["w1"], df["w2"], strict=True), df["o11"], strict=True)) == dict(finder.ngram_fd)
    assert (df["n"] == finder.N).all()
    assert (df["f1"].to_numpy() == [finder.word_fd[w] for w in df["w1"]]).all()
    assert (df["f2"].to_numpy() == [finder.word_fd[w] for w in df["w2"]]).all()
    for name, fn in NLTK_MEASURES.items():
        ref = dict(finder.score_ngrams(fn))
        ours = df[name].to_numpy()
        theirs = np.array([ref[p] for p in zip(df["w1"], df["w2"], strict=True)])
        np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-9, err_msg=name)


def test_min_count_and_nltk_freq_filter_keep_the_same_pairs(seeds_corpus, finder):
    df = col.collocations(seeds_corpus, min_count=3)
    finder3 = BigramCollocationFinder.from_documents(nltk_sentences(seeds_corpus))
    finder3.apply_freq_filter(3)
    assert set(zip(df["w1"], df["w2"], strict=True)) == set(finder3.ngram_fd)
    # sorted by llr descending: NLTK's ranking up to ties
    top = [p for p, _ in finder3.score_ngrams(BAM.likelihood_ratio)[:20]]
    assert set(zip(df["w1"][:20], df["w2"][:20], strict=True)) == set(top)


def _brute_window(sentences, node, left, right, stop=frozenset()):
    """Hand count: for each occurrence of node, each token up to left before / right after, same sentence."""
    counts = Counter()
    for sent in sentences:
        for i, w in enumerate(sent):
            if w != node:
                continue
            for j in range(max(0, i - left), min(len(sent), i + right + 1)):
                if j != i and sent[j] not in stop:
                    counts[(sent[j], "left" if j < i else "right")] += 1
    return counts


@pytest.mark.parametrize("window", [5, (2, 4), (0, 3), (3, 0)])
def test_node_window_equals_brute_force(seeds_corpus, window):
    sentences = nltk_sentences(seeds_corpus)
    left, right = (window, window) if isinstance(window, int) else window
    ref = _brute_window(sentences, "موسكو", left, right)
    df = col.collocations(seeds_corpus, node="موسكو", window=window, min_count=1)
    got = dict(zip(zip(df["w2"], df["position"], strict=True), df["o11"], strict=True))
    assert got == dict(ref)
    assert (df["w1"] == "موسكو").all() and (df["f1"] == 48).all()  # 48: word_frequencies count below
    freq = cs.word_frequencies(seeds_corpus)
    assert int(freq.loc[freq["term"] == "موسكو", "count"].iloc[0]) == 48
    # span scaling: left rows expect left*f1*f2/n, right rows right*f1*f2/n
    span = np.where(df["position"] == "left", left, right)
    np.testing.assert_allclose(df["e11"], span * df["f1"] * df["f2"] / df["n"])


def test_window_without_node_counts_pairs_up_to_n_apart(seeds_corpus):
    sentences = nltk_sentences(seeds_corpus)
    ref = Counter()
    for sent in sentences:
        for i in range(len(sent)):
            for j in range(i + 1, min(len(sent), i + 4)):
                ref[(sent[i], sent[j])] += 1
    df = col.collocations(seeds_corpus, window=3, min_count=1, measures=["pmi"])
    assert dict(zip(zip(df["w1"], df["w2"], strict=True), df["o11"], strict=True)) == dict(ref)
    # NLTK's window_size=4 finder counts the same pairs (its scores divide o11 by 3; ours scale e11 instead)
    finder4 = BigramCollocationFinder.from_words([w for s in sentences for w in [*s, None, None, None]], window_size=4)
    assert dict(finder4.ngram_fd) == dict(ref)


def test_stopwords_drop_pairs_but_keep_frequencies(seeds_corpus):
    full = col.collocations(seeds_corpus, min_count=1)
    no_stop = col.collocations(seeds_corpus, min_count=1, stopwords=True)
    stop = cs.stopwords()
    has_stop = full["w1"].isin(stop) | full["w2"].isin(stop)
    assert has_stop.any()
    expect = full.loc[~has_stop, ["w1", "w2", "o11", "f1", "f2", "n"]]
    got = no_stop[["w1", "w2", "o11", "f1", "f2", "n"]]
    key = ["w1", "w2"]
    pd.testing.assert_frame_equal(
        got.sort_values(key).reset_index(drop=True), expect.sort_values(key).reset_index(drop=True)
    )


def test_by_source_counts_each_group_alone(seeds_corpus):
    df = col.collocations(seeds_corpus, by="source", min_count=1, measures=["llr"])
    docs = seeds_corpus.documents
    for source in sorted(docs["source"].unique()):
        sub = cs.Corpus(docs[docs["source"] == source].reset_index(drop=True))
        finder_s = BigramCollocationFinder.from_documents(nltk_sentences(sub))
        part = df[df["source"] == source]
        assert dict(zip(zip(part["w1"], part["w2"], strict=True), part["o11"], strict=True)) == dict(finder_s.ngram_fd)
        assert (part["n"] == finder_s.N).all()
        ref = dict(finder_s.score_ngrams(BAM.likelihood_ratio))
        np.testing.assert_allclose(part["llr"], [ref[p] for p in zip(part["w1"], part["w2"], strict=True)], rtol=1e-6)
    assert list(df["source"]) == sorted(df["source"])  # groups in order


def test_order_is_deterministic_and_documented(seeds_corpus):
    df = col.collocations(seeds_corpus, sort="pmi", measures=["pmi"])
    assert list(df.columns) == ["w1", "w2", "form1", "form2", "o11", "f1", "f2", "n", "e11", "pmi"]
    for (p1, o1, a1, b1), (p2, o2, a2, b2) in pairwise(df[["pmi", "o11", "w1", "w2"]].itertuples(index=False)):
        assert p1 > p2 or (p1 == p2 and (o1 > o2 or (o1 == o2 and (a1, b1) < (a2, b2))))


def test_counts_object_and_corpus_agree(seeds_corpus):
    tc = cs.count_terms(seeds_corpus)
    pd.testing.assert_frame_equal(col.collocations(tc), col.collocations(seeds_corpus))


def test_unknown_node_gives_empty_table(seeds_corpus):
    df = col.collocations(seeds_corpus, node="كلمةغيرموجودة", window=3)
    assert len(df) == 0 and "position" in df.columns


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"window": 0}, ValueError),
        ({"window": "5"}, TypeError),
        ({"window": (2, 3)}, ValueError),  # asymmetric needs a node
        ({"measures": ["nope"]}, ValueError),
        ({"sort": "nope"}, ValueError),
        ({"min_count": 0}, ValueError),
        ({"by": "nope"}, ValueError),
        ({"node": 5}, TypeError),
        ({"node": "two words", "window": 2}, ValueError),
    ],
)
def test_bad_arguments(seeds_corpus, kwargs, error):
    with pytest.raises(error):
        col.collocations(seeds_corpus, **kwargs)


def test_not_a_corpus():
    with pytest.raises(TypeError):
        col.collocations("seeds")


# --- clusters -----------------------------------------------------------------------------


def test_clusters_equal_hand_counted_ngrams(seeds_corpus):
    sentences = nltk_sentences(seeds_corpus)
    ref = Counter()
    for sent in sentences:
        for n in (2, 3):
            for i in range(len(sent) - n + 1):
                ref[" ".join(sent[i : i + n])] += 1
    df = col.clusters(seeds_corpus, n=(2, 3), min_count=2)
    assert dict(zip(df["term"], df["count"], strict=True)) == {k: v for k, v in ref.items() if v >= 2}
    assert set(df["n"]) == {2, 3}
    around = col.clusters(seeds_corpus, n=3, around="موسكو", min_count=1)
    assert len(around) == sum(1 for k in ref if len(k.split()) == 3 and "موسكو" in k.split())
    assert (around["docfreq"] <= around["count"]).all() and (around["docfreq"] >= 1).all()


def test_clusters_of_counts_object(seeds_corpus):
    tc = cs.count_terms(seeds_corpus, ngram=2)
    assert set(col.clusters(tc)["n"]) == {2}
    with pytest.raises(ValueError):
        col.clusters(tc, n=3)


# --- kwic ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["الأسد", "موسكو", "في", "بوتين"])
def test_kwic_rows_equal_word_count_and_spans_normalize_to_query(seeds_corpus, query):
    conc = col.kwic(seeds_corpus, query)
    term = cs.normalize(query)
    freq = cs.word_frequencies(seeds_corpus)
    assert len(conc) == int(freq.loc[freq["term"] == term, "count"].iloc[0])
    texts = dict(zip(seeds_corpus.documents["doc_id"], seeds_corpus.documents["text"], strict=True))
    for row in conc.itertuples(index=False):
        assert cs.normalize(texts[row.doc_id][row.start : row.end]) == term
        assert texts[row.doc_id][row.start : row.end] == row.match
    assert list(conc.columns) == col.KWIC_COLUMNS


def test_kwic_context_is_the_surrounding_words():
    corpus = cs.Corpus.from_dataframe(
        pd.DataFrame({"text": ["واحد اثنان ثلاثة، أربعة خمسة ستة سبعة.", "زار الأسدُ موسكو"], "source": ["a", "b"]})
    )
    conc = col.kwic(corpus, "اربعه", window=2)  # no hit: ة is kept by normalization
    assert len(conc) == 0
    conc = col.kwic(corpus, "أربعة", window=2)
    assert conc.loc[0, "left"] == "اثنان ثلاثة،"
    assert conc.loc[0, "right"] == "خمسة ستة"
    assert conc.loc[0, "match"] == "أربعة"
    conc = col.kwic(corpus, "الاسد")
    assert (conc.loc[0, "left"], conc.loc[0, "match"], conc.loc[0, "right"]) == ("زار", "الأسدُ", "موسكو")
    phrase = col.kwic(corpus, "خمسة ستة", window=1)
    assert (phrase.loc[0, "left"], phrase.loc[0, "match"], phrase.loc[0, "right"]) == (
        "أربعة",
        "خمسة ستة",
        "سبعة",
    )  # context ends with its last word


def test_kwic_phrase_stays_in_one_sentence():
    corpus = cs.Corpus.from_dataframe(pd.DataFrame({"text": ["قال موسكو. دمشق قالت", "موسكو دمشق"]}))
    assert len(col.kwic(corpus, "موسكو دمشق")) == 1


def test_kwic_clitics_find_attached_words(seeds_corpus):
    plain = col.kwic(seeds_corpus, "الأسد")
    split = col.kwic(seeds_corpus, "الأسد", clitics=True)
    assert len(split) > len(plain)
    words = {cs.normalize(m) for m in split["match"]}
    assert "الاسد" in words and words - {"الاسد"} <= {"والاسد", "بالاسد", "للاسد", "فالاسد", "كالاسد"}


def test_kwic_regex_and_sort(seeds_corpus):
    conc = col.kwic(seeds_corpus, "موسكو|دمشق", regex=True)
    freq = cs.word_frequencies(seeds_corpus).set_index("term")["count"]
    assert len(conc) == freq["موسكو"] + freq["دمشق"]
    right1 = col.kwic(seeds_corpus, "موسكو", sort="right1", window=1)
    firsts = [cs.tokenize(r)[0] if cs.tokenize(r) else "" for r in right1["right"]]
    assert firsts == sorted(firsts)
    left1 = col.kwic(seeds_corpus, "موسكو", sort="left1", window=1)
    lasts = [cs.tokenize(r)[-1] if cs.tokenize(r) else "" for r in left1["left"]]
    assert lasts == sorted(lasts)


@pytest.mark.parametrize(
    ("args", "kwargs", "error"),
    [
        (("",), {}, ValueError),
        ((5,), {}, TypeError),
        (("(",), {"regex": True}, ValueError),
        (("موسكو",), {"sort": "middle"}, ValueError),
        (("موسكو",), {"window": -1}, ValueError),
        (("موسكو",), {"clitics": "yes"}, TypeError),
    ],
)
def test_kwic_bad_arguments(seeds_corpus, args, kwargs, error):
    with pytest.raises(error):
        col.kwic(seeds_corpus, *args, **kwargs)


def test_kwic_displays_right_to_left(seeds_corpus):
    from corpusstats.views import Concordance

    conc = col.kwic(seeds_corpus, "موسكو", window=3)
    assert isinstance(conc, Concordance) and isinstance(conc, pd.DataFrame)
    html = conc._repr_html_()
    assert 'dir="rtl"' in html and "cs-match" in html
    assert html.count("<tr>") == len(conc)
    assert html.index(conc.iloc[0]["left"].split()[0]) < html.index(">" + conc.iloc[0]["match"] + "<")
    assert isinstance(conc.head(2), Concordance)
    assert "<table" in conc[["doc_id"]]._repr_html_()  # other shapes fall back to the plain view


# --- command line (kept here: tests/test_cli.py is being restructured) --------------------


def test_cli_collocations_json_equals_the_function(seeds_corpus, capsys):
    import json

    from corpusstats.cli import main

    from .conftest import SEEDS

    assert main(["collocations", str(SEEDS), "--node", "موسكو", "--top", "5", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    ref = col.collocations(seeds_corpus, node="موسكو", window=5, measures=["llr"]).head(5)
    assert [(r["w2"], r["position"], r["o11"]) for r in rows] == list(
        zip(ref["w2"], ref["position"], ref["o11"], strict=True)
    )
    assert list(rows[0]) == [*col.COLLOCATION_COLUMNS[:4], "position", *col.COLLOCATION_COLUMNS[4:], "llr"]


def test_cli_collocations_table_and_measure(capsys):
    from corpusstats.cli import main

    from .conftest import SEEDS

    assert main(["collocations", str(SEEDS), "--measure", "logdice", "--min-count", "5", "--top", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[-1] == "logdice" and len(out) == 4


def test_cli_kwic_csv_and_errors(seeds_corpus, capsys):
    import csv
    import io

    from corpusstats.cli import main

    from .conftest import SEEDS

    assert main(["kwic", str(SEEDS), "بوتين", "--window", "2", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(col.kwic(seeds_corpus, "بوتين")) and set(rows[0]) == set(col.KWIC_COLUMNS)
    assert main(["kwic", str(SEEDS), "بوتين", "--sort", "middle"]) == 2
    assert "sort must be" in capsys.readouterr().err


def test_clitics_window1_equals_nltk_on_split_tokens(seeds_corpus):
    finder_c = BigramCollocationFinder.from_documents(nltk_sentences(seeds_corpus, clitics=True))
    df = col.collocations(seeds_corpus, min_count=1, clitics=True, measures=["llr"])
    assert dict(zip(zip(df["w1"], df["w2"], strict=True), df["o11"], strict=True)) == dict(finder_c.ngram_fd)
    assert ("و+", "ال+") in finder_c.ngram_fd  # the clitics really are split
    ref = dict(finder_c.score_ngrams(BAM.likelihood_ratio))
    np.testing.assert_allclose(df["llr"], [ref[p] for p in zip(df["w1"], df["w2"], strict=True)], rtol=1e-6)


def test_several_nodes_are_the_union_of_each(seeds_corpus):
    both = col.collocations(seeds_corpus, node=["موسكو", "دمشق"], window=3, min_count=1)
    one = pd.concat(
        [col.collocations(seeds_corpus, node=w, window=3, min_count=1) for w in ("موسكو", "دمشق")], ignore_index=True
    )
    key = ["w1", "w2", "position"]
    pd.testing.assert_frame_equal(
        both.sort_values(key).reset_index(drop=True), one.sort_values(key).reset_index(drop=True)
    )


def test_empty_and_tokenless_corpora():
    corpus = cs.Corpus.from_dataframe(pd.DataFrame({"text": ["!!! ...", "؟"]}))
    assert len(col.collocations(corpus, min_count=1)) == 0
    assert len(col.collocations(corpus, node="موسكو", window=2)) == 0
    assert len(col.kwic(corpus, "موسكو")) == 0
    assert len(col.clusters(corpus, min_count=1)) == 0
