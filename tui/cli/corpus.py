"""Corpus subcommands: import, articles, show, info."""

from __future__ import annotations

import sys
from pathlib import Path

from store.articles import ArticleNotFound, corpus_counts, list_articles, resolve_article
from store.db import schema_version
from store.importer import import_paths
from store.ingest.decode import clean_text
from store.pages import page_bytes
from store.reading import read_article
from tui.cli.output import (
    Column,
    UsageError,
    article_name,
    database,
    emit,
    output_options,
    progress_bar,
    run_with_errors,
    table,
)

PROGRESS_MIN_FILES = 4


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="import article files, directories (.txt .md .jsonl .json .html .html.gz) or http(s) URLs"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH|URL")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_import))

    parser = subparsers.add_parser("articles", help="list the articles in the database")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_articles))

    parser = subparsers.add_parser("show", help="one article with its blocks, sentences and references")
    parser.add_argument("article", metavar="ARTICLE", help="article id or file name")
    parser.add_argument("--raw", action="store_true", help="print the web page the article was read from")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_show))

    parser = subparsers.add_parser("info", help="database path, schema version and counts")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_info))


def cmd_import(args) -> int:
    db = database(args)
    on_terminal = not args.json and sys.stderr.isatty()
    with progress_bar("importing", enabled=on_terminal, min_total=PROGRESS_MIN_FILES) as progress:
        report = import_paths(db, args.paths, progress=progress)
    for warning in report.warnings:
        print(f"broadsheet import: warning: {warning}", file=sys.stderr)
    for problem in report.skipped:
        print(f"broadsheet import: skipped {problem}", file=sys.stderr)
    emit(args, report.as_dict(), lambda: _import_summary(report))
    return 1 if report.skipped else 0


def _import_summary(report) -> list[str]:
    lines = [
        f"{report.imported} imported, {report.updated} updated, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped"
    ]
    if report.reanchored:
        states = ", ".join(f"{n} {state}" for state, n in sorted(report.reanchored.items()) if n)
        lines.append(f"annotations of changed articles: {states}")
    return lines


def cmd_articles(args) -> int:
    articles = list_articles(database(args))
    emit(
        args,
        articles,
        lambda: table(
            [Column("id", "number"), Column("", "short"), Column("title"), Column("source"),
             Column("published", "short"), Column("words", "number"), Column("✎", "number")],
            [(a.id, "" if a.read else "●", a.title, a.source, a.published, a.words, a.annotations or "")
             for a in articles],
        ),
    )
    return 0


def cmd_show(args) -> int:
    db = database(args)
    try:
        article_id = resolve_article(db, args.article)
        if args.raw:
            return _show_raw(db, article_id, args.article)
        article = read_article(db, article_id).article
    except ArticleNotFound as exc:
        raise UsageError(str(exc)) from exc
    text = article.text
    data = {
        "id": article.id,
        "title": article.title,
        "path": article.path,
        "source": article.source,
        "published": article.published,
        "url": article.url,
        "byline": article.byline,
        "language": article.language,
        "feeds": article.feeds,
        "words": article.words,
        "text": text,
        "blocks": [
            {"kind": b.kind, "level": b.level, "start": b.start, "end": b.end, "text": text[b.start : b.end]}
            for b in article.blocks
        ],
        "sentences": [{"start": s, "end": e} for s, e in article.sentences],
        "references": [
            {"n": r.n, "publisher": r.publisher, "title": r.title, "url": r.url, "date": r.date}
            for r in article.references
        ],
    }
    emit(args, data, lambda: [
        article_name(article.id, article.title),
        " · ".join(str(part) for part in (article.source, article.published, article.url) if part),
        *(f"\n{text[block.start : block.end]}" for block in article.blocks
          if block.kind not in ("title", "boilerplate")),
    ])
    return 0


def _show_raw(db, article_id: int, name: str) -> int:
    """The stored web page, decoded as it was when read, exactly as it was (no cleaning: this is the page)."""
    stored = page_bytes(db, article_id)
    if stored is None:
        raise UsageError(f"{name}: no web page stored (the article was not read from HTML)")
    data, encoding = stored
    if sys.stdout.isatty():  # a terminal must not act on escapes in a hostile page
        sys.stdout.write(clean_text(data.decode(encoding, errors="replace")))
    else:  # piped or redirected: the page's bytes, exactly
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    return 0


def cmd_info(args) -> int:
    db = database(args)
    path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    info = {"database": str(path), "schema_version": schema_version(db), "counts": corpus_counts(db)}
    emit(args, info, lambda: table(
        [Column("", "short"), Column("", "text")],
        [("database", info["database"]), ("schema version", info["schema_version"]), *info["counts"].items()],
        headers=False,
    ))
    return 0
