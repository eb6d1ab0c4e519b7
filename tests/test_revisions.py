"""Revisions: every text an article was imported with is kept, listed and compared word by word."""

from __future__ import annotations

import json
import zlib

import store.db
from store.articles import get_article, list_articles
from store.db import open_db, schema_version
from store.importer import import_paths
from store.revisions import Change, changed_paragraphs, diff_revisions, list_revisions, revision_text, word_diff
from tui.cli import main

FIRST = (
    "Big Tech Plans Record AI Spending\n"
    "Analysts said Microsoft, Alphabet, Amazon and Meta together plan to spend $650 billion on data centres.\n"
    "Investors were not convinced.\n"
    "The shares fell on Monday.\n"
)
SECOND = (
    "Big Tech Plans Record AI Spending\n"
    "Analysts said Microsoft, Alphabet, Amazon and Meta together plan to spend nearly $650bn on data centres.\n"
    "Investors were not at all convinced.\n"
    "The shares fell on Monday.\n"
)


def run(capsys, db_path, *argv) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def edited_article(db, tmp_path, *texts: str):
    """Import a file the test writes, then re-import it with each further text."""
    path = tmp_path / "story.txt"
    for text in texts:
        path.write_text(text, encoding="utf-8")
        import_paths(db, [path])
    return path


def test_a_changed_file_is_one_article_with_two_revisions(db, tmp_path):
    edited_article(db, tmp_path, FIRST, SECOND, SECOND)
    [summary] = list_articles(db)
    revisions = list_revisions(db, summary.id)
    assert [r["n"] for r in revisions] == [1, 2]
    article = get_article(db, summary.id)
    first = revision_text(db, summary.id, 1)
    assert first.startswith("Big Tech") and "$650 billion" in first
    assert revision_text(db, summary.id, 2) == article.text
    assert revisions[1]["hash"] == article.content_hash and revisions[1]["words"] == article.words
    assert (revisions[0]["added"], revisions[0]["removed"]) == (0, 0)
    # "$650 billion" → "nearly $650bn" and "at all" inserted: words are counted as split by spaces
    assert (revisions[1]["added"], revisions[1]["removed"]) == (4, 2)
    stored = db.execute("SELECT text FROM revisions WHERE article_id = ? AND n = 2", [summary.id]).fetchone()[0]
    assert zlib.decompress(stored).decode("utf-8") == article.text  # kept compressed


def test_revisions_json_lists_every_revision(db, db_path, tmp_path, capsys):
    edited_article(db, tmp_path, FIRST, SECOND)
    code, out, _ = run(capsys, db_path, "revisions", "story.txt", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [set(row) for row in rows] == [{"n", "fetched", "words", "added", "removed", "hash"}] * 2
    assert [(row["n"], row["added"], row["removed"]) for row in rows] == [(1, 0, 0), (2, 4, 2)]
    assert rows[0]["fetched"] <= rows[1]["fetched"] and len(rows[1]["hash"]) == 64


def test_diff_prints_the_changed_paragraphs_with_plain_marks_when_piped(db, db_path, tmp_path, capsys):
    edited_article(db, tmp_path, FIRST, SECOND)
    code, out, _ = run(capsys, db_path, "diff", "story.txt")
    assert code == 0
    assert out.splitlines() == [
        "revision 1 → 2: +4 -2 words",
        "",
        "Analysts said Microsoft, Alphabet, Amazon and Meta together plan to spend "
        "[-$650 billion-]{+nearly $650bn+} on data centres.",
        "",
        "Investors were not {+at all+} convinced.",
    ]


def test_diff_between_chosen_revisions_and_bad_numbers(db, db_path, tmp_path, capsys):
    third = SECOND.replace("The shares fell on Monday.\n", "")
    edited_article(db, tmp_path, FIRST, SECOND, third)
    code, out, _ = run(capsys, db_path, "diff", "story.txt", "--from", "1", "--to", "3")
    assert code == 0 and out.splitlines()[0] == "revision 1 → 3: +4 -7 words"
    assert "[-The shares fell on Monday.-]" in out
    code, out, _ = run(capsys, db_path, "diff", "story.txt")
    assert out.splitlines() == ["revision 2 → 3: +0 -5 words", "", "[-The shares fell on Monday.-]"]
    code, out, err = run(capsys, db_path, "diff", "story.txt", "--from", "7")
    assert code == 2 and out == "" and err.strip().endswith("has no revision 7 (it has 1–3)")
    code, _, err = run(capsys, db_path, "diff", "nothing.txt")
    assert code == 2 and "no article named 'nothing.txt'" in err


def test_an_article_never_changed_has_nothing_to_diff(db, db_path, tmp_path, capsys):
    edited_article(db, tmp_path, FIRST)
    code, out, err = run(capsys, db_path, "diff", "story.txt")
    assert (code, out) == (0, "") and "revision 1 of 1; nothing to compare" in err


def test_the_migration_makes_revision_one_of_every_existing_article(db_path, monkeypatch):
    monkeypatch.setattr(store.db, "MIGRATIONS", store.db.MIGRATIONS[:8])
    old = open_db(db_path)
    old.execute(
        "INSERT INTO articles (path, content_hash, title, words, text, imported, updated) "
        "VALUES ('a.txt', 'hash-a', 'A', 3, 'Alpha rose 5%.', 'then', '2026-01-02T00:00:00+00:00')"
    )
    old.close()
    monkeypatch.undo()
    db = open_db(db_path)
    assert schema_version(db) == len(store.db.MIGRATIONS)
    assert list_revisions(db, 1) == [
        {"n": 1, "fetched": "2026-01-02T00:00:00+00:00", "words": 3, "added": 0, "removed": 0, "hash": "hash-a"}
    ]
    assert revision_text(db, 1, 1) == "Alpha rose 5%."


def test_a_re_import_keeps_the_text_it_replaces_even_without_a_revision(db, tmp_path):
    """An article row written by some other path (no revision yet) still keeps its old text."""
    path = edited_article(db, tmp_path, FIRST)
    db.execute("DELETE FROM revisions")
    path.write_text(SECOND, encoding="utf-8")
    import_paths(db, [path])
    [summary] = list_articles(db)
    assert [r["n"] for r in list_revisions(db, summary.id)] == [1, 2]
    assert "$650 billion" in revision_text(db, summary.id, 1) and "$650bn" in revision_text(db, summary.id, 2)


def test_word_diff_gives_back_both_texts():
    old = "One two three.\nFour five six.\nSeven."
    new = "One 2 three.\nFour five six.\nSeven. Eight."
    changes = word_diff(old, new)
    assert "".join(c.text for c in changes if c.kind != "delete") == new
    assert "".join(c.text for c in changes if c.kind != "insert").split() == old.split()
    assert changed_paragraphs(changes) == [
        [Change("equal", "One "), Change("delete", "two"), Change("insert", "2"), Change("equal", " three.")],
        [Change("equal", "Seven. "), Change("insert", "Eight.")],
    ]


def test_diff_defaults_to_the_previous_revision(db, tmp_path):
    edited_article(db, tmp_path, FIRST, SECOND)
    [summary] = list_articles(db)
    diff = diff_revisions(db, summary.id)
    assert (diff.old, diff.new, diff.added, diff.removed) == (1, 2, 4, 2)


def test_diff_is_coloured_on_a_terminal(db, db_path, tmp_path, capsys, monkeypatch):
    edited_article(db, tmp_path, FIRST, SECOND)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, out, _ = run(capsys, db_path, "diff", "story.txt")
    assert code == 0
    assert "[-" not in out and "{+" not in out
    assert "\x1b[" in out and "nearly $650bn" in out and "$650 billion" in out
    # the removed words struck through in red, the added ones green
    assert "\x1b[9;31m$650 billion" in out or "\x1b[31;9m$650 billion" in out
    assert "\x1b[32mnearly $650bn" in out


def test_a_frozen_older_database_gets_revision_one_of_each_article(tmp_path):
    """The v7 database of tests/reliability/fixtures (written before revisions existed), upgraded."""
    from pathlib import Path
    from shutil import copy

    path = copy(Path(__file__).parent / "reliability" / "fixtures" / "v7.db", tmp_path / "old.db")
    db = open_db(path)
    articles = db.execute("SELECT id, text, content_hash FROM articles ORDER BY id").fetchall()
    assert len(articles) == 5
    for article_id, text, digest in articles:
        [revision] = list_revisions(db, article_id)
        assert (revision["n"], revision["hash"]) == (1, digest) and revision_text(db, article_id, 1) == text


def test_a_paragraph_added_before_an_edited_one_is_an_addition_not_a_word_diff():
    old = "Shares rose 4% on Tuesday after the results.\n\nTraders expect more.\n"
    new = ("An editor's note was added after publication.\n\nShares rose 5% on Tuesday after the results.\n\nTraders "
           "expect more.\n")
    changes = word_diff(old, new)
    assert "".join(c.text for c in changes if c.kind != "delete") == new
    assert changed_paragraphs(changes) == [
        [Change("insert", "An editor's note was added after publication.")],
        [Change("equal", "Shares rose "), Change("delete", "4%"), Change("insert", "5%"),
         Change("equal", " on Tuesday after the results.")],
    ]
