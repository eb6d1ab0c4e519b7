"""Files → articles in the database: one transaction per article, idempotent by content hash."""

from __future__ import annotations

import hashlib
import importlib.resources
from collections.abc import Callable, Iterable
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from store.db import write_transaction
from store.ingest import count_words, iter_input_files, parse_file
from store.layers import rebuild_article_layers
from store.model import ParsedArticle, Problem

Progress = Callable[[int, int, str], None]


@dataclass
class ImportReport:
    """What an import did; ``skipped`` holds one :class:`Problem` per file or record not imported."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reanchored: Counter = field(default_factory=Counter)  # annotations of changed articles, by anchor state

    def as_dict(self) -> dict:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": [{"path": p.path, "line": p.line, "reason": p.reason} for p in self.skipped],
            "warnings": self.warnings,
            "annotations": {state: n for state, n in self.reanchored.items() if n},
        }


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_paths(db, paths: Iterable[Path | str], progress: Progress | None = None) -> ImportReport:
    """Import files and directories (recursively). Each article is written in its own transaction, so an
    interrupted import leaves whole articles only, and running it again completes it."""
    report = ImportReport()
    items = list(iter_input_files([Path(p) for p in paths]))
    files = [item for item in items if isinstance(item, Path)]
    report.skipped.extend(item for item in items if isinstance(item, Problem))
    for done, path in enumerate(files, start=1):
        articles, problems = parse_file(path)
        report.skipped.extend(problems)
        for article in articles:
            report.warnings.extend(f"{article.key}: {warning}" for warning in article.warnings)
            outcome = store_article(db, article, report.reanchored)
            setattr(report, outcome, getattr(report, outcome) + 1)
        if progress:
            progress(done, len(files), str(path))
    return report


def import_seeds(db, progress: Progress | None = None) -> ImportReport:
    """Import the sample articles shipped inside the package (the app does this on its first run)."""
    with importlib.resources.as_file(importlib.resources.files("seeds")) as folder:
        return import_paths(db, [folder], progress)


def store_article(db, article: ParsedArticle, reanchored: Counter | None = None) -> str:
    """Insert or update one article with its blocks, sentences, references and derived layers.

    Returns ``"imported"``, ``"updated"`` or ``"unchanged"``. A changed text at the same path keeps the
    article's id (and reading state) so annotations can re-anchor; their new states are counted into
    ``reanchored``.
    """
    digest = content_hash(article.text)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with write_transaction(db):
        existing = db.execute("SELECT id, content_hash, text FROM articles WHERE path = ?", [article.key]).fetchone()
        if existing and existing[1] == digest:
            return "unchanged"
        fields = {
            "title": article.title,
            "source": article.source,
            "published": article.published,
            "url": article.url,
            "byline": article.byline,
            "words": count_words(article.text, article.blocks),
            "text": article.text,
            "content_hash": digest,
            "updated": now,
        }
        if existing:
            article_id, previous_text = existing[0], existing[2]
            assignments = ", ".join(f"{name} = ?" for name in fields)
            db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*fields.values(), article_id])
            for table in ("blocks", "sentences", '"references"'):
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        else:
            previous_text = None
            fields.update(path=article.key, imported=now)
            names = ", ".join(fields)
            marks = ", ".join("?" for _ in fields)
            article_id = db.execute(f"INSERT INTO articles ({names}) VALUES ({marks})", list(fields.values())).lastrowid
        _insert_layout(db, article_id, article)
        anchors = rebuild_article_layers(db, article_id, article.text, previous_text)
        if reanchored is not None:
            reanchored.update(anchors)
    return "updated" if existing else "imported"


def _insert_layout(db, article_id: int, article: ParsedArticle) -> None:
    text = article.text
    db.conn.executemany(
        'INSERT INTO blocks (article_id, seq, kind, level, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
        [(article_id, seq, b.kind, b.level, b.start, b.end) for seq, b in enumerate(article.blocks)],
    )
    db.conn.executemany(
        'INSERT INTO sentences (article_id, seq, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(article_id, seq, start, end, text[start:end]) for seq, (start, end) in enumerate(article.sentences)],
    )
    db.conn.executemany(
        'INSERT INTO "references" (article_id, n, publisher, title, url, date, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, r.n, r.publisher, r.title, r.url, r.date, r.start, r.end) for r in article.references],
    )
