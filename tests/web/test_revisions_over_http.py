"""A page edited on the (loopback) site and fetched again: one article, two revisions, their diff, and every
annotation in its anchor state — figure-changed included."""

from __future__ import annotations

import json

from store import annotations
from store.articles import get_article, list_articles
from store.importer import import_paths
from store.revisions import list_revisions
from tests.web.conftest import article_html
from tui.cli import main

STEADY = "Chip stocks have doubled this year as investors bet that demand for accelerators will keep growing."
FIRST = [
    "Shares of Nvidia rose 4% on Tuesday after the company said data-centre revenue reached $39 billion in the "
    "quarter, beating the forecasts of every analyst surveyed by the wire.",
    "Analysts at Morgan Stanley said the four largest cloud companies plan to spend $650 billion on data centres.",
    STEADY,
    "Traders expect more volatility before the central bank meets next week, according to the wire's survey.",
]
EDITED = [
    "An editor's note now opens the story, added two hours after it was first published online.",
    "Shares of Nvidia rose 4% on Tuesday after the company said data-centre revenue reached $36 billion in the "
    "quarter, beating the forecasts of every analyst surveyed by the wire.",
    "Analysts at Morgan Stanley said the four largest cloud companies plan to spend nearly $650bn on data centres.",
    STEADY,
    "Some investors expect calmer markets after the central bank meets next week, according to the wire's survey.",
]
QUOTES = {
    "exact": "Chipmakers rally on AI demand",  # the headline, before every edit
    "moved": "beating the forecasts of every analyst surveyed",
    "figure-changed": "data-centre revenue reached $39 billion in the quarter",
    "fuzzy": "spend $650 billion on data centres",
    "orphaned": "Traders expect more volatility before the central bank meets next week",
}


def test_a_refetched_page_keeps_both_revisions_and_says_what_happened_to_each_note(db, db_path, site, capsys):
    url = site.page("/story", article_html(paragraphs=FIRST), etag='"v1"')
    import_paths(db, [url])
    [summary] = list_articles(db)
    text = get_article(db, summary.id).text
    ids = {}
    for expected, quote in QUOTES.items():
        start = text.index(quote)
        ids[expected] = annotations.create_annotation(db, summary.id, start, start + len(quote), ["web"]).id

    site.page("/story", article_html(paragraphs=EDITED), etag='"v2"')
    report = import_paths(db, [url])

    assert report.updated == 1
    [again] = list_articles(db)
    assert again.id == summary.id
    assert [r["n"] for r in list_revisions(db, again.id)] == [1, 2]
    records = {r.id: r for r in annotations.list_annotations(db)}
    assert {expected: records[ids[expected]].anchor for expected in QUOTES} == {
        "exact": "exact",
        "moved": "moved",
        "figure-changed": "fuzzy",
        "fuzzy": "fuzzy",
        "orphaned": "orphaned",
    }
    assert [expected for expected in QUOTES if records[ids[expected]].figure_changed] == ["figure-changed"]
    new_text = get_article(db, again.id).text
    changed = records[ids["figure-changed"]]
    assert new_text[changed.start : changed.end] == "data-centre revenue reached $36 billion in the quarter"

    assert main(["--db", str(db_path), "revisions", str(again.id), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(row["n"], row["added"] > 0, row["removed"] > 0) for row in rows] == [(1, False, False), (2, True, True)]
    assert main(["--db", str(db_path), "diff", str(again.id)]) == 0
    diff = capsys.readouterr().out
    assert "{+An editor's note now opens the story" in diff
    assert "reached [-$39-]{+$36+} billion" in diff
    assert "[-$650 billion-]{+nearly $650bn+}" in diff
