"""Raw pages across versions: an extractor upgrade derives the text again from the stored page (annotations
follow), and a database from before web pages upgrades and takes them."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

from store import annotations
from store.articles import get_article, list_articles
from store.db import open_db
from store.importer import import_paths
from store.ingest.html import HTML_EXTRACTOR_VERSION
from store.mentions import reextract_stale
from store.pages import stale_pages
from tests.web.conftest import article_html
from tui.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "reliability" / "fixtures"


def test_a_page_from_an_older_extractor_is_derived_again_from_its_raw_bytes(db, tmp_path):
    page = tmp_path / "story.html"
    page.write_text(article_html(), encoding="utf-8")
    import_paths(db, [page])
    [summary] = list_articles(db)
    text = get_article(db, summary.id).text
    start = text.index("Analysts at Morgan Stanley")
    note = annotations.create_annotation(db, summary.id, start, start + 40, ["analysts"], None)
    # What an extractor upgrade looks like from the database: the stored page yields more text than the
    # stored article has (here the page itself is edited in place to stand for that), under an older version.
    richer = article_html(paragraphs=["A paragraph the older extractor missed, about the supply of chips in 2026.",
                                      "Analysts at Morgan Stanley raised their price target to $200 from $180, "
                                      "citing stronger margins and a faster product cycle than promised."])
    db.execute("UPDATE pages SET raw = ?, extractor = 'trafilatura 1.0; 000000000000'",
               [zlib.compress(richer.encode("utf-8"))])
    assert stale_pages(db) == [summary.id]

    reextract_stale(db)  # what the app and the mentions commands do at start

    assert stale_pages(db) == []
    assert db.execute("SELECT extractor FROM pages").fetchone()[0] == HTML_EXTRACTOR_VERSION
    [again] = list_articles(db)
    assert again.id == summary.id
    assert "A paragraph the older extractor missed" in get_article(db, again.id).text
    moved = annotations.get_annotation(db, note.id)
    assert moved.anchor in ("exact", "moved") and moved.exact.startswith("Analysts at Morgan Stanley")


def test_a_stale_page_with_no_text_now_keeps_its_article_and_is_not_read_again(db, tmp_path):
    page = tmp_path / "story.html"
    page.write_text(article_html(), encoding="utf-8")
    import_paths(db, [page])
    before = get_article(db, list_articles(db)[0].id).text
    db.execute("UPDATE pages SET raw = ?, extractor = 'old'", [zlib.compress(b"<html><body></body></html>")])

    reextract_stale(db)

    assert get_article(db, list_articles(db)[0].id).text == before
    assert stale_pages(db) == []


def test_a_database_from_before_web_pages_upgrades_and_takes_them(tmp_path, capsys):
    path = tmp_path / "broadsheet.db"
    shutil.copy(FIXTURES / "v7.db", path)
    page = tmp_path / "story.html"
    page.write_text(article_html(), encoding="utf-8")

    assert main(["--db", str(path), "import", str(page)]) == 0

    assert "backed up the database" in capsys.readouterr().err
    db = open_db(path)
    try:
        rows = {a.path: a for a in list_articles(db)}
        assert rows[str(page)].language == "en" and rows[str(page)].byline == "Ann Lee"
        assert all(a.language is None for p, a in rows.items() if p != str(page))  # the old articles are intact
        assert db.execute("SELECT count(*) FROM pages").fetchone()[0] == 1
    finally:
        db.close()
