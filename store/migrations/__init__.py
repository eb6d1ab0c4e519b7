"""Forward-only schema migrations, one module each: ``mNNN_name.py`` with ``migrate(db)``.

Migration N brings a database from ``PRAGMA user_version`` N-1 to N. The number in the file name is the
version; never renumber or edit a migration that has shipped — add a new one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, overload

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


class Migrations(Sequence):
    """The steps in order, ``MIGRATIONS[n - 1]`` bringing a database to version n: counted from the file names,
    each module imported when its step is asked for, so a database already at the latest version (every start
    but the first after an upgrade) imports none of them."""

    def __init__(self) -> None:
        self._names = sorted(m.name for m in pkgutil.iter_modules(__path__)
                             if m.name[:1] == "m" and m.name[1:4].isdigit())
        for expected, name in enumerate(self._names, start=1):
            if int(name[1:4]) != expected:
                raise RuntimeError(f"migration {name} is out of sequence: expected m{expected:03d}_*")

    def __len__(self) -> int:
        return len(self._names)

    @overload
    def __getitem__(self, index: int) -> Callable[[Database], None]: ...

    @overload
    def __getitem__(self, index: slice) -> list[Callable[[Database], None]]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return importlib.import_module(f"{__name__}.{self._names[index]}").migrate


MIGRATIONS = Migrations()
