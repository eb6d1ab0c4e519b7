"""Filters in the query (source:, label:, entity:, tag:, in:) and the notes scope."""

from __future__ import annotations

from store import annotations
from store.search import normalize, parse_query, search


def test_parse_query_separates_filters_phrases_and_words():
    parsed = parse_query('tag:claims  \u201cSell first\u201d entity:"Jerome Powell" thnik in:quotes later')
    assert parsed.filters == {"tag": ("claims",), "entity": ("jerome powell",), "in": ("quotes",)}
    assert parsed.phrases == ("sell first",)
    assert parsed.words == ("sell", "first", "thnik", "later")


def test_source_filter_keeps_only_that_publishers_articles(corpus):
    corpus.execute("UPDATE articles SET source = 'Reuters' WHERE id = 2")
    hits = search(corpus, "AI stocks source:reuters", limit=20)
    assert hits and {hit.article_id for hit in hits} == {2}
    assert {hit.source for hit in hits} == {"Reuters"}


def test_label_filter_keeps_sentences_holding_such_a_mention(corpus):
    hits = search(corpus, "market value label:MONEY", limit=20)
    assert hits
    for hit in hits:
        labels = corpus.execute(
            'SELECT label FROM mentions WHERE article_id = ? AND start >= ? AND "end" <= ?',
            [hit.article_id, hit.start, hit.end],
        ).fetchall()
        assert ("MONEY",) in labels


def test_entity_filter_alone_lists_sentences_naming_the_entity(corpus):
    hits = search(corpus, "entity:nvidia", limit=50)
    assert hits and all("nvidia" in normalize(hit.text) for hit in hits)


def test_quotes_scope_keeps_sentences_with_a_quotation(corpus):
    hits = search(corpus, "in:quotes market", limit=20)
    assert hits and all(any(mark in hit.text for mark in '"\u201c\u201d\u2018') for hit in hits)


def test_tag_filter_and_notes_scope_follow_annotations(corpus):
    text = corpus.execute("SELECT text FROM articles WHERE id = 3").fetchone()[0]
    start = text.index("GPUs are the new oil")
    annotations.create_annotation(corpus, 3, start, start + 20, ["metaphor"], "Compare with the railway boom")
    tagged = search(corpus, "new oil tag:metaphor", limit=10)
    assert tagged and all(hit.article_id == 3 and hit.start <= start < hit.end for hit in tagged)
    assert search(corpus, "market tag:nonexistent") == []
    notes = search(corpus, "railwy boom", scope="notes")
    assert notes[0].kind == "note" and "railway boom" in notes[0].text
    assert notes[0].matches == [(start, start + 20)]
    assert search(corpus, "in:notes #metaphor")[0].kind == "note"
