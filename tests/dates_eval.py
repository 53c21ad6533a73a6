"""Scoring date mentions against a hand annotation (used by tests/test_dates.py and
benchmarks/bench_dates.py; it lives with the tests, not in the package).

Two gold files live in ``tests/data/`` (see ``DATES_GUIDELINES.md`` there):

- ``dates_gold.jsonl``: one mention per line, ``doc_id``/``start``/``end``/``text``/``type``/``value``
  over the seed articles;
- ``dates_heldout.jsonl``: one sentence per line with ``text``, ``reference_date`` and its
  ``mentions``.

Scores: precision, recall and F1 on spans, *exact* (same start and end) and *overlapping*
(one-to-one matching of predicted and gold spans that share at least one character), and
value accuracy: the share of overlapping matches whose ``value`` equals the gold value
(``value_acc``), and the share of all gold mentions that are found with the right value
(``value_recall``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The seeds' anchors, as in the guidelines (003's body is anchored to 2015-10-21).
SEED_ANCHORS = {
    "000_e93f4fd7ffbfc4ee.txt": "2015-10-22",
    "001_bf43c1156c9930e4.txt": "2015-12-14",
    "002_e8b7268e21593458.txt": "2025-10-14",
    "003_fa708f07afe93bea.txt": "2015-10-21",
    "004_6279182bec594ef7.txt": "2015-10-21",
}


@dataclass(frozen=True)
class Span:
    doc: str
    start: int
    end: int
    value: Any = None
    type: str | None = None
    text: str = ""


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    value_ok: int = 0
    errors: list[tuple[str, Span | None, Span | None]] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def exact_prf(self) -> tuple[float, float, float]:
        return self._prf(self.exact, self.pred, self.gold)

    @property
    def overlap_prf(self) -> tuple[float, float, float]:
        return self._prf(self.overlap, self.pred, self.gold)

    @property
    def value_acc(self) -> float:
        return self.value_ok / self.overlap if self.overlap else 0.0

    @property
    def value_recall(self) -> float:
        return self.value_ok / self.gold if self.gold else 0.0

    def as_dict(self) -> dict[str, float | int]:
        ep, er, ef = self.exact_prf
        op, orr, of = self.overlap_prf
        return {
            "gold": self.gold,
            "pred": self.pred,
            "exact_p": ep,
            "exact_r": er,
            "exact_f1": ef,
            "overlap_p": op,
            "overlap_r": orr,
            "overlap_f1": of,
            "value_acc": self.value_acc,
            "value_recall": self.value_recall,
        }


def _norm_value(v: Any) -> Any:
    if v is None:
        return None
    try:
        import math

        if isinstance(v, float) and math.isnan(v):
            return None
    except Exception:  # pragma: no cover
        pass
    return str(v)


def score(gold: Iterable[Span], pred: Iterable[Span]) -> Score:
    """Match predicted to gold spans per document and count."""
    s = Score()
    by_doc_g: dict[str, list[Span]] = {}
    by_doc_p: dict[str, list[Span]] = {}
    for g in gold:
        by_doc_g.setdefault(g.doc, []).append(g)
    for p in pred:
        by_doc_p.setdefault(p.doc, []).append(p)
    for doc in sorted(set(by_doc_g) | set(by_doc_p)):
        gs = sorted(by_doc_g.get(doc, []), key=lambda x: (x.start, x.end))
        ps = sorted(by_doc_p.get(doc, []), key=lambda x: (x.start, x.end))
        s.gold += len(gs)
        s.pred += len(ps)
        exact_keys = {(g.start, g.end) for g in gs}
        s.exact += sum(1 for p in ps if (p.start, p.end) in exact_keys)
        # one-to-one overlap matching, exact matches first, then greedy by overlap size
        used_g: set[int] = set()
        used_p: set[int] = set()
        pairs = []
        for gi, g in enumerate(gs):
            for pi, p in enumerate(ps):
                ov = min(g.end, p.end) - max(g.start, p.start)
                if ov > 0:
                    pairs.append((-(g.start == p.start and g.end == p.end), -ov, gi, pi))
        pairs.sort()
        for _, _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            s.overlap += 1
            g, p = gs[gi], ps[pi]
            if _norm_value(g.value) == _norm_value(p.value):
                s.value_ok += 1
            else:
                s.errors.append(("value", g, p))
            if (g.start, g.end) != (p.start, p.end):
                s.errors.append(("boundary", g, p))
        for gi, g in enumerate(gs):
            if gi not in used_g:
                s.errors.append(("missed", g, None))
        for pi, p in enumerate(ps):
            if pi not in used_p:
                s.errors.append(("spurious", None, p))
    return s


# ---------------------------------------------------------------------------
# Loading the annotation
# ---------------------------------------------------------------------------


def load_seed_gold(path: str | Path) -> list[Span]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        out.append(Span(r["doc_id"], int(r["start"]), int(r["end"]), r.get("value"), r.get("type"), r.get("text", "")))
    return out


def load_heldout(path: str | Path) -> list[dict[str, Any]]:
    """Sentences: dicts with id, text, reference_date and mentions."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def heldout_gold(items: list[dict[str, Any]]) -> list[Span]:
    return [
        Span(str(it["id"]), int(m["start"]), int(m["end"]), m.get("value"), m.get("type"), m.get("text", ""))
        for it in items
        for m in it.get("mentions", [])
    ]


# ---------------------------------------------------------------------------
# Running an extractor
# ---------------------------------------------------------------------------

Extractor = Callable[[str, str], list[tuple[int, int, Any, str | None]]]


#: Sets annotated with TimeML's vague references (PRESENT_REF …) and holidays as DATEs (issue 10);
#: the older sets follow §2 of the guidelines, which leaves both out, and are scored with
#: ``vague=False, holidays=False``.
VAGUE_SETS = frozenset({"real"})


def ours(text: str, reference_date: str, vague: bool = False) -> list[tuple[int, int, Any, str | None]]:
    from corpusstats.dates import find_dates

    found = find_dates(text, reference_date, vague=vague, holidays=vague)
    return [(d["start"], d["end"], d["value"], d["type"]) for d in found]


def ours_vague(text: str, reference_date: str) -> list[tuple[int, int, Any, str | None]]:
    """Our extractor as issue 10 defines it: vague references and holidays included."""
    return ours(text, reference_date, vague=True)


def run_on_seeds(extract: Extractor, seeds_dir: str | Path, docs: Iterable[str] | None = None) -> list[Span]:
    out = []
    for doc, anchor in SEED_ANCHORS.items():
        if docs is not None and doc not in docs:
            continue
        text = (Path(seeds_dir) / doc).read_text(encoding="utf-8")
        for s, e, v, t in extract(text, anchor):
            out.append(Span(doc, s, e, v, t, text[s:e]))
    return out


def run_on_heldout(extract: Extractor, items: list[dict[str, Any]]) -> list[Span]:
    out = []
    for it in items:
        text = it["text"]
        for s, e, v, t in extract(text, it["reference_date"]):
            out.append(Span(str(it["id"]), s, e, v, t, text[s:e]))
    return out


def find_seeds_dir(start: str | Path | None = None) -> Path | None:
    """The repository's ``seeds/`` folder (relative to this file or to *start*)."""
    here = Path(start) if start else Path(__file__).resolve().parent.parent
    cand = here / "seeds"
    return cand if (cand / "000_e93f4fd7ffbfc4ee.txt").exists() else None
