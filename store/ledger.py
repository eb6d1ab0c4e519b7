"""The figures ledger: quotes and claims per article, and where articles agree or disagree.

Two claims about the same subject and metric (and unit) *conflict* when the ranges their values stand for
do not overlap, for compatible periods. A value stands for a range: an exact figure ±0.5 %, a hedged one
("about", "nearly", "over", "less than", …) the range its hedge allows, a range figure its low–high.
A group whose values are all equal and that is reported in at least two sentences is *corroborated*; any
other group is just *reported*.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from store.extract.claims import EVENT_METRICS, find_claims, is_absolute_period
from store.extract.quotes import find_quotes
from store.model import Block, Mention, StoredQuote

if TYPE_CHECKING:
    from sqlite_utils import Database

EXACT_TOLERANCE = 0.005  # a figure as printed is rounded: 660 vs 650 differ, 1.35 vs 1.349 do not
APPROXIMATE_TOLERANCE = 0.10
AT_LEAST = ("over", "more than", "above", "at least", "upwards of", "in excess of", "exceeding", "exceeded")
AT_MOST = ("less than", "under", "below", "up to", "at most", "as much as", "as many as", "no more than", "fewer than")
BELOW_NEARLY = ("nearly", "almost", "close to", "just under")
APPROXIMATE = ("about", "approximately", "around", "roughly", "some", "an estimated", "estimated", "circa", "approx")


HIDDEN_KINDS = ("boilerplate", "reference", "title")  # blocks whose sentences make no claims


def derive_ledger(text: str, blocks: list[Block], sentences, mentions: list[Mention]) -> tuple[list, list]:
    """The quotes and claims of one article from its blocks, sentences ((start, end) pairs) and mentions
    (sorted by start); pure, so it can run outside any transaction or in another process."""
    hidden = sorted((b.start, b.end) for b in blocks if b.kind in HIDDEN_KINDS)
    hidden_starts = [start for start, _ in hidden]

    def is_hidden(at: int) -> bool:  # blocks do not overlap: only the last one starting at or before can hold it
        index = bisect_right(hidden_starts, at) - 1
        return index >= 0 and at < hidden[index][1]

    sentences = [tuple(s) for s in sentences if not is_hidden(s[0])]
    return find_quotes(text, blocks, mentions), find_claims(text, sentences, mentions)


def write_ledger(db: Database, article_id: int, found_quotes: list, found_claims: list) -> None:
    """Replace the stored quotes and claims of one article (call inside the article's transaction)."""
    db.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
    db.conn.executemany(
        'INSERT INTO quotes (article_id, start, "end", text, speaker, speaker_entity, cue) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(article_id, q.start, q.end, q.text, q.speaker, q.speaker_entity, q.cue) for q in found_quotes],
    )
    db.conn.executemany(
        'INSERT INTO claims (article_id, start, "end", sentence_start, sentence_end, subject, subject_entity, metric, '
        "label, value, value_high, unit, hedge, period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, c.start, c.end, c.sentence_start, c.sentence_end, c.subject, c.subject_entity, c.metric,
             c.label, c.value, c.value_high, c.unit, c.hedge, c.period)
            for c in found_claims
        ],
    )


def quotes(db: Database, speaker: str | None = None, article_id: int | None = None) -> list[StoredQuote]:
    """Quotes across the corpus (or one article), optionally of one speaker (name or entity key, any case)."""
    sql = (
        'SELECT q.article_id, a.path, q.start, q."end", q.text, q.speaker, q.speaker_entity, q.cue '
        "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1 = 1"
    )
    params: list = []
    if speaker:
        sql += " AND (q.speaker LIKE ? OR q.speaker_entity = ?)"
        params += [f"%{speaker}%", speaker.casefold()]
    if article_id is not None:
        sql += " AND q.article_id = ?"
        params.append(article_id)
    return [StoredQuote(*row) for row in db.execute(sql + " ORDER BY q.article_id, q.start", params)]


def speakers(db: Database) -> list[dict]:
    """Everyone quoted, with how many quotes and in how many articles, most quoted first."""
    rows = db.execute(
        """SELECT max(speaker), speaker_entity, count(*), count(DISTINCT article_id) FROM quotes
           WHERE speaker IS NOT NULL GROUP BY coalesce(speaker_entity, speaker) ORDER BY count(*) DESC, max(speaker)"""
    )
    return [{"speaker": s, "speaker_entity": e, "quotes": n, "articles": a} for s, e, n, a in rows]


def figures(db: Database, entity: str | None = None, article_id: int | None = None) -> list[dict]:
    """Claim candidates: each figure with its subject, metric and normalised value."""
    sql = (
        'SELECT c.article_id, a.path, c.start, c."end", substr(a.text, c.start + 1, c."end" - c.start), '
        "substr(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start), c.subject, c.subject_entity, "
        "c.metric, c.label, c.value, c.value_high, c.unit, c.hedge, c.period, c.sentence_start, c.sentence_end "
        "FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1 = 1"
    )
    params: list = []
    if entity:
        sql += " AND (c.subject_entity = ? OR c.subject LIKE ?)"
        params += [entity.casefold(), f"%{entity}%"]
    if article_id is not None:
        sql += " AND c.article_id = ?"
        params.append(article_id)
    columns = ("article_id", "path", "start", "end", "text", "sentence", "subject", "subject_entity", "metric",
               "label", "value", "value_high", "unit", "hedge", "period", "sentence_start", "sentence_end")
    return [dict(zip(columns, row, strict=False)) for row in db.execute(sql + " ORDER BY c.article_id, c.start", params)]


def ledger(db: Database, entity: str | None = None) -> list[dict]:
    """Every subject+metric with its values, conflicts first, then corroborations, then the rest ("reported")."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for claim in figures(db, entity=entity):
        groups[(claim["subject_entity"], claim["metric"], claim["unit"])].append(claim)
    entries = []
    for (_, metric, _), claims in groups.items():
        several = len({(c["article_id"], c["sentence_start"]) for c in claims}) > 1
        if several and _has_conflict(claims, metric):
            status = "conflict"
        elif several and _agree(claims):
            status = "corroborated"
        else:
            status = "reported"
        entries.append(
            {
                "subject": claims[0]["subject"],
                "subject_entity": claims[0]["subject_entity"],
                "metric": metric,
                "status": status,
                "articles": len({c["article_id"] for c in claims}),
                "values": [
                    {key: c[key] for key in ("text", "value", "value_high", "unit", "hedge", "period", "article_id",
                                             "path", "start", "end", "sentence", "sentence_start", "sentence_end")}
                    for c in claims
                ],
            }
        )
    order = {"conflict": 0, "corroborated": 1, "reported": 2}
    entries.sort(key=lambda e: (order[e["status"]], -e["articles"], e["subject"].casefold(), e["metric"]))
    return entries


def conflicts(db: Database) -> list[dict]:
    """Only the conflicting groups of the ledger."""
    return [entry for entry in ledger(db) if entry["status"] == "conflict"]


def value_range(value: float | None, value_high: float | None, hedge: str | None) -> tuple[float, float] | None:
    """The interval a reported figure stands for, given its hedge."""
    if value is None:
        return None
    low, high = (value, value_high) if value_high is not None else (value, value)
    low, high = min(low, high), max(low, high)
    hedge = (hedge or "").casefold()
    if any(word in hedge for word in AT_LEAST):
        return low, math.inf
    if any(word in hedge for word in AT_MOST):
        return (-math.inf if low < 0 else 0.0), high
    if any(word in hedge for word in BELOW_NEARLY):
        return low * (1 - APPROXIMATE_TOLERANCE), high
    tolerance = APPROXIMATE_TOLERANCE if any(word in hedge for word in APPROXIMATE) else EXACT_TOLERANCE
    return low - abs(low) * tolerance, high + abs(high) * tolerance


def _compatible_periods(a: dict, b: dict, metric: str) -> bool:
    """Whether two figures can speak of the same time. A relative date ("Monday", "last week") means something
    only inside its own article; an event (a day's move) must name the same day."""
    periods = []
    for claim in (a, b):
        period = claim["period"]
        if period is not None and not is_absolute_period(period):
            period = (claim["article_id"], period) if metric in EVENT_METRICS else None
        periods.append(period)
    if metric in EVENT_METRICS:
        return periods[0] is not None and periods[0] == periods[1]
    return periods[0] is None or periods[1] is None or periods[0] == periods[1]


def _has_conflict(claims: list[dict], metric: str) -> bool:
    for a, b in combinations(claims, 2):
        if (a["article_id"], a["sentence_start"]) == (b["article_id"], b["sentence_start"]):
            continue  # one sentence giving two figures ("$650 billion, with some estimates at $700 billion")
        if not _compatible_periods(a, b, metric):
            continue
        range_a = value_range(a["value"], a["value_high"], a["hedge"])
        range_b = value_range(b["value"], b["value_high"], b["hedge"])
        if range_a and range_b and (range_a[1] < range_b[0] or range_b[1] < range_a[0]):
            return True
    return False


def _agree(claims: list[dict]) -> bool:
    values = {round(c["value"], 6) for c in claims if c["value"] is not None}
    return len(values) == 1
