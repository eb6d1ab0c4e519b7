"""Annotations and tags in the database: create, edit, delete and undo, overlap, tags, re-anchoring."""

from __future__ import annotations

import pytest

from store import annotations as store
from store.tags import PALETTE, TagError, default_color, normalize_color
from tests.annotations.helpers import add_article

TEXT = "Alpha rose 5% on Monday. Beta fell 3% on Tuesday. Gamma was flat all week, traders said."


@pytest.fixture
def article(adb):
    return add_article(adb, "news/one.txt", TEXT, title="One")


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_create_stores_selector_tags_and_note(adb, article):
    record = store.create_annotation(
        adb, article, *span(TEXT, "Beta fell 3%"), ["claim", "#Markets", "claim"], "Check *source*"
    )
    assert record.exact == "Beta fell 3%"
    assert record.prefix == TEXT[: record.start][-32:]
    assert record.suffix == TEXT[record.end :][:32]
    assert record.tags == ("claim", "Markets")
    assert record.note == "Check *source*"
    assert (record.anchor, record.score) == ("exact", 1.0)
    assert record.color == default_color("claim") and record.color in PALETTE
    assert store.annotation_counts(adb) == {article: 1}


def test_empty_or_outside_span_is_refused(adb, article):
    with pytest.raises(store.AnnotationError):
        store.create_annotation(adb, article, 5, 5, ["x"])
    with pytest.raises(store.AnnotationError):
        store.create_annotation(adb, article, 10, len(TEXT) + 1, ["x"])


def test_overlapping_and_nested_annotations_are_all_kept(adb, article):
    outer = store.create_annotation(adb, article, *span(TEXT, "Alpha rose 5% on Monday. Beta"), ["a"])
    inner = store.create_annotation(adb, article, *span(TEXT, "rose 5%"), ["b"])
    crossing = store.create_annotation(adb, article, *span(TEXT, "Monday. Beta fell"), ["c"])
    rows = store.annotations_for_article(adb, article)
    assert [r.id for r in rows] == [outer.id, inner.id, crossing.id]


def test_update_returns_previous_state_and_restore_undoes_it(adb, article):
    record = store.create_annotation(adb, article, *span(TEXT, "Gamma was flat"), ["flat"], "first")
    previous = store.update_annotation(adb, record.id, tags=["calm", "weekly"], note="second")
    assert previous == record
    assert store.get_annotation(adb, record.id).tags == ("calm", "weekly")
    store.restore_annotation(adb, previous)
    assert store.get_annotation(adb, record.id) == record


def test_delete_then_restore_brings_back_same_id_tags_and_colour(adb, article):
    record = store.create_annotation(adb, article, *span(TEXT, "traders said"), ["sourcing"], "who?")
    store.set_tag_color(adb, "sourcing", "#123")
    record = store.get_annotation(adb, record.id)
    deleted = store.delete_annotation(adb, record.id)
    store.delete_tag(adb, "sourcing")
    assert store.annotations_for_article(adb, article) == []
    assert store.restore_annotation(adb, deleted) == record
    assert {"name": "sourcing", "count": 1, "color": "#112233"} in store.list_tags(adb)


def test_several_undo_steps_in_reverse_order(adb, article):
    first = store.create_annotation(adb, article, *span(TEXT, "Alpha"), ["a"], "one")
    undo = [
        store.update_annotation(adb, first.id, note="two"),
        store.update_annotation(adb, first.id, note="three"),
    ]
    undo.append(store.delete_annotation(adb, first.id))
    notes = []
    while undo:
        notes.append(store.restore_annotation(adb, undo.pop()).note)
    assert notes == ["three", "two", "one"]


def test_rename_merge_delete_and_colour_of_tags(adb, article):
    store.create_annotation(adb, article, *span(TEXT, "Alpha"), ["claim", "market"])
    store.create_annotation(adb, article, *span(TEXT, "Beta"), ["claims"])
    store.create_annotation(adb, article, *span(TEXT, "Gamma"), ["market"])
    assert store.merge_tags(adb, "claims", "claim") == 2
    with pytest.raises(TagError, match="merge"):
        store.rename_tag(adb, "claim", "MARKET")
    store.rename_tag(adb, "claim", "Claim")
    assert store.set_tag_color(adb, "market", "#A1B2C3") == "#a1b2c3"
    with pytest.raises(TagError):
        store.set_tag_color(adb, "market", "reddish")
    assert [normalize_color(name) for name in ("red", "Dark Orange", "dark-slate_gray", " RebeccaPurple ")] == [
        "#ff0000", "#ff8c00", "#2f4f4f", "#663399"]
    assert store.list_tags(adb) == [
        {"name": "Claim", "count": 2, "color": default_color("claim")},
        {"name": "market", "count": 2, "color": "#a1b2c3"},
    ]
    assert store.delete_tag(adb, "market") == 2
    assert [r.tags for r in store.list_annotations(adb)] == [("Claim",), ("Claim",), ()]
    assert [r.exact for r in store.list_annotations(adb, tag="claim")] == ["Alpha", "Beta"]


def test_reanchor_article_sets_each_state_and_keeps_orphans(adb, article):
    kept = store.create_annotation(adb, article, *span(TEXT, "Alpha rose 5%"), ["k"])
    moved = store.create_annotation(adb, article, *span(TEXT, "Gamma was flat all week"), ["m"])
    fuzzy = store.create_annotation(adb, article, *span(TEXT, "Beta fell 3% on Tuesday"), ["f"])
    gone = store.create_annotation(adb, article, *span(TEXT, "traders said"), ["o"], "keep me")
    new_text = TEXT.replace("Beta fell 3% on Tuesday", "Beta fell 3.2% on Tuesday").replace(", traders said", "")
    new_text = new_text.replace("Gamma", "Meanwhile, Gamma")
    counts = store.reanchor_article(adb, article, TEXT, new_text)
    assert counts == {"exact": 1, "moved": 1, "fuzzy": 1, "orphaned": 1}
    by_id = {r.id: r for r in store.annotations_for_article(adb, article)}
    assert by_id[kept.id].anchor == "exact"
    assert (by_id[moved.id].anchor, new_text[by_id[moved.id].start :].startswith("Gamma")) == (
        "moved",
        True,
    )
    assert by_id[fuzzy.id].anchor == "fuzzy" and by_id[fuzzy.id].score >= 0.75
    [orphan] = store.orphans(adb)
    assert (orphan.id, orphan.start, orphan.exact, orphan.note) == (
        gone.id,
        None,
        "traders said",
        "keep me",
    )
    assert store.reanchor_article(adb, article, new_text, TEXT)["orphaned"] == 0
