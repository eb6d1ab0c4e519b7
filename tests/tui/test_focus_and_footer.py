"""Where the focus is shows (a heavy frame on the focused pane), the footer lists the keys that act there, and
the reader's actions (tag, undo, find, inspector tabs) work from every pane of the main screen or say why not.
Actions that write either ask first or say in their toast how to undo them."""

from __future__ import annotations

import contextlib

from textual import events
from textual.widgets import DataTable, Footer, TabbedContent
from textual.widgets._footer import FooterKey

from store.articles import list_articles
from tests.tui.notices import messages
from tests.tui.reader_helpers import wait_for_inspector_tabs
from tests.tui.screen_host import open_first_article, settle
from tui.app import BroadsheetApp
from tui.screens.tag_dialog import TagDialog
from tui.widgets.find_bar import FindBar
from tui.widgets.inspector import Inspector
from tui.widgets.library import Library, LibraryFilter
from tui.widgets.reader import Reader

PANES = ("#library-pane", "#reader-pane", "#inspector")


@contextlib.asynccontextmanager
async def main_screen(db_path, size=(200, 50), open_first=True):
    """The app with the library's first article open (wide enough for every pane and the whole footer)."""
    app = BroadsheetApp(db_path)
    async with app.run_test(size=size) as pilot:
        if open_first:
            await open_first_article(app, pilot)
            await wait_for_inspector_tabs(pilot, app.screen.query_one(Inspector))
        else:
            await settle(app, pilot)
        yield app, pilot


async def focus(app, pilot, widget) -> None:
    widget.focus()
    await settle(app, pilot)  # the footer follows the focus a refresh later


def footer(app) -> list[str]:
    """The footer's key hints as shown, ``key description``, in order."""
    return [f"{key.key_display} {key.description}" for key in app.screen.query_one(Footer).query(FooterKey)]


def frames(app) -> dict[str, str]:
    """Each pane's border: ``heavy`` for the one holding the focus, ``round`` for the others."""
    return {pane: app.screen.query_one(pane).styles.border_top[0] for pane in PANES}


READER_ACTIONS = ["t Tag", "u Undo", "^f Find", "] Inspector tab", "/ Search"]


async def test_each_pane_shows_it_has_the_focus_and_the_footer_lists_its_keys_first(seeded_db, db_path):
    async with main_screen(db_path) as (app, pilot):
        screen = app.screen
        library, reader = screen.query_one(Library), screen.query_one(Reader)
        table = screen.query_one("#inspector-entities-table", DataTable)
        expected = {
            library: ("#library-pane", ["⏎ Open", "s Sort", "f Filter", "m Read/unread"], ["e Next entity"]),
            reader: ("#reader-pane", ["e Next entity", "f Next figure", "a Next note"], ["s Sort", "f Filter"]),
            table: ("#inspector", [], ["s Sort", "e Next entity"]),
        }
        for widget, (pane, own, absent) in expected.items():
            await focus(app, pilot, widget)
            assert frames(app) == {name: "heavy" if name == pane else "round" for name in PANES}
            assert screen.query_one(pane).border_title  # every pane is titled
            shown = footer(app)
            assert shown[:len(own)] == own  # the focused pane's keys come first
            assert all(hint in shown for hint in READER_ACTIONS)  # these act from every pane
            assert not any(hint in shown for hint in absent)
        await focus(app, pilot, screen.query_one(LibraryFilter))
        assert frames(app)["#library-pane"] == "heavy"
        assert footer(app)[:2] == ["↓ To the list", "esc Clear filter"]
        assert "s Sort" not in footer(app)


async def test_the_quotes_tab_adds_open_echo_to_the_footer(seeded_db, db_path):
    async with main_screen(db_path) as (app, pilot):
        inspector = app.screen.query_one(Inspector)
        tabs = app.screen.query_one(TabbedContent)
        await focus(app, pilot, app.screen.query_one("#inspector-entities-table", DataTable))
        assert "e Open echo" not in footer(app)
        while tabs.active != "inspector-quotes":
            await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert app.focused is app.screen.query_one("#inspector-quotes-table", DataTable)
        assert footer(app)[0] == "e Open echo"
        assert inspector.visible_tabs


async def test_tag_undo_find_and_tabs_work_from_the_library(seeded_db, db_path):
    async with main_screen(db_path) as (app, pilot):
        screen = app.screen
        library, reader, tabs = screen.query_one(Library), screen.query_one(Reader), screen.query_one(TabbedContent)
        await focus(app, pilot, library)
        before = tabs.active
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert tabs.active != before and library.has_focus  # the tab changed; the focus stayed in the list
        await pilot.press("left_square_bracket")
        assert tabs.active == before
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, TagDialog)
        assert reader.selected_text[:20] in str(app.screen.query_one("#tag-dialog-quote").render())
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
        assert "Nothing to undo" in messages(app)
        await pilot.press("ctrl+f")
        await settle(app, pilot)
        assert screen.query_one(FindBar).display and screen.query_one("#find-input").has_focus


async def test_tag_and_tabs_work_from_the_inspector(seeded_db, db_path):
    async with main_screen(db_path) as (app, pilot):
        screen = app.screen
        await focus(app, pilot, screen.query_one("#inspector-entities-table", DataTable))
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"inspected", "ctrl+s")
        await settle(app, pilot)
        assert "Annotation saved — u undoes it" in messages(app)
        await pilot.press("u")
        await settle(app, pilot)
        assert screen.query_one(Library).articles[0].annotations == 0


async def test_a_tag_typed_in_a_burst_ending_in_ctrl_s_is_saved_whole(seeded_db, db_path):
    from store.annotations import annotations_for_article

    first = list_articles(seeded_db)[0]
    async with main_screen(db_path) as (app, pilot):
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, TagDialog)
        for key in [*"markets", "ctrl+s"]:  # all queued before the app handles the first
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(app, pilot)
        assert [record.tags for record in annotations_for_article(seeded_db, first.id)] == [("markets",)]


async def test_keys_typed_right_behind_the_tag_key_all_land_in_the_tag_dialog(seeded_db, db_path):
    """``t`` and a word in one burst (a fast typist, a paste): the dialog opens at once with every letter in its
    field, none of them run as the reader's commands (h heading, e entity, o browser…); the known tags arrive
    after and still complete what was typed."""
    from store.annotations import create_annotation

    first = list_articles(seeded_db)[0]
    create_annotation(seeded_db, first.id, 0, 5, ["hello-world"], "")
    async with main_screen(db_path) as (app, pilot):
        reader = app.screen.query_one(Reader)
        reader.action_last()  # off the annotation at the start, whose edit dialog would hold its tag
        await settle(app, pilot)
        cursor = reader.cursor_offset
        for key in ["t", *"hello"]:  # all queued before the app handles the first
            app.post_message(events.Key(key, key))
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.query_one("#tag-input").value == "hello"
        assert reader.cursor_offset == cursor and not messages(app)
        assert [str(option.id) for option in dialog.query_one("#tag-suggestions").options] == ["hello-world"]


async def test_the_tag_dialog_and_help_show_their_own_keys_in_the_footer(seeded_db, db_path):
    async with main_screen(db_path) as (app, pilot):
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, TagDialog)
        assert footer(app) == ["^s Save", "esc Cancel"]  # not the reader's keys, which do not act under it
        await pilot.press("escape", "f1")
        await settle(app, pilot)
        assert footer(app) == ["esc Close help"]


async def test_without_an_article_the_reader_actions_say_why_they_cannot_act(seeded_db, db_path):
    async with main_screen(db_path, open_first=False) as (app, pilot):
        for key, doing in (("t", "tag a sentence"), ("ctrl+f", "find in it"), ("right_square_bracket", "see its"),
                           ("D", "see what changed")):
            await pilot.press(key)
            await settle(app, pilot)
            assert any(m.startswith("Open an article first (⏎ in the library) to " + doing) for m in messages(app))
        assert type(app.screen).__name__ == "MainScreen"


async def test_a_hidden_inspector_says_which_key_shows_it(seeded_db, db_path):
    async with main_screen(db_path, size=(100, 30)) as (app, pilot):  # narrow: the inspector starts hidden
        assert not app.screen.query_one(Inspector).display
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert "The inspector is hidden: f3 shows it." in messages(app)


async def test_the_read_mark_toast_says_how_to_flip_it_back(seeded_db, db_path):
    first = list_articles(seeded_db)[0]
    async with main_screen(db_path, open_first=False) as (app, pilot):
        await pilot.press("m")
        await settle(app, pilot)
        assert f"Marked “{first.title}” read — m again marks it unread" in messages(app)
        await pilot.press("m")
        await settle(app, pilot)
        assert f"Marked “{first.title}” unread — m again marks it read" in messages(app)
