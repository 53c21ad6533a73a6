"""Association measures, collocations, clusters and the concordance (KWIC).

Every count here comes from the counting core (:mod:`corpusstats.counts`): the
term-id stream of a corpus, cut at sentence breaks. Pairs are found by shifting
that id array against itself (numpy), never by tokenizing again or looping
over tokens in Python. The concordance needs character offsets, so it reads
the offsets path (:func:`corpusstats.tokenize_spans`), which yields the same
tokens.

The association measures are plain vectorized functions of the four numbers
of a co-occurrence: ``o11`` (how often the pair occurs), ``f1`` and ``f2``
(how often each word occurs) and ``n`` (the number of tokens). They take
scalars or numpy arrays. With a window of ``span`` positions around each
occurrence of the first word, the first word's row of the 2×2 table holds
``span · f1`` positions and the expected count is ``e11 = span · f1 · f2 / n``
(Evert 2008, "Corpora and collocations", section on surface co-occurrence).

The 2×2 table (``R1 = span·f1``, ``C1 = f2``)::

              w2          not w2
    w1        o11         o12 = R1 - o11
    not w1    o21 = C1-o11 o22 = n - R1 - C1 + o11

>>> round(float(pmi(10, 20, 50, 10_000)), 4)
6.6439
>>> round(float(logdice(10, 20, 50)), 4)
12.1926
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ._checks import check_bool, check_int
from .arabic import TOKEN_RE, normalize, tokenize_spans
from .corpus import Corpus

if TYPE_CHECKING:
    from .counts import TermCounts

__all__ = [
    "MEASURES",
    "expected",
    "pmi",
    "mi3",
    "t_score",
    "z_score",
    "llr",
    "chi2",
    "dice",
    "logdice",
    "min_sensitivity",
    "delta_p_forward",
    "delta_p_backward",
    "collocations",
    "clusters",
    "kwic",
    "KWIC_COLUMNS",
    "COLLOCATION_COLUMNS",
]

KWIC_COLUMNS = ["doc_id", "source", "start", "end", "left", "match", "right"]
#: The columns of :func:`collocations` before the measures (``[by,]`` first; ``position`` after ``form2`` with a node).
COLLOCATION_COLUMNS = ["w1", "w2", "form1", "form2", "o11", "f1", "f2", "n", "e11"]


# --- association measures ------------------------------------------------------------


def _arrays(*values: Any) -> list[np.ndarray]:
    return [np.asarray(v, dtype="float64") for v in values]


def _table(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> tuple[np.ndarray, ...]:
    """The observed 2×2 table ``o11, o12, o21, o22`` and its margins ``r1, r2, c1, c2``."""
    o11, f1, f2, n, span = _arrays(o11, f1, f2, n, span)
    r1 = span * f1
    c1 = f2
    o12 = r1 - o11
    o21 = c1 - o11
    o22 = n - r1 - c1 + o11
    return o11, o12, o21, o22, r1, n - r1, c1, n - c1


def expected(f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """Expected pair count under independence: ``e11 = span · f1 · f2 / n``.

    ``span`` is the number of positions counted around each occurrence of the
    first word (1 for adjacent pairs; Evert 2008).

    >>> float(expected(20, 50, 10_000))
    0.1
    """
    f1, f2, n, span = _arrays(f1, f2, n, span)
    return span * f1 * f2 / n


def pmi(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """Pointwise mutual information, ``log2(o11 / e11)`` (Church & Hanks 1990).

    Rewards exclusivity: a pair of two rare words seen once together scores
    highest, so use it with a ``min_count``.

    >>> round(float(pmi(1, 1, 1, 8)), 4)
    3.0
    """
    o11 = np.asarray(o11, dtype="float64")
    with np.errstate(divide="ignore"):
        return np.log2(o11 / expected(f1, f2, n, span))


def mi3(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """MI³, ``log2(o11³ / e11)`` (Daille 1994; Oakes 1998): PMI with frequency weighted up.

    >>> round(float(mi3(2, 1, 1, 8)), 4)
    6.0
    """
    o11 = np.asarray(o11, dtype="float64")
    with np.errstate(divide="ignore"):
        return np.log2(o11**3 / expected(f1, f2, n, span))


def t_score(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """t-score, ``(o11 - e11) / sqrt(o11)`` (Church et al. 1991; Manning & Schütze 5.3.1).

    Rewards frequent pairs. Same as NLTK's ``student_t`` for bigrams.

    >>> round(float(t_score(4, 2, 2, 4)), 4)
    1.5
    """
    o11 = np.asarray(o11, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        return (o11 - expected(f1, f2, n, span)) / np.sqrt(o11)


def z_score(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """z-score, ``(o11 - e11) / sqrt(e11)`` (Dennis 1965; Berry-Rogghe 1973; Evert 2008).

    >>> round(float(z_score(3, 2, 2, 4)), 4)
    2.0
    """
    o11 = np.asarray(o11, dtype="float64")
    e11 = expected(f1, f2, n, span)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (o11 - e11) / np.sqrt(e11)


def _xlogx_over(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(o > 0, o * np.log(np.where(o > 0, o, 1) / e), 0.0)


def llr(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """Log-likelihood ratio, Dunning's G² on the 2×2 table (Dunning 1993).

    ``G² = 2 Σ o_ij · ln(o_ij / e_ij)`` over the four cells, with
    ``e_ij = R_i · C_j / n`` and ``0 · ln 0 = 0``. Always >= 0: it is large for
    strong attraction *and* strong repulsion; ``o11 > e11`` tells them apart.
    Same as NLTK's ``likelihood_ratio`` for bigrams.

    >>> round(float(llr(2, 2, 2, 4)), 4)
    5.5452
    """
    o11, o12, o21, o22, r1, r2, c1, c2 = _table(o11, f1, f2, n, span)
    nn = np.asarray(n, dtype="float64")
    total = (
        _xlogx_over(o11, r1 * c1 / nn)
        + _xlogx_over(o12, r1 * c2 / nn)
        + _xlogx_over(o21, r2 * c1 / nn)
        + _xlogx_over(o22, r2 * c2 / nn)
    )
    return 2 * total


def chi2(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """Pearson's χ² on the 2×2 table, without Yates' correction (Manning & Schütze 5.3.3).

    ``χ² = n (o11·o22 - o12·o21)² / (R1 · R2 · C1 · C2)``; same as NLTK's
    bigram ``chi_sq``.

    >>> float(chi2(2, 2, 2, 4))
    4.0
    """
    o11, o12, o21, o22, r1, r2, c1, c2 = _table(o11, f1, f2, n, span)
    nn = np.asarray(n, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        return nn * (o11 * o22 - o12 * o21) ** 2 / (r1 * r2 * c1 * c2)


def dice(o11: Any, f1: Any, f2: Any, n: Any = None, span: Any = 1) -> np.ndarray:
    """Dice coefficient, ``2 · o11 / (f1 + f2)`` (Smadja et al. 1996); same as NLTK's ``dice``.

    ``n`` and ``span`` are accepted for a uniform signature and not used.

    >>> float(dice(3, 4, 8))
    0.5
    """
    o11, f1, f2 = _arrays(o11, f1, f2)
    return 2 * o11 / (f1 + f2)


def logdice(o11: Any, f1: Any, f2: Any, n: Any = None, span: Any = 1) -> np.ndarray:
    """logDice, ``14 + log2(2 · o11 / (f1 + f2))`` (Rychlý 2008, Sketch Engine).

    At most 14; does not depend on the corpus size, so it is comparable across
    corpora and stable between subcorpora.

    >>> float(logdice(3, 4, 8))
    13.0
    """
    with np.errstate(divide="ignore"):
        return 14 + np.log2(dice(o11, f1, f2))


def min_sensitivity(o11: Any, f1: Any, f2: Any, n: Any = None, span: Any = 1) -> np.ndarray:
    """Minimum sensitivity, ``min(o11 / R1, o11 / C1)`` (Pedersen 1998; Evert 2008).

    >>> float(min_sensitivity(3, 4, 6))
    0.5
    """
    o11, f1, f2, span = _arrays(o11, f1, f2, span)
    return np.minimum(o11 / (span * f1), o11 / f2)


def delta_p_forward(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """ΔP(w2 | w1) = ``o11/R1 - o21/R2``: how much w1 raises the chance of w2 (Gries 2013).

    >>> float(delta_p_forward(2, 2, 3, 8))
    0.8333333333333334
    """
    o11, _o12, o21, _o22, r1, r2, _c1, _c2 = _table(o11, f1, f2, n, span)
    with np.errstate(divide="ignore", invalid="ignore"):
        return o11 / r1 - o21 / r2


def delta_p_backward(o11: Any, f1: Any, f2: Any, n: Any, span: Any = 1) -> np.ndarray:
    """ΔP(w1 | w2) = ``o11/C1 - o12/C2``: how much w2 raises the chance of w1 (Gries 2013).

    >>> round(float(delta_p_backward(2, 2, 3, 8)), 4)
    0.6667
    """
    o11, o12, _o21, _o22, _r1, _r2, c1, c2 = _table(o11, f1, f2, n, span)
    with np.errstate(divide="ignore", invalid="ignore"):
        return o11 / c1 - o12 / c2


#: Column name -> measure function (all take ``o11, f1, f2, n, span``).
MEASURES: dict[str, Callable[..., np.ndarray]] = {
    "llr": llr,
    "pmi": pmi,
    "mi3": mi3,
    "t": t_score,
    "z": z_score,
    "chi2": chi2,
    "dice": dice,
    "logdice": logdice,
    "min_sensitivity": min_sensitivity,
    "delta_p_forward": delta_p_forward,
    "delta_p_backward": delta_p_backward,
}


# --- shared checks -----------------------------------------------------------------------


def _check_measures(measures: Iterable[str] | str | None, sort: str) -> list[str]:
    if measures is None:
        names = list(MEASURES)
    else:
        if isinstance(measures, str):
            measures = [measures]
        names = list(measures)
        unknown = [m for m in names if m not in MEASURES]
        if unknown:
            raise ValueError(f"unknown measure(s) {unknown}; choose from {list(MEASURES)}")
    if not isinstance(sort, str):
        raise TypeError(f"sort must be a str, got {type(sort).__name__}")
    if sort not in MEASURES and sort != "o11":
        raise ValueError(f"sort must be 'o11' or a measure {list(MEASURES)}, got {sort!r}")
    if sort in MEASURES and sort not in names:
        names.append(sort)
    return names


def _window(window: Any, node: Any) -> tuple[int, int]:
    """``(left, right)`` token counts of the span."""
    if isinstance(window, tuple):
        if len(window) != 2:
            raise ValueError(f"window must be N or (left, right), got {window!r}")
        left = check_int("window[0]", window[0], minimum=0)
        right = check_int("window[1]", window[1], minimum=0)
        if left + right == 0:
            raise ValueError("window (left, right) must span at least one token")
        if node is None:
            raise ValueError("window=(left, right) needs a node; without one, window=N counts pairs N tokens apart")
        return left, right
    k = check_int("window", window, minimum=1)
    return (k, k) if node is not None else (0, k)


def _stream_and_groups(
    data: Any, *, by: str | None, normalize: bool, clitics: bool, stopwords: Any
) -> tuple[Any, np.ndarray, pd.Index, np.ndarray | None, np.ndarray]:
    """The token stream, its stopword flags, group labels, each token's group (None: one group), tokens per group.

    A corpus without ``by`` needs only the core's token stream (no document ×
    term matrix); otherwise the counts give the groups.
    """
    from .counts import TermCounts, group_matrix, resolve_counts, resolve_stopwords, token_stream

    if isinstance(data, Corpus) and by is None:
        check_bool("normalize", normalize)
        check_bool("clitics", clitics)
        stream = token_stream(data, normalize=normalize, clitics=clitics)
        stop = resolve_stopwords(stopwords, normalize=normalize) or frozenset()
        is_stop = np.fromiter((t in stop for t in stream.vocab), dtype=bool, count=len(stream.vocab))
        labels = pd.Index([None], dtype=object)
    else:
        if not isinstance(data, (Corpus, TermCounts)):
            resolve_counts(data)  # raises the TypeError every statistic raises
        tc = resolve_counts(data, ngram=1, normalize=normalize, clitics=clitics, stopwords=stopwords)
        if tc.ngram != 1:
            raise ValueError(f"collocations need unigram counts, got {tc.ngram}-gram counts")
        stream, is_stop = tc.stream, np.asarray(tc.is_stop, dtype=bool)
        labels, gm = group_matrix(tc, by)
    doc_len = np.diff(np.asarray(stream.doc_starts, dtype=np.int64))
    if by is None:
        return stream, is_stop, labels, None, np.array([doc_len.sum()], dtype=np.int64)
    coo = gm.tocoo()
    gdoc = np.zeros(len(doc_len), dtype=np.int64)
    gdoc[coo.col] = coo.row
    n = np.bincount(gdoc, weights=doc_len, minlength=len(labels)).astype(np.int64)
    return stream, is_stop, labels, np.repeat(gdoc, doc_len), n


def _count_rows(cols: list[np.ndarray], sizes: list[int]) -> tuple[list[np.ndarray], np.ndarray]:
    """Distinct rows of the integer columns ``cols`` (value < size each) and their counts.

    Packs the columns into one int64 key when it fits (one sort), else sorts rows.
    """
    if len(cols[0]) == 0:
        return [c.astype(np.int64) for c in cols], np.zeros(0, dtype=np.int64)
    if float(np.prod([float(s) for s in sizes])) < 2**62:
        key = np.zeros(len(cols[0]), dtype=np.int64)
        for c, s in zip(cols, sizes, strict=True):
            key = key * s + c
        uniq, counts = np.unique(key, return_counts=True)
        out = []
        for s in reversed(sizes):
            out.append(uniq % s)
            uniq = uniq // s
        return out[::-1], counts
    rows, counts = np.unique(np.stack(cols, axis=1).astype(np.int64), axis=0, return_counts=True)
    return [rows[:, i] for i in range(rows.shape[1])], counts


def _one_word(name: str, word: Any, clitics: bool, evidence: dict[str, int] | None) -> str:
    """``word`` normalized like the text; with clitics, its stem as the text's clitic split gives it."""
    from .arabic import tokenize

    if not isinstance(word, str):
        raise TypeError(f"{name} must be a str, got {type(word).__name__}")
    whole = tokenize(word)
    if len(whole) != 1:
        raise ValueError(f"{name} must be one word, got {word!r}")
    if not clitics:
        return whole[0]
    stems = [t for t in tokenize(word, clitics=True, vocabulary=evidence) if not t.endswith("+")]
    return stems[-1] if stems else whole[0]


def _lookup_word(word: Any, stream: Any, clitics: bool, evidence: dict[str, int] | None) -> int | None:
    """The stream id of ``word`` (normalized like the text), or None if it does not occur."""
    vocab = np.asarray(stream.vocab)
    if isinstance(word, str) and clitics:  # a word the text left whole is found whole
        whole = np.flatnonzero(vocab == _one_word("node", word, False, None))
        if len(whole):
            return int(whole[0])
    hit = np.flatnonzero(vocab == _one_word("node", word, clitics, evidence))
    return int(hit[0]) if len(hit) else None


def collocations(
    counts_or_corpus: Corpus | TermCounts,
    *,
    node: str | Iterable[str] | None = None,
    window: int | tuple[int, int] = 1,
    min_count: int = 2,
    measures: Iterable[str] | None = None,
    stopwords: Any = False,
    by: str | None = None,
    sort: str = "llr",
    normalize: bool = True,
    clitics: bool = False,
) -> pd.DataFrame:
    """Word pairs that occur together more (or less) often than chance, with association measures.

    - ``window=1`` (default), no ``node``: adjacent ordered pairs ``w1 w2``
      inside one sentence (never across a sentence break or a document), as
      NLTK's ``BigramCollocationFinder`` counts them.
    - ``window=N``, no ``node``: ``w2`` follows ``w1`` within N tokens of the
      same sentence (span N).
    - ``node="موسكو", window=5``: the collocates ``w2`` of the node ``w1``
      within 5 tokens before it or after it; ``window=(2, 4)``: 2 before, 4
      after. A ``position`` column says ``left`` (before the node, in reading
      order: in Arabic text it stands to the node's right) or ``right`` (after
      it); each side is its own row, scored with its own span. ``node`` may be
      a list of words. A node that does not occur gives an empty table.
    - ``by``: the same within each group (a metadata column); ``n``, ``f1`` and
      ``f2`` are then the group's counts.
    - ``stopwords``: leave out pairs with a stopword (False, True for the
      bundled list, or your own words); frequencies and ``n`` still count them.

    Columns: ``[by,] w1, w2, form1, form2, [position,] o11, f1, f2, n, e11``
    and one column per measure (``measures``: names from :data:`MEASURES`,
    default all). ``w1``/``w2`` are normalized terms, ``form1``/``form2`` their
    most frequent spelling in the corpus, ``o11`` the pair count, ``f1``/``f2``
    the words' frequencies, ``n`` the tokens, ``e11`` the expected pair count
    (span-scaled). Pairs with ``o11 < min_count`` are left out. Order: group,
    ``sort`` (a measure or ``"o11"``) descending, ``o11`` descending, then
    ``w1``, ``w2``, ``position``: deterministic.
    """
    min_count = check_int("min_count", min_count, minimum=1)
    names = _check_measures(measures, sort)
    left, right = _window(window, node)
    stream, is_stop, labels, gtok, n_group = _stream_and_groups(
        counts_or_corpus, by=by, normalize=normalize, clitics=clitics, stopwords=stopwords
    )
    ids = np.asarray(stream.ids, dtype=np.int64)
    vocab_size = max(len(stream.vocab), 1)
    sent = stream.sentence_ids()
    n_tok = len(ids)

    firsts: list[np.ndarray] = []
    seconds: list[np.ndarray] = []
    sides: list[np.ndarray] = []
    groups: list[np.ndarray] = []
    if node is None:
        for d in range(1, right + 1):
            ok = sent[:-d] == sent[d:] if d < n_tok else np.zeros(0, dtype=bool)
            a, b = ids[:-d][ok], ids[d:][ok]
            keep = ~(is_stop[a] | is_stop[b])
            firsts.append(a[keep])
            seconds.append(b[keep])
            sides.append(np.ones(int(keep.sum()), dtype=np.int64))
            if gtok is not None:
                groups.append(gtok[:-d][ok][keep])
    else:
        if not isinstance(node, (str, list, tuple, set, frozenset)):
            raise TypeError(f"node must be None, a str or a list of str, got {type(node).__name__}")
        words = [node] if isinstance(node, str) else sorted(node)
        evidence = None
        if clitics and isinstance(counts_or_corpus, Corpus):
            from .counts import vocabulary

            evidence = vocabulary(counts_or_corpus)
        found = (_lookup_word(w, stream, clitics, evidence) for w in words)
        node_ids = sorted({i for i in found if i is not None})
        pos = np.flatnonzero(np.isin(ids, node_ids))
        for d in [*range(-left, 0), *range(1, right + 1)]:
            j = pos + d
            inside = (j >= 0) & (j < n_tok)
            p, j = pos[inside], j[inside]
            ok = sent[p] == sent[j]
            p, j = p[ok], j[ok]
            keep = ~is_stop[ids[j]]
            p, j = p[keep], j[keep]
            firsts.append(ids[p])
            seconds.append(ids[j])
            sides.append(np.full(len(p), 0 if d < 0 else 1, dtype=np.int64))
            if gtok is not None:
                groups.append(gtok[p])

    cat = np.concatenate if firsts else (lambda _: np.zeros(0, dtype=np.int64))
    cols = [cat(firsts), cat(seconds), cat(sides)]
    sizes = [vocab_size, vocab_size, 2]
    if gtok is not None:
        cols.insert(0, cat(groups))
        sizes.insert(0, len(labels))
    else:
        cols.insert(0, np.zeros(len(cols[0]), dtype=np.int64))
        sizes.insert(0, 1)
    (g, a, b, side), o11 = _count_rows(cols, sizes)
    keep = o11 >= min_count
    g, a, b, side, o11 = g[keep], a[keep], b[keep], side[keep], o11[keep]

    f1, f2 = _group_freqs(ids, gtok, len(labels), vocab_size, g, a, b, stream)
    n = n_group[g]
    span = np.where(side == 0, left, right).astype("float64")
    scores = {name: MEASURES[name](o11, f1, f2, n, span).astype("float64") for name in names}
    # Term ids follow the sorted order of the terms, so sorting ids sorts the words.
    order_keys = [side, b, a, -o11] + ([-scores[sort]] if sort != "o11" else []) + [g]
    order = np.lexsort(order_keys)
    g, a, b, side, o11, f1, f2, n, span = (x[order] for x in (g, a, b, side, o11, f1, f2, n, span))
    scores = {name: v[order] for name, v in scores.items()}
    out: dict[str, Any] = {}
    if by is not None:
        out[by] = labels.take(g)
    vocab = np.asarray(stream.vocab, dtype=object)
    forms = np.asarray(stream.forms, dtype=object)
    out.update({"w1": vocab[a], "w2": vocab[b], "form1": forms[a], "form2": forms[b]})
    if node is not None:
        out["position"] = np.where(side == 0, "left", "right")
    out.update({"o11": o11.astype(np.int64), "f1": f1, "f2": f2, "n": n, "e11": expected(f1, f2, n, span)})
    out.update(scores)
    return pd.DataFrame(out)


def _group_freqs(
    ids: np.ndarray,
    gtok: np.ndarray | None,
    n_groups: int,
    vocab_size: int,
    g: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    stream: Any,
) -> tuple[np.ndarray, np.ndarray]:
    """Frequencies of ``a`` and ``b`` in their groups ``g`` (one bincount, or a sorted lookup per group)."""
    if gtok is None:
        counts = np.asarray(stream.counts, dtype=np.int64)
        return counts[a], counts[b]
    (kg, kw), kc = _count_rows([gtok, ids], [n_groups, vocab_size])
    key = kg * vocab_size + kw
    return kc[np.searchsorted(key, g * vocab_size + a)], kc[np.searchsorted(key, g * vocab_size + b)]


# --- clusters --------------------------------------------------------------------------


def _sizes(n: Any) -> list[int]:
    if isinstance(n, (tuple, list, range)):
        vals = list(n)
        if isinstance(n, range):
            sizes = vals
        elif len(vals) == 2:
            lo, hi = (check_int("n", v, minimum=1) for v in vals)
            if hi < lo:
                raise ValueError(f"n=(min, max) needs min <= max, got {n!r}")
            sizes = list(range(lo, hi + 1))
        else:
            raise ValueError(f"n must be a size or (min, max), got {n!r}")
        if not sizes:
            raise ValueError(f"n must contain at least one size, got {n!r}")
        return [check_int("n", v, minimum=1) for v in sizes]
    return [check_int("n", n, minimum=1)]


def clusters(
    counts_or_corpus: Corpus | TermCounts,
    n: int | tuple[int, int] | None = None,
    *,
    around: str | None = None,
    min_count: int = 2,
    stopwords: Any = False,
    normalize: bool = True,
    clitics: bool = False,
) -> pd.DataFrame:
    """Frequent word sequences (clusters, lexical bundles), like AntConc's Clusters tool.

    ``n``: a length or ``(min, max)``; default ``(2, 5)`` for a corpus, the
    counts' own n-gram size for a :class:`~corpusstats.counts.TermCounts`.
    ``around``: keep only the clusters that contain this word (normalized like
    the text). Clusters never cross a sentence break.

    Columns: ``term, form, n, count, docfreq`` (``form``: the words' most
    frequent spellings), clusters with ``count >= min_count``, ordered by
    count (descending), then n (descending), then term.
    """
    from .counts import TermCounts, resolve_counts

    min_count = check_int("min_count", min_count, minimum=1)
    if isinstance(counts_or_corpus, TermCounts):
        own = counts_or_corpus.ngram
        if n is not None and _sizes(n) != [own]:
            raise ValueError(f"these counts hold {own}-grams; count the corpus for n={n!r}")
        sizes = [own]
    else:
        sizes = _sizes((2, 5) if n is None else n)
    target = None
    if around is not None:
        from .counts import vocabulary

        evidence = vocabulary(counts_or_corpus) if clitics and isinstance(counts_or_corpus, Corpus) else None
        target = _one_word("around", around, clitics, evidence)
    frames = []
    for size in sizes:
        tc = resolve_counts(counts_or_corpus, ngram=size, normalize=normalize, clitics=clitics, stopwords=stopwords)
        dtm = tc.dtm.tocsc()
        count = np.asarray(dtm.sum(axis=0)).ravel().astype(np.int64)
        docfreq = np.diff(dtm.indptr).astype(np.int64)
        keep = count >= min_count
        terms = np.asarray(tc.terms, dtype=object)
        if target is not None:
            keep &= np.fromiter((target in t.split(" ") for t in terms), dtype=bool, count=len(terms))
        frames.append(
            pd.DataFrame(
                {
                    "term": terms[keep],
                    "form": np.asarray(tc.forms, dtype=object)[keep],
                    "n": np.full(int(keep.sum()), size, dtype=np.int64),
                    "count": count[keep],
                    "docfreq": docfreq[keep],
                }
            )
        )
    df = pd.concat(frames, ignore_index=True)
    return df.sort_values(["count", "n", "term"], ascending=[False, False, True], kind="stable").reset_index(drop=True)


# --- concordance -----------------------------------------------------------------------

_SPACE_RE = re.compile(r"\s+")
_SORT_RE = re.compile(r"(left|right)([1-9][0-9]*)")


def _query_parts(query: str, regex: bool, clitics: bool, evidence: dict[str, int] | None) -> list[Any]:
    from .arabic import tokenize

    if not isinstance(query, str):
        raise TypeError(f"query must be a str, got {type(query).__name__}")
    if regex:
        try:
            parts: list[Any] = [re.compile(p) for p in query.split()]
        except re.error as exc:
            raise ValueError(f"query is not a valid regular expression: {exc}") from None
    else:
        parts = tokenize(query, clitics=clitics, vocabulary=evidence)
    if not parts:
        raise ValueError(f"query must contain a word, got {query!r}")
    return parts


def kwic(
    corpus: Corpus,
    query: str,
    *,
    window: int = 5,
    regex: bool = False,
    clitics: bool = False,
    sort: str | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase with the text around it.

    ``query`` is a word or a phrase, normalized and matched on the normalized
    tokens (الاسد finds الأسد and الأسدُ); a phrase matches inside one
    sentence. With ``regex=True`` each space-separated part of the query is a
    regular expression that must match a whole normalized token. With
    ``clitics=True`` the query and the text are split into proclitics first,
    so الأسد also finds والأسد and بالأسد (the match then covers the whole
    written words).

    Columns ``doc_id, source, start, end, left, match, right``: ``start``/``end``
    are offsets into ``corpus.documents.text``
    (``text[start:end] == match``); ``left``/``right`` are the original text of
    the ``window`` words before and after (spaces and line breaks shown as one
    space). ``left`` is what comes *before* the match in reading order (in
    Arabic it is displayed to the right of it). ``sort``: ``None`` (document
    order), ``"left1"``, ``"right1"``, ``"left2"``… (by the normalized Nth
    word before or after the match, then document order), like AntConc.

    In Jupyter the result displays as a right-to-left concordance
    (:class:`corpusstats.views.Concordance`, a DataFrame).
    """
    from .counts import token_stream, vocabulary
    from .views import Concordance

    if not isinstance(corpus, Corpus):
        raise TypeError(f"kwic needs a Corpus (the text), got {type(corpus).__name__}")
    window = check_int("window", window, minimum=0)
    check_bool("regex", regex)
    check_bool("clitics", clitics)
    if sort is not None:
        if not isinstance(sort, str):
            raise TypeError(f"sort must be None or a str, got {type(sort).__name__}")
        if not _SORT_RE.fullmatch(sort):
            raise ValueError(f"sort must be None, 'left1', 'right1', 'left2'..., got {sort!r}")
    evidence = vocabulary(corpus) if clitics else None
    parts = _query_parts(query, regex, clitics, evidence)
    stream = token_stream(corpus, normalize=True, clitics=clitics)
    vocab = np.asarray(stream.vocab, dtype=object)
    ids = np.asarray(stream.ids, dtype=np.int64)
    k = len(parts)
    n_tok = len(ids)
    hit = np.ones(max(n_tok - k + 1, 0), dtype=bool)
    for i, part in enumerate(parts):  # one pass over the types per query word
        if isinstance(part, re.Pattern):
            match_type = np.fromiter((part.fullmatch(t) is not None for t in vocab), dtype=bool, count=len(vocab))
        else:
            match_type = vocab == part
        hit &= match_type[ids[i : n_tok - k + 1 + i]]
    if k > 1 and len(hit):
        sent = stream.sentence_ids()
        hit &= sent[: n_tok - k + 1] == sent[k - 1 :]
    positions = np.flatnonzero(hit)
    doc_starts = np.asarray(stream.doc_starts, dtype=np.int64)
    docs_of = np.searchsorted(doc_starts, positions, side="right") - 1

    texts = corpus.documents["text"].to_numpy()
    doc_ids = corpus.documents["doc_id"].to_numpy()
    sources = corpus.documents["source"].to_numpy()
    rows: list[tuple[Any, ...]] = []
    keys: list[str] = []
    sort_match = _SORT_RE.fullmatch(sort) if sort is not None else None
    side, nth = (sort_match.group(1), int(sort_match.group(2))) if sort_match else (None, 0)
    for d in np.unique(docs_of):
        text = texts[d]
        toks = tokenize_spans(text, clitics=clitics, vocabulary=evidence)
        if len(toks) != doc_starts[d + 1] - doc_starts[d]:
            raise RuntimeError(f"the offsets path and the counting core disagree on document {doc_ids[d]!r}")
        words = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        w_starts = np.array([w[0] for w in words], dtype=np.int64)
        for p in positions[docs_of == d] - doc_starts[d]:
            start, end = toks[p].start, toks[p + k - 1].end
            first = int(np.searchsorted(w_starts, start, side="right")) - 1
            last = int(np.searchsorted(w_starts, end - 1, side="right")) - 1
            if clitics:
                start, end = words[first][0], words[last][1]
            ls = words[max(first - window, 0)][0] if window and first > 0 else start
            re_ = words[min(last + window, len(words) - 1)][1] if window and last < len(words) - 1 else end
            left = _SPACE_RE.sub(" ", text[ls:start]).strip()
            right = _SPACE_RE.sub(" ", text[end:re_]).strip()
            rows.append((doc_ids[d], sources[d], start, end, left, text[start:end], right))
            if side is not None:
                j = first - nth if side == "left" else last + nth
                keys.append(normalize(text[words[j][0] : words[j][1]]).lower() if 0 <= j < len(words) else "")
    df = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    df["start"] = df["start"].astype(np.int64)
    df["end"] = df["end"].astype(np.int64)
    if side is not None and len(df):
        order = sorted(range(len(df)), key=lambda i: keys[i])  # stable: document order within a key
        df = df.iloc[order].reset_index(drop=True)
    return Concordance(df)
