"""An article edited after it was tagged, in the app: "revised" in the reader's metadata line, the diff screen
(D), and the note whose figure changed flagged in the Notes tab and on the Orphans screen."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from store.annotations import create_annotation
from store.db import open_db
from store.importer import import_paths
from tests.tui.screen_host import reading_first_article, settle
from tui.screens.main import MainScreen
from tui.screens.orphans import OrphansScreen
from tui.screens.revisions import RevisionDiffScreen
from tui.widgets.reader import Reader

BEFORE = (
    "Chip Stocks Fall Sharply\n"
    "Nvidia fell 17% on Monday, wiping $593 billion off its market value in a single session.\n"
    "Analysts said demand for its processors remained strong.\n"
)
AFTER = (
    "Chip Stocks Fall Sharply\n"
    "Nvidia fell 17% on Monday, wiping $539 billion off its market value in a single session.\n"
    "Analysts said demand for its processors remained very strong.\n"
)
QUOTE = "wiping $593 billion off its market value"


@pytest.fixture
def edited_db(db_path, tmp_path):
    """One article, tagged on a figure, then re-imported with that figure edited."""
    db = open_db(db_path)
    path = tmp_path / "chips.txt"
    path.write_text(BEFORE, encoding="utf-8")
    import_paths(db, [path])
    text = db.execute("SELECT text FROM articles").fetchone()[0]
    start = text.index(QUOTE)
    create_annotation(db, 1, start, start + len(QUOTE), ["loss"], "the biggest one-day loss")
    path.write_text(AFTER, encoding="utf-8")
    import_paths(db, [path])
    db.close()
    return db_path


def reader_lines(reader: Reader, count: int = 6) -> list[str]:
    return [reader.render_line(y).text for y in range(count)]


async def test_the_metadata_line_says_the_article_was_revised(edited_db):
    async with reading_first_article(edited_db, size=(140, 40)) as (app, pilot):
        reader = app.screen.query_one(Reader)
        assert reader.article is not None and reader.article.revisions == 2
        assert any("revised once" in line for line in reader_lines(reader))


async def test_an_article_never_edited_says_nothing_about_revisions(db_path, tmp_path):
    db = open_db(db_path)
    (tmp_path / "chips.txt").write_text(BEFORE, encoding="utf-8")
    import_paths(db, [tmp_path / "chips.txt"])
    db.close()
    async with reading_first_article(db_path, size=(140, 40)) as (app, pilot):
        lines = reader_lines(app.screen.query_one(Reader))
        assert any("words" in line for line in lines) and not any("revised" in line for line in lines)


async def test_d_opens_the_diff_with_added_and_removed_words_coloured(edited_db):
    async with reading_first_article(edited_db, size=(140, 40)) as (app, pilot):
        await pilot.press("D")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RevisionDiffScreen)
        summary = str(screen.query_one("#diff-summary", Static).render())
        assert summary == "Revision 1 → 2 of 2: 2 words added, 1 removed"
        body = screen.query_one("#diff-body", Static).render()
        styled = {body.plain[span.start : span.end]: set(str(span.style).split()) for span in body.spans}
        assert set(styled) == {"$593 ", "$539", "very"}
        assert {"strike"} < styled["$593 "] and any("red" in part for part in styled["$593 "])
        for added in ("$539", "very"):
            assert "strike" not in styled[added] and any("green" in part for part in styled[added])
        assert "wiping $593 $539 billion off" in body.plain
        assert "Chip Stocks Fall Sharply" not in body.plain  # unchanged paragraphs are left out
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)


async def test_the_notes_tab_flags_the_note_whose_figure_changed(edited_db):
    async with reading_first_article(edited_db, size=(140, 40)) as (app, pilot):
        table = app.screen.query_one("#inspector-annotations-table", DataTable)
        [row] = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert row[0] == "#loss"
        assert row[2] == "⚠ figure changed: " + QUOTE


async def test_the_orphans_screen_lists_the_note_whose_figure_changed_and_opens_it(edited_db):
    async with reading_first_article(edited_db, size=(140, 40)) as (app, pilot):
        await pilot.press("O")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, OrphansScreen)
        table = screen.query_one(DataTable)
        [row] = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert row[0] == QUOTE and row[-1] == "figure changed"
        assert "has another value in the article now" in str(screen.query_one("#orphan-quote", Static).render())
        await pilot.press("o")
        await settle(app, pilot)
        reader = app.screen.query_one(Reader)
        start, end = reader.selection
        assert reader.article.text[start:end] == "wiping $539 billion off its market value"
