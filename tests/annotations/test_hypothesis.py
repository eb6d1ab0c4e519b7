"""Hypothesis exports read by import-annotations: the client's export and the search API's rows, matched to
articles by URL then title, anchored by their quote selector, orphans kept, nothing imported twice."""

from __future__ import annotations

import json

import pytest

from store.annotations import list_annotations
from store.export import import_annotations
from tests.annotations.helpers import add_article
from tui.cli import main

TEXT = (
    "Chip Stocks Fall Sharply\n"
    "Nvidia fell 17% on Monday, wiping $593 billion off its market value in a single session.\n"
    "Analysts said demand for its processors remained strong across every region.\n"
)
URL = "https://news.example.org/markets/chips"


def hypothesis_annotation(number: int, exact: str, *, uri: str = URL, title: str = "Chip Stocks Fall Sharply", **extra):
    """One annotation as the Hypothesis API gives it (only loopback-free, made-up values)."""
    at = TEXT.find(exact)
    prefix, suffix = (TEXT[max(0, at - 32) : at], TEXT[at + len(exact) : at + len(exact) + 32]) if at >= 0 else ("", "")
    return {
        "id": f"hyp{number:04d}",
        "created": f"2026-02-0{number}T10:00:00.000000+00:00",
        "updated": f"2026-02-0{number}T11:00:00.000000+00:00",
        "user": "acct:reader@hypothes.is",
        "uri": uri,
        "text": extra.pop("text", ""),
        "tags": extra.pop("tags", []),
        "group": "__world__",
        "target": [
            {
                "source": uri,
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/main[1]/p[1]", "startOffset": 0,
                     "endContainer": "/main[1]/p[1]", "endOffset": 10},
                    {"type": "TextPositionSelector", "start": at + 120, "end": at + 120 + len(exact)},
                    {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                ],
            }
        ],
        "document": {"title": [title]},
        "links": {"html": f"https://hypothes.is/a/hyp{number:04d}"},
        **extra,
    }


def client_export(annotations: list[dict]) -> dict:
    return {"export_date": "2026-02-10T09:00:00.000Z", "export_userid": "acct:reader@hypothes.is",
            "client_version": "1.1500.0", "annotations": annotations}


def search_rows(annotations: list[dict]) -> dict:
    return {"total": len(annotations), "rows": annotations}


@pytest.fixture
def news(db):
    return add_article(db, "saved/chips.txt", TEXT, title="Chip Stocks Fall Sharply", url=URL)


ANNOTATIONS = [
    hypothesis_annotation(1, "wiping $593 billion off its market value", tags=["capex", "big figure"],
                          text="Largest **one-day** loss."),
    hypothesis_annotation(2, "demand for its processors remained strong", uri=URL + "#comments"),
    hypothesis_annotation(3, "a sentence the article never had in it at all", tags=["gone"]),
]


@pytest.mark.parametrize("shape", [client_export, search_rows], ids=["client-export", "search-api"])
def test_a_hypothesis_export_is_recognised_anchored_and_imported_once(db, news, tmp_path, shape):
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(shape(ANNOTATIONS)), encoding="utf-8")
    report = import_annotations(db, path)
    assert (report.imported, report.orphaned, report.duplicates, report.problems) == (3, 1, 0, [])
    records = {r.exact: r for r in list_annotations(db, article=news)}
    first = records["wiping $593 billion off its market value"]
    assert (first.anchor, TEXT[first.start : first.end]) == ("moved", first.exact)
    assert first.tags == ("capex", "big-figure") and first.note == "Largest **one-day** loss."
    assert first.created == "2026-02-01T10:00:00.000000+00:00"
    second = records["demand for its processors remained strong"]
    assert second.anchor in ("exact", "moved") and TEXT[second.start : second.end] == second.exact
    orphan = records["a sentence the article never had in it at all"]
    assert (orphan.anchor, orphan.start, orphan.tags) == ("orphaned", None, ("gone",))
    again = import_annotations(db, path)
    assert (again.imported, again.duplicates) == (0, 3)
    assert len(list_annotations(db)) == 3


def test_articles_are_found_by_title_when_no_url_matches(db, news, tmp_path):
    item = hypothesis_annotation(4, "Nvidia fell 17% on Monday", uri="https://mirror.example.net/chips")
    report = import_annotations(db, json.dumps(search_rows([item])))
    assert (report.imported, report.problems) == (1, [])
    [record] = list_annotations(db)
    assert record.article_id == news and record.anchor == "moved"


def test_unknown_pages_replies_and_page_notes_are_one_line_problems(db, news, db_path, tmp_path, capsys):
    unknown = hypothesis_annotation(5, "Nvidia fell", uri="https://elsewhere.example.com/x", title="Another story")
    reply = {**hypothesis_annotation(6, "Nvidia fell"), "references": ["hyp0001"], "target": [{"source": URL}]}
    page_note = {**hypothesis_annotation(7, "Nvidia fell"), "target": [{"source": URL}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(client_export([unknown, reply, page_note])), encoding="utf-8")
    code = main(["--db", str(db_path), "import-annotations", str(path), "--json"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert code == 1 and report["imported"] == 0
    assert sorted(report["problems"]) == [
        "annotation 1 (hyp0005): no article matches url 'https://elsewhere.example.com/x' or title 'Another story'",
        "annotation 2 (hyp0006): a reply, with no quoted text to anchor",
        "annotation 3 (hyp0007): a page note, with no quoted text to anchor",
    ]
    assert len(err.strip().splitlines()) == 3


def test_other_json_is_not_taken_for_hypothesis(db, news):
    report = import_annotations(db, json.dumps({"rows": "not a list", "total": 0}))
    assert report.imported == 0 and report.problems  # read as JSON Lines: one bad record
