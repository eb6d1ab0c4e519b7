"""Undo and redo across the app's screens, and editing an annotation from the reader (issue 14, point 4)."""

from __future__ import annotations

from textual.widgets import Label, TextArea

from store.annotations import annotations_for_article
from store.articles import list_articles
from tests.tui.notices import messages
from tests.tui.screen_host import reading_first_article, settle
from tui.corpus_watcher import CorpusWatcher
from tui.screens.main import MainScreen
from tui.screens.tag_dialog import TagDialog
from tui.screens.tags import TagsScreen
from tui.widgets.reader import Reader


async def tag_second_sentence(app, pilot, *keys: str) -> None:
    """``t`` on the reader's sentence, the keys typed into the dialog, then saved."""
    await pilot.press("t")
    await settle(app, pilot)
    assert isinstance(app.screen, TagDialog)
    await pilot.press(*keys, "ctrl+s")
    await settle(app, pilot)


async def test_t_on_an_annotated_sentence_edits_it_with_the_cursor_after_the_note(seeded_db, db_path):
    first = list_articles(seeded_db)[0]
    async with reading_first_article(db_path) as (app, pilot):
        await pilot.press("down")
        await tag_second_sentence(app, pilot, *"claim", "enter")
        await pilot.press("t")
        await settle(app, pilot)
        title = str(app.screen.query_one("#tag-dialog-quote", Label).render())
        assert title.startswith("Edit annotation on “")
        note = app.screen.query_one("#tag-note", TextArea)
        note.focus()
        await pilot.press(*"first")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        app.screen.query_one("#tag-note", TextArea).focus()
        await pilot.press(*" more")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert [(r.tags, r.note) for r in annotations_for_article(seeded_db, first.id)] == [(("claim",), "first more")]


async def test_a_new_annotation_is_titled_as_tagging(seeded_db, db_path):
    async with reading_first_article(db_path) as (app, pilot):
        await pilot.press("t")
        await settle(app, pilot)
        assert str(app.screen.query_one("#tag-dialog-quote", Label).render()).startswith("Tag “")


async def test_undo_and_redo_reach_across_the_main_and_tags_screens(seeded_db, db_path):
    first = list_articles(seeded_db)[0]

    def saved() -> list[tuple[str, ...]]:
        return [record.tags for record in annotations_for_article(seeded_db, first.id)]

    async with reading_first_article(db_path) as (app, pilot):
        await pilot.press("down")
        await tag_second_sentence(app, pilot, *"claim", "enter")
        assert saved() == [("claim",)]
        start = annotations_for_article(seeded_db, first.id)[0].start
        await pilot.press("T")
        await settle(app, pilot)
        assert isinstance(app.screen, TagsScreen)
        await pilot.press("d", "y")  # delete #claim here
        await settle(app, pilot)
        assert saved() == [()]
        await pilot.press("u", "u")  # the delete, then the tagging done on the main screen
        await settle(app, pilot)
        assert saved() == []
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        reader = app.screen.query_one(Reader)
        assert not reader.annotations_at(start)
        await pilot.press("U")  # redo the tagging, from the main screen
        await settle(app, pilot)
        assert saved() == [("claim",)]
        assert reader.annotations_at(start)
        await pilot.press("ctrl+r")  # and the delete made on the Tags screen
        await settle(app, pilot)
        assert saved() == [()]
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert "Nothing to redo" in messages(app)


async def test_the_reader_shows_the_tags_screens_edits_on_return_without_waiting_for_the_watcher(
        seeded_db, db_path, monkeypatch):
    # The watcher would notice the Tags screen's write within a second; the reader must not depend on it.
    monkeypatch.setattr(CorpusWatcher, "POLL_SECONDS", 3600.0)
    first = list_articles(seeded_db)[0]
    async with reading_first_article(db_path) as (app, pilot):
        await pilot.press("down")
        await tag_second_sentence(app, pilot, *"claim", "enter")
        start = annotations_for_article(seeded_db, first.id)[0].start
        reader = app.screen.query_one(Reader)
        assert reader.annotations_at(start)
        await pilot.press("T")
        await settle(app, pilot)
        await pilot.press("u")  # undo the tagging made on the main screen, from the Tags screen
        await settle(app, pilot)
        assert annotations_for_article(seeded_db, first.id) == []
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert not reader.annotations_at(start)
