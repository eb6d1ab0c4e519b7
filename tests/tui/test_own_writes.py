"""The app's own writes (tagging, undo, redo, the Tags screen's rename) are shown once, by the screen that made
them, and not reported back a moment later by the watcher as another process's; a write from another process is
still reported, even one that lands while the app is writing."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from store.annotations import annotations_for_article
from store.articles import get_article, list_articles
from tests.tui.other_process import run_cli, wait_until
from tests.tui.screen_host import open_first_article, settle
from tui.app import BroadsheetApp
from tui.corpus_watcher import CorpusChanged, CorpusWatcher
from tui.screens import main_jobs
from tui.screens.tag_dialog import TagDialog
from tui.screens.tags import TagsScreen
from tui.widgets.library import Library
from tui.widgets.reader import Reader


@pytest.fixture(autouse=True)
def fast_polling(monkeypatch):
    monkeypatch.setattr(CorpusWatcher, "POLL_SECONDS", 0.1)


@contextlib.asynccontextmanager
async def reading_first_article(db_path):
    """The app with the library's first article open, and every message it handled."""
    seen: list = []
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await open_first_article(app, pilot)
        yield app, pilot, seen


def reported(seen: list) -> list[CorpusChanged]:
    return [message for message in seen if isinstance(message, CorpusChanged)]


async def watcher_looks_several_times(pilot) -> None:
    await pilot.pause(10 * CorpusWatcher.POLL_SECONDS)


def unique_sentence(article) -> str:
    """A sentence of ``article`` found nowhere else in it (``annotate --quote`` refuses an ambiguous quote)."""
    sentences = (article.text[start:end] for start, end in article.sentences)
    return next(sentence for sentence in sentences if len(sentence) > 40 and article.text.count(sentence) == 1)


async def tag_sentence(app, pilot, tag: str) -> None:
    await pilot.press("t")
    await settle(app, pilot)
    assert isinstance(app.screen, TagDialog)
    await pilot.press(*tag, "enter", "ctrl+s")
    await settle(app, pilot)


async def test_tagging_undo_redo_and_a_rename_are_not_reported_back(seeded_db, db_path):
    first = list_articles(seeded_db)[0]
    async with reading_first_article(db_path) as (app, pilot, seen):
        reader = app.screen.query_one(Reader)
        await pilot.press("down")
        await tag_sentence(app, pilot, "claim")
        start = annotations_for_article(seeded_db, first.id)[0].start
        assert reader.annotations_at(start)[0].tags == ("claim",)
        await watcher_looks_several_times(pilot)
        assert reported(seen) == []

        await pilot.press("u")
        await settle(app, pilot)
        assert not reader.annotations_at(start)
        await pilot.press("U")
        await settle(app, pilot)
        assert reader.annotations_at(start)
        await watcher_looks_several_times(pilot)
        assert reported(seen) == []

        await pilot.press("T")
        await settle(app, pilot)
        assert isinstance(app.screen, TagsScreen)
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press(*["backspace"] * 5, *"assertion", "enter")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        await watcher_looks_several_times(pilot)
        assert reported(seen) == []
        await pilot.press("escape")
        await settle(app, pilot)
        assert reader.annotations_at(start)[0].tags == ("assertion",)
        assert [record.tags for record in annotations_for_article(seeded_db, first.id)] == [("assertion",)]

        # Another process's note is still news.
        sentence = unique_sentence(get_article(seeded_db, first.id))
        await asyncio.to_thread(run_cli, db_path, "annotate", str(first.id), "--quote", sentence, "--tag", "cli")
        await wait_until(pilot, lambda: any(message.annotations for message in reported(seen)))
        elsewhere = reader.article.text.index(sentence)
        await wait_until(pilot, lambda: ("cli",) in [record.tags for record in reader.annotations_at(elsewhere)])


@pytest.mark.parametrize("elsewhere", ["import", "annotate"])
async def test_another_processs_write_landing_while_the_app_writes_is_reported(seeded_db, db_path, tmp_path,
                                                                              monkeypatch, elsewhere):
    """The CLI commits inside the app's tagging job, just before the app's own transaction: the app's write is
    not reported, the other process's is (an import as changed articles, a note as changed annotations)."""
    first, second = list_articles(seeded_db)[:2]
    new_file = tmp_path / "meanwhile.txt"
    new_file.write_text("Written Meanwhile\n\nThe port handled 4% more containers in May, officials said.\n")
    quote = unique_sentence(get_article(seeded_db, second.id))
    command = ["import", str(new_file)] if elsewhere == "import" else ["annotate", str(second.id), "--quote", quote,
                                                                      "--tag", "cli"]
    save_annotation = main_jobs.save_annotation

    def another_process_writes_first(db, *args):
        run_cli(db_path, *command)
        return save_annotation(db, *args)

    monkeypatch.setattr(main_jobs, "save_annotation", another_process_writes_first)
    async with reading_first_article(db_path) as (app, pilot, seen):
        library = app.screen.query_one(Library)
        await pilot.press("down")
        await tag_sentence(app, pilot, "claim")
        assert [record.tags for record in annotations_for_article(seeded_db, first.id)] == [("claim",)]
        if elsewhere == "import":
            await wait_until(pilot, lambda: "Written Meanwhile" in [library.articles[i].title
                                                                    for i in library.view_rows])
            await watcher_looks_several_times(pilot)
            assert {(message.articles, message.annotations) for message in reported(seen)} == {(True, False)}
        else:
            await wait_until(pilot, lambda: next(a for a in library.articles if a.id == second.id).annotations == 1)
            await watcher_looks_several_times(pilot)
            assert {(message.articles, message.annotations) for message in reported(seen)} == {(False, True)}
