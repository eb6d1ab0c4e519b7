"""The ``broadsheet`` command: no subcommand opens the app; subcommands print JSON (``--json``) or tables.

Each module here registers one group of subcommands with ``register(subparsers)``; a subcommand's handler
takes ``(args)`` and returns the process exit code. Textual is imported only when the app opens.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import sys
from pathlib import Path

from store.db import DatabaseError


def command_groups():
    """Every module in this package that registers subcommands, corpus commands first."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "output")
    names.sort(key=lambda name: name != "corpus")
    modules = (importlib.import_module(f"{__name__}.{name}") for name in names)
    return [module for module in modules if hasattr(module, "register")]


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="database file (default: $BROADSHEET_DB or the user data dir)")
    parser.add_argument("--keymap", help="keymap name (default, vim, emacs) or path to a TOML file")


def app_options(argv: list[str] | None) -> argparse.Namespace | None:
    """The global options when ``argv`` holds nothing else, i.e. the app is to open; None otherwise.

    Asked before the subcommands are registered: their modules import the importer, the extractor and the
    search engine, a tenth of a second the app's first frame does not need.
    """
    parser = argparse.ArgumentParser(prog="broadsheet", add_help=False)
    add_global_options(parser)
    args, rest = parser.parse_known_args(argv)
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="broadsheet",
        description="Read and annotate news articles in the terminal. With no command, opens the reader.",
    )
    add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in command_groups():
        group.register(subparsers)
    return parser


def open_app(options: argparse.Namespace) -> int:
    """The app, imported and built with Python's cyclic garbage collector paused.

    The imports (Textual's and the app's) and the first page build a heap that lives as long as the app; the
    collector would walk it again and again as it grows, ~25 ms of the first frame. ``run_app`` freezes that
    heap and restarts the collector before the app runs; ``finally`` restarts it however the start ends.
    """
    gc.disable()
    try:
        from tui.app import run_app

        return run_app(db_path=options.db, keymap=options.keymap)
    finally:
        gc.enable()


def main(argv: list[str] | None = None) -> int:
    options = app_options(argv)
    try:
        if options is None:
            args = build_parser().parse_args(argv)
            if args.command is not None:
                return args.handler(args)
            options = args
        return open_app(options)
    except DatabaseError as exc:
        print(f"broadsheet: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
