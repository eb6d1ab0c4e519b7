"""Annotations: spans of an article with tags and a note, kept anchored when the article's text changes.

Every function that writes is one :func:`store.db.write_transaction`, committed before it returns, so a
crash right after a save loses nothing. Records are :class:`store.model.Annotation`; a deleted or updated
record can be written back unchanged by :func:`restore_annotation`, which is how the app undoes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from store.anchoring import Selector, make_selector, reanchor, text_hash
from store.db import write_transaction
from store.model import Annotation
from store.tags import delete_tag, ensure_tags, list_tags, merge_tags, normalize_tag, rename_tag, set_tag_color  # noqa: F401 — tags are part of this API

if TYPE_CHECKING:
    from sqlite_utils import Database

RECORD_COLUMNS = (
    "id",
    "article_id",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "quote_start",
    "quote_end",
    "text_hash",
    "note",
    "anchor",
    "score",
    "created",
    "updated",
    "figure_changed",
)
_SELECT = (
    "SELECT " + ", ".join(f'a."{c}"' for c in RECORD_COLUMNS) + ", articles.path, articles.title "
    "FROM annotations a JOIN articles ON articles.id = a.article_id"
)
_ORDER = ' ORDER BY a.article_id, a.start IS NULL, a.start, a."end" DESC, a.id'


class AnnotationError(ValueError):
    """A request that cannot be done as asked (unknown id or tag, bad span); the message is one line."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def create_annotation(
    db: Database, article_id: int, start: int, end: int, tags: Iterable[str] = (), note: str = ""
) -> Annotation:
    """Annotate ``text[start:end]`` of an article with tags (created as needed) and a Markdown note."""
    text, digest = _article_text(db, article_id)
    selector = _selector(text, start, end)
    stamp = now()
    with write_transaction(db):
        cursor = db.execute(
            """INSERT INTO annotations (article_id, start, "end", exact, prefix, suffix, quote_start, quote_end,
                   text_hash, note, anchor, score, created, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'exact', 1.0, ?, ?)""",
            [
                article_id,
                start,
                end,
                selector.exact,
                selector.prefix,
                selector.suffix,
                start,
                end,
                digest,
                note or "",
                stamp,
                stamp,
            ],
        )
        annotation_id = cursor.lastrowid
        assert annotation_id is not None  # an INSERT always sets it
        _set_tags(db, annotation_id, tags)
    return get_annotation(db, annotation_id)


def update_annotation(
    db: Database,
    annotation_id: int,
    *,
    tags: Iterable[str] | None = None,
    note: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Annotation:
    """Change the tags, the note or the span (given as both ``start`` and ``end``) of an annotation.

    Returns the record as it was before, for undo with :func:`restore_annotation`.
    """
    previous = get_annotation(db, annotation_id)
    with write_transaction(db):
        if start is not None or end is not None:
            if start is None or end is None:
                raise AnnotationError("give both start and end to move an annotation")
            text, digest = _article_text(db, previous.article_id)
            selector = _selector(text, start, end)
            db.execute(
                """UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, quote_start = ?,
                       quote_end = ?, text_hash = ?, anchor = 'exact', score = 1.0, figure_changed = 0 WHERE id = ?""",
                [start, end, selector.exact, selector.prefix, selector.suffix, start, end, digest, annotation_id],
            )
        if note is not None:
            db.execute("UPDATE annotations SET note = ? WHERE id = ?", [note, annotation_id])
        if tags is not None:
            _set_tags(db, annotation_id, tags)
        db.execute("UPDATE annotations SET updated = ? WHERE id = ?", [now(), annotation_id])
    return previous


def delete_annotation(db: Database, annotation_id: int) -> Annotation:
    """Delete an annotation; returns its full record so :func:`restore_annotation` can bring it back."""
    record = get_annotation(db, annotation_id)
    with write_transaction(db):
        db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
    return record


def restore_annotation(db: Database, record: Annotation) -> Annotation:
    """Write a record back exactly as it was — same id, span, selector, tags (re-created with their colours if
    deleted meanwhile), note, state and times. Undoes a delete or an update."""
    values = [getattr(record, c) for c in RECORD_COLUMNS]
    with write_transaction(db):
        exists = db.execute("SELECT 1 FROM annotations WHERE id = ?", [record.id]).fetchone()
        if exists:
            assignments = ", ".join(f'"{c}" = ?' for c in RECORD_COLUMNS[1:])
            db.execute(f"UPDATE annotations SET {assignments} WHERE id = ?", [*values[1:], record.id])
        else:
            names = ", ".join(f'"{c}"' for c in RECORD_COLUMNS)
            db.execute(f"INSERT INTO annotations ({names}) VALUES ({', '.join('?' for _ in values)})", values)
        _set_tags(db, record.id, record.tags, colors=record.colors)
    return get_annotation(db, record.id)


def get_annotation(db: Database, annotation_id: int) -> Annotation:
    """One annotation with its article's ``path`` and ``title`` and its tags (in the user's order) with
    their colours."""
    found = _records(db, " WHERE a.id = ?", [annotation_id])
    if not found:
        raise AnnotationError(f"no annotation with id {annotation_id}")
    return found[0]


def annotations_for_article(db: Database, article_id: int) -> list[Annotation]:
    """Every annotation of one article in text order; orphaned ones (no span) last."""
    return _records(db, " WHERE a.article_id = ?", [article_id])


def list_annotations(db: Database, tag: str | None = None, article: int | None = None) -> list[Annotation]:
    """Annotations across the corpus, optionally only those with a tag and/or of one article."""
    where: list[str] = []
    params: list[Any] = []
    if tag is not None:
        where.append(
            "a.id IN (SELECT annotation_id FROM annotation_tags JOIN tags ON tags.id = tag_id WHERE tags.name = ?)"
        )
        params.append(normalize_tag(tag))
    if article is not None:
        where.append("a.article_id = ?")
        params.append(article)
    return _records(db, (" WHERE " + " AND ".join(where)) if where else "", params)


def orphans(db: Database) -> list[Annotation]:
    """Annotations whose text is gone from their article, with their stored quote and note."""
    return _records(db, " WHERE a.anchor = 'orphaned'", [])


def needing_review(db: Database) -> list[Annotation]:
    """Orphans and annotations re-anchored over a figure whose value changed: the notes a user must look at
    again after an article was edited (the app's Orphans screen)."""
    return _records(db, " WHERE a.anchor = 'orphaned' OR a.figure_changed = 1", [])


def annotation_counts(db: Database) -> dict[int, int]:
    """Annotations per article id (articles without any are absent), in one query."""
    return dict(db.execute("SELECT article_id, count(*) FROM annotations GROUP BY article_id").fetchall())


def reanchor_article(db: Database, article_id: int, previous_text: str | None, new_text: str) -> dict[str, int]:
    """Re-anchor every annotation of an article whose text changed; returns how many ended in each state.

    Called by the importer inside the article's transaction. Each annotation is looked for from its
    creation selector, starting near its last known place, so an orphan can come back when its text does;
    ``figure_changed`` marks a fuzzy match whose figures no longer have the values quoted.
    """
    new_hash = text_hash(new_text)
    counts = {"exact": 0, "moved": 0, "fuzzy": 0, "orphaned": 0}
    rows = db.execute(
        "SELECT id, start, exact, prefix, suffix, quote_start, quote_end, text_hash FROM annotations"
        " WHERE article_id = ?",
        [article_id],
    ).fetchall()
    with write_transaction(db):
        for annotation_id, start, exact, prefix, suffix, quote_start, quote_end, old_hash in rows:
            selector = Selector(exact, prefix, suffix, quote_start, quote_end)
            anchor = reanchor(selector, old_hash, new_text, new_hash, near=start)
            counts[anchor.state] += 1
            db.execute(
                'UPDATE annotations SET start = ?, "end" = ?, anchor = ?, score = ?, figure_changed = ? WHERE id = ?',
                [anchor.start, anchor.end, anchor.state, anchor.score, int(anchor.figure_changed), annotation_id],
            )
    return counts


def _records(db: Database, where: str, params: Sequence[Any]) -> list[Annotation]:
    rows = db.execute(_SELECT + where + _ORDER, params).fetchall()
    if not rows:
        return []
    tags: dict[int, dict[str, str | None]] = {row[0]: {} for row in rows}
    selected = "SELECT a.id FROM annotations a JOIN articles ON articles.id = a.article_id" + where
    for annotation_id, name, color in db.execute(
        f"""SELECT annotation_id, tags.name, tags.color FROM annotation_tags JOIN tags ON tags.id = tag_id
            WHERE annotation_id IN ({selected}) ORDER BY annotation_id, seq""",
        params,
    ):
        tags[annotation_id][name] = color
    records = []
    for row in rows:
        fields = dict(zip(RECORD_COLUMNS, row, strict=False))
        fields["figure_changed"] = bool(fields["figure_changed"])
        records.append(Annotation(**fields, tags=tuple(tags[row[0]]), colors=tags[row[0]], path=row[-2], title=row[-1]))
    return records


def _set_tags(
    db: Database, annotation_id: int, names: Iterable[str], colors: Mapping[str, str | None] | None = None
) -> None:
    ids = ensure_tags(db, names or (), colors)
    db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
    db.conn.executemany(
        "INSERT INTO annotation_tags (annotation_id, tag_id, seq) VALUES (?, ?, ?)",
        [(annotation_id, tag_id, seq) for seq, tag_id in enumerate(ids)],
    )


def _article_text(db: Database, article_id: int) -> tuple[str, str]:
    row = db.execute("SELECT text, content_hash FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise AnnotationError(f"no article with id {article_id}")
    return row[0], row[1]


def _selector(text: str, start: int, end: int) -> Selector:
    try:
        return make_selector(text, start, end)
    except ValueError as exc:
        raise AnnotationError(str(exc)) from None
