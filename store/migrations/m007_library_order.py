"""Version 7: an index in the library's order (newest first), so its first screenful of a large corpus is read
without sorting every article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.migrations import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def migrate(db: Database):
    execute_script(db, "CREATE INDEX articles_library_order ON articles(coalesce(published, '') DESC, id);")
