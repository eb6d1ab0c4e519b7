"""Feed documents → entries: RSS 0.9x/1.0/2.0 and Atom through feedparser; JSON Feed (which feedparser 6 does not
read) by its version 1.1 specification, https://www.jsonfeed.org/version/1.1/."""

from __future__ import annotations

import calendar
import hashlib
import html as html_escapes
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

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
    if body.lstrip()[:1] == b"{":
        return _parse_json_feed(body, url)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.entries:
        # feedparser reads what it can of broken XML; with nothing read, say why instead of "no entries"
        if _HTML_PAGE.match(body[:2048]):
            raise FeedError("not a feed: the server sent an HTML page (a login page or a site's front page?)")
        if not parsed.version:
            raise FeedError("not a feed (no RSS, Atom or JSON Feed document found)")
        if parsed.bozo:
            raise FeedError(f"malformed feed XML ({_one_line(parsed.bozo_exception)})")
    entries = [entry for item in parsed.entries if (entry := _entry(item)) is not None]
    return ParsedFeed(_clean(parsed.feed.get("title")), entries)


def _entry(item) -> Entry | None:
    link = item.get("link") or None
    title = _clean(item.get("title"))
    contents = [part.get("value") or "" for part in item.get("content") or []]
    summary = item.get("summary") or ""
    published = _iso_date(item.get("published_parsed") or item.get("updated_parsed"))
    return _make_entry(item.get("id"), link, title, _clean(item.get("author")), published, contents, summary)


def _make_entry(key, link, title, author, published, contents: list[str], summary: str) -> Entry | None:
    """An entry from its parts; ``contents`` are the entry's full-text bodies, ``summary`` its teaser."""
    html = max([*contents, summary], key=len)
    if not (link or html.strip()):
        return None
    key = key or link or "sha256:" + hashlib.sha256((title or "").encode() + html.encode()).hexdigest()
    words = len(_TAG.sub(" ", html).split())
    full = any(contents) and words >= FULL_TEXT_WORDS
    return Entry(key=str(key), link=link, title=title, author=author, published=published, html=html, full=full)


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FeedError(f"malformed JSON ({_one_line(exc)})") from exc
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith("https://jsonfeed.org/"):
        raise FeedError("not a feed (JSON without a JSON Feed version)")
    entries = []
    for item in document.get("items") or []:
        if not isinstance(item, dict):
            continue
        link = urljoin(url, item["url"]) if isinstance(item.get("url"), str) else None
        contents = [item["content_html"]] if isinstance(item.get("content_html"), str) else []
        if not contents and isinstance(item.get("content_text"), str):
            contents = ["".join(f"<p>{html_escapes.escape(p)}</p>" for p in item["content_text"].split("\n\n"))]
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        names = [str(a["name"]) for a in authors if isinstance(a, dict) and a.get("name")]
        published = _iso_timestamp(item.get("date_published") or item.get("date_modified"))
        summary = item["summary"] if isinstance(item.get("summary"), str) else ""
        entry = _make_entry(item.get("id"), link, _clean(item.get("title")), _clean(", ".join(names)), published,
                            contents, summary)
        if entry is not None:
            entries.append(entry)
    return ParsedFeed(_clean(document.get("title")), entries)


def _iso_timestamp(value) -> str | None:
    """JSON Feed's RFC 3339 timestamp as an ISO date."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC).date().isoformat()
    except ValueError:
        return None


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
