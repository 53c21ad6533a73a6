"""The sources lesson (notebooks/05_sources.ipynb) in JupyterLab: runs without errors, Arabic flush right.

Reuses the JupyterLab + headless Chromium fixtures of ``test_browser`` (they open this module's
``NOTEBOOK``); skipped locally without Chromium/Playwright, required under CI.
"""

from __future__ import annotations

from .test_browser import (  # noqa: F401  (fixtures)
    browser,
    lab,
    page,
    shots,
    test_every_cell_ran_without_errors,
    test_rtl_markdown_paragraphs_are_right_aligned,
)

NOTEBOOK = "notebooks/05_sources.ipynb"
RUN_TIMEOUT_S = 90
