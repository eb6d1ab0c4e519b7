"""Letters in the library are commands; the filter key opens the filter, which then keeps every character typed
or pasted — one key at a time, in a burst faster than the app's frames, or pasted — in every shipped keymap."""

from __future__ import annotations

import pytest
from textual import events

from store.articles import list_articles
from tests.tui.screen_host import settle
from tui.app import BroadsheetApp
from tui.keymap import BUILTIN_KEYMAPS, load_keymap
from tui.widgets.library import Library, LibraryFilter

# Each word holds command letters of the library in some keymap: m (read mark), s (sort), j (down in vim),
# e/n/s/t/o/r (commands of other panes).
WORDS = ("meta", "sell", "japan", "investor")


def burst(app, keys: list[str]) -> None:
    """Keys as a terminal delivers a fast typist's (or tmux's) burst: all queued before the app handles one."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


def filter_keys(keymap_name: str) -> list[str]:
    return load_keymap(keymap_name)["library.filter"].split(",")


def read_marks(db) -> dict[int, bool]:
    return {article.id: article.read for article in list_articles(db)}


@pytest.mark.parametrize("keymap_name", BUILTIN_KEYMAPS)
@pytest.mark.parametrize("word", WORDS)
async def test_the_filter_key_then_a_burst_of_letters_filters_on_exactly_that_word(seeded_db, db_path,
                                                                                   keymap_name, word):
    marks = read_marks(seeded_db)
    app = BroadsheetApp(db_path, keymap_name=keymap_name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        library = app.screen.query_one(Library)
        rows_before = [(a.id, a.read) for a in library.articles]
        burst(app, [filter_keys(keymap_name)[0], *word])
        await settle(app, pilot)
        box = app.screen.query_one(LibraryFilter)
        assert box.value == word
        assert box.has_focus
        assert library.sort == "date"
        assert [(a.id, a.read) for a in library.articles] == rows_before
        assert library.shown_query == word
    assert read_marks(seeded_db) == marks


@pytest.mark.parametrize("keymap_name", BUILTIN_KEYMAPS)
async def test_every_filter_key_of_the_keymap_opens_the_filter_key_by_key(seeded_db, db_path, keymap_name):
    app = BroadsheetApp(db_path, keymap_name=keymap_name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        library, box = app.screen.query_one(Library), app.screen.query_one(LibraryFilter)
        for key in filter_keys(keymap_name):
            await pilot.press(key, *"sell")
            await settle(app, pilot)
            assert box.value == "sell" and box.has_focus and library.sort == "date"
            await pilot.press("escape")  # clears the filter and goes back to the list
            assert box.value == "" and library.has_focus


@pytest.mark.parametrize("keymap_name", BUILTIN_KEYMAPS)
async def test_in_one_burst_keys_before_the_filter_key_act_on_the_list_and_those_after_it_filter(
        seeded_db, db_path, keymap_name):
    app = BroadsheetApp(db_path, keymap_name=keymap_name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        library = app.screen.query_one(Library)
        burst(app, ["s", "down", filter_keys(keymap_name)[0], *"sell", "down", "s"])
        await settle(app, pilot)
        # s sorted by title and down moved the cursor; the filter got "sell"; down went back to the list, where
        # the last s sorted by source
        assert app.screen.query_one(LibraryFilter).value == "sell"
        assert library.has_focus and library.sort == "source"


async def test_letters_in_the_list_are_commands_not_filter_text(seeded_db, db_path):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        library, box = app.screen.query_one(Library), app.screen.query_one(LibraryFilter)
        await pilot.press("s")
        await settle(app, pilot)
        assert library.sort == "title" and box.value == "" and library.has_focus
        await pilot.press("i", "q")  # bound to nothing in the list: they do nothing, and never filter
        await settle(app, pilot)
        assert box.value == "" and library.has_focus and len(library.view_rows) == len(library.articles)


@pytest.mark.parametrize("keymap_name", BUILTIN_KEYMAPS)
async def test_a_paste_into_the_list_opens_the_filter_with_the_pasted_text(seeded_db, db_path, keymap_name):
    marks = read_marks(seeded_db)
    app = BroadsheetApp(db_path, keymap_name=keymap_name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        library = app.screen.query_one(Library)
        app.post_message(events.Paste("investor sell-off"))
        burst(app, list(" meta"))  # typed on straight after the paste, before the app caught up
        await settle(app, pilot)
        box = app.screen.query_one(LibraryFilter)
        assert box.value == "investor sell-off meta"
        assert box.has_focus and library.sort == "date"
        app.post_message(events.Paste(" japan"))  # a paste into the open filter adds to it
        await settle(app, pilot)
        assert box.value == "investor sell-off meta japan"
    assert read_marks(seeded_db) == marks


async def test_the_filter_placeholder_names_the_keymaps_filter_key(seeded_db, db_path):
    for keymap_name, shown in (("default", "(f)"), ("emacs", "(^s)")):
        app = BroadsheetApp(db_path, keymap_name=keymap_name)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert shown in app.screen.query_one(LibraryFilter).placeholder
