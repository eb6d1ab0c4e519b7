"""Undo through several steps: create, edit, delete, overlapping annotations."""

from __future__ import annotations

from store import annotations as store
from store import tags as tag_store
from store.annotation_history import AnnotationHistory
from tests.annotations.helpers import add_article

TEXT = "Alpha rose 5% on Monday. Beta fell 3% on Tuesday."


def test_undo_walks_back_create_update_and_delete(adb):
    article = add_article(adb, "h.txt", TEXT)
    history = AnnotationHistory()
    outer = history.create(adb, article, 0, 24, ["sentence"])
    inner = history.create(adb, article, 6, 13, ["figure"], "5%?")
    history.update(adb, inner.id, tags=["figure", "claim"], note="checked")
    history.delete(adb, outer.id)
    assert [r.id for r in store.annotations_for_article(adb, article)] == [inner.id]

    steps = []
    while (undone := history.undo(adb)) is not None:
        steps.append(
            (undone.kind, [(r.id, r.tags, r.note) for r in store.annotations_for_article(adb, article)])
        )
    assert steps == [
        ("deleted", [(outer.id, ("sentence",), ""), (inner.id, ("figure", "claim"), "checked")]),
        ("updated", [(outer.id, ("sentence",), ""), (inner.id, ("figure",), "5%?")]),
        ("created", [(outer.id, ("sentence",), "")]),
        ("created", []),
    ]
    assert not history.can_undo


def test_undo_skips_an_annotation_deleted_elsewhere_and_says_what_it_did(adb):
    article = add_article(adb, "h.txt", TEXT)
    history = AnnotationHistory()
    history.create(adb, article, 0, 5, ["a"])
    second = history.create(adb, article, 25, 29, ["b"])
    store.delete_annotation(adb, second.id)
    undone = history.undo(adb)
    assert (undone.kind, undone.articles) == ("created", {article})
    assert undone.message == "Undone: the new annotation (#a)"
    assert store.annotations_for_article(adb, article) == []
    assert history.undo(adb) is None


def test_redo_makes_undone_edits_again_until_a_new_edit(adb):
    article = add_article(adb, "h.txt", TEXT)
    history = AnnotationHistory()
    record = history.create(adb, article, 0, 5, ["a"], "one")
    history.update(adb, record.id, note="two")
    history.delete(adb, record.id)
    for _ in range(3):
        history.undo(adb)
    assert store.annotations_for_article(adb, article) == []
    assert history.redo(adb).message == "Undone: the new annotation (#a)".replace("Undone", "Redone")
    assert store.get_annotation(adb, record.id).note == "one"
    assert history.redo(adb).kind == "updated"
    assert store.get_annotation(adb, record.id).note == "two"
    history.undo(adb)
    assert store.get_annotation(adb, record.id).note == "one"
    history.create(adb, article, 25, 29, ["b"])  # a new edit: the deletion cannot be redone any more
    assert not history.can_redo and history.redo(adb) is None
    assert len(store.annotations_for_article(adb, article)) == 2


def tags(adb, article):
    return [(r.start, r.tags) for r in store.annotations_for_article(adb, article)], {
        t["name"]: t["color"] for t in tag_store.list_tags(adb)}


def test_tag_deletes_merges_renames_and_colours_are_undone_and_redone(adb):
    article = add_article(adb, "h.txt", TEXT)
    history = AnnotationHistory()
    history.create(adb, article, 0, 5, ["claim", "markets"])
    history.create(adb, article, 25, 29, ["markets"])
    history.create(adb, article, 30, 34, ["claim"])
    history.set_tag_color(adb, "markets", "dark orange")
    start = tags(adb, article)
    edits = [
        lambda: history.delete_tag(adb, "markets"),
        lambda: history.merge_tags(adb, "claim", "markets"),
        lambda: history.rename_tag(adb, "markets", "money"),
        lambda: history.set_tag_color(adb, "claim", "red"),
    ]
    for edit in edits:
        before = tags(adb, article)
        edit()
        after = tags(adb, article)
        assert after != before
        assert history.undo(adb) is not None
        assert tags(adb, article) == before == start
        assert history.redo(adb) is not None
        assert tags(adb, article) == after
        history.undo(adb)
    assert tags(adb, article)[1]["markets"] == "#ff8c00"
