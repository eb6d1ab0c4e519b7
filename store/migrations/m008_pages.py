"""Version 8: web pages. Each article read from a web page keeps the page's raw bytes (zlib-compressed) with
the extractor version that derived its text, and, when fetched, the validators for a conditional request;
articles gain a ``language`` column."""

from store.migrations import execute_script


def migrate(db):
    execute_script(
        db,
        """
        ALTER TABLE articles ADD COLUMN language TEXT;     -- BCP 47 tag as the page gives it, e.g. en, en-GB
        CREATE TABLE pages (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            extractor TEXT NOT NULL,         -- HTML extractor version that derived the article's text
            encoding TEXT NOT NULL,          -- codec the page's text was read with
            content_type TEXT,               -- as served (fetched pages)
            final_url TEXT,                  -- after redirects (fetched pages)
            etag TEXT,                       -- validators sent back on the next fetch of the article's URL
            last_modified TEXT,
            fetched TEXT NOT NULL,           -- when the page was read or fetched (UTC, ISO 8601)
            size INTEGER NOT NULL,           -- bytes of the page before compression
            raw BLOB NOT NULL                -- the page's bytes, zlib-compressed (last: reading the other columns skips it)
        );
        CREATE INDEX pages_extractor ON pages(extractor);
        """,
    )
