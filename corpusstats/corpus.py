"""The corpus: documents with metadata, read from files or a DataFrame, and a load report.

Every file under the root is accounted for in :attr:`Corpus.report`: loaded,
empty or skipped with its reason. Nothing is dropped in silence.
"""

from __future__ import annotations

import codecs
import csv
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import readers
from ._progress import progress_bar

__all__ = ["Corpus", "load_corpus", "decode_bytes", "MANIFEST_NAME", "REPORT_COLUMNS"]

MANIFEST_NAME = "sources.csv"
DOCUMENT_COLUMNS = ["doc_id", "source", "date", "text"]
REPORT_COLUMNS = ["path", "status", "encoding", "reason", "chars", "line"]
UNKNOWN_SOURCE = "unknown"

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office (OLE) document"),
    (b"\x7fELF", "executable"),
]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


class DecodeError(ValueError):
    """A file's bytes are not text in any encoding we accept."""


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)``. The BOM is removed.

    With ``encoding=None``: a BOM decides (UTF-8, UTF-16, UTF-32); otherwise
    strict UTF-8; otherwise Windows-1256 if the result reads as Arabic text.
    Binary data (known magic numbers, NUL bytes) raises :class:`DecodeError`
    with the reason.

    >>> decode_bytes("سوريا".encode("cp1256"))
    ('سوريا', 'cp1256')
    >>> decode_bytes(codecs.BOM_UTF8 + "موسكو".encode())
    ('موسكو', 'utf-8-sig')
    """
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}") from None
        return text.removeprefix("\ufeff"), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).removeprefix("\ufeff"), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"has a {name} byte-order mark but is not valid {name}: {exc}") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({kind}), not text")
    if b"\x00" in data:
        for name in ("utf-16-le", "utf-16-be"):
            # UTF-16 without a BOM: ASCII/Arabic text has NUL high bytes.
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text) and _plain_share(text) >= 0.9:
                return text, name
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = data.decode("cp1256", errors="replace")
    if "\ufffd" not in text and _looks_like_text(text) and _arabic_share(text) >= 0.3:
        return text, "cp1256"
    raise DecodeError(
        f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
        "and not Arabic text in Windows-1256; pass encoding= if you know it"
    )


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0xD800 <= ord(ch) <= 0xDFFF)
    return bad / len(text) < 0.01


def _plain_share(text: str) -> float:
    """Share of characters that are ASCII, Arabic, or general punctuation."""
    if not text:
        return 1.0
    ok = sum(
        1 for ch in text if ch < "\x7f" or "\u0600" <= ch <= "\u06ff" or "\u2000" <= ch <= "\u206f" or ch == "\u00a0"
    )
    return ok / len(text)


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff") / len(letters)


@dataclass(frozen=True)
class Corpus:
    """Documents and their metadata, plus the report of how they were loaded.

    ``documents`` has one row per loaded document: ``doc_id`` (for files, the
    path relative to the root, with ``/``), ``source``, ``date`` (datetime64,
    NaT when unknown), ``text`` (the decoded file with only the BOM removed:
    every offset the package reports points into it) and any further manifest
    columns. ``report`` has one row per file looked at; see :func:`load_corpus`.
    """

    documents: pd.DataFrame
    report: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REPORT_COLUMNS))
    root: str | None = None
    _cache: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        missing = [c for c in DOCUMENT_COLUMNS if c not in self.documents.columns]
        if missing:
            raise ValueError(f"Corpus.documents needs columns {DOCUMENT_COLUMNS}; missing {missing}")
        if self.documents["doc_id"].duplicated().any():
            dups = self.documents.loc[self.documents["doc_id"].duplicated(), "doc_id"].tolist()
            raise ValueError(f"doc_id values must be unique; repeated: {dups[:5]}")
        if self.documents["text"].dtype != object:
            # Python strings, not an Arrow-backed string column: reading an Arrow column makes a new
            # str per document on every access (a second copy of the corpus, and hashes computed again)
            docs = self.documents.copy()
            docs["text"] = docs["text"].astype(object)
            object.__setattr__(self, "documents", docs)

    def fingerprint(self) -> int:
        """A hash of the documents as they read now: texts, metadata, order.

        Statistics cached on the corpus are keyed on it, so editing
        ``corpus.documents`` in place (a text, a row dropped, a source relabelled)
        is never answered from a stale cache. Python caches each string's hash, so
        this costs one pass over the rows, not over the text.
        """
        docs = self.documents
        meta = docs.drop(columns="text")
        try:
            meta_hash = int(pd.util.hash_pandas_object(meta, index=True).sum()) if len(meta.columns) else 0
        except TypeError:  # unhashable cells (lists, dicts): fall back to their text
            meta_hash = hash(meta.astype(str).to_csv())
        return hash((tuple(docs.columns), tuple(map(str, meta.dtypes)), meta_hash, tuple(docs["text"].tolist())))

    def cached(self, key: Any, compute: Any) -> Any:
        """``compute()``, remembered under ``key`` while :meth:`fingerprint` stays the same."""
        fp = self.fingerprint()
        hit = self._cache.get(key)
        if hit is not None and hit[0] == fp:
            return hit[1]
        if any(v[0] != fp for v in self._cache.values()):
            self._cache.clear()  # the documents changed: nothing cached before is valid
        value = compute()
        self._cache[key] = (fp, value)
        return value

    def __len__(self) -> int:
        return len(self.documents)

    def __repr__(self) -> str:
        n_src = self.documents["source"].nunique()
        problems = int((self.report["status"] != "loaded").sum()) if len(self.report) else 0
        where = f" from {self.root!r}" if self.root else ""
        return f"<Corpus{where}: {len(self)} documents, {n_src} sources, {problems} report rows not loaded>"

    def texts(self) -> Iterator[tuple[str, str]]:
        """Yield ``(doc_id, text)`` one document at a time."""
        yield from zip(self.documents["doc_id"], self.documents["text"], strict=True)

    @property
    def sources(self) -> pd.Series:
        """``doc_id`` → ``source``."""
        return pd.Series(self.documents["source"].to_numpy(), index=self.documents["doc_id"], name="source")

    @classmethod
    def from_dataframe(
        cls,
        df: pd.DataFrame,
        *,
        text: str = "text",
        source: str | None = "source",
        date: str | None = "date",
        doc_id: str | None = "doc_id",
    ) -> Corpus:
        """A corpus from a DataFrame with one document a row.

        ``text`` names the text column (required); ``source``, ``date`` and
        ``doc_id`` name optional columns (missing: source ``"unknown"``, date
        NaT, doc_id ``doc0001``…). Other columns are kept. Rows whose text is
        empty or missing are reported as ``empty`` and left out.
        """
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"from_dataframe expects a pandas DataFrame, got {type(df).__name__}")
        for name, value in (("text", text), ("source", source), ("date", date), ("doc_id", doc_id)):
            if not isinstance(value, str) and not (value is None and name != "text"):
                alternative = "" if name == "text" else " or be None"
                raise TypeError(f"{name} must name a column (str){alternative}, got {value!r}")
        if text not in df.columns:
            raise ValueError(f"no text column {text!r}; the DataFrame has {list(df.columns)}")
        df = df.reset_index(drop=True)
        out = pd.DataFrame(index=range(len(df)))
        if doc_id is not None and doc_id in df.columns:
            out["doc_id"] = df[doc_id].astype(str).to_numpy()
        else:
            width = max(4, len(str(len(df))))
            out["doc_id"] = [f"doc{i + 1:0{width}d}" for i in range(len(df))]
        if source is not None and source in df.columns:
            out["source"] = df[source].fillna(UNKNOWN_SOURCE).astype(str).to_numpy()
        else:
            out["source"] = UNKNOWN_SOURCE
        reasons = [""] * len(df)
        if date is not None and date in df.columns:
            raw_dates = df[date]
            parsed = pd.to_datetime(raw_dates, errors="coerce")
            bad = parsed.isna() & raw_dates.notna() & (raw_dates.astype(str).str.strip() != "")
            for i in np.flatnonzero(bad.to_numpy()):
                reasons[i] = f"date {raw_dates.iloc[i]!r} is not a date (left empty)"
            out["date"] = parsed.to_numpy()
        else:
            out["date"] = pd.NaT
        texts = df[text].to_numpy()
        out["text"] = pd.Series(
            ["" if (t is None or (isinstance(t, float) and pd.isna(t))) else str(t) for t in texts], dtype=object
        )
        used = {text, source, date, doc_id}
        for col in df.columns:
            if col not in used and col not in out.columns:
                out[col] = df[col].to_numpy()
        empty = np.array([not t.strip() for t in out["text"]], dtype=bool)
        report = pd.DataFrame(
            {
                "path": out["doc_id"].astype(object),
                "status": ["empty" if e else "loaded" for e in empty],
                "encoding": None,
                "reason": [_join(r, "text is empty") if e else r for r, e in zip(reasons, empty, strict=True)],
                "chars": np.array([len(t) for t in out["text"]], dtype=np.int64),
                "line": pd.array([None] * len(out), dtype="Int64"),
            },
            columns=REPORT_COLUMNS,
        )
        docs = out.loc[~empty].reset_index(drop=True)
        docs["date"] = pd.to_datetime(docs["date"])
        docs["text"] = docs["text"].astype(object)
        return cls(documents=docs, report=report)


def load_corpus(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    text_column: str = "text",
    source_column: str = "source",
    date_column: str = "date",
    id_column: str = "doc_id",
    progress: bool | None = None,
) -> Corpus:
    """Load a directory of ``.txt`` files (recursively) or one file.

    Also read: ``.txt.gz`` (one document a file, like ``.txt``), and record
    files with one document a record: JSON Lines (``.jsonl``, ``.jsonl.gz``),
    CSV (``.csv``, ``.csv.gz``) and Parquet, whose fields ``text_column``,
    ``source_column``, ``date_column`` and ``id_column`` give the text and
    metadata (other fields become columns). They are read in batches by
    :mod:`corpusstats.readers`; each record not loaded is a report row with
    the file, its ``line`` and the reason. ``progress`` shows a bar (see
    :func:`corpusstats._progress.show_progress`).

    A ``sources.csv`` at the root, with a ``file`` column (path relative to the
    root) and any of ``source``, ``date`` and further columns, gives each file
    its metadata. Files are decoded by :func:`decode_bytes` (UTF-8 with or
    without BOM, UTF-16/32 with BOM, Windows-1256), or all with ``encoding``.

    The report has a row for every file under the root (hidden directories are
    one row each, not searched): ``status`` is ``loaded``, ``empty`` (no text
    but white space), ``skipped`` (not ``.txt``, binary or undecodable, with the
    reason) or ``missing`` (named in the manifest but not found).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"load_corpus expects a path (str or pathlib.Path), got {type(path).__name__}")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be None or a codec name (str), got {type(encoding).__name__}")
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or directory: {str(root)!r}")
    rows: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    if not root.is_dir():  # one file (a FIFO or device too: reported as skipped below)
        base = root.parent
        files = [root]
        manifest_path = None
    else:
        base = root
        files = []
        for dirpath, dirnames, filenames in os.walk(root):
            for d in sorted(dirnames):
                if d.startswith("."):
                    rel = Path(dirpath, d).relative_to(root).as_posix() + "/"
                    rows.append(_row(rel, "skipped", None, "hidden directory, not searched", 0))
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            files.extend(Path(dirpath, f) for f in sorted(filenames))
        manifest_path = root / MANIFEST_NAME
        if not manifest_path.is_file():
            manifest_path = None
    manifest, manifest_note = _read_manifest(manifest_path) if manifest_path else ({}, "")
    columns = readers.Columns(text=text_column, source=source_column, date=date_column, doc_id=id_column)
    sizes = [f.stat().st_size if f.is_file() else 0 for f in files]
    bar = progress_bar(progress, total=sum(sizes), size=sum(sizes), desc="loading")
    seen: set[str] = set()
    parsed_dates: dict[str, Any] = {}
    for f, f_size in zip(files, sizes, strict=True):
        rel = f.relative_to(base).as_posix()
        if readers.record_kind(f) is None:
            bar.update(f_size)
        if manifest_path is not None and f == manifest_path:
            rows.append(_row(rel, "skipped", None, f"manifest: metadata for {len(manifest)} files{manifest_note}", 0))
            continue
        if readers.record_kind(f) is not None:
            source = Path(rel).parts[0] if len(Path(rel).parts) > 1 else UNKNOWN_SOURCE
            try:
                new_docs, new_rows = readers.load_records(
                    f, rel, columns=columns, default_source=source, encoding=encoding, bar=bar
                )
            except (OSError, ValueError, EOFError) as exc:  # unreadable, no text column, broken gzip or Parquet
                rows.append(_row(rel, "skipped", None, f"cannot read: {exc}", 0))
                continue
            docs.extend(new_docs)
            rows.extend(new_rows)
            continue
        if not f.name.lower().endswith((".txt", ".txt.gz")):
            rows.append(_row(rel, "skipped", None, f"not a .txt file ({f.suffix or 'no extension'})", 0))
            continue
        try:
            if not stat.S_ISREG(f.stat().st_mode):  # reading a FIFO or device would block or never end
                rows.append(_row(rel, "skipped", None, "not a regular file (a FIFO, socket or device), not read", 0))
                continue
            data = readers.read_text_bytes(f)
        except (OSError, EOFError) as exc:
            rows.append(_row(rel, "skipped", None, f"cannot read: {exc.strerror or exc}", 0))
            continue
        try:
            text, enc = decode_bytes(data, encoding)
        except DecodeError as exc:
            rows.append(_row(rel, "skipped", None, str(exc), 0))
            continue
        if not text.strip():
            rows.append(_row(rel, "empty", enc, "no text (empty or only white space)", len(text)))
            continue
        seen.add(rel)
        meta = manifest.get(rel)
        reason = ""
        if manifest_path is not None and meta is None:
            reason = f"no row in {MANIFEST_NAME}: source and date unknown"
        meta = dict(meta or {})
        if "source" not in meta or not meta["source"]:
            meta["source"] = Path(rel).parts[0] if len(Path(rel).parts) > 1 else UNKNOWN_SOURCE
        raw_date = meta.pop("date", "") or ""
        if raw_date not in parsed_dates:  # each distinct date string is parsed once
            parsed_dates[raw_date] = pd.to_datetime(raw_date, errors="coerce") if raw_date else pd.NaT
        date = parsed_dates[raw_date]
        if raw_date and pd.isna(date):
            reason = _join(reason, f"date {raw_date!r} in {MANIFEST_NAME} is not a date")
        rows.append(_row(rel, "loaded", enc, reason, len(text)))
        docs.append({"doc_id": rel, "source": meta.pop("source"), "date": date, "text": text, **meta})
    for rel in manifest:
        if rel not in seen and not any(r["path"] == rel for r in rows):
            rows.append(_row(rel, "missing", None, f"listed in {MANIFEST_NAME} but not found", 0))
    # the texts go in as Python strings (object dtype): an Arrow string column would be a second
    # copy of the corpus, and every read of it would make new str objects
    texts = pd.Series([d.pop("text") for d in docs], dtype=object)
    documents = pd.DataFrame(docs, columns=None if docs else [c for c in DOCUMENT_COLUMNS if c != "text"])
    documents["text"] = texts  # an object Series keeps its dtype (a bare array would be inferred as str)
    extra = [c for c in documents.columns if c not in DOCUMENT_COLUMNS]
    documents = documents[DOCUMENT_COLUMNS + extra]
    documents["date"] = pd.to_datetime(documents["date"])
    for col in extra:
        if col.endswith("_date"):
            documents[col] = pd.to_datetime(documents[col].replace("", None), errors="coerce")
    documents = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    report = pd.DataFrame(rows, columns=REPORT_COLUMNS).sort_values("path", kind="stable").reset_index(drop=True)
    report["chars"] = report["chars"].astype("int64")
    report["line"] = report["line"].astype("Int64")
    bar.close()
    return Corpus(documents=documents, report=report, root=str(root))


def _read_manifest(path: Path) -> tuple[dict[str, dict[str, str]], str]:
    try:
        text, _ = decode_bytes(path.read_bytes())
    except (OSError, DecodeError) as exc:
        raise ValueError(f"cannot read manifest {str(path)!r}: {exc}") from None
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames is None or "file" not in reader.fieldnames:
        raise ValueError(f"manifest {str(path)!r} needs a 'file' column; it has {reader.fieldnames}")
    out: dict[str, dict[str, str]] = {}
    for row in reader:
        name = (row.pop("file") or "").strip().replace("\\", "/")
        if name:
            out[name] = {k: (v or "").strip() for k, v in row.items() if k is not None}
    return out, ""


def _row(path: str, status: str, encoding: str | None, reason: str, chars: int) -> dict[str, Any]:
    return {"path": path, "status": status, "encoding": encoding, "reason": reason, "chars": chars, "line": None}


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b
