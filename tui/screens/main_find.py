"""Finding in the open article: ``ctrl+f`` opens the find bar under the reader, ``n`` / ``N`` step afterwards.

:class:`ArticleFind` keeps the matches of the last find in reading order with the one on show (no widget, no
Textual). :class:`FindInArticle` is the plain object the main screen holds for the find bar: the screen's
handlers for the bar's messages call it, it runs the search (scoped to the article) in the background and
moves the reader to the matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.background import run_in_background
from tui.screens import main_jobs as jobs
from tui.widgets.find_bar import FindBar
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from textual.screen import Screen

    from store.search import Searcher


@dataclass
class ArticleFind:
    """The matches of the last find in one article, and the index of the one on show."""

    article_id: int | None = None
    matches: list[tuple[int, int]] = field(default_factory=list)
    index: int = 0

    def found(self, article_id: int, hits, offset: int) -> None:
        """Remember the ``hits`` in ``article_id`` (search hits with ``article_id``, ``start`` and ``end``), the
        first at or after ``offset`` on show (as ``less`` searches forward from the page), else the first."""
        self.article_id = article_id
        self.matches = sorted({(hit.start, hit.end) for hit in hits if hit.article_id == article_id
                               and hit.end > hit.start})
        self.index = next((i for i, (start, _) in enumerate(self.matches) if start >= offset), 0)

    def clear(self) -> None:
        self.article_id, self.matches, self.index = None, [], 0

    def has_matches(self, article_id: int | None) -> bool:
        """Whether there are matches to step through in the article on show (``article_id``)."""
        return bool(self.matches) and article_id is not None and article_id == self.article_id

    def step(self, step: int) -> tuple[int, int]:
        """Move ``step`` matches on (wrapping around); returns the new match's span."""
        self.index = (self.index + step) % len(self.matches)
        return self.current

    @property
    def current(self) -> tuple[int, int]:
        return self.matches[self.index]

    @property
    def description(self) -> str:
        return f"Match {self.index + 1} of {len(self.matches)}"


class FindInArticle:
    """The find bar's search in the article on ``screen``'s reader: its matches, the search engine (opened at
    the first ``ctrl+f``, closed with the screen) and where the reader was when the bar opened (escape goes back
    there)."""

    def __init__(self, screen: Screen, db_path: Path) -> None:
        self.screen = screen
        self.db_path = db_path
        self.found = ArticleFind()
        self._searcher: Searcher | None = None
        self._origin = 0

    @property
    def matches(self) -> list[tuple[int, int]]:
        return self.found.matches

    @property
    def _reader(self) -> Reader:
        return self.screen.query_one(Reader)

    @property
    def _bar(self) -> FindBar:
        return self.screen.query_one(FindBar)

    def open(self) -> None:
        """Open the bar, searching again for what it still holds."""
        self._origin = self._reader.cursor_offset
        bar = self._bar
        bar.open()
        if bar.query_text.strip():
            self.search(bar.query_text)

    def search(self, query: str) -> None:
        reader, bar = self._reader, self._bar
        if reader.article is None:
            return
        if self._searcher is None:
            from store.search import Searcher

            self._searcher = Searcher(self.db_path)
        self._searcher.interrupt()  # the search for the previous keystroke stops at once
        if not query.strip():
            self.found.clear()
            bar.show_count("")
            reader.return_to(self._origin)
            return
        run_in_background(self.screen, jobs.find_in_article, self._searcher, query, reader.article.id,
                          group="find", failed=lambda error: None)  # the last matches stay; the next key retries

    def answered(self, message: jobs.FoundInArticle) -> None:
        """The matches of a search: the first at or after the cursor is selected."""
        reader, bar = self._reader, self._bar
        if not bar.is_open or message.query != bar.query_text or reader.article is None \
                or reader.article.id != message.article_id:
            return  # an answer to an older keystroke, or the bar was closed meanwhile
        self.found.found(message.article_id, message.hits, self._origin)
        if not self.found.matches:
            bar.show_count("No match")
            reader.return_to(self._origin)
            return
        self.show_match(announce=False)

    def has_matches(self) -> bool:
        reader = self._reader
        return self.found.has_matches(reader.article.id if reader.article is not None else None)

    def step(self, step: int, announce: bool) -> None:
        """The match ``step`` matches on, if there are matches (see :meth:`show_match`)."""
        if self.has_matches():
            self.found.step(step)
            self.show_match(announce)

    def show_match(self, announce: bool = True) -> None:
        """Select the current match; in the find bar its count, else (``n``/``N``) a short notice."""
        reader = self._reader
        reader.jump_to(*self.found.current)
        if announce:
            reader.focus()
            self.screen.app.notify(self.found.description, timeout=2)
        else:
            self._bar.show_count(self.found.description)

    def closed(self, accepted: bool) -> None:
        """The bar closed: escape forgets the matches and goes back to where the reader was."""
        reader = self._reader
        if not accepted:
            self.found.clear()
            reader.return_to(self._origin)
        reader.focus()

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
