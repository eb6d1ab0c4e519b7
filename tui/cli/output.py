"""Shared plumbing for subcommands: opening the database, printing JSON or a plain table, errors."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from store.db import open_db


class UsageError(Exception):
    """A user mistake in a subcommand's arguments: printed as one line, exit code 2."""


def add_json_flag(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def database(args):
    """Open the database named by ``--db`` / ``$BROADSHEET_DB`` / the default, announcing any backup."""
    return open_db(args.db, on_backup=lambda path: print(f"broadsheet: backed up the database to {path}", file=sys.stderr))


def emit_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def emit_table(rows: Iterable[Sequence], headers: Sequence[str]) -> None:
    """A plain aligned table; cells are made printable (no control characters reach the terminal)."""
    rows = [[printable(cell) for cell in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False)).rstrip())
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())


def printable(value, limit: int = 80) -> str:
    text = "" if value is None else str(value)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_with_errors(handler: Callable) -> Callable:
    """Wrap a handler so a :class:`UsageError` becomes a one-line message and exit code 2."""

    def wrapped(args) -> int:
        try:
            return handler(args)
        except UsageError as exc:
            print(f"broadsheet {args.command}: {exc}", file=sys.stderr)
            return 2

    return wrapped


@contextlib.contextmanager
def progress_bar(label: str, enabled: bool, min_total: int = 1) -> Iterator[Callable[[int, int, str], None] | None]:
    """A transient progress bar on standard error for work of at least ``min_total`` steps, as a
    ``progress(done, total, item)`` callback; None (nothing drawn) when not ``enabled``."""
    if not enabled:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int, item: str) -> None:
            if total >= min_total:
                bar.update(task, completed=done, total=total, description=Path(item).name[:40] or label)

        yield advance
