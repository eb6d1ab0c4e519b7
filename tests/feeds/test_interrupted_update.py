"""`feed update` killed with SIGKILL at any moment leaves whole articles, and the next update completes it."""

from __future__ import annotations

import signal
import sqlite3
import time

import pytest

from tests.feeds.documents import rss2
from tests.feeds.test_update import page
from tests.reliability.helpers import run_cli, start_cli

ENTRIES = 30


def counts(db_path) -> tuple[int, int]:
    """(articles, articles linked to the feed), read-only, checking integrity and that no article is half-written."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone() == (0,)
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        linked = conn.execute("SELECT count(DISTINCT article_id) FROM feed_entries").fetchone()[0]
        return articles, linked
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [2, 12])
def test_a_killed_update_leaves_whole_articles_and_a_rerun_completes(site, tmp_path, kill_after):
    items = []
    for n in range(ENTRIES):
        link = site.page(f"/story-{n}.html", page(f"Story number {n}", f"Company {n}", n), delay=0.05)
        items.append({"title": f"Story number {n}", "link": link})
    site.page("/feed.rss", rss2(items), content_type="application/rss+xml", etag='"e1"')
    db_path = tmp_path / "broadsheet.db"
    assert run_cli(db_path, "feed", "add", site.url("/feed.rss"), "--name", "wire").returncode == 0

    process = start_cli(db_path, "feed", "update")
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if counts(db_path)[0] >= kill_after:
                break
        except sqlite3.OperationalError:
            pass  # a write holds the lock for a moment
        time.sleep(0.01)
    assert process.poll() is None, "the update finished before it could be killed; the test proved nothing"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    articles, linked = counts(db_path)
    assert kill_after <= articles < ENTRIES and linked == articles

    result = run_cli(db_path, "feed", "update", "--json")
    assert result.returncode == 0, result.stderr
    assert counts(db_path) == (ENTRIES, ENTRIES)
    # the killed run had not saved the feed's ETag, so the rerun read the whole feed again
    feed_requests = site.asked("/feed.rss")
    assert len(feed_requests) == 2 and "if-none-match" not in feed_requests[1]
