"""Feed subcommands: ``broadsheet feed add|list|update|remove|import-opml|export-opml``."""

from __future__ import annotations

import sys
from pathlib import Path

from store.feeds.opml import OpmlError, read_opml, write_opml
from store.feeds.subscriptions import FeedNotFound, FeedRefused, add_feed, list_feeds, remove_feed
from tui.cli.output import Column, UsageError, database, emit, output_options, progress_bar, run_with_errors, table
from tui.text import plural


def register(subparsers) -> None:
    feed = subparsers.add_parser("feed", help="subscribe to RSS, Atom and JSON feeds and fetch their articles")
    commands = feed.add_subparsers(dest="feed_command", metavar="FEED_COMMAND", required=True)

    parser = commands.add_parser("add", help="subscribe to a feed by URL or file path")
    parser.add_argument("location", metavar="URL|PATH")
    parser.add_argument("--name", help="a short name for the feed (default: its host or file name)")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_add))

    parser = commands.add_parser("list", help="subscribed feeds with article and unread counts")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_list))

    parser = commands.add_parser("update", help="fetch feeds (all, or those named) and import their new articles")
    parser.add_argument("feeds", nargs="*", metavar="NAME|ID")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_update))

    parser = commands.add_parser("remove", help="unsubscribe (the feed's articles stay)")
    parser.add_argument("feed", metavar="NAME|ID")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_remove))

    parser = commands.add_parser("import-opml", help="subscribe to every feed of an OPML file")
    parser.add_argument("file", type=Path, metavar="FILE")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_import_opml))

    parser = commands.add_parser("export-opml", help="write the subscriptions as OPML")
    parser.add_argument("--output", type=Path, metavar="FILE", help="file to write (default: standard output)")
    parser.set_defaults(handler=run_with_errors(cmd_export_opml))


def cmd_add(args) -> int:
    try:
        feed = add_feed(database(args), args.location, args.name)
    except FeedRefused as exc:
        raise UsageError(str(exc)) from exc
    emit(args, feed, lambda: f"subscribed to {feed.url} as {feed.name!r} (fetch it with `broadsheet feed update "
                             f"{feed.name}`)")
    return 0


def cmd_list(args) -> int:
    feeds = list_feeds(database(args))
    emit(args, feeds, lambda: table(
        [Column("id", "number"), Column("name"), Column("title"), Column("articles", "number"),
         Column("unread", "number"), Column("last update", "short"), Column("last error")],
        [
            (f["id"], f["name"], f["title"] or "", f["articles"], f["unread"], f["last_update"] or "never",
             f["last_error"] or "")
            for f in feeds
        ],
    ))
    return 0


def cmd_update(args) -> int:
    from store.feeds.update import update_feeds

    db = database(args)
    try:
        with progress_bar("updating feeds", enabled=not args.json and sys.stderr.isatty()) as progress:
            report = update_feeds(db, args.feeds or None, progress=progress)
    except FeedNotFound as exc:
        raise UsageError(str(exc)) from exc
    for warning in report.warnings:
        print(f"broadsheet feed update: warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"broadsheet feed update: {error.feed}: {error.url}: {error.reason}", file=sys.stderr)
    emit(
        args,
        report,
        lambda: f"{plural(report.feeds, 'feed')} ({report.not_modified} not modified, {len(report.errors)} failed): "
        f"{report.new} new, {report.updated} updated, {report.unchanged} unchanged",
    )
    return 1 if report.errors else 0


def cmd_remove(args) -> int:
    try:
        feed = remove_feed(database(args), args.feed)
    except FeedNotFound as exc:
        raise UsageError(str(exc)) from exc
    emit(args, feed, lambda: f"unsubscribed from {feed.name!r}; its articles stay in the library")
    return 0


def cmd_import_opml(args) -> int:
    db = database(args)
    try:
        outlines = read_opml(args.file)
    except OpmlError as exc:
        raise UsageError(str(exc)) from exc
    added, skipped = [], []
    for outline in outlines:
        try:
            added.append(add_feed(db, outline.url, _free_name(db, outline.name)).to_json())
        except FeedRefused as exc:
            skipped.append({"url": outline.url, "reason": str(exc)})
    for item in skipped:
        print(f"broadsheet feed import-opml: skipped {item['reason']}", file=sys.stderr)
    emit(args, {"added": added, "skipped": skipped}, lambda: f"{plural(len(added), 'feed')} added, {len(skipped)} "
                                                             f"skipped")
    return 0


def _free_name(db, name: str | None) -> str | None:
    """The name another reader gave a feed, unless it is taken or unusable (then the default name applies)."""
    if not name or name.isdigit() or db.execute("SELECT 1 FROM feeds WHERE name = ?", [name]).fetchone():
        return None
    return name


def cmd_export_opml(args) -> int:
    document = write_opml(list_feeds(database(args)))
    if args.output:
        args.output.write_text(document, encoding="utf-8")
    else:
        sys.stdout.write(document)
    return 0
