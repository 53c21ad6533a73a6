"""Charts of collocations: a node's strongest collocates, and a network of strong pairs.

Both take the DataFrame of :func:`corpusstats.collocations` (plots never
compute statistics), draw on ``ax`` (or the current Axes) and return it;
neither calls ``show()``. Every Arabic label goes through
:func:`corpusstats.plot.arabic`.

>>> from corpusstats import load_corpus, collocations           # doctest: +SKIP
>>> c = load_corpus("seeds")                                    # doctest: +SKIP
>>> collocates(collocations(c, node="موسكو", window=5))        # doctest: +SKIP
>>> collocation_network(collocations(c, stopwords=True))        # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._charts import _check_columns, _font_kw, _get_ax, _labeler

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["collocates", "collocation_network"]

_MEASURE_LABELS = {
    "llr": "نسبة الأرجحية (G²)",
    "pmi": "المعلومات المتبادلة (PMI)",
    "logdice": "logDice",
    "t": "t-score",
    "o11": "عدد مرات الاقتران",
}
_GROUP_COLUMNS = ("w1", "w2", "form1", "form2", "position", "o11", "f1", "f2", "n", "e11")


def _one_group(df: pd.DataFrame, what: str) -> None:
    from corpusstats.collocations import MEASURES

    extra = [c for c in df.columns if c not in _GROUP_COLUMNS and c not in MEASURES]
    for col in extra:
        if df[col].nunique(dropna=False) > 1:
            raise ValueError(f"{what} draws one group, got {df[col].nunique()} in column {col!r}; select one")


def _strongest(df: pd.DataFrame, measure: str, n: int) -> pd.DataFrame:
    return df.sort_values([measure, "o11", "w1", "w2"], ascending=[False, False, True, True], kind="stable").head(n)


def collocates(
    df: pd.DataFrame,
    *,
    measure: str = "llr",
    n: int = 20,
    ax: Axes | None = None,
    title: str | None = None,
    color_before: str = "C0",
    color_after: str = "C1",
) -> Axes:
    """Bars of the strongest collocates by ``measure``.

    With a node table (``collocations(..., node=W, window=K)``, a ``position``
    column): the node's ``n`` strongest collocates on each side, in Arabic
    reading order: the words that come *before* the node (``position ==
    "left"``) on the right half, those that come *after* it on the left half,
    strongest at the top. Without a node: the ``n`` strongest pairs ``w1 w2``,
    right to left like :func:`corpusstats.plot.frequencies`.
    """
    _check_columns(df, ("w1", "w2", "o11", measure), "collocates")
    _one_group(df, "collocates")
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    forms2 = df["form2"] if "form2" in df.columns else df["w2"]
    if "position" not in df.columns:
        top = _strongest(df, measure, n)
        forms1 = top["form1"] if "form1" in top.columns else top["w1"]
        labels = [f"{a} {b}" for a, b in zip(forms1, forms2.loc[top.index], strict=True)]
        y = np.arange(len(top))
        ax.barh(y, top[measure].to_numpy(), color=color_before, height=0.7)
        ax.set_yticks(y, [lab(t) for t in labels], **fonts)
        ax.set_ylim(len(top) - 0.5, -0.5)
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.set_xlabel(lab(_MEASURE_LABELS.get(measure, measure)), **fonts)
        ax.set_title(lab(title if title is not None else "أقوى المتلازمات اللفظية"), **fonts)
        for side in ("top", "left"):
            ax.spines[side].set_visible(False)
        return ax
    nodes = df["form1"].unique() if "form1" in df.columns else df["w1"].unique()
    if len(nodes) > 1:
        raise ValueError(f"collocates draws one node, got {len(nodes)}; select one (df[df['w1'] == ...])")
    node = str(nodes[0]) if len(nodes) else ""
    before = _strongest(df[df["position"] == "left"], measure, n)
    after = _strongest(df[df["position"] == "right"], measure, n)
    top_value = float(max([*before[measure], *after[measure], 0.0]))
    pad = 0.02 * top_value if top_value > 0 else 0.02
    for sub, sign, color, ha in ((before, 1, color_before, "left"), (after, -1, color_after, "right")):
        y = np.arange(len(sub))
        values = sub[measure].to_numpy(dtype=float)
        ax.barh(y, sign * values, color=color, height=0.7)
        for yi, v, word in zip(y, values, forms2.loc[sub.index], strict=True):
            ax.text(sign * (v + pad), yi, lab(word), ha=ha, va="center", **fonts)
    rows = max(len(before), len(after), 1)
    ax.set_ylim(rows - 0.5, -1.3)
    ax.set_yticks([])
    limit = top_value * 1.45 if top_value > 0 else 1.0
    ax.set_xlim(-limit, limit)
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.text(limit * 0.5, -1.0, lab(f"قبل «{node}»"), ha="center", va="center", color=color_before, **fonts)
    ax.text(-limit * 0.5, -1.0, lab(f"بعد «{node}»"), ha="center", va="center", color=color_after, **fonts)
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{abs(t):g}" for t in ticks])
    ax.set_xlim(-limit, limit)
    ax.set_xlabel(lab(_MEASURE_LABELS.get(measure, measure)), **fonts)
    ax.set_title(lab(title if title is not None else f"أقوى الكلمات المصاحبة لكلمة «{node}»"), **fonts)
    for side in ("top", "left", "right"):
        ax.spines[side].set_visible(False)
    return ax


def collocation_network(
    df: pd.DataFrame,
    *,
    measure: str = "llr",
    n: int = 40,
    ax: Axes | None = None,
    title: str | None = "شبكة المتلازمات اللفظية",
    seed: int = 7,
    color: str = "C0",
) -> Axes:
    """A network of the ``n`` strongest pairs: words as points, pairs as lines.

    Line width grows with ``measure``, point size with the word's frequency.
    Each connected group of words is laid out by networkx's spring layout with
    a fixed ``seed`` (words in sorted order), and the groups are packed in
    rows, largest first, so the same table always gives the same picture. Words are
    labelled with their most frequent spelling (``form1``/``form2``).
    """
    import networkx as nx

    _check_columns(df, ("w1", "w2", "o11", "f1", "f2", measure), "collocation_network")
    _one_group(df, "collocation_network")
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    top = _strongest(df, measure, n)
    forms = {}
    freq = {}
    for row in top.itertuples(index=False):
        forms.setdefault(row.w1, getattr(row, "form1", row.w1))
        forms.setdefault(row.w2, getattr(row, "form2", row.w2))
        freq[row.w1], freq[row.w2] = row.f1, row.f2
    weights: dict[tuple[str, str], float] = {}
    for a, b, v in zip(top["w1"], top["w2"], top[measure].astype(float), strict=True):
        key = (a, b) if a <= b else (b, a)
        weights[key] = max(weights.get(key, 0.0), v)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(forms))
    scale = max(weights.values(), default=1.0) or 1.0
    for (a, b), v in sorted(weights.items()):
        if a != b:
            graph.add_edge(a, b, weight=v / scale)
    pos = _packed_layout(graph, seed)
    from matplotlib.collections import LineCollection

    segments = [(pos[a], pos[b]) for a, b in graph.edges()]
    widths = [0.6 + 4.0 * graph[a][b]["weight"] for a, b in graph.edges()]
    ax.add_collection(LineCollection(segments, linewidths=widths, colors="0.55", alpha=0.7, zorder=1))
    words = list(graph.nodes())
    xy = np.array([pos[w] for w in words]) if words else np.zeros((0, 2))
    f = np.array([freq[w] for w in words], dtype=float)
    sizes = 30 + 270 * (np.sqrt(f) / np.sqrt(f.max())) if len(f) else []
    ax.scatter(xy[:, 0], xy[:, 1], s=sizes, color=color, alpha=0.35, zorder=2, linewidths=0)
    for w, (x, y) in zip(words, xy, strict=True):
        ax.text(
            x,
            y,
            lab(forms[w]),
            ha="center",
            va="center",
            zorder=3,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
            **fonts,
        )
    if len(xy):
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        margin = 0.12 * max(float((hi - lo).max()), 1e-9)
        ax.set_xlim(lo[0] - margin, hi[0] + margin)
        ax.set_ylim(lo[1] - margin, hi[1] + margin)
    ax.set_axis_off()
    if title:
        ax.set_title(lab(title), **fonts)
    return ax


def _packed_layout(graph, seed: int) -> dict:  # type: ignore[no-untyped-def]
    """Spring layout per connected component, components packed in rows (largest first)."""
    import networkx as nx

    comps = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    sides = [float(np.sqrt(len(c))) * (1.8 if len(c) > 2 else 2.0) for c in comps]
    row_width = max([*sides[:1], float(np.sqrt(sum(x * x for x in sides)) * 1.2)]) if comps else 1.0
    pos: dict = {}
    x = y = row_height = 0.0
    for comp, side in zip(comps, sides, strict=True):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        centre = np.array([x + side / 2, y - side / 2])
        if len(comp) == 1:
            local = {comp[0]: np.zeros(2)}
        elif len(comp) == 2:
            local = {comp[0]: np.array([0.3 * side, 0.0]), comp[1]: np.array([-0.3 * side, 0.0])}
        else:
            sub = graph.subgraph(comp)
            local = nx.spring_layout(sub, seed=seed, weight="weight", scale=0.4 * side, iterations=200)
        for word in comp:
            pos[word] = centre + np.asarray(local[word], dtype=float)
        x += side
        row_height = max(row_height, side)
    return pos
