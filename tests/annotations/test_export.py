"""Exports in four formats; JSON Lines and W3C read back into a fresh database reproduce every annotation."""

from __future__ import annotations

import csv
import io
import json

import pytest
from markdown_it import MarkdownIt

from store import annotations as store
from store.export import export_annotations, import_annotations
from tests.annotations.helpers import add_article, annotation_db

TEXT = "Shares of *Acme* rose 5% (#1 gainer) on Monday.\n- Beta fell 3% on Tuesday.\n1. Gamma was flat, traders said."
STABLE = (
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "quote_start",
    "quote_end",
    "tags",
    "colors",
    "note",
    "anchor",
    "score",
    "created",
    "updated",
    "path",
)


def span(quote: str) -> tuple[int, int]:
    return TEXT.index(quote), TEXT.index(quote) + len(quote)


@pytest.fixture
def annotated(adb):
    article = add_article(
        adb, "feeds/acme.txt", TEXT, title="Acme rallies", url="https://example.org/acme", source="Wire"
    )
    store.create_annotation(
        adb, article, *span("*Acme* rose 5% (#1 gainer)"), ["claim", "markets"], "Is **5%** right?\n\n- check filings"
    )
    store.create_annotation(adb, article, *span("- Beta fell 3%"), ["claim"], "")
    store.create_annotation(adb, article, *span("1. Gamma was flat"), [], "no tags")
    gone = store.create_annotation(adb, article, *span("traders said"), ["sourcing"], "who?")
    store.set_tag_color(adb, "markets", "#abcdef")
    edited = TEXT.replace(", traders said", "")
    add_article(adb, "feeds/acme.txt", edited)
    store.reanchor_article(adb, article, TEXT, edited)
    assert store.get_annotation(adb, gone["id"])["anchor"] == "orphaned"
    return adb


def fresh_copy(source_db, tmp_path, path_prefix: str = ""):
    """A new database holding the same articles (optionally under other paths) and no annotations."""
    target = annotation_db(tmp_path / "fresh.db")
    for path, text, title, url, source in source_db.execute(
        "SELECT path, text, title, url, source FROM articles ORDER BY id DESC"
    ):
        add_article(target, path_prefix + path, text, title=title, url=url, source=source)
    return target


def stable(records):
    return sorted(
        ({key: r[key] for key in STABLE if key != "path"} for r in records), key=lambda r: r["created"] + r["exact"]
    )


@pytest.mark.parametrize("fmt", ["jsonl", "w3c"])
def test_round_trip_into_a_fresh_database_reproduces_every_annotation(annotated, tmp_path, fmt):
    exported = export_annotations(annotated, fmt)
    fresh = fresh_copy(annotated, tmp_path)
    report = import_annotations(fresh, exported)
    assert (report.imported, report.problems) == (4, [])
    assert stable(store.list_annotations(fresh)) == stable(store.list_annotations(annotated))
    assert store.list_tags(fresh) == store.list_tags(annotated)
    again = import_annotations(fresh, exported)
    assert (again.imported, again.duplicates) == (0, 4)


def test_import_matches_articles_by_url_when_paths_differ(annotated, tmp_path):
    file = tmp_path / "export.jsonl"
    file.write_text(export_annotations(annotated, "jsonl"), encoding="utf-8")
    fresh = fresh_copy(annotated, tmp_path, path_prefix="/elsewhere/")
    report = import_annotations(fresh, file)
    assert report.imported == 4
    assert {r["path"] for r in store.list_annotations(fresh)} == {"/elsewhere/feeds/acme.txt"}


def test_import_reports_unmatched_articles_and_bad_lines(annotated, tmp_path):
    line = json.loads(export_annotations(annotated, "jsonl").splitlines()[0])
    line["article"] = {"path": "nowhere.txt", "title": "Nothing", "url": None}
    report = import_annotations(annotated, json.dumps(line) + "\nnot json\n")
    assert report.imported == 0
    first, second = sorted(report.problems)
    assert first.startswith("line 1: no article matches path 'nowhere.txt'")
    assert second.startswith("line 2: not an annotation record")


def test_w3c_items_follow_the_web_annotation_model(annotated):
    collection = json.loads(export_annotations(annotated, "w3c"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert (collection["type"], collection["total"]) == ("AnnotationCollection", 4)
    first = collection["first"]["items"][0]
    assert first["type"] == "Annotation" and first["id"].startswith("urn:uuid:")
    assert first["motivation"] == "commenting" and first["created"]
    assert [b["purpose"] for b in first["body"]] == ["tagging", "tagging", "commenting"]
    assert first["target"]["source"] == "https://example.org/acme"
    quote, position = first["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "*Acme* rose 5% (#1 gainer)",
        "prefix": "Shares of ",
        "suffix": TEXT[36:68],
    }
    assert position == {"type": "TextPositionSelector", "start": 10, "end": 36}
    orphan = collection["first"]["items"][-1]
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]


def test_markdown_groups_by_article_and_quotes_render_as_written(annotated):
    document = export_annotations(annotated, "markdown")
    tokens = MarkdownIt("commonmark").parse(document)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert headings == ["Acme rallies"]
    assert "Wire · <https://example.org/acme> · `feeds/acme.txt`" in document
    quotes, depth, current = [], 0, []
    for token in tokens:
        depth += token.type == "blockquote_open"
        if token.type == "blockquote_close":
            depth -= 1
            quotes.append(" ".join(current))
            current = []
        elif depth and token.type == "inline":
            current.append("".join(child.content for child in token.children if child.type == "text"))
        elif depth and token.type not in ("paragraph_open", "paragraph_close", "blockquote_open"):
            current.append(f"<{token.type}>")
    assert quotes == ["*Acme* rose 5% (#1 gainer)", "- Beta fell 3%", "1. Gamma was flat", "traders said"]
    assert "#claim #markets" in document and "Is **5%** right?" in document
    assert "#sourcing *(orphaned: this text is no longer in the article)*" in document


def test_csv_has_one_row_per_annotation(annotated):
    rows = list(csv.DictReader(io.StringIO(export_annotations(annotated, "csv"))))
    assert [(r["exact"], r["tags"], r["anchor"]) for r in rows][:2] == [
        ("*Acme* rose 5% (#1 gainer)", "claim; markets", "exact"),
        ("- Beta fell 3%", "claim", "exact"),
    ]
    assert rows[-1]["start"] == "" and rows[-1]["anchor"] == "orphaned"


def test_export_filtered_by_tag(annotated):
    assert len(export_annotations(annotated, "jsonl", tag="claim").splitlines()) == 2


def test_foreign_w3c_annotation_anchors_by_its_quote(annotated, tmp_path):
    fresh = fresh_copy(annotated, tmp_path)
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/abc",
        "type": "Annotation",
        "created": "2026-02-01T10:00:00+00:00",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "beta"},
            {"type": "TextualBody", "purpose": "commenting", "value": "hm"},
        ],
        "target": {
            "source": "https://example.org/acme",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "Beta fell 3%", "prefix": "- ", "suffix": " on"},
                {"type": "TextPositionSelector", "start": 0, "end": 12},
            ],
        },
    }
    assert import_annotations(fresh, json.dumps(item)).imported == 1
    [record] = store.list_annotations(fresh)
    assert (record["anchor"], record["tags"], record["note"]) == ("moved", ["beta"], "hm")
    assert TEXT[record["start"] : record["end"]] == "Beta fell 3%"


def test_foreign_item_without_creation_time_is_imported_once(annotated, tmp_path):
    fresh = fresh_copy(annotated, tmp_path)
    item = {
        "type": "Annotation",
        "target": {
            "source": "https://example.org/acme",
            "selector": {"type": "TextQuoteSelector", "exact": "Beta fell"},
        },
    }
    assert import_annotations(fresh, json.dumps(item)).imported == 1
    assert import_annotations(fresh, json.dumps(item)).duplicates == 1
    [record] = store.list_annotations(fresh)
    assert record["created"] and record["tags"] == [] and record["anchor"] == "moved"


def test_a_collection_without_embedded_items_is_reported(annotated):
    report = import_annotations(
        annotated, json.dumps({"type": "AnnotationCollection", "first": "https://example.org/page1"})
    )
    assert (report.imported, report.problems) == (0, ["the collection has no embedded first page of items"])
