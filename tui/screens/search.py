"""The search overlay: type, and the best matching sentences of the whole corpus appear as you go, a rule between
one result and the next; Enter opens the highlighted one, Esc returns to where you were. (Finding in the open
article is the find bar's, :mod:`tui.widgets.find_bar`.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.search import Hit, Searcher
from tui.background import run_in_background
from tui.screens.closing import ClosesOnce

RESULT_LIMIT = 50
RECENT_LIMIT = 10
MATCH_STYLE = "bold reverse"


def hit_prompt(hit: Hit) -> Text:
    """A result: the text with its matched ranges highlighted, then title · source on a line of its own, dimmed."""
    text = Text(hit.text.replace("\n", " ").replace("\r", " "))  # one row; same length keeps the ranges
    for start, end in hit.text_matches:
        text.stylize(MATCH_STYLE, start, end)
    place = " · ".join(part for part in (hit.title, hit.source) if part)
    if hit.kind != "sentence":
        place = f"{hit.kind} · {place}"
    text.append("\n")
    text.append(place, style="dim italic")
    return text


def with_rules(options: list[Option]) -> list[Option | None]:
    """The options with a separator (None) between each two, so that a result's title line is not read as the
    start of the next result."""
    ruled: list[Option | None] = []
    for option in options:
        if ruled:
            ruled.append(None)
        ruled.append(option)
    return ruled


@dataclass
class RecentRead(Message):
    """The recent searches, shown while ``query`` (blank) is typed."""

    query: str
    recent: list[str]


@dataclass
class HitsFound(Message):
    query: str
    hits: list[Hit]


def search(searcher: Searcher, query: str) -> RecentRead | HitsFound:
    """The hits for ``query``, or the recent searches for a blank query."""
    if not query.strip():
        return RecentRead(query, searcher.recent_queries(RECENT_LIMIT))
    return HitsFound(query, searcher.search(query, limit=RESULT_LIMIT))


def ignore(error: BaseException) -> None:
    """A search that fails shows nothing new: the previous results stay, the next keystroke tries again."""


class SearchScreen(ClosesOnce, ModalScreen[Hit | None]):
    """Fuzzy search over the corpus. Dismisses with the chosen :class:`~store.search.Hit`, or None."""

    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 90%; height: 80%; margin-top: 2; border: round $accent; background: $panel; }
    /* The scrollbar's column is kept even while every result fits: the list measures its rows at one width and
       paints them at another when the scrollbar comes and goes between two frames, and a result wrapped onto
       the row of the rule under it (two results ran together after a fast-typed query). */
    SearchScreen #search-results { height: 1fr; border: none; scrollbar-gutter: stable; }
    SearchScreen #search-status { height: 1; color: $text-muted; padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="search.close"),
        Binding("down", "move(1)", "Next", show=False, id="search.cursor-down"),
        Binding("up", "move(-1)", "Previous", show=False, id="search.cursor-up"),
        Binding("pagedown", "move(10)", "Page down", show=False, id="search.page-down"),
        Binding("pageup", "move(-10)", "Page up", show=False, id="search.page-up"),
        # priority: ahead of the input's own enter, so the footer shows it and one action opens the result
        Binding("enter", "open_result", "Open", priority=True, id="search.open-result"),
    ]

    def __init__(self, db_path: Path | str) -> None:
        super().__init__()
        self.db_path = db_path
        self.searcher: Searcher | None = None
        self.hits: list[Hit] = []
        self.recent: list[str] = []
        self.painted_query: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder="Search all articles — typos welcome; tag: entity: label: source: in: \"phrase\"",
                        id="search-input")
            yield OptionList(id="search-results")
            yield Static("", id="search-status")
        yield Footer()  # this dialog's keys, over the footer of the screen beneath (whose keys do not work here)

    def on_mount(self) -> None:
        self.searcher = Searcher(self.db_path)
        self.query_one(OptionList).can_focus = False
        self.query_one(Input).focus()
        self.run_search("")

    def on_unmount(self) -> None:
        if self.searcher is not None:
            self.searcher.close()

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        if self.searcher is not None:
            self.searcher.interrupt()
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        """Search in the background; a result arriving after a newer keystroke is dropped, never painted."""
        run_in_background(self, search, self.searcher, query, group="search", failed=ignore)

    @on(RecentRead)
    def _recent_read(self, message: RecentRead) -> None:
        self.show_recent(message.query, message.recent)
        if self._is_current(message.query):
            # the vocabulary, loaded now, so the first keystrokes do not wait for it (a keystroke cancels it)
            run_in_background(self, self.searcher.warm, group="search", failed=ignore)

    @on(HitsFound)
    def _hits_found(self, message: HitsFound) -> None:
        self.show_hits(message.query, message.hits)

    def _is_current(self, query: str) -> bool:
        return query == self.query_one(Input).value

    def show_recent(self, query: str, recent: list[str]) -> None:
        if not self._is_current(query):
            return
        self.hits, self.recent, self.painted_query = [], recent, query
        results = self.query_one(OptionList)
        results.set_options([Option(Text(q), id=f"recent-{i}") for i, q in enumerate(recent)])
        results.highlighted = 0 if recent else None
        self.query_one("#search-status", Static).update("Recent searches" if recent else "Type to search")

    def show_hits(self, query: str, hits: list[Hit]) -> None:
        if not self._is_current(query):
            return
        self.hits, self.recent, self.painted_query = hits, [], query
        results = self.query_one(OptionList)
        results.set_options(with_rules([Option(hit_prompt(hit), id=f"hit-{i}") for i, hit in enumerate(hits)]))
        results.highlighted = 0 if hits else None
        count = f"{len(hits)} result{'s' if len(hits) != 1 else ''}" if hits else "No match"
        self.query_one("#search-status", Static).update(count)

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else -1
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_open_result(self) -> None:
        """Enter: open the highlighted hit; on a recent query, search it again."""
        index = self.query_one(OptionList).highlighted
        if index is None:
            return
        if self.recent and index < len(self.recent):
            self.query_one(Input).value = self.recent[index]
            return
        if index < len(self.hits):
            self.searcher.interrupt()
            self.searcher.record_query(self.query_one(Input).value)
            self.dismiss(self.hits[index])

    def action_close(self) -> None:
        self.dismiss(None)
