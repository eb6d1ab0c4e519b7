"""``broadsheet search``: fuzzy search over sentences, quotes, titles, entities and notes."""

from __future__ import annotations

from store.search import SCOPES, record_query, search
from tui.cli.output import UsageError, add_json_flag, database, emit_json, emit_table, run_with_errors


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "search",
        help="fuzzy search (typos, half-typed words, any quote style); filters tag: entity: label: source: in:",
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help='words, "exact phrases" and filters')
    parser.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    parser.add_argument("--scope", choices=SCOPES, default="sentences", help="what to search (default sentences)")
    add_json_flag(parser)
    parser.set_defaults(handler=run_with_errors(cmd_search))


def cmd_search(args) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    query = " ".join(args.query)
    db = database(args)
    hits = search(db, query, limit=args.limit, scope=args.scope)
    record_query(db, query)
    if args.json:
        emit_json(
            [
                {
                    "article_id": hit.article_id,
                    "path": hit.path,
                    "title": hit.title,
                    "start": hit.start,
                    "end": hit.end,
                    "text": hit.text,
                    "score": hit.score,
                    "kind": hit.kind,
                    "matches": [list(match) for match in hit.matches],
                }
                for hit in hits
            ]
        )
    else:
        emit_table([(hit.article_id, hit.score, hit.text, hit.title) for hit in hits], ["article", "score", "text", "title"])
    return 0
