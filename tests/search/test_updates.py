"""The index follows imports without a rebuild; recent queries persist; a Searcher sees other writers."""

from __future__ import annotations

from store.db import open_db
from store.importer import import_paths
from store.search import Searcher, recent_queries, record_query, search

NEW_ARTICLE = """Quiet harbour towns brace for the zephyrine tide

Harbourmasters said the zephyrine tide would crest on Thursday, flooding the lower quays.
Residents moved boats inland overnight.
"""


def test_an_imported_article_is_found_by_the_next_search(corpus, tmp_path):
    assert not any("zephyrine" in hit.text for hit in search(corpus, "zephyrine tide"))
    path = tmp_path / "harbour.txt"
    path.write_text(NEW_ARTICLE, encoding="utf-8")
    import_paths(corpus, [path])
    hits = search(corpus, "zephyrin tid crest thursdy")
    assert hits and "zephyrine tide would crest on Thursday" in hits[0].text


def test_a_searcher_sees_what_another_connection_imported(corpus, corpus_path, tmp_path):
    searcher = Searcher(corpus_path)
    try:
        assert searcher.search("harbourmasters") == []
        path = tmp_path / "harbour.txt"
        path.write_text(NEW_ARTICLE, encoding="utf-8")
        import_paths(corpus, [path])
        assert "Harbourmasters" in searcher.search("harbormasters")[0].text
    finally:
        searcher.close()


def test_an_interrupted_searcher_answers_the_next_query(corpus_path):
    searcher = Searcher(corpus_path)
    try:
        searcher.interrupt()
        assert searcher.search("nvidia")
    finally:
        searcher.close()


def test_recent_queries_are_newest_first_without_repeats_and_persist(corpus_path):
    db = open_db(corpus_path)
    for query in ("nvidia", "sell first", "  nvidia  ", "", "bubble"):
        record_query(db, query)
    db.close()
    reopened = open_db(corpus_path)
    try:
        assert recent_queries(reopened, 10) == ["bubble", "nvidia", "sell first"]
        assert recent_queries(reopened, 1) == ["bubble"]
    finally:
        reopened.close()
