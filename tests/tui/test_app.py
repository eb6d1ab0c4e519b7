"""The whole app on a temporary database: first run, opening, reading state, help, panes, palette, keymaps."""

from __future__ import annotations

import pytest

from store.articles import get_article, list_articles
from tests.tui.notices import messages, raised
from tests.tui.screen_host import reading_first_article, settle
from tui.app import BroadsheetApp, build_app, counts_line
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.position_saver import SAVE_DELAY
from tui.widgets.inspector import Inspector
from tui.widgets.library import Library
from tui.widgets.reader import Reader


async def test_first_run_imports_the_samples_and_counts_them_in_the_header(db, db_path, seed_files):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        library = app.screen.query_one(Library)
        assert len(library.view_rows) == len(seed_files)
        assert app.sub_title.startswith(f"{len(seed_files)} articles")
        welcome = next(n.message for n in raised(app) if "Imported 5 sample articles" in n.message)
        assert "`" not in welcome and "broadsheet import PATH" in welcome


async def test_a_database_with_articles_is_not_seeded_again(seeded_db, db_path):
    before = len(list_articles(seeded_db))
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert not raised(app)
    assert len(list_articles(seeded_db)) == before


async def test_enter_opens_the_article_in_the_reader_and_marks_it_read(seeded_db, db_path):
    first = list_articles(seeded_db)[0]
    async with reading_first_article(db_path) as (app, pilot):
        reader = app.screen.query_one(Reader)
        assert reader.article.id == first.id
        assert reader.has_focus
        assert app.screen.query_one(Library).render_line(1).text.startswith("  ")  # the unread dot is gone
    assert get_article(seeded_db, first.id).read


async def test_the_reading_position_is_saved_and_the_article_reopens_there(seeded_db, db_path):
    first = list_articles(seeded_db)[0]
    async with reading_first_article(db_path) as (app, pilot):
        await pilot.press("down", "down", "down")
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        offset = app.screen.query_one(Reader).cursor_offset
    assert offset > 0
    assert get_article(seeded_db, first.id).position == offset

    async with reading_first_article(db_path) as (app, pilot):
        assert app.screen.query_one(Reader).cursor_offset == offset


async def test_quitting_right_after_a_move_still_saves_the_position(seeded_db, db_path):
    first = list_articles(seeded_db)[0]
    async with reading_first_article(db_path) as (app, pilot):
        await pilot.press("down", "down")
        offset = app.screen.query_one(Reader).cursor_offset
        await pilot.press("ctrl+q")
    assert get_article(seeded_db, first.id).position == offset


async def test_help_lists_the_active_keymap_by_scope(seeded_db, db_path):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            tables = {static.content.title: static.content for static in app.screen.query(".help-scope")}
            assert {"Everywhere", "Library (the article list)", "Reader", "Tag dialog", "Tags screen"} <= set(tables)
            assert "Tagdialog" not in tables
            library_ids = list(tables["Library (the article list)"].columns[2].cells)
            assert "library.sort" in library_ids and "reader.next-entity" not in library_ids
            assert "s" in list(tables["Library (the article list)"].columns[0].cells)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)


async def test_the_inspector_hides_on_narrow_terminals_and_keys_toggle_each_pane(seeded_db, db_path):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert not screen.query_one(Inspector).display
        await pilot.press("f3")
        assert screen.query_one(Inspector).display
        assert not screen.query_one("#library-pane").display  # too narrow for both side panes
        await pilot.press("f2")
        await pilot.pause()
        assert screen.query_one("#library-pane").display and not screen.query_one(Inspector).display
        assert screen.query_one(Library).has_focus
        await pilot.press("f2")
        await pilot.pause()
        assert not screen.query_one("#library-pane").display
        assert screen.query_one(Reader).has_focus
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        inspector = app.screen.query_one(Inspector)
        assert not inspector.display  # nothing to inspect yet: the library has the room
        wide = app.screen.query_one("#library-pane").size.width
        await pilot.press("enter")
        await settle(app, pilot)
        assert inspector.display and inspector.size.width > 0
        assert app.screen.query_one("#library-pane").size.width < wide  # the reader gets the room


async def test_the_library_shows_the_first_page_read_before_the_app_started(seeded_db, db_path):
    app = build_app(db_path)
    assert [a.id for a in app.first_page] == [a.id for a in list_articles(seeded_db)]
    async with app.run_test(size=(120, 40)) as pilot:
        library = app.screen.query_one(Library)
        assert [library.articles[i].id for i in library.view_rows] == [a.id for a in app.first_page]
        assert not [w for w in app.workers if w.group == "library-load"]  # no second read for a short library
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.sub_title.startswith(f"{len(app.first_page)} articles")  # counted once the rows are up


async def test_quitting_at_the_first_frame_leaves_no_error(seeded_db, db_path):
    """The footer and the inspector's tabs are mounted one frame after the library: not when the app is gone."""

    class QuitsAtFirstFrame(BroadsheetApp):
        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                self.exit()

    app = build_app(db_path, app_class=QuitsAtFirstFrame)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_lists_every_action_of_the_screen_with_its_key(seeded_db, db_path):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        commands = {command.title: command.help for command in app.get_system_commands(app.screen)}
        assert commands["Sort library"] == "s · library.sort"
        assert "reader.next-entity" in commands["Next entity"]
        assert commands["Open Ledger (figures)"] == "L · main.ledger"
        assert "Search quotes and sentences (all articles)" in commands
        assert {"Theme", "Toggle theme (light/dark)"} <= set(commands)
        # moving about and closing are keys, not commands
        assert not {"Down", "Up", "Bottom", "Top", "Back", "Page down", "Select word+"} & set(commands)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


def test_every_palette_command_names_a_binding_that_exists():
    from tui.commands import PALETTE_TITLES
    from tui.keymap import collect_bindings

    assert set(PALETTE_TITLES) <= set(collect_bindings())


async def test_typing_a_command_name_in_the_palette_runs_it(seeded_db, db_path):
    from tui.screens.ledger import LedgerScreen

    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open ledger")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, LedgerScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"toggle theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.theme == "textual-light"


@pytest.mark.parametrize(
    ("binding_id", "done"),
    [
        ("library.sort", lambda app: app.screen.query_one(Library).sort == "title"),  # on its widget
        ("app.help", lambda app: isinstance(app.screen, HelpScreen)),  # the app's own: not a widget
    ],
)
async def test_a_palette_command_runs_its_action_where_it_is_bound(seeded_db, db_path, binding_id, done):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        command = next(c for c in app.get_system_commands(app.screen) if c.help.endswith(binding_id))
        await command.callback()
        await settle(app, pilot)
        assert done(app)


async def test_the_vim_keymap_moves_the_library_with_j_and_k(seeded_db, db_path):
    ids = [a.id for a in list_articles(seeded_db)]
    app = BroadsheetApp(db_path, keymap_name="vim")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        library = app.screen.query_one(Library)
        await pilot.press("j", "j", "k")
        assert library.current_article_id == ids[1]
        await pilot.press("G")
        assert library.current_article_id == ids[-1]


async def test_toggling_the_read_mark_is_stored(seeded_db, db_path):
    first = list_articles(seeded_db)[0]
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
    assert get_article(seeded_db, first.id).read


def test_counts_line_names_the_layers_that_exist():
    assert counts_line({"articles": 1200, "sentences": 9}) == "1,200 articles"
    assert counts_line({"articles": 5, "entities": 80, "annotations": 2}) == "5 articles · 80 entities · 2 annotations"
    assert counts_line({"articles": 1, "entities": 1, "annotations": 1}) == "1 article · 1 entity · 1 annotation"


async def test_slash_opens_search_and_a_result_opens_its_article_at_the_match(seeded_db, db_path):
    from tui.screens.search import SearchScreen

    target = list_articles(seeded_db)[2]
    article = get_article(seeded_db, target.id)
    start, end = article.sentences[3]
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        main = app.screen
        main._open_result((target.id, start, end))
        await settle(app, pilot)
        reader = main.query_one(Reader)
        assert reader.article.id == target.id
        assert reader.selection[0] <= start < reader.selection[1]


async def test_while_search_is_open_the_footer_shows_its_keys_not_the_librarys(seeded_db, db_path):
    from textual.widgets._footer import FooterKey

    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        shown = {key.description for key in app.screen.query(FooterKey) if key.region.y == 39}
        assert {"Back", "Open"} <= shown
        assert not {"Sort", "Read/unread", "Filter"} & shown


async def test_t_never_filters_from_the_library_and_tags_once_an_article_is_open(seeded_db, db_path):
    from textual.widgets import Input

    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#library-filter", Input).value == ""
        await pilot.press("escape", "enter")
        await settle(app, pilot)
        assert "t" in app.screen.active_bindings  # the reader has an article: t tags the selection


async def test_t_tags_the_selection_and_u_undoes_edits_step_by_step(seeded_db, db_path):
    from store.annotations import annotations_for_article
    from tui.screens.tag_dialog import TagDialog

    first = list_articles(seeded_db)[0]
    async with reading_first_article(db_path) as (app, pilot):
        await pilot.press("down", "t")
        await settle(app, pilot)
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"markets", "enter", "ctrl+s")
        await settle(app, pilot)
        saved = annotations_for_article(seeded_db, first.id)
        assert [record.tags for record in saved] == [("markets",)]
        main = app.screen
        assert main.query_one(Reader).annotations_at(saved[0].start)  # drawn in the reader
        assert main.query_one(Library).articles[0].annotations == 1  # counted in the library
        assert app.sub_title.endswith(" · 1 annotation")

        await pilot.press("t")  # the same sentence: the dialog edits the annotation and can delete it
        await settle(app, pilot)
        await pilot.click("#tag-delete")
        await settle(app, pilot)
        assert annotations_for_article(seeded_db, first.id) == []
        await pilot.press("u")  # undo the delete
        await settle(app, pilot)
        assert [record.tags for record in annotations_for_article(seeded_db, first.id)] == [("markets",)]
        await pilot.press("u")  # undo the creation
        await settle(app, pilot)
        assert annotations_for_article(seeded_db, first.id) == []
        assert not main.query_one(Reader).annotations_at(saved[0].start)
        await pilot.press("u")
        await settle(app, pilot)
        assert "Nothing to undo" in messages(app)


async def test_capital_t_o_l_open_the_tags_orphans_and_ledger_screens(seeded_db, db_path):
    async with reading_first_article(db_path) as (app, pilot):
        for key, name in (("T", "TagsScreen"), ("O", "OrphansScreen"), ("L", "LedgerScreen")):
            await pilot.press(key)
            await settle(app, pilot)
            assert type(app.screen).__name__ == name
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, MainScreen)


async def test_the_figures_tab_names_what_each_figure_is_about(seeded_db, db_path):
    from textual.widgets import DataTable

    article = next(a for a in list_articles(seeded_db) if "$5.6 billion" in get_article(seeded_db, a.id).text)
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        app.screen.open_article(article.id)
        await settle(app, pilot)
        table = app.screen.query_one("#inspector-figures-table", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert ["$5.6 billion", "DeepSeek · training cost"] in [[row[1], row[2]] for row in rows]


async def test_a_write_the_database_refuses_is_one_notification_and_the_app_goes_on(seeded_db, db_path, monkeypatch):
    from store.db import DatabaseError

    def refuse(*args, **kwargs):
        raise DatabaseError(f"{db_path}: cannot write (disk I/O error); the unfinished change was rolled back")

    monkeypatch.setattr("tui.screens.main.mark_read", refuse)
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert any("cannot write" in n.message and n.severity == "error" for n in raised(app))
        await pilot.press("down")
        assert app.screen.query_one(Library).cursor == 1  # still answering keys


async def test_the_main_screen_is_never_popped(seeded_db, db_path):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.pop_screen()
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
