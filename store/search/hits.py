"""What a search returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Hit:
    """One result. ``start``/``end`` and ``matches`` are offsets into the article's text; ``text_matches``
    are the same matched ranges as offsets into ``text`` (what a result row shows)."""

    article_id: int
    path: str
    title: str
    source: str | None
    start: int
    end: int
    text: str
    score: float
    matches: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "sentence"
    text_matches: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``broadsheet search --json``: one hit, ``matches`` as ``[start, end]`` pairs into the article's text."""
        return {
            "article_id": self.article_id,
            "path": self.path,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": self.score,
            "kind": self.kind,
            "matches": [list(match) for match in self.matches],
        }
