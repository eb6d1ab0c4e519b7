"""How often the main screen reads the library again while other processes write.

Reading 100,000 library rows takes about a second of a worker: while a long import keeps committing, the library
is read again at most every ``LIBRARY_RELOAD_SECONDS`` (the header counts and the open article follow at once).
A plain object the main screen holds, with the screen's timer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

LIBRARY_RELOAD_SECONDS = 5.0


class LibraryReloads:
    """Calls ``reload`` now, or when ``LIBRARY_RELOAD_SECONDS`` have passed since it last did."""

    def __init__(self, set_timer: Callable[..., Any], reload: Callable[[], object]) -> None:
        self._set_timer = set_timer
        self._reload = reload
        self._read_at = 0.0
        self._due = None  # the timer of a reload already asked for

    def request(self) -> None:
        if self._due is not None:
            return  # one is due already
        wait = self._read_at + LIBRARY_RELOAD_SECONDS - time.monotonic()
        if wait <= 0:
            self._run()
        else:
            self._due = self._set_timer(wait, self._run)

    def _run(self) -> None:
        self._due, self._read_at = None, time.monotonic()
        self._reload()
