"""Charts of source-by-source statistics (:mod:`corpusstats.sources`).

Each takes the DataFrame of its statistic (plots never compute statistics) and
``ax=None``, draws, and returns the Axes; none calls ``show()``. Groups are
named by the ``label`` column where the frame has one (the manifest's display
names), else by the group column itself.

- :func:`term_heatmap`: :func:`corpusstats.term_usage` as terms × groups, per 10k, cells annotated.
- :func:`keyness`: :func:`corpusstats.keyness`, target against reference, like quanteda's ``textplot_keyness``.
- :func:`dispersion`: :func:`corpusstats.positions`, each occurrence along its document, like
  AntConc's plot view and quanteda's ``textplot_xray``.
- :func:`spelling`: :func:`corpusstats.spelling_variants`, variant shares per group, one block per feature.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._charts import _check_columns, _font_kw, _get_ax, _labeler

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["term_heatmap", "keyness", "dispersion", "spelling", "FEATURE_NAMES"]

_USAGE = ("term", "count", "per_10k", "tokens", "docfreq")
_SPELLING = ("feature", "variant", "count", "share", "example")
_VALUE_NAMES = {"per_10k": "لكل 10 آلاف كلمة", "count": "عدد المرات", "docfreq": "عدد الوثائق"}

#: Arabic names of the spelling features, for chart labels.
FEATURE_NAMES = {
    "final_ya": "الياء في آخر الكلمة",
    "hamza_alef": "همزة الألف",
    "teh_marbuta": "التاء المربوطة",
    "tanween_alef": "تنوين الفتح",
    "digits": "الأرقام",
    "quotes": "علامات التنصيص",
}


def _group_column(df: pd.DataFrame, standard: Sequence[str]) -> str | None:
    extra = [c for c in df.columns if c not in standard and c != "label"]
    return str(extra[0]) if extra else None


def _names(df: pd.DataFrame, by: str) -> pd.Series:
    """group -> display name (the ``label`` column where present)."""
    first = df.drop_duplicates(by).set_index(by)
    if "label" in df.columns:
        return first["label"].astype(object).where(first["label"].notna(), first.index.astype(str).to_series())
    return pd.Series(first.index.astype(str), index=first.index)


def _legend(ax: Axes, **kw) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.font_manager import FontProperties

    from ._fonts import font_family

    ax.legend(prop=FontProperties(family=font_family(), size="small"), frameon=False, **kw)


def term_heatmap(
    usage: pd.DataFrame,
    *,
    value: str = "per_10k",
    ax: Axes | None = None,
    title: str | None = "المصطلحات في كل مصدر",
    cmap: str = "Blues",
    annotate: bool = True,
    colorbar: bool = True,
    rtl: bool = True,
) -> Axes:
    """Terms (rows, in the frame's order) × groups (columns), coloured and annotated by ``value``.

    ``usage`` is :func:`corpusstats.term_usage` with a ``by`` column. With
    ``rtl`` the first group is on the right and the term names on the right.
    """
    by = _group_column(usage, _USAGE)
    if by is None:
        raise ValueError("term_heatmap needs term_usage(..., by=...) with a group column")
    _check_columns(usage, (by, "term", value), "term_heatmap")
    terms = list(dict.fromkeys(usage["term"]))
    groups = list(dict.fromkeys(usage[by]))
    names = _names(usage, by)
    grid = usage.pivot_table(index="term", columns=by, values=value, aggfunc="sum", fill_value=0)
    grid = grid.reindex(index=terms, columns=groups, fill_value=0)
    data = grid.to_numpy(dtype=float)
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    im = ax.imshow(data if data.size else np.zeros((1, 1)), aspect="auto", cmap=cmap, interpolation="nearest")
    ax.set_xticks(range(len(groups)), [lab(str(names[g])) for g in groups], **fonts)
    ax.set_yticks(range(len(terms)), [lab(t) for t in terms], **fonts)
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    ax.tick_params(length=0)
    if annotate and data.size:
        hi = data.max() or 1.0
        fmt = "{:,.0f}" if value in ("count", "docfreq") else "{:,.1f}"
        for r in range(data.shape[0]):
            for c in range(data.shape[1]):
                ax.text(
                    c,
                    r,
                    fmt.format(data[r, c]),
                    ha="center",
                    va="center",
                    fontsize="small",
                    color="white" if data[r, c] > 0.6 * hi else "black",
                )
    if colorbar and data.size:
        cb = ax.figure.colorbar(im, ax=ax, location="left" if rtl else "right", shrink=0.8)
        cb.set_label(lab(_VALUE_NAMES.get(value, value)), **fonts)
    if title:
        ax.set_title(lab(title), **fonts)
    return ax


def keyness(
    key: pd.DataFrame,
    *,
    n: int = 12,
    target: str = "الهدف",
    reference: str = "المرجع",
    ax: Axes | None = None,
    title: str | None = "الكلمات المفتاحية",
    colors: tuple[str, str] = ("C0", "C7"),
    significant_only: bool = False,
) -> Axes:
    """The ``n`` most key terms of the target and of the reference, as signed G² bars.

    ``key`` is :func:`corpusstats.keyness` (sorted by ``llr``). Target terms
    (positive G²) on top, bars to the right; reference terms (negative) below,
    bars to the left; each bar is labelled with the term's ``form`` at its
    base, as quanteda's ``textplot_keyness`` does. ``target`` and
    ``reference`` name the two sides in the legend (e.g. the outlet's label).
    """
    _check_columns(key, ("term", "llr"), "keyness")
    k = key[key["significant"]] if significant_only and "significant" in key.columns else key
    k = k.sort_values(["llr", "term"], ascending=[False, True], kind="stable")
    top = k[k["llr"] > 0].head(n)
    bottom = k[k["llr"] < 0].tail(n)
    rows = pd.concat([top, bottom])
    words = rows["form"] if "form" in rows.columns else rows["term"]
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    y = np.arange(len(rows))
    vals = rows["llr"].to_numpy(dtype=float)
    pos = vals > 0
    ax.barh(y[pos], vals[pos], color=colors[0], height=0.75, label=lab(target))
    ax.barh(y[~pos], vals[~pos], color=colors[1], height=0.75, label=lab(reference))
    span = float(np.abs(vals).max()) if len(vals) else 1.0
    pad = span * 0.02
    for yi, v, w in zip(y, vals, words, strict=True):
        # the word beside the bar's base, on the side away from the bar
        ax.text(
            -pad if v > 0 else pad,
            yi,
            lab(str(w)),
            ha="right" if v > 0 else "left",
            va="center",
            fontsize="small",
            **fonts,
        )
    ax.axvline(0, color="0.3", lw=0.8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks([])
    room = span * 0.3  # for the words beside the bars' bases
    hi = float(vals[pos].max()) if pos.any() else 0.0
    lo = float(-vals[~pos].min()) if (~pos).any() else 0.0
    ax.set_xlim(-(lo + room) * 1.05, (hi + room) * 1.05)
    ax.set_xlabel(lab("نسبة الأرجحية G² (بإشارة)"), **fonts)
    if title:
        ax.set_title(lab(title), **fonts)
    _legend(ax, loc="lower right")
    for side in ("top", "left", "right"):
        ax.spines[side].set_visible(False)
    return ax


def dispersion(
    pos: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = "مواضع الكلمات في كل نص",
    rtl: bool = True,
) -> Axes:
    """Each occurrence as a tick along its document (one row per document, one colour per term).

    ``pos`` is :func:`corpusstats.positions`. Rows are named by ``label``
    (else ``source``, else ``doc_id``). With ``rtl`` the start of a text is on
    the right, where an Arabic reader starts.
    """
    _check_columns(pos, ("doc_id", "term", "position"), "dispersion (pass corpusstats.positions(...))")
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    docs = list(dict.fromkeys(pos["doc_id"]))
    terms = list(dict.fromkeys(pos["term"]))
    name_col = "label" if "label" in pos.columns else ("source" if "source" in pos.columns else "doc_id")
    names = pos.drop_duplicates("doc_id").set_index("doc_id")[name_col].astype(str)
    m = max(len(terms), 1)
    band = 0.8 / m
    for j, term in enumerate(terms):
        sub = pos[pos["term"] == term]
        row = sub["doc_id"].map({d: i for i, d in enumerate(docs)}).to_numpy(dtype=float)
        centre = row - 0.4 + band * (j + 0.5)
        ax.vlines(
            sub["position"].to_numpy(dtype=float),
            centre - band * 0.45,
            centre + band * 0.45,
            color=f"C{j % 10}",
            lw=1.2,
            label=lab(term),
        )
    for i in range(1, len(docs)):
        ax.axhline(i - 0.5, color="0.85", lw=0.6)
    ax.set_yticks(range(len(docs)), [lab(names[d]) for d in docs], **fonts)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", "25%", "50%", "75%", "100%"])
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    ax.set_xlabel(lab("الموضع في النص (من بدايته)"), **fonts)
    if title:
        ax.set_title(lab(title), **fonts)
    _legend(ax, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=min(m, 5))
    return ax


def spelling(
    variants: pd.DataFrame,
    *,
    features: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str | None = "عادات الكتابة في كل مصدر",
    rtl: bool = True,
) -> Axes:
    """Variant shares per group, one block of 100% bars per feature.

    Each segment is labelled with the group's most frequent word written that
    way (the ``example`` column: فى against في), which shows the variant in use.

    ``variants`` is :func:`corpusstats.spelling_variants` with a ``by``
    column. ``features`` picks and orders the blocks (default: all, in the
    frame's order). A group without any word of a feature gets an empty bar.
    """
    by = _group_column(variants, _SPELLING)
    if by is None:
        raise ValueError("spelling needs spelling_variants(..., by=...) with a group column")
    _check_columns(variants, (by, "feature", "variant", "share"), "spelling")
    feats = list(features) if features is not None else list(dict.fromkeys(variants["feature"]))
    unknown = [f for f in feats if f not in set(variants["feature"])]
    if unknown:
        raise ValueError(f"spelling: no feature {unknown} in the frame; it has {sorted(set(variants['feature']))}")
    groups = list(dict.fromkeys(variants[by]))
    names = _names(variants, by)
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    yticks, ylabels, y = [], [], 0.0
    heads = []
    for feat in feats:
        sub = variants[variants["feature"] == feat]
        order = list(dict.fromkeys(sub["variant"]))
        heads.append((y, feat))
        y += 1
        for g in groups:
            left = 0.0
            rows = sub[sub[by] == g].set_index("variant")
            for k, var in enumerate(order):
                share = float(rows.loc[var, "share"]) if var in rows.index else float("nan")
                if not share or np.isnan(share):
                    continue
                ax.barh(y, share, left=left, height=0.8, color=f"C{k}", alpha=0.35, edgecolor="white", lw=0.5)
                word = str(rows.loc[var, "example"]) if "example" in rows.columns else ""
                if share >= 0.07 and (word or var):
                    ax.text(
                        left + share / 2,
                        y,
                        lab(word or var),
                        ha="center",
                        va="center",
                        fontsize="medium",
                        color="black",
                        **fonts,
                    )
                left += share
            yticks.append(y)
            ylabels.append(lab(str(names[g])))
            y += 1
        y += 0.4
    for yh, feat in heads:
        ax.text(
            0.0,
            yh,
            lab(FEATURE_NAMES.get(feat, feat)),
            ha="right" if rtl else "left",
            va="center",
            **fonts,
        )
    ax.set_yticks(yticks, ylabels, **fonts)
    ax.set_ylim(y - 0.4, -0.8)
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", "25%", "50%", "75%", "100%"])
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    ax.set_xlabel(lab("حصة كل صيغة"), **fonts)
    if title:
        ax.set_title(lab(title), **fonts)
    for side in ("top", "left", "right"):
        ax.spines[side].set_visible(False)
    return ax
