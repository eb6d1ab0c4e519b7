"""The Ledger screen on the sample articles: conflicts first, open a value, tag a conflict, speakers."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Tree

from store.annotations import list_annotations
from store.articles import get_article
from store.db import open_db
from tests.tui.notices import messages
from tests.tui.screen_host import ScreenHost, settle
from tui.screens.ledger import LedgerScreen


@pytest.fixture
def seeded_path(seeded_db, db_path):
    return db_path


def host(path) -> ScreenHost:
    return ScreenHost(lambda: LedgerScreen(path))


def metric_nodes(app):
    tree = app.screen.query_one("#ledger-tree", Tree)
    return [metric for subject in tree.root.children for metric in subject.children]


async def test_conflicts_come_first_and_enter_on_a_value_opens_its_sentence(seeded_path):
    app = host(seeded_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        metrics = metric_nodes(app)
        order = ["conflict", "corroborated", "reported"].index
        tree = app.screen.query_one("#ledger-tree", Tree)
        best = [min(order(m.data.status) for m in subject.children) for subject in tree.root.children]
        assert best[:2] == [0, 0] and best == sorted(best)  # subjects with a conflict come first
        deepseek = next(node for node in metrics if node.data.metric == "training cost"
                        and "deepseek" in node.data.subject_entity)
        assert "conflict" in str(deepseek.label)
        value = deepseek.children[0]
        db = open_db(seeded_path)
        title = get_article(db, value.data.article_id).title
        db.close()
        assert title[:20] in str(value.label)  # each value names its article by title, not file name
        tree.focus()
        tree.move_cursor(value)
        await pilot.press("enter")
        await pilot.pause()
    [result] = app.results
    assert result == (value.data.article_id, value.data.start, value.data.end)


async def test_the_ledger_opens_focused_on_its_tree_so_down_moves_through_it(seeded_path):
    app = host(seeded_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        tree = app.screen.query_one("#ledger-tree", Tree)
        assert app.focused is tree
        first = tree.cursor_line
        await pilot.press("down", "down")
        assert tree.cursor_line == first + 2
        await pilot.press("s")  # the Speakers tab takes the focus to its table, and l brings it back
        assert app.focused is app.screen.query_one("#speakers", DataTable)
        await pilot.press("l")
        assert app.focused is tree


async def test_a_on_a_conflict_asks_then_tags_each_of_its_sentences_disputed(seeded_path):
    from tui.screens.tags import ConfirmDialog

    def disputed() -> list:
        db = open_db(seeded_path)
        try:
            return list_annotations(db, tag="disputed")
        finally:
            db.close()

    app = host(seeded_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        conflict = next(node for node in metric_nodes(app) if node.data.status == "conflict")
        tree = app.screen.query_one("#ledger-tree", Tree)
        tree.move_cursor(conflict)
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        count = len(conflict.data.values)
        assert f"Tag {count} sentences #disputed" in str(app.screen.query_one("Label").render())
        await pilot.press("n")  # no: nothing is written
        await settle(app, pilot)
        assert not isinstance(app.screen, ConfirmDialog) and disputed() == []
        await pilot.press("a", "y")
        await settle(app, pilot)
        assert f"Tagged {count} sentences #disputed — u undoes it" in messages(app)
        tagged = disputed()
        assert len(tagged) == len(conflict.data.values)
        assert {a.exact for a in tagged} == {v.sentence for v in conflict.data.values}
        await pilot.press("u")  # one undo takes back the whole batch
        await settle(app, pilot)
        assert disputed() == []
        assert f"Undone: {count} new annotations (#disputed)" in messages(app)
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert {a.exact for a in disputed()} == {v.sentence for v in conflict.data.values}


async def test_speakers_tab_lists_everyone_quoted_and_opens_a_quote(seeded_path):
    app = host(seeded_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        speakers = app.screen.query_one("#speakers", DataTable)
        names = [str(speakers.get_row_at(i)[0]) for i in range(speakers.row_count)]
        assert "David Bahnsen" in names and "Mamta Valechha" in names
        speakers.focus()
        speakers.move_cursor(row=names.index("Angelo Zino"))  # two quotes, each with its own attribution
        await settle(app, pilot)
        quotes = app.screen.query_one("#speaker-quotes", DataTable)
        assert quotes.row_count == 2
        quotes.focus()
        await pilot.press("enter")
        await pilot.pause()
    [(article_id, start, end)] = app.results
    assert end > start


async def test_each_group_shows_its_status_period_and_scope_and_the_highlight_says_why(seeded_path):
    app = host(seeded_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        metrics = metric_nodes(app)
        capex = next(node for node in metrics if node.data.status == "conflict"
                     and node.data.metric == "capital expenditure")
        assert "target · 2026" in str(capex.label)  # stated as a plan, for 2026
        amazon = next(node for node in metrics if node.data.status == "corroborated"
                      and node.data.subject_entity == "amazon" and node.data.metric == "capital expenditure")
        assert "forecast" in str(amazon.label)
        tree = app.screen.query_one("#ledger-tree", Tree)
        tree.focus()
        tree.move_cursor(capex)
        await pilot.pause()
        reason = str(app.screen.query_one("#ledger-reason").render())
        assert "cannot both be true" in reason and "$650 billion" in reason
        tree.move_cursor(capex.children[1])  # a value: its group's reason stays on show
        await pilot.pause()
        assert "cannot both be true" in str(app.screen.query_one("#ledger-reason").render())
        tree.move_cursor(amazon)
        await pilot.pause()
        assert "agree on $200 billion" in str(app.screen.query_one("#ledger-reason").render())


async def test_the_reason_names_articles_by_title_and_periods_read_as_dates(seeded_path):
    app = host(seeded_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        metrics = metric_nodes(app)
        deepseek = next(node for node in metrics if node.data.metric == "training cost")
        tree = app.screen.query_one("#ledger-tree", Tree)
        tree.focus()
        tree.move_cursor(deepseek)
        await pilot.pause()
        reason = str(app.screen.query_one("#ledger-reason").render())
        assert "cannot both be true" in reason and ".txt" not in reason
        assert "#4 “Tech Stocks See Respite Amid AI Sell-Off”" in reason
        labels = [str(value.label) for metric in metrics for value in metric.children]
        assert any("(6 Feb)" in label for label in labels)  # "February 6" in an undated article
        assert not any("(--" in label for label in labels)


async def test_a_highlighted_value_shows_its_whole_sentence_and_article_on_screen_at_80_columns(seeded_path):
    app = host(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        tree = app.screen.query_one("#ledger-tree", Tree)
        value = next(metric.children[0] for metric in metric_nodes(app) if metric.children)
        tree.move_cursor(value)
        await pilot.pause()
        reason = app.screen.query_one("#ledger-reason")
        shown = " ".join(str(reason.render()).split())
        assert " ".join(value.data.sentence.split()) in shown
        db = open_db(seeded_path)
        title = get_article(db, value.data.article_id).title
        db.close()
        assert title in shown
        assert reason.region.height >= 2 and reason.region.bottom <= app.screen.region.bottom


async def test_the_reason_of_the_first_group_shows_as_soon_as_the_ledger_opens(seeded_path):
    app = host(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        tree = app.screen.query_one("#ledger-tree", Tree)
        first = metric_nodes(app)[0]
        assert tree.cursor_node is first and first.data.status == "conflict"
        reason = " ".join(str(app.screen.query_one("#ledger-reason").render()).split())
        assert reason.startswith(f"{first.data.subject} · {first.data.metric}: ")
        assert "cannot both be true" in reason
