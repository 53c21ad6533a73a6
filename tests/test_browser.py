"""What a teacher sees in JupyterLab is right-to-left Arabic.

A real JupyterLab server (on 127.0.0.1, a free port) and headless Chromium driven by
Playwright: open notebooks/02_dates.ipynb, Run > Run All Cells, then measure the rendered
page. Alignment is judged by where the text's line boxes land on screen relative to their
container, not by CSS properties alone, and the same measurement is shown to call a
left-aligned paragraph left-aligned (JupyterLab's own default, once the notebook's style
cell is switched off).

Needs /usr/bin/chromium (Debian package ``chromium``) and the ``playwright`` package (the
``test`` extra); never ``playwright install``. Without them the test is skipped locally
and fails under CI (CI must run it). Screenshots go to the test's tmp dir, or to
``$CORPUSSTATS_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from .browser_helpers import CHROMIUM, CHROMIUM_ARGS, MEASURE_JS, SUBSTRING_X_JS, LabServer, alignment, describe
from .conftest import ROOT, SEEDS, in_ci

NOTEBOOK = "notebooks/02_dates.ipynb"
DATEVIEW_DOC = "002_e8b7268e21593458.txt"  # the document the notebook's DateView cell shows
RUN_TIMEOUT_S = 60
TIMEX_DATE = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?")


def _require_browser() -> None:
    problems = []
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} is missing (Debian package 'chromium'; .ci/run installs it)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the Python package 'playwright' is missing (pip install -e '.[test]')")
    if problems:
        msg = "browser test cannot run: " + "; ".join(problems)
        if in_ci():
            pytest.fail(msg + " -- CI must run this test", pytrace=False)
        pytest.skip(msg)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = os.environ.get("CORPUSSTATS_SCREENSHOTS")
    path = Path(d) if d else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1, serving a copy of the notebook (so that the repository
    is never written to: opening a notebook makes a checkpoint, running it dirties it)."""
    _require_browser()
    work = tmp_path_factory.mktemp("lab")
    root = work / "root"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy2(ROOT / NOTEBOOK, root / NOTEBOOK)
    (root / "seeds").symlink_to(SEEDS, target_is_directory=True)  # the notebook reads ../seeds
    server = LabServer(root_dir=root, work_dir=work)
    try:
        server.start(timeout=40)
        yield server
    finally:
        server.stop()
        assert server.proc is None or server.proc.poll() is not None, "JupyterLab is still running"


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=30_000)
        try:
            yield b
        finally:
            b.close()


_RUN_STATE_JS = """
() => {
  const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]
    .map((e) => e.textContent.trim());
  const status = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator')?.dataset.status;
  return {prompts, status};
}
"""

#: outputs of the open notebook, from its model (output_type tells errors from stderr)
_OUTPUTS_JS = """
() => {
  const nb = window.jupyterapp.shell.currentWidget.context.model.toJSON();
  return nb.cells.map((c, i) => ({index: i, type: c.cell_type, count: c.execution_count ?? null,
                                   source: (Array.isArray(c.source) ? c.source.join('') : c.source).slice(0, 60),
                                   outputs: (c.outputs || []).map((o) => ({output_type: o.output_type,
                                     name: o.name ?? null, ename: o.ename ?? null, evalue: o.evalue ?? null}))}));
}
"""

#: what is on screen as an error: stderr-style (pink) output boxes with a traceback in them
_VISIBLE_ERRORS_JS = """
() => [...document.querySelectorAll(
    '.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
  .map((e) => e.textContent)
  .filter((t) => /Traceback \\(most recent call last\\)|^\\s*\\w*(Error|Exception)\\b/m.test(t))
"""


def _wait_for_run(page, timeout_s: float) -> dict:
    """Wait until every code cell has run (or the run stopped) and the kernel is idle."""
    deadline = time.monotonic() + timeout_s
    state = {}
    while time.monotonic() < deadline:
        state = page.evaluate(_RUN_STATE_JS)
        prompts = state["prompts"]
        ran = any(re.fullmatch(r"\[\d+\]:", p) for p in prompts)
        busy = any("*" in p for p in prompts)
        if prompts and ran and not busy and state["status"] == "idle":
            return state
        page.wait_for_timeout(250)
    raise AssertionError(f"Run All Cells did not finish within {timeout_s:.0f} s; prompts/kernel: {state}")


@pytest.fixture(scope="module")
def page(lab, browser, shots):
    """The notebook open in JupyterLab, after Run > Run All Cells."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    context.set_default_timeout(30_000)
    pg = context.new_page()
    try:
        pg.goto(lab.url(f"lab/tree/{NOTEBOOK}"), wait_until="domcontentloaded")
        pg.locator(".jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown").first.wait_for(state="visible")
        # the kernel must be up before Run All, else the run waits on it
        pg.wait_for_function(
            "() => /Idle/.test(document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator')"
            "?.textContent || '') && !!window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel",
            timeout=30_000,
        )
        # what a teacher does: the Run menu, "Run All Cells"
        pg.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
        pg.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
        _wait_for_run(pg, RUN_TIMEOUT_S)
        yield pg
    except Exception as exc:
        pg.screenshot(path=str(shots / "failure.png"))
        if hasattr(exc, "add_note"):  # Python 3.11+
            exc.add_note(f"screenshot: {shots / 'failure.png'}\nJupyterLab log (tail):\n{lab.log_tail()}")
        raise
    finally:
        context.close()


def _measure(page, locator) -> dict:
    locator.scroll_into_view_if_needed()
    return locator.evaluate(MEASURE_JS)


def _measure_all(page, selector: str) -> list[dict]:
    loc = page.locator(selector)
    return [_measure(page, loc.nth(i)) for i in range(loc.count())]


RTL_MARKDOWN_P = '.jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown [dir="rtl"] p'
LTR_MARKDOWN_P = ".jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown > p"
DATEVIEW = ".jp-NotebookPanel .jp-OutputArea-output .cs-dateview"
STYLE_CELL_CSS = "() => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output style')]"


# ---------------------------------------------------------------------------


def test_every_cell_ran_without_errors(page):
    cells = page.evaluate(_OUTPUTS_JS)
    code = [c for c in cells if c["type"] == "code"]
    assert code, "no code cells in the open notebook"
    not_run = [(c["index"], c["source"]) for c in code if c["count"] is None]
    errors = [(c["index"], o["ename"], o["evalue"]) for c in code for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors, f"cells with error outputs (index, ename, evalue): {errors}"
    assert not not_run, f"cells that did not run: {not_run}"
    visible = page.evaluate(_VISIBLE_ERRORS_JS)
    assert not visible, f"error boxes on screen: {[t[:300] for t in visible]}"


def test_dateview_is_right_to_left_and_right_aligned(page, shots):
    views = page.locator(DATEVIEW)
    views.first.wait_for(state="visible", timeout=10_000)
    assert views.count() == 1, f"expected one DateView output, found {views.count()}"
    m = _measure(page, views.first)
    page.screenshot(path=str(shots / "dateview.png"))
    views.first.screenshot(path=str(shots / "dateview-element.png"))
    assert m["direction"] == "rtl", describe(m)
    assert m["textAlign"] in ("right", "start"), describe(m)
    assert len(m["lines"]) >= 3, f"expected several lines of text: {describe(m)}"
    assert alignment(m) == "right", f"DateView text is not flush right on screen: {describe(m)}"


def test_dateview_title_reads_in_order(page):
    """The document title (Latin: file name, source, count) reads left to right as written."""
    title = page.locator(f"{DATEVIEW} > div").first
    title.scroll_into_view_if_needed()
    pieces = [DATEVIEW_DOC[:4], DATEVIEW_DOC[-4:], "syria-2025", "mentions"]
    xs = title.evaluate(SUBSTRING_X_JS, pieces)
    assert None not in xs, f"title pieces not found: {dict(zip(pieces, xs, strict=True))}"
    assert xs == sorted(xs), f"title pieces out of reading order (x positions): {dict(zip(pieces, xs, strict=True))}"


def test_date_mentions_are_marks_with_their_values(page):
    import corpusstats as cs

    expected = cs.date_mentions(cs.load_corpus(SEEDS))
    expected = expected[expected["doc_id"] == DATEVIEW_DOC].reset_index(drop=True)
    assert len(expected), f"no date mentions in {DATEVIEW_DOC}: the notebook's DateView shows nothing to check"
    marks = page.locator(f"{DATEVIEW} mark")
    got = marks.evaluate_all(
        """(ms) => ms.map((m) => { const r = m.getBoundingClientRect();
             return {text: m.textContent, title: m.getAttribute('title'), value: m.dataset.value,
                     cls: m.className, w: r.width, h: r.height, bg: getComputedStyle(m).backgroundColor}; })"""
    )
    assert [g["text"] for g in got] == expected["text"].tolist(), "the marks are not the date mentions, in order"
    for g, (_, row) in zip(got, expected.iterrows(), strict=True):
        assert g["title"] and g["title"].strip(), f"mark without a title: {g}"
        assert row["type"] in g["title"], f"title lacks the type {row['type']}: {g}"
        if isinstance(row["value"], str):
            assert row["value"] in g["title"], f"title lacks the value {row['value']}: {g}"
            assert g["value"] == row["value"], g
            if row["type"] == "DATE":
                assert TIMEX_DATE.match(row["value"]), row["value"]
        assert g["w"] > 0 and g["h"] > 0, f"mark not visible: {g}"
        assert g["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), f"mark not highlighted: {g}"
    assert any(g["value"] == "2025-10-15" for g in got), got  # غداً الأربعاء, anchored on 2025-10-14


def test_rtl_markdown_paragraphs_are_right_aligned(page, shots):
    rtl = _measure_all(page, RTL_MARKDOWN_P)
    assert len(rtl) >= 4, f"expected the notebook's Arabic paragraphs in <div dir=rtl>, found {len(rtl)}"
    page.locator(RTL_MARKDOWN_P).nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "markdown.png"))
    bad = [describe(m) for m in rtl if m["direction"] != "rtl" or alignment(m) != "right"]
    assert not bad, "Arabic paragraphs not flush right on screen:\n" + "\n".join(bad)
    # the control: English paragraphs next to them are measured as left-aligned
    ltr = _measure_all(page, LTR_MARKDOWN_P)
    assert ltr, "no English paragraphs found"
    assert all(alignment(m) == "left" for m in ltr), "\n".join(describe(m) for m in ltr)


def test_alignment_check_sees_left_aligned_arabic(page, shots):
    """The check discriminates: without the style cell's CSS, JupyterLab's own
    `.jp-RenderedHTMLCommon p {text-align: left}` wins and the same measurement reports the
    Arabic paragraphs as left-aligned; a DateView forced to text-align:left is caught too."""
    n = page.evaluate(STYLE_CELL_CSS + ".filter((s) => s.textContent.includes('dir=\"rtl\"')).length")
    assert n == 1, f'expected the notebook\'s style cell output (<style> with [dir="rtl"] p), found {n}'
    toggle = STYLE_CELL_CSS + """.forEach((s) => { if (s.textContent.includes('dir="rtl"')) s.disabled = %s; })"""
    try:
        page.evaluate(toggle % "true")
        unstyled = _measure_all(page, RTL_MARKDOWN_P)
        page.locator(RTL_MARKDOWN_P).nth(1).scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "markdown-without-style-cell.png"))
    finally:
        page.evaluate(toggle % "false")
    assert unstyled and all(m["direction"] == "rtl" for m in unstyled)
    wrong = [describe(m) for m in unstyled if alignment(m) != "left"]
    assert not wrong, "without the style cell these should measure left-aligned:\n" + "\n".join(wrong)
    assert all(alignment(m) == "right" for m in _measure_all(page, RTL_MARKDOWN_P)), "style not restored"

    view = page.locator(DATEVIEW).first
    try:
        view.evaluate("(el) => { el.dataset.saved = el.style.textAlign; el.style.textAlign = 'left'; }")
        forced = _measure(page, view)
    finally:
        view.evaluate("(el) => { el.style.textAlign = el.dataset.saved; delete el.dataset.saved; }")
    assert alignment(forced) == "left", f"a left-aligned DateView was not caught: {describe(forced)}"
    assert alignment(_measure(page, view)) == "right"


def test_error_check_sees_an_error(page):
    """The error check discriminates: a cell that raises, added at the end and run, is found
    both in the model and on screen (then deleted again)."""
    before = len(page.evaluate(_OUTPUTS_JS))
    page.locator(".jp-NotebookPanel .jp-Cell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # command mode: insert a cell below
    page.wait_for_function(f"() => document.querySelectorAll('.jp-NotebookPanel .jp-Cell').length === {before + 1}")
    page.keyboard.press("Enter")
    page.keyboard.type("raise ValueError('probe for the browser test')")
    page.keyboard.press("Control+Enter")
    page.locator(
        '.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).last.wait_for(timeout=15_000)
    _wait_for_run(page, 15)
    errors = [o for c in page.evaluate(_OUTPUTS_JS) for o in c["outputs"] if o["output_type"] == "error"]
    visible = page.evaluate(_VISIBLE_ERRORS_JS)
    page.keyboard.press("Escape")
    page.keyboard.press("d")
    page.keyboard.press("d")
    assert [e["ename"] for e in errors] == ["ValueError"], errors
    assert len(visible) == 1 and "probe for the browser test" in visible[0], visible
