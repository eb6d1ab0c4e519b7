"""Version 11: claims say how they are stated and what they cover (``status``, ``scope``), and a figure with a
subject but no known metric is kept (``metric`` may be NULL) — listed, never compared.

The claims are derived rows: the extractor's version changes with this release, so they are rebuilt from the
articles on the next start; the copy below only keeps the table whole until then.
"""

from store.migrations import execute_script


def migrate(db):
    execute_script(
        db,
        """
        CREATE TABLE claims_new (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            subject TEXT NOT NULL,
            subject_entity TEXT NOT NULL,
            metric TEXT,
            label TEXT NOT NULL,
            value REAL,
            value_high REAL,
            unit TEXT,
            hedge TEXT,
            period TEXT,
            status TEXT NOT NULL DEFAULT 'reported',
            scope TEXT
        );
        INSERT INTO claims_new (id, article_id, start, "end", sentence_start, sentence_end, subject, subject_entity,
                                metric, label, value, value_high, unit, hedge, period)
            SELECT id, article_id, start, "end", sentence_start, sentence_end, subject, subject_entity, metric, label,
                   value, value_high, unit, hedge, period FROM claims;
        DROP TABLE claims;
        ALTER TABLE claims_new RENAME TO claims;
        CREATE INDEX claims_article ON claims(article_id, start);
        CREATE INDEX claims_subject ON claims(subject_entity, metric);
        """,
    )
