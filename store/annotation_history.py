"""An undo history for annotation edits, for the app's ``u`` key: several steps, deletes included.

Each edit is written at once (see :mod:`store.annotations`); the history only remembers how to write it
back. It holds records, not connections, so it can outlive the connection that made them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store import annotations as store
from store.model import Annotation

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_STEPS = 100


@dataclass(frozen=True, slots=True)
class Undone:
    """What an undo did, so the app can say so and redraw: ``kind`` is the edit undone (created, updated,
    deleted) and ``record`` the annotation as it is now (for ``created``: as it was before removal)."""

    kind: str
    record: Annotation

    @property
    def message(self) -> str:
        tags = " ".join(f"#{tag}" for tag in self.record.tags) or "untagged"
        verb = {"created": "removed the new", "updated": "restored the edited", "deleted": "brought back the deleted"}[
            self.kind
        ]
        return f"Undo: {verb} annotation ({tags})"


class AnnotationHistory:
    """Create, update and delete annotations through this object to be able to undo them, newest first."""

    def __init__(self) -> None:
        self._steps: list[tuple[str, Annotation]] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._steps)

    def create(
        self, db: Database, article_id: int, start: int, end: int, tags: Iterable[str] = (), note: str = ""
    ) -> Annotation:
        record = store.create_annotation(db, article_id, start, end, tags, note)
        self._push("created", record)
        return record

    def update(self, db: Database, annotation_id: int, **changes) -> Annotation:
        """Apply ``changes`` (tags, note, start and end) and return the annotation as it is now."""
        self._push("updated", store.update_annotation(db, annotation_id, **changes))
        return store.get_annotation(db, annotation_id)

    def delete(self, db: Database, annotation_id: int) -> Annotation:
        record = store.delete_annotation(db, annotation_id)
        self._push("deleted", record)
        return record

    def undo(self, db: Database) -> Undone | None:
        """Reverse the latest edit not yet undone; None when there is nothing to undo. An edit whose
        annotation was meanwhile deleted elsewhere (say, from the Tags screen) is skipped."""
        while self._steps:
            kind, record = self._steps.pop()
            try:
                if kind == "created":
                    store.delete_annotation(db, record.id)
                    return Undone(kind, record)
                return Undone(kind, store.restore_annotation(db, record))
            except store.AnnotationError:
                continue
        return None

    def _push(self, kind: str, record: Annotation) -> None:
        self._steps.append((kind, record))
        del self._steps[:-MAX_STEPS]
