"""One article into the database: hashed, its layers derived, written in its own transaction.

The importer (files), the URL importer, the feed updater and the refresh of stale web pages all write
through here, so every way in keeps a revision, the raw page and re-anchored annotations the same way.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import write_transaction
from store.extract.teachings import Teachings
from store.ingest import count_words
from store.layers import DerivedLayers, derive_layers, reanchor_changed, write_layers
from store.model import ParsedArticle
from store.pages import write_page
from store.revisions import keep_first_revision, record_revision
from store.teachings import load_teachings

if TYPE_CHECKING:
    from sqlite_utils import Database

StoredVersions = dict[str, tuple[int, str]]  # article key → (id, content hash) as stored


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class PreparedArticle:
    """A parsed article with its content hash, word count and derived layers; ``derived`` is None when the
    stored version had the same hash (nothing to derive for an unchanged article)."""

    article: ParsedArticle
    digest: str
    words: int
    derived: DerivedLayers | None


def prepare_article(article: ParsedArticle, teachings: Teachings, stored: StoredVersions) -> PreparedArticle:
    """Hash the article and, unless that version is stored already, derive its layers (no database here)."""
    digest = content_hash(article.text)
    article_id, stored_digest = stored.get(article.key, (None, None))
    words = count_words(article.text, article.blocks)
    if stored_digest == digest:
        return PreparedArticle(article, digest, words, None)
    derived = derive_layers(article.text, article.blocks, article.sentences, teachings, article_id)
    return PreparedArticle(article, digest, words, derived)


def store_article(db: Database, article: ParsedArticle, reanchored: Counter | None = None) -> str:
    """Insert or update one article with its blocks, sentences, references and derived layers.

    Returns ``"imported"``, ``"updated"`` or ``"unchanged"``. A changed text at the same path keeps the
    article's id (and reading state) so annotations can re-anchor; their new states are counted into
    ``reanchored``. Every text written is kept as the article's next revision (:mod:`store.revisions`).
    """
    stored = stored_versions(db, Path(article.key))
    return write_article(db, prepare_article(article, load_teachings(db), stored), reanchored)


def stored_versions(db: Database, path: Path | str) -> dict[str, tuple[int, str]]:
    """Article key → (id, content hash) of what is stored from one file (or URL): its own key, or its records'
    ``path#id`` keys."""
    name = str(path)
    rows = db.execute(
        "SELECT path, id, content_hash FROM articles WHERE path = ? OR (path > ? AND path < ?)",
        [name, name + "#", name + "$"],  # '$' follows '#': every 'path#…' key, through the primary index
    )
    return {key: (article_id, digest) for key, article_id, digest in rows}


def write_article(db: Database, item: PreparedArticle, reanchored: Counter | None = None) -> str:
    """Write one prepared article in its own transaction; see :func:`store_article`.

    The stored version is looked up again under the lock, since another process may have imported the same
    file meanwhile; the layers are derived again (under the lock) only if what they were derived for is no
    longer what is stored or taught."""
    article, digest = item.article, item.digest
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with write_transaction(db):
        existing = db.execute("SELECT id, content_hash, text FROM articles WHERE path = ?", [article.key]).fetchone()
        if existing and existing[1] == digest:
            if article.page is not None:  # same text: the page's newer bytes and validators are kept all the same
                write_page(db, existing[0], article.page)
            return "unchanged"
        derived = _current_derivation(db, item, existing[0] if existing else None)
        fields = {
            "title": article.title,
            "source": article.source,
            "published": article.published,
            "url": article.url,
            "byline": article.byline,
            "language": article.language,
            "words": item.words,
            "text": article.text,
            "content_hash": digest,
            "updated": now,
        }
        if existing:
            article_id, previous_text = existing[0], existing[2]
            keep_first_revision(db, article_id)
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
        record_revision(db, article_id, article.text, digest, item.words, now)
        _insert_layout(db, article_id, article)
        if article.page is not None:
            write_page(db, article_id, article.page)
        write_layers(db, article_id, derived)
        anchors = reanchor_changed(db, article_id, article.text, previous_text)
        if reanchored is not None:
            reanchored.update(anchors)
    return "updated" if existing else "imported"


def _current_derivation(db: Database, item: PreparedArticle, article_id: int | None) -> DerivedLayers:
    """The prepared layers if they were derived with the teachings that apply now, else fresh ones."""
    article = item.article
    teachings = load_teachings(db)
    relevant = teachings.relevant(article.text, article_id)
    if item.derived is not None and item.derived.teachings == relevant.fingerprint():
        return item.derived
    return derive_layers(article.text, article.blocks, article.sentences, teachings, article_id)


def _insert_layout(db: Database, article_id: int, article: ParsedArticle) -> None:
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
