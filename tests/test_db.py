"""The database file: creation, pragmas, refusing foreign files, migrations and their backups."""

import sqlite3

import pytest

import store.db
from store.articles import list_articles
from store.db import DatabaseError, connect, ensure_schema, open_connection, open_db, schema_version, write_transaction


def test_new_database_is_at_latest_schema_with_wal_and_foreign_keys(db):
    assert schema_version(db) == len(store.db.MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert {"articles", "blocks", "sentences", "references", "sentences_fts"} <= set(db.table_names())


def test_non_sqlite_file_is_refused_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "notes.db"
    original = b"these are my notes, not a database\n" * 10
    path.write_bytes(original)
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        open_db(path)
    assert path.read_bytes() == original
    assert not (tmp_path / "notes.db-wal").exists()


def test_corrupt_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "corrupt.db"
    good = open_db(path)
    good.execute("CREATE TABLE filler (x)")
    good.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
    good.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    good.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page, keep the header
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as info:
        open_db(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == bytes(data)


def test_database_from_a_newer_schema_is_refused(db_path):
    db = open_db(db_path)
    db.execute("PRAGMA user_version = 999")
    db.close()
    with pytest.raises(DatabaseError, match="newer than this Broadsheet understands"):
        open_db(db_path)


def test_migration_backs_up_the_file_first_and_applies_in_one_transaction(db_path, monkeypatch):
    db = open_db(db_path)
    db.execute("INSERT INTO articles (path, content_hash, title, words, text, imported, updated) "
               "VALUES ('a.txt', 'h', 'A', 1, 'A', 'now', 'now')")
    version = schema_version(db)
    db.close()

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration failed halfway")

    monkeypatch.setattr(store.db, "MIGRATIONS", [*store.db.MIGRATIONS, broken])
    backups = []
    with pytest.raises(RuntimeError):
        open_db(db_path, on_backup=backups.append)
    assert backups == [db_path.with_name(f"{db_path.name}.bak-v{version}")]
    check = sqlite3.connect(backups[0])
    assert check.execute("SELECT title FROM articles").fetchall() == [("A",)]
    again = store.db.connect(db_path)
    assert schema_version(again) == version
    assert "half_done" not in again.table_names()

    monkeypatch.setattr(store.db, "MIGRATIONS",
                        [*store.db.MIGRATIONS[:-1], lambda db: db.execute("CREATE TABLE extra (x)")])
    upgraded = open_db(db_path)
    assert schema_version(upgraded) == version + 1 and "extra" in upgraded.table_names()


def test_ensure_schema_creates_upgrades_and_refuses_as_open_db_does(tmp_path, monkeypatch):
    path = tmp_path / "new" / "broadsheet.db"
    ensure_schema(path)
    assert schema_version(connect(path)) == len(store.db.MIGRATIONS)

    monkeypatch.setattr(store.db, "MIGRATIONS", [*store.db.MIGRATIONS, lambda db: db.execute("CREATE TABLE extra (x)")])
    backups = []
    ensure_schema(path, on_backup=backups.append)
    upgraded = connect(path)
    assert schema_version(upgraded) == len(store.db.MIGRATIONS) and "extra" in upgraded.table_names()
    assert backups  # the database held a schema, so it was copied before the upgrade

    upgraded.execute("PRAGMA user_version = 999")
    with pytest.raises(DatabaseError, match="newer than this Broadsheet understands"):
        ensure_schema(path)
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(b"not a database\n" * 10)
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        ensure_schema(foreign)
    assert foreign.read_bytes() == b"not a database\n" * 10


def test_a_plain_connection_has_the_same_pragmas_and_reads_the_library(seeded_db, db_path):
    conn = open_connection(db_path)
    assert isinstance(conn, sqlite3.Connection)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert list_articles(conn, limit=3) == list_articles(seeded_db, limit=3)
    assert len(list_articles(conn, limit=3)) == 3


def test_write_transaction_rolls_back_on_error(db):
    with pytest.raises(ValueError), write_transaction(db):
        db.execute("INSERT INTO articles (path, content_hash, title, words, text, imported, updated) "
                   "VALUES ('a.txt', 'h', 'A', 1, 'A', 'now', 'now')")
        raise ValueError("boom")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_broadsheet_db_environment_variable_names_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("BROADSHEET_DB", str(tmp_path / "env.db"))
    assert store.db.default_db_path() == tmp_path / "env.db"


def test_a_second_connection_keeps_the_first_ones_locks_so_other_processes_writes_stay_visible(db_path):
    """Reading the header again would close a descriptor of the file and drop this process's POSIX locks:
    a writer in another process then took the database for unused, deleted the WAL, and this process kept
    reading a stale snapshot."""
    import subprocess
    import sys

    first = open_db(db_path)
    first.execute("CREATE TABLE counter (n INTEGER)")
    first.execute("INSERT INTO counter VALUES (0)")
    second = connect(db_path)
    write = (f"import sqlite3; c = sqlite3.connect({str(db_path)!r}, isolation_level=None); "
             "c.execute('UPDATE counter SET n = n + 1'); c.close()")
    try:
        for expected in (1, 2, 3):
            subprocess.run([sys.executable, "-c", write], check=True, timeout=60)
            assert second.execute("SELECT n FROM counter").fetchall() == [(expected,)]
            assert db_path.with_name(db_path.name + "-wal").exists()  # the writer knew others were reading
    finally:
        second.close()
        first.close()
