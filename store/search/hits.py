"""What a search returns."""

from __future__ import annotations

from dataclasses import dataclass, field


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
