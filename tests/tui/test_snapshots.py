"""SVG snapshots of the app on the sample articles at 80×24 and 120×40 (update with --snapshot-update)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from store.db import open_db
from store.importer import import_paths
from tui.app import BroadsheetApp


@pytest.fixture
def sample_app(tmp_path, seed_files, monkeypatch):
    # A fixed config path: the help screen names the user's keymap file.
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/reader/.config")
    path = tmp_path / "snap.db"
    db = open_db(path)
    import_paths(db, seed_files)
    db.close()
    return BroadsheetApp(path)


async def settle(pilot) -> None:
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    for box in app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def steps(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_library_at_80x24(snap_compare, sample_app):
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=steps())


def test_article_open_at_80x24(snap_compare, sample_app):
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=steps("down", "enter", "down", "down"))


def test_article_with_inspector_at_120x40(snap_compare, sample_app):
    assert snap_compare(sample_app, terminal_size=(120, 40), run_before=steps("enter", "e"))


def test_filtered_library_at_120x40(snap_compare, sample_app):
    assert snap_compare(sample_app, terminal_size=(120, 40), run_before=steps("f", "t", "e", "c", "h"))


def test_help_at_120x40(snap_compare, sample_app):
    assert snap_compare(sample_app, terminal_size=(120, 40), run_before=steps("f1"))
