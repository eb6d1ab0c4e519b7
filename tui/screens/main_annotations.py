"""Tagging from the main screen: the tag dialog over the reader's selection, saved in workers, several steps of undo.

A mixin of ``MainScreen`` (which declares the ``main.tag`` and ``main.undo`` bindings); it needs the screen's
``db_path``, ``bundle`` and the reader, inspector and library it composes, and an ``AnnotationHistory`` in
``history`` with a lock (``history_lock``) so that edits and undos, each in its own worker, apply in order.
"""

from __future__ import annotations

from textual import work
from textual.worker import get_current_worker

from store.db import connect
from store.model import Annotation
from tui.widgets.library import Library
from tui.widgets.reader import Reader


class Annotating:
    """``t`` opens the tag dialog for the selection (or the annotation under it); ``u`` undoes the last edit."""

    def action_tag(self) -> None:
        reader = self.query_one(Reader)
        span = reader.selection
        if reader.article is None or span is None:
            return
        if self.bundle is None or self.bundle.annotations is None:
            self.app.notify("Annotations are not available in this database yet.", severity="warning")
            return
        existing = reader.annotations_at(*span)
        self.open_tag_dialog(reader.article.id, span, existing[0] if existing else None, reader.selected_text)

    @work(thread=True, exclusive=True, group="tag-dialog")
    def open_tag_dialog(self, article_id: int, span: tuple[int, int], record: Annotation | None, quote: str) -> None:
        """Read the known tags (for autocomplete) in a worker, then show the dialog."""
        from store.tags import list_tags

        db = connect(self.db_path)
        try:
            tags = list_tags(db)
        finally:
            db.close()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._push_tag_dialog, article_id, span, record, quote, tags)

    def _push_tag_dialog(self, article_id, span, record, quote, tags) -> None:
        from tui.screens.tag_dialog import TagDialog

        dialog = TagDialog(
            [tag["name"] for tag in tags],
            tags=list(record.tags) if record else None,
            note=record.note if record else "",
            quote=record.exact if record else quote,
            colors={tag["name"]: tag["color"] for tag in tags},
            editing=record is not None,
        )

        def saved(result) -> None:
            if result is not None:
                self.save_annotation(article_id, span, record, result)

        self.app.push_screen(dialog, saved)

    @work(thread=True, group="annotations")
    def save_annotation(self, article_id: int, span: tuple[int, int], record: Annotation | None, result) -> None:
        """Create, update or delete the annotation as the dialog said, then refresh what shows it."""
        db = connect(self.db_path)
        try:
            with self.history_lock:
                if record is None:
                    self.history.create(db, article_id, span[0], span[1], tags=result.tags, note=result.note)
                    message = "Annotation saved"
                elif getattr(result, "delete", False):
                    self.history.delete(db, record.id)
                    message = "Annotation deleted — press u to undo"
                else:
                    self.history.update(db, record.id, tags=result.tags, note=result.note)
                    message = "Annotation updated"
        finally:
            db.close()
        self.app.call_from_thread(self.app.notify, message)
        self.reload_annotations(article_id)

    @work(thread=True, group="annotations")
    def action_undo(self) -> None:
        """Reverse the latest annotation edit made on this screen (create, edit or delete), one step per press."""
        db = connect(self.db_path)
        try:
            with self.history_lock:
                undone = self.history.undo(db)
        finally:
            db.close()
        if undone is None:
            self.app.call_from_thread(self.app.notify, "Nothing to undo")
            return
        self.app.call_from_thread(self.app.notify, undone.message)
        self.reload_annotations(undone.record.article_id)

    def reload_annotations(self, article_id: int) -> None:
        """Called from a worker: re-read the article's annotations and hand them to every widget showing them."""
        from store.annotations import annotations_for_article

        db = connect(self.db_path)
        try:
            annotations = annotations_for_article(db, article_id)
        finally:
            db.close()
        self.app.call_from_thread(self._annotations_changed, article_id, annotations)

    def _annotations_changed(self, article_id: int, annotations: list[Annotation]) -> None:
        self.query_one(Library).update_article(article_id, annotations=len(annotations))
        if self.bundle is not None and self.bundle.article.id == article_id:
            self.bundle.annotations = annotations
            self.query_one(Reader).set_annotations(annotations)
            self._show_inspector()
        self.app.refresh_counts()
