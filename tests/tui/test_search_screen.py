"""The search overlay in a tiny host app: results as you type, Enter returns the hit, stale ones never show."""

from __future__ import annotations

import re

import pytest
from textual import events
from textual.widgets import Input, OptionList

from store.db import open_db
from store.search import normalize, record_query
from tests.conftest import copy_of
from tests.tui.screen_host import ScreenHost, settle
from tui.screens.search import SearchScreen


@pytest.fixture
def db_file(seeded_template, tmp_path):
    return copy_of(seeded_template, tmp_path / "search.db")


def host(path) -> ScreenHost:
    return ScreenHost(lambda: SearchScreen(path))


async def results_for(pilot, query: str) -> list[str]:
    """Wait until the rows painted belong to ``query``; their texts."""
    screen = pilot.app.screen
    for _ in range(200):
        await pilot.pause(0.02)
        if screen.painted_query == query:
            break
    assert screen.painted_query == query
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_a_misspelt_query_shows_the_sentence_and_enter_returns_it(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"sel frist thnik latr")
        rows = await results_for(pilot, "sel frist thnik latr")
        assert "sell first, think later" in rows[0]
        await pilot.press("enter")
        await pilot.pause()
    hit = app.results[0]
    assert "sell first, think later" in hit.text
    assert rows[0].splitlines()[-1] == hit.title  # the article under the sentence (the seeds name no source)
    db = open_db(db_file)
    text = db.execute("SELECT text FROM articles WHERE id = ?", [hit.article_id]).fetchone()[0]
    assert text[hit.start : hit.end] == hit.text
    assert [row[0] for row in db.execute("SELECT query FROM search_history")] == ["sel frist thnik latr"]


async def test_matched_words_are_highlighted(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"capitl expendture")
        await results_for(pilot, "capitl expendture")
        prompt = app.screen.query_one(OptionList).get_option_at_index(0).prompt
        styled = {normalize(prompt.plain[span.start : span.end]) for span in prompt.spans
                  if "reverse" in str(span.style)}
        assert {"capital", "expenditure"} <= styled


async def test_typing_fast_paints_only_the_final_querys_results(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"bitcoin", *["backspace"] * 7, *"respite amid")
        rows = await results_for(pilot, "respite amid")
        assert rows and all("bitcoin" not in normalize(row.splitlines()[0]) for row in rows)
        assert app.screen.hits[0].text_matches


async def test_down_then_enter_returns_the_second_hit_and_escape_returns_none(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"nvidia")
        await results_for(pilot, "nvidia")
        second = app.screen.hits[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.results == [second]
        app.push_screen(SearchScreen(db_file), app.results.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [second, None]


async def test_recent_queries_show_when_the_input_is_empty(db_file):
    db = open_db(db_file)
    record_query(db, "older query")
    record_query(db, "newest query")
    db.close()
    app = host(db_file)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = await results_for(pilot, "")
        assert rows == ["newest query", "older query"]
        await pilot.press("enter")
        assert app.screen.query_one(Input).value == "newest query"
        await results_for(pilot, "newest query")


async def test_a_rule_separates_each_result_from_the_next(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"investors")
        rows = await results_for(pilot, "investors")
        assert len(rows) >= 3
        options = app.screen.query_one(OptionList)
        lines = [options.render_line(y).text.strip() for y in range(options.size.height)]
        rules = [y for y, line in enumerate(lines) if line and set(line) <= {"─", "━", "╌", "-"}]
        titles = {row.splitlines()[-1] for row in rows}
        assert len(rules) >= 2
        # Each rule sits right under a result's title line (the end of a long title, wrapped).
        assert all(lines[y - 1] and any(title.endswith(lines[y - 1]) for title in titles) for y in rules)


async def test_results_typed_in_a_burst_each_sit_between_rules_whole(db_file):
    """The query typed faster than the app paints (a fast typist, a paste): the list fills from a few rows to
    more than fit, and its scrollbar appears. Each result still shows whole between two rules — its text and
    title, no more: the rows were once laid out for the width without the scrollbar and painted with it, so a
    result wrapped onto the row of its rule and two results ran together."""
    app = host(db_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await results_for(pilot, "")
        for key in "investors":  # all queued before the screen handles the first
            app.screen.query_one(Input).post_message(events.Key(key, key))
        await results_for(pilot, "investors")
        await settle(app, pilot)
        options = app.screen.query_one(OptionList)
        assert options.max_scroll_y > 0  # more results than fit: the scrollbar shows
        lines = [options.render_line(y).text.strip() for y in range(options.size.height)]
        blocks = re.split("─{20,}", " ".join(lines))
        shown = [" ".join(block.split()) for block in blocks[:-1]]  # the last may run off screen
        expected = [" ".join(f"{hit.text} {hit.title}".split()) for hit in app.screen.hits]
        assert len(shown) >= 2 and shown == expected[: len(shown)]
