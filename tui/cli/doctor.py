"""``broadsheet doctor``: check the database and say what is wrong, with a non-zero exit if anything is."""

from __future__ import annotations

from store.db import connect, default_db_path, write_transaction
from store.doctor import examine, repair_fts
from tui.cli.output import emit, output_options, run_with_errors


def register(subparsers) -> None:
    parser = subparsers.add_parser("doctor", help="integrity, schema version, counts, orphans, index consistency")
    parser.add_argument("--repair", action="store_true", help="rebuild the full-text indexes first")
    output_options(parser)
    parser.set_defaults(handler=run_with_errors(cmd_doctor))


def cmd_doctor(args) -> int:
    path = args.db or default_db_path()
    db = connect(path)  # no migration: the doctor reports the version as it is
    if args.repair:
        with write_transaction(db):
            repair_fts(db)
    checks = examine(db)
    emit(
        args,
        {"database": str(path), "ok": all(c.ok for c in checks),
         "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in checks]},
        lambda: [f"database  {path}",
                 *(f"{'ok ' if check.ok else 'BAD'}  {check.name:<22} {check.detail}" for check in checks)],
    )
    return 0 if all(c.ok for c in checks) else 1
