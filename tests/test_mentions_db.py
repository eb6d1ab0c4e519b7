"""Mentions in the database: stored at import, teachings applied corpus-wide and kept across re-imports,
re-extraction of stale articles from the stored text."""

from __future__ import annotations

import pytest

from store.importer import import_paths
from store.layers import stale_articles
from store.mentions import (
    TeachingError,
    add_entity_teaching,
    entity_counts,
    mentions,
    reextract_stale,
    remove_teaching,
    suppress_teaching,
)
from store.teachings import list_teachings

STORY = "Chip Stocks Slide\nShares of the quuxware maker fell about 17% on Monday, wiping $593 billion off.\n"
OTHER = "Cloud Spending\nThe quuxware unit grew 12% while Nvidia rose.\n"
UNRELATED = "Rates Hold\nThe central bank kept rates at 4.5% on Tuesday.\n"


@pytest.fixture
def corpus(db, tmp_path):
    paths = {}
    for name, text in (("story.txt", STORY), ("other.txt", OTHER), ("unrelated.txt", UNRELATED)):
        paths[name] = tmp_path / name
        paths[name].write_text(text)
    import_paths(db, list(paths.values()))
    ids = {name: db.execute("SELECT id FROM articles WHERE path LIKE ?", [f"%{name}"]).fetchone()[0] for name in paths}
    return db, paths, ids


def texts(db, article_id, kind=None):
    return [(m.text, m.label) for m in mentions(db, article_id) if kind is None or m.kind == kind]


def test_import_stores_figures_with_values_and_hedges(corpus):
    db, _, ids = corpus
    figures = {m.text: m for m in mentions(db, ids["story.txt"]) if m.kind == "figure"}
    assert figures["17%"].value == 17 and figures["17%"].hedge == "about"
    assert figures["$593 billion"].value == 593e9 and figures["$593 billion"].unit == "USD"
    assert figures["Monday"].label == "DATE"


def test_mentions_filter_by_label(corpus):
    db, _, ids = corpus
    assert [m.text for m in mentions(db, label="percent")] == ["17%", "12%", "4.5%"]


def test_added_entity_applies_at_once_to_every_article_containing_it(corpus):
    db, _, ids = corpus
    add_entity_teaching(db, "quuxware", "PRODUCT")
    assert ("quuxware", "PRODUCT") in texts(db, ids["story.txt"])
    assert ("quuxware", "PRODUCT") in texts(db, ids["other.txt"])
    [row] = [r for r in entity_counts(db) if r["canonical"] == "quuxware"]
    assert (row["label"], row["count"], row["articles"]) == ("PRODUCT", 2, 2)
    assert stale_articles(db) == []


def test_teaching_survives_reimport_of_a_changed_file(corpus):
    db, paths, ids = corpus
    add_entity_teaching(db, "quuxware", "PRODUCT")
    paths["story.txt"].write_text(STORY.replace("fell", "tumbled") + "The quuxware line sold well.\n")
    report = import_paths(db, [paths["story.txt"]])
    assert report.updated == 1
    assert texts(db, ids["story.txt"]).count(("quuxware", "PRODUCT")) == 2


def test_suppressed_text_disappears_everywhere_and_comes_back_when_forgotten(corpus):
    db, _, ids = corpus
    assert ("Nvidia", "ORG") in texts(db, ids["other.txt"])
    teaching = suppress_teaching(db, "Nvidia")
    assert all(m.text != "Nvidia" for m in mentions(db))
    assert remove_teaching(db, teaching)
    assert ("Nvidia", "ORG") in texts(db, ids["other.txt"])
    assert not remove_teaching(db, teaching)


def test_suppressing_one_occurrence_keeps_the_others(corpus):
    db, _, ids = corpus
    add_entity_teaching(db, "quuxware", "PRODUCT")
    start = STORY.index("quuxware")
    suppress_teaching(db, "quuxware", article_id=ids["story.txt"], start=start)
    assert ("quuxware", "PRODUCT") not in texts(db, ids["story.txt"])
    assert ("quuxware", "PRODUCT") in texts(db, ids["other.txt"])
    suppress_teaching(db, "quuxware", article_id=ids["story.txt"], start=start)
    assert [t["action"] for t in list_teachings(db)] == ["add", "suppress"]


def test_suppressing_an_occurrence_checks_the_text_at_that_offset(corpus):
    db, _, ids = corpus
    with pytest.raises(TeachingError, match="does not read"):
        suppress_teaching(db, "quuxware", article_id=ids["story.txt"], start=0)
    assert list_teachings(db) == []


def test_a_new_teaching_replaces_the_old_one_about_the_same_text(corpus):
    db, _, ids = corpus
    suppress_teaching(db, "quuxware")
    add_entity_teaching(db, "quuxware", "ORG")
    add_entity_teaching(db, "quuxware", "PRODUCT")
    assert [(t["action"], t["label"]) for t in list_teachings(db)] == [("add", "PRODUCT")]
    assert ("quuxware", "PRODUCT") in texts(db, ids["other.txt"])


def test_teachings_refuse_empty_or_multi_line_text(corpus):
    db, _, _ = corpus
    for bad in ("", "  ", "two\nlines"):
        with pytest.raises(TeachingError):
            add_entity_teaching(db, bad, "ORG")


def test_version_change_reextracts_from_stored_text_without_the_files(corpus):
    db, paths, ids = corpus
    before = mentions(db)
    db.execute("UPDATE mention_state SET extractor_version = 'older' WHERE article_id = ?", [ids["story.txt"]])
    db.execute("DELETE FROM mentions WHERE article_id = ?", [ids["story.txt"]])
    for path in paths.values():
        path.unlink()
    assert stale_articles(db) == [ids["story.txt"]]
    assert reextract_stale(db) == 1
    assert mentions(db) == before
    assert reextract_stale(db) == 0


def test_teaching_written_elsewhere_makes_only_articles_containing_it_stale(corpus):
    db, _, ids = corpus
    db.execute(
        "INSERT INTO teachings (action, text, label, created) VALUES ('add', 'quuxware', 'PRODUCT', 'now')"
    )
    assert stale_articles(db) == sorted([ids["story.txt"], ids["other.txt"]])
    calls = []
    assert reextract_stale(db, progress=lambda done, total: calls.append((done, total))) == 2
    assert calls == [(1, 2), (2, 2)]
    assert ("quuxware", "PRODUCT") in texts(db, ids["other.txt"])


def test_deleting_an_article_removes_its_mentions_and_counts(corpus):
    db, _, ids = corpus
    db.execute("DELETE FROM articles WHERE id = ?", [ids["other.txt"]])
    assert all(m.article_id != ids["other.txt"] for m in mentions(db))
    assert all(r["canonical"] != "nvidia" for r in entity_counts(db))
