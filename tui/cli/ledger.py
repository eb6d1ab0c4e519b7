"""Quotes and the figures ledger: quotes, speakers, figures, conflicts, ledger.

Figures, conflicts and the ledger first bring stale articles up to date (claims are derived with the
mentions, so a newer extractor or an upgraded database is re-read before they are listed)."""

from __future__ import annotations

from store import ledger
from store.articles import article_titles
from store.ledger_records import LedgerGroup
from store.ledger_rules import period_text
from tui.cli.entities import fresh_database
from tui.cli.output import Column, article_name, database, emit, output_options, run_with_errors, table


def register(subparsers) -> None:
    parser = subparsers.add_parser("quotes", help="direct quotes with their speakers")
    parser.add_argument("--speaker", help="only quotes of this speaker (part of the name or entity key)")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_quotes))

    parser = subparsers.add_parser("speakers", help="everyone quoted, with counts")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_speakers))

    parser = subparsers.add_parser("figures", help="figures stated about a subject, with the metric they measure")
    parser.add_argument("--entity", help="only figures about this subject")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_figures))

    parser = subparsers.add_parser(
        "conflicts", help="the same subject, metric, period, status and scope reported with values that cannot both be "
                          "true")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_conflicts))

    parser = subparsers.add_parser("ledger", help="every subject and metric with its values, conflicts first")
    parser.add_argument("--entity", help="only this subject")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_ledger))


def cmd_quotes(args) -> int:
    db = database(args)
    rows = ledger.quotes(db, speaker=args.speaker)

    def view():
        titles = article_titles(db, {r.article_id for r in rows})
        return table(
            [Column("speaker"), Column("quote"), Column("article")],
            [(r.speaker or "?", r.text, article_name(r.article_id, titles.get(r.article_id))) for r in rows],
        )

    emit(args, rows, view)
    return 0


def cmd_speakers(args) -> int:
    rows = ledger.speakers(database(args))
    emit(args, rows, lambda: table(
        [Column("speaker"), Column("quotes", "number"), Column("articles", "number")],
        [(r["speaker"], r["quotes"], r["articles"]) for r in rows],
    ))
    return 0


def cmd_figures(args) -> int:
    rows = ledger.figures(fresh_database(args), entity=args.entity)
    emit(args, rows, lambda: table(
        [Column("subject"), Column("metric"), Column("figure"), Column("hedge", "short"), Column("period", "short"),
         Column("status", "short"), Column("scope", "short")],
        [(r.subject, r.metric or "", r.text, r.hedge or "", period_text(r.period), r.status, r.scope or "")
         for r in rows],
    ))
    return 0


def cmd_conflicts(args) -> int:
    db = fresh_database(args)
    return _print_groups(args, db, ledger.conflicts(db))


def cmd_ledger(args) -> int:
    db = fresh_database(args)
    return _print_groups(args, db, ledger.ledger(db, entity=args.entity))


def _print_groups(args, db, groups: list[LedgerGroup]) -> int:
    """Each subject · metric with its status, context and reason, then its values, each with its article."""

    def view():
        titles = article_titles(db, {value.article_id for group in groups for value in group.values})
        rows = []
        for group in groups:
            context = " · ".join(part for part in (group.claim_status, period_text(group.period), group.scope) if part)
            rows.append((group.status.upper(), f"{group.subject} · {group.metric} ({context})", ""))
            rows.append(("", f"  {group.reason}", ""))
            rows.extend(
                ("", f"  {value.hedge + ' ' if value.hedge else ''}{value.text}",
                 article_name(value.article_id, titles.get(value.article_id)))
                for value in group.values
            )
        return table([Column("status", "short"), Column("subject · metric / value"), Column("article")], rows)

    emit(args, groups, view)
    return 0
