"""The main screen: Library | Reader | Inspector, fed from the database by background jobs.

Messages go up, attributes go down: the library posts ``Library.Open``, this screen reads the article in a
background job (:mod:`tui.background`, the functions in :mod:`tui.screens.main_jobs`) and hands the answer
to the reader and the inspector; the reader posts ``PositionChanged`` and this screen remembers the position
(debounced) so the article reopens where it was left. The app's :class:`~tui.corpus_watcher.CorpusChanged`
brings other processes' writes in; tagging, undo and teaching run here, on what the reader asks for.
"""

from __future__ import annotations

import importlib
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input

from store.articles import ArticleSummary, mark_read, save_position
from tui.background import run_in_background
from tui.corpus_watcher import CorpusChanged
from tui.keymap import key_label
from tui.screens import main_jobs as jobs
from tui.screens.main_find import ArticleFind
from tui.undo import SharedHistory, UndoesEdits
from tui.widgets.find_bar import FindBar
from tui.widgets.inspector import Inspector
from tui.widgets.library import Library, LibraryPane
from tui.widgets.reader import Reader
from tui.widgets.reader_pane import ReaderPane

if TYPE_CHECKING:
    from store.reading import ArticleBundle

NARROW = 120  # below this many columns the inspector starts hidden
# The library's share of the width beside the inspector, in percent, by default: while browsing (no article
# open, the reader has nothing to show) and while reading. `<` and `>` change the share in use, kept in the
# settings (one per state) for the next start.
SHARES = {"browsing": 60, "reading": 40}
SHARE_LIMITS = (15, 85)  # `<` and `>` move the share by 5
SAVE_DELAY = 0.5  # seconds of stillness before the reading position is written
# Reading 100,000 library rows takes about a second of a worker: while a long import keeps committing, the
# library is read again at most this often (the header counts and the open article follow at once).
LIBRARY_RELOAD_SECONDS = 5.0


class MainScreen(UndoesEdits, Screen, inherit_bindings=False):
    """Library on the left, the article in the centre, the inspector on the right."""

    # Reader actions first: they act from every pane (or say why not), and the footer lists them in this order
    # after the keys of the focused pane.
    BINDINGS = [
        # A priority binding runs as the app dispatches ``t``, so the dialog is open and focused before the keys
        # typed behind it are handed on (check_action leaves ``t`` to a focused text field).
        Binding("t", "tag", "Tag", priority=True, id="main.tag"),
        Binding("u", "undo", "Undo", id="main.undo"),
        Binding("U,ctrl+r", "redo", "Redo", show=False, id="main.redo"),
        Binding("ctrl+f", "find", "Find", id="main.find"),
        Binding("n", "find_next(1)", "Next match", id="main.find-next"),
        Binding("N", "find_next(-1)", "Previous match", show=False, id="main.find-previous"),
        Binding("right_square_bracket", "switch_tab(1)", "Inspector tab", id="main.next-tab"),
        Binding("left_square_bracket", "switch_tab(-1)", "Previous inspector tab", show=False,
                id="main.previous-tab"),
        Binding("slash", "search", "Search", id="main.search"),
        Binding("f2", "toggle_pane('library-pane')", "Library", id="main.toggle-library"),
        Binding("f3", "toggle_pane('inspector')", "Inspector", id="main.toggle-inspector"),
        Binding("less_than_sign,ctrl+left", "resize_library(-5)", "Narrower library", show=False,
                id="main.narrower-library"),
        Binding("greater_than_sign,ctrl+right", "resize_library(5)", "Wider library", show=False,
                id="main.wider-library"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="main.focus-next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="main.focus-previous"),
        Binding("ctrl+c", "copy_text", "Copy selected text", show=False, id="main.copy"),
        Binding("T", "open_screen('tags')", "Tags", show=False, id="main.tags"),
        Binding("O", "open_screen('orphans')", "Orphaned notes", show=False, id="main.orphans"),
        Binding("L", "open_screen('ledger')", "Ledger", show=False, id="main.ledger"),
        Binding("D", "diff", "What changed (revisions)", show=False, id="main.diff"),
        Binding("W", "open_screen('feeds')", "Feeds", show=False, id="main.feeds"),
    ]
    # Screens reached from here, each dismissing with (article_id, start, end) to open, or None.
    SCREENS_BY_NAME = {
        "tags": ("tui.screens.tags", "TagsScreen"),
        "orphans": ("tui.screens.orphans", "OrphansScreen"),
        "ledger": ("tui.screens.ledger", "LedgerScreen"),
        "feeds": ("tui.screens.feeds", "FeedsScreen"),
    }

    def __init__(self, db_path: Path, first_page: list[ArticleSummary] | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.first_page = first_page
        self.bundle: ArticleBundle | None = None
        self.find = ArticleFind()
        self.edits = SharedHistory()  # this session's undo history, shared with the screens opened from here
        self._pending_position: tuple[int, int] | None = None
        self._save_timer: Timer | None = None
        self._inspector_chosen: bool | None = None
        self._library_read_at = 0.0
        self._library_reload: Timer | None = None
        self._searcher = None  # the find bar's search engine, opened at the first ctrl+f
        self._find_origin = 0  # where the reader was when the find bar opened

    def compose(self) -> ComposeResult:
        # Laid out for the terminal's width from the start: changing it after the first layout restyles
        # every widget once more before the first frame (on_resize keeps it right afterwards).
        self.set_class(self.app.size.width < NARROW, "-narrow")
        yield Header()
        with Horizontal(id="panes"):
            library_pane, reader_pane = LibraryPane(id="library-pane"), ReaderPane(id="reader-pane")
            reader_pane.border_title = "Reader"
            self._panes = (library_pane, reader_pane)
            yield from self._panes
            inspector = Inspector(id="inspector")
            inspector.border_title = "Inspector"
            inspector.display = False  # until an article is open: it would be an empty pane
            yield inspector
        self._size_panes()

    def on_mount(self) -> None:
        # The footer's key hints (a widget per key, restyled at each focus change) follow one frame after the
        # library: at start-up they cost as much as the rest of the screen.
        self.call_after_refresh(self._mount_footer)
        self.query_one(Library).focus()
        self.query_one(Library).load(self.db_path, self.first_page)

    def on_unmount(self) -> None:
        if self._searcher is not None:
            self._searcher.close()

    def _mount_footer(self) -> None:
        if self.is_attached:  # not when the app closed within its first frame
            self.mount(Footer())

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        if self._inspector_chosen is None:
            self.query_one(Inspector).display = not narrow and self.bundle is not None
        self._size_panes()

    def _share_setting(self) -> tuple[str, int]:
        """The setting holding the library's share now (reading or browsing), and its value."""
        state = "reading" if self.bundle is not None else "browsing"
        key, default = f"library_share_{state}", SHARES[state]
        share = self.app.settings.get(key, default)
        low, high = SHARE_LIMITS
        return key, share if isinstance(share, int) and low <= share <= high else default

    def _size_panes(self) -> None:
        """The library's share of the room beside the inspector: more while no article is open."""
        share = self._share_setting()[1]
        library, reader = self._panes
        library.styles.width, reader.styles.width = f"{share}fr", f"{100 - share}fr"

    def action_resize_library(self, step: int) -> None:
        key, share = self._share_setting()
        low, high = SHARE_LIMITS
        self.app.keep_setting(key, max(low, min(high, share + step)))
        self._size_panes()

    def _run(self, function, *args, group: str, reply=None, exclusive: bool = True, failed=None):
        """A store job on this screen's database (see :mod:`tui.background`)."""
        return run_in_background(self, function, *args, db_path=self.db_path, group=group, reply=reply,
                                 exclusive=exclusive, failed=failed)

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
            self.open_article(article_id, (start, end) if end > start else None)

    def _open_result(self, result) -> None:
        """Callback of the screens that dismiss with a place to open (a search ``Hit`` or a tuple)."""
        if result is None:
            return
        if isinstance(result, tuple):
            self.open_at(*result)
        else:
            self.open_at(result.article_id, result.start, result.end)

    def open_article(self, article_id: int, jump: tuple[int, int] | None = None):
        """Read an article with its layers in the background, then show it (selecting ``jump`` if given)."""
        return self._run(jobs.open_article, article_id, group="open-article",
                         reply=partial(jobs.ArticleRead, jump=jump))

    def refresh_open_article(self, only_if_text_changed: bool = False) -> None:
        """Show the open article afresh, keeping the cursor's place (re-extracted, or re-imported elsewhere)."""
        if (bundle := self.bundle) is not None:
            article = bundle.article
            self._run(jobs.reread_article, article.id, article.content_hash, only_if_text_changed,
                      group="refresh-article", exclusive=False,
                      reply=lambda fresh: self._refreshed(fresh, article.content_hash))

    @staticmethod
    def _refreshed(fresh: ArticleBundle | None, content_hash: str) -> jobs.ArticleRead | None:
        if fresh is None:
            return None
        return jobs.ArticleRead(fresh, keep_place=True, text_changed=fresh.article.content_hash != content_hash)

    @on(jobs.ArticleRead)
    def _article_read(self, message: jobs.ArticleRead) -> None:
        bundle, reader = message.bundle, self.query_one(Reader)
        if message.keep_place:
            if self.bundle is None or self.bundle.article.id != bundle.article.id:
                return  # another article was opened meanwhile
            focused = self.focused
            self._show(bundle, position=reader.cursor_offset if reader.article is not None else None)
            if focused is not None:  # showing grabs the focus for the reader; a refresh should not move it
                focused.focus()
            if message.text_changed:
                self.app.notify(f"“{bundle.article.title}” was re-imported; its notes were re-anchored.")
            return
        self._show(bundle)
        if message.jump is not None:
            reader.jump_to(*message.jump)

    def _show(self, bundle: ArticleBundle, position: int | None = None) -> None:
        self.flush_position()
        self.bundle = bundle
        article = bundle.article
        reader = self.query_one(Reader)
        position = article.position if position is None else position
        reader.show_article(article, bundle.mentions, bundle.annotations, position=position)
        if self._inspector_chosen is None:  # shown with the first article, unless the user chose otherwise
            self.query_one(Inspector).display = not self.has_class("-narrow")
        self._size_panes()
        self._show_inspector()
        self.query_one(Library).update_article(article.id, read=True)
        reader.focus()

    def _show_inspector(self) -> None:
        bundle = self.bundle
        self.query_one(Inspector).show(mentions=bundle.mentions, quotes=bundle.quotes, annotations=bundle.annotations)

    @on(Inspector.JumpTo)
    def _jump(self, message: Inspector.JumpTo) -> None:
        self.query_one(Reader).jump_to(message.start, message.end)

    @on(Inspector.OpenEcho)
    def _open_echo(self, message: Inspector.OpenEcho) -> None:
        self.open_at(message.article_id, message.start, message.end)

    # Other processes' writes (the app's watcher)

    @on(CorpusChanged)
    def _corpus_changed(self, message: CorpusChanged) -> None:
        if message.articles:
            self.refresh_open_article(only_if_text_changed=True)
            self._reload_library_soon()
        if message.annotations:
            self._annotations_changed()

    def _annotations_changed(self) -> None:
        self._run(jobs.read_annotation_counts, group="annotation-counts")
        if self.bundle is not None:
            self._run(jobs.read_annotations, self.bundle.article.id, group="annotations", exclusive=False)

    def _reload_library_soon(self) -> None:
        """Read the library again now, or when ``LIBRARY_RELOAD_SECONDS`` have passed since the last read."""
        if self._library_reload is not None:
            return  # one is due already
        wait = self._library_read_at + LIBRARY_RELOAD_SECONDS - time.monotonic()
        if wait <= 0:
            self._reload_library()
        else:
            self._library_reload = self.set_timer(wait, self._reload_library)

    def _reload_library(self) -> None:
        self._library_reload, self._library_read_at = None, time.monotonic()
        self.query_one(Library).reload(self.db_path)

    @on(jobs.AnnotationCountsRead)
    def _annotation_counts_read(self, message: jobs.AnnotationCountsRead) -> None:
        library, counts = self.query_one(Library), message.counts
        for article in [a for a in library.articles if a.annotations != counts.get(a.id, 0)]:
            library.update_article(article.id, annotations=counts.get(article.id, 0))

    # Reading state

    @on(Reader.PositionChanged)
    def _position_changed(self, message: Reader.PositionChanged) -> None:
        self._pending_position = (message.article_id, message.offset)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.flush_position)

    def flush_position(self):
        """Write a position still waiting for its timer now (before switching article or quitting); returns the
        job writing it, if any, for the app to wait for when it quits."""
        if self._save_timer is not None:
            self._save_timer.stop()
        if self._pending_position is None:
            return None
        position, self._pending_position = self._pending_position, None
        return self._run(save_position, *position, group="save-position", exclusive=False)

    @on(Library.ToggleRead)
    def _toggle_read(self, message: Library.ToggleRead) -> None:
        self._run(mark_read, message.article_id, message.read, group="mark-read", exclusive=False)
        again = key_label(self.app, "library.toggle-read", "m")
        state, other = ("read", "unread") if message.read else ("unread", "read")
        self.app.notify(f"Marked “{message.title}” {state} — {again} again marks it {other}", timeout=3)

    # Tagging and undo (the main.tag and main.undo bindings)

    def _article_needed(self, doing: str) -> bool:
        """Whether an article is open; if not, a toast says how to open one (``doing`` names what waits for it)."""
        if self.query_one(Reader).article is not None:
            return True
        open_key = key_label(self.app, "library.open", "enter")
        self.app.notify(f"Open an article first ({open_key} in the library) to {doing}.", timeout=3)
        return False

    async def action_tag(self) -> None:
        """``t``, from any pane: the tag dialog for the reader's selection (the sentence under its cursor unless
        more or less is selected), editing the annotation under it if there is one. Awaited until the dialog is
        mounted, its field focused, so that the keys already queued behind ``t`` go there."""
        from tui.screens.tag_dialog import TagDialog

        reader = self.query_one(Reader)
        span = reader.selection
        if not self._article_needed("tag a sentence") or span is None:
            return
        existing = reader.annotations_at(*span)
        record, article_id = existing[0] if existing else None, reader.article.id

        def saved(result) -> None:
            if result is not None:
                self._run(jobs.save_annotation, self.edits, article_id, span, record, result,
                          group="annotations", exclusive=False)

        await self.app.push_screen(TagDialog.for_annotation(self.db_path, record, reader.selected_text), saved)

    def after_step(self, undone) -> None:
        """An undo or redo (here or on the Tags, Orphans or Ledger screen): the counts and the open article's
        notes are read again."""
        self._annotations_changed()

    @on(jobs.AnnotationsRead)
    def _annotations_read(self, message: jobs.AnnotationsRead) -> None:
        if message.notice:
            undo = f" — {key_label(self.app, 'main.undo', 'u')} undoes it" if message.undoable else ""
            self.app.notify(message.notice + undo)
        self.query_one(Library).update_article(message.article_id, annotations=len(message.annotations))
        if self.bundle is not None and self.bundle.article.id == message.article_id:
            self.bundle.annotations = message.annotations
            self.query_one(Reader).set_annotations(message.annotations)
            self._show_inspector()
        self.app.refresh_counts()

    # Teaching (asked for by the reader)

    @on(Reader.TeachRequested)
    def _teach_requested(self, message: Reader.TeachRequested) -> None:
        if message.what == "entity" and message.label is None:
            from tui.screens.label_picker import LabelPicker

            def chosen(label: str | None) -> None:
                if label:
                    self._teach(message.article_id, "entity", message.text, label, None)

            self.app.push_screen(LabelPicker(message.text), chosen)
        elif message.what == "suppress":
            from tui.screens.tags import ConfirmDialog

            where = "here" if message.start is not None else "in every article"
            question = (f"Stop highlighting “{message.text}” {where}? "
                        "(From a shell, broadsheet entity list and entity remove ID undo it.)")

            def answered(yes: bool | None) -> None:
                if yes:
                    self._teach(message.article_id, "suppress", message.text, None, message.start)

            self.app.push_screen(ConfirmDialog(question), answered)
        else:
            self._teach(message.article_id, message.what, message.text, message.label, message.start)

    def _teach(self, article_id: int, what: str, text: str, label: str | None, start: int | None) -> None:
        self._run(jobs.teach, what, article_id, text, label, start, group="reader-teaching",
                  failed=jobs.teaching_failed)

    @on(jobs.MentionsRead)
    def _mentions_read(self, message: jobs.MentionsRead) -> None:
        if message.notice:
            self.app.notify(message.notice)
        reader = self.query_one(Reader)
        if reader.article is not None and reader.article.id == message.article_id:
            reader.set_mentions(message.mentions)
        if self.bundle is not None and self.bundle.article.id == message.article_id:
            self.bundle.mentions = message.mentions
            self._show_inspector()
            self.app.refresh_counts()

    @on(jobs.Notice)
    def _notice(self, message: jobs.Notice) -> None:
        self.app.notify(message.text, severity=message.severity)

    # Finding in the article (ctrl+f opens the find bar under the reader; n, N step afterwards)

    def action_find(self) -> None:
        if not self._article_needed("find in it"):
            return
        self._find_origin = self.query_one(Reader).cursor_offset
        bar = self.query_one(FindBar)
        bar.open()
        if bar.query_text.strip():
            self._search_article(bar.query_text)

    @on(FindBar.Changed)
    def _find_changed(self, message: FindBar.Changed) -> None:
        self._search_article(message.query)

    def _search_article(self, query: str) -> None:
        reader, bar = self.query_one(Reader), self.query_one(FindBar)
        if reader.article is None:
            return
        if self._searcher is None:
            from store.search import Searcher

            self._searcher = Searcher(self.db_path)
        self._searcher.interrupt()  # the search for the previous keystroke stops at once
        if not query.strip():
            self.find.clear()
            bar.show_count("")
            reader.return_to(self._find_origin)
            return
        run_in_background(self, jobs.find_in_article, self._searcher, query, reader.article.id, group="find",
                          failed=lambda error: None)  # a failed search leaves the last matches; the next key retries

    @on(jobs.FoundInArticle)
    def _found_in_article(self, message: jobs.FoundInArticle) -> None:
        reader, bar = self.query_one(Reader), self.query_one(FindBar)
        if not bar.is_open or message.query != bar.query_text or reader.article is None \
                or reader.article.id != message.article_id:
            return  # an answer to an older keystroke, or the bar was closed meanwhile
        self.find.found(message.article_id, message.hits, self._find_origin)
        if not self.find.matches:
            bar.show_count("No match")
            reader.return_to(self._find_origin)
            return
        self._show_match(announce=False)

    @on(FindBar.Step)
    def _find_step(self, message: FindBar.Step) -> None:
        if self._has_matches():
            self.find.step(message.step)
            self._show_match(announce=False)

    @on(FindBar.Closed)
    def _find_closed(self, message: FindBar.Closed) -> None:
        reader = self.query_one(Reader)
        if not message.accepted:
            self.find.clear()
            reader.return_to(self._find_origin)
        reader.focus()

    def action_find_next(self, step: int) -> None:
        if self._has_matches():
            self.find.step(step)
            self._show_match()

    def _has_matches(self) -> bool:
        reader = self.query_one(Reader)
        return self.find.has_matches(reader.article.id if reader.article is not None else None)

    def action_switch_tab(self, step: int) -> None:
        """``]`` and ``[``, from any pane: the inspector's next or previous tab, or a toast saying why not."""
        inspector = self.query_one(Inspector)
        if not self._article_needed("see its entities, figures, quotes and notes"):
            return
        if not inspector.display:
            key = key_label(self.app, "main.toggle-inspector", "f3")
            self.app.notify(f"The inspector is hidden: {key} shows it.", timeout=3)
            return
        inspector.switch_tab(step)

    def _show_match(self, announce: bool = True) -> None:
        """Select the current match; in the find bar its count, else (``n``/``N``) a short notice."""
        reader = self.query_one(Reader)
        reader.jump_to(*self.find.current)
        if announce:
            reader.focus()
            self.app.notify(self.find.description, timeout=2)
        else:
            self.query_one(FindBar).show_count(self.find.description)

    # Other screens

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """The reader's actions (tag, undo, find, inspector tabs) act from every pane, or say why not; ``n`` and
        ``N`` act (and show in the footer) once a find has matches in the open article."""
        if action == "resize_library":
            return self.query_one("#library-pane").display
        if action == "find_next":
            return self._has_matches()
        if action == "tag":
            return not isinstance(self.focused, Input)
        return True

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.db_path), self._open_result)

    def action_diff(self) -> None:
        """The word diff of the open article's last two revisions."""
        from tui.screens.revisions import RevisionDiffScreen

        if not self._article_needed("see what changed in it"):
            return
        article = self.query_one(Reader).article
        self.app.push_screen(RevisionDiffScreen(self.db_path, article.id, article.title))

    def action_open_in_browser(self) -> None:
        """The open article's page in the web browser (the reader's ``o``, as newsboat's), or a line saying why not."""
        article = self.query_one(Reader).article
        if article is None:
            return
        if not article.url:
            self.app.notify("This article has no URL: it was imported from a file.", severity="warning")
            return
        run_in_background(self, jobs.open_in_browser, article.url, group="browser")

    def action_open_screen(self, name: str) -> None:
        module_name, class_name = self.SCREENS_BY_NAME[name]
        screen_class = getattr(importlib.import_module(module_name), class_name)
        # the screens that edit notes and tags share this screen's undo history
        screen = screen_class(self.db_path, self.edits) if name in ("tags", "orphans", "ledger") else screen_class(
            self.db_path)
        self.app.push_screen(screen, self._open_result)
