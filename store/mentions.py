"""Mentions in the database: the stored entities and figures of each article, counted corpus-wide, and the
teachings that change them.

A teaching is applied at once: every article it touches is re-extracted from its stored text
(:func:`store.layers.reextract_articles`), one transaction each, together with the layers derived from its
mentions (quotes, claims). Reading the teachings is :mod:`store.teachings`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from store import layers
from store.db import write_transaction
from store.layers import Progress
from store.model import StoredMention
from store.refresh import refresh_stale

if TYPE_CHECKING:
    from sqlite_utils import Database


class TeachingError(ValueError):
    """A teaching that cannot be stored as given; the message says why in one line."""


def reextract_stale(db: Database, progress: Progress | None = None) -> int:
    """Bring every article up to date, one transaction each; returns how many were redone. See
    :func:`store.refresh.refresh_stale`, the one place this is done (stale web pages first, then articles whose
    layers came from another extractor version or other teachings)."""
    return refresh_stale(db, progress)


def _check_text(text: str) -> str:
    if not text or not text.strip():
        raise TeachingError("the text to teach is empty")
    if "\n" in text or "\r" in text:
        raise TeachingError("the text to teach spans a line break; a mention never does")
    return text


def add_entity_teaching(db: Database, text: str, label: str) -> int:
    """Teach that ``text`` (case-sensitive, whole words) is an entity of ``label`` everywhere; applied to every
    article containing it at once. Replaces an earlier teaching about the same text. Returns the teaching id."""
    text, label = _check_text(text), label.strip().upper()
    if not label or not label.replace("_", "").isalnum():
        raise TeachingError(f"label {label!r} is not a word such as ORG, PERSON or PRODUCT")
    with write_transaction(db):
        db.execute("DELETE FROM teachings WHERE text = ? AND article_id IS NULL", [text])
        teaching_id = _insert_teaching(db, "add", text, label, None, None)
    layers.reextract_articles(db, layers.articles_containing(db, text))
    return teaching_id


def suppress_teaching(db: Database, text: str, article_id: int | None = None, start: int | None = None) -> int:
    """Teach that ``text`` is never a mention, or — with ``article_id`` and ``start`` — that this one
    occurrence is not. Applied at once; returns the teaching id."""
    text = _check_text(text)
    if (article_id is None) != (start is None):
        raise TeachingError("give both the article and the start offset to suppress one occurrence")
    with write_transaction(db):
        if article_id is not None:
            row = db.execute("SELECT substr(text, ? + 1, ?) FROM articles WHERE id = ?",
                             [start, len(text), article_id]).fetchone()
            if row is None:
                raise TeachingError(f"no article with id {article_id}")
            if row[0] != text:
                raise TeachingError(f"article {article_id} does not read {text!r} at offset {start}")
            db.execute("DELETE FROM teachings WHERE text = ? AND article_id = ? AND start = ?",
                       [text, article_id, start])
        else:
            db.execute("DELETE FROM teachings WHERE text = ? AND article_id IS NULL", [text])
        teaching_id = _insert_teaching(db, "suppress", text, None, article_id, start)
    layers.reextract_articles(db, [article_id] if article_id is not None else layers.articles_containing(db, text))
    return teaching_id


def remove_teaching(db: Database, teaching_id: int) -> bool:
    """Forget one teaching and re-extract the articles it touched; False if there was no such teaching."""
    with write_transaction(db):
        row = db.execute("SELECT text, article_id FROM teachings WHERE id = ?", [teaching_id]).fetchone()
        if row is None:
            return False
        db.execute("DELETE FROM teachings WHERE id = ?", [teaching_id])
    text, article_id = row
    layers.reextract_articles(db, [article_id] if article_id is not None else layers.articles_containing(db, text))
    return True


def _insert_teaching(
    db: Database, action: str, text: str, label: str | None, article_id: int | None, start: int | None
) -> int:
    created = datetime.now(UTC).isoformat(timespec="seconds")
    cursor = db.execute(
        "INSERT INTO teachings (action, text, label, article_id, start, created) VALUES (?, ?, ?, ?, ?, ?)",
        [action, text, label, article_id, start, created],
    )
    assert cursor.lastrowid is not None  # an INSERT always sets it
    return cursor.lastrowid


def mentions_for_article(db: Database, article_id: int, label: str | None = None) -> list[StoredMention]:
    """The stored mentions of one article, in text order, optionally of one label."""
    return mentions(db, article_id=article_id, label=label)


def mentions(db: Database, article_id: int | None = None, label: str | None = None) -> list[StoredMention]:
    """Stored mentions (of one article, or all), with the article id and path, in text order."""
    sql = (
        'SELECT m.article_id, a.path, m.start, m."end", m.text, m.kind, m.label, m.entity, m.value, m.value_high, '
        "m.unit, m.hedge FROM mentions m JOIN articles a ON a.id = m.article_id WHERE 1 = 1"
    )
    params: list[Any] = []
    if article_id is not None:
        sql += " AND m.article_id = ?"
        params.append(article_id)
    if label:
        sql += " AND m.label = ?"
        params.append(label.upper())
    sql += " ORDER BY m.article_id, m.start, m.id"
    return [StoredMention(*row) for row in db.execute(sql, params)]


def entity_counts(db: Database, label: str | None = None) -> list[dict[str, Any]]:
    """Corpus-wide entities: canonical key, label, a display name, mention and article counts, most mentioned first."""
    sql = "SELECT entity, label, name, mentions, articles FROM entities"
    params: list[Any] = []
    if label:
        sql += " WHERE label = ?"
        params.append(label.upper())
    sql += " ORDER BY mentions DESC, entity"
    return [
        {"canonical": entity, "label": lbl, "name": name, "count": count, "articles": articles}
        for entity, lbl, name, count, articles in db.execute(sql, params)
    ]
