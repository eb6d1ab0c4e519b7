"""Version 9: every version of an article's text (``revisions``, revision 1 made from each article's current
text) and the ``figure_changed`` mark of annotations re-anchored over a figure that was edited.

It reads and writes only columns of versions 1–3, so it applies the same after any version 8."""

import zlib

from store.migrations import execute_script


def migrate(db):
    execute_script(
        db,
        """
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,                  -- 1 for the first text imported, then 2, 3 ...
            fetched TEXT NOT NULL,               -- when this text was imported or fetched (ISO, UTC)
            content_hash TEXT NOT NULL,          -- sha256 of the text, as articles.content_hash
            words INTEGER NOT NULL,
            text BLOB NOT NULL,                  -- the text, UTF-8 compressed with zlib
            UNIQUE (article_id, n)
        );
        ALTER TABLE annotations ADD COLUMN figure_changed INTEGER NOT NULL DEFAULT 0
            CHECK (figure_changed IN (0, 1));    -- 1: re-anchored fuzzily over a figure whose value changed
        """
    )
    rows = db.conn.execute("SELECT id, updated, content_hash, words, text FROM articles ORDER BY id")
    db.conn.executemany(
        "INSERT INTO revisions (article_id, n, fetched, content_hash, words, text) VALUES (?, 1, ?, ?, ?, ?)",
        ((id_, updated, digest, words, zlib.compress(text.encode("utf-8")))
         for id_, updated, digest, words, text in rows),
    )
