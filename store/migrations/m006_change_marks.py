"""Version 6: an index on ``articles.updated``, so that an open app can ask "did any article change?" (the
newest ``updated``) without reading every article's text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.migrations import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def migrate(db: Database):
    execute_script(db, "CREATE INDEX articles_updated ON articles(updated);")
