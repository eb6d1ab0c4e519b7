"""The annotation subcommands as a script sees them: JSON out, one-line errors, exit codes."""

from __future__ import annotations

import json

import pytest

from tests.annotations.helpers import add_article
from tui.cli import main

TEXT = "Alpha rose 5% on Monday. Beta rose 5% on Tuesday, “a record” said one trader."


@pytest.fixture
def cli_db(db, db_path):
    add_article(db, "news/one.txt", TEXT, title="One", url="https://example.org/one", source="Wire")
    return db_path


def run(capsys, db_path, *argv) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_annotate_prints_the_annotation_as_json(cli_db, capsys):
    code, out, _ = run(
        capsys,
        cli_db,
        "annotate",
        "one.txt",
        "--quote",
        "Alpha rose 5%",
        "--tag",
        "claim",
        "--tag",
        "markets",
        "--note",
        "why",
        "--json",
    )
    record = json.loads(out)
    assert code == 0
    assert set(record) == {
        "id",
        "article_id",
        "path",
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
        "tags",
        "note",
        "anchor",
        "score",
        "created",
        "updated",
        "figure_changed",
    }
    assert record["figure_changed"] is False
    assert (record["start"], record["exact"], record["tags"], record["note"], record["anchor"]) == (
        0,
        "Alpha rose 5%",
        ["claim", "markets"],
        "why",
        "exact",
    )


def test_annotate_ambiguous_or_missing_quote_is_a_clear_error(cli_db, capsys):
    code, out, err = run(capsys, cli_db, "annotate", "one.txt", "--quote", "rose 5%")
    assert (code, out) == (2, "")
    assert (
        err.strip() == "broadsheet annotate: quote occurs 2 times in news/one.txt (at offsets 6, 30); quote more words"
    )
    code, _, err = run(capsys, cli_db, "annotate", "one.txt", "--quote", "the central bank cut rates sharply")
    assert code == 2 and "quote not found in news/one.txt" in err
    code, _, err = run(capsys, cli_db, "annotate", "nothing.txt", "--quote", "Alpha")
    assert code == 2 and "no article named 'nothing.txt'" in err


def test_annotate_accepts_plain_quotes_and_falls_back_to_an_approximate_match(cli_db, capsys):
    code, out, err = run(capsys, cli_db, "annotate", "1", "--quote", '"a record" said', "--json")
    assert (code, json.loads(out)["exact"], err) == (0, "“a record” said", "")
    code, out, err = run(capsys, cli_db, "annotate", "1", "--quote", "Tuesdya, “a record”", "--json")
    assert code == 0 and json.loads(out)["exact"] == "Tuesday, “a record”"
    assert "matched approximately" in err


def test_annotations_tags_and_tag_commands(cli_db, capsys):
    run(capsys, cli_db, "annotate", "one.txt", "--quote", "Alpha rose", "--tag", "claim")
    run(capsys, cli_db, "annotate", "one.txt", "--quote", "Beta rose", "--tag", "claims", "--tag", "beta")
    assert run(capsys, cli_db, "tag", "merge", "claims", "claim")[0] == 0
    assert run(capsys, cli_db, "tag", "rename", "beta", "second")[0] == 0
    assert run(capsys, cli_db, "tag", "color", "second", "#00aa00")[0] == 0
    code, out, _ = run(capsys, cli_db, "tags", "--json")
    assert json.loads(out)[0] == {"name": "claim", "count": 2, "color": json.loads(out)[0]["color"]}
    assert json.loads(out)[1] == {"name": "second", "count": 1, "color": "#00aa00"}
    code, out, _ = run(capsys, cli_db, "annotations", "--tag", "second", "--article", "one.txt", "--json")
    assert [(r["exact"], r["tags"]) for r in json.loads(out)] == [("Beta rose", ["claim", "second"])]
    assert run(capsys, cli_db, "tag", "delete", "second")[0] == 0
    code, _, err = run(capsys, cli_db, "tag", "delete", "second")
    assert code == 2 and "no tag named 'second'" in err


def test_export_to_a_file_and_import_back(cli_db, capsys, tmp_path):
    run(capsys, cli_db, "annotate", "one.txt", "--quote", "Alpha rose", "--tag", "claim", "--note", "n")
    target = tmp_path / "out.w3c.json"
    assert run(capsys, cli_db, "export", "--format", "w3c", "--output", str(target))[0] == 0
    assert json.loads(target.read_text())["total"] == 1
    code, out, _ = run(capsys, cli_db, "export", "--format", "markdown")
    assert "> Alpha rose" in out and "#claim" in out
    code, out, _ = run(capsys, cli_db, "import-annotations", str(target), "--json")
    assert (code, json.loads(out)["duplicates"]) == (0, 1)
    code, _, err = run(capsys, cli_db, "import-annotations", str(tmp_path / "missing.jsonl"))
    assert code == 2 and "missing.jsonl: cannot read" in err


def test_a_tag_colour_can_be_named(cli_db, capsys):
    run(capsys, cli_db, "annotate", "one.txt", "--quote", "Alpha rose", "--tag", "claim")
    code, out, _ = run(capsys, cli_db, "tag", "color", "claim", "dark orange")
    assert (code, out.strip()) == (0, "'claim' is now #ff8c00")
    code, _, err = run(capsys, cli_db, "tag", "color", "claim", "reddish")
    assert code == 2 and "give a name (red, dark orange) or #rrggbb" in err
    code, out, _ = run(capsys, cli_db, "tags", "--json")
    assert json.loads(out) == [{"name": "claim", "count": 1, "color": "#ff8c00"}]
