"""Version 6: an index on ``articles.updated``, so that an open app can ask "did any article change?" (the
newest ``updated``) without reading every article's text."""

from store.migrations import execute_script


def migrate(db):
    execute_script(db, "CREATE INDEX articles_updated ON articles(updated);")
