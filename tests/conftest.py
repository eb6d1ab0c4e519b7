"""Fixtures shared by the whole suite: temporary databases, the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.db import open_db

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's database, config or keymap."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("BROADSHEET_DB", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "broadsheet.db"


@pytest.fixture
def db(db_path):
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def seeded_db(db, seed_files):
    from store.importer import import_paths

    report = import_paths(db, seed_files)
    assert report.imported == len(seed_files), report.skipped
    return db
