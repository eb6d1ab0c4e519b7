"""SVG snapshots of the app on the sample articles (three of them annotated) at 80×24, 120×40 and 200×60: the
library, reader + inspector, search, find bar, tag dialog, Tags, Ledger and help. Update with --snapshot-update
and look at each one (``rsvg-convert``) before committing it."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from store.annotations import create_annotation
from store.articles import get_article, list_articles
from store.db import open_db
from store.importer import import_paths
from tests.tui.screen_host import settle
from tui.app import BroadsheetApp

SIZES = {"80x24": (80, 24), "120x40": (120, 40), "200x60": (200, 60)}
# The keys that lead to each view from the start (the library focused, nothing open).
VIEWS = {
    "library": (),
    "reader_inspector": ("enter", "down", "down", "e"),
    "search": ("slash", *"investors"),
    "find_bar": ("enter", "ctrl+f", "A", "I", "down"),
    "tag_dialog": ("down", "enter", "down", "t"),
    "tags": ("T", "enter"),
    "ledger": ("L", "down"),
    "help": ("f1",),
}
NOTES = [(["claim", "markets"], "Check against the 10-K filing."), (["claim"], ""),
         (["sourcing"], "Who is the analyst?")]


@pytest.fixture
def sample_app(tmp_path, seed_files, monkeypatch):
    # A fixed config path: the help screen names the user's keymap file.
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/reader/.config")
    path = tmp_path / "snap.db"
    db = open_db(path)
    import_paths(db, seed_files)
    for article in list_articles(db)[:2]:
        sentences = get_article(db, article.id).sentences
        for (tags, note), (start, end) in zip(NOTES, sentences[3:], strict=False):
            create_annotation(db, article.id, start, end, tags, note)
    db.close()
    return BroadsheetApp(path)


async def settle_frame(pilot) -> None:
    """Every worker done and its answer painted, no cursor blinking: the same frame on a loaded machine."""
    await settle(pilot.app, pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def steps(*keys: str):
    async def run_before(pilot) -> None:
        await settle_frame(pilot)
        for key in keys:
            await pilot.press(key)
            await settle_frame(pilot)

    return run_before


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view", list(VIEWS))
def test_view(snap_compare, sample_app, view, size):
    assert snap_compare(sample_app, terminal_size=SIZES[size], run_before=steps(*VIEWS[view]))
