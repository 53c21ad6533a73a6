"""Word frequencies, n-grams and lexical statistics, computed from the shared counts."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .corpus import Corpus
from .counts import count_terms

__all__ = ["word_frequencies", "lexical_stats", "zipf_fit", "FREQUENCY_COLUMNS", "LEXICAL_COLUMNS"]

FREQUENCY_COLUMNS = ["term", "count", "per_10k", "rank", "docfreq"]
LEXICAL_COLUMNS = ["tokens", "types", "ttr", "hapax", "zipf_exponent", "zipf_r_squared"]


def word_frequencies(
    corpus: Corpus,
    *,
    by: str | None = None,
    ngram: int = 1,
    stopwords: bool = False,
    min_count: int = 1,
    normalize: bool = True,
    clitics: bool = False,
) -> pd.DataFrame:
    """Term frequencies, like quanteda's ``textstat_frequency``.

    Columns: ``term, count, per_10k, rank, docfreq``; with ``by`` (``"source"``,
    ``"doc_id"`` or another metadata column) that column comes first and
    ``per_10k`` and ``rank`` are computed within each group.

    - ``per_10k``: count per 10,000 running tokens of the group (tokens counted
      before stopwords are removed, so the number means the same with and
      without ``stopwords``).
    - ``rank``: 1 for the most frequent; ties share the lowest rank ("min").
    - ``docfreq``: number of documents of the group the term occurs in.
    - ``ngram``: n > 1 counts n-grams (words joined by a space) within sentences.
    - ``stopwords``: drop stopwords (an n-gram with any stopword in it).
    - ``clitics``: split proclitics first (see ``corpusstats.arabic.split_proclitics``).

    Order: group, then count descending, then term, so ties never reorder.
    """
    if not isinstance(min_count, int) or isinstance(min_count, bool) or min_count < 1:
        raise ValueError(f"min_count must be a whole number >= 1, got {min_count!r}")
    tc = count_terms(corpus, by=by, ngram=ngram, normalize=normalize, clitics=clitics, stopwords=stopwords)
    df = tc.counts.copy()
    if by is None:
        df["per_10k"] = df["count"] * 10_000 / max(int(tc.totals["tokens"].iloc[0]) if len(tc.totals) else 0, 1)
        df["rank"] = df["count"].rank(method="min", ascending=False)
    else:
        totals = tc.totals.set_index(by)["tokens"]
        df["per_10k"] = df["count"] * 10_000 / df[by].map(totals).clip(lower=1)
        df["rank"] = df.groupby(by)["count"].rank(method="min", ascending=False)
    df["rank"] = df["rank"].astype("int64")
    df["per_10k"] = df["per_10k"].astype("float64")
    df = df[df["count"] >= min_count]
    cols = ([by] if by else []) + FREQUENCY_COLUMNS
    return df[cols].reset_index(drop=True)


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
    corpus: Corpus, *, by: str | None = None, normalize: bool = True, clitics: bool = False
) -> pd.DataFrame:
    """Tokens, types, type/token ratio, hapax legomena and Zipf fit, per group.

    Columns: ``[by,] tokens, types, ttr, hapax, zipf_exponent, zipf_r_squared``.
    ``hapax`` counts types that occur once; the Zipf exponent is that of
    :func:`zipf_fit` on the group's rank/frequency list.
    """
    tc = count_terms(corpus, by=by, normalize=normalize, clitics=clitics)
    groups = [(None, tc.counts)] if by is None else list(tc.counts.groupby(by, sort=True))
    rows = []
    for key, g in groups:
        tokens = int(g["count"].sum())
        types = int(len(g))
        fit = zipf_fit(g)
        row = {
            "tokens": tokens,
            "types": types,
            "ttr": types / tokens if tokens else math.nan,
            "hapax": int((g["count"] == 1).sum()),
            "zipf_exponent": fit["exponent"],
            "zipf_r_squared": fit["r_squared"],
        }
        if by is not None:
            row = {by: key, **row}
        rows.append(row)
    cols = ([by] if by else []) + LEXICAL_COLUMNS
    return pd.DataFrame(rows, columns=cols)
