"""Date mentions: our extractor against dateparser on the hand annotation.

    python benchmarks/bench_dates.py [--errors] [--no-dateparser]

Scores both systems on ``tests/data/dates_gold.jsonl`` (every date expression
in the five seed articles, anchored as in ``tests/data/DATES_GUIDELINES.md``)
and on three sets of hand-written paragraphs, each with its own reference date:
``dates_heldout.jsonl`` (written with the extractor), ``dates_blind.jsonl`` and
``dates_blind2.jsonl`` (written blind by annotators who never saw the extractor),
and prints precision / recall / F1 on spans, exact
and overlapping, and value accuracy.

dateparser 1.5 runs as ``search_dates(text, languages=["ar"],
settings={"RELATIVE_BASE": anchor})``.  It returns matched substrings and
datetimes, not offsets or TIMEX3 values, so its matches are located in the
text left to right, and its value is counted correct when the gold value's
calendar part (``2015``, ``2015-10``, ``2015-10-20``, clock time if any)
equals the datetime cut to the same length.  That reading is lenient to
dateparser: it never has to choose a granularity.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import dates_eval as E  # noqa: E402

DATA = ROOT / "tests" / "data"


def dateparser_extract(text: str, reference_date: str) -> list[tuple[int, int, object, str | None]]:
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(reference_date)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": base}) or []
    out = []
    pos = 0
    for sub, when in found:
        at = text.find(sub, pos)
        if at < 0:
            at = text.find(sub)
            if at < 0:
                continue
        else:
            pos = at + len(sub)
        out.append((at, at + len(sub), when, None))
    return out


_CAL = re.compile(r"^(\d{4})(-\d{2})?(-\d{2})?(T\d{2}:\d{2})?")


def _lenient(gold: list[E.Span], pred: list[E.Span]) -> list[E.Span]:
    """Turn dateparser datetimes into the gold value where they agree at the gold's granularity."""
    by_doc: dict[str, list[E.Span]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    out = []
    for p in pred:
        value = None
        when = p.value
        for g in by_doc.get(p.doc, []):
            if min(g.end, p.end) <= max(g.start, p.start) or not isinstance(g.value, str):
                continue
            m = _CAL.match(g.value)
            if not m or not isinstance(when, dt.datetime):
                continue
            iso = when.strftime("%Y-%m-%dT%H:%M")
            cal = "".join(x for x in m.groups() if x)
            if iso.startswith(cal) and len(cal) == len(g.value.split("T")[0]) + (len(m.group(4) or "")):
                value = g.value
            elif iso[: len(cal)] == cal and g.value[len(cal) :] in ("TMO", "TAF", "TEV", "TNI", "TMI"):
                value = g.value  # part of day: dateparser has the day right
            break
        if value is None and isinstance(when, dt.datetime):
            value = when.strftime("%Y-%m-%dT%H:%M")
        out.append(E.Span(p.doc, p.start, p.end, value, p.type, p.text))
    return out


def _fmt(name: str, where: str, s: E.Score, secs: float) -> str:
    d = s.as_dict()
    return (
        f"{name:<12} {where:<8} {d['gold']:>4} {d['pred']:>4}  "
        f"{d['exact_p']:.3f} {d['exact_r']:.3f} {d['exact_f1']:.3f}   "
        f"{d['overlap_p']:.3f} {d['overlap_r']:.3f} {d['overlap_f1']:.3f}   "
        f"{d['value_acc']:.3f} {d['value_recall']:.3f}  {secs:7.2f}s"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list our misses, spurious mentions and wrong values")
    ap.add_argument("--no-dateparser", action="store_true", help="score only our extractor")
    args = ap.parse_args(argv)

    seeds = E.find_seeds_dir(ROOT)
    if seeds is None:
        print("seeds not found", file=sys.stderr)
        return 1
    gold = E.load_seed_gold(DATA / "dates_gold.jsonl")
    sentence_sets = {
        name: E.load_heldout(DATA / f"dates_{name}.jsonl")
        for name in ("heldout", "blind", "blind2", "blind3", "blind4", "blind5", "real")
    }

    systems = [("corpusstats", E.ours)]
    if not args.no_dateparser:
        try:
            import dateparser  # noqa: F401

            systems.append(("dateparser", dateparser_extract))
        except ImportError:
            print("(dateparser not installed: pip install 'dateparser>=1.5')")

    print(
        f"{'system':<12} {'set':<8} {'gold':>4} {'pred':>4}  "
        f"{'exact P/R/F1':<17}   {'overlap P/R/F1':<17}   {'value acc/rec':<13}  time"
    )
    results = {}
    for name, fn in systems:
        runs = [("seeds", lambda f: E.run_on_seeds(f, seeds), gold)]
        for where, items in sentence_sets.items():
            runs.append((where, lambda f, items=items: E.run_on_heldout(f, items), E.heldout_gold(items)))
        for where, run, g in runs:
            t0 = time.perf_counter()
            pred = run(E.ours_vague if (fn is E.ours and where in E.VAGUE_SETS) else fn)
            secs = time.perf_counter() - t0
            if name == "dateparser":
                pred = _lenient(g, pred)
            s = E.score(g, pred)
            results[(name, where)] = s
            print(_fmt(name, where, s, secs))
    if args.errors:
        for where in ("seeds", *sentence_sets):
            s = results[("corpusstats", where)]
            print(f"\n-- corpusstats errors on {where}: {len(s.errors)}")
            for kind, g, p in s.errors:
                gs = f"{g.doc}:{g.start}-{g.end} {g.text!r} {g.value}" if g else "-"
                ps = f"{p.start}-{p.end} {p.text!r} {p.value}" if p else "-"
                print(f"{kind:<9} gold {gs} | ours {ps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
