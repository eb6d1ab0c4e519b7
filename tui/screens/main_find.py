"""Finding in the open article: ``ctrl+f`` searches it (the search overlay, scoped to the article), Enter jumps
to the chosen match, and ``n`` / ``N`` go to the next and previous match in reading order.

A mixin of ``MainScreen`` (which declares the ``main.find``, ``main.find-next`` and ``main.find-previous``
bindings and composes the reader).
"""

from __future__ import annotations

from functools import partial

from tui.widgets.reader import Reader


class Finding:
    """The matches of the last find in the open article, and the one on show."""

    def init_finding(self) -> None:
        self._find_article: int | None = None
        self._find_matches: list[tuple[int, int]] = []
        self._find_index = 0

    def action_find(self) -> None:
        from tui.screens.search import SearchScreen

        reader = self.query_one(Reader)
        if reader.article is None:
            return
        screen = SearchScreen(self.db_path, article_id=reader.article.id)
        self.app.push_screen(screen, partial(self._found, screen, reader.article.id))

    def _found(self, screen, article_id: int, chosen) -> None:
        if chosen is None:
            return
        matches = sorted({(hit.start, hit.end) for hit in screen.hits
                          if hit.article_id == article_id and hit.end > hit.start})
        self._find_article, self._find_matches = article_id, matches
        self._find_index = matches.index((chosen.start, chosen.end)) if (chosen.start, chosen.end) in matches else 0
        self._show_match()

    def has_matches(self) -> bool:
        reader = self.query_one(Reader)
        return bool(self._find_matches) and reader.article is not None and reader.article.id == self._find_article

    def action_find_next(self, step: int) -> None:
        if self.has_matches():
            self._find_index = (self._find_index + step) % len(self._find_matches)
            self._show_match()

    def _show_match(self) -> None:
        reader = self.query_one(Reader)
        reader.jump_to(*self._find_matches[self._find_index])
        reader.focus()
        self.app.notify(f"Match {self._find_index + 1} of {len(self._find_matches)}", timeout=2)
