"""Fixtures shared by the whole suite: temporary databases, the sample corpus."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """The sample articles imported once per test process, as a single file (WAL checkpointed) to copy."""
    from store.importer import import_paths

    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    database = open_db(path)
    seeds = sorted(SEEDS.glob("*.txt"))
    report = import_paths(database, seeds)
    assert report.imported == len(seeds), report.skipped
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


def copy_of(template: Path, path: Path) -> Path:
    """A private copy of a template database (each test may write to its own)."""
    shutil.copy(template, path)
    return path


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def seeded_db(seeded_template, db_path):
    """The sample articles in the test's own database at ``db_path``."""
    database = open_db(copy_of(seeded_template, db_path))
    yield database
    database.close()
