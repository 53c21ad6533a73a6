"""Speed of the shared counting step against named baselines, on a generated corpus.

Baselines, all counting the same documents in one process:
- ``str.split + Counter``: whitespace split, no normalization (the floor: what any script does);
- ``NLTK FreqDist(wordpunct_tokenize)``: the usual corpus-linguistics recipe in Python.

corpusstats does more work than both (Arabic normalization, spans, sentence breaks, docfreq),
so ratios above 1 are expected; the number to watch is how it moves between commits.
Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_counts.py [n_docs]``.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

import corpusstats as cs

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(n_docs: int, seed: int = 0) -> pd.DataFrame:
    """Documents of seed-corpus words drawn with their own frequencies (Zipf-like)."""
    words = [t for _, text in cs.load_corpus(ROOT / "seeds").texts() for t in cs.tokenize(text, normalize=False)]
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        sentences = []
        for _ in range(rng.randint(10, 40)):
            sentences.append(" ".join(rng.choices(words, k=rng.randint(6, 25))) + ".")
        docs.append({"doc_id": f"d{i:05d}", "source": f"s{i % 7}", "text": " ".join(sentences)})
    return pd.DataFrame(docs)


def timed(fn) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(n_docs: int = 2000) -> None:
    from nltk import FreqDist
    from nltk.tokenize import wordpunct_tokenize

    df = make_corpus(n_docs)
    n_tokens = sum(len(t.split()) for t in df["text"])

    def ours() -> None:
        corpus = cs.Corpus.from_dataframe(df)  # fresh corpus: no cache
        cs.word_frequencies(corpus)

    def split_counter() -> None:
        c: Counter[str] = Counter()
        for text in df["text"]:
            c.update(text.split())

    def nltk_freqdist() -> None:
        fd = FreqDist()
        for text in df["text"]:
            fd.update(wordpunct_tokenize(text))

    t_ours, t_split, t_nltk = timed(ours), timed(split_counter), timed(nltk_freqdist)
    print(f"corpus: {n_docs} documents, {n_tokens:,} tokens (generated from the seeds)")
    print(f"corpusstats word_frequencies: {t_ours:.3f} s ({n_tokens / t_ours:,.0f} tokens/s)")
    print(f"  vs str.split + Counter:        {t_ours / t_split:.1f}x the time ({t_split:.3f} s)")
    print(f"  vs NLTK FreqDist(wordpunct):   {t_ours / t_nltk:.1f}x the time ({t_nltk:.3f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
