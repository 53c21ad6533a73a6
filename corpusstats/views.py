"""Notebook displays: documents right-to-left with their date mentions highlighted.

Views show what the computations found; they compute nothing of their own beyond picking
the rows to show. ``DateView`` extracts dates only from the documents it shows.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .dates.api import _documents, date_mentions, find_dates

__all__ = ["DateView", "highlight_html"]


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
