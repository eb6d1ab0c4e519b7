"""Exports in four formats; JSON Lines and W3C read back into a fresh database reproduce every annotation."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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
    assert store.get_annotation(adb, gone.id).anchor == "orphaned"
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
        ({key: getattr(r, key) for key in STABLE if key != "path"} for r in records),
        key=lambda r: r["created"] + r["exact"]
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
    assert {r.path for r in store.list_annotations(fresh)} == {"/elsewhere/feeds/acme.txt"}


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
    assert (record.anchor, record.tags, record.note) == ("moved", ("beta",), "hm")
    assert TEXT[record.start : record.end] == "Beta fell 3%"


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
    assert record.created and record.tags == () and record.anchor == "moved"


def test_a_collection_without_embedded_items_is_reported(annotated):
    report = import_annotations(
        annotated, json.dumps({"type": "AnnotationCollection", "first": "https://example.org/page1"})
    )
    assert (report.imported, report.problems) == (0, ["the collection has no embedded first page of items"])


# --- Property: export → import into a fresh database with the same articles is the identity ---------------------

ARTICLE_TEXT = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("“”‘’\"'\n *#[]>-.")),
    min_size=30,
    max_size=300,
)
TAG = st.text(min_size=1, max_size=10).filter(lambda name: name.strip().lstrip("#").strip())
ANNOTATION = st.tuples(
    st.integers(0, 2),  # which article
    st.floats(0, 0.95),  # where the span starts
    st.integers(1, 60),  # how long it is
    st.lists(TAG, max_size=3),
    st.text(max_size=80),  # the note: any text, Markdown, newlines, quotes
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(ARTICLE_TEXT, min_size=1, max_size=3),
    specs=st.lists(ANNOTATION, min_size=1, max_size=8),
    colored=st.lists(st.sampled_from(["#abcdef", "#123", "#FF0000"]), max_size=2),
    edit=st.booleans(),
)
def test_any_annotations_survive_a_round_trip_through_jsonl_and_w3c(tmp_path_factory, texts, specs, colored, edit):
    folder = tmp_path_factory.mktemp("roundtrip")
    source = annotation_db(folder / "source.db")
    ids = [add_article(source, f"feeds/{n}.txt", text, title=f"T{n}", url=f"https://example.org/{n}")
           for n, text in enumerate(texts)]
    for which, where, length, tags, note in specs:
        number = which % len(texts)
        start = int(where * (len(texts[number]) - 1))
        end = min(len(texts[number]), start + length)
        store.create_annotation(source, ids[number], start, end, tags, note)
    names = [tag["name"] for tag in store.list_tags(source)]
    for name, color in zip(names, colored, strict=False):
        store.set_tag_color(source, name, color)
    if edit:  # cut the middle third of the first article: some annotations move, some are orphaned
        text = texts[0]
        edited = text[: len(text) // 3] + text[2 * len(text) // 3 :]
        add_article(source, "feeds/0.txt", edited)
        store.reanchor_article(source, ids[0], text, edited)
    expected = canonical(store.list_annotations(source))

    for fmt in ("jsonl", "w3c"):
        exported = export_annotations(source, fmt)
        fresh = fresh_copy(source, folder / fmt)
        report = import_annotations(fresh, exported)
        assert (report.imported, report.problems) == (len(specs), []), fmt
        assert canonical(store.list_annotations(fresh)) == expected, fmt
        assert store.list_tags(fresh) == store.list_tags(source), fmt
        again = import_annotations(fresh, exported)
        assert (again.imported, again.duplicates) == (0, len(specs)), fmt
        fresh.close()
    source.close()


def canonical(records) -> list[str]:
    """The records' stable fields, order-free (two annotations may share a span and a creation second)."""
    return sorted(json.dumps({key: getattr(r, key) for key in STABLE if key != "path"}, sort_keys=True)
                  for r in records)


@pytest.mark.parametrize("fmt", ["jsonl", "w3c"])
def test_twin_annotations_and_line_separators_in_a_note_come_back(adb, tmp_path, fmt):
    """Found by the property above: two annotations of one quote made in the same second were read back as one
    (the second taken for a duplicate), and a note holding U+0085 or U+2028 split its JSON Lines record."""
    article = add_article(adb, "feeds/twins.txt", TEXT)
    for note in ("first", "second\x85line\u2028and\u2029more"):
        store.create_annotation(adb, article, *span("Beta fell 3%"), ["twin"], note)
    fresh = fresh_copy(adb, tmp_path)
    report = import_annotations(fresh, export_annotations(adb, fmt))
    assert (report.imported, report.problems) == (2, [])
    assert canonical(store.list_annotations(fresh)) == canonical(store.list_annotations(adb))
