"""Source by source: term usage, keyness, dispersion and spelling habits.

Every count here is a sum over the counting core (:mod:`corpusstats.counts`):
the document × term matrix for single words (:func:`keyness`) and the running
token-id stream for term groups and phrases (:func:`term_usage`,
:func:`dispersion`, :func:`positions`), so a statistic never tokenizes the
corpus again. :func:`spelling_variants` is the exception: it is about how words
are *written*, so it reads the surface text (same token regex, no folding).

>>> import numpy as np
>>> round(float(dispersion_measures(np.array([1, 2, 3, 4, 0]), np.ones(5))["dp"]), 3)
0.3
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._checks import check_choice, check_int, describe
from .arabic import MARKS, TOKEN_RE, tokenize
from .corpus import Corpus
from .counts import TermCounts, check_by, group_matrix, resolve_counts, vocabulary

__all__ = [
    "term_usage",
    "keyness",
    "dispersion",
    "positions",
    "spelling_variants",
    "dispersion_measures",
    "keyness_measures",
    "USAGE_COLUMNS",
    "KEYNESS_COLUMNS",
    "DISPERSION_COLUMNS",
    "POSITION_COLUMNS",
    "SPELLING_COLUMNS",
    "CORRECTIONS",
]

USAGE_COLUMNS = ["term", "count", "per_10k", "tokens", "docfreq"]
KEYNESS_COLUMNS = [
    "term",
    "form",
    "target_count",
    "reference_count",
    "llr",
    "log_ratio",
    "perc_diff",
    "p_value",
    "significant",
]
DISPERSION_COLUMNS = ["term", "count", "parts", "range", "dp", "dp_norm", "juilland_d"]
POSITION_COLUMNS = ["doc_id", "term", "token", "tokens", "position"]
SPELLING_COLUMNS = ["feature", "variant", "count", "share", "example"]
CORRECTIONS = ("bonferroni", "holm", "none")


# --- input checks ------------------------------------------------------------------


def _check_terms(terms: Any) -> dict[str, list[str]]:
    """``terms`` as {group name: [entries]}; a list makes one group per entry."""
    if isinstance(terms, str):
        raise TypeError(f"terms must be a list of strings or a dict of name -> list of strings, got the str {terms!r}")
    if isinstance(terms, Mapping):
        groups: dict[str, list[str]] = {}
        for name, entries in terms.items():
            if not isinstance(name, str):
                raise TypeError(f"term group names must be str, got {type(name).__name__}")
            if isinstance(entries, str):
                entries = [entries]
            if not isinstance(entries, Sequence) or not all(isinstance(e, str) for e in entries):
                raise TypeError(f"terms[{name!r}] must be a str or a list of str, got {entries!r}")
            if not entries:
                raise ValueError(f"terms[{name!r}] is empty: give at least one word or phrase")
            groups[name] = list(entries)
    elif isinstance(terms, Sequence):
        if not all(isinstance(e, str) for e in terms):
            raise TypeError(f"terms must be a list of str, got {terms!r}")
        groups = {e: [e] for e in dict.fromkeys(terms)}
    else:
        raise TypeError(
            f"terms must be a list of strings or a dict of name -> list of strings, got {type(terms).__name__}"
        )
    if not groups:
        raise ValueError("terms is empty: give at least one word or phrase")
    return groups


def _check_labels(name: str, value: Any, labels: pd.Index) -> list[Any]:
    """``value`` (one group label or a list of them) as a list of labels that exist."""
    values = list(value) if isinstance(value, (list, tuple, set, frozenset, pd.Index, np.ndarray)) else [value]
    if not values:
        raise ValueError(f"{name} is empty: give one or more of {list(labels)}")
    as_str = {str(x): x for x in labels}
    out = []
    for v in values:
        if v in labels:
            out.append(v)
        elif str(v) in as_str:
            out.append(as_str[str(v)])
        else:
            raise ValueError(f"{name} {v!r} is not a group; expected one or more of {[str(x) for x in labels]}")
    return list(dict.fromkeys(out))


def _group_label(docs: pd.DataFrame, by: str | None, groups: Any) -> np.ndarray | None:
    """Display names of ``groups`` from the documents' ``label`` column, when each group has one label."""
    if by is None or by == "label" or "label" not in docs.columns:
        return None
    pairs = docs[[by, "label"]].drop_duplicates()
    if pairs[by].duplicated().any():
        return None  # a group with several labels: nothing to show for it
    names = dict(zip(pairs[by], pairs["label"], strict=True))
    return np.array([names.get(g) for g in groups], dtype=object)


# --- the arithmetic, on plain arrays ---------------------------------------------------


def keyness_measures(a: np.ndarray, b: np.ndarray, total_a: float, total_b: float) -> dict[str, np.ndarray]:
    """Signed G², Log Ratio and %DIFF for target counts ``a`` and reference counts ``b``.

    ``total_a`` and ``total_b`` are the token totals of target and reference.
    G² is the log-likelihood ratio of the 2×2 table (target/reference ×
    term/other tokens), ``2 Σ O ln(O/E)`` over the four cells, no continuity
    correction, signed negative where the term is relatively rarer in the
    target. Log Ratio (Hardie 2014) is ``log2((a/total_a) / (b/total_b))`` with a
    zero count replaced by 0.5. %DIFF (Gabrielatos & Marchi 2012) is
    ``100 (a/total_a − b/total_b) / (b/total_b)``; +inf where the reference
    never has the term.

    >>> m = keyness_measures(np.array([10]), np.array([0]), 100, 100)
    >>> round(float(m["log_ratio"][0]), 3)   # log2(10 / 0.5)
    4.322
    """
    a = np.asarray(a, dtype="float64")
    b = np.asarray(b, dtype="float64")
    n = float(total_a) + float(total_b)
    row = a + b
    cells = [
        (a, float(total_a) * row / n),
        (b, float(total_b) * row / n),
        (total_a - a, float(total_a) * (n - row) / n),
        (total_b - b, float(total_b) * (n - row) / n),
    ]
    g2 = np.zeros_like(a)
    for obs, exp in cells:
        with np.errstate(divide="ignore", invalid="ignore"):
            term = np.where(obs > 0, obs * np.log(obs / np.where(exp > 0, exp, 1.0)), 0.0)
        g2 += term
    g2 = np.maximum(2.0 * g2, 0.0)
    rel_a = a / total_a if total_a else np.zeros_like(a)
    rel_b = b / total_b if total_b else np.zeros_like(b)
    sign = np.sign(rel_a - rel_b)
    log_ratio = np.log2((np.where(a > 0, a, 0.5) / total_a) / (np.where(b > 0, b, 0.5) / total_b))
    with np.errstate(divide="ignore", invalid="ignore"):
        perc = np.where(rel_b > 0, 100.0 * (rel_a - rel_b) / np.where(rel_b > 0, rel_b, 1.0), np.inf)
    perc = np.where((rel_b == 0) & (rel_a == 0), 0.0, perc)
    return {"llr": sign * g2, "log_ratio": log_ratio, "perc_diff": perc}


def _chi2_sf_1df(x: np.ndarray) -> np.ndarray:
    """Upper tail of the chi-squared distribution with one degree of freedom."""
    from scipy.special import erfc

    return erfc(np.sqrt(np.maximum(x, 0.0) / 2.0))


def _adjust(p: np.ndarray, correction: str) -> np.ndarray:
    """p-values adjusted for ``len(p)`` tests (Bonferroni, Holm, or none)."""
    m = len(p)
    if correction == "none" or m == 0:
        return p.copy()
    if correction == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p, kind="stable")  # Holm: step-down, made monotone
    stepped = np.minimum(np.maximum.accumulate(p[order] * (m - np.arange(m))), 1.0)
    out = np.empty_like(p)
    out[order] = stepped
    return out


def dispersion_measures(v: np.ndarray, sizes: np.ndarray) -> dict[str, float]:
    """Range, DP, DP_norm and Juilland's D of one term over parts.

    ``v``: the term's count in each part; ``sizes``: each part's size in tokens
    (any positive weights: only their shares ``s_i`` matter).

    - ``dp`` (Gries 2008): ``½ Σ |v_i/f − s_i|``; 0 = spread exactly like the
      corpus, near 1 = all in one small part.
    - ``dp_norm`` (Lijffijt & Gries 2012): ``dp / (1 − min s_i)``, in [0, 1].
    - ``juilland_d``: ``1 − (σ/μ) / √(n−1)`` over the relative frequencies
      ``v_i / s_i`` (σ the population standard deviation), which for equal parts
      is Juilland's original D over the counts; 1 = perfectly even.

    A term that never occurs gets NaN measures; fewer than two parts: NaN too.
    """
    v = np.asarray(v, dtype="float64")
    sizes = np.asarray(sizes, dtype="float64")
    if v.shape != sizes.shape or v.ndim != 1:
        raise ValueError(f"v and sizes must be 1-d arrays of one length, got shapes {v.shape} and {sizes.shape}")
    if (sizes <= 0).any():
        raise ValueError("every part needs a positive size")
    f = float(v.sum())
    n = len(v)
    nan = {"range": int((v > 0).sum()), "dp": math.nan, "dp_norm": math.nan, "juilland_d": math.nan}
    if f == 0 or n < 2:
        return nan
    s = sizes / sizes.sum()
    dp = 0.5 * float(np.abs(v / f - s).sum())
    dp_norm = dp / (1.0 - float(s.min()))
    rel = v / s
    cv = float(rel.std()) / float(rel.mean())
    return {
        "range": int((v > 0).sum()),
        "dp": dp,
        "dp_norm": dp_norm,
        "juilland_d": 1.0 - cv / math.sqrt(n - 1),
    }


def match_phrases(ids: np.ndarray, sent_starts: np.ndarray, phrases: Sequence[np.ndarray]) -> tuple[np.ndarray, ...]:
    """Where id sequences occur in a token stream, within sentences, overlaps resolved.

    ``phrases`` are arrays of token ids (entries of one group). Returns
    ``(starts, lengths)`` of the kept matches, sorted by start: of overlapping
    matches the leftmost is kept, and of those starting together the longest
    (so "بشار الأسد" is one match, never a second one for "الأسد").

    >>> ids = np.array([5, 1, 2, 9, 2, 1, 2])
    >>> match_phrases(ids, np.array([0, 3, 7]), [np.array([2]), np.array([1, 2])])
    (array([1, 4, 5]), array([2, 1, 2]))
    """
    ids = np.asarray(ids)
    n = len(ids)
    starts_all, lens_all = [], []
    for seq in phrases:
        seq = np.asarray(seq)
        length = len(seq)
        if length == 0 or length > n:
            continue
        cand = np.flatnonzero(ids[: n - length + 1] == seq[0])
        for k in range(1, length):
            cand = cand[ids[cand + k] == seq[k]]
        if length > 1 and len(cand):
            # the whole phrase inside one sentence: no sentence starts in (p, p + length)
            first = np.searchsorted(sent_starts, cand, side="right")
            last = np.searchsorted(sent_starts, cand + length - 1, side="right")
            cand = cand[first == last]
        starts_all.append(cand)
        lens_all.append(np.full(len(cand), length, dtype=np.int64))
    if not starts_all:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.concatenate(starts_all).astype(np.int64)
    lens = np.concatenate(lens_all)
    order = np.lexsort((-lens, starts))
    starts, lens = starts[order], lens[order]
    if len(starts) < 2:
        return starts, lens
    ends = starts + lens
    # A match overlaps an earlier one only if it starts before the furthest end so far.
    reach = np.maximum.accumulate(ends)
    clash = np.empty(len(starts), dtype=bool)
    clash[0] = False
    clash[1:] = starts[1:] < reach[:-1]
    if not clash.any():
        return starts, lens
    keep = np.ones(len(starts), dtype=bool)
    # Greedy left to right, only through the stretches where matches touch (few).
    cluster = np.cumsum(~clash) - 1
    for c in np.unique(cluster[clash]):
        idx = np.flatnonzero(cluster == c)
        end = -1
        for i in idx:
            if starts[i] < end:
                keep[i] = False
            else:
                end = ends[i]
    return starts[keep], lens[keep]


# --- statistics on the counting core -----------------------------------------------------


def _entry_ids(tc: TermCounts, entries: list[str], vocab_index: dict[str, int], evidence: Any) -> list[np.ndarray]:
    """Each entry's token ids in the stream's vocabulary (tokenized like the text)."""
    out = []
    for entry in entries:
        toks = tokenize(entry, normalize=tc.normalize, clitics=tc.clitics, vocabulary=evidence)
        if not toks:
            raise ValueError(f"term {entry!r} has no words in it (tokens are Arabic or Latin words and numbers)")
        ids = [vocab_index.get(t, -1) for t in toks]
        if -1 in ids:
            continue  # a word the corpus never has: the entry cannot occur
        out.append(np.asarray(ids, dtype=np.int64))
    return out


def _resolve(counts_or_corpus: Any) -> tuple[TermCounts, Any]:
    """The counts and, with clitics, the word counts that decide clitic splits of the entries."""
    tc = resolve_counts(counts_or_corpus)
    evidence = None
    if tc.clitics:
        if isinstance(counts_or_corpus, Corpus):
            evidence = vocabulary(counts_or_corpus)
        else:  # the whole words the split stream kept: the best evidence a TermCounts carries
            stream = tc.stream
            evidence = {w: int(c) for w, c in zip(stream.vocab, stream.counts, strict=True) if not w.endswith("+")}
    return tc, evidence


def _stream_lengths(tc: TermCounts) -> np.ndarray:
    """Running (unigram) tokens per document, whatever n the counts were made with."""
    return np.diff(np.asarray(tc.stream.doc_starts, dtype=np.int64))


def _doc_group_counts(
    tc: TermCounts, groups: dict[str, list[str]], evidence: Any = None
) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
    """(n_docs × n_groups counts, per group the kept (starts, lengths) in the stream)."""
    stream = tc.stream
    vocab_index = {t: i for i, t in enumerate(stream.vocab.tolist())}
    n_docs = len(stream.doc_starts) - 1
    out = np.zeros((n_docs, len(groups)), dtype=np.int64)
    matches = []
    for j, entries in enumerate(groups.values()):
        phrases = _entry_ids(tc, entries, vocab_index, evidence)
        starts, lens = match_phrases(stream.ids, stream.sent_starts, phrases)
        doc = np.searchsorted(stream.doc_starts, starts, side="right") - 1
        out[:, j] = np.bincount(doc, minlength=n_docs)
        matches.append((starts, lens))
    return out, matches


def term_usage(counts_or_corpus: Any, terms: Any, *, by: str | None = "source") -> pd.DataFrame:
    """How often each group uses each term (or named group of variant terms).

    ``terms``: a list of words or phrases, or a dict ``{name: [variants]}``
    like quanteda's dictionary, e.g. ``{"الأسد": ["الأسد", "بشار الأسد",
    "الرئيس السوري"]}``. Entries are tokenized and normalized like the text
    and matched as token sequences within a sentence. Within one named group
    each running-text occurrence counts once: where entries overlap the
    leftmost, then longest, match wins (``بشار الأسد`` is not counted again as
    ``الأسد``). Entries that follow each other without overlapping
    (``الرئيس السوري بشار الأسد``) are two occurrences; add the long phrase as
    an entry to count it once.

    Columns: ``[by, label,] term, count, per_10k, tokens, docfreq`` — ``label``
    (the display name, for charts) only where the corpus has a ``label`` column
    with one value per group; ``term`` is the
    group name (the entry itself for a list), ``tokens`` the group's running
    tokens, ``per_10k = count · 10000 / tokens``, ``docfreq`` the documents with
    at least one occurrence. Rows: groups in sorted order, terms in the order
    given; a term a group never uses has count 0.
    """
    tc, evidence = _resolve(counts_or_corpus)
    groups = _check_terms(terms)
    labels, G = group_matrix(tc, by)
    per_doc, _ = _doc_group_counts(tc, groups, evidence)
    counts = np.asarray(G @ per_doc, dtype=np.int64)
    docfreq = np.asarray(G @ (per_doc > 0).astype(np.int64), dtype=np.int64)
    tokens = np.asarray(G @ _stream_lengths(tc), dtype=np.int64).ravel()
    n_groups, n_terms = counts.shape
    df = pd.DataFrame(
        {
            "term": np.tile(np.array(list(groups), dtype=object), n_groups),
            "count": counts.ravel(),
            "tokens": np.repeat(tokens, n_terms),
            "docfreq": docfreq.ravel(),
        }
    )
    df["per_10k"] = df["count"] * 10_000 / df["tokens"].clip(lower=1)
    cols = list(USAGE_COLUMNS)
    if by is not None:
        df[by] = np.repeat(labels.to_numpy(), n_terms)
        names = _group_label(tc.docs, by, labels)
        cols = [by, *(["label"] if names is not None else []), *cols]
        if names is not None:
            df["label"] = np.repeat(names, n_terms)
    return df[cols].reset_index(drop=True)


def keyness(
    counts_or_corpus: Any,
    target: Any,
    *,
    by: str = "source",
    reference: Any = None,
    min_count: int = 3,
    correction: str = "bonferroni",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Key terms of ``target`` against ``reference``, like quanteda's ``textstat_keyness``.

    ``target``: a group label of column ``by`` (or a list of them);
    ``reference``: the same, by default every other group. Sums over the
    document × term counts of the counting core; pass a
    :func:`corpusstats.count_terms` result to choose n-grams, clitics or
    stopwords (stopwords removed still count as tokens, so relative
    frequencies mean the same with and without them).

    Columns: ``term, form, target_count, reference_count, llr, log_ratio,
    perc_diff, p_value, significant`` (see :func:`keyness_measures`):
    ``llr`` is signed G² (positive where the term is relatively more frequent
    in the target), ``p_value`` its chi-squared (1 d.f.) p-value, unadjusted;
    ``significant`` says whether the p-value adjusted by ``correction``
    (``"bonferroni"`` or ``"holm"`` over every term tested, or ``"none"``) is
    below ``alpha``. Terms with ``target_count + reference_count < min_count``
    are not tested. Sorted by ``llr`` descending, ties by term.
    """
    check_int("min_count", min_count, minimum=1)
    if not isinstance(correction, str):
        raise TypeError(f"correction must be one of {list(CORRECTIONS)}, got {describe(correction)}")
    check_choice("correction", correction, CORRECTIONS)
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)):
        raise TypeError(f"alpha must be a number, got {describe(alpha)}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, got {alpha!r}")
    if by is None:
        raise ValueError("keyness compares groups: by must name a metadata column such as 'source'")
    tc = resolve_counts(counts_or_corpus)
    labels, G = group_matrix(tc, by)
    tgt = _check_labels("target", target, labels)
    if reference is None:
        ref = [x for x in labels if x not in tgt]
        if not ref:
            raise ValueError(f"target covers every group of {by!r}: nothing left to compare against")
    else:
        ref = _check_labels("reference", reference, labels)
        both = [x for x in ref if x in tgt]
        if both:
            raise ValueError(f"{both} both in target and reference; they must not overlap")
    pos = {x: i for i, x in enumerate(labels)}
    sel_t = np.zeros(len(labels))
    sel_t[[pos[x] for x in tgt]] = 1
    sel_r = np.zeros(len(labels))
    sel_r[[pos[x] for x in ref]] = 1
    doc_t = np.asarray(G.T @ sel_t).ravel()  # 1 for the target's documents
    doc_r = np.asarray(G.T @ sel_r).ravel()
    a = np.asarray(tc.dtm.T @ doc_t).ravel()
    b = np.asarray(tc.dtm.T @ doc_r).ravel()
    doc_tokens = np.asarray(tc.doc_tokens, dtype="float64")
    total_a, total_b = float(doc_t @ doc_tokens), float(doc_r @ doc_tokens)
    keep = (a + b) >= min_count
    a, b = a[keep], b[keep]
    m = keyness_measures(a, b, total_a, total_b)
    p = _chi2_sf_1df(np.abs(m["llr"]))
    df = pd.DataFrame(
        {
            "term": np.asarray(tc.terms, dtype=object)[keep],
            "form": np.asarray(tc.forms, dtype=object)[keep],
            "target_count": a.astype(np.int64),
            "reference_count": b.astype(np.int64),
            "llr": m["llr"],
            "log_ratio": m["log_ratio"],
            "perc_diff": m["perc_diff"],
            "p_value": p,
            "significant": _adjust(p, correction) < alpha,
        }
    )
    df = df.sort_values(["llr", "term"], ascending=[False, True], kind="stable")
    return df[KEYNESS_COLUMNS].reset_index(drop=True)


def dispersion(counts_or_corpus: Any, terms: Any, *, by: str = "doc_id") -> pd.DataFrame:
    """How evenly each term (or named group of variants) spreads over the parts ``by``.

    Parts are the groups of metadata column ``by`` (documents by default),
    weighted by their running tokens. Terms are matched as in
    :func:`term_usage`. Columns: ``term, count, parts, range, dp, dp_norm,
    juilland_d`` (see :func:`dispersion_measures`); ``range`` is the number of
    parts the term occurs in, out of ``parts``. Rows in the order given.
    """
    if by is None:
        raise ValueError("dispersion needs parts: by must name a metadata column such as 'doc_id' or 'source'")
    tc, evidence = _resolve(counts_or_corpus)
    groups = _check_terms(terms)
    labels, G = group_matrix(tc, by)
    per_doc, _ = _doc_group_counts(tc, groups, evidence)
    counts = np.asarray(G @ per_doc, dtype=np.int64)
    sizes = np.asarray(G @ _stream_lengths(tc), dtype="float64").ravel()
    if (sizes <= 0).any():
        empty = [str(x) for x, s in zip(labels, sizes, strict=True) if s <= 0]
        raise ValueError(f"parts without tokens cannot weigh a dispersion: {empty}")
    rows = []
    for j, name in enumerate(groups):
        rows.append(
            {"term": name, "count": int(counts[:, j].sum()), "parts": len(labels)}
            | dispersion_measures(counts[:, j], sizes)
        )
    df = pd.DataFrame(rows, columns=DISPERSION_COLUMNS)
    return df.astype({"count": "int64", "parts": "int64", "range": "int64"})


def positions(counts_or_corpus: Any, terms: Any) -> pd.DataFrame:
    """Where in its document each occurrence of each term falls, for :func:`corpusstats.plot.dispersion`.

    Columns: ``doc_id, term, token, tokens, position`` and the documents'
    ``source`` and ``label`` where the corpus has them: ``token`` is the occurrence's first
    token's index in its document, ``tokens`` the document's length and
    ``position = token / tokens`` in [0, 1). Terms are matched as in
    :func:`term_usage`. Sorted by document, term (in the order given), token.
    """
    tc, evidence = _resolve(counts_or_corpus)
    groups = _check_terms(terms)
    _, matches = _doc_group_counts(tc, groups, evidence)
    doc_starts = np.asarray(tc.stream.doc_starts, dtype=np.int64)
    lengths = np.diff(doc_starts)
    frames = []
    for j, (name, (starts, _)) in enumerate(zip(groups, matches, strict=True)):
        doc = np.searchsorted(doc_starts, starts, side="right") - 1
        frames.append(
            pd.DataFrame(
                {"_doc": doc, "_term": j, "term": name, "token": starts - doc_starts[doc], "tokens": lengths[doc]}
            )
        )
    df = pd.concat(frames, ignore_index=True)
    df["position"] = df["token"] / df["tokens"].clip(lower=1)
    df = df.sort_values(["_doc", "_term", "token"], kind="stable")
    meta = tc.docs.reset_index(drop=True)
    extra = [c for c in ("source", "label") if c in meta.columns]
    df["doc_id"] = meta["doc_id"].to_numpy()[df["_doc"].to_numpy()]
    for col in extra:
        df[col] = meta[col].to_numpy()[df["_doc"].to_numpy()]
    df = df[POSITION_COLUMNS + extra].reset_index(drop=True)
    return df.astype({"token": "int64", "tokens": "int64"})


# --- spelling variants (surface text) ---------------------------------------------------

_TRAILING_MARKS = re.compile(f"[{MARKS}\u0640]+$")
_HAMZA_ALEFS = "\u0623\u0625\u0622"
_FATHATAN = "\u064b"
_ARABIC_INDIC = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_WESTERN = re.compile("[0-9]")
_QUOTES = {"«": "« »", "»": "« »", "“": "“ ”", "”": "“ ”", '"': '" "'}
_QUOTE_RE = re.compile('[«»“”"]')

#: feature -> its variants, in display order (variant labels are how they are written)
SPELLING_FEATURES: dict[str, tuple[str, ...]] = {
    "final_ya": ("ى", "ي"),
    "hamza_alef": ("أ إ آ", "ا"),
    "teh_marbuta": ("ة", "ه"),
    "tanween_alef": ("ًا", "اً", "ا"),
    "digits": ("٠-٩", "0-9"),
    "quotes": ("« »", "“ ”", '" "'),
}


def _fold(word: str) -> str:
    """A word without marks or tatweel (the letters as written)."""
    return re.sub(f"[{MARKS}\u0640]", "", word)


def _classify_types(types: pd.Series) -> pd.DataFrame:
    """Per distinct surface word: its variant for each letter feature (or None).

    A word takes part in ``hamza_alef``, ``teh_marbuta`` and ``tanween_alef``
    only if the corpus also writes it the other way's marked form (e.g. a bare
    ``اكد`` counts because ``أكد`` occurs), so ordinary alefs and pronoun ه
    are not counted as "missing" marks.
    """
    words = types.to_numpy(dtype=object)
    bare = np.array([_fold(w) for w in words], dtype=object)
    out = pd.DataFrame({"surface": words})
    # final ى / ي: every word ending in either letter
    last = np.array([w[-1] if w else "" for w in bare], dtype=object)
    out["final_ya"] = np.where(last == "ى", "ى", np.where(last == "ي", "ي", None))
    # hamza on alef vs bare alef, among words the corpus writes with a hamza on an alef somewhere
    no_hamza = np.array([re.sub(f"[{_HAMZA_ALEFS}]", "ا", w) for w in bare], dtype=object)
    has_hamza = np.array([any(c in w for c in _HAMZA_ALEFS) for w in bare])
    hamza_keys = set(no_hamza[has_hamza])
    in_hamza = np.array([k in hamza_keys for k in no_hamza])
    out["hamza_alef"] = np.where(in_hamza, np.where(has_hamza, "أ إ آ", "ا"), None)
    # final ة vs ه, among words the corpus also writes with ة
    teh_keys = {w[:-1] for w in bare if w.endswith("ة")}
    out["teh_marbuta"] = np.where(
        last == "ة", "ة", np.where((last == "ه") & np.array([w[:-1] in teh_keys for w in bare]), "ه", None)
    )
    # tanween on a final alef (adverbs such as غدًا / غداً / غدا)
    stripped = np.array([_TRAILING_MARKS.sub("", w) for w in words], dtype=object)
    before = np.array([w.endswith(_FATHATAN + "ا") for w in words])
    after = np.array([w.endswith("ا" + _FATHATAN) for w in words])
    tanween_keys = set(bare[before | after])
    plain = np.array([s.endswith("ا") and s == w for s, w in zip(stripped, words, strict=True)])
    out["tanween_alef"] = np.where(
        before,
        "ًا",
        np.where(after, "اً", np.where(plain & np.array([b in tanween_keys for b in bare]), "ا", None)),
    )
    # digits: numbers written with Arabic-Indic or Western digits
    out["digits"] = ["٠-٩" if _ARABIC_INDIC.search(w) else ("0-9" if _WESTERN.match(w) else None) for w in words]
    return out


def spelling_variants(corpus: Corpus, *, by: str | None = "source") -> pd.DataFrame:
    """Which written variants each group uses of words that normalize alike.

    Features (``feature`` column; ``variant`` is how it is written):

    - ``final_ya``: words ending in ى or ي (normalization merges them).
      Standard spelling ends some words in ى (على، إلى، حتى), so every outlet
      has some; Egyptian outlets write final ي as ى too (فى، الذى).
    - ``hamza_alef``: أ إ آ against a bare ا, among words the corpus writes with
      a hamza on an alef at least once (اكد counts because أكد occurs).
    - ``teh_marbuta``: final ة against ه, among words the corpus also writes
      with ة (so the pronoun ه of لقائه is not counted).
    - ``tanween_alef``: tanween before the final alef (غدًا), on it (غداً), or
      none (غدا), among words the corpus writes with tanween.
    - ``digits``: numbers in Arabic-Indic (٢٠١٥) or Western (2015) digits.
    - ``quotes``: quotation marks « » against “ ” against straight ".

    Columns: ``[by, label,] feature, variant, count, share, example`` (``label``
    as in :func:`term_usage`): ``share`` is
    the variant's part of the feature's count in the group (NaN when the group
    has none), ``example`` the group's most frequent word with that variant.
    Every group gets a row for every variant (count 0 where unused).
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(
            f"spelling_variants reads the text: expected a Corpus (see load_corpus), got {describe(corpus)}"
        )
    docs = corpus.documents
    check_by(docs, by)
    key = docs[by].to_numpy() if by is not None else np.zeros(len(docs), dtype=np.int64)
    # surface tokens and quote marks, one regex pass per document (native code)
    words = [TOKEN_RE.findall(t) for t in docs["text"]]
    quotes = [_QUOTE_RE.findall(t) for t in docs["text"]]
    tok = pd.DataFrame({"group": np.repeat(key, [len(w) for w in words]), "surface": [w for ws in words for w in ws]})
    per = tok.groupby(["group", "surface"], sort=False).size().rename("count").reset_index()
    classes = _classify_types(pd.Series(per["surface"].unique()))
    per = per.merge(classes, on="surface", how="left")
    parts = []
    for feature in SPELLING_FEATURES:
        if feature == "quotes":
            continue
        sub = per[per[feature].notna()]
        parts.append(
            pd.DataFrame(
                {
                    "group": sub["group"],
                    "feature": feature,
                    "variant": sub[feature],
                    "surface": sub["surface"],
                    "count": sub["count"],
                }
            )
        )
    q = pd.DataFrame({"group": np.repeat(key, [len(x) for x in quotes]), "surface": [c for xs in quotes for c in xs]})
    if len(q):
        q = q.groupby(["group", "surface"], sort=False).size().rename("count").reset_index()
        q["feature"] = "quotes"
        q["variant"] = q["surface"].map(_QUOTES)
        parts.append(q)
    long = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["group", "feature", "variant", "surface", "count"])
    )
    long = long.sort_values(["count", "surface"], ascending=[False, True], kind="stable")
    agg = long.groupby(["group", "feature", "variant"], sort=False).agg(
        count=("count", "sum"), example=("surface", "first")
    )
    groups = sorted(pd.unique(key), key=lambda x: (str(type(x)), x)) if len(key) else []
    index = pd.MultiIndex.from_tuples(
        [(g, f, v) for g in groups for f, vs in SPELLING_FEATURES.items() for v in vs],
        names=["group", "feature", "variant"],
    )
    table = agg.reindex(index)
    table["count"] = table["count"].fillna(0).astype("int64")
    table["example"] = table["example"].astype(object).where(table["example"].notna(), "")
    table = table.reset_index()
    total = table.groupby(["group", "feature"], sort=False)["count"].transform("sum")
    table["share"] = (table["count"] / total.where(total > 0)).astype("float64")
    cols = list(SPELLING_COLUMNS)
    if by is None:
        table = table.drop(columns="group")
    else:
        names = _group_label(docs, by, table["group"].to_numpy())
        table = table.rename(columns={"group": by})
        cols = [by, *cols]
        if names is not None:
            table["label"] = names
            cols.insert(1, "label")
    return table[cols]
