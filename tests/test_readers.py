"""Record files (JSON Lines, CSV, Parquet) and .txt.gz load like the .txt seeds, and every record is accounted for."""

import csv
import gzip
import json

import pandas as pd
import pytest

import corpusstats as cs

from .conftest import SEEDS

COLUMNS = ["doc_id", "source", "date", "text", "anchor_date", "note"]


def _seed_records():
    """The seed corpus as plain records, read straight from the files (not through load_corpus)."""
    with open(SEEDS / "sources.csv", encoding="utf-8", newline="") as fh:
        manifest = list(csv.DictReader(fh))
    return [
        {
            "doc_id": row["file"],
            "source": row["source"],
            "date": row["date"],
            "text": (SEEDS / row["file"]).read_bytes().decode("utf-8-sig"),
            "anchor_date": row["anchor_date"],
            "note": row["note"],
        }
        for row in manifest
    ]


def _write(fmt, folder):
    records = _seed_records()
    folder.mkdir()
    if fmt == "txt.gz":
        for r in records:
            with gzip.open(folder / (r["doc_id"] + ".gz"), "wb") as fh:
                fh.write(r["text"].encode("utf-8"))
        with open(folder / "sources.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "source", "date", "anchor_date", "note"])
            for r in records:
                w.writerow([r["doc_id"] + ".gz", r["source"], r["date"], r["anchor_date"], r["note"]])
    elif fmt in ("jsonl", "jsonl.gz"):
        # the JSONL split in two files in a tree, one of them compressed
        lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
        (folder / "a.jsonl").write_text("".join(lines[:2]), encoding="utf-8")
        (folder / "more").mkdir()
        with gzip.open(folder / "more" / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
            fh.write("".join(lines[2:]))
    elif fmt == "csv":
        # the article texts have newlines and quotes: the CSV quotes them, one record spans many lines
        with open(folder / "news.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS)
            w.writeheader()
            w.writerows(records)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(records)
        pq.write_table(table, folder / "news.parquet", row_group_size=2)  # three row groups
    return folder


@pytest.mark.parametrize("fmt", ["txt.gz", "jsonl", "jsonl.gz", "csv", "parquet"])
def test_formats_load_the_seed_documents_and_counts(fmt, tmp_path, seeds_corpus):
    corpus = cs.load_corpus(_write(fmt, tmp_path / fmt))
    docs = corpus.documents
    if fmt == "txt.gz":
        docs["doc_id"] = docs["doc_id"].str.removesuffix(".gz")
    expected = seeds_corpus.documents
    pd.testing.assert_frame_equal(docs[COLUMNS], expected[COLUMNS])
    pd.testing.assert_frame_equal(
        cs.word_frequencies(corpus, by="source"), cs.word_frequencies(seeds_corpus, by="source")
    )
    assert not (corpus.report["status"].isin(["skipped", "empty"]) & corpus.report["path"].ne("sources.csv")).any()


def test_bad_records_are_reported_with_their_line(tmp_path):
    good = {"text": "زار الأسد موسكو.", "source": "a", "date": "2015-10-21"}
    lines = [
        json.dumps(good, ensure_ascii=False).encode(),  # line 1: loaded
        b'{"text": "\xd8\xb2\xd8\xa7\xd8\xb1',  # line 2: broken JSON (unterminated string)
        json.dumps({"text": "", "source": "a"}).encode(),  # line 3: empty text
        b'{"text": "\xd9\x85\xd9\x88\xd8\xb3\xd9\x83\xd9\x88", "source": "\xff\xfe"}',  # line 4: source not UTF-8
        b"",  # line 5: blank, not a record
        json.dumps({**good, "date": "someday"}).encode(),  # line 6: loaded, its date reported
        json.dumps({"source": "b"}).encode(),  # line 7: no text field
        b"[1, 2]",  # line 8: not an object
    ]
    (tmp_path / "dump.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    corpus = cs.load_corpus(tmp_path)
    assert corpus.documents["doc_id"].tolist() == ["dump.jsonl:1", "dump.jsonl:6"]
    assert corpus.documents["date"].isna().tolist() == [False, True]
    rep = corpus.report
    assert rep.loc[0, "path"] == "dump.jsonl" and pd.isna(rep.loc[0, "line"])
    assert rep.loc[0, "reason"] == "2 records loaded, 5 not loaded (rows below)"
    rows = rep.iloc[1:]
    assert rows["path"].eq("dump.jsonl").all()
    assert rows["line"].tolist() == [2, 3, 4, 6, 7, 8]
    assert rows["status"].tolist() == ["skipped", "empty", "skipped", "loaded", "empty", "skipped"]
    reasons = rows["reason"].tolist()
    assert reasons[0].startswith("not valid JSON")
    assert "'text' is empty" in reasons[1]
    assert reasons[2] == "field 'source' is not valid UTF-8 (byte 0xff at character 0)"
    assert "'someday' is not a date" in reasons[3]
    assert "no 'text' field" in reasons[4]
    assert "not an object" in reasons[5]


def test_csv_rows_and_columns(tmp_path):
    (tmp_path / "a.csv").write_text(
        'body,outlet\n"زار الأسد موسكو",x\nbad row,x,extra\n,x\n"سطر\nثان",y\n', encoding="utf-8"
    )
    corpus = cs.load_corpus(tmp_path / "a.csv", text_column="body", source_column="outlet")
    assert corpus.documents["doc_id"].tolist() == ["a.csv:2", "a.csv:5"]  # the line each record starts on
    assert corpus.documents["source"].tolist() == ["x", "y"]
    rows = corpus.report.iloc[1:]
    assert rows["line"].tolist() == [3, 4]
    assert rows["status"].tolist() == ["skipped", "empty"]
    assert rows["reason"].iloc[0] == "3 fields where the header has 2"


def test_a_file_without_the_text_column_is_reported(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"body": ["نص"]}), tmp_path / "x.parquet")
    (tmp_path / "y.jsonl").write_text('{"text": "نص"}\n', encoding="utf-8")
    corpus = cs.load_corpus(tmp_path)
    rep = corpus.report.set_index("path")
    assert rep.loc["x.parquet", "status"] == "skipped"
    assert "no text column 'text'" in rep.loc["x.parquet", "reason"]
    assert corpus.documents["doc_id"].tolist() == ["y.jsonl:1"]


def test_iter_text_chunks_streams_the_texts(tmp_path):
    from corpusstats.readers import iter_text_chunks

    lines = [json.dumps({"text": f"نص رقم {i}"}, ensure_ascii=False) for i in range(7)]
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    chunks = list(iter_text_chunks(tmp_path / "d.jsonl", chunk_rows=3))
    assert [len(c) for c in chunks] == [3, 3, 1]
    assert chunks[2] == ["نص رقم 6"]


def test_scanned_jsonl_counts_like_the_loaded_corpus(tmp_path, monkeypatch):
    from corpusstats import counts

    monkeypatch.setattr(counts, "WORKERS", 2)
    # every paragraph of the seeds a record: many small documents, in chunks of 7 records
    records = []
    for r in _seed_records():
        for i, para in enumerate(p for p in r["text"].split("\n") if p.strip()):
            records.append({"doc_id": f"{r['doc_id']}#{i}", "source": r["source"], "text": para})
    (tmp_path / "d").mkdir()
    half = len(records) // 2
    for name, part in (("a.jsonl", records[:half]), ("b.jsonl", records[half:])):
        lines = [json.dumps(r, ensure_ascii=False) for r in part]
        (tmp_path / "d" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = cs.load_corpus(tmp_path / "d")
    scan = cs.scan_corpus(tmp_path / "d", chunk_rows=7)
    assert len(loaded) == len(records) > 100
    for opts in ({"by": "source"}, {}, {"stopwords": True, "min_count": 2}, {"normalize": False}):
        pd.testing.assert_frame_equal(cs.word_frequencies(scan, **opts), cs.word_frequencies(loaded, **opts))
    with pytest.raises(ValueError, match="unigrams without clitic splitting"):
        cs.word_frequencies(scan, ngram=2)
