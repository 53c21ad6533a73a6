from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_corpus():
    import corpusstats as cs

    return cs.load_corpus(SEEDS)


# Modules whose tests render charts, run notebooks or a browser, or sweep whole evaluation sets:
# `pytest -m "not slow"` leaves them out (under a minute); `make test` runs everything.
SLOW_MODULES = {
    "test_browser.py",
    "test_notebooks.py",
    "test_plot_figures.py",
    "test_plot_shaping.py",
    "test_plot_charts.py",
    "test_dates_eval.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
