"""Speed and memory of the counting core against named baselines, on a generated corpus.

For each size (20 MB and 100 MB of text in 200 files, written by ``_corpus.write_corpus``),
every method runs in a fresh process: imports first, then the clock starts; the process's peak
RSS is read at the end. Ratios are "baseline time / our time" (above 1: we are faster).

- corpusstats ``word_frequencies(load_corpus(dir))``, also with ``clitics=True`` and ``by="doc_id"``;
- NLTK ``FreqDist(wordpunct_tokenize(text))`` over the same files (the usual Python recipe);
- scikit-learn ``CountVectorizer`` (its default token pattern, summed over documents);
- ``str.split`` + ``Counter`` (no normalization at all: the floor);
- ``mawk`` counting whitespace-separated words (a C program, no Unicode logic).

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_counts.py [MB ...]``.
"""

from __future__ import annotations

import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def run_one(method: str, folder: Path) -> dict:
    """Run one method in this process and return its time, peak RSS and number of counted types."""
    if method.startswith("corpusstats"):
        import corpusstats as cs

        opts = {"corpusstats": {}, "corpusstats_clitics": {"clitics": True}, "corpusstats_by_doc": {"by": "doc_id"}}[
            method
        ]
        t0 = time.perf_counter()
        f = cs.word_frequencies(cs.load_corpus(folder), **opts)
        n = len(f)
    elif method == "nltk":
        from nltk import FreqDist
        from nltk.tokenize import wordpunct_tokenize

        t0 = time.perf_counter()
        fd = FreqDist()
        for text in _texts(folder):
            fd.update(wordpunct_tokenize(text))
        n = len(fd)
    elif method == "sklearn":
        from sklearn.feature_extraction.text import CountVectorizer

        t0 = time.perf_counter()
        v = CountVectorizer()
        m = v.fit_transform(_texts(folder))
        m.sum(axis=0)
        n = m.shape[1]
    elif method == "mawk":
        exe = shutil.which("mawk")
        if exe is None:
            return {"seconds": float("nan"), "rss_mb": float("nan"), "types": 0}
        prog = "{for(i=1;i<=NF;i++) c[$i]++} END{n=0; for(w in c) n++; print n}"
        files = sorted(str(p) for p in folder.glob("*.txt"))
        t0 = time.perf_counter()
        out = subprocess.run([exe, prog, *files], capture_output=True, text=True, check=True).stdout
        seconds = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"seconds": seconds, "rss_mb": rss, "types": int(out.strip() or 0)}
    elif method == "split_counter":
        from collections import Counter

        t0 = time.perf_counter()
        c: Counter[str] = Counter()
        for text in _texts(folder):
            c.update(text.split())
        n = len(c)
    else:
        raise ValueError(f"unknown method {method!r}")
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rss_mb": rss, "types": n}


def measure(method: str, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", method, str(folder)], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


METHODS = ["corpusstats", "corpusstats_clitics", "corpusstats_by_doc", "nltk", "sklearn", "split_counter", "mawk"]


def main(sizes: list[float]) -> None:
    sys.path.insert(0, str(HERE))
    from _corpus import write_corpus

    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, ", end="")
    import os

    print(f"{os.cpu_count()} cores")
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_corpus(Path(tmp) / "corpus", mb)
            size = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
            results = {m: measure(m, folder) for m in METHODS}
        ours = results["corpusstats"]
        print(f"\n{size:.0f} MB in 200 files; {ours['types']:,} types")
        print("| method | time (s) | peak RSS (MB) | NLTK time / this time |")
        print("|---|---:|---:|---:|")
        nltk_t = results["nltk"]["seconds"]
        for m in METHODS:
            r = results[m]
            print(f"| {m} | {r['seconds']:.2f} | {r['rss_mb']:.0f} | {nltk_t / r['seconds']:.1f}x |")
        by_doc = results["corpusstats_by_doc"]["rss_mb"] / ours["rss_mb"]
        print(f"by='doc_id' peak RSS / by=None peak RSS: {by_doc:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(run_one(sys.argv[2], Path(sys.argv[3]))))
    else:
        main([float(a) for a in sys.argv[1:]] or [20, 100])
