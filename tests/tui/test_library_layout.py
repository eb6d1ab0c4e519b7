"""The library's columns in the whole app: fixed by the width alone, titles given the room, missing values said."""

from __future__ import annotations

import pytest

from store.articles import list_articles
from tests.tui.screen_host import settle
from tui.app import BroadsheetApp
from tui.library_columns import columns_for
from tui.widgets.library import Library


def test_the_columns_fill_the_width_and_the_title_keeps_more_than_half():
    for width in range(20, 201):
        columns = dict(columns_for(width))
        assert sum(columns.values()) == width
        assert columns["title"] >= min(width - 2, max(20, width // 2))
    assert list(dict(columns_for(120))) == ["mark", "title", "source", "date", "words", "notes"]
    assert list(dict(columns_for(30))) == ["mark", "title"]


def lines(library: Library) -> list[str]:
    return [library.render_line(y).text for y in range(len(library.view_rows) + 1)]


async def library_lines(db_path, width: int, height: int) -> list[str]:
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(width, height)) as pilot:
        await settle(app, pilot)
        return lines(app.screen.query_one(Library))


# Cells of the title shown at each terminal size while no article is open (the issue measured 14 and ~45).
TITLE_ROOM = {(80, 24): 24, (120, 40): 48, (200, 60): 70}


@pytest.mark.parametrize("size", list(TITLE_ROOM))
async def test_columns_do_not_move_when_dates_and_sources_arrive_and_titles_get_the_room(seeded_db, db_path, size):
    articles = list_articles(seeded_db)
    undated = await library_lines(db_path, *size)
    header = undated[0]
    # The title runs from after the read mark to the space before the next column (source, else date).
    title_cells = min(header.index(label) for label in ("Source", "Date", "Words") if label in header) - 3
    assert title_cells >= TITLE_ROOM[size]
    assert all("no date" in row for row in undated[1:])  # said, not left blank
    for article, row in zip(articles, undated[1:], strict=True):
        shown = row[2:2 + title_cells].rstrip(" …")
        assert shown and article.title.startswith(shown) and len(shown) >= min(len(article.title), title_cells - 2)

    dated = articles[-1]
    seeded_db.execute("UPDATE articles SET published = '2026-01-29T08:00:00', source = 'Reuters' WHERE id = ?",
                      [dated.id])
    seeded_db.conn.commit()
    with_dates = await library_lines(db_path, *size)
    assert with_dates[0] == header  # the same columns, at the same places
    row = next(line for line in with_dates[1:] if "2026-01-29" in line)
    date_at = header.index("Date")
    assert row[date_at:date_at + 10] == "2026-01-29" and row[date_at - 1] == " "  # never glued to the title
    for label in ("Words", "✎", "Source"):
        if label in header:
            assert label in with_dates[0]
    if "Source" in header:
        source_at = header.index("Source")
        assert row[source_at:source_at + 7] == "Reuters"
        assert all(line[source_at:source_at + 9] == "no source" for line in with_dates[1:] if line is not row)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_inspector_waits_for_an_article_and_the_readers_hint_is_wrapped_not_cut(seeded_db, db_path, size):
    from tui.widgets.inspector import Inspector
    from tui.widgets.reader import EMPTY_HINT, Reader

    app = BroadsheetApp(db_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        assert not app.screen.query_one(Inspector).display  # no empty pane at start
        reader = app.screen.query_one(Reader)
        shown = [reader.render_line(y).text.strip() for y in range(reader.size.height)]
        assert " ".join(line for line in shown if line) == EMPTY_HINT
        assert all(len(line) <= reader.size.width for line in shown)


async def test_angle_brackets_resize_the_library_and_the_width_is_kept_for_the_next_run(seeded_db, db_path):
    from tui.settings import load_settings

    async def widths(keys_browsing, keys_reading):
        app = BroadsheetApp(db_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            pane = app.screen.query_one("#library-pane")
            browsing = [pane.size.width]
            for key in keys_browsing:
                await pilot.press(key)
                await settle(app, pilot)
                browsing.append(pane.size.width)
            await pilot.press("enter")
            await settle(app, pilot)
            reading = [pane.size.width]
            for key in keys_reading:
                await pilot.press(key)
                await settle(app, pilot)
                reading.append(pane.size.width)
            return browsing, reading

    browsing, reading = await widths(["greater_than_sign", "greater_than_sign"], ["less_than_sign", "ctrl+left"])
    assert browsing[0] < browsing[1] < browsing[2]  # wider while browsing
    assert reading[0] > reading[1] > reading[2]  # narrower while reading (ctrl+left too)
    assert load_settings().keys() >= {"library_share_browsing", "library_share_reading"}
    again_browsing, again_reading = await widths([], [])
    assert again_browsing == browsing[-1:] and again_reading == reading[-1:]  # remembered, each for its state
