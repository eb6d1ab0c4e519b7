"""Teaching the extractor from the reader (a mixin of ``Reader``): mark the selection as an entity of a label,
or suppress a highlight here or everywhere. The store call runs in a worker with its own connection; the
article's refreshed mentions come back as ``Reader.MentionsUpdated`` (defined on ``Reader``).
"""

from __future__ import annotations

import sqlite3

from textual import work
from textual.worker import get_current_worker

from store.db import DatabaseError, connect
from tui.screens.label_picker import LabelPicker


class ReaderTeaching:
    """Actions ``mark_entity`` and ``suppress``."""

    def _teaching_ready(self) -> bool:
        if self.article is not None and self.db_path is None:
            self.notify("Teaching needs the database; this reader was opened without one", severity="warning")
        return self.article is not None and self.db_path is not None

    def action_mark_entity(self) -> None:
        """Ask for a label, then teach that the selected text is an entity of it."""
        span = self.selection
        text = self.article.text[span[0] : span[1]].strip() if span and self.article else ""
        if not text or not self._teaching_ready():
            return
        if len(text) > 80:
            self.notify("Select a name (shift+arrows) before marking it as an entity", severity="warning")
            return

        def chosen(label: str | None) -> None:
            if label:
                self._teach("entity", text, label, None)

        self.app.push_screen(LabelPicker(text), chosen)

    def action_suppress(self, scope: str) -> None:
        """Stop highlighting the mention under the selection: this occurrence (``here``) or ``everywhere``."""
        span = self.selection
        if span is None or not self._teaching_ready():
            return
        mention = next(iter(self._mentions.overlapping(*span)), None)
        if mention is None:
            self.notify("No highlight under the cursor to suppress", timeout=2)
            return
        text = self.article.text[mention.start : mention.end]
        self._teach("suppress", text, None, mention.start if scope == "here" else None)

    @work(thread=True, exclusive=True, group="reader-teaching")
    def _teach(self, what: str, text: str, label: str | None, start: int | None) -> None:
        # imported here: it loads the extractor, too slow for start-up
        from store import mentions as store_mentions

        article_id = self.article.id
        try:
            db = connect(self.db_path)
            try:
                if what == "entity":
                    store_mentions.add_entity_teaching(db, text, label)
                else:
                    here = article_id if start is not None else None
                    store_mentions.suppress_teaching(db, text, article_id=here, start=start)
                rows = store_mentions.mentions_for_article(db, article_id)
            finally:
                db.close()
        except (store_mentions.TeachingError, DatabaseError, sqlite3.Error) as error:  # say why, keep the app
            self.app.call_from_thread(self.notify, f"Teaching failed: {error}", severity="error")
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.MentionsUpdated(article_id, rows))

    def on_reader_mentions_updated(self, message) -> None:
        if self.article is not None and message.article_id == self.article.id:
            self.set_mentions(message.mentions)
