"""Date extraction speed: corpusstats against dateparser's ``search_dates``, in one run.

    python benchmarks/bench_dates_speed.py [--full]

Two corpora, both built here from ``seeds/`` (nothing downloaded):

- the five seed articles repeated four times (about 0.2 MB);
- a generated corpus of about 10 MB: 2,000-odd documents, each a shuffle of seed paragraphs
  (a fixed random seed, so every run reads the same text) with the numbers in it changed.

Both systems read the same documents one at a time with the same anchor. dateparser
(``search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": anchor})``) reads the seeds
and, unless ``--full`` is given, the first megabyte of the generated corpus (about 80 s per
10 MB on this kind of machine); its speed is characters per second, so the ratio holds either
way. Time is CPU time of this process (``time.process_time``), the least of three runs on the
seeds, so other work on a shared machine tilts the ratio as little as it can.
Printed: characters per second and the ratio to dateparser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpusstats.dates import find_dates  # noqa: E402

ANCHOR = "2015-10-21"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def generated_corpus(target_chars: int = 10_000_000, seed: int = 10) -> list[str]:
    """Documents of 4-12 seed paragraphs in a shuffled order, numbers changed, about ``target_chars``."""
    rng = random.Random(seed)
    paragraphs = [p for text in seed_texts() for p in text.split("\n") if p.strip()]

    def renumber(m: re.Match[str]) -> str:
        n = m.group()
        return str(rng.randint(1, 28)) if len(n) <= 2 else (str(rng.randint(1990, 2030)) if len(n) == 4 else n)

    docs, total = [], 0
    while total < target_chars:
        doc = "\n".join(re.sub(r"\d+", renumber, rng.choice(paragraphs)) for _ in range(rng.randint(4, 12)))
        docs.append(doc)
        total += len(doc)
    return docs


def ours(docs: list[str]) -> int:
    return sum(len(find_dates(d, ANCHOR)) for d in docs)


def dateparser_run(docs: list[str]) -> int:
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(ANCHOR)
    n = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for d in docs:
            n += len(search_dates(d, languages=["ar"], settings={"RELATIVE_BASE": base}) or [])
    return n


def timed(fn, docs: list[str], repeat: int = 1) -> tuple[float, int]:
    """The least CPU time of *repeat* runs (other work on a shared machine only ever adds time)."""
    best, n = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        n = fn(docs)
        best = min(best, time.process_time() - t0)
    return best, n


def head(docs: list[str], chars: int) -> list[str]:
    out, total = [], 0
    for d in docs:
        if total >= chars:
            break
        out.append(d)
        total += len(d)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", action="store_true", help="dateparser reads the whole generated corpus too")
    args = ap.parse_args(argv)
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("dateparser not installed: pip install 'dateparser>=1.5'", file=sys.stderr)
        return 1
    find_dates("أمس", ANCHOR)  # lexicons loaded once, outside the timing
    dateparser_run(["أمس"])
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    corpora = {"seeds x4": seed_texts() * 4, "generated 10 MB": generated_corpus()}
    print(f"{'corpus':<16} {'chars':>10}  {'corpusstats':>15}  {'dateparser':>15}  ratio")
    for name, docs in corpora.items():
        chars = sum(map(len, docs))
        repeat = 3 if name == "seeds x4" else 1
        secs, _ = timed(ours, docs, repeat)
        dp_docs = docs if (args.full or name == "seeds x4") else head(docs, 1_000_000)
        dp_secs, _ = timed(dateparser_run, dp_docs, repeat)
        ours_rate = chars / secs
        dp_rate = sum(map(len, dp_docs)) / dp_secs
        sample = "" if dp_docs is docs else f"  (dateparser on the first {sum(map(len, dp_docs)):,} chars)"
        print(
            f"{name:<16} {chars:>10,}  {ours_rate:>10,.0f} ch/s  {dp_rate:>10,.0f} ch/s  "
            f"{ours_rate / dp_rate:5.1f}x{sample}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
