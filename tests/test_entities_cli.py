"""The extraction CLI: `extract` without a database, `mentions`, `entities` and teaching through `entity`."""

from __future__ import annotations

import json

from store.db import open_db
from tui.cli import main

TEXT = "Cloud Capex\r\nMicrosoft said it will spend up to $80 billion, 3-5% more, on February 6, 2026.\r\n"


def run_json(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def test_extract_without_database_gives_offsets_into_the_text_as_read(tmp_path, capsys, monkeypatch):
    path = tmp_path / "capex.txt"
    path.write_bytes(("\ufeff" + TEXT).encode("utf-8"))
    monkeypatch.setenv("BROADSHEET_DB", str(tmp_path / "never.db"))
    [result] = run_json(capsys, "extract", str(path), "--json")
    assert not (tmp_path / "never.db").exists()
    assert result["path"] == str(path)
    by_text = {m["text"]: m for m in result["mentions"]}
    money = by_text["$80 billion"]
    assert money == {"start": TEXT.index("$80"), "end": TEXT.index("$80") + 11, "text": "$80 billion", "kind": "figure",
                     "label": "MONEY", "value": 80e9, "unit": "USD", "hedge": "up to"}
    assert by_text["3-5%"]["value"] == [3, 5]
    assert by_text["February 6, 2026"]["unit"] == "2026-02-06"
    assert by_text["Microsoft"]["kind"] == "entity" and by_text["Microsoft"]["entity"] == "microsoft"
    for mention in result["mentions"]:
        assert TEXT[mention["start"] : mention["end"]] == mention["text"]


def test_extract_reports_an_unreadable_file_on_one_line_and_goes_on(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Shares rose 3%.\n")
    code = main(["extract", str(tmp_path / "missing.txt"), str(good), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.count("\n") == 1 and "missing.txt" in captured.err
    assert [r["path"] for r in json.loads(captured.out)] == [str(good)]


def test_mentions_entities_and_teaching_round_trip(tmp_path, capsys):
    db = str(tmp_path / "b.db")
    article = tmp_path / "story.txt"
    article.write_text("Quuxware Results\nThe quuxware team beat Nvidia by 40 times in 18 months.\n")
    assert main(["--db", db, "import", str(article)]) == 0
    capsys.readouterr()

    rows = run_json(capsys, "--db", db, "mentions", "story.txt", "--label", "NUMBER", "--json")
    assert [(r["text"], r["value"], r["unit"]) for r in rows] == [("40 times", 40, "x"), ("18 months", 18, "month")]

    assert main(["--db", db, "entity", "add", "quuxware", "--label", "product"]) == 0
    assert "PRODUCT" in capsys.readouterr().out
    entities = run_json(capsys, "--db", db, "entities", "--label", "PRODUCT", "--json")
    assert {"canonical": "quuxware", "label": "PRODUCT", "name": "quuxware", "count": 1, "articles": 1} in entities

    assert main(["--db", db, "entity", "suppress", "Nvidia"]) == 0
    capsys.readouterr()
    assert all(r["text"] != "Nvidia" for r in run_json(capsys, "--db", db, "mentions", "--json"))

    teachings = run_json(capsys, "--db", db, "entity", "list", "--json")
    assert [(t["action"], t["text"]) for t in teachings] == [("add", "quuxware"), ("suppress", "Nvidia")]
    assert main(["--db", db, "entity", "remove", str(teachings[1]["id"])]) == 0
    capsys.readouterr()
    assert any(r["text"] == "Nvidia" for r in run_json(capsys, "--db", db, "mentions", "--json"))


def test_teaching_mistakes_are_one_line_usage_errors(tmp_path, capsys):
    db = str(tmp_path / "b.db")
    article = tmp_path / "story.txt"
    article.write_text("Title\nNvidia rose.\n")
    main(["--db", db, "import", str(article)])
    capsys.readouterr()
    for argv in (
        ["entity", "suppress", "Nvidia", "--article", "story.txt"],
        ["entity", "suppress", "Nvidia", "--article", "nope.txt", "--start", "3"],
        ["entity", "suppress", "Nvidia", "--article", "story.txt", "--start", "0"],
        ["entity", "remove", "99"],
        ["mentions", "nope.txt"],
    ):
        assert main(["--db", db, *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("broadsheet ") and err.count("\n") == 1, err


def test_mentions_command_first_refreshes_stale_articles(tmp_path, capsys):
    db_path = str(tmp_path / "b.db")
    article = tmp_path / "story.txt"
    article.write_text("Title\nShares rose 3% on Monday.\n")
    main(["--db", db_path, "import", str(article)])
    db = open_db(db_path)
    db.execute("DELETE FROM mentions")
    db.execute("UPDATE mention_state SET extractor_version = 'older'")
    db.close()
    capsys.readouterr()
    assert [r["text"] for r in run_json(capsys, "--db", db_path, "mentions", "--label", "PERCENT", "--json")] == ["3%"]
