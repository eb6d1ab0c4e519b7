"""Keys for web articles in the whole app: o opens the article's page in the browser, W the Feeds screen."""

from __future__ import annotations

import json
import webbrowser

from store.db import open_db
from store.importer import import_paths
from tests.tui.notices import raised
from tests.tui.screen_host import open_first_article, settle
from tui.app import BroadsheetApp
from tui.screens.feeds import FeedsScreen
from tui.widgets.reader import Reader

STORY = "Acme Corp said on Tuesday that its revenue rose 5% to $120 million in the quarter, beating forecasts."


def corpus(tmp_path, url: str | None):
    record = {"title": "Acme beats forecasts", "text": STORY, "url": url, "source": "Example Wire"}
    (tmp_path / "story.jsonl").write_text(json.dumps(record) + "\n")
    db = open_db(tmp_path / "b.db")
    import_paths(db, [tmp_path / "story.jsonl"])
    db.close()
    return tmp_path / "b.db"


async def read_it(app, pilot):
    await open_first_article(app, pilot)
    assert app.screen.query_one(Reader).article is not None
    app.screen.query_one(Reader).focus()
    await pilot.pause()


async def test_o_in_the_reader_opens_the_article_url_in_the_browser(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    app = BroadsheetApp(corpus(tmp_path, "https://wire.example/acme"))
    async with app.run_test(size=(120, 40)) as pilot:
        await read_it(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert opened == ["https://wire.example/acme"]
        assert any("Opened https://wire.example/acme" in str(n.message) for n in raised(app))


async def test_o_on_an_article_from_a_file_says_why_nothing_opens(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    app = BroadsheetApp(corpus(tmp_path, None))
    async with app.run_test(size=(120, 40)) as pilot:
        await read_it(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert opened == []
        assert any("has no URL" in str(n.message) for n in raised(app))


async def test_capital_w_opens_the_feeds_screen_and_escape_returns(tmp_path):
    app = BroadsheetApp(corpus(tmp_path, None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("W")
        await settle(app, pilot)
        assert isinstance(app.screen, FeedsScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, FeedsScreen)
