"""The public API: ``find_dates`` for one string, ``date_mentions`` for a corpus."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import pandas as pd

from .._progress import progress_bar
from .lexicon import _is_trigger, fold
from .parser import _Parser

#: Columns of the DataFrame returned by :func:`date_mentions`, in order.
COLUMNS = [
    "doc_id",
    "source",
    "start",
    "end",
    "text",
    "type",
    "value",
    "granularity",
    "calendar",
    "relative",
    "anchor",
]


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _to_date(x: Any) -> dt.date | None:
    if x is None:
        return None
    try:
        if pd.isna(x):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(x, dt.datetime):
        return x.date()
    if isinstance(x, dt.date):
        return x
    ts = pd.Timestamp(x)
    if pd.isna(ts):
        return None
    return ts.date()


def find_dates(
    text: str, reference_date: Any = None, *, vague: bool = True, holidays: bool = True
) -> list[dict[str, Any]]:
    """Date mentions in one string, as a list of dicts (no doc_id/source).

    Offsets point into *text* itself. ``vague=False`` drops TimeML's vague references
    (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``: الآن، مؤخراً، الفترة المقبلة);
    ``holidays=False`` leaves holidays (عيد الفطر، المولد النبوي، عيد الميلاد) and a Hijri
    month named alone (شهر رمضان) unread, as the annotation before issue 10 did.

    >>> [(d["text"], d["value"]) for d in find_dates("وصل أمس", "2015-10-22")]
    [('أمس', '2015-10-21')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates() expects a str, not {type(text).__name__}")
    for name, flag in (("vague", vague), ("holidays", holidays)):
        if not isinstance(flag, bool):
            raise TypeError(f"{name} must be True or False, not {flag!r}")
    if not text:
        return []
    anchor = _to_date(reference_date)
    folded, omap = fold(text)
    out = []
    for a, b in _windows(folded):
        parser = _Parser(folded[a:b], anchor, vague, holidays)
        parser.orig, parser.omap = text, omap[a:b]
        for m in parser.parse():
            if m.j <= m.i:
                continue
            # spans cover whole words: a glued proclitic (بالأمس, و22) is inside
            fs = parser.toks[m.i].s
            fe = parser.toks[m.j - 1].e
            if fe <= fs:
                continue
            start = int(omap[a + fs])
            end = int(omap[a + fe - 1]) + 1
            # keep trailing harakat/tatweel (غداً) inside the span
            while end < len(text) and (text[end] == "\u0640" or unicodedata.category(text[end]) == "Mn"):
                end += 1
            out.append(
                {
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "type": m.type,
                    "value": m.value,
                    "granularity": m.granularity,
                    "calendar": m.calendar,
                    "relative": bool(m.relative),
                    "anchor": pd.Timestamp(anchor) if anchor else pd.NaT,
                }
            )
    return out


#: a sentence: up to and including its end mark (not the . of 6.2), or a line without one
_SENTENCE_RE = re.compile(r"[^\n]*?(?:[.!?\u061f\u061b;\u2026\u06d4](?![0-9])|(?=\n)|$)")
_HAS_DIGIT_RE = re.compile(r"[0-9]")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _windows(folded: str) -> list[tuple[int, int]]:
    """The pre-filter's first stage: runs of consecutive sentences that hold a number or a time word.

    A sentence with neither has no mention, and the rules that look beyond a sentence (a year
    lent to a later month, a repeated weekday) look at mentions, which only candidate sentences
    have; a window ends where a sentence without one lies between, and at every line break."""
    windows: list[tuple[int, int]] = []
    for m in _SENTENCE_RE.finditer(folded):
        part = m.group()
        if not (_HAS_DIGIT_RE.search(part) or any(_is_trigger(w) for w in set(_WORD_RE.findall(part)))):
            continue
        gap = folded[windows[-1][1] : m.start()] if windows else "x"
        if windows and gap.strip() == "" and "\n" not in gap:
            windows[-1] = (windows[-1][0], m.end())  # the next sentence of the same line
        else:
            windows.append((m.start(), m.end()))
    return windows


def _documents(obj: Any) -> pd.DataFrame:
    docs = getattr(obj, "documents", None)
    if isinstance(docs, pd.DataFrame):
        return docs
    if isinstance(obj, pd.DataFrame):
        return obj
    raise TypeError(f"date_mentions() expects a Corpus, a DataFrame or a str, not {type(obj).__name__}")


def date_mentions(
    corpus_or_text: Any,
    *,
    reference_date: Any = None,
    vague: bool = True,
    holidays: bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Find, resolve and normalize every date expression.

    Parameters
    ----------
    corpus_or_text:
        A :class:`~corpusstats.corpus.Corpus`, a DataFrame with ``doc_id``,
        ``source``, ``text`` and optionally ``date``/``anchor_date`` columns,
        or a plain string (then ``doc_id`` and ``source`` are null).
    reference_date:
        Anchor for relative expressions (أمس، الثلاثاء، الشهر الماضي) in a
        string, and for documents whose own ``anchor_date``/``date`` is
        missing.  A document's own date always wins.
    vague:
        Report TimeML's vague references (الآن، حالياً → ``PRESENT_REF``; مؤخراً، في الآونة
        الأخيرة → ``PAST_REF``; الفترة المقبلة → ``FUTURE_REF``), as HeidelTime does. They
        have no calendar period, so :func:`mention_periods` and the charts skip them.
        ``vague=False`` drops them.
    holidays:
        Read holidays as the day they fall on (عيد الفطر، عيد الأضحى، رأس السنة الهجرية،
        المولد النبوي، عيد الميلاد; ``data/dates/holidays.tsv``), Hijri ones by Umm al-Qura
        in the year written after them or nearest the anchor; a Hijri month named alone
        (``شهر رمضان``) is the month around the anchor. ``holidays=False`` skips both.
    progress:
        A progress bar over the documents: True, False, or None (only for
        big corpora in a terminal or notebook, never under CI).

    Returns
    -------
    DataFrame with columns :data:`COLUMNS`, sorted by ``doc_id`` then
    ``start``.  ``value`` is TIMEX3-style (``2015-10-20``, ``2015-10``,
    ``2015``, ``2014-Q4``, ``2019-08-19T20:06``, ``2015-10-20TEV``, ``P5Y``,
    ``PT24H``, ``XXXX-WXX-5``, ``PAST_REF``), null when it cannot be
    resolved; ``start``/``end`` index the original text.

    >>> date_mentions("قبل نحو 5 سنوات", reference_date="2015-10-22")[["text", "type", "value"]].values.tolist()
    [['قبل نحو 5 سنوات', 'DATE', '2010']]
    """
    rows: list[dict[str, Any]] = []
    if isinstance(corpus_or_text, str):
        for r in find_dates(corpus_or_text, reference_date, vague=vague, holidays=holidays):
            rows.append({"doc_id": None, "source": None, **r})
    else:
        docs = _documents(corpus_or_text)
        fallback = _to_date(reference_date)
        has_anchor = "anchor_date" in docs.columns
        has_date = "date" in docs.columns
        size = int(docs["text"].fillna("").str.len().sum()) if "text" in docs.columns else 0
        bar = progress_bar(progress, total=len(docs), size=size, desc="dates", unit="doc")
        for rec in docs.itertuples(index=False):
            bar.update(1)
            d = rec._asdict()
            anchor = _to_date(d.get("anchor_date")) if has_anchor else None
            if anchor is None and has_date:
                anchor = _to_date(d.get("date"))
            if anchor is None:
                anchor = fallback
            for r in find_dates(
                text if isinstance(text := d.get("text"), str) else "", anchor, vague=vague, holidays=holidays
            ):
                rows.append({"doc_id": d.get("doc_id"), "source": d.get("source"), **r})
        bar.close()
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["relative"] = df["relative"].astype(bool)
    df["anchor"] = pd.to_datetime(df["anchor"])
    for c in ("doc_id", "source", "text", "type", "value", "granularity", "calendar"):
        df[c] = df[c].astype(object).where(df[c].notna(), None)
    if len(df):
        df = df.sort_values(["doc_id", "start", "end"], kind="stable", na_position="first").reset_index(drop=True)
    return df
