"""Quotes and the figures ledger: quotes, speakers, figures, conflicts, ledger.

Figures, conflicts and the ledger first bring stale articles up to date (claims are derived with the
mentions, so a newer extractor or an upgraded database is re-read before they are listed)."""

from __future__ import annotations

from store import ledger
from store.ledger_records import LedgerGroup
from tui.cli.entities import fresh_database
from tui.cli.output import add_json_flag, database, emit_json, emit_table, run_with_errors


def register(subparsers) -> None:
    parser = subparsers.add_parser("quotes", help="direct quotes with their speakers")
    parser.add_argument("--speaker", help="only quotes of this speaker (part of the name or entity key)")
    add_json_flag(parser)
    parser.set_defaults(handler=run_with_errors(cmd_quotes))

    parser = subparsers.add_parser("speakers", help="everyone quoted, with counts")
    add_json_flag(parser)
    parser.set_defaults(handler=run_with_errors(cmd_speakers))

    parser = subparsers.add_parser("figures", help="figures stated about a subject, with the metric they measure")
    parser.add_argument("--entity", help="only figures about this subject")
    add_json_flag(parser)
    parser.set_defaults(handler=run_with_errors(cmd_figures))

    parser = subparsers.add_parser(
        "conflicts", help="the same subject, metric, period, status and scope reported with values that cannot both be true")
    add_json_flag(parser)
    parser.set_defaults(handler=run_with_errors(cmd_conflicts))

    parser = subparsers.add_parser("ledger", help="every subject and metric with its values, conflicts first")
    parser.add_argument("--entity", help="only this subject")
    add_json_flag(parser)
    parser.set_defaults(handler=run_with_errors(cmd_ledger))


def cmd_quotes(args) -> int:
    rows = ledger.quotes(database(args), speaker=args.speaker)
    if args.json:
        emit_json(rows)
    else:
        emit_table([(r["speaker"] or "?", r["text"], r["path"].rsplit("/", 1)[-1]) for r in rows], ["speaker", "quote", "article"])
    return 0


def cmd_speakers(args) -> int:
    rows = ledger.speakers(database(args))
    if args.json:
        emit_json(rows)
    else:
        emit_table([(r["speaker"], r["quotes"], r["articles"]) for r in rows], ["speaker", "quotes", "articles"])
    return 0


def cmd_figures(args) -> int:
    rows = ledger.figures(fresh_database(args), entity=args.entity)
    if args.json:
        emit_json([row.to_json() for row in rows])
    else:
        emit_table(
            [(r.subject, r.metric or "", r.text, r.hedge or "", r.period or "", r.status, r.scope or "") for r in rows],
            ["subject", "metric", "figure", "hedge", "period", "status", "scope"],
        )
    return 0


def cmd_conflicts(args) -> int:
    return _print_groups(args, ledger.conflicts(fresh_database(args)))


def cmd_ledger(args) -> int:
    return _print_groups(args, ledger.ledger(fresh_database(args), entity=args.entity))


def _print_groups(args, groups: list[LedgerGroup]) -> int:
    if args.json:
        emit_json([group.to_json() for group in groups])
        return 0
    for group in groups:
        context = " · ".join(part for part in (group.claim_status, group.period, group.scope) if part)
        print(f"{group.status.upper():<13} {group.subject} · {group.metric} ({context})")
        print(f"    {group.reason}")
        for value in group.values:
            hedge = f"{value.hedge} " if value.hedge else ""
            print(f"    {hedge + value.text:<28} {value.period or '':<12} {value.path.rsplit('/', 1)[-1]}")
    return 0
