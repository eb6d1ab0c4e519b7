"""Version 12: an index on ``annotations.updated``, so that an open app can ask "did any annotation change?" (the
newest ``updated``) from the index's end instead of reading every annotation; it asks at every look of the change
watcher and twice around each of its own writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.migrations import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def migrate(db: Database):
    execute_script(db, "CREATE INDEX annotations_updated ON annotations(updated);")
