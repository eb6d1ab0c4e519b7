"""Fuzzy search over the corpus: misspelt, half-remembered, reordered quotes land on their sentence.

Candidates come from the FTS5 index, each query word expanded to the indexed words within a few typos or
that it begins; when those words match too many sentences to read them all, the whole query — common
words, figures and phrases included — narrows them. A rerank on normalised text orders them; every hit
carries its matched character ranges. See ``bench/search.py`` for recall and latency.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from store.search.engine import SCOPES, Engine
from store.search.history import recent_queries, record_query
from store.search.hits import Hit
from store.search.normalize import normalize
from store.search.query import ParsedQuery, parse_query

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

__all__ = [
    "SCOPES",
    "Hit",
    "ParsedQuery",
    "Searcher",
    "normalize",
    "parse_query",
    "recent_queries",
    "record_query",
    "search",
]

_engines: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _engine_for(db: Database | sqlite3.Connection) -> Engine:
    """The engine (and its vocabulary cache) kept for a sqlite-utils ``Database`` as long as it lives."""
    conn: sqlite3.Connection = getattr(db, "conn", db)  # type: ignore[arg-type]  # a Database has .conn
    try:
        engine = _engines.get(db)
    except TypeError:
        return Engine(conn)
    if engine is None:
        engine = _engines[db] = Engine(conn)
    return engine


def search(
    db,
    query: str,
    *,
    limit: int = 20,
    scope: str = "sentences",
    article_id: int | None = None,
    cancel: threading.Event | None = None,
) -> list[Hit]:
    """The best ``limit`` hits for ``query``, best first; ``[]`` for a blank query or when ``cancel`` is set.

    ``scope`` is one of :data:`SCOPES` (an ``in:`` filter in the query overrides it); ``article_id``
    limits the search to one article (find in the open article). Never raises for any query text.
    """
    return _engine_for(db).search(query, limit=limit, scope=scope, article_id=article_id, cancel=cancel)


class Searcher:
    """A search engine with its own connection, for a worker thread: call :meth:`search` from one thread at a
    time and :meth:`interrupt` from any thread to stop the running search at once."""

    def __init__(self, db_path: Path | str) -> None:
        from store.db import open_db

        self.db = open_db(db_path)
        self.engine = Engine(self.db.conn)

    def search(self, query: str, **options) -> list[Hit]:
        return self.engine.search(query, **options)

    def interrupt(self) -> None:
        self.engine.interrupt()

    def warm(self, cancel: threading.Event | None = None) -> None:
        """Load the vocabulary ahead of the first search (call it from the worker thread)."""
        self.engine.warm(cancel)

    def record_query(self, query: str) -> None:
        with self.engine.lock:
            record_query(self.db, query)

    def recent_queries(self, limit: int = 10) -> list[str]:
        with self.engine.lock:
            return recent_queries(self.db, limit)

    def close(self) -> None:
        """Stop any running search, then close the connection once it has returned."""
        self.engine.interrupt()
        with self.engine.lock:
            self.db.close()
