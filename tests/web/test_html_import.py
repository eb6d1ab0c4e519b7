"""Saved web pages: .html/.htm/.html.gz files and folders of them become articles with their structure and
metadata; the raw page is kept; HTML in a .txt/.md is read as HTML; a page without article text is a skip."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zlib
from pathlib import Path

from store.articles import get_article, list_articles
from store.importer import import_paths
from store.ingest.html import HTML_EXTRACTOR_VERSION
from store.pages import page_bytes
from tests.web.conftest import article_html
from tui.cli import main

BROADSHEET = Path(sys.executable).with_name("broadsheet")


def _blocks(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def test_a_saved_page_becomes_an_article_with_structure_and_metadata(db, tmp_path):
    page = tmp_path / "nvidia.html"
    page.write_text(article_html(), encoding="utf-8")

    report = import_paths(db, [page])

    assert (report.imported, report.skipped) == (1, [])
    [summary] = list_articles(db)
    article = get_article(db, summary.id)
    assert article.title == "Chipmakers rally on AI demand"
    assert (article.source, article.byline, article.published, article.language) == (
        "Example Wire", "Ann Lee", "2026-02-06", "en")
    kinds = _blocks(article)
    assert kinds[0] == ("title", "Chipmakers rally on AI demand")
    assert ("heading", "What comes next") in kinds
    assert ("quote", '"Demand is incredible, and supply will stay tight until next year," the chief executive said.') \
        in kinds
    assert ("list", "Revenue: $39 billion, up 78% on the year") in kinds
    assert not any("Markets" in text or "Copyright" in text for _, text in kinds)  # navigation and footer left out
    assert "<" not in article.text  # no markup stored: offsets are into the text the reader shows
    for start, end in article.sentences:
        assert article.text[start:end].strip() == article.text[start:end]
    assert any(article.text[s:e].startswith("Shares of Nvidia rose 4%") for s, e in article.sentences)
    figures = db.execute("SELECT text FROM mentions WHERE article_id = ? AND kind = 'figure'", [article.id])
    assert "$39 billion" in {row[0] for row in figures}


def test_the_raw_page_is_stored_compressed_with_the_extractor_version(db, tmp_path):
    html = article_html()
    page = tmp_path / "story.htm"
    page.write_text(html, encoding="utf-8")
    import_paths(db, [page])
    article_id = list_articles(db)[0].id

    raw, extractor, size = db.execute("SELECT raw, extractor, size FROM pages WHERE article_id = ?",
                                      [article_id]).fetchone()
    assert zlib.decompress(raw) == html.encode("utf-8") and size == len(html.encode("utf-8"))
    assert len(raw) < size  # compressed
    assert extractor == HTML_EXTRACTOR_VERSION
    assert page_bytes(db, article_id) == (html.encode("utf-8"), "utf-8")


def test_gzipped_pages_in_a_folder_are_imported_and_other_files_beside_them_ignored(db, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "one.html.gz").write_bytes(gzip.compress(article_html("First story").encode()))
    (folder / "two.HTML").write_text(article_html("Second story"), encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")

    report = import_paths(db, [folder])

    assert (report.imported, report.skipped) == (2, [])
    assert sorted(a.title for a in list_articles(db)) == ["First story", "Second story"]


def test_reimporting_an_unchanged_page_changes_nothing_and_a_changed_one_updates_the_article(db, tmp_path):
    page = tmp_path / "story.html"
    page.write_text(article_html(), encoding="utf-8")
    import_paths(db, [page])
    first = list_articles(db)[0]

    assert import_paths(db, [page]).unchanged == 1
    page.write_text(article_html(paragraphs=["A wholly new first paragraph about chips, written after the fact "
                                             "by an editor who changed the story without a word."]), encoding="utf-8")
    report = import_paths(db, [page])

    assert report.updated == 1
    [again] = list_articles(db)
    assert again.id == first.id
    assert "wholly new first paragraph" in get_article(db, again.id).text
    assert b"wholly new" in page_bytes(db, again.id)[0]


def test_a_page_without_article_text_is_one_skip_line_and_the_others_import(tmp_path, capsys):
    empty = tmp_path / "shell.html"
    empty.write_text("<html><head><title>App</title></head><body><div id='root'></div>"
                     "<script>render()</script></body></html>", encoding="utf-8")
    wall = tmp_path / "wall.html"
    wall.write_text("<html><head><title>Members only</title></head><body><form><p>Sign in</p>"
                    "<input type='email' name='e'><input type='password' name='p'><button>Log in</button></form>"
                    "</body></html>", encoding="utf-8")
    good = tmp_path / "good.html"
    good.write_text(article_html(), encoding="utf-8")

    status = main(["--db", str(tmp_path / "db"), "import", str(empty), str(wall), str(good), "--json"])

    report = json.loads(capsys.readouterr().out)
    assert status == 1 and report["imported"] == 1
    assert {(s["path"], s["reason"]) for s in report["skipped"]} == {
        (str(empty), "no article text found"),
        (str(wall), "no article text found: the page asks to sign in"),
    }


def test_html_in_a_txt_or_md_file_is_read_as_html_with_a_warning(db, tmp_path):
    renamed = tmp_path / "story.txt"
    renamed.write_text(article_html(), encoding="utf-8")
    markdown = tmp_path / "notes.md"
    markdown.write_text("\n  <!-- saved -->\n" + article_html("Second story"), encoding="utf-8")
    prose = tmp_path / "prose.md"
    prose.write_text("# A note\n\nThis is prose with <b>some</b> inline HTML, which stays Markdown.\n",
                     encoding="utf-8")

    report = import_paths(db, [renamed, markdown, prose])

    assert report.imported == 3
    titles = {a.path: a.title for a in list_articles(db)}
    assert titles[str(renamed)] == "Chipmakers rally on AI demand"
    assert titles[str(markdown)] == "Second story"
    assert titles[str(prose)] == "A note"
    assert f"{renamed}: the content is HTML, not .txt text: read as a web page" in report.warnings
    assert f"{markdown}: the content is HTML, not .md text: read as a web page" in report.warnings
    for path in (renamed, markdown):
        article_id = next(a.id for a in list_articles(db) if a.path == str(path))
        assert "<!DOCTYPE" not in get_article(db, article_id).text
        assert page_bytes(db, article_id) is not None


def test_the_page_charset_is_read_from_its_meta_and_a_page_without_one_still_reads(db, tmp_path):
    latin = tmp_path / "latin.html"
    latin.write_bytes(article_html(paragraphs=["Le café a coûté 4 € de plus à la Bourse de Paris ce mardi, "
                                               "selon les chiffres publiés par la banque centrale."],
                                   charset_meta="windows-1252", lang="fr").encode("cp1252"))
    bare = tmp_path / "bare.html"
    bare.write_bytes(article_html(paragraphs=["Crédit Agricole said profit rose to €1.9 billion in a quarter "
                                              "marked by higher rates across the euro area."],
                                  charset_meta=None).encode("utf-8"))

    report = import_paths(db, [latin, bare])

    assert report.imported == 2
    texts = {a.path: get_article(db, a.id).text for a in list_articles(db)}
    assert "Le café a coûté 4 €" in texts[str(latin)]
    assert "€1.9 billion" in texts[str(bare)] and "Crédit" in texts[str(bare)]


def test_articles_and_show_json_carry_the_web_metadata_for_every_article(tmp_path, capsys):
    page = tmp_path / "story.html"
    page.write_text(article_html(), encoding="utf-8")
    text = tmp_path / "plain.txt"
    text.write_text("Plain headline\n\nA paragraph of plain text that says something about markets.\n")
    db = str(tmp_path / "db")
    main(["--db", db, "import", str(page), str(text)])
    capsys.readouterr()

    assert main(["--db", db, "articles", "--json"]) == 0
    rows = {row["path"]: row for row in json.loads(capsys.readouterr().out)}
    web, plain = rows[str(page)], rows[str(text)]
    expected = ("Example Wire", "Ann Lee", "2026-02-06", [])
    assert (web["source"], web["byline"], web["published"], web["feeds"]) == expected
    assert (plain["url"], plain["source"], plain["published"], plain["byline"], plain["feeds"]) == (
        None, None, None, None, [])

    assert main(["--db", db, "show", str(web["id"]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {key: shown[key] for key in ("source", "byline", "published", "language", "feeds")} == {
        "source": "Example Wire", "byline": "Ann Lee", "published": "2026-02-06", "language": "en", "feeds": []}
    assert "url" in shown


def test_show_raw_prints_the_stored_page_and_refuses_an_article_without_one(tmp_path):
    html = article_html()
    page = tmp_path / "story.html"
    page.write_bytes(html.encode("utf-8"))
    plain = tmp_path / "plain.txt"
    plain.write_text("Plain headline\n\nA paragraph of plain text.\n")
    db = str(tmp_path / "db")
    command = [str(BROADSHEET), "--db", db]
    subprocess.run([*command, "import", str(page), str(plain)], check=True, capture_output=True)
    page.unlink()  # the page is printed from the database, not from the file

    shown = subprocess.run([*command, "show", "story.html", "--raw"], capture_output=True)
    refused = subprocess.run([*command, "show", "plain.txt", "--raw"], capture_output=True, text=True)

    assert shown.returncode == 0 and shown.stdout == html.encode("utf-8")
    assert refused.returncode == 2
    assert refused.stderr.strip() == ("broadsheet show: plain.txt: no web page stored (the article was not read from "
                                      "HTML)")


def test_broken_and_hostile_page_files_are_one_skip_line_each_and_the_rest_imports(db, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.htm").write_bytes(b"")
    with (folder / "huge.html").open("wb") as handle:
        handle.write(b"<html><body><p>")
        handle.truncate(11 * 1024 * 1024)
    (folder / "escapes.html").write_text(article_html(paragraphs=[
        "Evil \x1b[31mred\x1b[0m text \u202eodd\u202c and enough ordinary words to make this paragraph a real one "
        "that an extractor keeps as the body of the story."]), encoding="utf-8")

    report = import_paths(db, [folder])

    reasons = {Path(p.path).name: p.reason for p in report.skipped}
    assert set(reasons) == {"corrupt.html.gz", "binary.html", "empty.htm", "huge.html"}
    assert reasons["huge.html"] == "page too large (over 10,485,760 bytes)"
    assert reasons["corrupt.html.gz"].startswith("cannot read: ")
    assert reasons["empty.htm"] == reasons["binary.html"] == "no article text found (not a readable HTML document)"
    [article] = [get_article(db, a.id) for a in list_articles(db)]
    assert "Evil [31mred[0m text odd and enough" in article.text  # escapes and bidi controls removed
