"""A database written by every older schema version upgrades to the latest: data intact, a ``.bak-vN`` backup
made first and announced, the database then usable as any other.

The databases are frozen files in ``fixtures/`` (``vN.db`` stops at migration N), built once by
``fixtures/make_fixtures.py`` — see there how, and when to add one.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from store import annotations
from store.db import MIGRATIONS, open_db, schema_version
from store.mentions import reextract_stale
from tui.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LATEST = len(MIGRATIONS)
OLDER = list(range(1, LATEST))
# What each version holds, by the migration that added it.
CONTENT = {
    1: ["SELECT id, path, title, text, content_hash FROM articles ORDER BY id",
        'SELECT article_id, seq, start, "end", text FROM sentences ORDER BY id',
        'SELECT article_id, seq, kind, start, "end" FROM blocks ORDER BY id',
        'SELECT article_id, n, url FROM "references" ORDER BY id'],
    2: ['SELECT article_id, start, "end", label, entity FROM mentions ORDER BY id'],
    3: ['SELECT id, article_id, start, "end", exact, note, anchor, created FROM annotations ORDER BY id',
        "SELECT name, color FROM tags ORDER BY id",
        "SELECT annotation_id, tag_id, seq FROM annotation_tags ORDER BY annotation_id, tag_id"],
    4: ["SELECT query FROM search_history ORDER BY query"],
}


def fixture(version: int) -> Path:
    return FIXTURES / f"v{version}.db"


def content(path: Path, version: int) -> dict[str, list]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return {sql: conn.execute(sql).fetchall() for added, queries in CONTENT.items() if added <= version
                for sql in queries}


def test_there_is_a_frozen_database_for_every_older_version():
    missing = [f"v{version}.db" for version in OLDER if not fixture(version).exists()]
    assert not missing, f"run `python -m tests.reliability.fixtures.make_fixtures` and commit {missing}"
    for version in OLDER:
        with sqlite3.connect(f"file:{fixture(version)}?mode=ro", uri=True) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == version


@pytest.fixture(params=OLDER, ids=[f"v{version}" for version in OLDER])
def old_db(request, tmp_path):
    """A copy of the frozen database of one older version (the original stays frozen): (path, version)."""
    version = request.param
    path = tmp_path / "broadsheet.db"
    shutil.copy(fixture(version), path)
    return path, version


def test_an_old_database_is_backed_up_announced_and_upgraded_with_its_data(old_db, capsys):
    path, version = old_db
    before = content(path, version)
    assert all(before.values()), "the fixture should hold rows in every table it has"

    assert main(["--db", str(path), "info", "--json"]) == 0

    backup = path.with_name(f"broadsheet.db.bak-v{version}")
    captured = capsys.readouterr()
    assert captured.err.strip() == f"broadsheet: backed up the database to {backup}"
    assert json.loads(captured.out)["schema_version"] == LATEST
    assert content(backup, version) == before
    with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert content(path, version) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    assert main(["--db", str(path), "info"]) == 0  # already the latest: no second backup, nothing said
    assert capsys.readouterr().err == ""
    backups = [p.name for p in path.parent.iterdir() if ".bak-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert backups == [backup.name]


def test_an_upgraded_database_is_healthy_and_fully_usable(old_db, capsys):
    path, version = old_db
    db = open_db(path)
    try:
        assert schema_version(db) == LATEST
        reextract_stale(db)  # what the app does at start for articles extracted by another version (or never)
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        extracted = db.execute("SELECT count(DISTINCT article_id) FROM mentions").fetchone()[0]
        assert extracted == articles
        if version >= 3:
            records = annotations.list_annotations(db)
            assert {record.anchor for record in records} == {"exact", "orphaned"}
            assert all(record.tags for record in records)
        created = annotations.create_annotation(db, 1, 0, 5, ["after-upgrade"], "new")
        assert annotations.get_annotation(db, created.id).tags == ("after-upgrade",)
    finally:
        db.close()
    capsys.readouterr()
    status = main(["--db", str(path), "doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0 and report["ok"], report
    assert main(["--db", str(path), "search", "central bank", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
