"""An interface's own commits are not reported back as another process's (``ChangeWatcher.mine``), while another
connection's commit landing before, between, during or after them still is."""

from __future__ import annotations

import threading

import pytest

from store.annotations import create_annotation, update_annotation
from store.articles import list_articles
from store.db import connect, write_transaction
from store.tags import rename_tag
from store.watch import ChangeWatcher


@pytest.fixture
def watcher(seeded_db, db_path):
    watching = ChangeWatcher(db_path)
    yield watching
    watching.close()


@pytest.fixture
def other(seeded_db, db_path):
    """Another connection, written from the test's thread outside ``mine``: another process, as far as the
    watcher can tell."""
    connection = connect(db_path)
    yield connection
    connection.close()


def first_article(db) -> int:
    return list_articles(db)[0].id


def touch_article(db, stamp: str = "2099-01-01T00:00:00") -> None:
    """What a re-import does to the articles' mark."""
    with write_transaction(db):
        db.execute("UPDATE articles SET updated = ? WHERE id = ?", [stamp, first_article(db)])


def test_own_writes_are_not_reported(watcher, seeded_db):
    article = first_article(seeded_db)
    with watcher.mine():
        record = create_annotation(seeded_db, article, 0, 10, tags=["claim"])
        update_annotation(seeded_db, record.id, note="checked")
        rename_tag(seeded_db, "claim", "assertion")
        touch_article(seeded_db)
    assert not watcher.changes()


def test_another_connections_write_before_an_own_one_is_reported(watcher, seeded_db, other):
    touch_article(other)
    with watcher.mine():
        create_annotation(seeded_db, first_article(seeded_db), 0, 10, tags=["claim"])
    changes = watcher.changes()
    assert changes.articles and not changes.annotations


def test_another_connections_write_between_and_after_own_ones_is_reported(watcher, seeded_db, other):
    article = first_article(seeded_db)
    with watcher.mine():
        record = create_annotation(seeded_db, article, 0, 10, tags=["claim"])
    create_annotation(other, article, 20, 30, tags=["elsewhere"])
    with watcher.mine():
        update_annotation(seeded_db, record.id, note="checked")
    changes = watcher.changes()
    assert changes.annotations and not changes.articles

    with watcher.mine():
        update_annotation(seeded_db, record.id, note="checked twice")
    touch_article(other, "2099-02-02T00:00:00")
    changes = watcher.changes()
    assert changes.articles and not changes.annotations
    assert not watcher.changes()


def test_a_write_waiting_for_an_own_transaction_is_reported(watcher, seeded_db, db_path):
    """Another writer blocked by the own transaction's lock commits right after it: news, not the app's."""
    article = first_article(seeded_db)
    began, written = threading.Event(), threading.Event()

    def another_process() -> None:
        began.wait(10)
        elsewhere = connect(db_path)
        try:
            create_annotation(elsewhere, article, 20, 30, tags=["elsewhere"])  # waits for the write lock
        finally:
            elsewhere.close()
            written.set()

    thread = threading.Thread(target=another_process)
    thread.start()
    with watcher.mine(), write_transaction(seeded_db):
        seeded_db.execute("UPDATE annotations SET note = 'x' WHERE 0")  # holds the write lock
        began.set()
        assert not written.wait(0.3)  # still waiting for the lock
        create_annotation(seeded_db, article, 0, 10, tags=["claim"])
    thread.join(10)
    assert written.is_set()
    changes = watcher.changes()
    assert changes.annotations and not changes.articles


def test_an_own_write_rolled_back_leaves_nothing_to_report_or_to_hide(watcher, seeded_db, other):
    article = first_article(seeded_db)
    with pytest.raises(RuntimeError), watcher.mine(), write_transaction(seeded_db):
        seeded_db.execute("UPDATE articles SET updated = '2099-03-03T00:00:00' WHERE id = ?", [article])
        raise RuntimeError("abandoned")
    assert not watcher.changes()
    touch_article(other, "2099-03-03T00:00:00")  # the same change, from elsewhere, is news
    assert watcher.changes().articles


def test_writes_outside_mine_and_in_other_threads_are_reported(watcher, seeded_db, db_path):
    """``mine`` covers its own thread only: a job of the app cannot hide another thread's commit."""
    article = first_article(seeded_db)

    def elsewhere() -> None:
        connection = connect(db_path)
        try:
            create_annotation(connection, article, 20, 30, tags=["elsewhere"])
        finally:
            connection.close()

    with watcher.mine():
        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join(10)
    assert watcher.changes().annotations
    create_annotation(seeded_db, article, 0, 10, tags=["claim"])
    assert watcher.changes().annotations
