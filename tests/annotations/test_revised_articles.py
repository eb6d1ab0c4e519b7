"""Annotations of an article whose file changed: each anchor state after a re-import, figures that changed, and
quotes whose numbers are not the article's."""

from __future__ import annotations

import json

import pytest

from store.anchoring import changed_figures, make_selector, quote_similarity, reanchor, text_hash
from store.annotations import create_annotation, list_annotations
from store.articles import list_articles
from store.export import export_annotations
from store.importer import import_paths
from tui.cli import main

BEFORE = (
    "Chip Stocks Fall Sharply\n"
    "Nvidia fell 17% on Monday, wiping $593 billion off its market value in a single session.\n"
    "Analysts said Microsoft, Alphabet, Amazon and Meta together plan to spend $650 billion on data centres.\n"
    "The chipmaker's chief executive said demand for its processors remained strong across every region.\n"
    "Traders expect more volatility before the central bank meets next week.\n"
)
AFTER = (
    "Chip Stocks Fall Sharply\n"
    "Nvidia fell 17% on Monday, wiping $539 billion off its market value in a single session.\n"
    "Analysts said Microsoft, Alphabet, Amazon and Meta together plan to spend nearly $650bn on data centres.\n"
    "The chipmaker's chief executive said demand for its processors remained strong across every region.\n"
    "Some investors expect calmer markets after the central bank meets next week.\n"
)
QUOTES = {
    "exact": "Nvidia fell 17% on Monday",
    "figure-changed": "wiping $593 billion off its market value",
    "fuzzy": "spend $650 billion on data centres",
    "moved": "demand for its processors remained strong",
    "orphaned": "Traders expect more volatility before the central bank meets next week.",
}


@pytest.fixture
def revised(db, db_path, tmp_path):
    """The article imported, one annotation per expected state, then the file edited and imported again."""
    path = tmp_path / "chips.txt"
    path.write_text(BEFORE, encoding="utf-8")
    import_paths(db, [path])
    [article] = list_articles(db)
    text = db.execute("SELECT text FROM articles WHERE id = ?", [article.id]).fetchone()[0]
    ids = {}
    for expected, quote in QUOTES.items():
        start = text.index(quote)
        ids[expected] = create_annotation(db, article.id, start, start + len(quote), [expected.replace("-", "")]).id
    path.write_text(AFTER, encoding="utf-8")
    report = import_paths(db, [path])
    assert report.updated == 1
    return db_path, ids, report


def test_each_annotation_ends_in_its_state_after_the_edit(db, revised):
    _, ids, report = revised
    records = {r.id: r for r in list_annotations(db)}
    states = {expected: records[ids[expected]].anchor for expected in QUOTES}
    assert states == {
        "exact": "exact",
        "figure-changed": "fuzzy",
        "fuzzy": "fuzzy",
        "moved": "moved",
        "orphaned": "orphaned",
    }
    assert dict(report.reanchored) == {"exact": 1, "fuzzy": 2, "moved": 1, "orphaned": 1}
    text = db.execute("SELECT text FROM articles").fetchone()[0]
    fuzzy = records[ids["fuzzy"]]
    assert text[fuzzy.start : fuzzy.end] == "spend nearly $650bn on data centres"
    assert 0.75 <= fuzzy.score < 1 and fuzzy.figure_changed is False
    changed = records[ids["figure-changed"]]
    assert text[changed.start : changed.end] == "wiping $539 billion off its market value"
    assert changed.figure_changed is True and 0.75 <= changed.score < 1
    moved = records[ids["moved"]]
    assert text[moved.start : moved.end] == QUOTES["moved"] and moved.start != moved.quote_start
    orphan = records[ids["orphaned"]]
    assert (orphan.start, orphan.end, orphan.exact) == (None, None, QUOTES["orphaned"])
    assert [r.figure_changed for r in records.values()].count(True) == 1


def test_annotations_json_flags_the_changed_figure(revised, capsys):
    db_path, ids, _ = revised
    assert main(["--db", str(db_path), "annotations", "--json"]) == 0
    records = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert records[ids["figure-changed"]]["figure_changed"] is True
    assert records[ids["figure-changed"]]["anchor"] == "fuzzy"
    assert {records[ids[k]]["figure_changed"] for k in ("exact", "fuzzy", "moved", "orphaned")} == {False}
    assert main(["--db", str(db_path), "annotations"]) == 0
    table = capsys.readouterr().out
    assert "fuzzy figure-changed" in table


def test_annotate_refuses_a_quote_whose_figure_is_not_the_articles(revised, capsys):
    db_path, _, _ = revised
    before = len(json.loads(_annotations_json(db_path, capsys)))
    code = main(["--db", str(db_path), "annotate", "chips.txt", "--quote", "wiping $593 billion off its market value"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "you quoted $593 billion" in err and "says $539 billion" in err
    assert len(json.loads(_annotations_json(db_path, capsys))) == before
    # the same figure written another way is the same number: accepted, approximately
    code = main(["--db", str(db_path), "annotate", "chips.txt", "--quote", "wiping $539bn off its market value",
                 "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["exact"] == "wiping $539 billion off its market value"
    assert "matched approximately" in err


def _annotations_json(db_path, capsys) -> str:
    main(["--db", str(db_path), "annotations", "--json"])
    return capsys.readouterr().out


def test_a_half_rewritten_sentence_is_orphaned_and_a_reworded_figure_is_not():
    text = "Before it. Analysts said the firms plan to spend $650 billion on data centres this year. After it."
    start = text.index("spend")
    selector = make_selector(text, start, start + len("spend $650 billion on data centres"))
    reworded = text.replace("spend $650 billion", "spend about $650bn")
    anchor = reanchor(selector, text_hash(text), reworded)
    assert (anchor.state, anchor.figure_changed) == ("fuzzy", False)
    assert reworded[anchor.start : anchor.end] == "spend about $650bn on data centres"
    rewritten = text.replace("spend $650 billion on data centres", "cut $650 billion of its budget for offices")
    assert reanchor(selector, text_hash(text), rewritten).state == "orphaned"


def test_figures_compare_by_value_not_by_how_they_are_written():
    assert changed_figures("$650 billion", "$650bn") == ([], [])
    assert changed_figures("rose 5% to $593 billion", "rose 5% to $539 billion") == (["$593 billion"], ["$539 billion"])
    assert changed_figures("on Tuesdya", "on Tuesday") == ([], [])  # a day's name is a word, not a number
    assert quote_similarity("spend $650 billion on data", "spend nearly $650bn on data") == pytest.approx(4 / 5)


def test_the_markdown_export_says_which_figure_was_edited(db, revised):
    markdown = export_annotations(db, "markdown")
    flagged = [line for line in markdown.splitlines() if "a figure in it was edited" in line]
    assert len(flagged) == 1 and flagged[0].startswith("#figurechanged *(re-anchored approximately, score 0.")
