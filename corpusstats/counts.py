"""The shared counting step: tokens and n-grams, counted per document, source or corpus.

Frequencies, lexical statistics (and later collocations, keyness and
dispersion) read the :class:`TermCounts` made here instead of tokenizing again.
Documents are read one at a time, so memory grows with the vocabulary (times
the number of groups), not with the corpus. Results are cached on the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from .arabic import Token, is_stopword, sentence_breaks, tokenize_spans
from .corpus import Corpus

__all__ = ["TermCounts", "count_terms", "segments", "vocabulary", "check_by"]

TOTAL = "total"


@dataclass(frozen=True)
class TermCounts:
    """Counts of terms (tokens or n-grams joined by a space).

    ``counts``: columns ``[by,] term, count, docfreq``, sorted by group, count
    (descending), term. ``totals``: columns ``[by,] tokens, docs``, where
    ``tokens`` is the number of counted positions *before* stopword removal
    (the denominator of ``per_10k``).
    """

    counts: pd.DataFrame
    totals: pd.DataFrame
    by: str | None
    ngram: int
    normalize: bool
    clitics: bool
    stopwords: bool


def check_by(corpus: Corpus, by: str | None) -> None:
    """Raise ``ValueError`` unless ``by`` is None or a metadata column of the corpus."""
    if by is None:
        return
    allowed = [c for c in corpus.documents.columns if c != "text"]
    if by not in allowed:
        raise ValueError(f"by must be None or one of {allowed}, got {by!r}")


def vocabulary(corpus: Corpus) -> dict[str, int]:
    """Normalized word → count over the whole corpus (the evidence for clitic splits).

    Read off the shared unigram counts, so the corpus is not tokenized again.
    """
    counts = count_terms(corpus).counts
    return dict(zip(counts["term"], counts["count"].astype(int), strict=True))


def segments(
    text: str,
    *,
    normalize: bool = True,
    clitics: bool = False,
    vocab: dict[str, int] | None = None,
) -> list[list[Token]]:
    """Tokens of ``text`` cut at sentence breaks (. ! ? ؟ ؛ ; … and line ends).

    N-grams and collocation windows never cross a sentence break.
    """
    tokens = tokenize_spans(text, normalize=normalize, clitics=clitics, vocabulary=vocab)
    breaks = sentence_breaks(text)
    out: list[list[Token]] = [[]]
    b = 0
    for tok in tokens:
        moved = False
        while b < len(breaks) and breaks[b] < tok.start:
            b += 1
            moved = True
        if moved and out[-1]:
            out.append([])
        out[-1].append(tok)
    return [s for s in out if s]


def _ngrams(seg: list[str], n: int) -> Iterator[tuple[str, ...]]:
    for i in range(len(seg) - n + 1):
        yield tuple(seg[i : i + n])


def count_terms(
    corpus: Corpus,
    *,
    by: str | None = None,
    ngram: int = 1,
    normalize: bool = True,
    clitics: bool = False,
    stopwords: bool = False,
) -> TermCounts:
    """Count terms per group (``by``: None for the whole corpus, or a metadata column).

    With ``stopwords=True`` a unigram that is a stopword, or an n-gram with a
    stopword in it, is not counted (but still counts in ``tokens``).
    """
    if not isinstance(corpus, Corpus):
        raise ValueError(f"expected a Corpus (see load_corpus), got {type(corpus).__name__}")
    check_by(corpus, by)
    if not isinstance(ngram, int) or isinstance(ngram, bool) or ngram < 1:
        raise ValueError(f"ngram must be a whole number >= 1, got {ngram!r}")
    key = ("count_terms", by, ngram, normalize, clitics, stopwords)
    if key in corpus._cache:
        return corpus._cache[key]
    vocab = vocabulary(corpus) if clitics else None
    docs = corpus.documents
    groups = docs[by].astype(str).to_numpy() if by is not None else [TOTAL] * len(docs)
    counts: dict[str, Counter[str]] = {}
    docfreq: dict[str, Counter[str]] = {}
    tokens: Counter[str] = Counter()
    ndocs: Counter[str] = Counter()
    for group, text in zip(groups, docs["text"], strict=True):
        c = counts.setdefault(group, Counter())
        seen: set[str] = set()
        ndocs[group] += 1
        for seg in segments(text, normalize=normalize, clitics=clitics, vocab=vocab):
            words = [t.text for t in seg]
            for gram in _ngrams(words, ngram):
                tokens[group] += 1
                if stopwords and any(is_stopword(w) for w in gram):
                    continue
                term = gram[0] if ngram == 1 else " ".join(gram)
                c[term] += 1
                seen.add(term)
        docfreq.setdefault(group, Counter()).update(seen)
    rows = []
    for group in sorted(counts):
        df = docfreq[group]
        for term, n in counts[group].items():
            rows.append((group, term, n, df[term]))
    table = pd.DataFrame(rows, columns=["group", "term", "count", "docfreq"])
    table = table.sort_values(["group", "count", "term"], ascending=[True, False, True], kind="stable")
    totals = pd.DataFrame(
        {
            "group": sorted(ndocs),
            "tokens": [tokens[g] for g in sorted(ndocs)],
            "docs": [ndocs[g] for g in sorted(ndocs)],
        }
    )
    if by is None:
        table = table.drop(columns="group")
        totals = totals.drop(columns="group")
    else:
        table = table.rename(columns={"group": by})
        totals = totals.rename(columns={"group": by})
    for df in (table, totals):
        for col in ("count", "docfreq", "tokens", "docs"):
            if col in df:
                df[col] = df[col].astype("int64")
    result = TermCounts(
        counts=table.reset_index(drop=True),
        totals=totals.reset_index(drop=True),
        by=by,
        ngram=ngram,
        normalize=normalize,
        clitics=clitics,
        stopwords=stopwords,
    )
    corpus._cache[key] = result
    return result
