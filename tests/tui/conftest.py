"""Fixtures for the app's tests."""

from __future__ import annotations

import pytest

from tests.tui.notices import keep_raised


@pytest.fixture(autouse=True)
def _toasts_kept_for_assertions(monkeypatch):
    keep_raised(monkeypatch)
