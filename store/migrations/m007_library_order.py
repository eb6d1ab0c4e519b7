"""Version 7: an index in the library's order (newest first), so its first screenful of a large corpus is read
without sorting every article."""

from store.migrations import execute_script


def migrate(db):
    execute_script(db, "CREATE INDEX articles_library_order ON articles(coalesce(published, '') DESC, id);")
