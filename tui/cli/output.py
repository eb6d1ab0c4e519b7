"""Shared plumbing for subcommands: the output options, the one emitter every result goes through, tables that
fit the terminal, opening the database, errors.

A command builds its result once and hands it to :func:`emit` with a view for people: with ``--json`` the
result is printed as JSON (records by their ``to_json()``), otherwise the view is drawn with Rich — tables
sized to the terminal's width (``$COLUMNS`` when set), every row one line, long cells cut with an ellipsis.
Rich, not Textual: this package must not load Textual unless the app opens.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.db import open_db

if TYPE_CHECKING:
    from argparse import ArgumentParser, Namespace

    from rich.console import Console, RenderableType
    from sqlite_utils import Database

View = Callable[[], "RenderableType | Iterable[RenderableType]"]


class UsageError(Exception):
    """A user mistake in a subcommand's arguments: printed as one line, exit code 2."""


def output_options(parser: ArgumentParser) -> None:
    """The options every listing command takes (in the spirit of sqlite-utils' ``output_options``)."""
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of a table")


def emit(args: Namespace, data: Any, view: View) -> None:
    """Print a command's result: ``data`` as JSON with ``--json``, else what ``view()`` returns (a Rich
    renderable, a line of text, or several of them) for people."""
    if args.json:
        json.dump(to_json(data), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    shown = view()
    console = make_console()
    with console.capture() as captured:
        for item in [shown] if isinstance(shown, str) or not isinstance(shown, Iterable) else shown:
            console.print(line(item) if isinstance(item, str) else item)
    # A table pads its last column with spaces: trailing blanks are noise to `grep` and `diff`.
    sys.stdout.write("".join(row.rstrip(" ") + "\n" for row in captured.get().splitlines()))


def to_json(data: Any) -> Any:
    """``data`` with every record (anything with ``to_json()``) replaced by its JSON form, recursively."""
    if hasattr(data, "to_json"):
        return data.to_json()
    if isinstance(data, list | tuple):
        return [to_json(item) for item in data]
    if isinstance(data, dict):
        return {key: to_json(value) for key, value in data.items()}
    return data


def make_console() -> Console:
    """A console on standard output as wide as the terminal (or ``$COLUMNS``; 80 when neither says)."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, soft_wrap=False)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: ``text`` columns share the width left over and are cut with an ellipsis (never wider than
    ``max_width``); ``number`` columns are right-aligned and never cut; ``short`` columns (ids, labels, dates)
    are never cut either."""

    header: str
    kind: str = "text"
    max_width: int | None = None


def table(columns: Sequence[Column], rows: Iterable[Sequence[object]], *, headers: bool = True) -> RenderableType:
    """An aligned table, no borders, one line per row, no wider than the console. A column empty in every row
    is left out, so the width goes to the columns that say something."""
    from rich.table import Table

    rows = [list(row) for row in rows]
    shown = [i for i in range(len(columns)) if not rows or any(row[i] not in (None, "") for row in rows)]
    grid = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 1), header_style="bold", show_header=headers)
    for i in shown:
        column = columns[i]
        grid.add_column(column.header, justify="right" if column.kind == "number" else "left",
                        no_wrap=column.kind != "text", overflow="ellipsis", max_width=column.max_width)
    for row in rows:
        grid.add_row(*(cell(row[i]) for i in shown))
    return grid


def cell(value: object) -> RenderableType:
    """A table cell: printable text on one line, cut with an ellipsis when its column is narrower."""
    from rich.text import Text

    if isinstance(value, Text):
        value.no_wrap, value.overflow = True, "ellipsis"
        return value
    return Text(printable(value), no_wrap=True, overflow="ellipsis")


def line(value: object) -> RenderableType:
    """Output as plain text (lines kept): no Rich markup is read in it, control characters are removed."""
    from rich.text import Text

    return Text("\n".join(printable(part) for part in str(value).split("\n")))


def printable(value: object) -> str:
    """``value`` as one line of text, control characters (terminal escapes, line breaks) replaced by spaces."""
    text = "" if value is None else str(value)
    return "".join(ch if ch.isprintable() else " " for ch in text)


def article_name(article_id: int, title: str | None) -> str:
    """How an article is named in a table: ``#12 Title of the article``."""
    return f"#{article_id} {title or ''}".rstrip()


def database(args: Namespace) -> Database:
    """Open the database named by ``--db`` / ``$BROADSHEET_DB`` / the default, announcing any backup."""
    return open_db(args.db,
                   on_backup=lambda path: print(f"broadsheet: backed up the database to {path}", file=sys.stderr))


def run_with_errors(handler: Callable[[Namespace], int]) -> Callable[[Namespace], int]:
    """Wrap a handler so a :class:`UsageError` becomes a one-line message and exit code 2."""

    def wrapped(args: Namespace) -> int:
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
