"""Reading the corpus: article lists, one article with its layers, reading state, counts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.db import write_transaction

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

    from store.model import Block, Reference


class ArticleNotFound(LookupError):
    """No article matches what the user named; the message says what was looked for."""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the library."""

    id: int
    title: str
    path: str
    source: str | None
    published: str | None
    url: str | None
    words: int
    read: bool
    annotations: int = 0
    byline: str | None = None
    language: str | None = None
    feeds: tuple[str, ...] = ()  # names of the feeds the article came from (none before feeds exist)

    def to_json(self) -> dict[str, Any]:
        """``broadsheet articles --json``: one article of the list."""
        return {
            "id": self.id,
            "title": self.title,
            "path": self.path,
            "source": self.source,
            "published": self.published,
            "url": self.url,
            "byline": self.byline,
            "language": self.language,
            "feeds": list(self.feeds),
            "words": self.words,
            "read": self.read,
            "annotations": self.annotations,
        }


@dataclass(slots=True)
class Article:
    """An article with everything the reader draws, all offsets into ``text``."""

    id: int
    title: str
    path: str
    source: str | None
    published: str | None
    url: str | None
    byline: str | None
    words: int
    text: str
    read: bool
    position: int
    content_hash: str
    blocks: list[Block] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    language: str | None = None
    feeds: list[str] = field(default_factory=list)  # names of the feeds the article came from
    revisions: int = 1  # texts kept of this article (store.revisions); more than 1 once it was edited


def list_articles(db: Database | sqlite3.Connection, limit: int | None = None) -> list[ArticleSummary]:
    """Every article (or the first ``limit``), newest first, with its annotation count. The app reads one
    screenful with ``limit`` so the library paints before 100,000 rows are in.

    ``db`` may be a plain ``sqlite3`` connection: the app reads that first screenful before sqlite-utils is
    even imported (see :func:`store.db.open_connection`)."""
    count = "(SELECT count(*) FROM annotations WHERE annotations.article_id = articles.id)"
    # the app may read a database older than the language column before it is migrated
    language = "language" if _has_column(db, "articles", "language") else "NULL"
    # A screenful walks the library-order index; the whole list is faster as one scan and a sort than as
    # 100,000 lookups in index order.
    source = "articles" if limit is not None else "articles NOT INDEXED"
    rows = db.execute(
        f"""SELECT id, title, path, source, published, url, words, read, {count}, byline, {language}
            FROM {source} ORDER BY coalesce(published, '') DESC, id
            {"LIMIT ?" if limit is not None else ""}""",
        [limit] if limit is not None else [],
    ).fetchall()
    summaries = [
        ArticleSummary(id, title, path, source, published, url, words, bool(read), annotations, byline, language)
        for id, title, path, source, published, url, words, read, annotations, byline, language in rows
    ]
    if not summaries or not _has_table(db, "feed_entries"):  # before the feeds migration, or no articles
        return summaries
    names = feeds_of_articles(db, [a.id for a in summaries] if limit is not None else None)
    return [replace(a, feeds=tuple(names[a.id])) if a.id in names else a for a in summaries]


def feeds_of_articles(db, article_ids: list[int] | None = None) -> dict[int, list[str]]:
    """Article id → the names of the feeds it came from (every article that came from a feed, or those asked)."""
    query = (
        "SELECT DISTINCT feed_entries.article_id, feeds.name FROM feed_entries "
        "JOIN feeds ON feeds.id = feed_entries.feed_id WHERE feed_entries.article_id IS NOT NULL"
    )
    params: list = []
    if article_ids is not None:
        query += f" AND feed_entries.article_id IN ({', '.join('?' for _ in article_ids)})"
        params = list(article_ids)
    found: dict[int, list[str]] = {}
    for article_id, name in db.execute(query + " ORDER BY feeds.id", params):
        found.setdefault(article_id, []).append(name)
    return found


def _has_table(db, table: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone() is not None


def _has_column(db, table: str, column: str) -> bool:
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


def get_article(db: Database, article_id: int) -> Article:
    """One article with its blocks, sentences and references."""
    # Imported here: building store.model's record classes costs the app's start a few ms, and its first frame
    # (the library) reads no article.
    from store.model import Block, Reference

    row = db.execute(
        """SELECT id, title, path, source, published, url, byline, words, text, read, position, content_hash,
                  language
           FROM articles WHERE id = ?""",
        [article_id],
    ).fetchone()
    if row is None:
        raise ArticleNotFound(f"no article with id {article_id}")
    id_, title, path, source, published, url, byline, words, text, read, position, content_hash, language = row
    article = Article(id_, title, path, source, published, url, byline, words, text, bool(read), position, content_hash,
                      language=language)
    article.feeds = feeds_of_articles(db, [article_id]).get(article_id, [])
    article.blocks = [
        Block(kind, start, end, level)
        for kind, start, end, level in db.execute(
            'SELECT kind, start, "end", level FROM blocks WHERE article_id = ? ORDER BY seq', [article_id]
        )
    ]
    article.sentences = [
        (start, end)
        for start, end in db.execute('SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY seq',
                                     [article_id])
    ]
    article.references = [
        Reference(*ref)
        for ref in db.execute(
            'SELECT n, publisher, title, url, date, start, "end" FROM "references" WHERE article_id = ? ORDER BY n',
            [article_id],
        )
    ]
    revisions = db.execute("SELECT count(*) FROM revisions WHERE article_id = ?", [article_id]).fetchone()[0]
    article.revisions = max(1, revisions)
    return article


def resolve_article(db: Database, ref: str | int) -> int:
    """The id of the article named by ``ref``: an id, a stored path, or a file name (unique)."""
    ref = str(ref).strip()
    if ref.isdigit():
        if db.execute("SELECT 1 FROM articles WHERE id = ?", [int(ref)]).fetchone():
            return int(ref)
        raise ArticleNotFound(f"no article with id {ref}")
    rows = db.execute("SELECT id FROM articles WHERE path = ?", [ref]).fetchall()
    if not rows:
        name = Path(ref).name
        rows = db.execute(
            "SELECT id, path FROM articles WHERE path = ? OR path LIKE ? ESCAPE '\\' OR path LIKE ? ESCAPE '\\'",
            [name, "%/" + _escape_like(name), "%/" + _escape_like(name) + "#%"],
        ).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if not rows:
        raise ArticleNotFound(f"no article named {ref!r} (give an id or a file name; see `broadsheet articles`)")
    raise ArticleNotFound(f"{ref!r} names {len(rows)} articles; give its id instead")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def mark_read(db: Database, article_id: int, read: bool = True) -> None:
    """Set the read mark of one article."""
    with write_transaction(db):
        db.execute("UPDATE articles SET read = ? WHERE id = ?", [int(read), article_id])


def save_position(db: Database, article_id: int, offset: int) -> None:
    """Remember where the reader's cursor is, so the article reopens there."""
    with write_transaction(db):
        db.execute("UPDATE articles SET position = ? WHERE id = ?", [offset, article_id])


def article_titles(db: Database, article_ids) -> dict[int, str]:
    """The titles of the given articles, by id (ids that do not exist are absent)."""
    ids = sorted(set(article_ids))
    titles: dict[int, str] = {}
    for chunk in range(0, len(ids), 500):  # SQLite limits the number of parameters of one statement
        part = ids[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        titles.update(db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", part).fetchall())
    return titles


def corpus_counts(db: Database) -> dict[str, int]:
    """Counts for the header and ``broadsheet info``: articles, sentences, entities, figures, annotations, tags."""
    counts = {
        "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
        "sentences": db.execute("SELECT count(*) FROM sentences").fetchone()[0],
    }
    for name, sql in (
        ("entities", "SELECT count(DISTINCT entity) FROM mentions WHERE kind = 'entity'"),
        ("figures", "SELECT count(*) FROM mentions WHERE kind = 'figure'"),
        ("annotations", "SELECT count(*) FROM annotations"),
        ("tags", "SELECT count(*) FROM tags"),
    ):
        counts[name] = db.execute(sql).fetchone()[0]
    return counts
