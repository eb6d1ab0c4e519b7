"""Mentions in the database: stored per article at import, kept fresh when the extractor or the user's
teachings change, and counted corpus-wide.

The text is never re-read from files: re-extraction works from ``articles.text``. Each article is rewritten
in its own transaction, together with the layers derived from its mentions (quotes, claims).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from store import layers
from store.db import write_transaction
from store.extract import EXTRACTOR_VERSION, extract
from store.extract.teachings import Teachings
from store.model import Mention

Progress = Callable[[int, int], None]
MENTION_COLUMNS = ("start", "end", "text", "kind", "label", "entity", "value", "value_high", "unit", "hedge")


class TeachingError(ValueError):
    """A teaching that cannot be stored as given; the message says why in one line."""


def index_article(db, article_id: int, text: str) -> None:
    """Replace the stored mentions of one article by a fresh extraction (call inside the article's transaction)."""
    teachings = load_teachings(db).relevant(text, article_id)
    write_mentions(db, article_id, extract(text, teachings, article_id), teachings.fingerprint())


def write_mentions(db, article_id: int, found: list[Mention], teachings_fingerprint: str) -> None:
    """Replace the stored mentions of one article by ``found`` and record the extractor version and the
    fingerprint of the teachings they were extracted with (call inside the article's transaction)."""
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    db.conn.executemany(
        'INSERT INTO mentions (article_id, start, "end", text, kind, label, entity, value, value_high, unit, hedge) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, m.start, m.end, m.text, m.kind, m.label, m.entity, m.value, m.value_high, m.unit, m.hedge)
            for m in found
        ],
    )
    db.execute(
        "INSERT OR REPLACE INTO mention_state (article_id, extractor_version, teachings) VALUES (?, ?, ?)",
        [article_id, EXTRACTOR_VERSION, teachings_fingerprint],
    )


def stale_articles(db) -> list[int]:
    """Articles whose mentions came from another extractor version or from other teachings than today's."""
    teachings = load_teachings(db)
    stale = {
        row[0]
        for row in db.execute(
            "SELECT a.id FROM articles a LEFT JOIN mention_state s ON s.article_id = a.id "
            "WHERE s.extractor_version IS NOT ?",
            [EXTRACTOR_VERSION],
        )
    }
    # Only articles that had teachings, or contain a taught text, can disagree with today's teachings;
    # SQLite finds them without loading every text into Python.
    words = sorted({word for word, _ in teachings.added} | teachings.suppressed_texts)
    candidates = {row[0] for row in db.execute("SELECT article_id FROM mention_state WHERE teachings != ''")}
    candidates |= set(teachings.suppressed_spans)
    for word in words:
        candidates.update(_articles_containing(db, word))
    for article_id in sorted(candidates - stale):
        row = db.execute(
            "SELECT a.text, s.teachings FROM articles a JOIN mention_state s ON s.article_id = a.id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        if row is not None and row[1] != teachings.relevant(row[0], article_id).fingerprint():
            stale.add(article_id)
    return sorted(stale)


def reextract_stale(db, progress: Progress | None = None) -> int:
    """Re-extract every stale article from its stored text, one transaction each; returns how many. Articles
    read from web pages by another HTML extractor version are first derived again from their raw pages."""
    from store.web.pages import rederive_stale_pages  # here: the importer it uses imports this module

    rederived = rederive_stale_pages(db, progress)
    return rederived + _reindex(db, stale_articles(db), progress)


def _reindex(db, article_ids: list[int], progress: Progress | None = None) -> int:
    for done, article_id in enumerate(article_ids, start=1):
        with write_transaction(db):
            row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is not None:
                layers.rebuild_article_layers(db, article_id, row[0], row[0])
        if progress:
            progress(done, len(article_ids))
    return len(article_ids)


def _articles_containing(db, text: str) -> list[int]:
    return [row[0] for row in db.execute("SELECT id FROM articles WHERE instr(text, ?) > 0 ORDER BY id", [text])]


def _check_text(text: str) -> str:
    if not text or not text.strip():
        raise TeachingError("the text to teach is empty")
    if "\n" in text or "\r" in text:
        raise TeachingError("the text to teach spans a line break; a mention never does")
    return text


def add_entity_teaching(db, text: str, label: str) -> int:
    """Teach that ``text`` (case-sensitive, whole words) is an entity of ``label`` everywhere; applied to every
    article containing it at once. Replaces an earlier teaching about the same text. Returns the teaching id."""
    text, label = _check_text(text), label.strip().upper()
    if not label or not label.replace("_", "").isalnum():
        raise TeachingError(f"label {label!r} is not a word such as ORG, PERSON or PRODUCT")
    with write_transaction(db):
        db.execute("DELETE FROM teachings WHERE text = ? AND article_id IS NULL", [text])
        teaching_id = _insert_teaching(db, "add", text, label, None, None)
    _reindex(db, _articles_containing(db, text))
    return teaching_id


def suppress_teaching(db, text: str, article_id: int | None = None, start: int | None = None) -> int:
    """Teach that ``text`` is never a mention, or — with ``article_id`` and ``start`` — that this one
    occurrence is not. Applied at once; returns the teaching id."""
    text = _check_text(text)
    if (article_id is None) != (start is None):
        raise TeachingError("give both the article and the start offset to suppress one occurrence")
    with write_transaction(db):
        if article_id is not None:
            row = db.execute("SELECT substr(text, ? + 1, ?) FROM articles WHERE id = ?", [start, len(text), article_id]).fetchone()
            if row is None:
                raise TeachingError(f"no article with id {article_id}")
            if row[0] != text:
                raise TeachingError(f"article {article_id} does not read {text!r} at offset {start}")
            db.execute("DELETE FROM teachings WHERE text = ? AND article_id = ? AND start = ?", [text, article_id, start])
        else:
            db.execute("DELETE FROM teachings WHERE text = ? AND article_id IS NULL", [text])
        teaching_id = _insert_teaching(db, "suppress", text, None, article_id, start)
    _reindex(db, [article_id] if article_id is not None else _articles_containing(db, text))
    return teaching_id


def remove_teaching(db, teaching_id: int) -> bool:
    """Forget one teaching and re-extract the articles it touched; False if there was no such teaching."""
    with write_transaction(db):
        row = db.execute("SELECT text, article_id FROM teachings WHERE id = ?", [teaching_id]).fetchone()
        if row is None:
            return False
        db.execute("DELETE FROM teachings WHERE id = ?", [teaching_id])
    text, article_id = row
    _reindex(db, [article_id] if article_id is not None else _articles_containing(db, text))
    return True


def _insert_teaching(db, action: str, text: str, label, article_id, start) -> int:
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return db.execute(
        "INSERT INTO teachings (action, text, label, article_id, start, created) VALUES (?, ?, ?, ?, ?, ?)",
        [action, text, label, article_id, start, created],
    ).lastrowid


def list_teachings(db) -> list[dict]:
    """Every teaching, oldest first."""
    rows = db.execute("SELECT id, action, text, label, article_id, start, created FROM teachings ORDER BY id")
    return [dict(zip(("id", "action", "text", "label", "article_id", "start", "created"), row, strict=False)) for row in rows]


def load_teachings(db) -> Teachings:
    """All teachings, in the form the extractor applies."""
    teachings = Teachings()
    for action, text, label, article_id, start in db.execute(
        "SELECT action, text, label, article_id, start FROM teachings ORDER BY id"
    ):
        if action == "add":
            teachings.added.append((text, label))
        elif article_id is None:
            teachings.suppressed_texts.add(text)
        else:
            teachings.suppressed_spans.setdefault(article_id, set()).add((start, text))
    return teachings


def mentions_for_article(db, article_id: int, label: str | None = None) -> list[dict]:
    """The stored mentions of one article, in text order, optionally of one label."""
    return mentions(db, article_id=article_id, label=label)


def mentions(db, article_id: int | None = None, label: str | None = None) -> list[dict]:
    """Stored mentions (of one article, or all), with the article id and path, in text order."""
    sql = (
        'SELECT m.article_id, a.path, m.start, m."end", m.text, m.kind, m.label, m.entity, m.value, m.value_high, '
        "m.unit, m.hedge FROM mentions m JOIN articles a ON a.id = m.article_id WHERE 1 = 1"
    )
    params: list = []
    if article_id is not None:
        sql += " AND m.article_id = ?"
        params.append(article_id)
    if label:
        sql += " AND m.label = ?"
        params.append(label.upper())
    sql += " ORDER BY m.article_id, m.start, m.id"
    return [dict(zip(("article_id", "path", *MENTION_COLUMNS), row, strict=False)) for row in db.execute(sql, params)]


def entity_counts(db, label: str | None = None) -> list[dict]:
    """Corpus-wide entities: canonical key, label, a display name, mention and article counts, most mentioned first."""
    sql = "SELECT entity, label, name, mentions, articles FROM entities"
    params: list = []
    if label:
        sql += " WHERE label = ?"
        params.append(label.upper())
    sql += " ORDER BY mentions DESC, entity"
    return [
        {"canonical": entity, "label": lbl, "name": name, "count": count, "articles": articles}
        for entity, lbl, name, count, articles in db.execute(sql, params)
    ]
