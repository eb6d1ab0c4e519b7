"""The change watcher's marks are read from index ends: an open app takes them at every look and around each of
its own writes, so the newest ``updated`` must never cost a pass over every article or annotation."""

from __future__ import annotations

import pytest

from store.db import connect
from store.watch import annotations_mark, articles_mark


def statements_run_by(read_mark, db) -> list[str]:
    """The SELECT statements ``read_mark`` sends to SQLite."""
    sent: list[str] = []
    db.conn.set_trace_callback(sent.append)
    try:
        read_mark(db)
    finally:
        db.conn.set_trace_callback(None)
    return [sql for sql in sent if sql.lstrip().upper().startswith("SELECT")]


def plan(db, sql: str) -> list[str]:
    return [row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()]


@pytest.mark.parametrize(("read_mark", "table"), [(articles_mark, "articles"), (annotations_mark, "annotations")])
def test_the_newest_update_is_read_from_the_end_of_its_index(read_mark, table, db_path, seeded_db):
    db = connect(db_path)
    try:
        steps = [step for sql in statements_run_by(read_mark, db) for step in plan(db, sql)]
    finally:
        db.close()
    assert f"SEARCH {table} USING COVERING INDEX {table}_updated" in steps, steps

