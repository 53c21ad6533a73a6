"""Collocations against NLTK on a generated corpus: speed, peak memory, same top pairs.

    collocations(corpus, window=1, min_count=5)          (corpusstats, from a fresh Corpus: counting included)
    BigramCollocationFinder.from_documents(sentences)     (NLTK, given the sentence token lists ready-made)
      + apply_freq_filter(5) + score_ngrams(likelihood_ratio)

Each side runs in its own process (so peak RSS is its own), on the same corpus:
20 MB and 100 MB of UTF-8 text in 200 files, written by ``_corpus.write_corpus``
(seed words with a growing tail), loaded with ``load_corpus`` before any clock
starts. NLTK runs twice: as its users run it from text (sentences split at the
same breaks, ``wordpunct_tokenize``, no normalization, so its pairs differ;
tokenizing timed), and handed the very sentence token lists corpusstats counts
(read off its token stream before the clock starts), where its top 100 pairs by
log-likelihood must be ours.
Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_collocations.py [MB ...]``.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TOP = 100


def texts_of(folder: str) -> tuple[object, list[str]]:
    """The generated corpus (``_corpus.write_corpus``), loaded; not timed."""
    import corpusstats as cs

    corpus = cs.load_corpus(folder)
    return corpus, corpus.documents["text"].tolist()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(folder: str) -> dict:
    import corpusstats as cs

    corpus, texts = texts_of(folder)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    del texts
    t0 = time.perf_counter()
    res = cs.collocations(corpus, window=1, min_count=5)  # a fresh corpus: counting included
    seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    cs.collocations(corpus, window=1, min_count=5)  # the token stream is cached on the corpus now
    warm = time.perf_counter() - t0
    stream = cs.count_terms(corpus).stream
    top = res.head(TOP)
    return {
        "mb": size,
        "tokens": int(len(stream.ids)),
        "pairs": int(len(res)),
        "seconds": seconds,
        "warm": warm,
        "rss": peak_rss_mb(),
        "top": [[a, b, s] for a, b, s in zip(top["w1"], top["w2"], top["llr"], strict=True)],
        "cut": float(res["llr"].iloc[TOP - 1]),
    }


def run_nltk(folder: str, from_text: bool = False) -> dict:
    import numpy as np
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.tokenize import wordpunct_tokenize

    import corpusstats as cs
    from corpusstats.arabic import SENTENCE_BREAK_RE

    corpus, texts = texts_of(folder)
    if from_text:  # what an NLTK user writes: split sentences, wordpunct_tokenize, all timed
        del corpus
        t0 = time.perf_counter()
        sentences = [wordpunct_tokenize(s) for text in texts for s in SENTENCE_BREAK_RE.split(text)]
        sentences = [s for s in sentences if s]
    else:  # the very sentence token lists corpusstats counts, made before the clock starts
        stream = cs.count_terms(corpus).stream
        words = stream.vocab[stream.ids].tolist()
        starts = np.asarray(stream.sent_starts).tolist()
        sentences = [words[a:b] for a, b in zip(starts[:-1], starts[1:], strict=True)]
        del corpus, stream, words, texts
        t0 = time.perf_counter()
    finder = BigramCollocationFinder.from_documents(sentences)
    finder.apply_freq_filter(5)
    scored = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "rss": peak_rss_mb(),
        "pairs": len(scored),
        "top": [[a, b, s] for (a, b), s in scored[:TOP]],
        "cut": scored[TOP - 1][1],
    }


def same_top(ours: dict, theirs: dict) -> bool:
    """Same top-100 pairs, allowing only pairs tied with the 100th score to swap places at the cut."""
    a = {(x, y) for x, y, _ in ours["top"]}
    b = {(x, y) for x, y, _ in theirs["top"]}
    if a == b:
        return True
    cut = theirs["cut"]
    diff = [s for x, y, s in ours["top"] + theirs["top"] if ((x, y) in a) != ((x, y) in b)]
    return all(abs(s - cut) <= 1e-9 * abs(cut) for s in diff)


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return []


def child(side: str, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", side, str(folder)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main(sizes: list[float]) -> None:
    cpu = next((ln.split(":", 1)[1].strip() for ln in _cpuinfo() if ln.startswith("model name")), platform.machine())
    print(f"machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        "| corpus | tokens | NLTK baseline | NLTK | corpusstats, counting included | ratio "
        "| corpusstats, stream cached | ratio | peak RSS ours / NLTK | pairs (>= 5) ours / NLTK | same top 100 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    from _corpus import write_corpus

    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_corpus(Path(tmp) / "corpus", mb)
            results = [child(side, folder) for side in ("ours", "nltk-text", "nltk")]
        ours = results[0]
        for theirs, side, label in (
            (results[1], "nltk-text", "tokenizes the text (wordpunct)"),
            (results[2], "nltk", "given our sentence lists"),
        ):
            if side == "nltk":
                same = "yes" if same_top(ours, theirs) and ours["pairs"] == theirs["pairs"] else "NO"
            else:
                same = "n/a (other tokens)"
            print(
                f"| {ours['mb']:.0f} MB | {ours['tokens']:,} | {label} | {theirs['seconds']:.2f} s "
                f"| {ours['seconds']:.2f} s | {theirs['seconds'] / ours['seconds']:.1f}x faster "
                f"| {ours['warm']:.2f} s | {theirs['seconds'] / ours['warm']:.0f}x faster "
                f"| {ours['rss']:.0f} MB / {theirs['rss']:.0f} MB | {ours['pairs']:,} / {theirs['pairs']:,} | {same} |",
                flush=True,
            )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        mode, where = sys.argv[2], sys.argv[3]
        result = run_ours(where) if mode == "ours" else run_nltk(where, from_text=mode == "nltk-text")
        print(json.dumps(result))
    else:
        main([float(a) for a in sys.argv[1:]] or [20.0, 100.0])
