"""The one background-work path: a store function in a thread worker, its answer (or failure) as a message."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from textual.app import App
from textual.message import Message

from store.articles import list_articles
from tui.background import BackgroundFailed, run_in_background


@dataclass
class Counted(Message):
    count: int


class Host(App):
    """Records what the jobs post back, and on which thread each message is handled."""

    def __init__(self) -> None:
        super().__init__()
        self.counted: list[int] = []
        self.failures: list[BackgroundFailed] = []
        self.handled_on: set[int] = set()

    def on_counted(self, message: Counted) -> None:
        self.counted.append(message.count)
        self.handled_on.add(threading.get_ident())

    def on_background_failed(self, message: BackgroundFailed) -> None:
        self.failures.append(message)


async def test_a_job_reads_with_its_own_connection_and_answers_on_the_ui_thread(seeded_db, db_path):
    connections = []

    def count_articles(db) -> int:
        connections.append(db)
        return len(list_articles(db))

    app = Host()
    async with app.run_test() as pilot:
        worker = run_in_background(app, count_articles, db_path=db_path, group="count", reply=Counted)
        await worker.wait()
        await pilot.pause()
        assert app.counted == [len(list_articles(seeded_db))]
        assert app.handled_on == {threading.get_ident()}
    closed = connections[0].conn
    try:
        closed.execute("SELECT 1")
    except Exception as error:  # the connection was closed when the job ended
        assert "closed" in str(error)
    else:
        raise AssertionError("the job's connection is still open")


async def test_a_newer_job_of_the_group_drops_the_older_ones_answer():
    release = threading.Event()

    def slow(value: int) -> Counted:
        release.wait(5)
        return Counted(value)

    app = Host()
    async with app.run_test() as pilot:
        first = run_in_background(app, slow, 1, group="count")
        second = run_in_background(app, lambda: Counted(2), group="count")
        await second.wait()
        release.set()
        await pilot.pause(0.2)
        assert first.is_cancelled
        assert app.counted == [2]


async def test_a_failure_comes_back_as_a_message_to_the_app():
    def broken() -> None:
        raise ValueError("no such thing")

    app = Host()
    async with app.run_test() as pilot:
        await run_in_background(app, broken, group="broken").wait()
        await pilot.pause()
        assert [(f.group, str(f.error)) for f in app.failures] == [("broken", "no such thing")]
