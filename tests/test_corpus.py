"""Loading files and DataFrames, decoding, and the load report."""

import codecs

import pandas as pd
import pytest

import corpusstats as cs
from corpusstats.corpus import decode_bytes

from .conftest import SEEDS

ARABIC = "زار الرئيس السوري بشار الأسد موسكو يوم الثلاثاء 20 أكتوبر."
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_seeds_load_with_manifest(seeds_corpus):
    docs = seeds_corpus.documents
    assert list(docs.columns[:4]) == ["doc_id", "source", "date", "text"]
    assert docs["doc_id"].tolist() == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert docs.loc[0, "doc_id"] == "000_e93f4fd7ffbfc4ee.txt"
    assert docs.set_index("doc_id")["date"].dt.strftime("%Y-%m-%d").to_dict() == {
        "000_e93f4fd7ffbfc4ee.txt": "2015-10-22",
        "001_bf43c1156c9930e4.txt": "2015-12-14",
        "002_e8b7268e21593458.txt": "2025-10-14",
        "003_fa708f07afe93bea.txt": "2019-08-19",
        "004_6279182bec594ef7.txt": "2015-10-21",
    }
    assert docs["source"].nunique() == 5
    assert "note" in docs.columns and docs["note"].str.len().min() > 20
    # text is the file, decoded, untouched
    for doc_id, text in seeds_corpus.texts():
        assert text == (SEEDS / doc_id).read_text(encoding="utf-8")
    report = seeds_corpus.report
    assert set(report["path"]) == {p.name for p in SEEDS.iterdir()}
    assert (report.loc[report["path"] != "sources.csv", "status"] == "loaded").all()


def test_mixed_encodings_and_bad_files(tmp_path):
    (tmp_path / "cp1256.txt").write_bytes(ARABIC.encode("cp1256"))
    (tmp_path / "utf16.txt").write_bytes(ARABIC.encode("utf-16"))  # with BOM
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "latin.txt").write_bytes("Ça été très difficile à décoder".encode("latin-1"))
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    sub = tmp_path / "aljazeera"
    sub.mkdir()
    (sub / "a.txt").write_text(ARABIC, encoding="utf-8")
    corpus = cs.load_corpus(tmp_path)
    rep = corpus.report.set_index("path")
    assert set(rep.index) == {
        "cp1256.txt",
        "utf16.txt",
        "bom.txt",
        "empty.txt",
        "blank.txt",
        "image.txt",
        "latin.txt",
        "notes.md",
        "aljazeera/a.txt",
    }
    assert rep.loc["cp1256.txt", ["status", "encoding"]].tolist() == ["loaded", "cp1256"]
    assert rep.loc["utf16.txt", ["status", "encoding"]].tolist() == ["loaded", "utf-16"]
    assert rep.loc["bom.txt", "encoding"] == "utf-8-sig"
    assert rep.loc["empty.txt", "status"] == "empty" and rep.loc["blank.txt", "status"] == "empty"
    assert rep.loc["image.txt", "status"] == "skipped" and "PNG" in rep.loc["image.txt", "reason"]
    assert rep.loc["latin.txt", "status"] == "skipped" and "UTF-8" in rep.loc["latin.txt", "reason"]
    assert rep.loc["notes.md", "status"] == "skipped" and ".md" in rep.loc["notes.md", "reason"]
    texts = dict(corpus.texts())
    for name in ["cp1256.txt", "utf16.txt", "bom.txt", "aljazeera/a.txt"]:
        assert texts[name] == ARABIC  # decoded right, BOM removed
    assert rep.loc["cp1256.txt", "chars"] == len(ARABIC)
    # without a manifest, a file in a subdirectory takes the directory as its source
    src = corpus.documents.set_index("doc_id")["source"]
    assert src["aljazeera/a.txt"] == "aljazeera" and src["cp1256.txt"] == "unknown"
    # forcing an encoding
    forced = cs.load_corpus(tmp_path / "latin.txt", encoding="latin-1")
    assert forced.documents.loc[0, "text"].startswith("Ça été")


def test_manifest_rows_and_files_are_cross_checked(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,source,date,note\na.txt,outlet-a,2015-10-21,ok\ngone.txt,outlet-x,2015-10-22,\n", encoding="utf-8"
    )
    corpus = cs.load_corpus(tmp_path)
    rep = corpus.report.set_index("path")
    assert rep.loc["gone.txt", "status"] == "missing"
    assert "not found" in rep.loc["gone.txt", "reason"]
    assert rep.loc["b.txt", "status"] == "loaded" and "no row" in rep.loc["b.txt", "reason"]
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["a.txt", "source"] == "outlet-a" and docs.loc["a.txt", "note"] == "ok"
    assert docs.loc["a.txt", "date"] == pd.Timestamp("2015-10-21")
    assert pd.isna(docs.loc["b.txt", "date"])


def test_hidden_directories_are_reported_not_searched(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    corpus = cs.load_corpus(tmp_path)
    assert len(corpus) == 1
    assert corpus.report.set_index("path").loc[".git/", "status"] == "skipped"


def test_load_errors():
    with pytest.raises(FileNotFoundError, match="no such file"):
        cs.load_corpus("does/not/exist")


def test_decode_bytes_utf16_without_bom_and_binary():
    assert decode_bytes(ARABIC.encode("utf-16-le")) == (ARABIC, "utf-16-le")
    with pytest.raises(ValueError, match="NUL"):
        decode_bytes(b"\x00\x01\x02\x03\xff\xfe\xfd" * 10)


def test_from_dataframe():
    df = pd.DataFrame(
        {
            "text": ["في موسكو", "فى موسكو", ""],
            "outlet": ["a", "b", "c"],
            "when": ["2015-10-20", "x", None],
            "extra": [1, 2, 3],
        }
    )
    corpus = cs.Corpus.from_dataframe(df, source="outlet", date="when")
    assert corpus.documents["doc_id"].tolist() == ["doc0001", "doc0002"]
    assert corpus.documents["source"].tolist() == ["a", "b"]
    assert corpus.documents["extra"].tolist() == [1, 2]
    assert corpus.report["status"].tolist() == ["loaded", "loaded", "empty"]
    assert pd.isna(corpus.documents.loc[1, "date"])
    # the unparseable date is reported, not turned into NaT in silence
    assert "'x' is not a date" in corpus.report.loc[1, "reason"]
    with pytest.raises(ValueError, match="no text column"):
        cs.Corpus.from_dataframe(df, text="body")
    with pytest.raises(TypeError, match="DataFrame"):
        cs.Corpus.from_dataframe(["not", "a", "frame"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unique"):
        cs.Corpus.from_dataframe(pd.DataFrame({"doc_id": ["x", "x"], "text": ["a", "b"]}))


def test_wrong_argument_types_raise_type_error():
    with pytest.raises(TypeError, match="path"):
        cs.load_corpus(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="encoding"):
        cs.load_corpus("seeds", encoding=1256)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must name a column"):
        cs.Corpus.from_dataframe(pd.DataFrame({"text": ["x"]}), text=None)  # type: ignore[arg-type]


def test_texts_are_kept_as_python_strings(seeds_corpus):
    """An Arrow-backed str column would hold a second copy of the corpus and rebuild a str on every read."""
    assert seeds_corpus.documents["text"].dtype == object
    frame = cs.Corpus.from_dataframe(pd.DataFrame({"text": pd.Series(["موسكو", "دمشق"], dtype="str")}))
    assert frame.documents["text"].dtype == object
    first = seeds_corpus.documents["text"].iloc[0]
    assert seeds_corpus.documents["text"].iloc[0] is first  # the same object, not a new str per read
