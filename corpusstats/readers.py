"""Readers for corpora that come as records: JSON Lines, CSV and Parquet files with a text column, and ``.txt.gz``.

Each record file is read in batches (a line at a time for JSON Lines and CSV, a
record batch at a time for Parquet through pyarrow), so a 1 GB dump is never
held in memory whole while it is read. Every record is accounted for: a record
that cannot be loaded (a line that is not JSON, a row with no text, a field that
is not valid UTF-8, a repeated id) comes back as a report row with the file, its
line (JSON Lines, CSV: the line the record starts on; Parquet: the row, from 1)
and the reason.

:func:`iter_records` is the one reader; :func:`corpusstats.load_corpus` builds
documents from it, and :func:`iter_text_chunks` yields only the texts, in
chunks, for counting a corpus without materializing it.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

__all__ = [
    "Columns",
    "RecordBatch",
    "record_kind",
    "read_text_bytes",
    "iter_records",
    "iter_text_chunks",
    "load_records",
    "CorpusScan",
    "scan_corpus",
]

#: Records per batch handed back by :func:`iter_records`.
BATCH_ROWS = 5_000

_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".csv": "csv",
    ".csv.gz": "csv",
    ".parquet": "parquet",
}


@dataclass(frozen=True)
class Columns:
    """Which fields of a record hold the text, the source, the date and the document id.

    A missing ``source`` field leaves the source to the file's folder (as for
    ``.txt`` files); a missing ``doc_id`` field makes the id ``<file>:<line>``.
    """

    text: str = "text"
    source: str = "source"
    date: str = "date"
    doc_id: str = "doc_id"


@dataclass
class RecordBatch:
    """Some records of one file: ``docs`` (dicts with ``doc_id, source, date, text, line`` and any
    further fields) and ``problems`` (report rows for the records not loaded), plus bytes read so far."""

    docs: list[dict[str, Any]]
    problems: list[dict[str, Any]]
    bytes_read: int


def record_kind(path: str | Path) -> str | None:
    """``"jsonl"``, ``"csv"`` or ``"parquet"`` for a record file (by its name), else None.

    >>> record_kind("news/2015.jsonl.gz"), record_kind("a.CSV"), record_kind("a.txt.gz")
    ('jsonl', 'csv', None)
    """
    name = Path(path).name.lower()
    for suffix, kind in _KINDS.items():
        if name.endswith(suffix):
            return kind
    return None


def read_text_bytes(path: Path) -> bytes:
    """The bytes of a ``.txt`` file, or of a ``.txt.gz`` file uncompressed."""
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            return fh.read()
    return path.read_bytes()


def _problem(rel: str, line: int, status: str, reason: str, chars: int = 0) -> dict[str, Any]:
    return {"path": rel, "status": status, "encoding": None, "reason": reason, "chars": chars, "line": line}


def _bad_utf8(value: str) -> str | None:
    """The first byte that was not UTF-8 (kept as a surrogate escape), described; None when the value is clean."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        ch = value[exc.start]
        if 0xDC80 <= ord(ch) <= 0xDCFF:
            return f"byte 0x{ord(ch) - 0xDC00:02x} at character {exc.start}"
        return f"a lone surrogate at character {exc.start}"
    return None


class _Counting(io.RawIOBase):
    """A binary file that counts the bytes read from it (progress on compressed files)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.n = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self.raw.readinto(b)  # type: ignore[attr-defined]
        self.n += n or 0
        return n or 0


class _Builder:
    """Turns raw record values into a document or a report row: one set of rules for every format."""

    def __init__(self, rel: str, columns: Columns, default_source: str) -> None:
        self.rel, self.columns, self.default_source = rel, columns, default_source
        self.seen_ids: set[str] = set()

    def build(self, record: dict[str, Any], line: int) -> dict[str, Any] | str:
        """A document dict, or the reason the record is not loaded (``"empty: ..."`` for no text)."""
        c = self.columns
        for key, value in record.items():
            if isinstance(value, str):
                bad = _bad_utf8(value)
                if bad:
                    return f"field {key!r} is not valid UTF-8 ({bad})"
        text = record.get(c.text)
        if text is None or (isinstance(text, float) and text != text):
            return f"empty: no {c.text!r} field"
        if not isinstance(text, str):
            return f"field {c.text!r} is not text ({type(text).__name__})"
        if not text.strip():
            return f"empty: field {c.text!r} is empty"
        doc_id = record.get(c.doc_id)
        doc_id = f"{self.rel}:{line}" if doc_id is None or str(doc_id).strip() == "" else str(doc_id)
        if doc_id in self.seen_ids:
            return f"{c.doc_id} {doc_id!r} repeats an earlier record"
        self.seen_ids.add(doc_id)
        source = record.get(c.source)
        source = self.default_source if source is None or str(source).strip() == "" else str(source)
        date = record.get(c.date)
        extra = {k: v for k, v in record.items() if k not in (c.text, c.source, c.date, c.doc_id)}
        return {"doc_id": doc_id, "source": source, "date": date, "text": text, "line": line, **extra}


def iter_records(
    path: str | Path,
    rel: str,
    *,
    columns: Columns = Columns(),  # noqa: B008  (frozen: safe as a default)
    default_source: str = "unknown",
    encoding: str | None = None,
    batch_rows: int = BATCH_ROWS,
) -> Iterator[RecordBatch]:
    """Read a JSON Lines, CSV or Parquet file in batches of documents and report rows.

    ``rel`` is the name reports and default ids use. JSON Lines must be UTF-8
    (the JSON standard); CSV is UTF-8 (a BOM is skipped) unless ``encoding``
    says otherwise. A file without the text column raises ``ValueError`` (the
    caller reports the whole file).
    """
    path = Path(path)
    kind = record_kind(path)
    builder = _Builder(rel, columns, default_source)
    if kind == "jsonl":
        yield from _iter_jsonl(path, builder, encoding, batch_rows)
    elif kind == "csv":
        yield from _iter_csv(path, builder, encoding, batch_rows)
    elif kind == "parquet":
        yield from _iter_parquet(path, builder, batch_rows)
    else:
        raise ValueError(f"not a record file (.jsonl, .jsonl.gz, .csv, .csv.gz, .parquet): {str(path)!r}")


def _take(builder: _Builder, record: dict[str, Any], line: int, docs: list, problems: list) -> None:
    out = builder.build(record, line)
    if isinstance(out, dict):
        docs.append(out)
    elif out.startswith("empty: "):
        problems.append(_problem(builder.rel, line, "empty", out.removeprefix("empty: ")))
    else:
        problems.append(_problem(builder.rel, line, "skipped", out))


def _open_binary(path: Path) -> tuple[IO[bytes], _Counting]:
    counter = _Counting(open(path, "rb"))  # noqa: SIM115  (closed by the caller)
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=io.BufferedReader(counter)), counter  # type: ignore[return-value]
    return io.BufferedReader(counter), counter


def _iter_jsonl(path: Path, builder: _Builder, encoding: str | None, batch_rows: int) -> Iterator[RecordBatch]:
    fh, counter = _open_binary(path)
    with fh, counter.raw:
        docs: list[dict[str, Any]] = []
        problems: list[dict[str, Any]] = []
        for line_no, raw in enumerate(fh, start=1):
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue  # blank lines are not records
            # surrogateescape keeps a bad byte inside its field, so the report can name the field
            text = raw.decode(encoding or "utf-8", errors="surrogateescape")
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                problems.append(
                    _problem(builder.rel, line_no, "skipped", f"not valid JSON: {exc.msg} at column {exc.colno}")
                )
            else:
                if not isinstance(record, dict):
                    problems.append(
                        _problem(builder.rel, line_no, "skipped", f"a JSON {type(record).__name__}, not an object")
                    )
                else:
                    _take(builder, record, line_no, docs, problems)
            if len(docs) + len(problems) >= batch_rows:
                yield RecordBatch(docs, problems, counter.n)
                docs, problems = [], []
        yield RecordBatch(docs, problems, counter.n)


def _iter_csv(path: Path, builder: _Builder, encoding: str | None, batch_rows: int) -> Iterator[RecordBatch]:
    # Articles are longer than the csv module's default field limit (131072 characters).
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    fh, counter = _open_binary(path)
    with fh, counter.raw:
        text_fh = io.TextIOWrapper(fh, encoding=encoding or "utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.reader(text_fh)
        try:
            header = next(reader)
        except StopIteration:
            raise ValueError("empty CSV file (no header row)") from None
        if builder.columns.text not in header:
            raise ValueError(f"no text column {builder.columns.text!r}; the header has {header}")
        docs: list[dict[str, Any]] = []
        problems: list[dict[str, Any]] = []
        line_no = reader.line_num + 1  # the line the next record starts on
        try:
            for row in reader:
                if row:
                    if len(row) != len(header):
                        problems.append(
                            _problem(
                                builder.rel, line_no, "skipped", f"{len(row)} fields where the header has {len(header)}"
                            )
                        )
                    else:
                        _take(builder, dict(zip(header, row, strict=True)), line_no, docs, problems)
                line_no = reader.line_num + 1
                if len(docs) + len(problems) >= batch_rows:
                    yield RecordBatch(docs, problems, counter.n)
                    docs, problems = [], []
        except csv.Error as exc:
            problems.append(_problem(builder.rel, line_no, "skipped", f"CSV error, rest of the file not read: {exc}"))
        yield RecordBatch(docs, problems, counter.n)


def _iter_parquet(path: Path, builder: _Builder, batch_rows: int) -> Iterator[RecordBatch]:
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as pf:
        names = pf.schema_arrow.names
        if builder.columns.text not in names:
            raise ValueError(f"no text column {builder.columns.text!r}; the file has columns {names}")
        size = path.stat().st_size
        n_groups = max(pf.num_row_groups, 1)
        row = 0
        done_groups = 0
        for group in range(pf.num_row_groups):
            for batch in pf.iter_batches(batch_size=batch_rows, row_groups=[group]):
                docs: list[dict[str, Any]] = []
                problems: list[dict[str, Any]] = []
                for record in batch.to_pylist():
                    row += 1
                    _take(builder, record, row, docs, problems)
                yield RecordBatch(docs, problems, size * done_groups // n_groups)
            done_groups += 1
        yield RecordBatch([], [], size)


def iter_text_chunks(
    path: str | Path, *, columns: Columns = Columns(), encoding: str | None = None, chunk_rows: int = BATCH_ROWS
) -> Iterator[list[str]]:
    """The texts of a record file, in lists of up to ``chunk_rows``: for counting without a Corpus.

    Records that :func:`iter_records` would report are left out here; load the
    file with :func:`corpusstats.load_corpus` to see why.
    """
    rel = Path(path).name
    for batch in iter_records(path, rel, columns=columns, encoding=encoding, batch_rows=chunk_rows):
        if batch.docs:
            yield [d["text"] for d in batch.docs]


def load_records(
    path: Path,
    rel: str,
    *,
    columns: Columns,
    default_source: str,
    encoding: str | None = None,
    bar: Any = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The documents of a record file and its report rows: for :func:`corpusstats.load_corpus`.

    The first report row is the file's own (``loaded``, with how many records
    were loaded and how many are reported); then one row per record not
    loaded, and one per loaded record whose date is not a date (left empty).
    Dates are parsed once per distinct value.
    """
    import pandas as pd

    docs: list[dict[str, Any]] = []
    problems: list[dict[str, Any]] = []
    done = 0
    for batch in iter_records(path, rel, columns=columns, default_source=default_source, encoding=encoding):
        docs.extend(batch.docs)
        problems.extend(batch.problems)
        if bar is not None:
            bar.update(batch.bytes_read - done)
            done = batch.bytes_read
    parsed: dict[Any, Any] = {}
    for d in docs:
        raw = d["date"]
        key = raw if isinstance(raw, (str, int, float)) or raw is None else str(raw)
        if key not in parsed:
            empty = raw is None or (isinstance(raw, str) and not raw.strip())
            parsed[key] = pd.NaT if empty else pd.to_datetime(raw, errors="coerce")
        date = parsed[key]
        if pd.isna(date) and raw is not None and str(raw).strip():
            problems.append(
                _problem(rel, d["line"], "loaded", f"{columns.date} {raw!r} is not a date (left empty)", len(d["text"]))
            )
        d["date"] = date
    problems.sort(key=lambda r: r["line"])
    chars = sum(len(d["text"]) for d in docs)
    n_reported = sum(r["status"] != "loaded" for r in problems)
    summary = {
        "path": rel,
        "status": "loaded" if docs else "empty",
        "encoding": "utf-8" if record_kind(path) != "csv" else (encoding or "utf-8"),
        "reason": f"{len(docs)} records loaded, {n_reported} not loaded (rows below)",
        "chars": chars,
        "line": None,
    }
    for d in docs:
        del d["line"]
    return docs, [summary, *problems]


@dataclass(frozen=True)
class CorpusScan:
    """Record files read lazily, batch by batch: a corpus too big to hold as :class:`~corpusstats.Corpus`.

    Made by :func:`scan_corpus`. Iterating gives lists of document dicts
    (``doc_id, source, date, text`` and other fields); records that
    :func:`corpusstats.load_corpus` would report are left out (load a sample
    with ``load_corpus`` to see the report). ``cs.word_frequencies(scan, by=...)``
    counts it chunk by chunk without holding the texts.
    """

    paths: tuple[Path, ...]
    root: Path
    columns: Columns = Columns()  # noqa: B008
    encoding: str | None = None
    chunk_rows: int = BATCH_ROWS

    def __iter__(self) -> Iterator[list[dict[str, Any]]]:
        for path in self.paths:
            rel = path.relative_to(self.root).as_posix() if path != self.root else path.name
            parts = Path(rel).parts
            default_source = parts[0] if len(parts) > 1 else "unknown"
            for batch in iter_records(
                path,
                rel,
                columns=self.columns,
                default_source=default_source,
                encoding=self.encoding,
                batch_rows=self.chunk_rows,
            ):
                if batch.docs:
                    yield batch.docs

    @property
    def size(self) -> int:
        """Bytes on disk (compressed files count as stored)."""
        return sum(p.stat().st_size for p in self.paths)


def scan_corpus(
    path: str | Path,
    *,
    text_column: str = "text",
    source_column: str = "source",
    date_column: str = "date",
    id_column: str = "doc_id",
    encoding: str | None = None,
    chunk_rows: int = BATCH_ROWS,
) -> CorpusScan:
    """A :class:`CorpusScan` of one record file or of every record file under a directory (hidden ones left out).

    Nothing is read until it is iterated. The columns mean what they mean for
    :func:`corpusstats.load_corpus`.
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or directory: {str(root)!r}")
    if root.is_file():
        if record_kind(root) is None:
            raise ValueError(f"not a record file (.jsonl, .jsonl.gz, .csv, .csv.gz, .parquet): {str(root)!r}")
        paths: tuple[Path, ...] = (root,)
        base = root.parent
    else:
        base = root
        paths = tuple(
            sorted(
                p
                for p in root.rglob("*")
                if p.is_file()
                and record_kind(p) is not None
                and not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
        )
    columns = Columns(text=text_column, source=source_column, date=date_column, doc_id=id_column)
    return CorpusScan(paths=paths, root=base, columns=columns, encoding=encoding, chunk_rows=chunk_rows)
