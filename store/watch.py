"""Noticing what other connections changed: another process importing or annotating while the app is open.

``PRAGMA data_version`` changes on a connection when any *other* connection commits, and costs no disk read,
so a :class:`ChangeWatcher` can ask it every second (over a plain ``sqlite3`` connection: the app starts one at
its first frame, before sqlite-utils is imported). Only when it moved does the watcher read the marks —
small aggregates of the articles and the annotations — to tell which of them changed; a commit that touched
neither (a reading position saved, a search remembered) reports nothing.

The database cannot say which connection committed, so an interface's own writes would come back as news a
moment later. Its writes run inside :meth:`ChangeWatcher.mine`: each write transaction notes the marks at its
``BEGIN IMMEDIATE`` and just before its ``COMMIT`` (no other writer can commit in between), and the watcher, at its
next look, follows those steps from the state it knew. What is left over is another process's: a commit from
elsewhere landing before, between or after the interface's own is still reported, mark by mark.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import observing_commits, open_connection

if TYPE_CHECKING:
    from sqlite_utils import Database


def _row(db: Database | sqlite3.Connection, sql: str) -> tuple:
    """The one row of ``sql``, with the statement run to its end: a statement left open would keep a read
    transaction, and with it an old snapshot in which ``data_version`` never moves."""
    return tuple(db.execute(sql).fetchall()[0])


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since the last look: the set of articles or their texts, and the annotations or tags."""

    articles: bool = False
    annotations: bool = False

    def __bool__(self) -> bool:
        return self.articles or self.annotations


def articles_mark(db: Database | sqlite3.Connection) -> tuple:
    """Changes whenever an article is imported, re-imported with another text, or removed (read from indexes:
    a re-import sets ``updated``)."""
    # One sub-select per aggregate: SQLite answers a lone max() from an index's end, but a max() beside
    # other aggregates scans every row (~10 ms of CPU at 100,000 articles, at every start and every look).
    # annotations_mark reads its table the same way.
    return _row(db, "SELECT (SELECT count(*) FROM articles), (SELECT max(id) FROM articles), "
                    "(SELECT max(updated) FROM articles)")


def annotations_mark(db: Database | sqlite3.Connection) -> tuple:
    """Changes whenever an annotation is created, edited, re-anchored or deleted, or a tag renamed or recoloured."""
    annotations = _row(db, "SELECT (SELECT count(*) FROM annotations), (SELECT max(id) FROM annotations), "
                           "(SELECT max(updated) FROM annotations)")
    links = _row(db, "SELECT count(*), total(annotation_id * 7919 + tag_id) FROM annotation_tags")
    tags = _row(db, "SELECT group_concat(id || ':' || name || ':' || color, ',') FROM tags")
    return (*annotations, *links, *tags)


def marks(db: Database | sqlite3.Connection) -> tuple[tuple, tuple]:
    """The articles' mark and the annotations' mark."""
    return articles_mark(db), annotations_mark(db)


class ChangeWatcher:
    """Holds one connection to ``path`` and answers "what changed since I last asked?", leaving out the commits
    made inside :meth:`mine`.

    Safe to call from any thread (one call at a time is enforced); once closed it reports nothing. What it
    compares with is read when it is created: whoever shows the data creates it before reading what it shows,
    or a commit in between is missed.
    """

    def __init__(self, path: Path | str) -> None:
        self.db = open_connection(path)
        self._lock = threading.Lock()
        self._closed = False
        self._version = self._data_version()
        self._articles, self._annotations = marks(self.db)
        # The marks before and after each own commit since the last look, in the order they committed.
        self._own: list[tuple[tuple[tuple, tuple], tuple[tuple, tuple]]] = []

    def _data_version(self) -> int:
        return _row(self.db, "PRAGMA data_version")[0]

    def changes(self) -> Changes:
        """Compare with the previous call (or the creation) and remember the new state."""
        with self._lock:
            if self._closed:
                return Changes()
            version = self._data_version()
            if version == self._version:
                return Changes()
            self._version = version
            articles, annotations = marks(self.db)
            known_articles, known_annotations = self._articles, self._annotations
            # An own commit that started from the state known is taken as known; one that started elsewhere
            # (another process committed first) leaves that other commit to be reported.
            for (articles_before, annotations_before), (articles_after, annotations_after) in self._own:
                if articles_before == known_articles:
                    known_articles = articles_after
                if annotations_before == known_annotations:
                    known_annotations = annotations_after
            self._own.clear()
            changed = Changes(articles != known_articles, annotations != known_annotations)
            self._articles, self._annotations = articles, annotations
            return changed

    def mine(self) -> AbstractContextManager[None]:
        """Within the block, the write transactions of this thread are this watcher's owner's: not reported."""
        return observing_commits(self)

    def began(self, db: Database) -> tuple[tuple, tuple]:
        """An own write transaction took the write lock: the marks it starts from (:class:`store.db.CommitObserver`)."""
        return marks(db)

    def commit(self, db: Database, began: tuple[tuple, tuple]) -> None:
        """Commit an own write transaction, noting its step under the lock of :meth:`changes`: a look sees the
        commit and its step together or neither."""
        after = marks(db)
        with self._lock:
            db.execute("COMMIT")
            if not self._closed:
                self._own.append((began, after))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self.db.close()
