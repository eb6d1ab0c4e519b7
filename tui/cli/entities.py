"""Entity and figure subcommands: extract (no database), mentions, entities, and teaching the extractor."""

from __future__ import annotations

import sys
from pathlib import Path

from store.articles import ArticleNotFound, resolve_article
from store.extract import extract
from store.ingest.decode import IngestError, read_text
from store.mentions import (
    TeachingError,
    add_entity_teaching,
    entity_counts,
    list_teachings,
    mentions,
    reextract_stale,
    remove_teaching,
    suppress_teaching,
)
from tui.cli.output import UsageError, add_json_flag, database, emit_json, emit_table, run_with_errors

MENTION_KEYS = ("start", "end", "text", "kind", "label")
OPTIONAL_KEYS = ("entity", "value", "unit", "hedge")


def register(subparsers) -> None:
    parser = subparsers.add_parser("extract", help="entities and figures of text files, without a database")
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    add_json_flag(parser)
    parser.set_defaults(handler=run_with_errors(cmd_extract))

    parser = subparsers.add_parser("mentions", help="stored entity and figure mentions, of one article or all")
    parser.add_argument("article", nargs="?", metavar="ARTICLE", help="article id or file name")
    parser.add_argument("--label", help="only this label (ORG, PERSON, MONEY, PERCENT, DATE, ...)")
    add_json_flag(parser)
    parser.set_defaults(handler=run_with_errors(cmd_mentions))

    parser = subparsers.add_parser("entities", help="entities across the corpus with mention and article counts")
    parser.add_argument("--label", help="only this label")
    add_json_flag(parser)
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
    add_json_flag(listing)
    listing.set_defaults(handler=run_with_errors(cmd_entity_list))
    remove = actions.add_parser("remove", help="forget one teaching (see `entity list` for ids)")
    remove.add_argument("id", type=int, metavar="ID")
    remove.set_defaults(handler=run_with_errors(cmd_entity_remove))


def mention_json(mention) -> dict:
    """A mention as the JSON contract has it: optional keys only when set, a range's value as [low, high]."""
    get = mention.get if isinstance(mention, dict) else lambda key: getattr(mention, key)
    data = {key: get(key) for key in MENTION_KEYS}
    for key in OPTIONAL_KEYS:
        if get(key) is not None:
            data[key] = get(key)
    if get("value_high") is not None:
        data["value"] = [get("value"), get("value_high")]
    return data


def cmd_extract(args) -> int:
    results, failed = [], 0
    for path in args.paths:
        try:
            text, _warnings = read_text(path)
        except IngestError as exc:
            print(f"broadsheet extract: {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        results.append({"path": str(path), "mentions": [mention_json(m) for m in extract(text)]})
    if args.json:
        emit_json(results)
    else:
        emit_table(
            [
                (result["path"], m["start"], m["end"], m["label"], m["text"], _value(m), m.get("unit"), m.get("hedge"))
                for result in results
                for m in result["mentions"]
            ],
            ["path", "start", "end", "label", "text", "value", "unit", "hedge"],
        )
    return 1 if failed else 0


def _value(mention: dict) -> str:
    value = mention.get("value")
    if isinstance(value, list):
        return f"{value[0]:g}–{value[1]:g}"
    return "" if value is None else f"{value:g}"


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
    if args.json:
        emit_json([{"article_id": r["article_id"], "path": r["path"], **mention_json(r)} for r in rows])
    else:
        emit_table(
            [(r["article_id"], r["start"], r["end"], r["label"], r["text"], _value(mention_json(r)), r["unit"] or r["entity"])
             for r in rows],
            ["article", "start", "end", "label", "text", "value", "unit/entity"],
        )
    return 0


def cmd_entities(args) -> int:
    rows = entity_counts(fresh_database(args), label=args.label)
    if args.json:
        emit_json(rows)
    else:
        emit_table([(r["name"], r["label"], r["count"], r["articles"], r["canonical"]) for r in rows],
                   ["name", "label", "mentions", "articles", "canonical"])
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
    if args.json:
        emit_json(rows)
    else:
        emit_table([(r["id"], r["action"], r["text"], r["label"], r["article_id"], r["start"], r["created"]) for r in rows],
                   ["id", "action", "text", "label", "article", "start", "created"])
    return 0


def cmd_entity_remove(args) -> int:
    if not remove_teaching(database(args), args.id):
        raise UsageError(f"no teaching with id {args.id} (see `broadsheet entity list`)")
    print(f"forgot teaching #{args.id}")
    return 0
