"""A monkey at the keyboard: a few thousand seeded-random key presses and clicks across every screen of the app
on the sample corpus. Nothing may raise (no worker may fail), the main screen must never be popped, the app
must still answer keys afterwards, and the database file must still pass ``integrity_check``.

The run is split into episodes. Each starts back on the main screen and opens one screen (search, tags,
orphans, ledger, help, the tag dialog, the palette, or none) with its key, then sends random keys and clicks
there — so every screen is visited, while what happens inside stays random. A failure names the seed and the
last actions, which replay the same run.

Each event goes into the app's queue as the terminal driver puts it there, and the app is left to catch up
before the next: every message processed and every awaited worker finished (:meth:`Monkey.settle`).
``pilot.press``/``pilot.click`` would do the same but also wait for the process to look idle, 20 ms and more
per event: minutes for a few thousand. The screen refreshes at ``FPS`` (as with ``TEXTUAL_FPS``), and is
brought up to date before each click, as ``pilot.click`` does.

Why an earlier version of this test hung: it called ``app.workers.wait_for_complete()`` between episodes. A
screen's async worker that opened a confirm dialog with ``push_screen_wait`` (delete or merge a tag, delete an
orphan) waits for the dialog's answer — for as long as the dialog stays open, which in a monkey run can be
for ever. So only thread workers (the database reads and writes) and the workers of the screen on top (the
palette's command search) are awaited, and every wait is bounded by ``STEP_TIMEOUT_S``: a real hang fails
with the last actions instead of stalling the suite.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import sqlite3
import string
import time
import tomllib
import unicodedata
from collections import Counter, deque
from pathlib import Path

import pytest
import textual.screen
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.worker import WorkerState

from store import annotations as store
from store.importer import import_paths
from tests.tui.screen_host import busy_workers, queued
from tui.app import BroadsheetApp
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen

SEED = 20261121
SIZE = (80, 24)
FPS = 5  # screen refreshes per second, as with TEXTUAL_FPS=5: Textual's 60 would render after nearly every key
ACTIONS = 2_000  # key presses and clicks in all, the keys that open and leave each episode's screen included
CLICKS = 150
EPISODE_LENGTH = 40
STEP_TIMEOUT_S = 20
KEYMAP = Path(__file__).resolve().parents[2] / "keymaps" / "default.toml"
# Quitting ends the run rather than testing it; ctrl+c is the app's copy key but Textual's quit elsewhere.
QUIT_KEYS = {"ctrl+q", "ctrl+c"}
EXTRA_KEYS = ["tab", "shift+tab", "escape", "enter", "up", "down", "left", "right", "backspace", "delete", "space"]
PRINTABLE = list(string.ascii_letters + string.digits + string.punctuation) + ["é", "“", "”", "—", "€"]
# The key (or keys) that reaches each screen from the main screen; the tag dialog needs an open article.
ENTRIES = {
    "SearchScreen": ["slash"],
    "TagsScreen": ["T"],
    "OrphansScreen": ["O"],
    "LedgerScreen": ["L"],
    "HelpScreen": ["question_mark"],
    "TagDialog": ["enter", "t"],
    "CommandPalette": ["ctrl+p"],
    "MainScreen": [],
}
# A palette command that writes outside the test's folders (to ~/Downloads).
LEAVING_COMMANDS = {"Screenshot"}


class MonkeyApp(BroadsheetApp):
    """The app as shipped, except that quitting does not end the run and the palette has no screenshot.

    Quitting is not a crash, and there are more ways to it than its keys: the palette's Quit, and a click on the
    footer's "^q Quit" (on the revisions screen at 80 columns it covers columns 10-18). Such a click once ended a
    full-suite run with return code 0: toasts expire and double clicks pair up by the clock, so on a loaded
    machine the same seed reaches other screens than when the test runs alone. Every route runs the app's own
    quit (the reading position is written first); only its final ``exit`` is skipped."""

    quits = 0
    _quitting = False

    async def action_quit(self) -> None:
        self._quitting = True
        try:
            await super().action_quit()
        finally:
            self._quitting = False
        self.quits += 1

    def exit(self, *args, **kwargs) -> None:
        if not self._quitting:
            super().exit(*args, **kwargs)

    def get_system_commands(self, screen):
        return [command for command in super().get_system_commands(screen) if command.title not in LEAVING_COMMANDS]


def keymap_keys() -> list[str]:
    """Every key bound in the default keymap, except the quitting ones."""
    keys = set()
    for scope in tomllib.loads(KEYMAP.read_text(encoding="utf-8")).values():
        for value in scope.values():
            keys.update(key.strip() for key in value.split(","))
    return sorted(keys - QUIT_KEYS)


@pytest.fixture
def monkey_db(db, db_path, seed_files, tmp_path):
    """The samples imported from a folder, with tagged annotations and one orphan (its sentence was deleted
    from the file, which was then imported again)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in seed_files:
        shutil.copy(path, folder / path.name)
    import_paths(db, [folder])
    articles = db.execute("SELECT id, path, text FROM articles ORDER BY id").fetchall()
    for number, (article_id, _, text) in enumerate(articles):
        start = text.index(".", len(text) // 3) + 2
        store.create_annotation(db, article_id, start, start + 40, [f"topic-{number % 3}", "claim"], "why *this*?")
    article_id, path, text = articles[0]
    doomed = text[len(text) // 2 : len(text) // 2 + 60]
    store.create_annotation(db, article_id, len(text) // 2, len(text) // 2 + 60, ["gone"], "orphan to be")
    source = Path(path).read_text(encoding="utf-8")
    assert doomed in source
    Path(path).write_text(source.replace(doomed, ""), encoding="utf-8")
    import_paths(db, [folder])
    assert store.orphans(db)
    return db_path


def screen_name(app) -> str:
    return type(app.screen).__name__


def key_event(key: str) -> events.Key:
    """The event a terminal produces for ``key`` (a key name or a character), as ``pilot.press`` builds it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        character = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        character = key if len(key) == 1 else None
    return events.Key(key, character)


def mouse_events(x: int, y: int) -> list[events.MouseEvent]:
    """Button 1 down and up at (x, y): the app makes a click of them (a double click of two quick ones)."""
    return [kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
            for kind in (events.MouseDown, events.MouseUp)]


class Monkey:
    """Sends input through the app's driver and waits, boundedly, for the app to catch up."""

    def __init__(self, app, pilot, trail: deque):
        self.app, self.pilot, self.trail = app, pilot, trail
        self.workers_seen: set = set()
        self.presses = 0

    def send(self, event: events.Event) -> None:
        """Into the app's queue, as the driver puts each event it parses (``post_message``, not the driver's
        thread-safe ``send_message``, so the event is queued before :meth:`settle` looks)."""
        event.set_sender(self.app)
        self.app.post_message(event)

    async def settle(self) -> None:
        """The app caught up, as ``tests.tui.screen_host.settle`` waits for it (two rounds in a row with no busy
        worker and nothing queued) but without the 20 ms and more of ``pilot.pause`` a round; and the main screen
        still on the stack after every round."""
        deadline = time.monotonic() + STEP_TIMEOUT_S
        quiet_rounds = 0
        while True:
            await asyncio.wait_for(self.pilot._wait_for_screen(), STEP_TIMEOUT_S)
            self.workers_seen.update(self.app.workers)
            stack = [type(screen).__name__ for screen in self.app.screen_stack]
            assert "MainScreen" in stack, f"the main screen was popped: {stack}; last: {list(self.trail)}"
            busy, waiting = busy_workers(self.app), queued(self.app)
            # Messages posted while processing (a key → a binding → a message → ...) take another round.
            quiet_rounds = 0 if busy or waiting else quiet_rounds + 1
            if quiet_rounds == 2:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"still busy after {STEP_TIMEOUT_S} s: workers {busy}, messages for {waiting}; "
                                     f"last: {list(self.trail)}")
            await asyncio.sleep(0.002 if busy else 0)

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.trail.append(key)
            self.send(key_event(key))
            self.presses += 1
            await self.settle()

    async def click(self, x: int, y: int, times: int) -> None:
        """``times`` clicks at (x, y), each processed before the next (well within the double-click interval).

        The screen is brought up to date first, as ``pilot.click`` does: a user clicks on what was drawn (at this
        test's low refresh rate the last frame can predate the last key, and a click on a widget removed since
        trips Textual itself)."""
        for _ in range(times):
            self.app.screen._on_timer_update()
            for event in mouse_events(x, y):
                self.send(event)
            await self.settle()

    async def until(self, condition, timeout: float = 2.0) -> bool:
        """Whether ``condition()`` holds within ``timeout`` seconds: a screen that answers a key a few
        milliseconds after the app looked settled still answers it; one that never does fails."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.01)
        return True

    async def back_to_main(self) -> None:
        """Escape out of whatever is open (a dialog over a screen takes two)."""
        for _ in range(6):
            if isinstance(self.app.screen, MainScreen):
                return
            await self.press("escape")


@pytest.mark.slow
async def test_random_keys_and_clicks_on_every_screen_break_nothing(monkey_db, monkeypatch):
    monkeypatch.setattr(textual.screen, "UPDATE_PERIOD", 1 / FPS)  # read when a screen starts its refresh timer
    rng = random.Random(SEED)
    keys = keymap_keys() + EXTRA_KEYS + PRINTABLE
    episodes = list(ENTRIES) * (ACTIONS // EPISODE_LENGTH // len(ENTRIES) + 1)
    rng.shuffle(episodes)
    click_chance = CLICKS / ACTIONS
    trail: deque[str] = deque(maxlen=30)
    visited: Counter[str] = Counter()
    clicks = 0
    app = MonkeyApp(monkey_db)
    try:
        async with app.run_test(size=SIZE) as pilot:
            monkey = Monkey(app, pilot, trail)
            await monkey.settle()
            for episode in episodes:
                if monkey.presses + clicks >= ACTIONS:
                    break
                await monkey.back_to_main()
                trail.append(f"-- episode {episode}")
                await monkey.press(*ENTRIES[episode])
                visited[screen_name(app)] += 1
                for _action in range(EPISODE_LENGTH):
                    if rng.random() < click_chance:
                        x, y, times = rng.randrange(SIZE[0]), rng.randrange(SIZE[1]), rng.choice([1, 1, 1, 2])
                        trail.append(f"click({x},{y})x{times}")
                        await monkey.click(x, y, times)
                        clicks += 1
                    else:
                        await monkey.press(rng.choice(keys))
                    visited[screen_name(app)] += 1
                    assert app.return_code is None, f"the app exited (seed {SEED}; last: {list(trail)})"
            await monkey.settle()
            await monkey.back_to_main()
            assert isinstance(app.screen, MainScreen), f"stuck on {screen_name(app)} (seed {SEED})"
            await monkey.press("f1")
            assert await monkey.until(lambda: isinstance(app.screen, HelpScreen)), "no answer to the help key"
            await monkey.press("escape")
            assert await monkey.until(lambda: isinstance(app.screen, MainScreen)), [
                type(screen).__name__ for screen in app.screen_stack
            ]
            await pilot.press("f1")  # and through the pilot's own path as well
            assert isinstance(app.screen, HelpScreen), [type(screen).__name__ for screen in app.screen_stack]
            await pilot.press("escape")
    except Exception as exc:
        exc.add_note(f"monkey seed {SEED}; last actions: {list(trail)}")
        raise
    assert app.return_code is None
    failed = [(w.name, w.error) for w in monkey.workers_seen if w.state == WorkerState.ERROR]
    assert not failed, f"workers failed (seed {SEED}): {failed}"
    assert monkey.presses + clicks >= ACTIONS and clicks >= CLICKS * 0.6, (monkey.presses, clicks)
    assert set(ENTRIES) <= set(visited), f"never reached {set(ENTRIES) - set(visited)}"
    with sqlite3.connect(monkey_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
