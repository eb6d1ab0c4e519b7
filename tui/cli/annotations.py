"""Annotation subcommands: annotate, annotations, tags, tag (rename/merge/delete/color), export, import-annotations."""

from __future__ import annotations

import sys
from pathlib import Path

from store import annotations as store
from store.anchoring import changed_figures, find_quote
from store.articles import ArticleNotFound, get_article, resolve_article
from store.export import FORMATS, export_annotations, import_annotations
from store.model import Annotation
from store.tags import TagError
from tui.cli.output import Column, UsageError, article_name, database, emit, output_options, run_with_errors, table


def register(subparsers) -> None:
    parser = subparsers.add_parser("annotate", help="annotate a quote of an article with tags and a note")
    parser.add_argument("article", metavar="ARTICLE", help="article id or file name")
    parser.add_argument("--quote", required=True, help="the text to annotate, as it appears in the article")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeat for several)")
    parser.add_argument("--note", default="", help="a note (Markdown)")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_annotate))

    parser = subparsers.add_parser("annotations", help="list annotations, with their anchor state")
    parser.add_argument("--tag", metavar="T", help="only annotations with this tag")
    parser.add_argument("--article", metavar="A", help="only annotations of this article (id or file name)")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_annotations))

    parser = subparsers.add_parser("tags", help="every tag with its count and colour")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_tags))

    parser = subparsers.add_parser("tag", help="rename, merge, delete or colour a tag everywhere")
    actions = parser.add_subparsers(dest="tag_action", metavar="ACTION", required=True)
    for name, args, help_text in (
        ("rename", ("OLD", "NEW"), "rename a tag"),
        ("merge", ("A", "B"), "merge tag A into tag B (A disappears)"),
        ("delete", ("T",), "remove a tag from every annotation"),
        ("color", ("T", "COLOR"), "set a tag's colour: a name (red, dark orange) or #rrggbb"),
    ):
        action = actions.add_parser(name, help=help_text)
        for arg in args:
            action.add_argument(arg.lower(), metavar=arg)
        output_options(action)
        action.set_defaults(handler=run_with_errors(cmd_tag))

    parser = subparsers.add_parser("export", help="export annotations as Markdown, JSON Lines, CSV or W3C JSON-LD")
    parser.add_argument("--format", choices=FORMATS, default="markdown")
    parser.add_argument("--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--tag", metavar="T", help="only annotations with this tag")
    parser.set_defaults(handler=run_with_errors(cmd_export))

    parser = subparsers.add_parser("import-annotations", help="read annotations back from a jsonl or w3c export")
    parser.add_argument("file", type=Path, metavar="FILE")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_import_annotations))


def cmd_annotate(args) -> int:
    db = database(args)
    try:
        article = get_article(db, resolve_article(db, args.article))
    except ArticleNotFound as exc:
        raise UsageError(str(exc)) from exc
    candidates = find_quote(article.text, args.quote)
    if not candidates:
        raise UsageError(f"quote not found in {article.path} (not even approximately): {args.quote!r}")
    if len(candidates) > 1:
        places = ", ".join(str(c.start) for c in candidates[:10])
        raise UsageError(
            f"quote occurs {len(candidates)} times in {article.path} (at offsets {places}); quote more words"
        )
    [found] = candidates
    quoted, written = changed_figures(args.quote, article.text[found.start : found.end])
    if quoted or written:
        raise UsageError(
            f"the quote's figures are not the article's: you quoted {', '.join(quoted) or 'no figure'}, "
            f"{article.path} says {', '.join(written) or 'no figure'} (at offset {found.start}); quote it as written"
        )
    try:
        record = store.create_annotation(db, article.id, found.start, found.end, args.tag, args.note)
    except (store.AnnotationError, TagError) as exc:
        raise UsageError(str(exc)) from exc
    if found.score < 1:
        print(
            f"broadsheet annotate: matched approximately (similarity {found.score:.2f}): {record.exact!r}",
            file=sys.stderr,
        )
    emit(args, record, lambda: annotations_table([record]))
    return 0


def cmd_annotations(args) -> int:
    db = database(args)
    article = None
    if args.article:
        try:
            article = resolve_article(db, args.article)
        except ArticleNotFound as exc:
            raise UsageError(str(exc)) from exc
    records = store.list_annotations(db, tag=args.tag, article=article)
    emit(args, records, lambda: annotations_table(records))
    return 0


def annotations_table(records: list[Annotation]):
    return table(
        [Column("id", "number"), Column("article"), Column("span", "short"), Column("anchor", "short"),
         Column("tags"), Column("quote"), Column("note")],
        [
            (
                r.id,
                article_name(r.article_id, r.title),
                "" if r.start is None else f"{r.start}-{r.end}",
                r.anchor + (" figure-changed" if r.figure_changed else ""),
                " ".join(f"#{t}" for t in r.tags),
                r.exact,
                r.note,
            )
            for r in records
        ],
    )


def cmd_tags(args) -> int:
    rows = store.list_tags(database(args))
    emit(args, rows, lambda: table(
        [Column("tag"), Column("annotations", "number"), Column("colour", "short")],
        [(r["name"], r["count"], r["color"]) for r in rows],
    ))
    return 0


def cmd_tag(args) -> int:
    db = database(args)
    try:
        if args.tag_action == "rename":
            count, message = store.rename_tag(db, args.old, args.new), f"renamed {args.old!r} to {args.new!r}"
        elif args.tag_action == "merge":
            count, message = store.merge_tags(db, args.a, args.b), f"merged {args.a!r} into {args.b!r}"
        elif args.tag_action == "delete":
            count, message = store.delete_tag(db, args.t), f"deleted {args.t!r}"
        else:
            color = store.set_tag_color(db, args.t, args.color)
            count, message = None, f"{args.t!r} is now {color}"
    except TagError as exc:
        raise UsageError(str(exc)) from exc
    emit(
        args,
        {"action": args.tag_action, "annotations": count, "tags": store.list_tags(db)},
        lambda: message + ("" if count is None else f" ({count} annotation{'s' if count != 1 else ''})"),
    )
    return 0


def cmd_export(args) -> int:
    document = export_annotations(database(args), args.format, tag=args.tag)
    if args.output is None:
        sys.stdout.write(document)
        return 0
    try:
        args.output.write_text(document, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{args.output}: cannot write ({exc.strerror})") from exc
    return 0


def cmd_import_annotations(args) -> int:
    db = database(args)
    try:
        report = import_annotations(db, args.file)
    except OSError as exc:
        raise UsageError(f"{args.file}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError:
        raise UsageError(f"{args.file}: not UTF-8 text") from None
    for problem in report.problems:
        print(f"broadsheet import-annotations: {args.file}: {problem}", file=sys.stderr)
    emit(
        args,
        report.as_dict(),
        lambda: f"{report.imported} imported ({report.orphaned} orphaned), {report.duplicates} already present, "
        f"{len(report.problems)} skipped",
    )
    return 1 if report.problems else 0
