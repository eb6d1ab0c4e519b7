"""What the app's tests share: a bare app for testing one screen on its own; :func:`settle`, the one way a test
waits for the app to catch up; and the app opened on the library's first article."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable

from textual.app import App
from textual.dom import NoScreen
from textual.screen import Screen
from textual.worker import Worker

from tui.app import BroadsheetApp
from tui.widgets.reader import Reader

SETTLE_TIMEOUT_S = 30


class ScreenHost(App):
    """Opens ``make_screen()`` at start; every dismissal's result lands in ``results``."""

    def __init__(self, make_screen: Callable[[], Screen]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)


def awaited(app: App, worker: Worker) -> bool:
    """Whether a settled app has ``worker`` finished: every thread worker (the database's reads and writes), and
    the workers of the screen on top. Not an async worker of a screen under another: it may be waiting (with
    ``push_screen_wait``) for that screen's answer, for as long as it stays open."""
    if worker._thread_worker:
        return True
    try:
        return worker.node.screen is app.screen
    except NoScreen:
        return False


def busy_workers(app: App) -> list[Worker]:
    """The awaited workers still running. A cancelled one (a newer job of its exclusive group replaced it) has
    finished: it posts nothing, and ``app.workers.wait_for_complete`` would raise ``WorkerCancelled`` for it."""
    return [worker for worker in app.workers if not worker.is_finished and awaited(app, worker)]


def queued(app: App) -> list[str]:
    """The app and the nodes of the current screen that still have messages to process, with their count
    (empty when none has: a timeout can then say who kept the app busy)."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return [f"{node!r} ({node._message_queue.qsize()})" for node in nodes if not node._message_queue.empty()]


async def settle(app: App, pilot, timeout: float = SETTLE_TIMEOUT_S) -> None:
    """Wait until the app has caught up: every awaited worker finished (:func:`awaited`), every message it posted
    handled, and the screen brought up to date.

    A worker's answer is a message, and handling it may start another worker (a first run builds the library's
    index twice, the samples arriving in between) or post more messages; and an empty queue is not enough, a node
    may be suspended in the handler of a message it took off it. So the app is settled only after two rounds in a
    row found no busy worker and nothing queued: the second round's callback to each node runs after whatever
    that node was handling. Each round is a ``pilot.pause()``: every node of the screen processes what was queued
    before it, the process looks idle, and the screen's pending refresh is applied."""
    deadline = time.monotonic() + timeout
    quiet_rounds = 0
    while True:
        await pilot.pause()
        busy, waiting = busy_workers(app), queued(app)
        quiet_rounds = 0 if busy or waiting else quiet_rounds + 1
        if quiet_rounds == 2:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the app is still busy after {timeout} s: workers {busy}, messages for {waiting}")
        if busy:  # polled: ``worker.wait()`` raises for a worker cancelled meanwhile, and for one not started yet
            await asyncio.sleep(0.005)


async def open_first_article(app: App, pilot) -> Reader:
    """Open the library's first article (the library has the focus at start) and wait until it shows."""
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    return app.screen.query_one(Reader)


@contextlib.asynccontextmanager
async def reading_first_article(db_path, size: tuple[int, int] = (120, 40)):
    """The app at ``size`` with the library's first article open."""
    app = BroadsheetApp(db_path)
    async with app.run_test(size=size) as pilot:
        await open_first_article(app, pilot)
        yield app, pilot
