"""A database file the CLI cannot use is refused with one clear line, and left exactly as it was.

Read-only files and directories: the tests run as root, for whom permission bits do not bite, so they use the
immutable attribute (``chattr +i``), which binds root too; where it is unavailable (tmpfs, no
CAP_LINUX_IMMUTABLE) they are skipped with that reason. A full disk is a subprocess whose file-size limit
(``RLIMIT_FSIZE``) is small — SQLite sees the same failed write as on a full disk.
"""

from __future__ import annotations

import json
import resource
import shutil
import signal
import sqlite3
import subprocess

import pytest

from store.db import write_transaction
from tests.reliability.helpers import assert_one_line_error, assert_whole_articles, digest, run_cli, write_articles


@pytest.fixture
def corpus(tmp_path):
    return write_articles(tmp_path / "corpus", 8, seed=41)[0].parent


@pytest.fixture(scope="module")
def good_db(tmp_path_factory):
    """A sound Broadsheet database holding a few articles, copied by each test that needs one."""
    folder = tmp_path_factory.mktemp("good")
    write_articles(folder / "corpus", 5, seed=40)
    db_path = folder / "broadsheet.db"
    assert run_cli(db_path, "import", str(folder / "corpus")).returncode == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_path


@pytest.fixture
def immutable():
    """``immutable(path)`` makes a file or directory unwritable even for root, until the test ends."""
    marked = []

    def make_immutable(path):
        result = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot make a file read-only for root here: {result.stderr.strip() or 'chattr failed'}")
        marked.append(path)

    yield make_immutable
    for path in reversed(marked):
        subprocess.run(["chattr", "-i", str(path)], check=True)


def assert_untouched(db_path, before: str) -> None:
    assert digest(db_path) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert not db_path.with_name(db_path.name + "-journal").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_byte_for_byte(tmp_path, corpus):
    db_path = tmp_path / "notes.db"
    db_path.write_text("my shopping list\n", encoding="utf-8")
    before = digest(db_path)

    result = run_cli(db_path, "import", str(corpus))

    assert_one_line_error(result, str(db_path), "not an SQLite database")
    assert_untouched(db_path, before)


def test_a_truncated_database_is_refused_and_left_byte_for_byte(tmp_path, good_db, corpus):
    db_path = tmp_path / "truncated.db"
    db_path.write_bytes(good_db.read_bytes()[:40_000])
    before = digest(db_path)

    result = run_cli(db_path, "import", str(corpus))

    assert_one_line_error(result, str(db_path))
    assert_untouched(db_path, before)


def test_a_database_from_a_newer_broadsheet_is_refused_and_left_byte_for_byte(tmp_path, good_db, corpus):
    db_path = tmp_path / "newer.db"
    shutil.copy(good_db, db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(db_path)

    result = run_cli(db_path, "import", str(corpus))

    assert_one_line_error(result, str(db_path), "999", "newer")
    assert_untouched(db_path, before)


def test_a_database_in_a_read_only_directory_is_refused_with_one_line(tmp_path, good_db, corpus, immutable):
    folder = tmp_path / "locked"
    folder.mkdir()
    db_path = folder / "broadsheet.db"
    shutil.copy(good_db, db_path)
    before = digest(db_path)
    immutable(folder)

    assert_one_line_error(run_cli(db_path, "import", str(corpus)), str(db_path))
    assert_one_line_error(run_cli(folder / "new.db", "import", str(corpus)), "new.db")

    assert_untouched(db_path, before)
    assert sorted(p.name for p in folder.iterdir()) == ["broadsheet.db"]


def test_a_read_only_database_file_refuses_writes_with_one_line_and_still_reads(tmp_path, good_db, immutable):
    db_path = tmp_path / "broadsheet.db"
    shutil.copy(good_db, db_path)
    before = digest(db_path)
    immutable(db_path)

    result = run_cli(db_path, "annotate", "1", "--quote", first_sentence(db_path), "--tag", "x")

    assert_one_line_error(result, str(db_path), "cannot write", "readonly")
    assert digest(db_path) == before
    listing = run_cli(db_path, "annotations", "--json")
    assert listing.returncode == 0 and listing.stdout.strip() == "[]", listing.stderr
    assert run_cli(db_path, "articles").returncode == 0


def test_a_full_disk_stops_the_import_with_one_line_and_whole_articles_only(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 30, seed=43)
    db_path = tmp_path / "broadsheet.db"
    assert run_cli(db_path, "info").returncode == 0
    limit = db_path.stat().st_size + 48 * 1024  # room for a few articles, not thirty

    result = run_cli(db_path, "import", str(corpus), preexec_fn=lambda: file_size_limit(limit))

    assert_one_line_error(result, str(db_path), "cannot write", "rolled back")
    stored = assert_whole_articles(db_path)
    assert stored < 30
    rerun = run_cli(db_path, "import", str(corpus))
    assert rerun.returncode == 0, rerun.stderr
    assert assert_whole_articles(db_path) == 30


def test_a_full_disk_refuses_an_annotation_with_one_line_and_keeps_the_others(tmp_path, good_db):
    db_path = tmp_path / "broadsheet.db"
    shutil.copy(good_db, db_path)
    quote = first_sentence(db_path)
    assert run_cli(db_path, "annotate", "1", "--quote", quote, "--tag", "kept").returncode == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    note = "n" * 100_000  # more than the disk has left

    result = run_cli(db_path, "annotate", "2", "--quote", first_sentence(db_path, 2), "--note", note,
                     preexec_fn=lambda: file_size_limit(40 * 1024))  # the write-ahead log is where it fails

    assert_one_line_error(result, str(db_path), "cannot write")
    listing = run_cli(db_path, "annotations", "--json")
    assert [record["tags"] for record in json.loads(listing.stdout)] == [["kept"]]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def file_size_limit(limit: int) -> None:
    """In the child: files may not grow past ``limit`` bytes — writes fail (EFBIG) as on a full disk, instead of
    the default SIGXFSZ killing the process."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def first_sentence(db_path, article_id: int = 1) -> str:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT text FROM sentences WHERE article_id = ? AND length(text) > 30 ORDER BY seq",
                            [article_id]).fetchone()[0]


def test_a_mistake_in_a_statement_is_not_dressed_up_as_a_refused_write(db):
    with pytest.raises(sqlite3.OperationalError, match="no such table"), write_transaction(db):
        db.execute("INSERT INTO nowhere VALUES (1)")
    assert not db.conn.in_transaction
