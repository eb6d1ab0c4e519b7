"""The Feeds screen: subscriptions with counts and errors; add by URL, update one or all, remove."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from store.db import open_db
from store.feeds.subscriptions import add_feed, list_feeds
from tests.feeds.documents import rss2
from tests.feeds.test_update import page
from tests.tui.screen_host import ScreenHost, settle
from tests.web.conftest import site  # noqa: F401 (a fixture, shared)
from tui.screens.feeds import FeedsScreen


def serve_feed(site) -> str:  # noqa: F811 (the fixture's value)
    site.page("/acme.html", page("Acme lifts revenue", "Acme Corp", 100))
    site.page("/bolt.html", page("Bolt misses estimates", "Bolt Inc", 200))
    items = [{"title": "Acme lifts revenue", "link": site.url("/acme.html")},
             {"title": "Bolt misses estimates", "link": site.url("/bolt.html")}]
    return site.page("/news.rss", rss2(items), content_type="application/rss+xml")


def rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


def status(app) -> str:
    return str(app.screen.query_one("#feeds-status", Static).render())


async def test_add_a_feed_by_url_then_update_it_and_see_its_articles_counted(site, db_path):  # noqa: F811
    url = serve_feed(site)
    open_db(db_path).close()
    app = ScreenHost(lambda: FeedsScreen(db_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert rows(app) == [] and "No feeds yet: press a to add one" in status(app)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(Input).value = url
        await pilot.press("enter")
        await settle(app, pilot)
        await settle(app, pilot)
        assert [row[:4] for row in rows(app)] == [["127.0.0.1", "", "0", "0"]]
        await pilot.press("u")
        await settle(app, pilot)
        await settle(app, pilot)
        assert status(app) == "2 new articles, 0 updated, 0 unchanged"
        [row] = rows(app)
        assert row[1:4] == ["Example News", "2", "2"] and row[4] != "never" and row[5] == ""


async def test_a_failing_feed_shows_its_error_and_update_all_reports_it(site, db_path):  # noqa: F811
    url = serve_feed(site)
    db = open_db(db_path)
    add_feed(db, url, "news")
    add_feed(db, site.url("/gone.rss"), "gone")
    db.close()
    app = ScreenHost(lambda: FeedsScreen(db_path))
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("U")
        await settle(app, pilot)
        await settle(app, pilot)
        assert status(app) == "2 new articles, 0 updated, 0 unchanged; 1 feed failed (see last error)"
        by_name = {row[0]: row for row in rows(app)}
        assert by_name["gone"][5] == "HTTP 404 Not Found" and by_name["news"][5] == ""


async def test_remove_asks_first_and_keeps_the_articles(site, db_path):  # noqa: F811
    serve_feed(site)
    db = open_db(db_path)
    add_feed(db, site.url("/news.rss"), "news")
    add_feed(db, site.url("/other.rss"), "other")
    from store.feeds.update import update_feeds

    update_feeds(db, ["news"])
    db.close()
    app = ScreenHost(lambda: FeedsScreen(db_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await settle(app, pilot)
        assert [row[0] for row in rows(app)] == ["news", "other"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        await settle(app, pilot)
        assert [row[0] for row in rows(app)] == ["other"]
    db = open_db(db_path)
    assert [feed["name"] for feed in list_feeds(db)] == ["other"]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    db.close()
