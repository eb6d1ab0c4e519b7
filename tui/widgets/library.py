"""The library: every article in one virtual list, a filter box and a sort that cycles.

Letters in the list are commands (``s`` sorts, ``m`` flips the read mark); the filter key (``f``) opens the
filter box, which then takes every character, and a paste into the list opens it with the pasted text (the app
moves the focus before handing the paste on). The bindings of the list and of the box are priority bindings,
which the app runs as it dispatches each key, in the order typed, and moving the focus is immediate: in a burst
(a fast typist, tmux's send-keys) the keys after ``f`` reach the box, never the list's commands, and the keys
before it still act on the list. Ordinary bindings run once a key has bubbled up from the focused widget, by
which time a burst's next keys are already queued for the old focus.

``Library`` is a ``ScrollView`` that renders only the rows on screen (``render_line``), so 100,000 articles
cost no more to show than 20; DataTable, OptionList and ListView take 1–4 s to fill at 10k–50k rows. Rows are
read from the database in a worker: first one screenful, so the list paints at once, then all of them.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input

from store.articles import ArticleSummary, list_articles
from store.db import open_connection
from tui.background import run_in_background
from tui.keymap import key_label
from tui.library_columns import columns_for, fit, header_cells, row_cells
from tui.library_index import LibraryIndex
from tui.widgets.library_rows import IndexBuilt, RowsRead, ViewComputed, build_index, compute_view, read_rows, row_facts

SORTS = ("date", "title", "source")
FIRST_PAGE = 200


def read_first_page(db_path: Path) -> list[ArticleSummary]:
    """The library's first screenful, read before the app starts so that its first frame has rows.

    Synchronous on purpose: it is one indexed SELECT (2–7 ms at 100,000 articles) and no interface exists yet
    to wait for it. Read in a thread, it lost the interpreter to Textual's start-up at every row and arrived
    100–300 ms late. A plain connection: see :func:`store.db.open_connection`.
    """
    with contextlib.closing(open_connection(db_path)) as conn:
        return list_articles(conn, limit=FIRST_PAGE)


class LibraryFilter(Input):
    """The filter box above the list: fuzzy over titles and sources, as you type."""

    BINDINGS = [  # priority: see the module's docstring
        Binding("escape", "clear", "Clear filter", priority=True, id="library-filter.clear"),
        Binding("down", "to_list", "To the list", priority=True, id="library-filter.to-list"),
    ]

    def action_clear(self) -> None:
        self.value = ""
        self.action_to_list()

    def action_to_list(self) -> None:
        self.screen.set_focus(self.screen.query_one(Library))


class Library(ScrollView, can_focus=True, inherit_bindings=False):
    """Every article, one row each: read mark, title, source, date, words, annotations."""

    COMPONENT_CLASSES = {"library--header", "library--cursor", "library--read", "library--dim"}
    BINDINGS = [  # priority: see the module's docstring
        Binding("enter", "open", "Open", priority=True, id="library.open"),
        Binding("down", "cursor_down", "Down", show=False, priority=True, id="library.cursor-down"),
        Binding("up", "cursor_up", "Up", show=False, priority=True, id="library.cursor-up"),
        Binding("pagedown", "page_down", "Page down", show=False, priority=True, id="library.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, priority=True, id="library.page-up"),
        Binding("home", "first", "First article", show=False, priority=True, id="library.first"),
        Binding("end", "last", "Last article", show=False, priority=True, id="library.last"),
        Binding("s", "cycle_sort", "Sort", priority=True, id="library.sort"),
        Binding("f", "filter", "Filter", priority=True, id="library.filter"),
        Binding("m", "toggle_read", "Read/unread", priority=True, id="library.toggle-read"),
    ]

    cursor = reactive(0, always_update=True)
    sort = reactive("date")

    class Open(Message):
        """The user asked to open an article."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class Loaded(Message):
        """Rows arrived from the database; ``complete`` once every article is in."""

        def __init__(self, count: int, complete: bool) -> None:
            super().__init__()
            self.count = count
            self.complete = complete

    class ToggleRead(Message):
        """The user flipped the read mark of an article (``title`` to say which)."""

        def __init__(self, article_id: int, read: bool, title: str) -> None:
            super().__init__()
            self.article_id = article_id
            self.read = read
            self.title = title

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: list[ArticleSummary] = []
        self.view_rows: list[int] = []
        self.query_text = ""
        self.shown_query = ""  # the filter the rows on screen answer (lags query_text while a worker runs)
        self.complete = False
        self._positions: dict[int, int] = {}
        self._orders: dict[str, list[int]] = {}
        self._index: LibraryIndex | None = None  # built for self.articles, in the background
        self._db_path: Path | None = None

    # Loading

    def load(self, db_path: Path, first_page: list[ArticleSummary] | None = None) -> None:
        """Show the articles: one screenful first, then all of them, then build the filter index.

        A first page read before the app started (:func:`read_first_page`) is shown at once, so the very first
        frame has rows; the rest is read after that frame, since building 100,000 rows holds the GIL.
        """
        self._db_path = db_path
        if first_page is not None:
            # In this widget's own message loop, so Loaded bubbles past the screen that called load().
            self.call_later(self._rows_read, RowsRead(first_page, len(first_page) < FIRST_PAGE, row_facts(first_page)))
        else:
            self._read_rows(FIRST_PAGE)

    def reload(self, db_path: Path) -> None:
        """Read every article again (another process imported some), keeping the cursor's article and the filter."""
        self._db_path = db_path
        self._read_rows(None)

    def _read_rows(self, limit: int | None) -> None:
        run_in_background(self, read_rows, limit, db_path=self._db_path, group="library-load")

    @on(RowsRead)
    def _rows_read(self, message: RowsRead) -> None:
        current = self.current_article_id
        rows = message.rows
        self.articles, self.complete = rows, message.complete
        self._positions, date_order = message.facts
        self._orders = {"date": date_order}
        self._index = None
        if self.query_text or self.sort != "date":
            self.refresh_view(keep=current)
        else:
            self._show(self._orders["date"], keep=current)
        self.post_message(self.Loaded(len(rows), message.complete))
        if not message.complete:
            self.call_after_refresh(self._read_rows, None)
        elif rows:
            # Not for an empty library (a first run, its samples on the way): that job would be cancelled by the
            # samples' own, and a filter typed meanwhile builds its index of nothing in compute_view.
            run_in_background(self, build_index, rows, group="library-index")

    @on(IndexBuilt)
    def _index_built(self, message: IndexBuilt) -> None:
        if message.rows is self.articles:
            self._index = message.index

    # The view: sort order and filter, computed in the background

    def set_filter(self, text: str) -> None:
        self.query_text = text
        self.refresh_view(keep=self.current_article_id)

    def refresh_view(self, keep: int | None = None) -> None:
        """Recompute the visible rows for the current sort and filter, off the UI thread."""
        rows, sort = self.articles, self.sort
        run_in_background(self, compute_view, rows, self._orders.get(sort), sort, self.query_text, keep, self._index,
                          group="library-view")

    @on(ViewComputed)
    def _view_computed(self, message: ViewComputed) -> None:
        if message.rows is not self.articles:
            return  # computed for rows replaced since
        self._orders[message.sort] = message.order
        if message.index is not None:
            self._index = message.index
        if message.sort == self.sort:
            self._show(message.visible, message.keep, message.query)

    def _show(self, view_rows: list[int], keep: int | None = None, query: str = "") -> None:
        self.view_rows = view_rows
        self.shown_query = query
        self.virtual_size = Size(self.size.width, len(view_rows) + 1)
        target = 0
        if keep is not None and keep in self._positions:
            position = self._positions[keep]
            try:
                target = view_rows.index(position)
            except ValueError:
                target = 0
        self.cursor = min(target, max(0, len(view_rows) - 1))
        self.refresh()
        self._update_title()

    def _update_title(self) -> None:
        pane = self.parent
        if pane is None:
            return
        total = len(self.articles)
        count = f"{len(self.view_rows):,} of {total:,}" if self.query_text.strip() else f"{total:,}"
        more = "" if self.complete else "…"
        pane.border_title = f"Library {count}{more} · by {self.sort}"

    # Rows and rendering

    @property
    def current_article_id(self) -> int | None:
        if 0 <= self.cursor < len(self.view_rows):
            return self.articles[self.view_rows[self.cursor]].id
        return None

    def article_at(self, row: int) -> ArticleSummary | None:
        return self.articles[self.view_rows[row]] if 0 <= row < len(self.view_rows) else None

    def update_article(self, article_id: int, **changes) -> None:
        """Change one row in place (read mark, annotation count) and repaint it."""
        if (index := self._positions.get(article_id)) is not None:
            self.articles[index] = replace(self.articles[index], **changes)
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.view_rows) + 1)

    @property
    def rows_on_screen(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        columns = columns_for(width)
        base = self.rich_style
        if y == 0:
            return self._header(columns, width, base)
        row = int(self.scroll_offset.y) + y - 1
        article = self.article_at(row)
        if article is None:
            if row == 0 and not self.view_rows:
                message = "Loading…" if not self.articles and not self.complete else "No articles match"
                if self.complete and not self.articles:
                    message = "No articles yet — import some with: broadsheet import PATH"
                return Strip([Segment(fit("  " + message, width),
                                      base + self.get_component_rich_style("library--dim"))])
            return Strip.blank(width, base)
        style = base
        if article.read:
            style += Style(color=self.get_component_rich_style("library--read").color)
        if row == self.cursor:
            style += self.get_component_rich_style("library--cursor" if self.has_focus else "library--dim")
            if not self.has_focus:
                style += Style(reverse=True)
        # Only the colour: the component style's background would hide the cursor row's.
        dim = style + Style(color=self.get_component_rich_style("library--dim").color)
        segments = [
            Segment(text, style if name in ("mark", "title") else dim) for name, text in row_cells(article, columns)
        ]
        return Strip(segments, width).adjust_cell_length(width, style)

    def _header(self, columns: list[tuple[str, int]], width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("library--header")
        text = "".join(text for _, text in header_cells(columns, self.sort))
        return Strip([Segment(text, style)], width).adjust_cell_length(width, style)

    def watch_cursor(self, old: int, new: int) -> None:
        top = int(self.scroll_offset.y)
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + self.rows_on_screen:
            self.scroll_to(y=new - self.rows_on_screen + 1, animate=False, immediate=True)
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # Actions

    def action_cursor_down(self) -> None:
        self.cursor = min(self.cursor + 1, max(0, len(self.view_rows) - 1))

    def action_cursor_up(self) -> None:
        self.cursor = max(self.cursor - 1, 0)

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_offset.y + self.rows_on_screen, animate=False, immediate=True)
        self.cursor = min(self.cursor + self.rows_on_screen, max(0, len(self.view_rows) - 1))

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_offset.y - self.rows_on_screen, animate=False, immediate=True)
        self.cursor = max(self.cursor - self.rows_on_screen, 0)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.view_rows) - 1)

    def action_open(self) -> None:
        if (article_id := self.current_article_id) is not None:
            self.post_message(self.Open(article_id))

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_view(keep=self.current_article_id)

    def action_filter(self) -> None:
        """Focus the filter box now (``focus()`` would wait for the keys already queued, which then hit the list)."""
        self.screen.set_focus(self.screen.query_one(LibraryFilter))

    def action_toggle_read(self) -> None:
        if (article := self.article_at(self.cursor)) is not None:
            self.update_article(article.id, read=not article.read)
            self.post_message(self.ToggleRead(article.id, not article.read, article.title))

    def on_click(self, event: events.Click) -> None:
        row = int(self.scroll_offset.y) + event.y - 1
        if event.y >= 1 and 0 <= row < len(self.view_rows):
            self.cursor = row
            if event.chain >= 2:
                self.action_open()


class LibraryPane(Vertical):
    """The filter box over the list; the pane's border title shows the count and the sort."""

    def compose(self) -> ComposeResult:
        yield LibraryFilter(id="library-filter", select_on_focus=False)
        yield Library(id="library")

    def on_mount(self) -> None:
        self.query_one(LibraryFilter).placeholder = f"Filter ({key_label(self.app, 'library.filter', 'f')})…"

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_one(Library).set_filter(event.value)

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        library = self.query_one(Library)
        library.focus()
        # Posted from here: Textual stops a message at its sender, which is this pane while it handles Submitted.
        if (article_id := library.current_article_id) is not None:
            self.post_message(Library.Open(article_id))
