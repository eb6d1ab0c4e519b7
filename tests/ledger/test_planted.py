"""The planted-conflict set through the whole pipeline (import, entities, figures, claims, ledger): every real
disagreement is a conflict, no look-alike is, and every conflict says why."""

from __future__ import annotations

import json

from bench.ledger import EXPECTED, PLANTED, covers
from store import ledger
from store.importer import import_paths


def test_real_disagreements_conflict_and_look_alikes_do_not(db):
    import_paths(db, [PLANTED])
    conflicts = [group.to_json() for group in ledger.conflicts(db)]
    cases = json.loads(EXPECTED.read_text())["cases"]
    flagged = {case["case"] for case in cases if any(covers(group, case) for group in conflicts)}
    assert flagged == {case["case"] for case in cases if case["real"]}
    assert all(any(covers(group, case) for case in cases) for group in conflicts)  # nothing else conflicts
    for group in conflicts:
        assert "cannot both be true" in group["reason"]
        assert {"period", "claim_status", "scope", "reason"} <= set(group)


def test_spellings_of_one_company_and_of_one_country_are_one_subject(db):
    import_paths(db, [PLANTED])
    groups = {(g.metric, g.status): g for g in ledger.ledger(db) if g.articles == 2}
    time_warner = next(g for g in ledger.conflicts(db) if any(v.path.endswith("#r1a") for v in g.values))
    assert {v.path.rsplit("#", 1)[-1] for v in time_warner.values} == {"r1a", "r1b"}
    assert time_warner.period == "2004" and time_warner.claim_status == "reported"
    trade = groups[("trade deficit", "conflict")]
    assert trade.scope == "with China" and {v.path.rsplit("#", 1)[-1] for v in trade.values} == {"r3a", "r3b"}


def test_a_fine_and_a_settlement_of_one_amount_corroborate(db):
    import_paths(db, [PLANTED])
    [fine] = [g for g in ledger.ledger(db) if any(v.path.endswith("#h3a") for v in g.values)]
    assert fine.status == "corroborated" and "agree on $50 million" in fine.reason
