"""Notebook displays: right-to-left styling and readable tables.

Import it separately (``from corpusstats import views``); ``import corpusstats``
does not load it.

- :func:`rtl_style`: the CSS JupyterLab lacks for Arabic paragraphs inside
  ``<div dir="rtl">`` (flush right), for inline code inside them (isolated,
  left to right) and for code blocks (left to right).  ``make lab`` loads the
  same rules as JupyterLab's custom CSS, so notebooks are right-to-left from the
  moment they open; the cell is for other front ends (nbconvert, VS Code) and
  hides its own empty output row.
- :func:`table`: a DataFrame as a small HTML table fit for Arabic: each cell
  takes its direction from its own text (Arabic right to left and flush right,
  Latin and numbers left to right), missing values blank instead of
  ``NaN``/``NaT``/``None``, floats rounded, whole-day dates as ``YYYY-MM-DD``,
  long texts cut at their logical end with "…" (which then sits on the left of
  Arabic text, where it belongs).
- :class:`Concordance`: the DataFrame :func:`corpusstats.kwic` returns: a plain
  pandas DataFrame for every purpose, whose HTML view in Jupyter is a
  right-to-left concordance with the matches aligned in one column and
  highlighted (:func:`concordance_html`).
- :class:`DateView` / :func:`highlight_html`: documents right to left with their
  date mentions highlighted; ``DateView`` extracts dates only from the
  documents it shows (the date extractor loads on first use).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from importlib import resources
from typing import Any

import pandas as pd

__all__ = [
    "RTL_CSS",
    "rtl_css",
    "rtl_style",
    "table",
    "DECIMALS",
    "Concordance",
    "concordance_html",
    "DateView",
    "highlight_html",
]

#: decimals shown per column by :func:`table` (others: its ``decimals`` argument)
DECIMALS = {"per_10k": 1, "ttr": 3, "zipf_exponent": 2, "zipf_r_squared": 2}
#: the CSS class of the style element :func:`rtl_style` writes (its output row hides itself)
RTL_CSS = "cs-rtl"


def rtl_css() -> str:
    """The CSS rules (also JupyterLab's custom CSS under ``make lab``): ``corpusstats/data/rtl.css``."""
    return resources.files("corpusstats.data").joinpath("rtl.css").read_text(encoding="utf-8")


class _HTML:
    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "<corpusstats right-to-left style (shown as HTML in a notebook)>"


def rtl_style() -> _HTML:
    """The right-to-left CSS as a notebook display; its own (empty) output row is hidden.

    >>> "text-align: start" in rtl_style()._repr_html_()
    True
    """
    hide_row = f".jp-OutputArea-child:has(style.{RTL_CSS}) {{ display: none; }}"
    return _HTML(f'<style class="{RTL_CSS}">\n{rtl_css()}\n{hide_row}\n</style>')


def _is_whole_days(values: pd.Series) -> bool:
    v = values.dropna()
    return bool((v == v.dt.normalize()).all())


def table(
    df: pd.DataFrame,
    *,
    decimals: int = 2,
    max_chars: int | None = 80,
    index: bool = False,
    caption: str | None = None,
) -> Any:
    """``df`` as an HTML table that reads right in a notebook (a pandas ``Styler``).

    - every cell's direction comes from its text (CSS ``unicode-bidi: plaintext``),
      so Arabic reads right to left and sits flush right, Latin and numbers left;
    - missing values are blank; floats show :data:`DECIMALS` for known columns
      (``per_10k`` 1, ``ttr`` 3) and ``decimals`` otherwise; datetime columns
      holding whole days show ``YYYY-MM-DD``;
    - strings longer than ``max_chars`` are cut at their logical end with "…";
    - ``index=False`` hides a default 0..n-1 index.

    The data are not changed: this is a view.
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"table() expects a pandas DataFrame, got {type(df).__name__}")
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be a whole number >= 0, got {decimals!r}")
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 2):
        raise ValueError(f"max_chars must be None or a whole number >= 2, got {max_chars!r}")

    def cut(value: Any) -> Any:
        if isinstance(value, str) and max_chars is not None and len(value) > max_chars:
            return value[: max_chars - 1].rstrip() + "…"
        return value

    formats: dict[Any, Any] = {}
    for col in df.columns:
        s = df[col]
        if pd.api.types.is_float_dtype(s):
            formats[col] = f"{{:.{DECIMALS.get(str(col), decimals)}f}}"
        elif pd.api.types.is_datetime64_any_dtype(s):
            fmt = "%Y-%m-%d" if _is_whole_days(s) else "%Y-%m-%d %H:%M"
            formats[col] = lambda v, fmt=fmt: v.strftime(fmt)
        elif s.dtype == object or pd.api.types.is_string_dtype(s):
            formats[col] = cut
    styler = df.style.format(formats, na_rep="")
    cell = [("unicode-bidi", "plaintext"), ("text-align", "start"), ("white-space", "pre-wrap")]
    styler = styler.set_table_styles([{"selector": "td", "props": cell}, {"selector": "th", "props": cell}])
    # numbers line up on the right, as in any table; numbers and dates never wrap (2015-10-22 stays whole)
    right = [("text-align", "right"), ("font-variant-numeric", "tabular-nums"), ("white-space", "nowrap")]
    whole = [("white-space", "nowrap")]
    per_column = {}
    for col in df.columns:
        s = df[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            per_column[col] = [{"selector": "td", "props": right}]
        elif pd.api.types.is_datetime64_any_dtype(s):
            per_column[col] = [{"selector": "td", "props": whole}]
    if per_column:  # column rules (#T td.colN) outrank the table-wide ones (#T td)
        styler = styler.set_table_styles(per_column, overwrite=False)
    if not index and isinstance(df.index, pd.RangeIndex):
        styler = styler.hide(axis="index")
    if caption:
        styler = styler.set_caption(caption)
    return styler


# --- concordance ------------------------------------------------------------------


_CSS = (
    "<style>"
    ".cs-kwic{direction:rtl;border-collapse:collapse;font-size:1.05em}"
    ".cs-kwic td{padding:2px 6px;white-space:nowrap;border:none}"
    ".cs-kwic td.cs-before{text-align:left}"
    ".cs-kwic td.cs-after{text-align:right}"
    ".cs-kwic td.cs-match{text-align:center;font-weight:bold;background:#fff3b0;color:#000}"
    ".cs-kwic td.cs-doc{color:#888;font-size:0.8em;direction:ltr}"
    "</style>"
)


def concordance_html(df: pd.DataFrame, *, max_rows: int = 200) -> str:
    """An HTML table showing a KWIC frame right to left.

    Each row reads, from right to left: the document, the text before the
    match (``left``), the highlighted match, the text after it (``right``).
    The context cells are aligned towards the match, so the matches form one
    column, as in a printed concordance.
    """
    missing = [c for c in ("doc_id", "left", "match", "right") if c not in df.columns]
    if missing:
        raise ValueError(f"concordance_html needs columns doc_id, left, match, right; missing {missing}")
    rows = []
    for doc, before, match, after in df[["doc_id", "left", "match", "right"]].head(max_rows).itertuples(index=False):
        rows.append(
            "<tr>"
            f'<td class="cs-doc">{html.escape(str(doc))}</td>'
            f'<td class="cs-before" dir="rtl">{html.escape(str(before))}</td>'
            f'<td class="cs-match" dir="rtl">{html.escape(str(match))}</td>'
            f'<td class="cs-after" dir="rtl">{html.escape(str(after))}</td>'
            "</tr>"
        )
    more = f"<p>{len(df) - max_rows} more rows not shown</p>" if len(df) > max_rows else ""
    return f'{_CSS}<table class="cs-kwic" dir="rtl">{"".join(rows)}</table>{more}'


class Concordance(pd.DataFrame):
    """A KWIC table (see :func:`corpusstats.kwic`): a DataFrame shown right to left in Jupyter.

    Everything else is plain pandas; ``pd.DataFrame(conc)`` gives the bare frame.
    """

    @property
    def _constructor(self):  # type: ignore[no-untyped-def]
        return Concordance

    def _repr_html_(self) -> str | None:  # type: ignore[override]
        if not {"doc_id", "left", "match", "right"} <= set(self.columns):
            return pd.DataFrame(self)._repr_html_()
        return f"<div>{concordance_html(self)}<p>{len(self)} rows</p></div>"


# --- date mentions -----------------------------------------------------------------


# ---------------------------------------------------------------------------
# HTML view for notebooks
# ---------------------------------------------------------------------------

_TYPE_COLOURS = {"DATE": "#fde68a", "TIME": "#bfdbfe", "DURATION": "#bbf7d0", "SET": "#fbcfe8"}


def highlight_html(
    text: str,
    mentions: pd.DataFrame | Iterable[dict] | None = None,
    *,
    reference_date: Any = None,
    title: str | None = None,
) -> str:
    """HTML for *text*, right-to-left, with its date mentions highlighted.

    Each mention is a ``<mark>`` whose ``title`` (shown on hover) gives the type
    and value.  *mentions* defaults to ``find_dates(text, reference_date)``.
    """
    if mentions is None:
        from .dates.api import find_dates

        rows = find_dates(text, reference_date)
    elif isinstance(mentions, pd.DataFrame):
        rows = mentions.to_dict("records")
    else:
        rows = list(mentions)
    rows = sorted(rows, key=lambda r: (int(r["start"]), -int(r["end"])))
    parts = []
    pos = 0
    for r in rows:
        s, e = int(r["start"]), int(r["end"])
        if s < pos or e > len(text):
            continue
        parts.append(html.escape(text[pos:s]))
        value = r.get("value")
        tip = f"{r.get('type')}: {value if isinstance(value, str) else '?'}"
        colour = _TYPE_COLOURS.get(str(r.get("type")), "#e5e7eb")
        parts.append(
            f'<mark class="cs-date cs-{html.escape(str(r.get("type")).lower())}" '
            f'title="{html.escape(tip, quote=True)}" data-value="{html.escape(str(value), quote=True)}" '
            f'style="background:{colour};border-radius:3px;padding:0 2px">{html.escape(text[s:e])}</mark>'
        )
        pos = e
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>\n")
    # <bdi>: a Latin file name must not be reordered inside the right-to-left block
    head = f'<div style="font-weight:bold;margin-bottom:.5em"><bdi>{html.escape(title)}</bdi></div>' if title else ""
    return (
        '<div class="cs-dateview" dir="rtl" lang="ar" '
        'style="direction:rtl;text-align:right;unicode-bidi:plaintext;line-height:1.9;'
        "font-family:'Noto Naskh Arabic','Amiri','DejaVu Sans',serif\">"
        f"{head}{body}</div>"
    )


class DateView:
    """Jupyter view of documents with their date mentions highlighted.

    ``DateView(corpus)`` or ``DateView("نص", reference_date=...)``; select
    documents with ``doc_ids``.  Renders right-to-left; hover a mention to see
    its TIMEX3 value.
    """

    def __init__(
        self,
        corpus_or_text: Any,
        *,
        reference_date: Any = None,
        doc_ids: Iterable[Any] | None = None,
        max_docs: int = 20,
    ):
        from .dates.api import _documents, date_mentions

        if not isinstance(max_docs, int) or isinstance(max_docs, bool):
            raise TypeError(f"max_docs must be an int, not {type(max_docs).__name__}")
        if max_docs < 1:
            raise ValueError(f"max_docs must be at least 1, not {max_docs}")
        if isinstance(corpus_or_text, str):
            docs = pd.DataFrame({"doc_id": [None], "source": [None], "text": [corpus_or_text]})
        else:
            docs = _documents(corpus_or_text)
        if doc_ids is not None:
            docs = docs[docs["doc_id"].isin(list(doc_ids))]
        # only the documents shown are read for dates
        self.docs = docs.head(max_docs)
        if isinstance(corpus_or_text, str):
            self.mentions = date_mentions(corpus_or_text, reference_date=reference_date)
        else:
            self.mentions = date_mentions(self.docs, reference_date=reference_date)
        self.max_docs = max_docs

    def _repr_html_(self) -> str:
        blocks = []
        for rec in self.docs.itertuples(index=False):
            d = rec._asdict()
            doc_id = d.get("doc_id")
            if doc_id is None:
                ms = self.mentions[self.mentions["doc_id"].isna()]
            else:
                ms = self.mentions[self.mentions["doc_id"] == doc_id]
            title = None if doc_id is None else f"{doc_id} — {d.get('source') or ''} ({len(ms)} mentions)"
            blocks.append(highlight_html(d.get("text") or "", ms, title=title))
        return '<div class="cs-dateviews">' + "<hr>".join(blocks) + "</div>"

    def __repr__(self) -> str:
        return f"DateView({len(self.docs)} documents, {len(self.mentions)} mentions)"
