"""``broadsheet search``: fuzzy search over sentences, quotes, titles, entities and notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.search import SCOPES, Hit, record_query, search
from tui.cli.output import Column, UsageError, database, emit, output_options, printable, run_with_errors, table

if TYPE_CHECKING:
    from rich.text import Text

CONTEXT_BEFORE = 12  # characters of a result shown before its first matched word
TITLE_WIDTH = 24  # the title column's widest: the rest of the line goes to the matched text


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "search",
        help="fuzzy search (typos, half-typed words, any quote style); filters tag: entity: label: source: in:",
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help='words, "exact phrases" and filters')
    parser.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    parser.add_argument("--scope", choices=SCOPES, default="sentences", help="what to search (default sentences)")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_search))


def cmd_search(args) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    query = " ".join(args.query)
    db = database(args)
    hits = search(db, query, limit=args.limit, scope=args.scope)
    record_query(db, query)
    emit(args, hits, lambda: table(
        [Column("article", "number"), Column("score", "number"), Column("text"),
         Column("title", max_width=TITLE_WIDTH)],
        [(hit.article_id, hit.score, matched_window(hit), hit.title) for hit in hits],
    ))
    return 0


def matched_window(hit: Hit) -> Text:
    """The result's text from a little before its first matched word (cut at a word boundary, "…" marking the
    cut), matched words in bold: a table cell cuts the end of a long sentence, never its matches."""
    from rich.text import Text

    text = printable(hit.text)
    first = min((start for start, _ in hit.text_matches), default=0)
    begin = 0
    if first > CONTEXT_BEFORE:
        space = text.find(" ", first - CONTEXT_BEFORE, first)
        begin = space + 1 if space != -1 else first
    window = Text(("…" if begin else "") + text[begin:])
    shift = 1 if begin else 0
    for start, end in hit.text_matches:
        if end > begin:
            window.stylize("bold", max(start, begin) - begin + shift, end - begin + shift)
    return window
