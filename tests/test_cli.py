"""The corpusstats command.

Expected numbers are derived here, independently of the package: word counts from a
regex over the raw seed files (the word definition of tests/data/CLITICS_GUIDELINES.md),
file counts from the seeds folder itself.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from corpusstats.cli import COMMANDS, FORMATS, main

from .conftest import ROOT, SEEDS

EXE = Path(sys.executable).with_name("corpusstats")
WORD = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652\u0670]+")  # Arabic letters, harakat, tatweel
MARKS = re.compile(r"[\u0640\u064B-\u0652\u0670]")  # tatweel and harakat: dropped for counting
ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})


def hand_counts() -> Counter:
    """Arabic word counts over the seed files, folded the way the README says counting folds
    (harakat and tatweel dropped, alef variants -> ا, ى -> ي), computed without corpusstats."""
    c: Counter = Counter()
    for f in sorted(SEEDS.glob("*.txt")):
        for w in WORD.findall(f.read_text(encoding="utf-8")):
            c[MARKS.sub("", w).translate(ALEFS)] += 1
    return c


def run(*argv: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *argv], cwd=kw.pop("cwd", ROOT), capture_output=True, text=True, **kw)


def test_freq_table_top_word_is_the_hand_counted_one(capsys):
    assert main(["freq", str(SEEDS), "--top", "20"]) == 0
    out = capsys.readouterr().out.splitlines()
    header = out[0].split()
    assert {"term", "count", "per_10k", "rank", "docfreq"} <= set(header)
    assert len(out) == 21
    word, n = hand_counts().most_common(1)[0]  # في, counted by the regex above
    first = dict(zip(header, out[1].split(), strict=True))
    assert (first["term"], first["count"]) == (word, str(n))


def test_freq_by_source_json(capsys):
    assert main(["freq", str(SEEDS), "--by", "source", "--top", "3", "--stopwords", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    with open(SEEDS / "sources.csv", encoding="utf-8") as f:
        sources = {r["source"] for r in csv.DictReader(f)}
    assert {r["source"] for r in rows} == sources and len(rows) == 3 * len(sources)
    assert all(r["rank"] <= 3 for r in rows)


def test_info_csv(capsys):
    assert main(["info", str(SEEDS), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "path,status,encoding,reason,chars,line"  # line: the record of a JSONL/CSV/Parquet file
    assert len(lines) == 1 + len(list(SEEDS.iterdir()))  # header + one row per file (sources.csv too)


def test_version():
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)[1]
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"corpusstats {version}"


#: what a command needs besides PATH
REQUIRED = {"kwic": ["موسكو"], "usage": ["موسكو"], "keyness": ["--target", "youm7"]}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_command_takes_every_format(command, fmt, capsys):
    assert FORMATS == ("table", "csv", "json", "jsonl")
    assert main([command, str(SEEDS), *REQUIRED.get(command, []), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
    elif fmt == "json":
        rows = json.loads(out)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    else:
        rows = out.splitlines()[1:]
    assert rows, out[:200]
    if fmt != "table":
        assert len({tuple(r) for r in rows}) == 1  # same columns on every row


def test_numbers_are_rounded(capsys):
    assert main(["freq", str(SEEDS), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert all(len(r["per_10k"].partition(".")[2]) <= 2 for r in rows)
    # the value itself: count * 10,000 / tokens, tokens being the sum of every term's count
    tokens = sum(int(r["count"]) for r in rows)
    for r in rows[:50]:
        assert float(r["per_10k"]) == round(int(r["count"]) * 10_000 / tokens, 2)
    assert main(["stats", str(SEEDS), "--format", "json"]) == 0
    (stats,) = json.loads(capsys.readouterr().out)
    assert stats["tokens"] == tokens
    assert stats["ttr"] == round(stats["types"] / tokens, 4) and len(str(stats["ttr"])) <= 6


def test_stats_by_source(capsys):
    assert main(["stats", str(SEEDS), "--by", "source", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["source"] for r in rows] == sorted({r["source"] for r in rows}) and len(rows) == 5
    assert all(r["hapax"] <= r["types"] <= r["tokens"] for r in rows)


def test_by_any_metadata_column(capsys):
    assert main(["freq", str(SEEDS), "--by", "date", "--top", "1", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    with open(SEEDS / "sources.csv", encoding="utf-8") as f:
        dates = {r["date"] for r in csv.DictReader(f)}
    assert len(rows) == len(dates)
    assert main(["freq", str(SEEDS), "--by", "colour"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "colour" in err[0] and "source" in err[0]


def test_min_count(capsys):
    assert main(["freq", str(SEEDS), "--min-count", "20", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(int(r["count"]) >= 20 for r in rows)
    # hand counts: the Arabic words seen 20 times or more (the CLI may count digits and Latin words too)
    arabic = {r["term"] for r in rows if WORD.fullmatch(r["term"])}
    assert arabic == {w for w, n in hand_counts().items() if n >= 20}


def test_output_file_takes_its_format_from_the_extension(tmp_path):
    target = tmp_path / "freq.jsonl"
    proc = run("freq", "seeds", "--top", "5", "--output", str(target))
    assert proc.returncode == 0 and proc.stdout == "" and proc.stderr == ""
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    word, n = hand_counts().most_common(1)[0]
    assert len(rows) == 5 and (rows[0]["term"], rows[0]["count"]) == (word, n)
    csv_target = tmp_path / "report.txt"
    assert run("info", "seeds", "-o", str(csv_target), "--format", "csv").returncode == 0
    assert csv_target.read_text(encoding="utf-8").startswith("path,status,")
    bad = run("info", "seeds", "--output", str(tmp_path / "no" / "dir" / "x.csv"))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "cannot write" in bad.stderr


def test_encoding_option(tmp_path):
    # ISO-8859-6 bytes are not UTF-8; detection would read them as Windows-1256 (other letters)
    text = "مدينة حلب القديمة، حلب الجديدة"
    (tmp_path / "a.txt").write_bytes(text.encode("iso8859_6"))
    guessed = run("freq", str(tmp_path), "--format", "csv")
    assert "حلب" not in guessed.stdout
    given = run("freq", str(tmp_path), "--encoding", "iso8859-6", "--format", "csv")
    assert given.returncode == 0, given.stderr
    assert "حلب,2," in given.stdout
    info = run("info", str(tmp_path), "--encoding", "iso8859-6", "--format", "json")
    assert json.loads(info.stdout)[0]["encoding"] == "iso8859-6"
    bad = run("freq", str(tmp_path), "--encoding", "klingon")
    assert bad.returncode == 2 and "unknown encoding 'klingon'" in bad.stderr


@pytest.mark.parametrize(
    "files, found",
    [
        ({}, "0 files found"),
        ({".git/config": b"x"}, "0 files found"),  # a hidden directory is not searched, and no file
        ({"a.pdf": b"%PDF-1.4", "b.docx": b"PK\x03\x04"}, "2 files found (2 skipped)"),
        ({"a.txt": b"  \n", "img.txt": b"\x89PNG\r\n\x1a\n"}, "2 files found (1 skipped, 1 empty)"),
    ],
)
def test_no_loadable_documents_is_an_error(tmp_path, files, found):
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    for cmd in ("freq", "stats", "dates"):
        proc = run(cmd, str(tmp_path))
        assert proc.returncode == 2 and proc.stdout == ""
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and "no loadable documents" in lines[0] and found in lines[0], lines
        assert "corpusstats info" in lines[0]
    assert run("info", str(tmp_path)).returncode == 0  # info is where the reasons are shown


def test_a_file_in_no_supported_format_is_an_error(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    proc = run("freq", str(tmp_path / "notes.docx"))
    assert proc.returncode == 2 and "1 files found (1 skipped)" in proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_txt_is_skipped_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("كلمة كلمة", encoding="utf-8")
    proc = run("info", str(tmp_path), "--format", "json", timeout=60)  # reading the FIFO would block forever
    rows = {r["path"]: r for r in json.loads(proc.stdout)}
    assert rows["pipe.txt"]["status"] == "skipped" and "not a regular file" in rows["pipe.txt"]["reason"]
    assert rows["ok.txt"]["status"] == "loaded"
    alone = run("freq", str(tmp_path / "pipe.txt"), timeout=60)
    assert alone.returncode == 2 and "1 skipped" in alone.stderr


def test_ctrl_c_exits_130_without_a_traceback():
    # a real SIGINT, delivered while the command loads the corpus
    script = (
        "import os, signal, sys\n"
        "import corpusstats.corpus as c\n"
        "def load(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "c.load_corpus = load\n"
        "from corpusstats.cli import main\n"
        "sys.exit(main(['freq', 'seeds']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 128 + signal.SIGINT == 130
    assert "Traceback" not in proc.stderr and proc.stderr.strip() == "corpusstats: interrupted"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["freq", "no/such/dir"], "no such file"),
        (["freq", str(SEEDS), "--top", "x"], "whole number"),
        (["freq", str(SEEDS), "--min-count", "0"], "number >= 1"),
        (["freq", str(SEEDS), "--format", "xml"], "invalid choice"),
        (["dates", str(SEEDS), "--reference-date", "22/10/2015"], "expected a date as YYYY-MM-DD"),
        (["dates", str(SEEDS), "--reference-date", "2015-02-30"], "expected a date as YYYY-MM-DD"),
        (["frequencies", str(SEEDS)], "invalid choice"),
        ([], "choose a command"),
    ],
)
def test_errors_are_one_line(argv, message, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("corpusstats: error:") and message in lines[0]


def test_installed_command_runs():
    proc = run("freq", "seeds", "--top", "5", "--clitics")
    assert proc.returncode == 0, proc.stderr
    assert "ال+" in proc.stdout
    bad = run("freq", "nowhere")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_output_cut_short_by_a_pipe_is_quiet():
    proc = subprocess.run(f"'{EXE}' freq seeds | head -1", shell=True, cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.split()[0] == "term" and {"count", "per_10k", "rank", "docfreq"} <= set(proc.stdout.split())
    assert proc.stderr == ""


def test_dates_are_written_as_days(capsys):
    assert main(["dates", str(SEEDS), "--format", "jsonl", "--reference-date", "2015-10-22"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    # seeds/sources.csv dates the first article 2015-10-22; its first mention is
    # "يوم الثلاثاء 20 أكتوبر" (Tuesday 20 October 2015), read by hand from the file
    with open(SEEDS / "sources.csv", encoding="utf-8") as f:
        first_doc = min(csv.DictReader(f), key=lambda r: r["file"])
    assert first["anchor"] == first_doc["date"] == "2015-10-22" and first["value"] == "2015-10-20"
