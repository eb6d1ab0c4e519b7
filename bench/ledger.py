"""Precision and recall of the figures ledger's conflicts on the synthetic corpus with planted ground truth.

    python -m bench.ledger [N]      (default 400 articles)

Planted facts (``bench/corpus/facts.py``) report the same subject + metric + year in several articles, a known
fraction with one different value. A conflict found on a planted subject that is not planted is a false
positive. The named peer, in the same run, is the naive rule "same subject and metric, any different value".
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.make_corpus import write_corpus
from store import ledger
from store.db import open_db
from store.importer import import_paths


def naive_conflicts(db) -> set[tuple[str, str]]:
    values = defaultdict(set)
    for claim in ledger.figures(db):
        values[(claim["subject"].casefold(), claim["metric"])].add(claim["value"])
    return {key for key, found in values.items() if len(found) > 1}


def score(found: set[tuple[str, str]], planted: set[tuple[str, str]], planted_subjects: set[str]) -> dict:
    on_planted = {key for key in found if key[0] in planted_subjects}
    true_positives = on_planted & planted
    return {
        "found_on_planted": len(on_planted),
        "true": len(true_positives),
        "false": len(on_planted - planted),
        "precision": len(true_positives) / len(on_planted) if on_planted else 1.0,
        "recall": len(true_positives) / len(planted) if planted else 1.0,
    }


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 400
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        write_corpus(n, corpus)
        truth = json.loads((corpus / "truth.json").read_text())
        db = open_db(Path(folder) / "bench.db")
        started = time.perf_counter()
        import_paths(db, sorted(corpus.glob("*.txt")))
        imported = time.perf_counter() - started
        started = time.perf_counter()
        groups = ledger.ledger(db)
        elapsed = time.perf_counter() - started
        planted = {(fact["subject"].casefold(), fact["metric"]) for fact in truth["conflicts"]}
        subjects = {subject.casefold() for subject in truth["planted_subjects"]}
        conflicts = [g for g in groups if g["status"] == "conflict"]
        ours = {(g["subject"].casefold(), g["metric"]) for g in conflicts}
        print(f"{n} articles imported in {imported:.1f} s; ledger built in {elapsed * 1000:.0f} ms; "
              f"{sum(len(g['values']) for g in groups)} claims in {len(groups)} subject/metric groups")
        print(f"planted: {len(truth['corroborations'])} corroborations, {len(truth['conflicts'])} conflicts")
        print(f"{'method':<28}{'conflicts':>10}{'on planted':>12}{'false':>7}{'precision':>11}{'recall':>8}")
        for name, found in (("broadsheet ledger", ours), ("naive: any different value", naive_conflicts(db))):
            result = score(found, planted, subjects)
            print(f"{name:<28}{len(found):>10}{result['found_on_planted']:>12}{result['false']:>7}"
                  f"{result['precision']:>11.2f}{result['recall']:>8.2f}")
        corroborated = {(g["subject"].casefold(), g["metric"]) for g in groups if g["status"] == "corroborated"}
        planted_corroborations = {(f["subject"].casefold(), f["metric"]) for f in truth["corroborations"]}
        print(f"corroborations: {len(corroborated & planted_corroborations)}/{len(planted_corroborations)} planted found")
        print("sample of conflicts found outside the planted subjects:")
        outside = [g for g in conflicts if g["subject"].casefold() not in subjects]
        for group in random.Random(1).sample(outside, min(5, len(outside))):
            values = "; ".join(f"{v['hedge'] + ' ' if v['hedge'] else ''}{v['text']}" for v in group["values"][:4])
            print(f"  {group['subject']} · {group['metric']}: {values}")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
