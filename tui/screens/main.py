"""The main screen: Library | Reader | Inspector, fed from the database by background jobs.

Messages go up, attributes go down: the library posts ``Library.Open``, this screen reads the article in a
background job (:mod:`tui.background`, the functions in :mod:`tui.screens.main_jobs`) and hands the answer
to the reader and the inspector; the reader posts ``PositionChanged`` and this screen keeps the position
(:mod:`tui.screens.position_saver`) so the article reopens where it was left. The app's
:class:`~tui.corpus_watcher.CorpusChanged` brings other processes' writes in; tagging, undo and teaching run
here, on what the reader asks for. The screen composes the panes and handles the messages; the plain objects
it holds do the rest: :class:`~tui.screens.article_on_show.ArticleOnShow` (the open article in the panes),
:class:`~tui.screens.pane_layout.PaneLayout` (widths, which panes show),
:class:`~tui.screens.main_find.FindInArticle` (the find bar), :class:`~tui.screens.library_reloads.LibraryReloads`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input

from store.articles import ArticleSummary, mark_read, save_position
from tui.background import run_in_background
from tui.corpus_watcher import CorpusChanged
from tui.keymap import key_label
from tui.screens import main_jobs as jobs
from tui.screens.article_on_show import ArticleOnShow
from tui.screens.library_reloads import LibraryReloads
from tui.screens.main_find import FindInArticle
from tui.screens.pane_layout import NARROW, PaneLayout
from tui.screens.position_saver import PositionSaver
from tui.screens.screens_by_name import screen_named
from tui.screens.teaching_prompts import ask_then_teach
from tui.undo import SharedHistory, UndoesEdits
from tui.widgets.app_header import AppHeader
from tui.widgets.find_bar import FindBar
from tui.widgets.inspector import Inspector
from tui.widgets.library import Library, LibraryPane
from tui.widgets.reader import Reader
from tui.widgets.reader_pane import ReaderPane


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

    def __init__(self, db_path: Path, first_page: list[ArticleSummary] | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.first_page = first_page
        self.find = FindInArticle(self, db_path)
        self.edits = SharedHistory()  # this session's undo history, shared with the screens opened from here
        self.position = PositionSaver(self.set_timer, self._save_position)
        self.library_reloads = LibraryReloads(self.set_timer, lambda: self.query_one(Library).reload(self.db_path))
        # With the panes, in compose:
        self.pane_layout: PaneLayout | None = None
        self.shown: ArticleOnShow | None = None

    def compose(self) -> ComposeResult:
        # Laid out for the terminal's width from the start: changing it after the first layout restyles
        # every widget once more before the first frame (on_resize keeps it right afterwards).
        self.set_class(self.app.size.width < NARROW, "-narrow")
        yield AppHeader()
        with Horizontal(id="panes"):
            library_pane, reader_pane = LibraryPane(id="library-pane"), ReaderPane(id="reader-pane")
            reader_pane.border_title = "Reader"
            inspector = Inspector(id="inspector")
            inspector.border_title = "Inspector"
            inspector.display = False  # until an article is open: it would be an empty pane
            yield from (library_pane, reader_pane, inspector)
        self.pane_layout = PaneLayout(self.app, library_pane, reader_pane, inspector)
        self.pane_layout.size()
        self.shown = ArticleOnShow(self, self.pane_layout, self.flush_position)

    def on_mount(self) -> None:
        # The footer's key hints (a widget per key, restyled at each focus change) follow one frame after the
        # library: at start-up they cost as much as the rest of the screen.
        self.call_after_refresh(self._mount_footer)
        self.query_one(Library).focus()
        self.query_one(Library).load(self.db_path, self.first_page)

    def on_unmount(self) -> None:
        self.find.close()

    def _mount_footer(self) -> None:
        if self.is_attached:  # not when the app closed within its first frame
            self.mount(Footer())

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        self.pane_layout.fit(narrow)

    def action_resize_library(self, step: int) -> None:
        self.pane_layout.resize_library(step)

    def _run(self, function, *args, group: str, reply=None, exclusive: bool = True, failed=None):
        """A store job on this screen's database (see :mod:`tui.background`)."""
        return run_in_background(self, function, *args, db_path=self.db_path, group=group, reply=reply,
                                 exclusive=exclusive, failed=failed)

    # Panes

    def action_toggle_pane(self, pane_id: str) -> None:
        pane = self.query_one(f"#{pane_id}")
        had_focus = self.focused is not None and pane in self.focused.ancestors_with_self
        self.pane_layout.toggle(pane, narrow=self.has_class("-narrow"))
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
        if self.shown.article_id == article_id:
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
        if (bundle := self.shown.bundle) is not None:
            article = bundle.article
            self._run(jobs.reread_article, article.id, article.content_hash, only_if_text_changed,
                      group="refresh-article", exclusive=False,
                      reply=partial(jobs.refreshed, article.content_hash))

    @on(jobs.ArticleRead)
    def _article_read(self, message: jobs.ArticleRead) -> None:
        self.shown.read(message)

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
            self.library_reloads.request()
        if message.annotations:
            self._annotations_changed()

    def _annotations_changed(self) -> None:
        self._run(jobs.read_annotation_counts, group="annotation-counts")
        if (article_id := self.shown.article_id) is not None:
            self._run(jobs.read_annotations, article_id, group="annotations", exclusive=False)

    @on(jobs.AnnotationCountsRead)
    def _annotation_counts_read(self, message: jobs.AnnotationCountsRead) -> None:
        library, counts = self.query_one(Library), message.counts
        for article in [a for a in library.articles if a.annotations != counts.get(a.id, 0)]:
            library.update_article(article.id, annotations=counts.get(article.id, 0))

    # Reading state

    @on(Reader.PositionChanged)
    def _position_changed(self, message: Reader.PositionChanged) -> None:
        self.position.moved(message.article_id, message.offset)

    def flush_position(self):
        """Write a position still waiting for its timer now (before switching article or quitting); returns the
        job writing it, if any, for the app to wait for when it quits."""
        return self.position.flush()

    def _save_position(self, article_id: int, offset: int):
        return self._run(save_position, article_id, offset, group="save-position", exclusive=False)

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
        self.shown.annotations_read(message.article_id, message.annotations)
        self.app.refresh_counts()

    # Teaching (asked for by the reader)

    @on(Reader.TeachRequested)
    def _teach_requested(self, message: Reader.TeachRequested) -> None:
        ask_then_teach(self.app, message, self._teach)

    def _teach(self, article_id: int, what: str, text: str, label: str | None, start: int | None) -> None:
        self._run(jobs.teach, what, article_id, text, label, start, group="reader-teaching",
                  failed=jobs.teaching_failed)

    @on(jobs.MentionsRead)
    def _mentions_read(self, message: jobs.MentionsRead) -> None:
        if message.notice:
            self.app.notify(message.notice)
        if self.shown.mentions_read(message.article_id, message.mentions):
            self.app.refresh_counts()

    @on(jobs.Notice)
    def _notice(self, message: jobs.Notice) -> None:
        self.app.notify(message.text, severity=message.severity)

    # Finding in the article (ctrl+f opens the find bar under the reader; n, N step afterwards)

    def action_find(self) -> None:
        if self._article_needed("find in it"):
            self.find.open()

    @on(FindBar.Changed)
    def _find_changed(self, message: FindBar.Changed) -> None:
        self.find.search(message.query)

    @on(jobs.FoundInArticle)
    def _found_in_article(self, message: jobs.FoundInArticle) -> None:
        self.find.answered(message)

    @on(FindBar.Step)
    def _find_step(self, message: FindBar.Step) -> None:
        self.find.step(message.step, announce=False)

    @on(FindBar.Closed)
    def _find_closed(self, message: FindBar.Closed) -> None:
        self.find.closed(message.accepted)

    def action_find_next(self, step: int) -> None:
        self.find.step(step, announce=True)

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

    # Other screens

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """The reader's actions (tag, undo, find, inspector tabs) act from every pane, or say why not; ``n`` and
        ``N`` act (and show in the footer) once a find has matches in the open article."""
        if action == "resize_library":
            return self.query_one("#library-pane").display
        if action == "find_next":
            return self.find.has_matches()
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
        self.app.push_screen(screen_named(name, self.db_path, self.edits), self._back_from_screen)

    def _back_from_screen(self, result) -> None:
        """Notes may have changed there (an edit, an undo of this screen's edits): read them again now, not at
        the watcher's next poll, a second or more later (which a test settling at once did not wait for)."""
        self._annotations_changed()
        self._open_result(result)
