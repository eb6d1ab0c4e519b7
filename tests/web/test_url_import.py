"""``broadsheet import URL...``: fetched pages become articles like files do; the same report; a skip line per
URL that could not be imported; fetching again is conditional and updates the same article when it changed."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

from store import annotations
from store.articles import get_article, list_articles
from store.importer import import_paths
from tests.web.conftest import article_html

BROADSHEET = Path(sys.executable).with_name("broadsheet")


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BROADSHEET), "--db", str(db), *args], capture_output=True, text=True, timeout=120)


def test_urls_and_paths_import_together_with_one_skip_line_per_failed_url(site, tmp_path):
    good = site.page("/markets/chips", article_html())
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    private = site.page("/private/memo", article_html("Memo"))
    broken = site.page("/broken", "oops", status=500)
    pdf = site.page("/report.pdf", b"%PDF-1.7", content_type="application/pdf")
    empty = site.page("/app", "<html><body><div id='root'></div><script>start()</script></body></html>")
    wall = site.page("/paywalled", "<html><body><form><p>Subscribers sign in</p><input type='password'></form>"
                                   "</body></html>")
    missing = site.url("/gone")
    file = tmp_path / "local.md"
    file.write_text("# Local note\n\nA paragraph written by hand about the chip rally and its causes.\n")

    result = run_cli(tmp_path / "db", "import", good, str(file), private, broken, pdf, empty, wall, missing + "#part",
                     "--json")

    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert (report["imported"], report["updated"], report["unchanged"]) == (2, 0, 0)
    assert {(s["path"], s["reason"]) for s in report["skipped"]} == {
        (private, "disallowed by robots.txt"),
        (broken, "HTTP 500 Internal Server Error"),
        (pdf, "not HTML (content type application/pdf)"),
        (empty, "no article text found"),
        (wall, "no article text found: the page asks to sign in"),
        (missing, "HTTP 404 Not Found"),
    }
    skip_lines = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert f"broadsheet import: skipped {broken}: HTTP 500 Internal Server Error" in skip_lines
    assert len(skip_lines) == 6

    listed = json.loads(run_cli(tmp_path / "db", "articles", "--json").stdout)
    web = next(row for row in listed if row["path"] == good)
    assert (web["title"], web["url"], web["source"], web["byline"], web["feeds"]) == (
        "Chipmakers rally on AI demand", good, "Example Wire", "Ann Lee", [])


def test_the_plain_report_counts_urls_like_files(site, tmp_path):
    url = site.page("/story", article_html())
    result = run_cli(tmp_path / "db", "import", url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 imported, 0 updated, 0 unchanged, 0 skipped"
    again = run_cli(tmp_path / "db", "import", url)
    assert again.stdout.strip() == "0 imported, 0 updated, 1 unchanged, 0 skipped"


def test_fetching_again_is_conditional_and_a_304_leaves_the_article_unchanged(db, site):
    url = site.page("/story", article_html(), etag='"v1"')
    assert import_paths(db, [url]).imported == 1

    report = import_paths(db, [url])

    assert (report.imported, report.updated, report.unchanged) == (0, 0, 1)
    assert site.asked("/story")[-1]["if-none-match"] == '"v1"'
    last = db.execute("SELECT etag FROM pages").fetchone()[0]
    assert last == '"v1"'


def test_last_modified_is_sent_back_when_there_is_no_etag(db, site):
    stamp = "Fri, 06 Feb 2026 09:30:00 GMT"
    url = site.page("/story", article_html(), last_modified=stamp)
    import_paths(db, [url])
    assert import_paths(db, [url]).unchanged == 1
    assert site.asked("/story")[-1]["if-modified-since"] == stamp


def test_the_same_text_served_again_without_validators_is_unchanged(db, site):
    url = site.page("/story", article_html())
    import_paths(db, [url])
    site.page("/story", article_html().replace("</body>", "<script>ads()</script></body>"))  # new bytes, same text

    assert import_paths(db, [url]).unchanged == 1
    assert b"ads()" in zlib.decompress(db.execute("SELECT raw FROM pages").fetchone()[0])


def test_a_changed_page_updates_the_same_article_and_its_annotations_follow(db, site):
    first = ["Shares of Nvidia rose 4% on Tuesday after the company said data-centre revenue reached $39 billion "
             "in the quarter, beating the forecasts of every analyst surveyed by the wire.",
             "Analysts at Morgan Stanley raised their price target to $200 from $180, citing stronger margins."]
    url = site.page("/story", article_html(paragraphs=first), etag='"v1"')
    import_paths(db, [url])
    [summary] = list_articles(db)
    text = get_article(db, summary.id).text
    start = text.index("Analysts at Morgan Stanley")
    note = annotations.create_annotation(db, summary.id, start, start + 40, ["analysts"], "price target")

    edited = ["An editor's note now opens the story, added two hours after it was first published online.", *first]
    site.page("/story", article_html(paragraphs=edited), etag='"v2"')
    report = import_paths(db, [url])

    assert (report.imported, report.updated, report.unchanged) == (0, 1, 0)
    assert site.asked("/story")[-1]["if-none-match"] == '"v1"'
    [again] = list_articles(db)
    assert again.id == summary.id
    assert "An editor's note now opens the story" in get_article(db, again.id).text
    moved = annotations.get_annotation(db, note.id)
    assert moved.anchor in ("exact", "moved") and moved.exact.startswith("Analysts at Morgan Stanley")
    assert db.execute("SELECT etag FROM pages").fetchone()[0] == '"v2"'


def test_a_redirected_url_is_stored_under_the_url_given_with_the_final_url_kept(db, site):
    site.page("/2026/02/06/chips", article_html())
    short = site.redirect("/s/abc", "/2026/02/06/chips", status=301)

    assert import_paths(db, [short]).imported == 1

    [summary] = list_articles(db)
    assert summary.path == short and summary.url == site.url("/2026/02/06/chips")
    assert db.execute("SELECT final_url FROM pages").fetchone()[0] == site.url("/2026/02/06/chips")


def test_a_canonical_link_is_the_article_url(db, site):
    url = site.page("/amp/story?utm_source=x", article_html(
        extra_head='<link rel="canonical" href="https://news.example.com/story">'))
    import_paths(db, [url])
    assert list_articles(db)[0].url == "https://news.example.com/story"
