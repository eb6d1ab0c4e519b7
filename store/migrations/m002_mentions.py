"""Version 2: mentions (entities and figures) per article, the corpus-wide entity view, the user's teachings,
and the extractor state of each article so stale mentions can be found without reading files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.migrations import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def migrate(db: Database):
    execute_script(
        db,
        """
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'figure')),
            label TEXT NOT NULL,
            entity TEXT,                        -- canonical key of an entity
            value REAL,                         -- parsed number; a date's ordinal day
            value_high REAL,                    -- upper end of a range
            unit TEXT,                          -- currency code, %, pp, x, month, ISO date
            hedge TEXT                          -- "about", "up to", ... (outside the span)
        );
        CREATE INDEX mentions_article ON mentions(article_id, start);
        -- covers the entity view: counting never touches the table itself
        CREATE INDEX mentions_entity ON mentions(entity, label, article_id, text) WHERE kind = 'entity';

        CREATE VIEW entities AS
            SELECT entity, label, min(text) AS name, count(*) AS mentions, count(DISTINCT article_id) AS articles
            FROM mentions WHERE kind = 'entity' AND entity IS NOT NULL
            GROUP BY entity, label;

        CREATE TABLE teachings (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('add', 'suppress')),
            text TEXT NOT NULL,
            label TEXT,                         -- for 'add'
            article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,  -- one occurrence only
            start INTEGER,
            created TEXT NOT NULL,
            CHECK ((article_id IS NULL) = (start IS NULL)),
            CHECK (action = 'suppress' OR label IS NOT NULL)
        );

        CREATE TABLE mention_state (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            extractor_version TEXT NOT NULL,
            teachings TEXT NOT NULL             -- fingerprint of the teachings that applied to the article
        );
        """
    )
