"""Version 1: the corpus — articles, their blocks, sentences and references, full-text indexes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.migrations import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def migrate(db: Database):
    execute_script(
        db,
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,          -- source file, or file#record for JSON Lines
            content_hash TEXT NOT NULL,          -- sha256 of the stored text
            title TEXT NOT NULL,
            source TEXT,                         -- publisher
            published TEXT,                      -- ISO date when known, else as written
            url TEXT,
            byline TEXT,
            words INTEGER NOT NULL,
            text TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0, -- reading position: offset of the sentence last read
            imported TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE blocks (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('title','heading','paragraph','quote','list','reference','boilerplate')),
            level INTEGER NOT NULL DEFAULT 0,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        );
        CREATE INDEX blocks_article ON blocks(article_id, seq);
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX sentences_article ON sentences(article_id, seq);
        CREATE TABLE "references" (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            publisher TEXT,
            title TEXT,
            url TEXT,
            date TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        );
        CREATE INDEX references_article ON "references"(article_id, n);

        CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, source, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, source) VALUES (new.id, new.title, new.source);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, source) VALUES ('delete', old.id, old.title, old.source);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE OF title, source ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, source) VALUES ('delete', old.id, old.title, old.source);
            INSERT INTO articles_fts(rowid, title, source) VALUES (new.id, new.title, new.source);
        END;
        """
    )
