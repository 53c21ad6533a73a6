"""The counting step as it was before the columnar core: a slow, obviously-right reference.

One ``Token`` per token from ``tokenize_spans`` (the offsets path), cut at
``sentence_breaks``, counted with ``Counter``. Tests hold the core equal to it.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from corpusstats.arabic import is_stopword, sentence_breaks, tokenize_spans
from corpusstats.arabic import normalize as norm
from corpusstats.counts import vocabulary


def segments(text, *, normalize=True, clitics=False, vocab=None):
    tokens = tokenize_spans(text, normalize=normalize, clitics=clitics, vocabulary=vocab)
    breaks = sentence_breaks(text)
    out = [[]]
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


def reference_frequencies(corpus, *, by=None, ngram=1, normalize=True, clitics=False, stopwords=False):
    """``[by,] term, count, per_10k, rank, docfreq`` computed token by token."""
    vocab = vocabulary(corpus) if clitics else None
    docs = corpus.documents
    groups = docs[by].tolist() if by is not None else ["total"] * len(docs)
    counts, docfreq, tokens = {}, {}, Counter()
    for group, text in zip(groups, docs["text"], strict=True):
        c = counts.setdefault(group, Counter())
        seen = set()
        for seg in segments(text, normalize=normalize, clitics=clitics, vocab=vocab):
            words = [t.text for t in seg]
            for i in range(len(words) - ngram + 1):
                gram = words[i : i + ngram]
                tokens[group] += 1
                if stopwords and any(is_stopword(norm(w).lower()) for w in gram):
                    continue
                term = " ".join(gram)
                c[term] += 1
                seen.add(term)
        docfreq.setdefault(group, Counter()).update(seen)
    rows = []
    for group in counts:
        for term, n in counts[group].items():
            rows.append((group, term, n, n * 10_000 / max(tokens[group], 1), docfreq[group][term]))
    df = pd.DataFrame(rows, columns=["group", "term", "count", "per_10k", "docfreq"])
    df["rank"] = df.groupby("group")["count"].rank(method="min", ascending=False).astype("int64")
    df = df.sort_values(["group", "count", "term"], ascending=[True, False, True], kind="stable")
    df = df[["group", "term", "count", "per_10k", "rank", "docfreq"]].reset_index(drop=True)
    if by is None:
        return df.drop(columns="group")
    return df.rename(columns={"group": by})
