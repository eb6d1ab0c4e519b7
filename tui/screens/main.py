"""The main screen: Library | Reader | Inspector, with the workers that feed them from the database.

Messages go up, attributes go down: the library posts ``Library.Open``, this screen loads the article in a
worker and hands it to the reader and the inspector; the reader posts ``PositionChanged`` and this screen
remembers the position (debounced, in a worker) so the article reopens where it was left.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from store.articles import Article, ArticleSummary, get_article, mark_read, save_position
from store.db import connect
from store.model import Annotation, StoredMention, StoredQuote
from tui.screens.main_annotations import Annotating
from tui.screens.main_find import Finding
from tui.screens.main_watch import Watching
from tui.widgets.inspector import Inspector
from tui.widgets.library import Library, LibraryPane
from tui.widgets.reader import Reader
from tui.widgets.reader_pane import ReaderPane

NARROW = 120  # below this many columns the inspector starts hidden
SAVE_DELAY = 0.5  # seconds of stillness before the reading position is written


@dataclass(slots=True)
class ArticleBundle:
    """An article with the layers drawn over it; a layer whose table does not exist yet is None."""

    article: Article
    mentions: list[StoredMention] | None
    quotes: list[StoredQuote] | None
    annotations: list[Annotation] | None


def layer_function(module_name: str, function_name: str, tables: set[str], table: str):
    """A store function of a layer, or None while the layer's module or table is not there yet."""
    if table not in tables or importlib.util.find_spec(module_name) is None:
        return None
    return getattr(importlib.import_module(module_name), function_name)


def with_subjects(mentions: list[StoredMention], claims: list[dict]) -> list[StoredMention]:
    """The mentions, each figure the ledger linked to a subject carrying its ``subject`` and ``metric``."""
    about = {(claim["start"], claim["end"]): claim for claim in claims}
    return [
        replace(m, subject=about[m.start, m.end]["subject"], metric=about[m.start, m.end]["metric"])
        if (m.start, m.end) in about else m
        for m in mentions
    ]


def load_bundle(db, article_id: int) -> ArticleBundle:
    """Read an article and its layers, and mark it read."""
    tables = set(db.table_names())
    article = get_article(db, article_id)
    mentions_for_article = layer_function("store.mentions", "mentions_for_article", tables, "mentions")
    quotes = layer_function("store.ledger", "quotes", tables, "quotes")
    annotations_for_article = layer_function("store.annotations", "annotations_for_article", tables, "annotations")
    claims = layer_function("store.ledger", "figures", tables, "claims")
    mentions = mentions_for_article(db, article_id) if mentions_for_article else None
    if mentions and claims:
        mentions = with_subjects(mentions, claims(db, article_id=article_id))
    bundle = ArticleBundle(
        article,
        mentions,
        quotes(db, article_id=article_id) if quotes else None,
        annotations_for_article(db, article_id) if annotations_for_article else None,
    )
    if not article.read:
        mark_read(db, article_id)
    return bundle


class MainScreen(Annotating, Finding, Watching, Screen, inherit_bindings=False):
    """Library on the left, the article in the centre, the inspector on the right."""

    BINDINGS = [
        Binding("f2", "toggle_pane('library-pane')", "Library", id="main.toggle-library"),
        Binding("f3", "toggle_pane('inspector')", "Inspector", id="main.toggle-inspector"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="main.focus-next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="main.focus-previous"),
        Binding("ctrl+c", "copy_text", "Copy selected text", show=False, id="main.copy"),
        Binding("slash", "search", "Search", id="main.search"),
        Binding("ctrl+f", "find", "Find in article", show=False, id="main.find"),
        Binding("n", "find_next(1)", "Next match", id="main.find-next"),
        Binding("N", "find_next(-1)", "Previous match", show=False, id="main.find-previous"),
        Binding("t", "tag", "Tag selection", id="main.tag"),
        Binding("u", "undo", "Undo", show=False, id="main.undo"),
        Binding("T", "open_screen('tags')", "Tags", show=False, id="main.tags"),
        Binding("O", "open_screen('orphans')", "Orphaned notes", show=False, id="main.orphans"),
        Binding("L", "open_screen('ledger')", "Ledger", show=False, id="main.ledger"),
        Binding("D", "diff", "What changed (revisions)", show=False, id="main.diff"),
    ]
    # Screens reached from here, each dismissing with (article_id, start, end) to open, or None.
    SCREENS_BY_NAME = {
        "tags": ("tui.screens.tags", "TagsScreen"),
        "orphans": ("tui.screens.orphans", "OrphansScreen"),
        "ledger": ("tui.screens.ledger", "LedgerScreen"),
    }

    def __init__(self, db_path: Path, first_page: list[ArticleSummary] | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.first_page = first_page
        self._jump_after_open: tuple[int, int] | None = None
        self.history_lock = threading.Lock()
        self.bundle: ArticleBundle | None = None
        self._pending_position: tuple[int, int] | None = None
        self._save_timer: Timer | None = None
        self._inspector_chosen: bool | None = None
        self.init_finding()

    def compose(self) -> ComposeResult:
        # Laid out for the terminal's width from the start: changing it after the first layout restyles
        # every widget once more before the first frame (on_resize keeps it right afterwards).
        narrow = self.app.size.width < NARROW
        self.set_class(narrow, "-narrow")
        yield Header()
        with Horizontal(id="panes"):
            yield LibraryPane(id="library-pane")
            yield ReaderPane(self.db_path, id="reader-pane")
            inspector = Inspector(id="inspector")
            inspector.display = not narrow
            yield inspector

    def on_mount(self) -> None:
        # The footer's key hints (a widget per key, restyled at each focus change) follow one frame after the
        # library: at start-up they cost as much as the rest of the screen.
        self.call_after_refresh(self._mount_footer)
        self.query_one(Library).focus()
        self.query_one(Library).load(self.db_path, self.first_page)
        self.start_watching()

    @cached_property
    def history(self):
        """This session's undo history (first used by a worker holding ``history_lock``). Created on first use:
        its module brings in the anchoring engine and rapidfuzz, which the first frame does not need."""
        from store.annotation_history import AnnotationHistory

        return AnnotationHistory()

    def _mount_footer(self) -> None:
        if self.is_attached:  # not when the app closed within its first frame
            self.mount(Footer())

    def on_unmount(self) -> None:
        self.stop_watching()

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        if self._inspector_chosen is None:
            self.query_one(Inspector).display = not narrow

    # Panes

    def action_toggle_pane(self, pane_id: str) -> None:
        pane = self.query_one(f"#{pane_id}")
        had_focus = self.focused is not None and pane in self.focused.ancestors_with_self
        pane.display = not pane.display
        if pane.display and self.has_class("-narrow"):
            # Too narrow for three panes: the reader keeps its room, the other side pane gives way.
            other = self.query_one("#inspector" if pane_id == "library-pane" else "#library-pane")
            other.display = False
        if pane_id == "inspector" or self.has_class("-narrow"):
            self._inspector_chosen = self.query_one(Inspector).display
        if pane.display and pane_id == "library-pane":
            self.query_one(Library).focus()
        elif had_focus:
            self.query_one(Reader).focus()

    # Opening an article

    @on(Library.Open)
    def _open_requested(self, message: Library.Open) -> None:
        self.open_article(message.article_id)

    def open_at(self, article_id: int, start: int, end: int) -> None:
        """Show ``[start, end)`` of an article, opening it first if it is not the one on show."""
        if self.bundle is not None and self.bundle.article.id == article_id:
            self.query_one(Reader).jump_to(start, end)
            self.query_one(Reader).focus()
        else:
            self._jump_after_open = (start, end) if end > start else None
            self.open_article(article_id)

    def _open_result(self, result) -> None:
        """Callback of the screens that dismiss with a place to open (a search ``Hit`` or a tuple)."""
        if result is None:
            return
        if isinstance(result, tuple):
            self.open_at(*result)
        else:
            self.open_at(result.article_id, result.start, result.end)

    @work(thread=True, exclusive=True, group="open-article")
    def open_article(self, article_id: int) -> None:
        """Load an article with its layers in a worker, then show it in the reader and the inspector."""
        db = connect(self.db_path)
        try:
            bundle = load_bundle(db, article_id)
        finally:
            db.close()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, bundle)

    def _show(self, bundle: ArticleBundle, position: int | None = None) -> None:
        self.flush_position()
        self.bundle = bundle
        article = bundle.article
        reader = self.query_one(Reader)
        position = article.position if position is None else position
        reader.show_article(article, bundle.mentions or [], bundle.annotations, position=position)
        self._show_inspector()
        self.query_one(Library).update_article(article.id, read=True)
        if self._jump_after_open is not None:
            reader.jump_to(*self._jump_after_open)
            self._jump_after_open = None
        reader.focus()

    def _show_inspector(self) -> None:
        bundle = self.bundle
        self.query_one(Inspector).show(mentions=bundle.mentions, quotes=bundle.quotes, annotations=bundle.annotations)

    @on(Inspector.JumpTo)
    def _jump(self, message: Inspector.JumpTo) -> None:
        self.query_one(Reader).jump_to(message.start, message.end)

    @on(Reader.MentionsUpdated)
    def _mentions_updated(self, message: Reader.MentionsUpdated) -> None:
        if self.bundle is not None and self.bundle.article.id == message.article_id:
            self.bundle.mentions = message.mentions
            self._show_inspector()
            self.app.refresh_counts()

    # Reading state

    @on(Reader.PositionChanged)
    def _position_changed(self, message: Reader.PositionChanged) -> None:
        self._pending_position = (message.article_id, message.offset)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_pending)

    def _save_pending(self) -> None:
        if self._pending_position is not None:
            article_id, offset = self._pending_position
            self._pending_position = None
            self.save_position(article_id, offset)

    @work(thread=True, group="save-position")
    def save_position(self, article_id: int, offset: int) -> None:
        db = connect(self.db_path)
        try:
            save_position(db, article_id, offset)
        finally:
            db.close()

    def flush_position(self) -> None:
        """Write a position still waiting for its timer at once (before switching article or quitting)."""
        if self._save_timer is not None:
            self._save_timer.stop()
        if self._pending_position is not None:
            article_id, offset = self._pending_position
            self._pending_position = None
            db = connect(self.db_path)
            try:
                save_position(db, article_id, offset)
            finally:
                db.close()

    @on(Library.ToggleRead)
    def _toggle_read(self, message: Library.ToggleRead) -> None:
        self.set_read(message.article_id, message.read)

    @work(thread=True, group="mark-read")
    def set_read(self, article_id: int, read: bool) -> None:
        db = connect(self.db_path)
        try:
            mark_read(db, article_id, read)
        finally:
            db.close()

    # Other screens

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Tagging needs an article and works from the reader; elsewhere its key is free (to filter with)."""
        if action in ("tag", "undo"):
            reader = self.query_one(Reader)
            return reader.article is not None and self.focused is reader
        if action in ("find", "diff"):
            return self.query_one(Reader).article is not None
        if action == "find_next":
            return self.has_matches() and self.focused is self.query_one(Reader)
        return True

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.db_path), self._open_result)

    def action_diff(self) -> None:
        """The word diff of the open article's last two revisions."""
        from tui.screens.revisions import RevisionDiffScreen

        article = self.query_one(Reader).article
        self.app.push_screen(RevisionDiffScreen(self.db_path, article.id, article.title))

    def action_open_screen(self, name: str) -> None:
        module_name, class_name = self.SCREENS_BY_NAME[name]
        screen_class = getattr(importlib.import_module(module_name), class_name)
        self.app.push_screen(screen_class(self.db_path), self._open_result)
