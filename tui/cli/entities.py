"""Entity and figure subcommands: extract (no database), mentions, entities, and teaching the extractor."""

from __future__ import annotations

import sys
from pathlib import Path

from store.articles import ArticleNotFound, article_titles, resolve_article
from store.extract import extract
from store.ingest.decode import IngestError, read_text
from store.mentions import (
    TeachingError,
    add_entity_teaching,
    entity_counts,
    mentions,
    reextract_stale,
    remove_teaching,
    suppress_teaching,
)
from store.model import Mention, StoredMention
from store.teachings import list_teachings
from tui.cli.output import Column, UsageError, article_name, database, emit, output_options, run_with_errors, table


def register(subparsers) -> None:
    parser = subparsers.add_parser("extract", help="entities and figures of text files, without a database")
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_extract))

    parser = subparsers.add_parser("mentions", help="stored entity and figure mentions, of one article or all")
    parser.add_argument("article", nargs="?", metavar="ARTICLE", help="article id or file name")
    parser.add_argument("--label", help="only this label (ORG, PERSON, MONEY, PERCENT, DATE, ...)")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_mentions))

    parser = subparsers.add_parser("entities", help="entities across the corpus with mention and article counts")
    parser.add_argument("--label", help="only this label")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_entities))

    parser = subparsers.add_parser("entity", help="teach the extractor: add or suppress entities")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="TEXT is an entity of LABEL wherever it occurs (case-sensitive)")
    add.add_argument("text", metavar="TEXT")
    add.add_argument("--label", required=True, help="ORG, PERSON, PLACE, PRODUCT, INDEX, OTHER, ...")
    add.set_defaults(handler=run_with_errors(cmd_entity_add))
    suppress = actions.add_parser("suppress", help="TEXT is never a mention (or not at one place, with --article)")
    suppress.add_argument("text", metavar="TEXT")
    suppress.add_argument("--article", help="only in this article (id or file name); needs --start")
    suppress.add_argument("--start", type=int, help="code-point offset of the occurrence in the article")
    suppress.set_defaults(handler=run_with_errors(cmd_entity_suppress))
    listing = actions.add_parser("list", help="what you have taught")
    output_options(listing)
    listing.set_defaults(handler=run_with_errors(cmd_entity_list))
    remove = actions.add_parser("remove", help="forget one teaching (see `entity list` for ids)")
    remove.add_argument("id", type=int, metavar="ID")
    remove.set_defaults(handler=run_with_errors(cmd_entity_remove))


def cmd_extract(args) -> int:
    results: list[tuple[str, list[Mention]]] = []
    failed = 0
    for path in args.paths:
        try:
            text, _warnings = read_text(path)
        except IngestError as exc:
            print(f"broadsheet extract: {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        results.append((str(path), extract(text)))
    emit(
        args,
        [{"path": path, "mentions": found} for path, found in results],
        lambda: table(
            [Column("path"), Column("start", "number"), Column("end", "number"), Column("label", "short"),
             Column("text"), Column("value", "number"), Column("unit", "short"), Column("hedge")],
            [(path, m.start, m.end, m.label, m.text, _value(m), m.unit, m.hedge) for path, found in results
             for m in found],
        ),
    )
    return 1 if failed else 0


def _value(mention: Mention | StoredMention) -> str:
    if mention.value is None:
        return ""
    if mention.value_high is not None:
        return f"{mention.value:g}–{mention.value_high:g}"
    return f"{mention.value:g}"


def _article_id(db, ref: str) -> int:
    try:
        return resolve_article(db, ref)
    except ArticleNotFound as exc:
        raise UsageError(str(exc)) from exc


def fresh_database(args):
    """The database with every article's mentions brought up to date with the extractor and the teachings."""
    db = database(args)
    reextract_stale(db)
    return db


def cmd_mentions(args) -> int:
    db = fresh_database(args)
    article_id = _article_id(db, args.article) if args.article else None
    rows = mentions(db, article_id=article_id, label=args.label)

    def view():
        titles = article_titles(db, {r.article_id for r in rows})
        return table(
            [Column("article"), Column("start", "number"), Column("end", "number"), Column("label", "short"),
             Column("text"), Column("value", "number"), Column("unit/entity")],
            [(article_name(r.article_id, titles.get(r.article_id)), r.start, r.end, r.label, r.text, _value(r),
              r.unit or r.entity) for r in rows],
        )

    emit(args, rows, view)
    return 0


def cmd_entities(args) -> int:
    rows = entity_counts(fresh_database(args), label=args.label)
    emit(args, rows, lambda: table(
        [Column("name"), Column("label", "short"), Column("mentions", "number"), Column("articles", "number"),
         Column("canonical")],
        [(r["name"], r["label"], r["count"], r["articles"], r["canonical"]) for r in rows],
    ))
    return 0


def cmd_entity_add(args) -> int:
    db = database(args)
    try:
        teaching_id = add_entity_teaching(db, args.text, args.label)
    except TeachingError as exc:
        raise UsageError(str(exc)) from exc
    print(f"taught #{teaching_id}: {args.text!r} is {args.label.upper()}")
    return 0


def cmd_entity_suppress(args) -> int:
    db = database(args)
    if (args.article is None) != (args.start is None):
        raise UsageError("--article and --start go together (one occurrence), or leave both out (everywhere)")
    article_id = _article_id(db, args.article) if args.article is not None else None
    try:
        teaching_id = suppress_teaching(db, args.text, article_id, args.start)
    except TeachingError as exc:
        raise UsageError(str(exc)) from exc
    where = f"in article {article_id} at {args.start}" if article_id is not None else "everywhere"
    print(f"taught #{teaching_id}: {args.text!r} is not a mention {where}")
    return 0


def cmd_entity_list(args) -> int:
    rows = list_teachings(database(args))
    emit(args, rows, lambda: table(
        [Column("id", "number"), Column("action", "short"), Column("text"), Column("label", "short"),
         Column("article", "number"), Column("start", "number"), Column("created", "short")],
        [(r["id"], r["action"], r["text"], r["label"], r["article_id"], r["start"], r["created"]) for r in rows],
    ))
    return 0


def cmd_entity_remove(args) -> int:
    if not remove_teaching(database(args), args.id):
        raise UsageError(f"no teaching with id {args.id} (see `broadsheet entity list`)")
    print(f"forgot teaching #{args.id}")
    return 0
