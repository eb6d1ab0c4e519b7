"""Building small search corpora: through the importer when it can run, else rows written directly."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from store.db import write_transaction
from store.migrations import MIGRATIONS

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"\u201d\u2019]?|$)", re.M)


def ensure_search_schema(db) -> None:
    """Apply the search migration to a test database if the migration chain does not include it yet."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_history'").fetchone():
        from store.migrations import pending_m004_search

        with write_transaction(db):
            pending_m004_search.migrate(db)


def add_article(db, path: str, text: str, *, title: str | None = None, source: str | None = None) -> int:
    """Store an article whose sentences are split naively on end punctuation and line ends."""
    now = datetime.now(timezone.utc).isoformat()
    title = title or next((line.strip() for line in text.splitlines() if line.strip()), path)
    with write_transaction(db):
        article_id = db.execute(
            "INSERT INTO articles (path, content_hash, title, source, words, text, imported, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [path, str(hash(text)), title, source, len(text.split()), text, now, now],
        ).lastrowid
        rows = []
        for seq, match in enumerate(m for m in _SENTENCE.finditer(text) if m.group().strip()):
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            rows.append((article_id, seq, start, match.end(), text[start : match.end()]))
        db.conn.executemany('INSERT INTO sentences (article_id, seq, start, "end", text) VALUES (?, ?, ?, ?, ?)', rows)
    return article_id


def load_seeds(db, paths: list[Path]) -> None:
    """The seed articles, imported the way the app imports them when the importer is available."""
    try:
        from store.importer import import_paths
    except ImportError:
        for path in paths:
            add_article(db, str(path), path.read_text(encoding="utf-8"), source=path.stem)
        return
    import_paths(db, paths)


__all__ = ["MIGRATIONS", "add_article", "ensure_search_schema", "load_seeds"]
