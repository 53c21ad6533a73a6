"""Tests that need a system library skip with the reason locally and fail under CI."""

from __future__ import annotations

import builtins

import pytest

from . import plot_reference as ref
from .conftest import in_ci, require


@pytest.mark.parametrize("value, expected", [("", False), ("0", False), ("false", False), ("true", True), ("1", True)])
def test_in_ci(monkeypatch, value, expected):
    monkeypatch.setenv("CI", value)
    assert in_ci() is expected


def test_require_skips_locally_and_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "")
    require(None, "anything", "nothing")  # nothing missing: no effect
    with pytest.raises(pytest.skip.Exception, match="install the Debian package libcairo2"):
        require("OSError: no library called cairo-2", "rendering with cairo", "the Debian package libcairo2")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run this test"):
        require("OSError: no library called cairo-2", "rendering with cairo", "the Debian package libcairo2")


def test_missing_libcairo_is_seen(monkeypatch):
    """cairocffi raises OSError (not ImportError) without libcairo2: that counts as missing."""
    real_import = builtins.__import__

    def no_cairo(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "cairocffi":
            raise OSError('no library called "cairo-2" was found')
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_cairo)
    problem = ref.cairo_problem.__wrapped__()
    assert problem is not None and problem.startswith("OSError") and "cairo-2" in problem
