"""Subscribing, listing, removing and exchanging feeds through the real command line (no network)."""

from __future__ import annotations

import json

from tui.cli import main


def run(capsys, db, *argv, code=0):
    result = main(["--db", str(db), *argv])
    captured = capsys.readouterr()
    assert result == code, captured.err
    return captured


def run_json(capsys, db, *argv):
    return json.loads(run(capsys, db, *argv).out)


def test_add_names_a_feed_after_its_host_and_lists_it_with_counts(db_path, capsys):
    added = run_json(capsys, db_path, "feed", "add", "https://www.example.org/news/rss.xml", "--json")
    assert added == {"id": 1, "name": "example.org", "url": "https://www.example.org/news/rss.xml", "title": None}
    second = run_json(capsys, db_path, "feed", "add", "https://example.org/world.xml", "--json")
    assert second["name"] == "example.org-2"
    listed = run_json(capsys, db_path, "feed", "list", "--json")
    assert listed == [
        {**added, "articles": 0, "unread": 0, "last_update": None, "last_error": None},
        {**second, "articles": 0, "unread": 0, "last_update": None, "last_error": None},
    ]


def test_a_local_feed_file_is_subscribed_by_its_absolute_path(db_path, capsys, tmp_path, monkeypatch):
    (tmp_path / "local.xml").write_text("<rss version='2.0'><channel><title>T</title></channel></rss>")
    monkeypatch.chdir(tmp_path)
    added = run_json(capsys, db_path, "feed", "add", "local.xml", "--name", "mine", "--json")
    assert added["url"] == str(tmp_path / "local.xml") and added["name"] == "mine"


def test_bad_locations_and_names_are_one_line_errors_and_nothing_is_written(db_path, capsys, tmp_path):
    run(capsys, db_path, "feed", "add", "https://example.org/a.xml", "--name", "ex")
    for argv, words in [
        (["feed", "add", "ftp://example.org/feed"], "only http and https"),
        (["feed", "add", str(tmp_path / "missing.xml")], "no such file"),
        (["feed", "add", "https://example.org/a.xml"], "already subscribed as 'ex'"),
        (["feed", "add", "https://example.org/b.xml", "--name", "ex"], "exists already"),
        (["feed", "add", "https://example.org/b.xml", "--name", "42"], "cannot be a number"),
        (["feed", "remove", "nothing"], "no feed named 'nothing'"),
    ]:
        err = run(capsys, db_path, *argv, code=2).err
        assert err.count("\n") == 1 and words in err, err
    assert [f["name"] for f in run_json(capsys, db_path, "feed", "list", "--json")] == ["ex"]


def test_remove_by_name_or_id_keeps_the_other_feeds(db_path, capsys):
    run(capsys, db_path, "feed", "add", "https://a.example/feed", "--name", "a")
    run(capsys, db_path, "feed", "add", "https://b.example/feed", "--name", "b")
    run(capsys, db_path, "feed", "add", "https://c.example/feed", "--name", "c")
    assert run_json(capsys, db_path, "feed", "remove", "a", "--json")["name"] == "a"
    assert "unsubscribed from 'c'" in run(capsys, db_path, "feed", "remove", "3").out
    assert [f["name"] for f in run_json(capsys, db_path, "feed", "list", "--json")] == ["b"]


OPML = """<?xml version="1.0"?>
<opml version="1.0">
  <head><title>newsboat</title></head>
  <body>
    <outline text="Business">
      <outline type="rss" text="Markets" title="Markets daily" xmlUrl="https://news.example/markets.rss"/>
      <outline type="rss" text="Tech" xmlUrl="https://news.example/tech.atom"/>
    </outline>
    <outline type="rss" text="Markets" xmlUrl="https://other.example/markets.rss"/>
    <outline text="A folder without a feed"/>
  </body>
</opml>
"""


def test_opml_round_trip_keeps_every_feed_and_its_name(db_path, capsys, tmp_path):
    source = tmp_path / "newsboat.opml"
    source.write_text(OPML)
    imported = run_json(capsys, db_path, "feed", "import-opml", str(source), "--json")
    assert [(f["name"], f["url"]) for f in imported["added"]] == [
        ("Markets daily", "https://news.example/markets.rss"),
        ("Tech", "https://news.example/tech.atom"),
        ("Markets", "https://other.example/markets.rss"),
    ]
    again = run_json(capsys, db_path, "feed", "import-opml", str(source), "--json")
    assert again["added"] == [] and len(again["skipped"]) == 3  # each already subscribed, said once per feed

    exported = tmp_path / "out.opml"
    run(capsys, db_path, "feed", "export-opml", "--output", str(exported))
    other_db = tmp_path / "other.db"
    reimported = run_json(capsys, other_db, "feed", "import-opml", str(exported), "--json")
    assert [(f["name"], f["url"]) for f in reimported["added"]] == [(f["name"], f["url"]) for f in imported["added"]]


def test_opml_that_is_not_opml_is_refused_in_one_line(db_path, capsys, tmp_path):
    cases = {
        "broken.opml": ("<opml><body><outline", "not well-formed XML"),
        "rss.opml": ("<rss version='2.0'/>", "not an OPML file"),
        "bomb.opml": ('<!DOCTYPE lolz [<!ENTITY lol "lol">]><opml/>', "entity declarations"),
    }
    for name, (content, words) in cases.items():
        (tmp_path / name).write_text(content)
        err = run(capsys, db_path, "feed", "import-opml", str(tmp_path / name), code=2).err
        assert err.count("\n") == 1 and name in err and words in err, err
