"""Version 3: annotations — tags, annotations anchored by quote and position, and the links between them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.migrations import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def migrate(db: Database):
    execute_script(
        db,
        """
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            color TEXT NOT NULL                      -- #rrggbb
        );
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER,                           -- current anchor; NULL when orphaned
            "end" INTEGER,
            exact TEXT NOT NULL,                     -- the selector made at creation: quote, context, position, text hash
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            quote_start INTEGER NOT NULL,
            quote_end INTEGER NOT NULL,
            text_hash TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            anchor TEXT NOT NULL DEFAULT 'exact' CHECK (anchor IN ('exact', 'moved', 'fuzzy', 'orphaned')),
            score REAL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK ((anchor = 'orphaned') = (start IS NULL) AND (start IS NULL) = ("end" IS NULL))
        );
        CREATE INDEX annotations_article ON annotations(article_id, start);
        CREATE INDEX annotations_orphaned ON annotations(anchor) WHERE anchor = 'orphaned';
        CREATE TABLE annotation_tags (
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL DEFAULT 0,          -- the order the user gave the tags in
            PRIMARY KEY (annotation_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);
        """
    )
