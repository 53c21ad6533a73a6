"""Argument checks shared by every public function: one wording for one mistake.

A value of the wrong type raises ``TypeError`` naming what was expected; a value
of the right type but out of range raises ``ValueError``.

>>> check_int("min_count", 0, minimum=1)
Traceback (most recent call last):
...
ValueError: min_count must be a whole number >= 1, got 0
>>> check_bool("clitics", "yes")
Traceback (most recent call last):
...
TypeError: clitics must be True or False, got str 'yes'
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

__all__ = ["check_int", "check_bool", "check_str", "check_choice", "describe"]


def describe(value: Any) -> str:
    """``type repr`` of a value, short, for error messages."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def check_int(name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` if it is an ``int`` (not a bool) within ``[minimum, maximum]``."""
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            import numpy as np

            ok = isinstance(value, np.integer)
        except ImportError:  # pragma: no cover
            ok = False
        if not ok:
            raise TypeError(f"{name} must be a whole number (int), got {describe(value)}")
        value = int(value)
    if minimum is not None and value < minimum:
        bound = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"
        raise ValueError(f"{name} must be a whole number {bound}, got {value!r}")
    if maximum is not None and value > maximum:
        bound = f"<= {maximum}" if minimum is None else f"from {minimum} to {maximum}"
        raise ValueError(f"{name} must be a whole number {bound}, got {value!r}")
    return value


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` if it is ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {describe(value)}")
    return value


def check_str(name: str, value: Any, *, allow_none: bool = False) -> str | None:
    """Return ``value`` if it is a ``str`` (or None when allowed)."""
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        expected = "a string or None" if allow_none else "a string"
        raise TypeError(f"{name} must be {expected}, got {describe(value)}")
    return value


def check_choice(name: str, value: Any, choices: Collection[Any]) -> Any:
    """Return ``value`` if it is one of ``choices`` (ValueError listing them otherwise)."""
    try:
        ok = value in choices
    except TypeError:  # unhashable
        ok = False
    if not ok:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")
    return value
