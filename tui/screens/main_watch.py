"""Keeping the main screen current while other processes write: ``broadsheet import`` or ``annotate`` in a shell.

A mixin of ``MainScreen``: every ``POLL_SECONDS`` a short worker asks a :class:`store.watch.ChangeWatcher`
what changed. New or re-imported articles reload the library (keeping the cursor and the filter) and, when the
open article's text changed, the reader (keeping the cursor's place); new or edited annotations update the
library's counts and the open article's highlights. The header counts follow both.
"""

from __future__ import annotations

import time

from textual import work

from store.db import connect
from store.watch import ChangeWatcher, annotation_counts
from tui.widgets.library import Library
from tui.widgets.reader import Reader


class Watching:
    """Polls the database for other connections' commits and refreshes what shows them."""

    POLL_SECONDS = 1.0
    # Reading 100,000 library rows takes about a second of a worker: while a long import keeps committing,
    # the library is read again at most this often (the header counts and the open article follow at once).
    LIBRARY_RELOAD_SECONDS = 5.0

    def start_watching(self) -> None:
        self._watcher: ChangeWatcher | None = None
        self._checking = False
        self._library = self.query_one(Library)
        self._library_stale = False
        self._library_read_at = 0.0
        self.set_interval(self.POLL_SECONDS, self._poll)

    def _poll(self) -> None:
        if not self._checking:  # a slow check (a busy disk) is not stacked with more
            self._checking = True
            self.check_for_changes()

    @work(thread=True, group="watch")
    def check_for_changes(self) -> None:
        try:
            if self._watcher is None:
                self._watcher = ChangeWatcher(self.db_path)
            changes = self._watcher.changes()
            if changes.articles:
                self._library_stale = True
                self._reload_open_article(only_if_text_changed=True)
            if self._library_stale and time.monotonic() - self._library_read_at >= self.LIBRARY_RELOAD_SECONDS:
                self._library_stale, self._library_read_at = False, time.monotonic()
                self.app.call_from_thread(self._articles_changed)
            if changes.annotations:
                self._update_annotation_counts()
                if self.bundle is not None:
                    self.reload_annotations(self.bundle.article.id)
            if changes:
                self.app.call_from_thread(self._refresh_counts)
        finally:
            self._checking = False

    def stop_watching(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    def _refresh_counts(self) -> None:
        self.app.refresh_counts()  # not awaited: call_from_thread would wait for the worker to end

    def _articles_changed(self) -> None:
        self.query_one(Library).reload(self.db_path)

    @work(thread=True, group="watch")
    def refresh_open_article(self) -> None:
        """Show the open article afresh, keeping the cursor's place (its highlights were re-extracted)."""
        self._reload_open_article(only_if_text_changed=False)

    def _reload_open_article(self, only_if_text_changed: bool) -> None:
        """In a worker: read the open article again and show it (only when its text changed on re-import, if
        ``only_if_text_changed``)."""
        from tui.screens.main import load_bundle

        bundle = self.bundle
        if bundle is None:
            return
        db = connect(self.db_path)
        try:
            row = db.execute("SELECT content_hash FROM articles WHERE id = ?", [bundle.article.id]).fetchall()
            if not row or (only_if_text_changed and row[0][0] == bundle.article.content_hash):
                return
            fresh = load_bundle(db, bundle.article.id)
        finally:
            db.close()
        text_changed = fresh.article.content_hash != bundle.article.content_hash
        self.app.call_from_thread(self._show_again, fresh, text_changed)

    def _show_again(self, bundle, text_changed: bool) -> None:
        reader, focused = self.query_one(Reader), self.focused
        offset = reader.cursor_offset if reader.article is not None else None
        self._show(bundle, position=offset)
        if focused is not None:  # showing grabs the focus for the reader; a refresh should not move it
            focused.focus()
        if text_changed:
            self.app.notify(f"“{bundle.article.title}” was re-imported; its notes were re-anchored.")

    def _update_annotation_counts(self) -> None:
        """Called from the watch worker: put each library row's annotation count right."""
        library = self._library
        db = connect(self.db_path)
        try:
            counts = annotation_counts(db)
        finally:
            db.close()
        stale = {
            article.id: counts.get(article.id, 0)
            for article in library.articles
            if article.annotations != counts.get(article.id, 0)
        }
        if stale:
            self.app.call_from_thread(self._set_annotation_counts, stale)

    def _set_annotation_counts(self, counts: dict[int, int]) -> None:
        library = self.query_one(Library)
        for article_id, count in counts.items():
            library.update_article(article_id, annotations=count)
