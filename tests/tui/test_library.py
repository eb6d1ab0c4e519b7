"""The library list: columns, the fuzzy filter index, and the widget driven by keys on a real database."""

from __future__ import annotations

from textual.app import App, ComposeResult

from store.articles import list_articles
from tests.tui.screen_host import settle
from tui.library_columns import columns_for, fit
from tui.library_index import LibraryIndex, normalise
from tui.widgets.library import Library, LibraryFilter, LibraryPane


def test_fit_cuts_with_an_ellipsis_and_pads_to_the_cell_width():
    assert fit("Broadsheet", 6) == "Broad…"
    assert fit("ab", 4) == "ab  "
    assert fit("42", 4, "right") == "  42"
    assert fit("東京の株価", 5) == "東京…"  # two cells per character


def test_narrow_lists_keep_the_title_and_wide_ones_show_every_column():
    assert [name for name, _ in columns_for(28)] == ["mark", "title"]
    assert [name for name, _ in columns_for(36)] == ["mark", "title", "date"]
    assert [name for name, _ in columns_for(100)] == ["mark", "title", "source", "date", "words", "notes"]


TITLES = [
    "NVIDIA shares fall as AI spending worries grow Reuters",
    "Amazon raises capital expenditure to $200 billion Bloomberg",
    "Apple’s cautious AI strategy wins over investors Reuters",
    "Nikkei slides as chip stocks tumble Nikkei Asia",
]


def test_filter_matches_word_prefixes_and_typos_strong_matches_first():
    index = LibraryIndex(TITLES)
    order = [3, 2, 1, 0]
    assert index.filter_order("nvid", order) == [0]
    assert index.filter_order("nvdia", order) == [0]  # one letter dropped
    assert index.filter_order("reuters ai", order) == [2, 0]  # every word must match; kept in the given order
    assert index.filter_order("apple's", order) == [2]  # curly and straight apostrophes alike
    assert index.filter_order("", order) is None
    assert index.filter_order("zzzz", order) == []
    # "nikkei" matches two titles by prefix; "nikei" only by typo tolerance — the exact one is not demoted.
    assert index.filter_order("nikkei", order) == [3]


def test_short_words_are_plain_substrings():
    index = LibraryIndex(TITLES)
    assert index.filter_order("ai", [0, 1, 2, 3]) == [0, 1, 2]  # "ai" inside "raises" too
    assert normalise("  Apple’s  AI ") == "apple's ai"


class LibraryApp(App):
    def __init__(self, db_path):
        super().__init__()
        self.db_path = db_path
        self.opened: list[int] = []
        self.loaded: list[tuple[int, bool]] = []

    def compose(self) -> ComposeResult:
        yield LibraryPane(id="library-pane")

    def on_mount(self) -> None:
        self.query_one(Library).focus()
        self.query_one(Library).load(self.db_path)

    def on_library_open(self, message: Library.Open) -> None:
        self.opened.append(message.article_id)

    def on_library_loaded(self, message: Library.Loaded) -> None:
        self.loaded.append((message.count, message.complete))


def screen_rows(library: Library) -> list[str]:
    return [library.render_line(y).text for y in range(len(library.view_rows) + 1)]


async def test_every_article_is_listed_with_its_unread_mark(seeded_db, db_path):
    app = LibraryApp(db_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        library = app.query_one(Library)
        titles = [a.title for a in list_articles(seeded_db)]
        rows = screen_rows(library)
        assert "Title" in rows[0] and "Words" in rows[0]
        assert "Source" in rows[0] and all("no source" in row for row in rows[1:])  # none has a source
        assert app.loaded[-1] == (len(titles), True)
        for title, row in zip(titles, rows[1:], strict=False):
            assert row.startswith("● ") and row[2:20] == title[:18]
        assert f"Library {len(titles)}" in app.query_one(LibraryPane).border_title


async def test_arrows_and_enter_open_the_highlighted_article(seeded_db, db_path):
    app = LibraryApp(db_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "up", "enter")
        assert app.opened == [list_articles(seeded_db)[1].id]
        await pilot.press("end", "enter", "home", "enter")
        ids = [a.id for a in list_articles(seeded_db)]
        assert app.opened[1:] == [ids[-1], ids[0]]


async def test_f_then_typing_filters_and_escape_clears(seeded_db, db_path):
    app = LibraryApp(db_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        library = app.query_one(Library)
        everything = len(library.view_rows)
        word = list_articles(seeded_db)[2].title.split()[0]
        await pilot.press("f", *word.lower())
        await settle(app, pilot)
        assert app.query_one(LibraryFilter).value == word.lower()
        assert 0 < len(library.view_rows) < everything
        assert all(word.lower() in normalise(library.article_at(i).title) for i in range(len(library.view_rows)))
        assert "of" in app.query_one(LibraryPane).border_title
        await pilot.press("enter")  # opens the first match
        await pilot.pause()
        assert app.opened == [library.article_at(0).id]
        await pilot.press("f", "escape")
        await settle(app, pilot)
        assert app.query_one(LibraryFilter).value == "" and len(library.view_rows) == everything
        assert library.has_focus


async def test_sort_cycles_date_title_source(seeded_db, db_path):
    app = LibraryApp(db_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        library = app.query_one(Library)
        await pilot.press("s")
        await settle(app, pilot)
        assert library.sort == "title"
        titles = [library.article_at(i).title.casefold() for i in range(len(library.view_rows))]
        assert titles == sorted(titles)
        assert "Title ▼" in library.render_line(0).text
        await pilot.press("s", "s")
        await settle(app, pilot)
        assert library.sort == "date"


async def test_m_flips_the_read_mark(seeded_db, db_path):
    app = LibraryApp(db_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        library = app.query_one(Library)
        await pilot.press("m")
        assert library.render_line(1).text.startswith("  ")
        await pilot.press("m")
        assert library.render_line(1).text.startswith("● ")


async def test_only_the_rows_on_screen_are_rendered_and_the_cursor_scrolls_into_view(seeded_db, db_path):
    app = LibraryApp(db_path)
    async with app.run_test(size=(100, 5)) as pilot:
        await settle(app, pilot)
        library = app.query_one(Library)
        await pilot.press("end")
        await pilot.pause()
        assert library.scroll_offset.y > 0
        last = library.article_at(len(library.view_rows) - 1).title
        assert any(last[:15] in library.render_line(y).text for y in range(1, library.rows_on_screen + 1))


async def test_a_click_selects_a_row_and_a_double_click_opens_it(seeded_db, db_path):
    ids = [a.id for a in list_articles(seeded_db)]
    app = LibraryApp(db_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        library = app.query_one(Library)
        await pilot.click(Library, offset=(5, 3))  # line 0 is the header: line 3 is the third article
        assert library.current_article_id == ids[2] and app.opened == []
        await pilot.click(Library, offset=(5, 2), times=2)
        await pilot.pause()
        assert app.opened == [ids[1]]


async def test_page_keys_move_a_screenful_and_down_leaves_the_filter_box(seeded_db, db_path):
    app = LibraryApp(db_path)
    async with app.run_test(size=(100, 6)) as pilot:
        await settle(app, pilot)
        library = app.query_one(Library)
        page = library.rows_on_screen
        await pilot.press("pagedown")
        assert library.cursor == min(page, len(library.view_rows) - 1)
        await pilot.press("pageup")
        assert library.cursor == 0
        await pilot.press("f")
        assert app.query_one(LibraryFilter).has_focus
        await pilot.press("down")
        assert library.has_focus


def test_few_matches_among_many_titles_keep_the_given_order():
    titles = [f"Filler headline number {n}" for n in range(200)]
    titles[150] = "Copper prices jump"
    titles[20] = "Copper mines reopen"
    index = LibraryIndex(titles)
    order = list(range(199, -1, -1))  # newest first, say
    assert index.filter_order("copper", order) == [150, 20]
    assert index.filter_order("copper", list(range(200))) == [20, 150]
    assert index.filter_order("co", order)[:2] == [150, 20]  # a substring scan, same order
