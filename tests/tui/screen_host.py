"""A bare app for testing one screen on its own: it opens the screen and keeps what the screen dismisses with."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual.app import App
from textual.screen import Screen
from textual.worker import WorkerCancelled


class ScreenHost(App):
    """Opens ``make_screen()`` at start; every dismissal's result lands in ``results``."""

    def __init__(self, make_screen: Callable[[], Screen]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)


async def settle(app, pilot) -> None:
    """Every worker finished and what it posted processed. A worker cancelled by a newer one of its exclusive
    group is skipped (``wait_for_complete`` would raise ``WorkerCancelled``); the newer one is waited for."""
    await pilot.pause()
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()
    await pilot.pause()
