"""ctrl+f: the one-line find bar under the reader keeps the article in view; ↓/↑ step, Enter keeps, Esc goes back."""

from __future__ import annotations

import contextlib

from textual.widgets import Input, Static

from store.articles import get_article, list_articles
from tests.tui.notices import raised
from tests.tui.screen_host import settle
from tui.app import BroadsheetApp
from tui.screens.main import MainScreen
from tui.widgets.find_bar import FindBar
from tui.widgets.reader import Reader


def count_text(bar: FindBar) -> str:
    return str(bar.query_one("#find-count", Static).content)


async def wait_for_count(app, pilot, bar: FindBar, expected: str) -> str:
    for _ in range(100):
        await settle(app, pilot)
        if expected in count_text(bar):
            break
    return count_text(bar)


@contextlib.asynccontextmanager
async def reading(db_path, article_id: int, size=(80, 24)):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        app.screen.open_article(article_id)
        await settle(app, pilot)
        yield app, pilot, app.screen.query_one(Reader), app.screen.query_one(FindBar)


def longest(db):
    article = max(list_articles(db), key=lambda a: a.words)
    return article, get_article(db, article.id).text


async def test_the_find_bar_is_one_line_under_the_text_and_steps_through_matches(seeded_db, db_path):
    article, text = longest(seeded_db)
    async with reading(db_path, article.id) as (app, pilot, reader, bar):
        main, height = app.screen, reader.size.height
        assert not bar.display
        await pilot.press("ctrl+f")
        await settle(app, pilot)
        assert app.screen is main and bar.display and bar.size.height == 1
        assert bar.query_one(Input).has_focus
        assert reader.size.height >= height - 1  # the article stays in view
        await pilot.press("A", "I")
        shown = await wait_for_count(app, pilot, bar, "Match 1 of")
        total = int(shown.split("Match 1 of ")[1].split()[0])
        assert total > 2
        first = reader.selection
        assert "ai" in text[slice(*first)].casefold()
        await pilot.press("down")
        assert reader.selection[0] > first[0] and "Match 2 of" in count_text(bar)
        await pilot.press("up")
        assert reader.selection == first and "Match 1 of" in count_text(bar)
        await pilot.press("enter")
        await pilot.pause()
        assert not bar.display and reader.has_focus and reader.selection == first  # Enter keeps the match
        await pilot.press("n")
        assert reader.selection[0] > first[0]
        await pilot.press("N")
        assert reader.selection == first
        assert any(f"of {total}" in n.message for n in raised(app))
        assert isinstance(app.screen, MainScreen)


async def test_the_first_match_is_the_next_one_after_the_cursor(seeded_db, db_path):
    article, text = longest(seeded_db)
    async with reading(db_path, article.id) as (app, pilot, reader, bar):
        await pilot.press(*["down"] * 12)
        here = reader.cursor_offset
        await pilot.press("ctrl+f", "A", "I")
        await wait_for_count(app, pilot, bar, "Match")
        matches = app.screen.find.matches
        expected = next((span for span in matches if span[0] >= here), matches[0])
        assert reader.selection == expected
        assert f"Match {matches.index(expected) + 1} of {len(matches)}" in count_text(bar)


async def test_escape_goes_back_to_where_you_were_and_forgets_the_matches(seeded_db, db_path):
    article, _ = longest(seeded_db)
    async with reading(db_path, article.id) as (app, pilot, reader, bar):
        await pilot.press("down", "down", "down")
        here, shown = reader.cursor_offset, reader.cursor_position
        await pilot.press("ctrl+f", "A", "I")
        await wait_for_count(app, pilot, bar, "Match")
        await pilot.press("down")
        assert reader.cursor_offset != here  # on another match
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display and reader.has_focus
        assert reader.cursor_offset == here and reader.cursor_position == shown
        await pilot.press("n")  # no matches kept: n does nothing
        assert reader.cursor_offset == here


async def test_no_match_is_said_in_the_bar_and_the_reader_stays(seeded_db, db_path):
    article, _ = longest(seeded_db)
    async with reading(db_path, article.id) as (app, pilot, reader, bar):
        here = reader.cursor_offset
        await pilot.press("ctrl+f", *"qqzzxxvv")
        assert "No match" in await wait_for_count(app, pilot, bar, "No match")
        assert reader.cursor_offset == here
        await pilot.press("ctrl+u")  # an emptied query says nothing
        await settle(app, pilot)
        assert count_text(bar) == ""


def test_finding_in_an_article_stays_in_it(seeded_db, db_path):
    from store.search import Searcher
    from tui.screens.main_jobs import find_in_article

    searcher = Searcher(db_path)
    try:
        found = find_in_article(searcher, "nvdia", 3)  # a typo, as in /
    finally:
        searcher.close()
    assert found.hits and {hit.article_id for hit in found.hits} == {3}
