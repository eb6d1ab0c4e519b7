"""The figures ledger: quotes and claims per article, and where articles agree or disagree.

Claims are grouped by subject (its spellings folded together), metric, unit, status and scope. Two claims of
a group *conflict* when they come from different sentences, can speak of the same time and their values
cannot both be true (``store.ledger_rules``). A group with two such claims that agree on the value is
*corroborated*; any other group is just *reported*. Every group says why in one line (``reason``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from store.extract.claim_vocabulary import vocabulary
from store.extract.claims import find_claims
from store.extract.quotes import find_quotes
from store.ledger_records import LedgerGroup, LedgerValue, StoredClaim
from store.ledger_rules import (
    comparable,
    disagree,
    period_label,
    period_text,
    same_value,
    subject_groups,
    value_range,
)
from store.model import Block, Mention, StoredQuote

if TYPE_CHECKING:
    from sqlite_utils import Database

HIDDEN_KINDS = ("boilerplate", "reference", "title")  # blocks whose sentences make no claims
REASON_TITLE = 40  # characters of an article's title in a reason, its id beside it


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
        'INSERT INTO quotes (article_id, start, "end", text, speaker, speaker_entity, cue) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article_id, q.start, q.end, q.text, q.speaker, q.speaker_entity, q.cue) for q in found_quotes],
    )
    db.conn.executemany(
        'INSERT INTO claims (article_id, start, "end", sentence_start, sentence_end, subject, subject_entity, metric, '
        "label, value, value_high, unit, hedge, period, status, scope) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, c.start, c.end, c.sentence_start, c.sentence_end, c.subject, c.subject_entity, c.metric,
             c.label, c.value, c.value_high, c.unit, c.hedge, c.period, c.status, c.scope)
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


def figures(db: Database, entity: str | None = None, article_id: int | None = None) -> list[StoredClaim]:
    """Every figure tied to a subject: its metric (None when no measure is named), normalised value, period,
    status and scope, and the article's date."""
    sql = (
        'SELECT c.article_id, a.path, c.start, c."end", substr(a.text, c.start + 1, c."end" - c.start), '
        "substr(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start), c.subject, c.subject_entity, "
        "c.metric, c.label, c.value, c.value_high, c.unit, c.hedge, c.period, c.sentence_start, c.sentence_end, "
        "c.status, c.scope, a.published, a.title FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1 = 1"
    )
    params: list = []
    if entity:
        sql += " AND (c.subject_entity = ? OR c.subject LIKE ?)"
        params += [entity.casefold(), f"%{entity}%"]
    if article_id is not None:
        sql += " AND c.article_id = ?"
        params.append(article_id)
    return [StoredClaim(*row) for row in db.execute(sql + " ORDER BY c.article_id, c.start", params)]


def ledger(db: Database, entity: str | None = None) -> list[LedgerGroup]:
    """Every subject · metric · status · scope with its values, conflicts first, then corroborations, then the
    rest ("reported"). Figures without a metric are not in the ledger (``figures`` lists them)."""
    claims = [claim for claim in figures(db) if claim.metric is not None]
    groups_of = subject_groups(claim.subject_entity for claim in claims)
    groups: dict[tuple, list[StoredClaim]] = defaultdict(list)
    for claim in claims:
        groups[(groups_of[claim.subject_entity], claim.metric, claim.unit, claim.status, claim.scope)].append(claim)
    selected = list(groups.values())
    if entity:  # a group in which any spelling of the subject matches
        wanted = entity.casefold()
        selected = [claims for claims in selected
                    if any(wanted == c.subject_entity or wanted in c.subject.casefold() for c in claims)]
    entries = [_entry(claims) for claims in selected]
    order = {"conflict": 0, "corroborated": 1, "reported": 2}
    entries.sort(key=lambda e: (order[e.status], -e.articles, e.subject.casefold(), e.metric, e.claim_status,
                                e.scope or ""))
    return entries


def _entry(claims: list[StoredClaim]) -> LedgerGroup:
    """One ledger group: its status with the pair that decides it, and a one-line reason."""
    first = claims[0]
    metric = first.metric or ""
    timing = vocabulary().timing(metric)
    status, pair, agreeing = "reported", None, None
    for a, b in combinations(claims, 2):
        if (a.article_id, a.sentence_start) == (b.article_id, b.sentence_start):
            continue  # one sentence giving two figures ("$650 billion, with some estimates at $700 billion")
        if not comparable(a, b, timing):
            continue
        if disagree(a, b):
            status, pair = "conflict", (a, b)
            break
        if agreeing is None and same_value(a, b):
            agreeing = (a, b)
    if status == "reported" and agreeing is not None:
        status, pair = "corroborated", agreeing
    periods = {period_label(c) for c in claims}
    period = period_label(pair[0]) if pair else periods.pop() if len(periods) == 1 else None
    period = None if period == "no period" else period
    return LedgerGroup(
        subject=first.subject, subject_entity=first.subject_entity, metric=metric, status=status,
        articles=len({c.article_id for c in claims}), values=tuple(LedgerValue.of(c) for c in claims),
        period=period, claim_status=first.status, scope=first.scope, reason=_reason(status, pair, claims, period),
    )


def _reason(status: str, pair, claims: list[StoredClaim], period: str | None) -> str:
    first = claims[0]
    context = f"{first.status}, {period_text(period) or 'no period'}" + (f", {first.scope}" if first.scope else "")
    if status == "conflict":
        a, b = pair
        return (f"{_stated(a)} and {_stated(b)} cannot both be true "
                f"({context}; {_span(a)} and {_span(b)} do not overlap)")
    if status == "corroborated":
        a, b = pair
        where = "two sentences" if a.article_id == b.article_id else f"{_name(a)} and {_name(b)}"
        return f"{where} agree on {a.text} ({context})"
    if len(claims) == 1:
        return f"stated once ({context})"
    return f"{len(claims)} figures, none comparable with another at the same time and value ({context})"


def _stated(claim: StoredClaim) -> str:
    hedge = f"{claim.hedge} " if claim.hedge else ""
    return f"{hedge}{claim.text} in {_name(claim)}"


def _name(claim: StoredClaim) -> str:
    """An article as people name it: its id and the start of its title (``#4 “Tech Stocks See…”``)."""
    title = " ".join(claim.title.split())
    if len(title) > REASON_TITLE:
        title = title[: REASON_TITLE - 1].rstrip() + "…"
    return f"#{claim.article_id} “{title}”"


def _span(claim: StoredClaim) -> str:
    bounds = value_range(claim.value, claim.value_high, claim.hedge)
    if bounds is None:
        return "[no value]"
    return f"[{_number(bounds[0])}, {_number(bounds[1])}]"


def _number(value: float) -> str:
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "−∞"
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= scale:
            return f"{value / scale:.4g}{word}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"


def conflicts(db) -> list[LedgerGroup]:
    """Only the conflicting groups of the ledger."""
    return [entry for entry in ledger(db) if entry.status == "conflict"]
