"""Feed documents of every kind become entries; what is not a feed is one reason."""

from __future__ import annotations

import pytest

from store.feeds.parse import FeedError, parse_feed
from tests.feeds.documents import ATOM, JSON_FEED, LOGIN_PAGE, RSS091, RSS1, rss2


def test_rss2_entries_carry_link_title_date_and_author():
    feed = parse_feed(
        rss2([{"title": "Acme beats", "link": "https://example.org/acme",
               "author": "desk@example.org (Dee Desk)"}]).encode(),
        "https://example.org/rss",
    )
    assert feed.title == "Example News"
    [entry] = feed.entries
    assert (entry.key, entry.link, entry.title, entry.published) == (
        "https://example.org/acme", "https://example.org/acme", "Acme beats", "2026-03-03"
    )
    assert entry.author and "Dee Desk" in entry.author
    assert entry.html == "A short teaser." and not entry.full


@pytest.mark.parametrize(
    ("document", "title", "link", "published"),
    [
        (RSS091, "Legacy story", "http://old.example/legacy.html", None),
        (RSS1, "RDF story", "http://rdf.example/one", "2026-02-01"),
        (JSON_FEED, "JSON story", "https://json.example/j1", "2026-04-02"),
    ],
)
def test_rss_091_rss_1_and_json_feed_are_read(document, title, link, published):
    [entry] = parse_feed(document.encode(), "https://feeds.example/x").entries
    assert (entry.title, entry.link, entry.published) == (title, link, published)


def test_atom_relative_links_resolve_and_long_content_is_the_article():
    [entry] = parse_feed(ATOM.encode(), "https://atom.example/feed.xml").entries
    assert entry.link == "https://atom.example/blog/posts/full.html"
    assert entry.key == "urn:story:1" and entry.author == "Bo Reporter"
    assert entry.full and "Acme Corp earned $39 million" in entry.html


def test_relative_links_in_rss_resolve_against_the_feed_url():
    feed = rss2([{"title": "Rel", "link": "/2026/rel.html"}]).encode()
    [entry] = parse_feed(feed, "https://rel.example/feeds/all.rss").entries
    assert entry.link == "https://rel.example/2026/rel.html"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (LOGIN_PAGE, "not a feed: the server sent an HTML page"),
        ("<rss><channel><title>cut off", "malformed feed XML"),
        ("just some text", "not a feed"),
        ("   ", "empty response"),
    ],
)
def test_what_is_not_a_feed_is_refused_with_a_reason(body, reason):
    with pytest.raises(FeedError, match=reason):
        parse_feed(body.encode(), "https://example.org/feed")


def test_json_feed_text_content_and_relative_urls():
    document = JSON_FEED.replace('"url": "https://json.example/j1"',
                                 '"url": "/j1", "content_text": "' + "word " * 200 + '"')
    [entry] = parse_feed(document.encode(), "https://json.example/feed.json").entries
    assert entry.link == "https://json.example/j1" and entry.full and entry.author == "Cy Author"


@pytest.mark.parametrize(("body", "reason"),
                         [("{not json", "malformed JSON"), ('{"a": 1}', "without a JSON Feed version")])
def test_json_that_is_not_a_json_feed_is_refused(body, reason):
    with pytest.raises(FeedError, match=reason):
        parse_feed(body.encode(), "https://example.org/feed.json")
