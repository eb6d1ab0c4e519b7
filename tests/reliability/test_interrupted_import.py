"""An import killed at any moment, or two importers at once, leave a sound database of whole articles."""

from __future__ import annotations

import random
import signal
import sqlite3
import time

import pytest

from tests.reliability.helpers import assert_whole_articles, run_cli, start_cli, stored_counts, write_articles

ARTICLES = 200  # "a few hundred": enough that the kills land mid-import several times
KILLS = 4


@pytest.mark.slow
def test_import_killed_with_sigkill_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, ARTICLES, seed=11)
    db_path = tmp_path / "broadsheet.db"
    delays = random.Random(5)
    interrupted = stored = 0
    for _ in range(KILLS):
        process = start_cli(db_path, "import", str(corpus))
        wait_for_progress(process, db_path, beyond=stored)
        time.sleep(delays.uniform(0, 0.15))  # a random moment inside the next article's work
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            interrupted += 1
        process.communicate(timeout=60)
        stored = assert_whole_articles(db_path)
    assert interrupted >= 2, "the import finished before it could be killed; the test proved nothing"
    assert stored < ARTICLES

    result = run_cli(db_path, "import", str(corpus))
    assert result.returncode == 0, result.stderr
    assert assert_whole_articles(db_path) == ARTICLES


def wait_for_progress(process, db_path, beyond: int, timeout: float = 60) -> None:
    """Return once the importer has stored more than ``beyond`` articles (or has exited)."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if db_path.exists() and stored_counts(db_path)["articles"] > beyond:
                return
        except sqlite3.OperationalError:
            pass  # the schema is not there yet
        time.sleep(0.02)


@pytest.mark.slow
def test_two_importers_at_once_wait_for_each_other_and_store_everything(tmp_path):
    shared, first, second = tmp_path / "shared", tmp_path / "first", tmp_path / "second"
    write_articles(shared, 20, seed=21)
    write_articles(first, 15, seed=22)
    write_articles(second, 15, seed=23)
    db_path = tmp_path / "broadsheet.db"
    assert run_cli(db_path, "info").returncode == 0  # the schema exists before the race

    processes = [start_cli(db_path, "import", str(shared), str(first)),
                 start_cli(db_path, "import", str(second), str(shared))]
    outputs = [process.communicate(timeout=120) for process in processes]

    for process, (_stdout, stderr) in zip(processes, outputs, strict=False):
        assert process.returncode == 0, stderr
        assert "locked" not in stderr.lower()
    assert assert_whole_articles(db_path) == 50
    assert stored_counts(db_path)["articles"] == 50


@pytest.mark.slow
def test_two_importers_racing_to_create_the_database(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 10, seed=31)
    db_path = tmp_path / "broadsheet.db"

    processes = [start_cli(db_path, "import", str(corpus)) for _ in range(2)]
    outputs = [process.communicate(timeout=120) for process in processes]

    for process, (_stdout, stderr) in zip(processes, outputs, strict=False):
        assert process.returncode == 0, stderr
    assert assert_whole_articles(db_path) == 10
