"""What a teacher sees in JupyterLab: every notebook in notebooks/, opened, run, looked at.

A real JupyterLab server (on 127.0.0.1, a free port), started as ``make lab`` starts it (the
project's right-to-left CSS, corpusstats/data/rtl.css, as JupyterLab's custom CSS), and headless
Chromium driven by Playwright. For EVERY notebook in notebooks/ (new ones are picked up by
themselves): the Arabic paragraphs are flush right the moment it opens, before any cell has run;
then Run > Run All Cells, and no cell may show an error, every image output must have loaded, no
Arabic may come out as plain text (print/repr scramble it on screen: tables are used instead),
inline code inside Arabic sentences reads left to right, and the style cell leaves no empty row.
Notebook 02's date view is checked in detail. Alignment is judged by where the text's line
boxes land on screen relative to their container, not by CSS properties alone, and the
measurement is shown to call a left-aligned paragraph left-aligned (JupyterLab's own default,
once the project's CSS is switched off).

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
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .browser_helpers import CHROMIUM, CHROMIUM_ARGS, MEASURE_JS, SUBSTRING_X_JS, LabServer, alignment, describe
from .conftest import ROOT, SEEDS, in_ci

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
DATES_NOTEBOOK = "02_dates.ipynb"
DATEVIEW_DOC = "002_e8b7268e21593458.txt"  # the document the notebook's DateView cell shows
RUN_TIMEOUT_S = 180
TIMEX_DATE = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?")
ARABIC = re.compile("[\u0600-\u06ff]")


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


def test_every_notebook_is_covered():
    assert DATES_NOTEBOOK in NOTEBOOKS and len(NOTEBOOKS) >= 3, NOTEBOOKS


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = os.environ.get("CORPUSSTATS_SCREENSHOTS")
    path = Path(d) if d else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1, serving a copy of notebooks/ (so that the repository is
    never written to: opening a notebook makes a checkpoint, running it dirties it), with the
    custom CSS `make lab` installs."""
    _require_browser()
    work = tmp_path_factory.mktemp("lab")
    root = work / "root"
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (root / "seeds").symlink_to(SEEDS, target_is_directory=True)  # the notebooks read ../seeds
    css = (ROOT / "corpusstats" / "data" / "rtl.css").read_text(encoding="utf-8")
    server = LabServer(root_dir=root, work_dir=work, custom_css=css)
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

#: how many image outputs the open notebook's model holds
_IMAGE_OUTPUTS_JS = """
() => window.jupyterapp.shell.currentWidget.context.model.toJSON().cells
  .flatMap((c) => c.outputs || [])
  .filter((o) => o.data && (o.data['image/png'] || o.data['image/svg+xml'] || o.data['image/jpeg'])).length
"""

#: plain-text outputs on screen (print, repr of anything without an HTML view): (cell index, text)
_PLAIN_TEXT_OUTPUTS_JS = """
() => [...document.querySelectorAll('.jp-NotebookPanel .jp-Cell')].flatMap((cell, i) =>
  [...cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="text/plain"],'
    + ' .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]')].map((o) => [i, o.textContent]))
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


RTL_MARKDOWN_P = '.jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown [dir="rtl"] p'
LTR_MARKDOWN_P = ".jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown > p"
RTL_CODE = '.jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown [dir="rtl"] code'
DATEVIEW = ".jp-NotebookPanel .jp-OutputArea-output .cs-dateview"

#: the project's CSS in the page: JupyterLab's custom.css (<link>) and the style cells' <style> outputs
_PROJECT_SHEETS_JS = """
() => [...document.styleSheets].filter((sh) => (sh.href || '').includes('/custom/custom.css')
    || (sh.ownerNode && sh.ownerNode.matches && sh.ownerNode.matches('style.cs-rtl')))
"""
_TOGGLE_PROJECT_CSS_JS = (
    "(off) => { const s = (" + _PROJECT_SHEETS_JS + ")(); s.forEach((sh) => { sh.disabled = off; }); return s.length; }"
)

#: every image output: loaded, with pixels, visible
_IMAGES_JS = """
() => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output img')].map((img) => {
  const r = img.getBoundingClientRect();
  return {complete: img.complete, w: img.naturalWidth, h: img.naturalHeight, shownW: r.width, shownH: r.height,
          src: (img.getAttribute('src') || '').slice(0, 40)};
})
"""

#: the style cell's output row, if it is there: its height on screen
_STYLE_ROW_JS = """
() => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-child')]
  .filter((el) => el.querySelector('style.cs-rtl'))
  .map((el) => el.getBoundingClientRect().height)
"""

#: for each inline code element: its direction, bidi isolation, and the x of its first and last character
_CODE_JS = r"""
(els) => els.map((el) => {
  const cs = getComputedStyle(el);
  const t = el.firstChild && el.firstChild.nodeType === 3 ? el.firstChild : null;
  const x = (i) => { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1);
                      const b = r.getBoundingClientRect(); return (b.left + b.right) / 2; };
  const n = t ? t.data.length : 0;
  return {text: el.textContent, direction: cs.direction, bidi: cs.unicodeBidi,
          first: n > 1 ? x(0) : null, last: n > 1 ? x(n - 1) : null, lines: el.getClientRects().length};
})
"""


def _measure(page, locator) -> dict:
    locator.scroll_into_view_if_needed()
    return locator.evaluate(MEASURE_JS)


def _measure_all(page, selector: str) -> list[dict]:
    loc = page.locator(selector)
    return [_measure(page, loc.nth(i)) for i in range(loc.count())]


@dataclass
class Opened:
    """A notebook open in its own browser tab: what was measured on opening, then run."""

    name: str
    page: object
    rtl_on_open: list[dict] = field(default_factory=list)
    ltr_on_open: list[dict] = field(default_factory=list)
    error: BaseException | None = None


def _open_and_run(lab, browser, shots: Path, name: str, context_holder: list) -> Opened:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    context_holder.append(context)
    context.set_default_timeout(30_000)
    pg = context.new_page()
    opened = Opened(name, pg)
    try:
        # a workspace of its own (else the tab opens every notebook opened before it), reset
        workspace = re.sub(r"[^A-Za-z0-9]+", "-", Path(name).stem)
        pg.goto(lab.url(f"lab/workspaces/{workspace}/tree/notebooks/{name}?reset"), wait_until="domcontentloaded")
        pg.locator(".jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown").first.wait_for(state="visible")
        # the kernel must be up before Run All, else the run waits on it
        pg.wait_for_function(
            "() => /Idle/.test(document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator')"
            "?.textContent || '') && !!window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel",
            timeout=60_000,
        )
        # as the teacher first sees it: nothing has run yet
        assert not page_ran(pg), "cells ran before Run All"
        opened.rtl_on_open = _measure_all(pg, RTL_MARKDOWN_P)
        opened.ltr_on_open = _measure_all(pg, LTR_MARKDOWN_P)
        pg.screenshot(path=str(shots / f"{name}-on-open.png"))
        # what a teacher does: the Run menu, "Run All Cells"
        pg.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
        pg.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
        _wait_for_run(pg, RUN_TIMEOUT_S)
        pg.screenshot(path=str(shots / f"{name}-after-run.png"), full_page=True)
    except Exception as exc:  # reported by every test of this notebook
        pg.screenshot(path=str(shots / f"{name}-failure.png"))
        if hasattr(exc, "add_note"):  # Python 3.11+
            exc.add_note(f"screenshot: {shots / (name + '-failure.png')}\nJupyterLab log (tail):\n{lab.log_tail()}")
        opened.error = exc
    return opened


def page_ran(pg) -> bool:
    return any(re.fullmatch(r"\[\d+\]:", p) for p in pg.evaluate(_RUN_STATE_JS)["prompts"])


@pytest.fixture(scope="module")
def notebooks(lab, browser, shots):
    """name -> Opened, each notebook opened and run once (on first use), in its own tab."""
    cache: dict[str, Opened] = {}
    contexts: list = []

    def get(name: str) -> Opened:
        if name not in cache:
            cache[name] = _open_and_run(lab, browser, shots, name, contexts)
        opened = cache[name]
        if opened.error is not None:
            raise opened.error
        return opened

    try:
        yield get
    finally:
        for c in contexts:
            c.close()


@pytest.fixture(scope="module")
def dates_page(notebooks):
    return notebooks(DATES_NOTEBOOK).page


# --------------------------------------------------------------------------- every notebook


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_arabic_paragraphs_are_right_to_left_on_open(notebooks, name):
    nb = notebooks(name)
    assert nb.rtl_on_open, f"{name}: no Arabic paragraphs in <div dir=rtl> found"
    bad = [describe(m) for m in nb.rtl_on_open if m["direction"] != "rtl" or alignment(m) != "right"]
    assert not bad, f"{name}: Arabic paragraphs not flush right when the notebook opens:\n" + "\n".join(bad)
    # the control: English paragraphs next to them are measured as left-aligned
    assert nb.ltr_on_open, f"{name}: no English paragraphs found"
    # (a line may fill the width, or start with a padded code span: none may cling to the right)
    wrong = [describe(m) for m in nb.ltr_on_open if m["direction"] != "ltr" or alignment(m) == "right"]
    assert not wrong, "\n".join(wrong)
    assert any(alignment(m) == "left" for m in nb.ltr_on_open), "\n".join(describe(m) for m in nb.ltr_on_open)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_cell_ran_without_errors(notebooks, name):
    page = notebooks(name).page
    cells = page.evaluate(_OUTPUTS_JS)
    code = [c for c in cells if c["type"] == "code"]
    assert code, f"{name}: no code cells in the open notebook"
    not_run = [(c["index"], c["source"]) for c in code if c["count"] is None]
    errors = [(c["index"], o["ename"], o["evalue"]) for c in code for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors, f"{name}: cells with error outputs (index, ename, evalue): {errors}"
    assert not not_run, f"{name}: cells that did not run: {not_run}"
    visible = page.evaluate(_VISIBLE_ERRORS_JS)
    assert not visible, f"{name}: error boxes on screen: {[t[:300] for t in visible]}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_images_are_loaded(notebooks, name):
    page = notebooks(name).page
    model = page.evaluate(_IMAGE_OUTPUTS_JS)
    loc = page.locator(".jp-NotebookPanel .jp-OutputArea-output img")
    for i in range(loc.count()):
        loc.nth(i).scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    images = page.evaluate(_IMAGES_JS)
    assert len(images) == model, f"{name}: {model} image outputs in the notebook, {len(images)} <img> on screen"
    broken = [im for im in images if not im["complete"] or im["w"] == 0 or im["shownW"] < 50 or im["shownH"] < 50]
    assert not broken, f"{name}: images not loaded or not shown: {broken}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_arabic_as_plain_text_output(notebooks, name):
    """print/repr of Arabic comes out scrambled on screen: results with Arabic are tables or HTML views."""
    page = notebooks(name).page
    plain = page.evaluate(_PLAIN_TEXT_OUTPUTS_JS)
    arabic = [(i, t[:120]) for i, t in plain if ARABIC.search(t)]
    assert not arabic, f"{name}: Arabic printed as plain text (cell index, text): {arabic}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_inline_code_in_arabic_reads_left_to_right(notebooks, name):
    page = notebooks(name).page
    got = page.locator(RTL_CODE).evaluate_all(_CODE_JS)
    bad = [g for g in got if g["direction"] != "ltr" or g["bidi"] not in ("isolate", "isolate-override")]
    assert not bad, f"{name}: inline code inside Arabic not isolated left to right: {bad}"
    # on screen: a one-line code span starts on the left and ends on the right
    backwards = [g for g in got if g["lines"] == 1 and g["first"] is not None and g["first"] >= g["last"]]
    assert not backwards, f"{name}: inline code drawn right to left: {backwards}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_style_cell_leaves_no_empty_row(notebooks, name):
    heights = notebooks(name).page.evaluate(_STYLE_ROW_JS)
    assert all(h == 0 for h in heights), f"{name}: the style cell's output row takes {heights} px"


# --------------------------------------------------------------------------- the checks can fail


def test_alignment_check_sees_left_aligned_arabic(notebooks, shots):
    """The check discriminates: without the project's CSS (custom.css and the style cell),
    JupyterLab's own `.jp-RenderedHTMLCommon p {text-align: left}` wins and the same
    measurement reports the Arabic paragraphs as left-aligned; a DateView forced to
    text-align:left is caught too; inline code without the CSS reads right to left."""
    page = notebooks(DATES_NOTEBOOK).page
    try:
        n = page.evaluate(_TOGGLE_PROJECT_CSS_JS, True)
        unstyled = _measure_all(page, RTL_MARKDOWN_P)
        code = page.locator(RTL_CODE).evaluate_all(_CODE_JS)
        page.locator(RTL_MARKDOWN_P).nth(1).scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "markdown-without-project-css.png"))
    finally:
        page.evaluate(_TOGGLE_PROJECT_CSS_JS, False)
    assert n == 2, f"expected custom.css and the style cell's <style>, found {n} sheets"
    assert unstyled and all(m["direction"] == "rtl" for m in unstyled)
    wrong = [describe(m) for m in unstyled if alignment(m) != "left"]
    assert not wrong, "without the project's CSS these should measure left-aligned:\n" + "\n".join(wrong)
    assert all(alignment(m) == "right" for m in _measure_all(page, RTL_MARKDOWN_P)), "style not restored"
    assert any(g["direction"] == "rtl" for g in code), "without the CSS, inline code should inherit rtl"

    view = page.locator(DATEVIEW).first
    try:
        view.evaluate("(el) => { el.dataset.saved = el.style.textAlign; el.style.textAlign = 'left'; }")
        forced = _measure(page, view)
    finally:
        view.evaluate("(el) => { el.style.textAlign = el.dataset.saved; delete el.dataset.saved; }")
    assert alignment(forced) == "left", f"a left-aligned DateView was not caught: {describe(forced)}"
    assert alignment(_measure(page, view)) == "right"


def test_output_checks_see_plain_arabic_and_broken_images(notebooks):
    """A cell printing Arabic and a cell showing a broken image, added at the end and run, are
    both found (then deleted again)."""
    page = notebooks(DATES_NOTEBOOK).page
    probe = """from IPython.display import HTML; print('تجربة'); HTML('<img src="data:image/png;base64,AAAA">')"""
    _run_probe_cell(page, probe)
    try:
        plain = page.evaluate(_PLAIN_TEXT_OUTPUTS_JS)
        images = page.evaluate(_IMAGES_JS)
    finally:
        _delete_last_cell(page)
    assert any(ARABIC.search(t) for _, t in plain), plain
    assert any(im["w"] == 0 for im in images), images


def test_error_check_sees_an_error(notebooks):
    """The error check discriminates: a cell that raises, added at the end and run, is found
    both in the model and on screen (then deleted again)."""
    page = notebooks(DATES_NOTEBOOK).page
    _run_probe_cell(page, "raise ValueError('probe for the browser test')")
    page.locator(
        '.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).last.wait_for(timeout=15_000)
    errors = [o for c in page.evaluate(_OUTPUTS_JS) for o in c["outputs"] if o["output_type"] == "error"]
    visible = page.evaluate(_VISIBLE_ERRORS_JS)
    _delete_last_cell(page)
    assert [e["ename"] for e in errors] == ["ValueError"], errors
    assert len(visible) == 1 and "probe for the browser test" in visible[0], visible


def _run_probe_cell(page, source: str) -> None:
    before = len(page.evaluate(_OUTPUTS_JS))
    page.locator(".jp-NotebookPanel .jp-Cell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # command mode: insert a cell below
    page.wait_for_function(f"() => document.querySelectorAll('.jp-NotebookPanel .jp-Cell').length === {before + 1}")
    page.keyboard.press("Enter")
    page.keyboard.insert_text(source)
    page.keyboard.press("Control+Enter")
    _wait_for_run(page, 30)
    page.wait_for_timeout(300)


def _delete_last_cell(page) -> None:
    page.keyboard.press("Escape")
    page.keyboard.press("d")
    page.keyboard.press("d")


# --------------------------------------------------------------------------- notebook 02's date view


def test_dateview_is_right_to_left_and_right_aligned(dates_page, shots):
    page = dates_page
    views = page.locator(DATEVIEW)
    views.first.wait_for(state="visible", timeout=10_000)
    assert views.count() == 1, f"expected one DateView output, found {views.count()}"
    m = _measure(page, views.first)
    views.first.screenshot(path=str(shots / "dateview-element.png"))
    assert m["direction"] == "rtl", describe(m)
    assert m["textAlign"] in ("right", "start"), describe(m)
    assert len(m["lines"]) >= 3, f"expected several lines of text: {describe(m)}"
    assert alignment(m) == "right", f"DateView text is not flush right on screen: {describe(m)}"


def test_dateview_title_reads_in_order(dates_page):
    """The document title (Latin: file name, source, count) reads left to right as written."""
    title = dates_page.locator(f"{DATEVIEW} > div").first
    title.scroll_into_view_if_needed()
    pieces = [DATEVIEW_DOC[:4], DATEVIEW_DOC[-4:], "syria-2025", "mentions"]
    xs = title.evaluate(SUBSTRING_X_JS, pieces)
    assert None not in xs, f"title pieces not found: {dict(zip(pieces, xs, strict=True))}"
    assert xs == sorted(xs), f"title pieces out of reading order (x positions): {dict(zip(pieces, xs, strict=True))}"


def test_date_mentions_are_marks_with_their_values(dates_page):
    import corpusstats as cs

    expected = cs.date_mentions(cs.load_corpus(SEEDS))
    expected = expected[expected["doc_id"] == DATEVIEW_DOC].reset_index(drop=True)
    assert len(expected), f"no date mentions in {DATEVIEW_DOC}: the notebook's DateView shows nothing to check"
    marks = dates_page.locator(f"{DATEVIEW} mark")
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
    # غداً الأربعاء in the 2025 article (dated 2025-10-14 in seeds/sources.csv): Wednesday 15 October
    assert any(g["value"] == "2025-10-15" for g in got), got
