"""The Orphans screen: annotations whose text is gone, with their quote and note; open the article, delete."""

from __future__ import annotations

from textual.widgets import DataTable, Markdown, Static

from store import annotations as store
from tests.annotations.helpers import add_article, annotation_db
from tests.tui.screen_host import ScreenHost, settle
from tui.screens.orphans import OrphansScreen

TEXT = "Alpha rose 5% on Monday. Beta fell 3% on Tuesday. Gamma was flat all week, traders said."


def host(path) -> ScreenHost:
    return ScreenHost(lambda: OrphansScreen(path))


def orphaned_db(path):
    db = annotation_db(path)
    article = add_article(db, "one.txt", TEXT, title="One")
    start = TEXT.index("Beta fell 3%")
    store.create_annotation(db, article, start, start + 12, ["claim"], "Was it **3%**?")
    store.create_annotation(db, article, 0, 5, ["name"])
    edited = TEXT.replace("Beta fell 3% on Tuesday. ", "")
    add_article(db, "one.txt", edited)
    store.reanchor_article(db, article, TEXT, edited)
    db.close()
    return article


async def test_lists_orphans_with_quote_and_rendered_note_then_opens_the_article(tmp_path):
    article = orphaned_db(tmp_path / "o.db")
    app = host(tmp_path / "o.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(0)][:3] == ["Beta fell 3%", "One", "#claim"]
        assert table.row_count == 1
        assert "Beta fell 3%" in str(app.screen.query_one("#orphan-quote", Static).render())
        assert app.screen.query_one("#orphan-note", Markdown).source == "Was it **3%**?"
        await pilot.press("o")
    assert app.results == [(article, 0, 0)]


async def test_delete_an_orphan_after_confirmation(tmp_path):
    orphaned_db(tmp_path / "o.db")
    app = host(tmp_path / "o.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 0
    db = annotation_db(tmp_path / "o.db")
    assert store.orphans(db) == [] and len(store.list_annotations(db)) == 1
    db.close()


async def test_a_deleted_orphan_comes_back_with_u_and_goes_again_with_shift_u(tmp_path):
    orphaned_db(tmp_path / "o.db")
    app = host(tmp_path / "o.db")

    def orphan_notes() -> list[str]:
        db = annotation_db(tmp_path / "o.db")
        try:
            return [record.note for record in store.orphans(db)]
        finally:
            db.close()

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("d", "y")
        await settle(app, pilot)
        assert orphan_notes() == []
        await pilot.press("u")
        await settle(app, pilot)
        assert orphan_notes() == ["Was it **3%**?"]
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("U")
        await settle(app, pilot)
        assert orphan_notes() == []
        assert app.screen.query_one(DataTable).row_count == 0
