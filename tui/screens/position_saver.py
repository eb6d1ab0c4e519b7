"""The reading position, written once the reader stands still, so an article reopens where it was left.

A plain object the main screen holds: every ``Reader.PositionChanged`` restarts a short timer, and only the
position the reader rests on is written (a held arrow key would otherwise write at every step).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SAVE_DELAY = 0.5  # seconds of stillness before the reading position is written


class PositionSaver:
    """Keeps the last position until ``SAVE_DELAY`` passes without another, then hands it to ``save``.

    ``set_timer`` is the screen's (the timer dies with it); ``save(article_id, offset)`` starts the write and
    returns its background job."""

    def __init__(self, set_timer: Callable[..., Any], save: Callable[[int, int], Any]) -> None:
        self._set_timer = set_timer
        self._save = save
        self._pending: tuple[int, int] | None = None
        self._timer = None

    def moved(self, article_id: int, offset: int) -> None:
        self._pending = (article_id, offset)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._set_timer(SAVE_DELAY, self.flush)

    def flush(self):
        """Write a position still waiting for its timer now (before switching article or quitting); returns the
        job writing it, if any."""
        if self._timer is not None:
            self._timer.stop()
        if self._pending is None:
            return None
        position, self._pending = self._pending, None
        return self._save(*position)
