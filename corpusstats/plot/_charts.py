"""Chart functions: a statistics DataFrame in, a drawn Axes out.

Each function takes the DataFrame of the matching statistic and an optional
``ax``, draws, and returns the Axes.  None calls ``show()``.  Every string
that reaches matplotlib goes through :func:`corpusstats.plot.arabic`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ._fonts import font_family, font_path
from ._text import arabic, visual_order

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["frequencies", "zipf", "compare_sources", "wordcloud", "build_wordcloud"]

_FREQ_COLUMNS = ("term", "form", "count", "per_10k", "rank", "docfreq")
_VALUE_LABELS = {
    "count": "عدد المرات",
    "per_10k": "لكل 10 آلاف كلمة",
    "docfreq": "عدد الوثائق",
}


# --- helpers ---------------------------------------------------------------------


def _get_ax(ax: Axes | None) -> Axes:
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


def _backend_for(ax: Axes) -> str | None:
    """The backend that will draw ``ax``: cairo if its figure has a cairo canvas."""
    canvas = ax.figure.canvas
    return "cairo" if "cairo" in type(canvas).__module__ else None


def _labeler(ax: Axes):  # type: ignore[no-untyped-def]
    backend = _backend_for(ax)
    return lambda s: arabic(s, backend=backend)


def _font_kw() -> dict[str, Any]:
    return {"fontfamily": font_family()}


def _check_columns(df: pd.DataFrame, needed: Sequence[str], what: str) -> None:
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise ValueError(f"{what} needs columns {list(needed)}; missing {missing} in {list(df.columns)}")


def _group_column(freq: pd.DataFrame) -> str | None:
    """The ``by`` column of a word_frequencies table (the first non-standard column), if any."""
    extra = [c for c in freq.columns if c not in _FREQ_COLUMNS]
    return str(extra[0]) if extra else None


def _single_group(freq: pd.DataFrame, what: str) -> pd.DataFrame:
    by = _group_column(freq)
    if by is not None and freq[by].nunique() > 1:
        raise ValueError(
            f"{what} draws one frequency table, got {freq[by].nunique()} groups in column {by!r}; "
            f"select one (freq[freq[{by!r}] == ...]) or use compare_sources"
        )
    return freq


def _display(freq: pd.DataFrame) -> pd.Series:
    """``term`` → what to show for it: the ``form`` column (the corpus's own spelling) when there is one."""
    col = "form" if "form" in freq.columns else "term"
    return pd.Series(freq[col].to_numpy(), index=freq["term"].to_numpy()).groupby(level=0).first()


def _top(freq: pd.DataFrame, value: str, n: int) -> pd.DataFrame:
    return freq.sort_values([value, "term"], ascending=[False, True], kind="stable").head(n)


# --- charts ----------------------------------------------------------------------


def frequencies(
    freq: pd.DataFrame,
    *,
    n: int = 20,
    value: str = "count",
    ax: Axes | None = None,
    title: str | None = "الكلمات الأكثر تكرارا",
    xlabel: str | None = None,
    color: str = "C0",
    rtl: bool = True,
    annotate: bool = True,
) -> Axes:
    """Horizontal bars of the ``n`` most frequent terms, the most frequent on top.

    ``freq`` is a :func:`corpusstats.word_frequencies` table (one group).
    ``value`` is the column drawn (``count``, ``per_10k`` or ``docfreq``).
    With ``rtl`` (default) the chart reads right to left: terms on the right,
    bars growing leftwards.  ``annotate`` writes each value at its bar's end.
    """
    _check_columns(freq, ("term", value), "frequencies")
    top = _top(_single_group(freq, "frequencies"), value, n)
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    ypos = np.arange(len(top))
    bars = ax.barh(ypos, top[value].to_numpy(), color=color, height=0.7)
    shown = _display(top)
    ax.set_yticks(ypos, [lab(shown[t]) for t in top["term"]], **fonts)
    ax.set_ylim(len(top) - 0.5, -0.5)  # first row on top
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    if annotate and len(top):
        fmt = "{:,.0f}" if value in ("count", "docfreq") else "{:,.1f}"
        ax.bar_label(bars, labels=[fmt.format(v) for v in top[value]], padding=3, fontsize="small")
        ax.margins(x=0.12)
    ax.set_xlabel(lab(xlabel if xlabel is not None else _VALUE_LABELS.get(value, value)), **fonts)
    if title:
        ax.set_title(lab(title), **fonts)
    for side in ("top", "left" if rtl else "right"):
        ax.spines[side].set_visible(False)
    return ax


def zipf(
    freq: pd.DataFrame,
    *,
    fit: dict[str, float] | None = None,
    ax: Axes | None = None,
    title: str | None = "قانون زيبف: الرتبة والتكرار",
) -> Axes:
    """Rank/frequency on log-log axes with the fitted Zipf line.

    ``freq`` is a :func:`corpusstats.word_frequencies` table; with a group
    column (``by="source"``) each group gets its own points and line.
    ``fit`` (one group only) is a :func:`corpusstats.zipf_fit` result; by
    default it is computed.  Ranks are positions 1..n in descending count,
    as in ``zipf_fit``.
    """
    from corpusstats.frequency import zipf_fit

    _check_columns(freq, ("count",), "zipf")
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    by = _group_column(freq)
    groups = [(None, freq)] if by is None else list(freq.groupby(by, sort=True))
    if fit is not None and len(groups) > 1:
        raise ValueError("zipf: pass fit= only for a single frequency table")
    for i, (key, g) in enumerate(groups):
        counts = np.sort(g["count"].to_numpy(dtype=float))[::-1]
        counts = counts[counts > 0]
        ranks = np.arange(1, len(counts) + 1)
        f = fit if fit is not None else zipf_fit(g)
        color = f"C{i % 10}"
        name = "" if key is None else f"{key}: "
        # thousands of points: rasterized, so an SVG/PDF stays small
        ax.plot(
            ranks,
            counts,
            ".",
            ms=3,
            alpha=0.5,
            color=color,
            rasterized=len(counts) > 300,
            label=None if key is not None else lab(f"{len(counts)} كلمة مختلفة"),
        )
        if not math.isnan(f["exponent"]):
            line = 10 ** (f["intercept"] - f["exponent"] * np.log10(ranks))
            ax.plot(
                ranks,
                line,
                "-",
                lw=1.5,
                color="k" if key is None else color,
                label=lab(f"{name}α = {f['exponent']:.2f}, R² = {f['r_squared']:.2f}"),
            )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(lab("الرتبة"), **fonts)
    ax.set_ylabel(lab("التكرار"), **fonts)
    if title:
        ax.set_title(lab(title), **fonts)
    from matplotlib.font_manager import FontProperties

    ax.legend(prop=FontProperties(family=font_family(), size="small"), frameon=False)
    ax.grid(True, which="major", alpha=0.3)
    return ax


def compare_sources(
    freq: pd.DataFrame,
    *,
    terms: Sequence[str] | None = None,
    n: int = 10,
    value: str = "per_10k",
    by: str | None = None,
    ax: Axes | None = None,
    title: str | None = "الكلمات نفسها في كل مصدر",
    rtl: bool = True,
) -> Axes:
    """Grouped horizontal bars: the same terms across sources (or any ``by`` group).

    ``freq`` is ``word_frequencies(corpus, by="source")``.  ``terms`` default
    to the ``n`` with the largest total count over all groups (ties by term).
    ``value`` defaults to ``per_10k`` so that sources of different sizes
    compare; a term a source never uses counts 0 there.
    """
    by = by or _group_column(freq)
    if by is None:
        raise ValueError("compare_sources needs a table with a group column, e.g. word_frequencies(c, by='source')")
    _check_columns(freq, (by, "term", "count", value), "compare_sources")
    if terms is None:
        totals = freq.groupby("term", sort=True)["count"].sum().reset_index()
        terms = list(totals.sort_values(["count", "term"], ascending=[False, True], kind="stable")["term"].head(n))
    terms = list(terms)
    table = (
        freq[freq["term"].isin(terms)]
        .pivot_table(index="term", columns=by, values=value, aggfunc="sum", fill_value=0)
        .reindex(index=terms, fill_value=0)
    )
    groups = sorted(freq[by].unique(), key=str)
    table = table.reindex(columns=groups, fill_value=0)
    ax = _get_ax(ax)
    lab = _labeler(ax)
    fonts = _font_kw()
    m = max(len(groups), 1)
    height = 0.8 / m
    ypos = np.arange(len(terms))
    for j, g in enumerate(groups):
        ax.barh(
            ypos - 0.4 + height * (j + 0.5),
            table[g].to_numpy(dtype=float),
            height=height,
            color=f"C{j % 10}",
            label=lab(str(g)),
        )
    shown = _display(freq[freq["term"].isin(terms)])
    ax.set_yticks(ypos, [lab(shown.get(t, t)) for t in terms], **fonts)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    ax.set_xlabel(lab(_VALUE_LABELS.get(value, value)), **fonts)
    if title:
        ax.set_title(lab(title), **fonts)
    from matplotlib.font_manager import FontProperties

    ax.legend(
        prop=FontProperties(family=font_family(), size="small"),
        frameon=False,
        loc="lower left" if rtl else "lower right",
    )
    for side in ("top", "left" if rtl else "right"):
        ax.spines[side].set_visible(False)
    return ax


def build_wordcloud(
    freq: pd.DataFrame,
    *,
    n: int = 150,
    value: str = "count",
    width: int = 800,
    height: int = 400,
    font: str | None = None,
    colormap: str = "viridis",
    background: str = "white",
    random_state: int = 0,
):  # type: ignore[no-untyped-def]
    """The laid-out ``wordcloud.WordCloud`` that :func:`wordcloud` draws (same arguments).

    Its ``layout_`` lists each word as drawn, with size and position; its
    ``to_image()`` is the picture.
    """
    from PIL import features
    from wordcloud import WordCloud

    _check_columns(freq, ("term", value), "wordcloud")
    top = _top(_single_group(freq, "wordcloud"), value, n)
    top = top[top[value] > 0]
    if top.empty:
        raise ValueError("wordcloud: no terms with a positive value")
    # Pillow draws the words: it shapes only with raqm, else pre-shape here.
    shapes = features.check("raqm")
    shown = _display(top)
    words = {
        (shown[t] if shapes else visual_order(shown[t])): float(v) for t, v in zip(top["term"], top[value], strict=True)
    }
    path = font if font and font.lower().endswith((".ttf", ".otf", ".ttc")) else font_path(font)
    return WordCloud(
        font_path=path,
        width=width,
        height=height,
        background_color=background,
        colormap=colormap,
        random_state=random_state,
        prefer_horizontal=1.0,
        max_words=len(words),
        relative_scaling=0.5,
        margin=4,
    ).generate_from_frequencies(words)


def wordcloud(
    freq: pd.DataFrame,
    *,
    n: int = 150,
    value: str = "count",
    ax: Axes | None = None,
    width: int = 800,
    height: int = 400,
    font: str | None = None,
    colormap: str = "viridis",
    background: str = "white",
    random_state: int = 0,
    title: str | None = None,
) -> Axes:
    """A word cloud of the ``n`` most frequent terms, Arabic shaped, for class use.

    Drawn by the ``wordcloud`` package, which renders words with Pillow.
    Pillow shapes Arabic only when its raqm layout works
    (``PIL.features.check("raqm")``, needs libfribidi); otherwise each word is
    pre-shaped here.  ``font`` is a family name or a font file (default: the
    first family of :func:`corpusstats.plot.font_family`, which must cover
    Arabic).  The layout is deterministic for a given ``random_state``.  Words
    are never rotated.
    """
    wc = build_wordcloud(
        freq,
        n=n,
        value=value,
        width=width,
        height=height,
        font=font,
        colormap=colormap,
        background=background,
        random_state=random_state,
    )
    ax = _get_ax(ax)
    ax.imshow(wc.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    if title:
        ax.set_title(_labeler(ax)(title), **_font_kw())
    return ax
