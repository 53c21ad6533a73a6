"""Every notebook runs top to bottom, and every README example runs."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    # bilingual: Arabic and English prose in the markdown, and exercises
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.search("[\u0600-\u06ff]{3,}", prose) and re.search("[A-Za-z]{3,}", prose)
    assert "تمارين" in prose and "Exercises" in prose


def test_notebooks_have_no_stored_outputs():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name


def _readme_blocks(lang):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_readme_python_examples_run():
    blocks = _readme_blocks("python")
    assert blocks
    for block in blocks:
        proc = subprocess.run([sys.executable, "-c", block], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr


def test_readme_cli_examples_run():
    exe = Path(sys.executable).with_name("corpusstats")
    lines = [ln.split("#")[0].strip() for b in _readme_blocks("bash") for ln in b.splitlines()]
    commands = [ln for ln in lines if ln.startswith("corpusstats ")]
    assert len(commands) >= 4
    for cmd in commands:
        argv = shlex.split(cmd)
        proc = subprocess.run([str(exe), *argv[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, (cmd, proc.stderr)
        assert proc.stdout.strip(), cmd
