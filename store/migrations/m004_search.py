"""Version 4: search — the recent-queries history. (The vocabulary of the sentence index is read through a
per-connection ``fts5vocab`` table, so the index itself needs nothing new.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.migrations import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def migrate(db: Database):
    execute_script(
        db,
        """
        CREATE TABLE search_history (
            query TEXT PRIMARY KEY,
            used_at TEXT NOT NULL
        );
        CREATE INDEX search_history_used ON search_history(used_at);
        """
    )
