"""Finding in the open article: what the main screen remembers of the last ``ctrl+f`` to step with ``n`` / ``N``.

The find bar's search (scoped to the article) finds the matches; :class:`ArticleFind` keeps them in reading order
with the one on show. A plain object the screen holds: no widget, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
        self.matches = sorted({(hit.start, hit.end) for hit in hits if hit.article_id == article_id and hit.end > hit.start})
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
