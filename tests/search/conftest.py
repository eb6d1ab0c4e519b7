"""The sample articles imported once per session the way the app imports them; each test gets its own copy."""

from __future__ import annotations

import pytest

from store.db import open_db
from tests.conftest import copy_of


@pytest.fixture
def corpus_path(seeded_template, tmp_path):
    return copy_of(seeded_template, tmp_path / "corpus.db")


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
