"""Raw pages in the database: the bytes of every web page an article came from, compressed, and what a
fetch needs to ask for it again.

A page is written in its article's transaction (:func:`write_page`, called by the importer). When the HTML
extractor changes (:data:`~store.web.html.HTML_EXTRACTOR_VERSION`), :func:`rederive_stale_pages` reads each
older page again and updates its article through the importer's update path, which re-anchors annotations —
the same way stale mentions are re-extracted (:func:`store.mentions.reextract_stale` calls it first).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import UTC, datetime

from store.model import RawPage

Progress = Callable[[int, int], None]
COMPRESSION_LEVEL = 6


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
    from store.web.html import HTML_EXTRACTOR_VERSION

    rows = db.execute("SELECT article_id FROM pages WHERE extractor != ? ORDER BY article_id", [HTML_EXTRACTOR_VERSION])
    return [row[0] for row in rows]


def rederive_stale_pages(db, progress: Progress | None = None) -> int:
    """Derive the text of every stale page's article again from its raw page and store it through the
    importer (updated in place, annotations re-anchored); returns how many pages were read again.

    A page in which this extractor finds no article text keeps its article as it was (marked current, so it
    is not read again at every start)."""
    from store.db import write_transaction
    from store.importer import store_article
    from store.web.html import HTML_EXTRACTOR_VERSION, NoArticleText, parse_html

    stale = stale_pages(db)
    for done, article_id in enumerate(stale, start=1):
        row = db.execute(
            "SELECT a.path, a.url, p.raw, p.content_type, p.final_url, p.etag, p.last_modified, p.encoding "
            "FROM articles a JOIN pages p ON p.article_id = a.id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            continue
        key, url, raw, content_type, final_url, etag, last_modified, encoding = row
        known = RawPage(b"", encoding, "", content_type, final_url, etag, last_modified)
        try:
            article = parse_html(zlib.decompress(raw), key, header_charset=encoding, url=final_url or url, page=known)
        except NoArticleText:
            with write_transaction(db):
                db.execute("UPDATE pages SET extractor = ? WHERE article_id = ?", [HTML_EXTRACTOR_VERSION, article_id])
        else:
            store_article(db, article)
        if progress:
            progress(done, len(stale))
    return len(stale)
