"""The figures ledger's conflicts: precision and recall on the planted set, and what it reports on real news.

    python -m bench.ledger [--base PATH] [--show N]

1. The planted set (``bench/data/ledger/planted.jsonl``, cases in ``expected.json``, those marked ``held_out``
   written after the rules were frozen and never tuned on): real disagreements and
   look-alikes that are not (quarterly vs annual profit, forecast vs estimate, pledged vs spent, two
   companies, a total vs its instalments, a unit vs its group, …). A conflict group *covers* a case when it
   holds both of the case's figures. True: a real case covered; false: a look-alike covered, or a conflict
   that covers no case at all. Precision = true / (true + false), recall = true / real cases.
2. The Wikinews corpus (``../shared/corpora/wikinews/articles.jsonl``, 435 articles, read at bench time):
   how many conflicts and corroborations, every conflict printed for judging by hand (up to ``--show``).

Peers, measured in the same run: the previous rule, i.e. the main branch's code in a worktree ``--base``
(``git worktree add --detach /tmp/ledger-base main``; skipped when absent), and a naive rule over our own
claims ("same subject and metric, any two different values").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.corpora import shared_corpus

HERE = Path(__file__).resolve().parent
PLANTED = HERE / "data" / "ledger" / "planted.jsonl"
EXPECTED = HERE / "data" / "ledger" / "expected.json"
WIKINEWS = shared_corpus("wikinews", "BROADSHEET_WIKINEWS") / "articles.jsonl"

# Run in a fresh interpreter whose ``store`` is the code under test (ours or the base worktree's): import a
# JSONL file into a new database, print the conflicts and, for ours, the claims.
_RUNNER = """
import json, sys, tempfile, time
from pathlib import Path
from store import ledger
from store.db import open_db
from store.importer import import_paths
with tempfile.TemporaryDirectory() as folder:
    db = open_db(Path(folder) / "bench.db")
    started = time.perf_counter()
    import_paths(db, [Path(sys.argv[1])])
    imported = time.perf_counter() - started
    started = time.perf_counter()
    groups = ledger.ledger(db)
    built = time.perf_counter() - started
    as_json = lambda rows: [row.to_json() if hasattr(row, "to_json") else row for row in rows]  # records or dicts
    json.dump({"groups": as_json(groups), "figures": as_json(ledger.figures(db)), "imported": imported,
               "built": built}, sys.stdout)
    db.close()
"""


def run(code_root: Path, corpus: Path) -> dict:
    """The ledger of ``corpus`` as the code in ``code_root`` builds it."""
    environment = {**os.environ, "PYTHONPATH": str(code_root)}
    with tempfile.TemporaryDirectory() as home:
        environment["XDG_DATA_HOME"] = environment["XDG_CONFIG_HOME"] = home
        done = subprocess.run([sys.executable, "-c", _RUNNER, str(corpus)], cwd=code_root, env=environment,
                              capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def naive_conflicts(figures: list[dict]) -> list[dict]:
    """Same subject and metric, any two different values (from different sentences)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for claim in figures:
        if claim["metric"]:
            groups[(claim["subject"].casefold(), claim["metric"])].append(claim)
    return [{"subject": subject, "metric": metric, "status": "conflict", "values": values}
            for (subject, metric), values in groups.items() if len({v["value"] for v in values}) > 1]


def covers(group: dict, case: dict) -> bool:
    return all(any(v["path"].endswith("#" + f["article"]) and v["text"] == f["text"] for v in group["values"])
               for f in case["figures"])


def score(conflicts: list[dict], cases: list[dict]) -> dict:
    covered = [case for case in cases if any(covers(group, case) for group in conflicts)]
    true = sum(case["real"] for case in covered)
    strays = [group for group in conflicts if not any(covers(group, case) for case in cases)]
    false = len(covered) - true + len(strays)
    real = sum(case["real"] for case in cases)
    return {"conflicts": len(conflicts), "true": true, "false": false,
            "precision": true / (true + false) if true + false else 1.0, "recall": true / real if real else 1.0,
            "missed": [c["case"] for c in cases if c["real"] and c not in covered],
            "wrong": [c["case"] for c in covered if not c["real"]] + [f"{g['subject']} · {g['metric']}"
                                                                      for g in strays]}


def conflicts_of(result: dict) -> list[dict]:
    return [group for group in result["groups"] if group["status"] == "conflict"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=Path("/tmp/ledger-base"), help="worktree of the main branch")
    parser.add_argument("--show", type=int, default=60, help="Wikinews conflicts to print")
    args = parser.parse_args(argv)
    ours_root = HERE.parent
    has_base = (args.base / "store" / "ledger.py").exists()
    cases = json.loads(EXPECTED.read_text())["cases"]
    print(f"planted set: {sum(c['real'] for c in cases)} real disagreements, {sum(not c['real'] for c in cases)} "
          f"look-alikes")
    print(f"{'method':<34}{'conflicts':>10}{'true':>6}{'false':>7}{'precision':>11}{'recall':>8}  missed / wrong")
    ours = run(ours_root, PLANTED)
    rows = [("broadsheet ledger (this branch)", conflicts_of(ours))]
    if has_base:
        rows.append((f"previous rule ({args.base})", conflicts_of(run(args.base, PLANTED))))
    rows.append(("naive: any different value", naive_conflicts(ours["figures"])))
    held_out = [case for case in cases if case.get("held_out")]
    for name, found in rows:
        result = score(found, cases)
        print(f"{name:<34}{result['conflicts']:>10}{result['true']:>6}{result['false']:>7}{result['precision']:>11.2f}"
              f"{result['recall']:>8.2f}  {', '.join(result['missed']) or '-'} / "
              f"{'; '.join(result['wrong'][:6]) or '-'}")
        covered = [case for case in held_out if any(covers(group, case) for group in found)]
        print(f"{'':<4}of which held out (written after the rules were frozen): {sum(c['real'] for c in covered)} of "
              f"{sum(c['real'] for c in held_out)} real found, {sum(not c['real'] for c in covered)} of "
              f"{sum(not c['real'] for c in held_out)} look-alikes flagged")
    if not WIKINEWS.exists():
        print(f"{WIKINEWS}: not found; the Wikinews part is skipped")
        return 0
    print(f"\nWikinews ({WIKINEWS}):")
    started = time.perf_counter()
    news = run(ours_root, WIKINEWS)
    print(f"  this branch: {len(news['figures'])} figures with a subject, {len(news['groups'])} groups, "
          f"{len(conflicts_of(news))} conflicts, {sum(g['status'] == 'corroborated' for g in news['groups'])} "
          f"corroborated (import {news['imported']:.1f} s, ledger {news['built'] * 1000:.0f} ms, "
          f"{time.perf_counter() - started:.0f} s in all)")
    peers = [("naive rule", naive_conflicts(news["figures"]))]
    if has_base:
        base = run(args.base, WIKINEWS)
        peers.insert(0, ("previous rule", conflicts_of(base)))
        print(f"  previous rule: import {base['imported']:.1f} s, ledger {base['built'] * 1000:.0f} ms (same machine, "
              "one after the other)")
    for name, found in peers:
        print(f"  {name}: {len(found)} conflicts")
    for name, found in [("this branch", conflicts_of(news)), *peers]:
        print(f"\n  conflicts of {name} (first {args.show}):")
        for group in found[: args.show]:
            reason = f" — {group['reason']}" if "reason" in group else ""
            print(f"  - {group['subject']} · {group['metric']}{reason}")
            for value in group["values"][:6]:
                hedge = f"{value['hedge']} " if value.get("hedge") else ""
                print(f"      {value['path'].rsplit('#', 1)[-1]}: {hedge}{value['text']} | {value['sentence'][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
