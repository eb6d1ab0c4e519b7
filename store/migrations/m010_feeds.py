"""Version 10: subscribed feeds, and which of their entries became which article (one story reached by two feeds,
or twice in one feed, is one article listed under every feed it came from)."""

from store.migrations import execute_script


def migrate(db):
    execute_script(
        db,
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            added TEXT NOT NULL,
            last_update TEXT,
            last_error TEXT
        );
        CREATE TABLE feed_entries (
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            entry_key TEXT NOT NULL,
            link TEXT,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            seen TEXT NOT NULL,
            PRIMARY KEY (feed_id, entry_key)
        );
        CREATE INDEX feed_entries_article ON feed_entries(article_id);
        """,
    )
