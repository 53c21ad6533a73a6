"""Scale: all cores against one, the Dask engine against the local one, peak memory as the corpus grows.

On corpora written by ``_corpus.write_corpus`` (200 ``.txt`` files with a ``sources.csv``), every
run is a fresh process that loads the corpus and computes ``word_frequencies(by="source")``;
the clock starts after the imports. Baselines, printed as ratios in one run:

- ``local_1``: the local engine on one thread (``counts.WORKERS = 1``) against ``local_all``
  (threads on every core, the default);
- ``dask``: ``engine="dask"`` with no client, so a process ``LocalCluster`` (one worker a core)
  is started and closed inside the timed call, against ``local_all``;
- peak RSS of ``local_all`` at the first size against the second (target: at most 1.2x).

Then streaming: a JSON Lines file written on the fly (the paragraphs of a 100 MB generated corpus,
one record each, written ``k`` times over with ids and sources of their own: the vocabulary stays
that of 100 MB, the number of records and bytes grows) is counted by
``word_frequencies(scan_corpus(file), by="source")`` without a Corpus, at 100 MB and 1 GB; the
peak RSS of the two runs is compared (target: the 1 GB run under 1 GB RSS).

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_scale.py [MB MB]`` (default 100 500);
``--stream`` runs only the streaming part.
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


def run_one(method: str, folder: Path) -> dict:
    import corpusstats as cs
    from corpusstats import counts

    if method == "scan":
        t0 = time.perf_counter()
        freq = cs.word_frequencies(cs.scan_corpus(folder), by="source")
        seconds = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"load_s": 0.0, "count_s": seconds, "rss_mb": rss, "rows": len(freq)}

    engine = "dask" if method == "dask" else "local"
    if method == "local_1":
        counts.WORKERS = 1
    if engine == "dask":
        import distributed  # noqa: F401  (imported before the clock, like corpusstats)
    t0 = time.perf_counter()
    corpus = cs.load_corpus(folder, progress=False)
    t1 = time.perf_counter()
    freq = cs.word_frequencies(corpus, by="source", engine=engine)
    t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"load_s": t1 - t0, "count_s": t2 - t1, "rss_mb": rss, "rows": len(freq)}


def measure(method: str, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", method, str(folder)], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(sizes: list[float]) -> None:
    sys.path.insert(0, str(HERE))
    from _corpus import write_corpus

    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, ", end="")
    print(f"{os.cpu_count()} cores")
    print("| corpus | method | load (s) | count (s) | peak RSS (MB) |")
    print("|---|---|---:|---:|---:|")
    rss = {}
    for i, mb in enumerate(sizes):
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_corpus(Path(tmp) / "corpus", mb)
            size = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
            methods = ["local_all", "local_1", "dask"] if i == 0 else ["local_all"]
            results = {m: measure(m, folder) for m in methods}
        for m, r in results.items():
            print(f"| {size:.0f} MB | {m} | {r['load_s']:.1f} | {r['count_s']:.1f} | {r['rss_mb']:.0f} |")
        assert len({r["rows"] for r in results.values()}) == 1, "engines disagree on the number of rows"
        if i == 0:
            one, allc, dask = results["local_1"], results["local_all"], results["dask"]
            print(f"one thread / all cores, count time: {one['count_s'] / allc['count_s']:.2f}x")
            print(f"dask LocalCluster (startup included) / local, count time: {dask['count_s'] / allc['count_s']:.2f}x")
        rss[size] = results["local_all"]["rss_mb"]
    if len(rss) == 2:
        (s0, r0), (s1, r1) = rss.items()
        print(f"peak RSS {s1:.0f} MB / {s0:.0f} MB corpus: {r1 / r0:.2f}x (target <= 1.2x)")


def write_jsonl(folder: Path, out: Path, times: int) -> int:
    """The paragraphs of the ``.txt`` files of ``folder`` as JSON Lines records, ``times`` over; returns bytes."""
    paragraphs = [p for f in sorted(folder.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n") if p]
    with open(out, "w", encoding="utf-8") as fh:
        for k in range(times):
            for i, p in enumerate(paragraphs):
                fh.write(json.dumps({"doc_id": f"{k}-{i}", "source": f"s{(i + k) % 7}", "text": p}, ensure_ascii=False))
                fh.write("\n")
    return out.stat().st_size


def stream() -> None:
    sys.path.insert(0, str(HERE))
    from _corpus import write_corpus

    print("\nstreaming word_frequencies(scan_corpus(jsonl), by='source'):")
    print("| JSON Lines | records | count (s) | peak RSS (MB) |")
    print("|---|---:|---:|---:|")
    rss = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(Path(tmp) / "corpus", 100)
        for times in (1, 10):
            out = Path(tmp) / f"dump{times}.jsonl"
            size = write_jsonl(folder, out, times)
            n = sum(1 for _ in open(out, "rb"))
            r = measure("scan", out)
            out.unlink()
            print(f"| {size / 1e9:.2f} GB | {n:,} | {r['count_s']:.1f} | {r['rss_mb']:.0f} |")
            rss.append(r["rss_mb"])
    print(f"peak RSS 10x the records / 1x: {rss[1] / rss[0]:.2f}x; 1 GB run under 1 GB RSS: {rss[1] < 1024}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(run_one(sys.argv[2], Path(sys.argv[3]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "--stream":
        stream()
    else:
        main([float(a) for a in sys.argv[1:]] or [100, 500])
        stream()
