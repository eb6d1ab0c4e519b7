"""The undo and redo history of the app's edits to notes and tags, for ``u`` and ``U``/``ctrl+r`` on every screen
that writes them: annotations created, edited and deleted, tags renamed, merged, recoloured and deleted.

Each edit is written at once (see :mod:`store.annotations`, :mod:`store.tags`); the history remembers it as a
pair of writes — ``back`` to the state before, ``forth`` to the state after — so undo runs ``back`` and redo runs
``forth``. It holds records, not connections, so it can outlive the connection that made them. A new edit
clears what could be redone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store import annotations as store
from store import tags as tag_store
from store.db import write_transaction
from store.model import Annotation

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_STEPS = 100

Write = Callable[["Database"], object]


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit: ``kind`` (created, updated, deleted, tag-deleted, tag-renamed, tag-merged, tag-recoloured),
    ``what`` it did in words, the ``articles`` whose notes it changed, and the writes that undo and redo it."""

    kind: str
    what: str
    articles: frozenset[int]
    back: Write
    forth: Write


@dataclass(frozen=True, slots=True)
class Undone:
    """What an undo or a redo did, so the app can say so and redraw the ``articles`` it changed."""

    kind: str
    message: str
    articles: frozenset[int]


def _tags_of(record: Annotation) -> str:
    return " ".join(f"#{tag}" for tag in record.tags) or "untagged"


def _restore(records: Iterable[Annotation]) -> Write:
    """Write these records back exactly as they are (re-created if deleted)."""
    kept = tuple(records)

    def write(db: Database) -> None:
        for record in kept:
            store.restore_annotation(db, record)

    return write


def _delete(ids: Iterable[int]) -> Write:
    kept = tuple(ids)

    def write(db: Database) -> None:
        for annotation_id in kept:
            store.delete_annotation(db, annotation_id)

    return write


class AnnotationHistory:
    """Make edits through this object to be able to undo and redo them, newest first."""

    def __init__(self) -> None:
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # Annotations

    def create(
        self, db: Database, article_id: int, start: int, end: int, tags: Iterable[str] = (), note: str = ""
    ) -> Annotation:
        record = store.create_annotation(db, article_id, start, end, tags, note)
        self._push(Edit("created", f"the new annotation ({_tags_of(record)})", frozenset([article_id]),
                        _delete([record.id]), _restore([record])))
        return record

    def create_many(self, db: Database, spans: Iterable[tuple[int, int, int]], tags: Iterable[str], note: str
                    ) -> list[Annotation]:
        """Annotate several ``(article_id, start, end)`` spans alike, as one edit (the ledger's ``a``)."""
        tags = list(tags)
        records = [store.create_annotation(db, article, start, end, tags, note) for article, start, end in spans]
        if records:
            self._push(Edit("created", f"{len(records)} new annotations (#{' #'.join(tags)})" if len(records) > 1
                            else f"the new annotation ({_tags_of(records[0])})",
                            frozenset(r.article_id for r in records),
                            _delete(r.id for r in records), _restore(records)))
        return records

    def update(self, db: Database, annotation_id: int, **changes) -> Annotation:
        """Apply ``changes`` (tags, note, start and end) and return the annotation as it is now."""
        before = store.update_annotation(db, annotation_id, **changes)
        after = store.get_annotation(db, annotation_id)
        self._push(Edit("updated", f"the edit of the annotation ({_tags_of(before)})", frozenset([after.article_id]),
                        _restore([before]), _restore([after])))
        return after

    def delete(self, db: Database, annotation_id: int) -> Annotation:
        record = store.delete_annotation(db, annotation_id)
        self._push(Edit("deleted", f"the deleted annotation ({_tags_of(record)})", frozenset([record.article_id]),
                        _restore([record]), _delete([record.id])))
        return record

    # Tags (the Tags screen)

    def delete_tag(self, db: Database, name: str) -> int:
        name, color, carrying = self._tag_state(db, name)
        count = tag_store.delete_tag(db, name)
        self._push(Edit("tag-deleted", f"the deletion of #{name}", frozenset(r.article_id for r in carrying),
                        self._recreate(name, color, carrying), lambda db: tag_store.delete_tag(db, name)))
        return count

    def rename_tag(self, db: Database, old: str, new: str) -> int:
        old, _, carrying = self._tag_state(db, old)
        new = tag_store.normalize_tag(new)
        count = tag_store.rename_tag(db, old, new)
        self._push(Edit("tag-renamed", f"the renaming of #{old} to #{new}", frozenset(r.article_id for r in carrying),
                        lambda db: tag_store.rename_tag(db, new, old),
                        lambda db: tag_store.rename_tag(db, old, new)))
        return count

    def merge_tags(self, db: Database, source: str, target: str) -> int:
        source, color, carrying = self._tag_state(db, source)
        count = tag_store.merge_tags(db, source, target)
        self._push(Edit("tag-merged", f"the merge of #{source} into #{target}",
                        frozenset(r.article_id for r in carrying), self._recreate(source, color, carrying),
                        lambda db: tag_store.merge_tags(db, source, target)))
        return count

    def set_tag_color(self, db: Database, name: str, color: str) -> str:
        name, old, carrying = self._tag_state(db, name)
        new = tag_store.set_tag_color(db, name, color)
        self._push(Edit("tag-recoloured", f"the colour of #{name}", frozenset(r.article_id for r in carrying),
                        lambda db: tag_store.set_tag_color(db, name, old),
                        lambda db: tag_store.set_tag_color(db, name, new)))
        return new

    @staticmethod
    def _tag_state(db: Database, name: str) -> tuple[str, str, list[Annotation]]:
        """The tag's stored name and colour and the annotations carrying it (TagError for an unknown tag)."""
        name = tag_store.normalize_tag(name)
        row = next((tag for tag in tag_store.list_tags(db) if tag["name"] == name), None)
        if row is None:
            raise tag_store.TagError(f"no tag named {name!r}")
        return name, row["color"], store.list_annotations(db, tag=name)

    @staticmethod
    def _recreate(name: str, color: str, carrying: list[Annotation]) -> Write:
        """Bring a deleted or merged-away tag back with its colour, on the annotations that carried it, each
        with its tags as they were."""

        def write(db: Database) -> None:
            with write_transaction(db):
                tag_store.ensure_tags(db, [name], {name: color})
            _restore(carrying)(db)

        return write

    # Undo and redo

    def undo(self, db: Database) -> Undone | None:
        """Reverse the latest edit not yet undone; None when there is nothing to undo. An edit that can no
        longer be reversed (its annotation deleted elsewhere, say) is skipped."""
        return self._step(db, self._undo, self._redo, "Undone")

    def redo(self, db: Database) -> Undone | None:
        """Make again the latest edit undone; None when there is nothing to redo."""
        return self._step(db, self._redo, self._undo, "Redone")

    def _step(self, db: Database, source: list[Edit], target: list[Edit], verb: str) -> Undone | None:
        while source:
            edit = source.pop()
            try:
                (edit.back if verb == "Undone" else edit.forth)(db)
            except (store.AnnotationError, tag_store.TagError):
                continue
            target.append(edit)
            return Undone(edit.kind, f"{verb}: {edit.what}", edit.articles)
        return None

    def _push(self, edit: Edit) -> None:
        self._undo.append(edit)
        del self._undo[:-MAX_STEPS]
        self._redo.clear()
