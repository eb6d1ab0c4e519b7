"""Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed) → entries, through feedparser."""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

FULL_TEXT_WORDS = 150  # an entry's own content of at least this many words is taken as the article itself
_HTML_PAGE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


class FeedError(ValueError):
    """A document that is not a usable feed; the message is the reason, for one line of a report."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed. ``html`` is the entry's richest own text (content, else summary); ``full`` says
    whether that text is the whole article rather than a teaser."""

    key: str
    link: str | None
    title: str | None
    author: str | None
    published: str | None
    html: str
    full: bool


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    entries: list[Entry]


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a fetched feed; relative links resolve against ``url``. Raises :class:`FeedError` when the document
    is not a feed (an HTML page such as a login wall, malformed XML with nothing readable, an empty body)."""
    import feedparser  # deferred: ~40 ms of import that only feed commands need

    if not body.strip():
        raise FeedError("empty response, not a feed")
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.entries and not parsed.version:
        if _HTML_PAGE.match(body[:2048]):
            raise FeedError("not a feed: the server sent an HTML page (a login page or a site's front page?)")
        if parsed.bozo:
            raise FeedError(f"malformed feed XML ({_one_line(parsed.bozo_exception)})")
        raise FeedError("not a feed (no RSS, Atom or JSON Feed document found)")
    entries = [entry for item in parsed.entries if (entry := _entry(item)) is not None]
    return ParsedFeed(_clean(parsed.feed.get("title")), entries)


def _entry(item) -> Entry | None:
    link = item.get("link") or None
    title = _clean(item.get("title"))
    contents = [part.get("value") or "" for part in item.get("content") or []]
    summary = item.get("summary") or ""
    html = max([*contents, summary], key=len)
    if not (link or html.strip()):
        return None
    key = item.get("id") or link or "sha256:" + hashlib.sha256((title or "").encode() + html.encode()).hexdigest()
    words = len(_TAG.sub(" ", html).split())
    return Entry(
        key=key,
        link=link,
        title=title,
        author=_clean(item.get("author")),
        published=_iso_date(item.get("published_parsed") or item.get("updated_parsed")),
        html=html,
        full=bool(contents) and words >= FULL_TEXT_WORDS,
    )


def _iso_date(parsed_time) -> str | None:
    """feedparser's UTC ``struct_time`` as an ISO date (the library sorts and shows dates as ``YYYY-MM-DD``)."""
    if not parsed_time:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed_time), UTC).date().isoformat()
    except (OverflowError, ValueError):
        return None


def _clean(value) -> str | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    return text or None


def _one_line(exc) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
