"""Recent queries, kept in the database so they survive a restart."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from store.db import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP = 200


def record_query(db: Database, query: str) -> None:
    """Remember ``query`` as the most recent one (blank queries are not kept; old ones are trimmed)."""
    query = " ".join(str(query).split())
    if not query:
        return
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with write_transaction(db):
        db.execute(
            "INSERT INTO search_history (query, used_at) VALUES (?, ?) "
            "ON CONFLICT(query) DO UPDATE SET used_at = excluded.used_at",
            [query, now],
        )
        db.execute(
            "DELETE FROM search_history WHERE query NOT IN "
            "(SELECT query FROM search_history ORDER BY used_at DESC LIMIT ?)",
            [KEEP],
        )


def recent_queries(db: Database, limit: int = 10) -> list[str]:
    """The most recently used queries, newest first."""
    rows = db.execute("SELECT query FROM search_history ORDER BY used_at DESC LIMIT ?", [limit]).fetchall()
    return [row[0] for row in rows]
