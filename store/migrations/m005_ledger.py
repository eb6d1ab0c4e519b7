"""Version 5: quotes with speakers, and claim candidates (figure + subject + metric) for the ledger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.migrations import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def migrate(db: Database):
    execute_script(
        db,
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_entity TEXT,
            cue TEXT
        );
        CREATE INDEX quotes_article ON quotes(article_id, start);
        CREATE INDEX quotes_speaker ON quotes(speaker_entity);
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            subject TEXT NOT NULL,
            subject_entity TEXT NOT NULL,
            metric TEXT NOT NULL,
            label TEXT NOT NULL,
            value REAL,
            value_high REAL,
            unit TEXT,
            hedge TEXT,
            period TEXT
        );
        CREATE INDEX claims_article ON claims(article_id, start);
        CREATE INDEX claims_subject ON claims(subject_entity, metric);
        """,
    )
