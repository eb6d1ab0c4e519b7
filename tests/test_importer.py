"""Importing files: idempotence by hash, in-place updates, bad input skipped with one-line reasons."""

import json

from store.articles import get_article, list_articles
from store.importer import import_paths
from tui.cli import main


def test_seeds_import_once_and_are_unchanged_the_second_time(db, seed_files):
    first = import_paths(db, seed_files)
    assert (first.imported, first.updated, first.unchanged, first.skipped) == (len(seed_files), 0, 0, [])
    second = import_paths(db, seed_files)
    assert (second.imported, second.updated, second.unchanged) == (0, 0, len(seed_files))
    assert len(list_articles(db)) == len(seed_files)


def test_stored_text_is_the_decoded_file_with_line_endings_normalised(db, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Markets Rally On Chips\r\nShares rose 3% on Monday.\r\n")
    import_paths(db, [path])
    [summary] = list_articles(db)
    article = get_article(db, summary.id)
    assert article.text.startswith("Markets Rally On Chips\nShares rose 3% on Monday.")
    assert "\r" not in article.text
    for start, end in article.sentences:
        assert article.text[start:end].strip() == article.text[start:end]


def test_changed_file_updates_the_article_in_place(db, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Chip Stocks Fall\nNvidia fell 17% on Monday.\n")
    import_paths(db, [path])
    [before] = list_articles(db)
    path.write_text("Chip Stocks Fall\nNvidia fell 17% on Monday, wiping $593 billion off its value.\n")
    report = import_paths(db, [path])
    assert (report.imported, report.updated) == (0, 1)
    [after] = list_articles(db)
    assert after.id == before.id
    assert "$593 billion" in get_article(db, after.id).text
    hits = db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'wiping'").fetchone()[0]
    assert hits == 1


def test_bad_files_are_skipped_with_a_reason_and_good_ones_still_import(db_path, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("A Good Headline\nA sentence about Apple.\n")
    (folder / "empty.txt").write_text("   \n\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "records.jsonl").write_text(
        json.dumps({"title": "One", "text": "First record text."}) + "\n{not json\n"
        + json.dumps({"title": "No text"}) + "\n"
    )
    code = main(["--db", str(db_path), "import", str(folder), "--json"])
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert code == 1
    assert report["imported"] == 2
    reasons = {(p["path"].rsplit("/", 1)[-1], p["line"]) for p in report["skipped"]}
    assert {("empty.txt", None), ("binary.txt", None), ("records.jsonl", 2), ("records.jsonl", 3)} <= reasons
    for line in out.err.strip().splitlines():
        assert line.startswith("broadsheet import: ")


def test_cli_articles_show_and_info_speak_json(db_path, seed_files, capsys):
    assert main(["--db", str(db_path), "import", *map(str, seed_files), "--json"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "articles", "--json"]) == 0
    articles = json.loads(capsys.readouterr().out)
    assert len(articles) == len(seed_files)
    assert set(articles[0]) >= {"id", "title", "path", "source", "published", "url", "words", "read"}
    name = seed_files[1].name
    assert main(["--db", str(db_path), "show", name, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["path"].endswith(name)
    for block in shown["blocks"]:
        assert shown["text"][block["start"] : block["end"]] == block["text"]
    assert len(shown["references"]) >= 1
    assert main(["--db", str(db_path), "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["counts"]["articles"] == len(seed_files) and info["schema_version"] >= 1


def test_unknown_article_is_a_one_line_error(db_path, capsys):
    assert main(["--db", str(db_path), "show", "nope.txt"]) == 2
    err = capsys.readouterr().err.strip()
    assert "nope.txt" in err and "\n" not in err


def test_reimport_reports_what_happened_to_the_annotations(db_path, tmp_path, capsys):
    from store.annotations import create_annotation
    from store.db import open_db

    path = tmp_path / "story.txt"
    path.write_text("Chip Stocks Fall\nNvidia fell 17% on Monday. Broadcom lost 17.4% as well.\n")
    db = open_db(db_path)
    import_paths(db, [path])
    [article] = list_articles(db)
    text = get_article(db, article.id).text
    start = text.index("Broadcom")
    create_annotation(db, article.id, start, start + len("Broadcom lost 17.4%"), ["move"], "")
    gone = text.index("Nvidia")
    create_annotation(db, article.id, gone, gone + len("Nvidia fell 17% on Monday."), ["drop"], "")
    db.close()
    path.write_text("Chip Stocks Fall\nAnalysts were calm today. Broadcom lost 17.4% as well.\n")
    assert main(["--db", str(db_path), "import", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["updated"] == 1 and report["annotations"] == {"moved": 1, "orphaned": 1}
