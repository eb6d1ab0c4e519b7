"""Subscribed feeds: add, list, remove, and the per-feed state an update keeps (validators, last error)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from store.db import write_transaction


class FeedNotFound(LookupError):
    """No subscribed feed has the name or id the user gave; the message says what was looked for."""


class FeedRefused(ValueError):
    """A feed that cannot be subscribed (not a URL nor a readable file, or already subscribed)."""


@dataclass(frozen=True, slots=True)
class Feed:
    """One subscription. ``url`` is an http(s) URL or an absolute file path; ``title`` comes from the feed
    itself at its first update."""

    id: int
    name: str
    url: str
    title: str | None
    etag: str | None = None
    last_modified: str | None = None
    last_update: str | None = None
    last_error: str | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "url": self.url, "title": self.title}


_FEED_COLUMNS = "id, name, url, title, etag, last_modified, last_update, last_error"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def is_url(location: str) -> bool:
    return urlsplit(location).scheme in ("http", "https")


def normalise_location(location: str) -> str:
    """An http(s) URL as given, or a file path made absolute (so an update from another directory finds it)."""
    if is_url(location):
        if not urlsplit(location).netloc:
            raise FeedRefused(f"{location}: not a URL (no host)")
        return location
    if "://" in location:
        raise FeedRefused(f"{location}: only http and https URLs or local files can be subscribed")
    path = Path(location).expanduser()
    if not path.is_file():
        raise FeedRefused(f"{location}: no such file")
    return str(path.resolve())


def default_name(location: str) -> str:
    """A short name for a feed: the host without "www." and "feeds." for a URL, the file's stem for a path."""
    if is_url(location):
        host = urlsplit(location).hostname or location
        return re.sub(r"^(?:www|feeds?|rss)\.", "", host)
    return Path(location).stem


def add_feed(db, location: str, name: str | None = None, title: str | None = None) -> Feed:
    """Subscribe to a feed by URL or file path. The name defaults to the host (or the file's stem), made
    unique with a number; a location already subscribed is refused with the name it has."""
    url = normalise_location(location)
    with write_transaction(db):
        existing = db.execute("SELECT name FROM feeds WHERE url = ?", [url]).fetchone()
        if existing:
            raise FeedRefused(f"{location}: already subscribed as {existing[0]!r}")
        if name is not None:
            name = name.strip()
            if not name:
                raise FeedRefused("a feed's name cannot be empty")
            if name.isdigit():
                raise FeedRefused(f"{name}: a feed's name cannot be a number (numbers name feeds by id)")
            if db.execute("SELECT 1 FROM feeds WHERE name = ?", [name]).fetchone():
                raise FeedRefused(f"{name}: a feed of that name exists already")
        else:
            name = _unique_name(db, default_name(url))
        feed_id = db.execute(
            "INSERT INTO feeds (name, url, title, added) VALUES (?, ?, ?, ?)", [name, url, title, now()]
        ).lastrowid
    return Feed(feed_id, name, url, title)


def _unique_name(db, base: str) -> str:
    name, n = base, 1
    while db.execute("SELECT 1 FROM feeds WHERE name = ?", [name]).fetchone():
        n += 1
        name = f"{base}-{n}"
    return name


def get_feeds(db) -> list[Feed]:
    """Every subscription, in the order they were added."""
    return [Feed(*row) for row in db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id")]


def resolve_feed(db, ident: str | int) -> Feed:
    """The feed named ``ident``, or with that id (a number), or that URL."""
    text = str(ident)
    query = f"SELECT {_FEED_COLUMNS} FROM feeds WHERE name = ? OR url = ?"
    params: list = [text, text]
    if text.isdigit():
        query += " OR id = ?"
        params.append(int(text))
    row = db.execute(query, params).fetchone()
    if row is None:
        raise FeedNotFound(f"no feed named {text!r} (see `broadsheet feed list`)")
    return Feed(*row)


def list_feeds(db) -> list[dict]:
    """Every feed with its article count, unread count, last update and last error."""
    rows = db.execute(
        f"""SELECT {", ".join("feeds." + column for column in _FEED_COLUMNS.split(", "))},
                   count(DISTINCT feed_entries.article_id),
                   count(DISTINCT CASE WHEN articles.read = 0 THEN articles.id END)
            FROM feeds
            LEFT JOIN feed_entries ON feed_entries.feed_id = feeds.id
            LEFT JOIN articles ON articles.id = feed_entries.article_id
            GROUP BY feeds.id ORDER BY feeds.id"""
    ).fetchall()
    listed = []
    for row in rows:
        feed = Feed(*row[:8])
        listed.append(
            {
                **feed.to_json(),
                "articles": row[8],
                "unread": row[9],
                "last_update": feed.last_update,
                "last_error": feed.last_error,
            }
        )
    return listed


def remove_feed(db, ident: str | int) -> Feed:
    """Unsubscribe; the feed's articles stay in the corpus (only the link to the feed goes)."""
    feed = resolve_feed(db, ident)
    with write_transaction(db):
        db.execute("DELETE FROM feed_entries WHERE feed_id = ?", [feed.id])
        db.execute("DELETE FROM feeds WHERE id = ?", [feed.id])
    return feed
