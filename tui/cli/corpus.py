"""Corpus subcommands: import, articles, show, info."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from store.articles import ArticleNotFound, corpus_counts, get_article, list_articles, resolve_article
from store.db import schema_version
from store.importer import import_paths
from tui.cli.output import Column, UsageError, article_name, database, emit, output_options, run_with_errors, table

PROGRESS_MIN_FILES = 4


def register(subparsers) -> None:
    parser = subparsers.add_parser("import", help="import article files or directories (.txt .md .jsonl .json)")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_import))

    parser = subparsers.add_parser("articles", help="list the articles in the database")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_articles))

    parser = subparsers.add_parser("show", help="one article with its blocks, sentences and references")
    parser.add_argument("article", metavar="ARTICLE", help="article id or file name")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_show))

    parser = subparsers.add_parser("info", help="database path, schema version and counts")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_info))


def cmd_import(args) -> int:
    db = database(args)
    with _progress_bar(enabled=not args.json and sys.stderr.isatty()) as progress:
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


@contextlib.contextmanager
def _progress_bar(enabled: bool):
    """A progress bar on a terminal for imports of more than a few files; nothing otherwise."""
    if not enabled:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("importing", total=None)

        def advance(done: int, total: int, path: str) -> None:
            if total >= PROGRESS_MIN_FILES:
                bar.update(task, completed=done, total=total, description=Path(path).name[:40])

        yield advance


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
        article = get_article(db, resolve_article(db, args.article))
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
        *(f"\n{text[block.start : block.end]}" for block in article.blocks if block.kind not in ("title", "boilerplate")),
    ])
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
