"""Updating feeds: fetch each feed (conditionally), read its new entries, import each entry's article.

An entry's article is the linked page's full text when the feed carries only a summary (the common case), else
the feed's own content; the entry's title, author and date fill what the page lacks. A page that cannot be
fetched falls back to the feed's summary, with a warning. One story reached by two feeds, or twice in one feed,
is one article (the same link or canonical URL, then the same text), listed under every feed it came from.

Each article is written in its own transaction together with its link to the feed, and a feed's validators
(ETag, Last-Modified) are saved only after all its entries are in: an update killed at any point leaves whole
articles, and the next one fetches the feed again and completes it.
"""

from __future__ import annotations

import html as html_escapes
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from store.db import write_transaction
from store.feeds.parse import Entry, FeedError, parse_feed
from store.feeds.subscriptions import Feed, get_feeds, is_url, now, resolve_feed
from store.model import ParsedArticle, RawPage
from store.web.fetch import HTML_TYPES, Fetcher, FetchRequest, FetchResult, normalize_url

Progress = Callable[[int, int, str], None]
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
    "text/plain",
    *HTML_TYPES,  # a login page or a site's front page served instead of the feed: parse_feed says so
)


@dataclass(frozen=True, slots=True)
class FeedFailure:
    """A feed that could not be updated, as one line of the report."""

    feed: str
    url: str
    reason: str

    def to_json(self) -> dict:
        return {"feed": self.feed, "url": self.url, "reason": self.reason}


@dataclass
class UpdateReport:
    """What an update did: articles new, updated (a known page whose text changed) and unchanged (entries seen
    before, stories already in the corpus, feeds that answered 304), and the feeds that failed."""

    feeds: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    not_modified: int = 0  # feeds that answered 304 to a conditional request
    errors: list[FeedFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "feeds": self.feeds,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [error.to_json() for error in self.errors],
        }


_BLOCK_TAG = re.compile(r"<(?:p|div|h[1-6]|ul|ol|blockquote|table|pre|section|article)\b", re.IGNORECASE)
_OUTCOMES = {"imported": "new", "updated": "updated", "unchanged": "unchanged"}  # importer's word → report's


@dataclass(slots=True)
class _Pending:
    """A feed read, with how many of its new entries still wait for their page."""

    feed: Feed
    result: FetchResult
    title: str | None
    left: int = 0


@dataclass(frozen=True, slots=True)
class _Fetched:
    """A feed document as read, from the network or a file."""

    feed: Feed
    result: FetchResult


def update_feeds(
    db, idents: Iterable[str | int] | None = None, *, progress: Progress | None = None, fetcher: Fetcher | None = None
) -> UpdateReport:
    """Update the feeds named (by name or id), or all of them; see the module's docstring.

    Pages are fetched concurrently and each entry is stored as soon as its page arrives, so memory holds a few
    pages at a time however many feeds there are. ``progress(done, total, url)`` follows the pages."""
    feeds = [resolve_feed(db, ident) for ident in idents] if idents else get_feeds(db)
    report = UpdateReport(feeds=len(feeds))
    owned = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        waiting: dict[str, list[tuple[_Pending, Entry]]] = {}  # a page's URL → the entries waiting for it
        for fetched in _fetch_feeds(fetcher, feeds):
            feed, result = fetched.feed, fetched.result
            if result.status == "failed":
                _fail(db, report, feed, result.reason or "cannot fetch")
                continue
            if result.status == "not-modified":
                report.not_modified += 1
                _finish(db, _Pending(feed, result, feed.title))
                continue
            try:
                parsed = parse_feed(result.body or b"", result.final_url or feed.url, result.content_type)
            except FeedError as exc:
                _fail(db, report, feed, str(exc))
                continue
            fresh = [entry for entry in parsed.entries if not _seen(db, feed, entry)]
            report.unchanged += len(parsed.entries) - len(fresh)
            pending = _Pending(feed, result, parsed.title or feed.title)
            for entry in _distinct(fresh):
                if _needs_page(db, entry):
                    waiting.setdefault(entry.link or "", []).append((pending, entry))
                    pending.left += 1
                else:
                    _store_entry(db, report, feed, entry, None)
            if not pending.left:
                _finish(db, pending)
        for done, page in enumerate(fetcher.fetch_all(list(waiting)), start=1):
            for pending, entry in waiting.pop(page.url):
                _store_entry(db, report, pending.feed, entry, page)
                pending.left -= 1
                if not pending.left:
                    _finish(db, pending)
            if progress:
                progress(done, done + len(waiting), page.url)
    finally:
        if owned:
            fetcher.close()
    return report


def _fetch_feeds(fetcher: Fetcher, feeds: list[Feed]) -> list[_Fetched]:
    """Every feed document: URLs fetched concurrently (conditionally), files read."""
    by_url = {feed.url: feed for feed in feeds if is_url(feed.url)}
    fetched = [_Fetched(feed, _read_file(feed)) for feed in feeds if not is_url(feed.url)]
    requests = [FetchRequest(feed.url, feed.etag, feed.last_modified) for feed in by_url.values()]
    for result in fetcher.fetch_all(requests, accept=FEED_TYPES):
        fetched.append(_Fetched(by_url[result.url], result))
    return fetched


def _read_file(feed: Feed) -> FetchResult:
    try:
        body = Path(feed.url).read_bytes()
    except OSError as exc:
        return FetchResult("failed", feed.url, reason=f"cannot read the file: {exc.strerror or exc}")
    return FetchResult("ok", feed.url, final_url=None, body=body)


def _fail(db, report: UpdateReport, feed: Feed, reason: str) -> None:
    report.errors.append(FeedFailure(feed.name, feed.url, reason))
    with write_transaction(db):
        db.execute("UPDATE feeds SET last_update = ?, last_error = ? WHERE id = ?", [now(), reason, feed.id])


def _finish(db, pending: _Pending) -> None:
    """Record a feed's successful update once all its new entries are in: its title and its new validators
    (a 304 may send none: the old ones are kept)."""
    result = pending.result
    with write_transaction(db):
        db.execute(
            "UPDATE feeds SET title = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
            "last_update = ?, last_error = NULL WHERE id = ?",
            [pending.title, result.etag, result.last_modified, now(), pending.feed.id],
        )


def _seen(db, feed: Feed, entry: Entry) -> bool:
    row = db.execute(
        "SELECT article_id FROM feed_entries WHERE feed_id = ? AND entry_key = ?", [feed.id, entry.key]
    ).fetchone()
    return row is not None and row[0] is not None


def _distinct(entries: list[Entry]) -> list[Entry]:
    """A feed that lists the same story twice (same key or link) yields it once."""
    seen: set[str] = set()
    kept = []
    for entry in entries:
        marks = {entry.key, normalize_url(entry.link) if entry.link and is_url(entry.link) else entry.key}
        if not marks & seen:
            kept.append(entry)
        seen |= marks
    return kept


def _article_at(db, url: str) -> int | None:
    """The article whose key or canonical URL is ``url``."""
    row = db.execute("SELECT id FROM articles WHERE path = ? OR url = ? ORDER BY id LIMIT 1", [url, url]).fetchone()
    return row[0] if row else None


def _needs_page(db, entry: Entry) -> bool:
    """Whether an entry's article is its linked page: the feed carries only a summary, and the story is not
    in the corpus yet."""
    if entry.full or not entry.link or not is_url(entry.link):
        return False
    return _article_at(db, normalize_url(entry.link)) is None


def _store_entry(db, report: UpdateReport, feed: Feed, entry: Entry, page: FetchResult | None) -> None:
    """Import one new entry's article (or find the story already stored) and link it to the feed."""
    from store.article_writer import prepare_article, stored_versions, write_article
    from store.teachings import load_teachings

    key = normalize_url(entry.link) if entry.link and is_url(entry.link) else f"{feed.url}#{entry.key}"
    existing = _article_at(db, key)
    article = None if existing is not None else _entry_article(report, feed, entry, key, page)
    if article is not None:
        existing = _article_at(db, article.url) if article.url and article.url != key else None
    with write_transaction(db):
        if existing is None and article is not None:
            prepared = prepare_article(article, load_teachings(db), stored_versions(db, key))
            existing = _same_text(db, prepared.digest)
            if existing is None:
                outcome = _OUTCOMES[write_article(db, prepared)]
                setattr(report, outcome, getattr(report, outcome) + 1)
                existing = _article_at(db, key)
            else:
                report.unchanged += 1
        elif existing is not None:
            report.unchanged += 1
        if existing is None:
            return
        db.execute(
            "INSERT OR REPLACE INTO feed_entries (feed_id, entry_key, link, article_id, seen) VALUES (?, ?, ?, ?, ?)",
            [feed.id, entry.key, entry.link, existing, now()],
        )


def _same_text(db, digest: str) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1", [digest]).fetchone()
    return row[0] if row else None


def _entry_article(report: UpdateReport, feed: Feed, entry: Entry, key: str, page: FetchResult | None
                   ) -> ParsedArticle | None:
    """The entry's article: its linked page when fetched, else the feed's own text (with a warning when the page
    was wanted but could not be had). None when there is nothing to import."""
    from store.ingest.html import NoArticleText, parse_html

    where = f"{feed.name}: {entry.link or entry.title or entry.key}"
    if page is not None and page.ok:
        known = RawPage(b"", "", "", page.content_type, page.final_url, page.etag, page.last_modified)
        try:
            article = parse_html(page.body or b"", key, header_charset=page.charset, url=page.final_url or key,
                                 page=known)
            return _filled(article, entry)
        except NoArticleText as reason:
            report.warnings.append(f"{where}: {reason}; imported the feed's summary instead")
    elif page is not None:
        report.warnings.append(f"{where}: page not fetched ({page.reason}); imported the feed's summary instead")
    if not entry.html.strip():
        report.warnings.append(f"{where}: no text in the feed and no page; skipped")
        return None
    body = entry.html if _BLOCK_TAG.search(entry.html) else f"<p>{entry.html}</p>"  # a bare-text summary
    document = (
        f"<html><head><title>{html_escapes.escape(entry.title or '')}</title></head>"
        f"<body><article>{body}</article></body></html>"
    )
    try:
        article = parse_html(document.encode("utf-8"), key, url=entry.link)
    except NoArticleText as reason:
        report.warnings.append(f"{where}: {reason}; skipped")
        return None
    article.page = None  # the feed's own text: no web page to keep
    return _filled(article, entry)


def _filled(article: ParsedArticle, entry: Entry) -> ParsedArticle:
    """The entry's title, author and date where the page gave none."""
    if entry.title and not article.title:
        article.title = entry.title
    article.byline = article.byline or entry.author
    article.published = article.published or entry.published
    return article
