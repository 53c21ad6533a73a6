"""The corpusstats command."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpusstats.cli import main

from .conftest import ROOT, SEEDS


def test_freq_table(capsys):
    assert main(["freq", str(SEEDS), "--top", "20"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["term", "form", "count", "per_10k", "rank", "docfreq"]
    assert len(out) == 21
    assert out[1].split()[:3] == ["في", "في", "371"]


def test_freq_by_source_json(capsys):
    assert main(["freq", str(SEEDS), "--by", "source", "--top", "3", "--stopwords", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 15 and {r["source"] for r in rows} == {
        "aljazeera",
        "digest",
        "syria-2025",
        "compilation",
        "youm7",
    }
    assert all(r["rank"] <= 3 for r in rows)


def test_info_csv(capsys):
    assert main(["info", str(SEEDS), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "path,status,encoding,reason,chars,line"  # line: the record of a JSONL/CSV/Parquet file
    assert len(lines) == 7


@pytest.mark.parametrize(
    "argv, message",
    [
        (["freq", "no/such/dir"], "no such file"),
        (["freq", str(SEEDS), "--top", "x"], "whole number"),
        (["freq", str(SEEDS), "--format", "xml"], "invalid choice"),
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
    exe = Path(sys.executable).with_name("corpusstats")
    proc = subprocess.run(
        [str(exe), "freq", "seeds", "--top", "5", "--clitics"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "ال+" in proc.stdout
    bad = subprocess.run([str(exe), "freq", "nowhere"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_output_cut_short_by_a_pipe_is_quiet():
    exe = Path(sys.executable).with_name("corpusstats")
    proc = subprocess.run(f"'{exe}' freq seeds | head -1", shell=True, cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.split() == ["term", "form", "count", "per_10k", "rank", "docfreq"]
    assert proc.stderr == ""


def test_dates_are_written_as_days(capsys):
    assert main(["dates", str(SEEDS), "--format", "jsonl"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["anchor"] == "2015-10-22" and first["value"] == "2015-10-20"
