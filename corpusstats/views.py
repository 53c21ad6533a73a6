"""Notebook displays: what a statistic looks like in Jupyter (no computation here).

:class:`Concordance` is the DataFrame :func:`corpusstats.kwic` returns: a plain
pandas DataFrame for every purpose, whose HTML view in Jupyter is a
right-to-left concordance with the matches aligned in one column and
highlighted.
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["Concordance", "concordance_html"]

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
