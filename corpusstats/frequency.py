"""Word frequencies, n-grams and lexical statistics, computed from the shared counts."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from ._checks import check_bool, check_int, describe
from .counts import TermCounts, fold_types, group_matrix, resolve_counts, resolve_stopwords, scan_counts
from .readers import CorpusScan

__all__ = ["word_frequencies", "lexical_stats", "zipf_fit", "FREQUENCY_COLUMNS", "LEXICAL_COLUMNS"]

FREQUENCY_COLUMNS = ["term", "form", "count", "per_10k", "rank", "docfreq"]
LEXICAL_COLUMNS = ["tokens", "types", "ttr", "hapax", "zipf_exponent", "zipf_r_squared"]


def word_frequencies(
    data: Any,
    *,
    by: str | None = None,
    ngram: int = 1,
    stopwords: Any = False,
    min_count: int = 1,
    normalize: bool = True,
    clitics: bool = False,
    engine: str = "local",
) -> pd.DataFrame:
    """Term frequencies, like quanteda's ``textstat_frequency``.

    ``data`` is a :class:`~corpusstats.Corpus` or the :class:`~corpusstats.TermCounts`
    of :func:`~corpusstats.count_terms` (whose options are then its own), or a
    :func:`~corpusstats.scan_corpus` of record files too big to load: counted
    chunk by chunk (unigrams, no clitics; ``by`` a field of the records, its
    values as read), without holding the texts, the same table.
    Columns: ``term, form, count, per_10k, rank, docfreq``; with ``by`` (any
    metadata column: ``"source"``, ``"doc_id"``, ``"date"`` …, its dtype kept)
    that column comes first and ``per_10k`` and ``rank`` are within each group.

    - ``term``: the normalized term; ``form``: its most frequent spelling in the
      corpus (``على`` for the term ``علي``), what charts and tables show.
    - ``per_10k``: count per 10,000 running tokens of the group (tokens counted
      before stopwords are removed, so the number means the same with and
      without ``stopwords``).
    - ``rank``: 1 for the most frequent; ties share the lowest rank ("min").
    - ``docfreq``: number of documents of the group the term occurs in.
    - ``ngram``: n > 1 counts n-grams (words joined by a space) within sentences.
    - ``stopwords``: ``False``, ``True`` (the bundled list) or your own words;
      drops stopwords (an n-gram with any stopword in it).
    - ``clitics``: split proclitics first (see ``corpusstats.arabic.split_proclitics``).
    - ``engine``: where a Corpus is counted, ``"local"`` or ``"dask"`` (see
      :func:`~corpusstats.count_terms`); the result is the same.

    Order: group, then count descending, then term, so ties never reorder.
    """
    min_count = check_int("min_count", min_count, minimum=1)
    if isinstance(data, CorpusScan):
        return _scan_frequencies(data, by, ngram, stopwords, min_count, normalize, clitics)
    tc = resolve_counts(data, ngram=ngram, normalize=normalize, clitics=clitics, stopwords=stopwords, engine=engine)
    labels, G = group_matrix(tc, by)
    counts = (G @ tc.dtm).tocsr()
    present = (G @ (tc.dtm > 0).astype(np.int64)).tocsr()  # same pattern: nonzero where count > 0
    counts.sort_indices()
    present.sort_indices()
    tokens = G @ tc.doc_tokens
    g = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    t, n, df = counts.indices.astype(np.int64), counts.data.astype(np.int64), present.data.astype(np.int64)
    return _frequency_frame(by, labels, g, tc.terms[t], tc.forms[t], n, df, tokens, min_count)


def _frequency_frame(
    by: str | None,
    labels: pd.Index,
    g: np.ndarray,
    terms: np.ndarray,
    forms: np.ndarray,
    n: np.ndarray,
    df: np.ndarray,
    tokens: np.ndarray,
    min_count: int,
) -> pd.DataFrame:
    """The frequency table from (group, term) rows sorted by group then term."""
    keep = n >= min_count
    g, terms, forms, n, df = g[keep], terms[keep], forms[keep], n[keep], df[keep]
    order = np.lexsort((np.arange(len(g)), -n, g))  # group, count descending, term (rows come in term order)
    g, terms, forms, n, df = g[order], terms[order], forms[order], n[order], df[order]
    out = pd.DataFrame(
        {
            "term": terms,
            "form": forms,
            "count": n,
            "per_10k": n * 10_000 / np.maximum(tokens[g], 1).astype("float64"),
            "rank": _min_rank(g, n),
            "docfreq": df,
        }
    )
    if by is not None:
        out.insert(0, by, labels.take(g).to_numpy() if len(g) else labels[:0].to_numpy())
    return out


def _scan_frequencies(
    scan: CorpusScan, by: Any, ngram: int, stopwords: Any, min_count: int, normalize: bool, clitics: bool
) -> pd.DataFrame:
    """word_frequencies of a corpus read chunk by chunk (unigrams, no clitic splitting)."""
    if ngram != 1 or clitics:
        raise ValueError(
            "a scanned corpus is counted as unigrams without clitic splitting (ngram=1, clitics=False); "
            "load it with load_corpus for n-grams or clitics"
        )
    if by is not None and not isinstance(by, str):
        raise TypeError(f"by must be None or a field name (str), got {describe(by)}")
    check_bool("normalize", normalize)
    stopset = resolve_stopwords(stopwords, normalize=normalize)
    labels, frame, tokens = scan_counts(scan, by=by, normalize=normalize, progress=None)
    if stopset:
        match = frame["term"] if normalize else pd.Series(fold_types(frame["term"].tolist()), dtype=object)
        frame = frame.loc[~match.isin(stopset).to_numpy()]
    return _frequency_frame(
        by,
        labels,
        frame["g"].to_numpy(),
        frame["term"].to_numpy(),
        frame["form"].to_numpy(),
        frame["count"].to_numpy(),
        frame["docfreq"].to_numpy(),
        tokens,
        min_count,
    )


def _min_rank(groups: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Ranks within each group of rows sorted by group then count descending ("min" ties).

    >>> _min_rank(np.array([0, 0, 0, 1, 1]), np.array([5, 5, 2, 3, 1])).tolist()
    [1, 1, 3, 1, 2]
    """
    if not len(groups):
        return np.zeros(0, dtype=np.int64)
    idx = np.arange(len(groups))
    new_group = np.r_[True, groups[1:] != groups[:-1]]
    new_value = new_group | np.r_[True, counts[1:] != counts[:-1]]
    group_start = np.maximum.accumulate(np.where(new_group, idx, 0))
    value_start = np.maximum.accumulate(np.where(new_value, idx, 0))
    return (value_start - group_start + 1).astype(np.int64)


def zipf_fit(freq: pd.DataFrame) -> dict[str, float]:
    """Fit ``log10(count) = intercept - exponent * log10(rank)`` by least squares.

    ``freq`` is one group's frequency table (a ``count`` column); ranks are
    1..n in descending count. Returns ``exponent``, ``intercept`` and
    ``r_squared`` (NaN with fewer than two distinct ranks).

    >>> fit = zipf_fit(pd.DataFrame({"count": [1000, 500, 333, 250]}))
    >>> round(fit["exponent"], 2)
    1.0
    """
    if "count" not in freq.columns:
        raise ValueError(f"zipf_fit needs a 'count' column; got {list(freq.columns)}")
    counts = np.sort(freq["count"].to_numpy(dtype="float64"))[::-1]
    counts = counts[counts > 0]
    nan = {"exponent": math.nan, "intercept": math.nan, "r_squared": math.nan}
    if len(counts) < 2:
        return nan
    x = np.log10(np.arange(1, len(counts) + 1))
    y = np.log10(counts)
    slope, intercept = np.polyfit(x, y, 1)
    pred = intercept + slope * x
    ss_res = float(((y - pred) ** 2).sum())
    ss_tot = float(((y - y.mean()) ** 2).sum())
    r2 = 1 - ss_res / ss_tot if ss_tot > 0 else math.nan
    return {"exponent": float(-slope), "intercept": float(intercept), "r_squared": float(r2)}


def lexical_stats(
    data: Any, *, by: str | None = None, normalize: bool = True, clitics: bool = False, engine: str = "local"
) -> pd.DataFrame:
    """Tokens, types, type/token ratio, hapax legomena and Zipf fit, per group.

    ``data`` is a Corpus or a (unigram) TermCounts. Columns: ``[by,] tokens,
    types, ttr, hapax, zipf_exponent, zipf_r_squared``. ``hapax`` counts types
    that occur once; the Zipf exponent is that of :func:`zipf_fit` on the
    group's rank/frequency list. ``engine``: where a Corpus is counted (see
    :func:`~corpusstats.count_terms`).
    """
    tc: TermCounts = resolve_counts(data, normalize=normalize, clitics=clitics, engine=engine)
    if tc.ngram != 1:
        raise ValueError(f"lexical_stats needs unigram counts (ngram=1), got ngram={tc.ngram}")
    labels, G = group_matrix(tc, by)
    grouped = (G @ tc.dtm).tocsr()
    rows = []
    for i, key in enumerate(labels):
        c = grouped.data[grouped.indptr[i] : grouped.indptr[i + 1]]
        c = c[c > 0]
        tokens, types = int(c.sum()), int(len(c))
        fit = zipf_fit(pd.DataFrame({"count": c}))
        row = {
            "tokens": tokens,
            "types": types,
            "ttr": types / tokens if tokens else math.nan,
            "hapax": int((c == 1).sum()),
            "zipf_exponent": fit["exponent"],
            "zipf_r_squared": fit["r_squared"],
        }
        if by is not None:
            row = {by: key, **row}
        rows.append(row)
    cols = ([by] if by else []) + LEXICAL_COLUMNS
    out = pd.DataFrame(rows, columns=cols)
    if by is not None:
        out[by] = labels.to_numpy() if len(labels) else out[by]
    return out
