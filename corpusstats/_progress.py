"""Progress bars for long work (loading, counting, date extraction), never in CI logs.

``progress=True`` always shows a bar, ``False`` never; ``None`` (the default
everywhere) shows one only when the work is big (:data:`BIG_BYTES` of text or
more) and someone is watching: stderr is a terminal or the code runs in a
Jupyter kernel, and the ``CI`` environment variable is not set. tqdm is imported
only when a bar is shown; ``tqdm.auto`` picks the notebook widget in Jupyter.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from ._checks import describe

__all__ = ["progress_bar", "show_progress", "BIG_BYTES"]

#: Work of this many bytes of text or more counts as big (a few seconds and up).
BIG_BYTES = 50_000_000


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    try:
        ip = shell.get_ipython()  # type: ignore[attr-defined]
    except AttributeError:
        return False
    return ip is not None and "IPKernelApp" in getattr(ip, "config", {})


def show_progress(progress: Any, size: int) -> bool:
    """Whether to show a bar for work of ``size`` bytes, given ``progress=True/False/None``.

    >>> show_progress(False, 10**12), show_progress(True, 0)
    (False, True)
    """
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {describe(progress)}")
    if progress is not None:
        return progress
    if os.environ.get("CI") or size < BIG_BYTES:
        return False
    try:
        tty = sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty or _in_notebook()


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: Any) -> None:
        pass


def progress_bar(progress: Any, *, total: int | None, size: int, desc: str, unit: str = "B") -> Any:
    """A tqdm bar (``update``, ``close``, context manager) or one that does nothing.

    ``total`` is in ``unit``; ``size`` (bytes of text) decides, with
    :func:`show_progress`, whether the bar is shown.
    """
    if not show_progress(progress, size):
        return _NoBar()
    from tqdm.auto import tqdm

    scale = unit == "B"
    return tqdm(total=total, desc=desc, unit=unit, unit_scale=scale, unit_divisor=1024 if scale else 1000, leave=False)
