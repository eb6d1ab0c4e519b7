"""The Tags screen in a tiny host app: counts and colours, a tag's annotations, jump, rename, merge, delete."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from store import annotations as store
from tests.annotations.helpers import add_article, annotation_db
from tests.tui.notices import messages
from tests.tui.screen_host import ScreenHost, settle
from tui.screens.tags import ConfirmDialog, PromptDialog, TagsScreen

TEXT = "Alpha rose 5% on Monday. Beta fell 3% on Tuesday. Gamma was flat all week, traders said."


def span(quote: str) -> tuple[int, int]:
    return TEXT.index(quote), TEXT.index(quote) + len(quote)


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "tags.db"
    db = annotation_db(path)
    article = add_article(db, "one.txt", TEXT, title="One")
    store.create_annotation(db, article, *span("Alpha rose 5%"), ["claim", "markets"], "check")
    store.create_annotation(db, article, *span("Beta fell 3%"), ["claim"])
    store.create_annotation(db, article, *span("traders said"), ["sourcing"])
    db.close()
    return path


def host(path) -> ScreenHost:
    return ScreenHost(lambda: TagsScreen(path))


def rows(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def tags_in_db(path) -> list[tuple[str, int]]:
    db = annotation_db(path)
    try:
        return [(t["name"], t["count"]) for t in store.list_tags(db)]
    finally:
        db.close()


async def test_lists_tags_with_counts_and_the_highlighted_tags_annotations(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert rows(app, "#tags-table") == [["■ #claim", "2"], ["■ #markets", "1"], ["■ #sourcing", "1"]]
        assert [row[0] for row in rows(app, "#tag-annotations")] == ["Alpha rose 5%", "Beta fell 3%"]
        await pilot.press("down")
        await settle(app, pilot)
        assert [row[0] for row in rows(app, "#tag-annotations")] == ["Alpha rose 5%"]


async def test_enter_on_an_annotation_returns_where_to_open_it(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # into the annotations of #claim
        await pilot.press("down", "enter")
    assert app.results == [(1, *span("Beta fell 3%"))]


async def test_rename_asks_then_confirms(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press(*["backspace"] * 5, *"assertion", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
        assert rows(app, "#tags-table")[0] == ["■ #assertion", "2"]
    assert tags_in_db(db_file) == [("assertion", 2), ("markets", 1), ("sourcing", 1)]


async def test_merge_and_a_declined_delete(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "m")  # #sourcing into #claim
        await pilot.pause()
        await pilot.press(*"claim", "enter")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert rows(app, "#tags-table") == [["■ #claim", "3"], ["■ #markets", "1"]]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await settle(app, pilot)
    assert tags_in_db(db_file) == [("claim", 3), ("markets", 1)]


async def test_delete_and_colour(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("Input").value = ""
        await pilot.press(*"#ff0000", "enter")
        await settle(app, pilot)
    db = annotation_db(db_file)
    assert [(t["name"], t["color"]) for t in store.list_tags(db)][0] == ("claim", "#ff0000")
    assert [t["name"] for t in store.list_tags(db)] == ["claim", "sourcing"]
    db.close()


async def test_a_colour_can_be_named_and_questions_count_in_words(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "d")  # #sourcing: one annotation
        await pilot.pause()
        assert str(app.screen.query_one("Label").render()) == (
            "Delete #sourcing from 1 annotation? The annotations stay.")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("up", "up", "r")  # #claim: two
        await pilot.pause()
        await pilot.press("enter")  # the same name: nothing to ask
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "red" in str(app.screen.query_one("Label").render())
        app.screen.query_one("Input").value = ""
        await pilot.press(*"dark orange", "enter")
        await settle(app, pilot)
        assert str(app.screen.query_one("#tags-table", DataTable).get_row_at(0)[0].style) == "#ff8c00"
    db = annotation_db(db_file)
    assert [(t["name"], t["color"]) for t in store.list_tags(db)][0] == ("claim", "#ff8c00")
    db.close()


async def test_u_undoes_a_tag_delete_and_shift_u_or_ctrl_r_redoes_it(db_file):
    app = host(db_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("d", "y")  # #claim, on two annotations
        await settle(app, pilot)
        assert tags_in_db(db_file) == [("markets", 1), ("sourcing", 1)]
        await pilot.press("u")
        await settle(app, pilot)
        assert tags_in_db(db_file) == [("claim", 2), ("markets", 1), ("sourcing", 1)]
        assert rows(app, "#tags-table")[0] == ["■ #claim", "2"]
        assert "Undone: the deletion of #claim" in messages(app)
        await pilot.press("U")
        await settle(app, pilot)
        assert tags_in_db(db_file) == [("markets", 1), ("sourcing", 1)]
        await pilot.press("u")
        await settle(app, pilot)
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert tags_in_db(db_file) == [("markets", 1), ("sourcing", 1)]
        await pilot.press("u", "u")  # the delete, then nothing left
        await settle(app, pilot)
        assert "Nothing to undo" in messages(app)
    db = annotation_db(db_file)
    assert [r.tags for r in store.list_annotations(db, tag="claim")] == [("claim", "markets"), ("claim",)]
    db.close()


def detail_rows(app) -> list[str]:
    return [row[0] for row in rows(app, "#tag-annotations")]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_two_titled_panes_and_the_detail_always_belongs_to_the_highlighted_tag(db_file, size):
    from tui.screens.tags import TagAnnotationsRead, read_tag_annotations

    app = host(db_file)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = app.screen
        tags_pane, detail_pane = screen.query_one("#tags-list-pane"), screen.query_one("#tag-detail-pane")
        assert tags_pane.border_title == "Tags 3"
        assert detail_pane.border_title == "#claim · 2 annotations"
        assert tags_pane.region.right <= detail_pane.region.x  # side by side, each in its own frame
        await pilot.press("down", "down")  # to #sourcing without waiting
        await settle(app, pilot)
        assert detail_pane.border_title == "#sourcing · 1 annotation"
        assert detail_rows(app) == ["traders said"]
        # An answer for a tag no longer highlighted (a slow read arriving late) is never shown under another tag.
        db = annotation_db(db_file)
        stale = read_tag_annotations(db, "claim")
        db.close()
        screen.post_message(TagAnnotationsRead(stale.tag, stale.records))
        await pilot.pause()
        assert detail_rows(app) == ["traders said"] and detail_pane.border_title.startswith("#sourcing")


async def test_the_highlighted_annotations_quote_and_note_are_shown_in_full_below(db_file):
    app = host(db_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # into #claim's annotations: the first is "Alpha rose 5%", noted "check"
        await settle(app, pilot)
        preview = app.screen.query_one("#tag-annotation-preview")
        shown = str(preview.render())
        assert "Alpha rose 5%" in shown and "check" in shown and "One" in shown
        assert preview.region.height > 0 and preview.region.bottom <= app.screen.region.bottom
        await pilot.press("down")
        await pilot.pause()
        assert "Beta fell 3%" in str(app.screen.query_one("#tag-annotation-preview").render())


async def test_with_no_tags_yet_the_screen_says_how_to_make_one(tmp_path):
    path = tmp_path / "empty.db"
    annotation_db(path).close()
    app = host(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert rows(app, "#tags-table") == []
        preview = str(app.screen.query_one("#tag-annotation-preview").render())
        assert preview.startswith("No tags yet. In the reader, t tags the sentence under the cursor")
