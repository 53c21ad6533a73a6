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
