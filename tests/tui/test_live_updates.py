"""The app stays current while the real CLI writes from other processes: new articles, re-imports, annotations."""

from __future__ import annotations

import asyncio

import pytest

from store.articles import get_article, list_articles
from store.watch import ChangeWatcher
from tests.tui.notices import raised
from tests.tui.other_process import run_cli, wait_until
from tests.tui.screen_host import settle
from tui import app as app_module
from tui.app import BroadsheetApp
from tui.corpus_watcher import CorpusWatcher
from tui.widgets.library import Library
from tui.widgets.reader import Reader


@pytest.fixture(autouse=True)
def fast_polling(monkeypatch):
    monkeypatch.setattr(CorpusWatcher, "POLL_SECONDS", 0.1)


async def test_articles_and_annotations_written_by_the_cli_appear_without_a_restart(seeded_db, db_path, tmp_path):
    before = len(list_articles(seeded_db))
    first = list_articles(seeded_db)[0]
    new_file = tmp_path / "chip-tariffs.txt"
    new_file.write_text("Chip Tariffs Rattle Markets\n\nShares of Nvidia fell 4% on Monday after new tariffs.\n")
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.query_one(Reader).article is not None)
        library, reader = app.screen.query_one(Library), app.screen.query_one(Reader)

        await asyncio.to_thread(run_cli, db_path, "import", str(new_file))
        await wait_until(pilot, lambda: len(library.view_rows) == before + 1)
        assert "Chip Tariffs Rattle Markets" in [a.title for a in library.articles]
        await wait_until(pilot, lambda: app.sub_title.startswith(f"{before + 1} articles"))

        sentence = get_article(seeded_db, first.id).text[slice(*reader.article.sentences[1])]
        quote = sentence[: max(20, len(sentence) // 2)]
        await asyncio.to_thread(run_cli, db_path, "annotate", str(first.id), "--quote", quote, "--tag", "checked")
        start = reader.article.text.index(quote)
        await wait_until(pilot, lambda: bool(reader.annotations_at(start)))
        assert reader.annotations_at(start)[0].tags == ("checked",)
        row = next(a for a in library.articles if a.id == first.id)
        assert row.annotations == 1


async def test_a_reimported_text_is_shown_afresh_with_its_note_moved(seeded_db, db_path, tmp_path):
    article_file = tmp_path / "rally.txt"
    article_file.write_text("Markets Rally Again\n\nThe index rose 2% on Tuesday, traders said.\n")
    run_cli(db_path, "import", str(article_file))
    article = next(a for a in list_articles(seeded_db) if a.title == "Markets Rally Again")
    run_cli(db_path, "annotate", str(article.id), "--quote", "traders said", "--tag", "sourcing")
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.open_article(article.id)
        reader = app.screen.query_one(Reader)
        await wait_until(pilot, lambda: reader.article is not None and reader.article.id == article.id)

        article_file.write_text("Markets Rally Again\n\nAfter a quiet week, the index rose 2% on Tuesday, traders "
                                "said.\n")
        await asyncio.to_thread(run_cli, db_path, "import", str(article_file))
        await wait_until(pilot, lambda: reader.article.text.startswith("Markets Rally Again\n\nAfter a quiet week"))
        moved = reader.article.text.index("traders said")
        assert reader.annotations_at(moved)[0].tags == ("sourcing",)


def test_the_watcher_ignores_commits_that_change_neither_articles_nor_annotations(seeded_db, db_path):
    from store.articles import save_position
    from store.db import connect

    watcher = ChangeWatcher(db_path)
    other = connect(db_path)
    try:
        save_position(other, list_articles(other)[0].id, 42)
        assert not watcher.changes()
        other.execute("UPDATE articles SET updated = '2099-01-01T00:00:00' WHERE id = 1")
        changes = watcher.changes()
        assert changes.articles and not changes.annotations
        assert not watcher.changes()  # said once
        watcher.close()
        other.execute("UPDATE articles SET updated = '2099-01-02T00:00:00' WHERE id = 1")
        assert not watcher.changes()  # closed (the app quit while its own write was finishing): nothing to say
    finally:
        other.close()
        watcher.close()


async def test_highlights_from_an_older_extractor_are_refreshed_at_start(seeded_db, db_path):
    first = list_articles(seeded_db)[0]
    mentions_before = seeded_db.execute("SELECT count(*) FROM mentions WHERE article_id = ?", [first.id]).fetchall()
    seeded_db.execute("DELETE FROM mentions WHERE article_id = ?", [first.id])
    seeded_db.execute("UPDATE mention_state SET extractor_version = 'an older one' WHERE article_id = ?", [first.id])
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: any("Updated the highlights of 1 article " in n.message
                                            for n in raised(app)))
        await pilot.press("enter")
        reader = app.screen.query_one(Reader)
        await wait_until(pilot, lambda: reader.article is not None and bool(reader.labels))
    assert seeded_db.execute("SELECT count(*) FROM mentions WHERE article_id = ?",
                             [first.id]).fetchall() == mentions_before


async def test_an_import_landing_after_the_first_page_was_read_still_reaches_the_library(seeded_db, db_path, tmp_path,
                                                                                        monkeypatch):
    """``broadsheet`` reads the library's first page before the app starts; a commit from another process in
    between (before the app mounts and starts watching) must be reported like any later one."""
    new_file = tmp_path / "late.txt"
    new_file.write_text("A Late Arrival\n\nThe port handled 4% more containers in May, officials said.\n")
    read_first_page = app_module.read_first_page

    def read_then_another_process_imports(path):
        page = read_first_page(path)
        run_cli(db_path, "import", str(new_file))
        return page

    monkeypatch.setattr(app_module, "read_first_page", read_then_another_process_imports)
    app = app_module.build_app(db_path)
    assert "A Late Arrival" not in [a.title for a in app.first_page]
    async with app.run_test(size=(120, 40)) as pilot:
        library = app.screen.query_one(Library)
        await wait_until(pilot, lambda: "A Late Arrival" in [library.articles[i].title for i in library.view_rows])


async def test_the_first_runs_sample_import_is_not_taken_for_another_processs_write(db_path, tmp_path, monkeypatch):
    """The app's own import of the samples (an empty database, the first run) is shown once: the watcher does
    not report it a moment later as news from elsewhere (a second read of the whole library)."""
    from tui.app_jobs import SamplesImported
    from tui.corpus_watcher import CorpusChanged

    reloads = []
    monkeypatch.setattr(Library, "reload", lambda library, path: reloads.append(path))
    seen = []
    app = app_module.build_app(db_path)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        library = app.screen.query_one(Library)
        await wait_until(pilot, lambda: any(isinstance(m, SamplesImported) and m.imported for m in seen))
        await wait_until(pilot, lambda: library.complete and len(library.articles) == 5)
        await pilot.pause(10 * CorpusWatcher.POLL_SECONDS)  # the watcher looks several times meanwhile
        assert [m for m in seen if isinstance(m, CorpusChanged)] == []
        assert reloads == []

        # Another process's import is still news.
        new_file = tmp_path / "elsewhere.txt"
        new_file.write_text("Written Elsewhere\n\nThe port handled 4% more containers in May, officials said.\n")
        await asyncio.to_thread(run_cli, db_path, "import", str(new_file))
        await wait_until(pilot, lambda: any(isinstance(m, CorpusChanged) and m.articles for m in seen))
        assert reloads == [db_path]
