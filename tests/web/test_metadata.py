"""A page's metadata (store.ingest.metadata) is what trafilatura's own ``extract_metadata`` finds for the fields an
article keeps — on pages that take each of its paths — without its category, tag and licence searches."""

from __future__ import annotations

import lxml.html
import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from store.ingest.metadata import page_metadata
from tests.web.conftest import article_html

_PARAGRAPH = "<p>Shares of the company rose 4% on Tuesday after it said revenue reached $39 billion.</p>"

PAGES = {
    "meta tags": (article_html(), None),
    "JSON-LD only": ("""<html><head><title>x</title><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Rates held at 5%",
 "author": {"@type": "Person", "name": "Maria Ortiz"}, "datePublished": "2025-03-04T08:00:00Z",
 "publisher": {"@type": "Organization", "name": "The Ledger"}}</script></head>
<body><article><h1>Rates held at 5%</h1>""" + _PARAGRAPH + "</article></body></html>", None),
    "only the page itself": ("""<html><head><title>Port strike ends &amp; ships sail – harbour.example.org</title>
<link rel="canonical" href="/news/port-strike"><meta property="og:image" content="https://harbour.example.org/i.png">
</head><body><h1>Port strike ends</h1><div class="byline">By <span class="author">Tom Reyes</span></div>
<time datetime="2024-11-02">2 November</time>""" + _PARAGRAPH + "</body></html>", None),
    "a handle for a site name and a one-word author": ("""<html><head><title>Budget vote</title>
<meta name="twitter:site" content="@citydesk"><meta name="author" content="desk">
<meta property="og:url" content="https://www.citydesk.example/budget"></head>
<body><h1>Budget vote</h1><p class="author">Lena Park</p>""" + _PARAGRAPH + "</body></html>", None),
    "no site named and a URL given": ("<html><head><title>Notes</title></head><body>" + _PARAGRAPH
                                      + "</body></html>", "https://www.news.example.co.uk/notes"),
    "no site named and a URL no site name can be read from": (
        "<html><head><title>Notes</title></head><body>" + _PARAGRAPH + "</body></html>",
        "ftp://files.example.org/notes"),
}


@pytest.mark.parametrize("name", PAGES)
def test_the_kept_fields_are_what_trafilatura_finds(name):
    html, url = PAGES[name]
    tree = load_html(html)
    before = lxml.html.tostring(tree)

    ours = page_metadata(tree, url)

    assert lxml.html.tostring(tree) == before  # read only: the same tree is then handed to the text extractor
    theirs = extract_metadata(load_html(html), url, {"extensive_search": False})
    assert (ours.title, ours.author, ours.url, ours.date, ours.sitename) == (
        theirs.title, theirs.author, theirs.url, theirs.date, theirs.sitename)
    assert ours.source() == (theirs.sitename or theirs.hostname)


def test_the_fields_found_on_each_kind_of_page():
    found = {name: page_metadata(load_html(html), url) for name, (html, url) in PAGES.items()}

    assert (found["meta tags"].title, found["meta tags"].author, found["meta tags"].source(),
            found["meta tags"].date) == ("Chipmakers rally on AI demand", "Ann Lee", "Example Wire", "2026-02-06")
    ld = found["JSON-LD only"]
    assert (ld.title, ld.author, ld.source(), ld.date) == ("Rates held at 5%", "Maria Ortiz", "The Ledger",
                                                           "2025-03-04")
    page = found["only the page itself"]
    assert (page.title, page.author, page.url, page.source(), page.date) == (
        "Port strike ends", "Tom Reyes", "https://harbour.example.org/news/port-strike", "harbour.example.org",
        "2024-11-02")
    handle = found["a handle for a site name and a one-word author"]
    assert (handle.author, handle.source()) == ("Lena Park", "Citydesk")
    assert found["no site named and a URL given"].source() == "news.example.co.uk"
    assert found["no site named and a URL no site name can be read from"].sitename is None
    assert found["no site named and a URL no site name can be read from"].source() == "example.org"
