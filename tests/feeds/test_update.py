"""`broadsheet feed update` against feeds and pages served on 127.0.0.1 by the test itself."""

from __future__ import annotations

import json

from store.db import open_db
from store.feeds.subscriptions import add_feed
from store.feeds.update import update_feeds
from store.web.fetch import Fetcher, FetchLimits
from tests.feeds.documents import ATOM, LOGIN_PAGE, rss2
from tui.cli import main

RSS_TYPE = "application/rss+xml"


def page(title: str, company: str, amount: int) -> str:
    paragraphs = "".join(
        f"<p>{company} said on Tuesday that its revenue for 2025 reached ${amount + n} million, and its chief "
        f"executive told analysts the results showed steady demand in paragraph {n} of this report.</p>"
        for n in range(6)
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title} | Example News</title>"
        f"<meta property='og:title' content='{title}'></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>© Example News</footer></body></html>"
    )


def run(capsys, db_path, *argv, code=0):
    result = main(["--db", str(db_path), *argv])
    captured = capsys.readouterr()
    assert result == code, captured.err
    return captured


def run_json(capsys, db_path, *argv, code=0):
    return json.loads(run(capsys, db_path, *argv, code=code).out)


def serve_two_stories(site, etag: str | None = '"v1"') -> str:
    """Two stories and a feed of them; returns the feed's document."""
    site.page("/acme.html", page("Acme lifts revenue", "Acme Corp", 100))
    site.page("/bolt.html", page("Bolt misses estimates", "Bolt Inc", 200))
    feed = rss2(
        [
            {"title": "Acme lifts revenue", "link": site.url("/acme.html"), "author": "ann@example.org (Ann Lee)"},
            {"title": "Bolt misses estimates", "link": site.url("/bolt.html")},
        ]
    )
    site.page("/news.rss", feed, content_type=RSS_TYPE, etag=etag)
    return feed


def test_an_update_imports_each_entry_from_its_full_page_then_a_304_changes_nothing(site, db_path, capsys):
    serve_two_stories(site)
    run(capsys, db_path, "feed", "add", site.url("/news.rss"), "--name", "example")
    report = run_json(capsys, db_path, "feed", "update", "--json")
    assert report == {"feeds": 1, "new": 2, "updated": 0, "unchanged": 0, "errors": []}

    articles = {a["title"]: a for a in run_json(capsys, db_path, "articles", "--json")}
    assert set(articles) == {"Acme lifts revenue", "Bolt misses estimates"}
    acme = articles["Acme lifts revenue"]
    assert acme["feeds"] == ["example"] and acme["url"] == site.url("/acme.html")
    assert acme["published"] == "2026-03-03"  # the page has no date: the entry's fills it
    shown = run_json(capsys, db_path, "show", str(acme["id"]), "--json")
    assert "paragraph 5 of this report" in shown["text"]  # the whole page, not the feed's teaser
    assert "A short teaser" not in shown["text"] and "Home" not in shown["text"]
    [listed] = run_json(capsys, db_path, "feed", "list", "--json")
    assert (listed["title"], listed["articles"], listed["unread"], listed["last_error"]) == ("Example News", 2, 2, None)
    assert listed["last_update"]

    again = run_json(capsys, db_path, "feed", "update", "example", "--json")
    assert again == {"feeds": 1, "new": 0, "updated": 0, "unchanged": 0, "errors": []}
    assert site.asked("/news.rss")[-1].get("if-none-match") == '"v1"'
    assert len(site.asked("/acme.html")) == 1 and len(site.asked("/bolt.html")) == 1


def test_entries_seen_before_are_unchanged_when_the_feed_has_no_validators(site, db_path, capsys):
    serve_two_stories(site, etag=None)
    run(capsys, db_path, "feed", "add", site.url("/news.rss"))
    run(capsys, db_path, "feed", "update")
    report = run_json(capsys, db_path, "feed", "update", "--json")
    assert (report["new"], report["unchanged"]) == (0, 2)
    assert len(site.asked("/acme.html")) == 1


def test_one_story_in_two_feeds_or_twice_in_one_is_one_article_listed_under_each_feed(site, db_path, capsys):
    serve_two_stories(site)
    twice = rss2(
        [
            {"title": "Acme lifts revenue", "link": site.url("/acme.html"), "guid": "first"},
            {"title": "Acme lifts revenue (again)", "link": site.url("/acme.html"), "guid": "second"},
        ],
        title="Markets",
    )
    site.page("/markets.rss", twice, content_type=RSS_TYPE)
    run(capsys, db_path, "feed", "add", site.url("/news.rss"), "--name", "news")
    run(capsys, db_path, "feed", "add", site.url("/markets.rss"), "--name", "markets")
    report = run_json(capsys, db_path, "feed", "update", "--json")
    assert report["new"] == 2 and report["errors"] == []
    articles = run_json(capsys, db_path, "articles", "--json")
    assert len(articles) == 2
    acme = next(a for a in articles if a["title"] == "Acme lifts revenue")
    assert sorted(acme["feeds"]) == ["markets", "news"]
    assert len(site.asked("/acme.html")) == 1


def test_one_failing_feed_is_one_error_line_while_the_others_update(site, db_path, capsys):
    serve_two_stories(site)
    site.page("/down.rss", "oops", status=500, content_type="text/plain")
    site.page("/broken.rss", "<rss version='2.0'><channel><title>Cut", content_type=RSS_TYPE)
    site.page("/login.rss", LOGIN_PAGE)
    for name in ("news", "down", "broken", "login"):
        run(capsys, db_path, "feed", "add", site.url(f"/{name}.rss"), "--name", name)
    run(capsys, db_path, "feed", "add", site.url("/missing.rss"), "--name", "missing")
    result = main(["--db", str(db_path), "feed", "update", "--json"])
    captured = capsys.readouterr()
    assert result == 1
    report = json.loads(captured.out)
    assert report["new"] == 2
    reasons = {error["feed"]: error["reason"] for error in report["errors"]}
    assert reasons["down"] == "HTTP 500 Internal Server Error"
    assert reasons["missing"] == "HTTP 404 Not Found"
    assert reasons["broken"].startswith("malformed feed XML")
    assert reasons["login"].startswith("not a feed: the server sent an HTML page")
    assert len(captured.err.strip().splitlines()) == 4
    listed = {f["name"]: f for f in run_json(capsys, db_path, "feed", "list", "--json")}
    assert listed["down"]["last_error"] == "HTTP 500 Internal Server Error" and listed["news"]["last_error"] is None


def test_an_entry_whose_page_cannot_be_fetched_falls_back_to_the_summary_and_says_so(site, db_path, capsys):
    feed = rss2([{"title": "Gone story", "link": site.url("/gone.html"), "summary": "Acme Corp cut 300 jobs in Ohio."}])
    site.page("/feed.rss", feed, content_type=RSS_TYPE)
    run(capsys, db_path, "feed", "add", site.url("/feed.rss"), "--name", "f")
    captured = run(capsys, db_path, "feed", "update")
    assert "page not fetched (HTTP 404 Not Found); imported the feed's summary instead" in captured.err
    [article] = run_json(capsys, db_path, "articles", "--json")
    assert article["title"] == "Gone story"
    assert run_json(capsys, db_path, "show", str(article["id"]), "--json")["text"].strip() == (
        "Acme Corp cut 300 jobs in Ohio."
    )


def test_a_feed_with_full_content_needs_no_page_and_its_relative_links_resolve(site, db_path, capsys):
    site.page("/atom.xml", ATOM, content_type="application/atom+xml")
    run(capsys, db_path, "feed", "add", site.url("/atom.xml"), "--name", "atom")
    assert run_json(capsys, db_path, "feed", "update", "--json")["new"] == 1
    [article] = run_json(capsys, db_path, "articles", "--json")
    assert article["url"] == "https://atom.example/blog/posts/full.html"
    assert article["byline"] == "Bo Reporter" and article["published"] == "2026-01-05"
    assert [path for path, _ in site.requests] == ["/robots.txt", "/atom.xml"]


def test_a_feed_file_on_disk_updates_like_a_url(site, db_path, capsys, tmp_path):
    feed = tmp_path / "saved.rss"
    feed.write_text(serve_two_stories(site))
    run(capsys, db_path, "feed", "add", str(feed))
    assert run_json(capsys, db_path, "feed", "update", "saved", "--json")["new"] == 2


def test_a_slow_feed_times_out_as_one_error(site, db_path):
    serve_two_stories(site)
    site.page("/slow.rss", rss2([]), content_type=RSS_TYPE, delay=2.0)
    db = open_db(db_path)
    add_feed(db, site.url("/news.rss"), "news")
    add_feed(db, site.url("/slow.rss"), "slow")
    with Fetcher(FetchLimits(read_timeout=0.5)) as fetcher:
        report = update_feeds(db, fetcher=fetcher)
    assert report.new == 2
    [error] = report.errors
    assert error.feed == "slow" and error.reason.startswith("timeout")
