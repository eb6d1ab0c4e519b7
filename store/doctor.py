"""Health checks of a Broadsheet database, for ``broadsheet doctor``."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.articles import corpus_counts
from store.db import MIGRATIONS, schema_version

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the doctor's report; ``ok`` False makes the command exit non-zero."""

    name: str
    ok: bool
    detail: str


def examine(db: Database) -> list[Check]:
    """Integrity, schema version, full-text index consistency, foreign keys, half-written articles, orphans."""
    checks = [_integrity(db), _schema(db), _foreign_keys(db)]
    for table in ("sentences_fts", "articles_fts"):
        checks.append(_fts(db, table))
    empty = db.execute(
        "SELECT count(*) FROM articles WHERE trim(text) != '' AND NOT EXISTS "
        "(SELECT 1 FROM sentences WHERE sentences.article_id = articles.id)"
    ).fetchone()[0]
    checks.append(Check("articles complete", empty == 0, f"{empty} article(s) without sentences" if empty
                        else "every article has its sentences"))
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'annotations'").fetchone():
        orphans = db.execute("SELECT count(*) FROM annotations WHERE anchor = 'orphaned'").fetchone()[0]
        checks.append(Check("annotations anchored", True, f"{orphans} orphaned annotation(s) kept with their quote and "
                                                          f"note"))
    counts = ", ".join(f"{count} {name}" for name, count in corpus_counts(db).items())
    checks.append(Check("counts", True, counts))
    return checks


def _integrity(db: Database) -> Check:
    try:
        rows = [row[0] for row in db.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return Check("integrity", False, str(exc))
    return Check("integrity", rows == ["ok"], "ok" if rows == ["ok"] else "; ".join(rows[:5]))


def _schema(db: Database) -> Check:
    version, latest = schema_version(db), len(MIGRATIONS)
    return Check("schema version", version == latest, f"{version} (this Broadsheet: {latest})")


def _foreign_keys(db: Database) -> Check:
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    return Check("foreign keys", not problems, f"{len(problems)} dangling row(s)" if problems else "ok")


def _fts(db: Database, table: str) -> Check:
    try:
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return Check(f"{table} index", False, f"{exc}; run `broadsheet doctor --repair`")
    return Check(f"{table} index", True, "consistent with its table")


def repair_fts(db: Database) -> None:
    """Rebuild the full-text indexes from their tables."""
    for table in ("sentences_fts", "articles_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
