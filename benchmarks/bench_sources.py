"""Speed of keyness and term_usage against a plain pandas/Counter computation, on a generated corpus.

Named baseline ("Counter + pandas"): what a script without corpusstats does with the same tokens —
``cs.tokenize`` per document (the same normalized tokens), a ``Counter`` per source, the 2×2 G² in numpy
over a pandas table (keyness); and for term usage a Python scan of each sentence's token list, trying the
longest entry first at each position (the same leftmost-longest rule, one count per occurrence).

Two timings each: from a fresh corpus (tokenizing included on both sides) and on counts made once
(corpusstats: a TermCounts; baseline: the token lists kept), since statistics are usually run many times
on one count. The results are checked equal before anything is timed.
The corpus is ``benchmarks/_corpus.py``'s (500 files, 2.5 MB by default).
Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_sources.py [megabytes]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter

import numpy as np
import pandas as pd
from _corpus import write_corpus

import corpusstats as cs
from corpusstats.arabic import sentence_breaks

GROUPS = {
    "الأسد": ["الأسد", "بشار الأسد", "الرئيس السوري"],
    "بوتين": ["بوتين", "الرئيس الروسي"],
    "موسكو": ["موسكو"],
    "داعش": ["داعش", "تنظيم الدولة", "الدولة الإسلامية"],
}


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def sentences(text: str) -> list[list[str]]:
    """Normalized tokens per sentence, by the package's own tokenizer and sentence breaks."""
    out, prev = [], 0
    for b in [*sentence_breaks(text), len(text)]:
        toks = cs.tokenize(text[prev:b])
        if toks:
            out.append(toks)
        prev = b
    return out


def baseline_tokens(df: pd.DataFrame) -> list[list[list[str]]]:
    return [sentences(t) for t in df["text"]]


def baseline_keyness(df: pd.DataFrame, toks: list[list[list[str]]], target: str) -> pd.DataFrame:
    counts: dict[str, Counter[str]] = {}
    for src, doc in zip(df["source"], toks, strict=True):
        c = counts.setdefault(src, Counter())
        for sent in doc:
            c.update(sent)
    a = pd.Series(counts[target])
    b = pd.Series(sum((c for s, c in counts.items() if s != target), Counter()))
    t = pd.concat({"a": a, "b": b}, axis=1).fillna(0)
    t = t[(t["a"] + t["b"]) >= 3]
    A, B = float(a.sum()), float(b.sum())
    N = A + B
    row = t["a"] + t["b"]
    g2 = np.zeros(len(t))
    for obs, exp in [
        (t["a"], A * row / N),
        (t["b"], B * row / N),
        (A - t["a"], A * (N - row) / N),
        (B - t["b"], B * (N - row) / N),
    ]:
        g2 += np.where(obs > 0, obs * np.log(np.where(obs > 0, obs, 1) / exp), 0)
    t["llr"] = 2 * g2 * np.sign(t["a"] / A - t["b"] / B)
    return t.sort_values("llr", ascending=False)


def baseline_usage(df: pd.DataFrame, toks: list[list[list[str]]]) -> pd.DataFrame:
    entries = {name: sorted((cs.tokenize(e) for e in es), key=len, reverse=True) for name, es in GROUPS.items()}
    rows = Counter()
    for src, doc in zip(df["source"], toks, strict=True):
        for name, seqs in entries.items():
            for sent in doc:
                i = 0
                while i < len(sent):
                    for seq in seqs:
                        if sent[i : i + len(seq)] == seq:
                            rows[(src, name)] += 1
                            i += len(seq)
                            break
                    else:
                        i += 1
    return pd.Series(rows).rename("count")


def main(megabytes: float = 2.5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        df = cs.load_corpus(write_corpus(tmp, megabytes, files=500)).documents
    n_docs = len(df)
    corpus = cs.Corpus.from_dataframe(df)
    tc = cs.count_terms(corpus)
    toks = baseline_tokens(df)
    n_tokens = int(tc.doc_tokens.sum())
    target = "s0"

    # the same answers first
    ours_k = cs.keyness(tc, target).set_index("term")
    base_k = baseline_keyness(df, toks, target)
    assert len(ours_k) == len(base_k) and np.allclose(ours_k.loc[base_k.index, "llr"], base_k["llr"])
    ours_u = cs.term_usage(tc, GROUPS).set_index(["source", "term"])["count"]
    base_u = baseline_usage(df, toks)
    assert all(ours_u.get(k, 0) == v for k, v in base_u.items()) and ours_u.sum() == base_u.sum()

    def fresh() -> cs.Corpus:
        return cs.Corpus.from_dataframe(df)  # no cache

    rows = [
        (
            "keyness, fresh corpus",
            timed(lambda: cs.keyness(fresh(), target)),
            timed(lambda: baseline_keyness(df, baseline_tokens(df), target)),
        ),
        (
            "keyness, counted once",
            timed(lambda: cs.keyness(tc, target)),
            timed(lambda: baseline_keyness(df, toks, target)),
        ),
        (
            "term_usage, fresh corpus",
            timed(lambda: cs.term_usage(fresh(), GROUPS)),
            timed(lambda: baseline_usage(df, baseline_tokens(df))),
        ),
        ("term_usage, counted once", timed(lambda: cs.term_usage(tc, GROUPS)), timed(lambda: baseline_usage(df, toks))),
    ]
    print(f"corpus: {n_docs} documents, {megabytes} MB, {n_tokens:,} tokens, 7 sources (benchmarks/_corpus.py)")
    print(f"baseline: Counter + pandas (same tokens, same rules); {len(GROUPS)} term groups, target {target!r}")
    for name, ours, base in rows:
        print(f"{name:26s} corpusstats {ours:7.3f} s   baseline {base:7.3f} s   speed-up {base / ours:6.1f}x")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.5)
