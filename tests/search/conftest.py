"""The sample articles imported once per session the way the app imports them; each test gets its own copy."""

from __future__ import annotations

import shutil

import pytest

from store.db import open_db
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory):
    from store.importer import import_paths

    path = tmp_path_factory.mktemp("search") / "seeded.db"
    db = open_db(path)
    import_paths(db, sorted(SEEDS.glob("*.txt")))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def corpus_path(seeded_file, tmp_path):
    path = tmp_path / "corpus.db"
    shutil.copy(seeded_file, path)
    return path


@pytest.fixture
def corpus(corpus_path):
    db = open_db(corpus_path)
    yield db
    db.close()


@pytest.fixture
def article_text(corpus):
    def text_of(article_id: int) -> str:
        return corpus.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]

    return text_of
