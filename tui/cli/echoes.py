"""Quote echoes: where else in the corpus each quote appears, and what differs."""

from __future__ import annotations

from store import echoes
from store.articles import ArticleNotFound, resolve_article
from tui.cli.output import Column, UsageError, database, emit, output_options, run_with_errors, table


def register(subparsers) -> None:
    parser = subparsers.add_parser("echoes", help="quotes that appear in other articles, with what differs")
    parser.add_argument("article", nargs="?", help="only this article's quotes (id or file name)")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_echoes))


def cmd_echoes(args) -> int:
    db = database(args)
    article_id = None
    if args.article is not None:
        try:
            article_id = resolve_article(db, args.article)
        except ArticleNotFound as error:
            raise UsageError(str(error)) from error
    rows = echoes.echoes(db, article_id)

    def view():
        found = []
        for row in rows:
            for echo in row["echoes"]:
                differs = "; ".join(f"{d['kind']}: {d['quote']} → {d['echo']}" for d in echo["differences"]) or "same"
                found.append((row["speaker"] or "?", row["quote"], row["article_id"], echo["article_id"],
                              f"{echo['similarity']:.0f}", differs))
        return table(
            [Column("speaker"), Column("quote"), Column("article", "number"), Column("echo in", "number"),
             Column("similarity", "number"), Column("differences")],
            found,
        )

    emit(args, rows, view)
    return 0
