"""Raw pages in the database: the bytes of every web page an article came from, compressed, and what a
fetch needs to ask for it again.

A page is written in its article's transaction (:func:`write_page`, called by the article writer). When the
HTML extractor changes (:data:`~store.ingest.html.HTML_EXTRACTOR_VERSION`), the older pages are
:func:`stale_pages`; :func:`store.refresh.refresh_stale` reads each again and updates its article through the
writer's update path, which re-anchors annotations.
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

from store.model import RawPage

COMPRESSION_LEVEL = 1  # HTML shrinks to ~23% at level 1 (~20% at 6) in under half the time: it runs on every import


def write_page(db, article_id: int, page: RawPage) -> None:
    """Store (or replace) the raw page of one article; call inside the article's transaction."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    db.execute(
        "INSERT OR REPLACE INTO pages (article_id, extractor, encoding, content_type, final_url, etag, last_modified, "
        "fetched, size, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article_id, page.extractor, page.encoding, page.content_type, page.final_url, page.etag, page.last_modified,
         now, len(page.data), zlib.compress(page.data, COMPRESSION_LEVEL)],
    )


def page_bytes(db, article_id: int) -> tuple[bytes, str] | None:
    """The raw page of one article and the codec its text was read with; None for an article from a file
    that was not a web page."""
    row = db.execute("SELECT raw, encoding FROM pages WHERE article_id = ?", [article_id]).fetchone()
    return (zlib.decompress(row[0]), row[1]) if row else None


def validators(db, url: str) -> tuple[str | None, str | None]:
    """``(etag, last_modified)`` stored for the article fetched from ``url`` (its key), for a conditional
    request; ``(None, None)`` when there is none."""
    row = db.execute(
        "SELECT p.etag, p.last_modified FROM pages p JOIN articles a ON a.id = p.article_id WHERE a.path = ?", [url]
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def touch_fetched(db, url: str, etag: str | None, last_modified: str | None) -> None:
    """Record that the page of ``url`` was asked for again and had not changed (a 304): new validators, if the
    server sent any, and the time."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    db.execute(
        "UPDATE pages SET fetched = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified) "
        "WHERE article_id = (SELECT id FROM articles WHERE path = ?)",
        [now, etag, last_modified, url],
    )


def stale_pages(db) -> list[int]:
    """Articles whose text was derived from their page by another HTML extractor version than this one."""
    from store.ingest.html import HTML_EXTRACTOR_VERSION

    rows = db.execute("SELECT article_id FROM pages WHERE extractor != ? ORDER BY article_id", [HTML_EXTRACTOR_VERSION])
    return [row[0] for row in rows]
