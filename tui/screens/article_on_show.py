"""The article the main screen shows: its bundle (the article with its mentions, quotes and notes), handed down to
the reader, the inspector and the library's row when it is read, re-read, or its notes or highlights change.

A plain object the main screen holds: the screen's handlers for the background jobs' answers
(:mod:`tui.screens.main_jobs`) call it; it reads nothing from the database itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.widgets.inspector import Inspector
from tui.widgets.library import Library
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from textual.screen import Screen

    from store.model import Annotation, StoredMention
    from store.reading import ArticleBundle
    from tui.screens.main_jobs import ArticleRead
    from tui.screens.pane_layout import PaneLayout


class ArticleOnShow:
    """What the main screen's panes show of the open article (``bundle``, None until one is opened)."""

    def __init__(self, screen: Screen, layout: PaneLayout, flush_position: Callable[[], object]) -> None:
        """``flush_position`` writes the reading position of the article on show before another replaces it."""
        self._screen = screen
        self._layout = layout
        self._flush_position = flush_position
        self.bundle: ArticleBundle | None = None

    @property
    def article_id(self) -> int | None:
        return self.bundle.article.id if self.bundle is not None else None

    def read(self, message: ArticleRead) -> None:
        """Show an article read in the background: opened (selecting ``message.jump``), or read again (a refresh:
        the cursor and the focus stay where they are, unless another article was opened meanwhile)."""
        screen, bundle, reader = self._screen, message.bundle, self._screen.query_one(Reader)
        if not message.keep_place:
            self._show(bundle)
            if message.jump is not None:
                reader.jump_to(*message.jump)
            return
        if self.article_id != bundle.article.id:
            return  # another article was opened meanwhile
        focused = screen.focused
        self._show(bundle, position=reader.cursor_offset if reader.article is not None else None)
        if focused is not None:  # showing grabs the focus for the reader; a refresh should not move it
            focused.focus()
        if message.text_changed:
            screen.app.notify(f"“{bundle.article.title}” was re-imported; its notes were re-anchored.")

    def _show(self, bundle: ArticleBundle, position: int | None = None) -> None:
        screen = self._screen
        self._flush_position()
        self.bundle = bundle
        article = bundle.article
        reader = screen.query_one(Reader)
        position = article.position if position is None else position
        reader.show_article(article, bundle.mentions, bundle.annotations, position=position)
        self._layout.article_shown(narrow=screen.has_class("-narrow"))
        self._show_inspector(bundle)
        screen.query_one(Library).update_article(article.id, read=True)
        reader.focus()

    def _show_inspector(self, bundle: ArticleBundle) -> None:
        self._screen.query_one(Inspector).show(mentions=bundle.mentions, quotes=bundle.quotes,
                                               annotations=bundle.annotations)

    def annotations_read(self, article_id: int, annotations: list[Annotation]) -> None:
        """An article's notes read again: its library row's count, and the reader and inspector if it is on show."""
        self._screen.query_one(Library).update_article(article_id, annotations=len(annotations))
        if self.bundle is not None and self.article_id == article_id:
            self.bundle.annotations = annotations
            self._screen.query_one(Reader).set_annotations(annotations)
            self._show_inspector(self.bundle)

    def mentions_read(self, article_id: int, mentions: list[StoredMention]) -> bool:
        """An article's highlights read again after a teaching; whether it is the one on show."""
        reader = self._screen.query_one(Reader)
        if reader.article is not None and reader.article.id == article_id:
            reader.set_mentions(mentions)
        if self.bundle is None or self.article_id != article_id:
            return False
        self.bundle.mentions = mentions
        self._show_inspector(self.bundle)
        return True
