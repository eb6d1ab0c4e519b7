"""Fuzzy search over the sample articles: each way of misremembering a quote still finds it first."""

from __future__ import annotations

import threading

import pytest

from store.search import normalize, search


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sel frist thnik latr", "\u201csell first, think later\u201d"),  # typos and half-typed words
        ('consensus that "GPUs are the new oil."', "\u201cGPUs are the new oil.\u201d"),  # straight for curly
        ("marathon sprint", "This is a marathon, not a sprint."),  # missing words
        ("the reins will hold of the future information", "will hold the reins of the future"),  # order
        ("hyperscal capit expend approach", "Hyperscaler capital expenditure plans approaching"),  # truncated
        ("whoevr contrls fondational modls reins", "Whoever controls AI\u2019s foundational models"),  # mixed
    ],
)
def test_each_kind_of_misremembering_finds_the_sentence_first(corpus, query, expected):
    hits = search(corpus, query, limit=10)
    assert hits, query
    assert normalize(expected) in normalize(hits[0].text), [h.text for h in hits[:3]]


def test_hits_point_into_the_article_text(corpus, article_text):
    for hit in search(corpus, "capitl expendture", limit=5):
        assert article_text(hit.article_id)[hit.start : hit.end] == hit.text
        assert hit.path.endswith(".txt") and hit.title and hit.kind == "sentence"


def test_matched_ranges_cover_the_matched_words_in_the_article_text(corpus, article_text):
    hit = search(corpus, "capitl expendture", limit=1)[0]
    text = article_text(hit.article_id)
    matched = [normalize(text[start:end]) for start, end in hit.matches]
    assert "capital" in matched and "expenditure" in matched
    assert all(hit.start <= start < end <= hit.end for start, end in hit.matches)
    assert [(s - hit.start, e - hit.start) for s, e in hit.matches] == hit.text_matches


def test_an_exact_phrase_ranks_above_every_fuzzy_match(corpus):
    hits = search(corpus, '"tech stocks" valuation', limit=10)
    exact = [normalize("tech stocks") in normalize(hit.text) for hit in hits]
    assert exact[0] and exact == sorted(exact, reverse=True)


def test_the_whole_query_found_as_typed_ranks_first(corpus):
    hits = search(corpus, "the new oil", limit=5)
    assert "the new oil" in hits[0].text


def test_search_within_one_article_returns_only_its_sentences(corpus):
    everywhere = {hit.article_id for hit in search(corpus, "Nvidia", limit=50)}
    assert len(everywhere) > 1
    article = min(everywhere)
    hits = search(corpus, "nvdia", article_id=article, limit=50)
    assert hits and {hit.article_id for hit in hits} == {article}


def test_titles_scope_finds_a_misspelt_title(corpus):
    hits = search(corpus, "respit amid sell-of", scope="titles", limit=3)
    assert hits[0].kind == "title" and hits[0].text == "Tech Stocks See Respite Amid AI Sell-Off"
    assert search(corpus, "in:titles respit amid", limit=1)[0].kind == "title"


def test_entities_scope_lists_canonical_entities_once(corpus):
    hits = search(corpus, "microsft", scope="entities", limit=5)
    assert hits and hits[0].kind == "entity" and "microsoft" in normalize(hits[0].text)
    assert len({normalize(hit.text) for hit in hits}) == len(hits)


def test_a_set_cancel_event_returns_nothing(corpus):
    cancel = threading.Event()
    cancel.set()
    assert search(corpus, "nvidia", cancel=cancel) == []


def test_limit_is_respected(corpus):
    assert len(search(corpus, "AI", limit=3)) == 3
    assert search(corpus, "AI", limit=0) == []
