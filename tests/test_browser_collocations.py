"""notebooks/04_collocations.ipynb in JupyterLab: it runs, and the concordance reads right to left.

Same machinery as tests/test_browser.py (a real JupyterLab on 127.0.0.1 and headless
Chromium through Playwright); skipped locally without Chromium, required in CI.
"""

from __future__ import annotations

import re
import shutil

import pytest

from .browser_helpers import CHROMIUM, CHROMIUM_ARGS, LabServer
from .conftest import ROOT, SEEDS
from .test_browser import _OUTPUTS_JS, _require_browser, _wait_for_run

NOTEBOOK = "notebooks/04_collocations.ipynb"
KWIC = ".jp-NotebookPanel .jp-OutputArea-output table.cs-kwic"

#: for each row of the first concordance: where the before-context, the match and the after-context land
_ROWS_JS = """
(table) => [...table.querySelectorAll('tr')].map((tr) => {
  const box = (sel) => { const r = tr.querySelector(sel).getBoundingClientRect(); return [r.left, r.right]; };
  const m = tr.querySelector('td.cs-match');
  return {before: box('td.cs-before'), match: box('td.cs-match'), after: box('td.cs-after'),
          bg: getComputedStyle(m).backgroundColor, dir: getComputedStyle(table).direction};
})
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    _require_browser()
    from playwright.sync_api import sync_playwright

    work = tmp_path_factory.mktemp("lab")
    root = work / "root"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy2(ROOT / NOTEBOOK, root / NOTEBOOK)
    (root / "seeds").symlink_to(SEEDS, target_is_directory=True)
    server = LabServer(root_dir=root, work_dir=work)
    try:
        server.start(timeout=40)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            try:
                pg = browser.new_page(viewport={"width": 1280, "height": 900})
                pg.set_default_timeout(30_000)
                pg.goto(server.url(f"lab/tree/{NOTEBOOK}"), wait_until="domcontentloaded")
                pg.locator(".jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown").first.wait_for(state="visible")
                pg.wait_for_function(
                    "() => /Idle/.test(document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator')"
                    "?.textContent || '') && !!window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel"
                )
                pg.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
                pg.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
                _wait_for_run(pg, 120)
                yield pg
            finally:
                browser.close()
    finally:
        server.stop()


def test_notebook_runs_without_errors(page):
    cells = [c for c in page.evaluate(_OUTPUTS_JS) if c["type"] == "code"]
    errors = [(c["index"], o["ename"], o["evalue"]) for c in cells for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors
    assert all(c["count"] is not None for c in cells)


def test_concordance_reads_right_to_left_with_matches_in_one_column(page):
    table = page.locator(KWIC).first
    table.scroll_into_view_if_needed()
    rows = table.evaluate(_ROWS_JS)
    assert len(rows) >= 5
    for r in rows:
        assert r["dir"] == "rtl"
        # what comes before the match is drawn to its right, what follows to its left
        assert r["before"][0] >= r["match"][1] - 1 and r["after"][1] <= r["match"][0] + 1, r
        assert r["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), r
    assert len({round(r["match"][0]) for r in rows}) == 1  # one aligned column of matches
    # the check discriminates: the same table forced left-to-right puts the before-context on the left
    table.evaluate("(t) => { t.style.direction = 'ltr'; }")
    flipped = table.evaluate(_ROWS_JS)
    table.evaluate("(t) => { t.style.direction = ''; }")
    assert all(r["before"][1] <= r["match"][0] + 1 for r in flipped)
