import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_corpus():
    import corpusstats as cs

    return cs.load_corpus(SEEDS)


def in_ci() -> bool:
    """True under CI (``CI`` set to anything but empty/0/false/no), where every test must run."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(problem: str | None, what: str, install: str) -> None:
    """Skip (locally) or fail (under CI) a test that cannot run for a missing system piece.

    ``problem`` is None when everything is there, else what went wrong; ``install``
    says how to get it (``.ci/run`` installs it in CI).
    """
    if problem is None:
        return
    msg = f"{what} cannot run: {problem}; install {install} (.ci/run installs it)"
    if in_ci():
        pytest.fail(msg + " -- CI must run this test", pytrace=False)
    pytest.skip(msg)


# Modules whose tests render charts, run notebooks or a browser, or sweep whole evaluation sets:
# `pytest -m "not slow"` leaves them out (under a minute); `make test` runs everything.
SLOW_MODULES = {
    "test_browser.py",
    "test_browser_collocations.py",
    "test_browser_sources.py",
    "test_plot_sources.py",
    "test_notebooks.py",
    "test_plot_figures.py",
    "test_plot_shaping.py",
    "test_plot_charts.py",
    "test_plot_collocations.py",
    "test_dates_eval.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
