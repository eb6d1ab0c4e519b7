"""A database with the annotation tables and the sample articles, written directly so these tests do not
depend on the ingest pipeline."""

from __future__ import annotations

import pytest

from store.anchoring import text_hash
from store.db import write_transaction


def add_article(db, path: str, text: str, title: str = "A title", url: str | None = None, source: str | None = None) -> int:
    """Insert (or replace the text of) one article row the way the importer does."""
    with write_transaction(db):
        row = db.execute("SELECT id FROM articles WHERE path = ?", [path]).fetchone()
        if row:
            db.execute("UPDATE articles SET text = ?, content_hash = ? WHERE id = ?", [text, text_hash(text), row[0]])
            return row[0]
        return db.execute(
            """INSERT INTO articles (path, content_hash, title, source, url, words, text, imported, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')""",
            [path, text_hash(text), title, source, url, len(text.split()), text],
        ).lastrowid


@pytest.fixture
def adb(db, seed_files):
    """The sample articles (titles from their first line) in a database with the annotation tables."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'annotations'").fetchone():
        from store.migrations import pending_m003_annotations

        with write_transaction(db):
            pending_m003_annotations.migrate(db)
    for path in seed_files:
        text = path.read_text(encoding="utf-8")
        add_article(db, str(path), text, title=text.strip().splitlines()[0][:80], url=f"https://example.org/{path.stem}", source="Example News")
    return db
