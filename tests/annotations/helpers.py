"""Building databases for annotation tests directly (articles written as the importer writes them), so these
tests do not depend on the ingest pipeline."""

from __future__ import annotations

from store.anchoring import text_hash
from store.db import open_db, write_transaction


def annotation_db(path):
    """A database at ``path`` (created and migrated as needed)."""
    return open_db(path)


def add_article(
    db, path: str, text: str, title: str = "A title", url: str | None = None, source: str | None = None
) -> int:
    """Insert (or replace the text of) one article row the way the importer does; returns its id."""
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
