"""Undo through several steps: create, edit, delete, overlapping annotations."""

from __future__ import annotations

from store import annotations as store
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
    first = history.create(adb, article, 0, 5, ["a"])
    second = history.create(adb, article, 25, 29, ["b"])
    store.delete_annotation(adb, second.id)
    undone = history.undo(adb)
    assert (undone.kind, undone.record.id) == ("created", first.id)
    assert undone.message == "Undo: removed the new annotation (#a)"
    assert history.undo(adb) is None
