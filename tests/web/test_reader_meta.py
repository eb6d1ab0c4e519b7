"""The reader's metadata line names what the web told us: source, byline, date, URL, words, feeds."""

from __future__ import annotations

from store.articles import get_article, list_articles
from store.importer import import_paths
from tests.web.conftest import article_html
from tui.widgets.reader import meta_line


def test_the_metadata_line_shows_source_byline_date_url_words_and_feeds(db, site):
    url = site.page("/story", article_html())
    import_paths(db, [url])
    article = get_article(db, list_articles(db)[0].id)

    assert meta_line(article) == f"Example Wire · by Ann Lee · 2026-02-06 · {url} · {article.words:,} words"
    article.feeds = ["Markets", "Tech"]
    assert meta_line(article).endswith(f"{article.words:,} words · via Markets, Tech")


def test_an_article_without_web_metadata_shows_what_it_has(db, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Plain headline\n\nA paragraph of plain text about markets and chips.\n")
    import_paths(db, [path])
    article = get_article(db, list_articles(db)[0].id)
    assert meta_line(article) == f"{article.words:,} words"
