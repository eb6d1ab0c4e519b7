"""Revision subcommands: revisions (every text an article was imported with) and diff (what changed, word by word)."""

from __future__ import annotations

import sys

from store.articles import ArticleNotFound, resolve_article
from store.revisions import RevisionNotFound, changed_paragraphs, diff_revisions, list_revisions, revision_count
from tui.cli.output import Column, UsageError, database, emit, output_options, printable, run_with_errors, table
from tui.text import plural

# How a change is marked when the output is not a terminal: git's --word-diff=plain.
PLAIN_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
COLOURS = {"delete": "red strike", "insert": "green"}


def register(subparsers) -> None:
    parser = subparsers.add_parser("revisions", help="every version of an article's text that was imported")
    parser.add_argument("article", metavar="ARTICLE", help="article id or file name")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_revisions))

    parser = subparsers.add_parser("diff", help="what changed between two revisions of an article, word by word")
    parser.add_argument("article", metavar="ARTICLE", help="article id or file name")
    parser.add_argument("--from", dest="old", type=int, metavar="N", help="older revision (default: the one before "
                                                                          "--to)")
    parser.add_argument("--to", dest="new", type=int, metavar="M", help="newer revision (default: the latest)")
    parser.set_defaults(handler=run_with_errors(cmd_diff))


def _article(db, ref: str) -> int:
    try:
        return resolve_article(db, ref)
    except ArticleNotFound as exc:
        raise UsageError(str(exc)) from exc


def cmd_revisions(args) -> int:
    db = database(args)
    revisions = list_revisions(db, _article(db, args.article))
    emit(args, revisions, lambda: table(
        [Column("n", "number"), Column("fetched", "short"), Column("words", "number"), Column("added", "number"),
         Column("removed", "number"), Column("hash", "short")],
        [(r["n"], r["fetched"], r["words"], f"+{r['added']}", f"-{r['removed']}", r["hash"][:12]) for r in revisions],
    ))
    return 0


def cmd_diff(args) -> int:
    db = database(args)
    article_id = _article(db, args.article)
    try:
        diff = diff_revisions(db, article_id, args.old, args.new)
    except RevisionNotFound as exc:
        raise UsageError(str(exc)) from exc
    if diff.old == diff.new:
        count = revision_count(db, article_id)
        print(f"{args.article}: revision {diff.new} of {count}; nothing to compare it with", file=sys.stderr)
        return 0
    paragraphs = changed_paragraphs(diff.changes)
    header = f"revision {diff.old} → {diff.new}: +{diff.added} -{plural(diff.removed, 'word')}"
    if sys.stdout.isatty():
        _print_coloured(header, paragraphs)
    else:
        print(header)
        for paragraph in paragraphs:
            print()
            print("".join(_plain(change) for change in paragraph))
    return 0


def _plain(change) -> str:
    if change.kind == "equal":
        return printable(change.text)
    opening, closing = PLAIN_MARKS[change.kind]
    body, after = _split_trailing_space(change.text)
    return f"{opening}{printable(body)}{closing}{after}"


def _split_trailing_space(text: str) -> tuple[str, str]:
    """A changed run and the space after it, which goes outside the marks; a line break there (a whole
    paragraph changed) ends the paragraph, so none is kept."""
    body = text.rstrip()
    after = text[len(body) :]
    return body, "" if "\n" in after else after


def _print_coloured(header: str, paragraphs) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    console.print(Text(header, style="bold"))
    for paragraph in paragraphs:
        line = Text()
        for number, change in enumerate(paragraph):
            body, after = _split_trailing_space(change.text) if change.kind != "equal" else (change.text, "")
            line.append(printable(body), style=COLOURS.get(change.kind, ""))
            following = paragraph[number + 1].kind if number + 1 < len(paragraph) else None
            # without marks, removed words right before added ones need a space to stay apart
            line.append(" " if change.kind == "delete" and following == "insert" and not after else after)
        console.print()
        console.print(line, soft_wrap=True)  # the terminal wraps; Rich would cut words at its own width
