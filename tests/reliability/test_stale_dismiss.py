"""Two selections that reach a screen together — two Enters from key repeat or a busy app, a double click — must
close the screen once, not pop the main screen from under it.

Found while fixing the monkey test: a selection (a ledger value, a search result) dismisses its screen from a
message handler, and ``Screen.dismiss`` pops whatever screen is on top. When the second selection's message
was queued before the first one's dismiss ran, it pops the main screen too and leaves a blank one (and the
next action that needs the main screen raises). The screens now ignore a dismiss once they are no longer the
current screen (``tui.screens.closing.ClosesOnce``).
"""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Tree

from store.ledger_records import LedgerValue
from tests.tui.screen_host import settle
from tui.app import BroadsheetApp
from tui.screens.main import MainScreen


def enter() -> events.Key:
    return events.Key("enter", "\r")


def post_together(app, *made: events.Event) -> None:
    """Queue the events at once, as a terminal delivers them while the app is busy."""
    for event in made:
        event.set_sender(app)
        app.post_message(event)


def stack(app) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


@pytest.fixture
def app(seeded_db, db_path):
    return BroadsheetApp(db_path)


async def open_ledger_on_a_value(app, pilot) -> Tree:
    await settle(app, pilot)
    await pilot.press("L")
    await settle(app, pilot)
    tree = app.screen.query_one("#ledger-tree", Tree)
    tree.focus()
    for _ in range(80):
        node = tree.cursor_node
        if node is not None and isinstance(node.data, LedgerValue):
            return tree
        if node is not None and node.allow_expand and not node.is_expanded:
            node.expand()
        await pilot.press("down")
    raise AssertionError("no ledger value to select")


async def test_two_enters_on_a_ledger_value_close_only_the_ledger(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await open_ledger_on_a_value(app, pilot)
        post_together(app, enter(), enter())
        await pilot.pause()
        assert stack(app)[-1] == "MainScreen", stack(app)


async def test_a_double_click_on_a_ledger_value_closes_only_the_ledger(app):
    async with app.run_test(size=(100, 30)) as pilot:
        tree = await open_ledger_on_a_value(app, pilot)
        x, y = tree.region.x + 6, tree.region.y + tree.cursor_line - round(tree.scroll_offset.y)
        clicks = [kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
                  for _ in range(2) for kind in (events.MouseDown, events.MouseUp)]
        post_together(app, *clicks)
        await pilot.pause()
        assert stack(app)[-1] == "MainScreen", stack(app)


async def test_two_enters_on_a_search_result_close_only_the_search(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"bank")
        await pilot.pause(0.8)
        await settle(app, pilot)
        await pilot.press("down")
        post_together(app, enter(), enter())
        await pilot.pause()
        assert stack(app)[-1] == "MainScreen", stack(app)
        assert isinstance(app.screen, MainScreen)
