"""Forward-only schema migrations, one module each: ``mNNN_name.py`` with ``migrate(db)``.

Migration N brings a database from ``PRAGMA user_version`` N-1 to N. The number in the file name is the
version; never renumber or edit a migration that has shipped — add a new one.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def execute_script(db: Database, script: str) -> None:
    """Run several statements inside the caller's transaction.

    ``sqlite3.executescript`` would COMMIT the open transaction first, breaking a migration's atomicity;
    this feeds complete statements one at a time instead.
    """
    import sqlite3

    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement.strip()[:60]}")


def _discover():
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[:1] == "m" and m.name[1:4].isdigit())
    steps = []
    for expected, name in enumerate(names, start=1):
        if int(name[1:4]) != expected:
            raise RuntimeError(f"migration {name} is out of sequence: expected m{expected:03d}_*")
        steps.append(importlib.import_module(f"{__name__}.{name}").migrate)
    return steps


MIGRATIONS = _discover()

