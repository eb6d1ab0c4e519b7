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

from store.extract.claim_vocabulary import vocabulary
from store.extract.claims import find_claims
from store.extract.quotes import find_quotes
from store.ledger_rules import comparable, disagree, period_label, same_value, subject_groups, value_range
from store.model import Block, Mention

HIDDEN_KINDS = ("boilerplate", "reference", "title")  # blocks whose sentences make no claims


def index_article(db, article_id: int, text: str) -> None:
    """Rebuild the quotes and claims of one article from its stored blocks, sentences and mentions."""
    blocks = [
        Block(kind, start, end, level)
        for kind, start, end, level in db.execute(
            'SELECT kind, start, "end", level FROM blocks WHERE article_id = ? ORDER BY seq', [article_id]
        )
    ]
    sentences = db.execute(
        'SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY seq', [article_id]
    ).fetchall()
    mentions = [
        Mention(*row)
        for row in db.execute(
            'SELECT start, "end", text, kind, label, entity, value, value_high, unit, hedge '
            "FROM mentions WHERE article_id = ? ORDER BY start",
            [article_id],
        )
    ]
    found_quotes, found_claims = derive_ledger(text, blocks, sentences, mentions)
    write_ledger(db, article_id, found_quotes, found_claims)


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


def write_ledger(db, article_id: int, found_quotes: list, found_claims: list) -> None:
    """Replace the stored quotes and claims of one article (call inside the article's transaction)."""
    db.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
    db.conn.executemany(
        'INSERT INTO quotes (article_id, start, "end", text, speaker, speaker_entity, cue) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(article_id, q.start, q.end, q.text, q.speaker, q.speaker_entity, q.cue) for q in found_quotes],
    )
    db.conn.executemany(
        'INSERT INTO claims (article_id, start, "end", sentence_start, sentence_end, subject, subject_entity, metric, '
        "label, value, value_high, unit, hedge, period, status, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, c.start, c.end, c.sentence_start, c.sentence_end, c.subject, c.subject_entity, c.metric,
             c.label, c.value, c.value_high, c.unit, c.hedge, c.period, c.status, c.scope)
            for c in found_claims
        ],
    )


def quotes(db, speaker: str | None = None, article_id: int | None = None) -> list[dict]:
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
    columns = ("article_id", "path", "start", "end", "text", "speaker", "speaker_entity", "cue")
    return [dict(zip(columns, row, strict=False)) for row in db.execute(sql + " ORDER BY q.article_id, q.start", params)]


def speakers(db) -> list[dict]:
    """Everyone quoted, with how many quotes and in how many articles, most quoted first."""
    rows = db.execute(
        """SELECT max(speaker), speaker_entity, count(*), count(DISTINCT article_id) FROM quotes
           WHERE speaker IS NOT NULL GROUP BY coalesce(speaker_entity, speaker) ORDER BY count(*) DESC, max(speaker)"""
    )
    return [{"speaker": s, "speaker_entity": e, "quotes": n, "articles": a} for s, e, n, a in rows]


def figures(db, entity: str | None = None, article_id: int | None = None) -> list[dict]:
    """Every figure tied to a subject: its metric (None when no measure is named), normalised value, period,
    status and scope, and the article's date."""
    sql = (
        'SELECT c.article_id, a.path, c.start, c."end", substr(a.text, c.start + 1, c."end" - c.start), '
        "substr(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start), c.subject, c.subject_entity, "
        "c.metric, c.label, c.value, c.value_high, c.unit, c.hedge, c.period, c.sentence_start, c.sentence_end, "
        "c.status, c.scope, a.published FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1 = 1"
    )
    params: list = []
    if entity:
        sql += " AND (c.subject_entity = ? OR c.subject LIKE ?)"
        params += [entity.casefold(), f"%{entity}%"]
    if article_id is not None:
        sql += " AND c.article_id = ?"
        params.append(article_id)
    columns = ("article_id", "path", "start", "end", "text", "sentence", "subject", "subject_entity", "metric",
               "label", "value", "value_high", "unit", "hedge", "period", "sentence_start", "sentence_end",
               "status", "scope", "published")
    return [dict(zip(columns, row, strict=False)) for row in db.execute(sql + " ORDER BY c.article_id, c.start", params)]


VALUE_KEYS = ("text", "value", "value_high", "unit", "hedge", "period", "status", "scope", "article_id", "path",
              "start", "end", "sentence", "sentence_start", "sentence_end")


def ledger(db, entity: str | None = None) -> list[dict]:
    """Every subject · metric · status · scope with its values, conflicts first, then corroborations, then the
    rest ("reported"). Figures without a metric are not in the ledger (``figures`` lists them)."""
    claims = [claim for claim in figures(db) if claim["metric"] is not None]
    groups_of = subject_groups(claim["subject_entity"] for claim in claims)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        key = (groups_of[claim["subject_entity"]], claim["metric"], claim["unit"], claim["status"], claim["scope"])
        groups[key].append(claim)
    entries = [_entry(values) for values in groups.values()]
    if entity:
        wanted = entity.casefold()
        entries = [e for e in entries if any(wanted == c["subject_entity"] or wanted in c["subject"].casefold()
                                             for c in e["values"])]
    order = {"conflict": 0, "corroborated": 1, "reported": 2}
    entries.sort(key=lambda e: (order[e["status"]], -e["articles"], e["subject"].casefold(), e["metric"],
                                e["claim_status"], e["scope"] or ""))
    return entries


def _entry(claims: list[dict]) -> dict:
    """One ledger group: its status with the pair that decides it, and a one-line reason."""
    metric = claims[0]["metric"]
    timing = vocabulary().timing(metric)
    status, pair = "reported", None
    agreeing = None
    for a, b in combinations(claims, 2):
        if (a["article_id"], a["sentence_start"]) == (b["article_id"], b["sentence_start"]):
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
    first = claims[0]
    periods = {period_label(c) for c in claims}
    period = period_label(pair[0]) if pair else periods.pop() if len(periods) == 1 else None
    return {
        "subject": first["subject"],
        "subject_entity": first["subject_entity"],
        "metric": metric,
        "status": status,
        "articles": len({c["article_id"] for c in claims}),
        "values": [{key: c[key] for key in VALUE_KEYS} for c in claims],
        "period": None if period == "no period" else period,
        "claim_status": first["status"],
        "scope": first["scope"],
        "reason": _reason(status, pair, claims, period),
    }


def _reason(status: str, pair, claims: list[dict], period: str | None) -> str:
    context = f"{claims[0]['status']}, {period or 'no period'}" + (f", {claims[0]['scope']}" if claims[0]["scope"] else "")
    if status == "conflict":
        a, b = pair
        return (f"{_stated(a)} and {_stated(b)} cannot both be true ({context}; "
                f"{_span(a)} and {_span(b)} do not overlap)")
    if status == "corroborated":
        a, b = pair
        where = "two sentences" if a["article_id"] == b["article_id"] else f"{_name(a)} and {_name(b)}"
        return f"{where} agree on {a['text']} ({context})"
    if len(claims) == 1:
        return f"stated once ({context})"
    return f"{len(claims)} figures, none comparable with another at the same time and value ({context})"


def _stated(claim: dict) -> str:
    hedge = f"{claim['hedge']} " if claim["hedge"] else ""
    return f"{hedge}{claim['text']} in {_name(claim)}"


def _name(claim: dict) -> str:
    return claim["path"].rsplit("/", 1)[-1]


def _span(claim: dict) -> str:
    low, high = value_range(claim["value"], claim["value_high"], claim["hedge"])
    return f"[{_number(low)}, {_number(high)}]"


def _number(value: float) -> str:
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "−∞"
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= scale:
            return f"{value / scale:.4g}{word}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"


def conflicts(db) -> list[dict]:
    """Only the conflicting groups of the ledger."""
    return [entry for entry in ledger(db) if entry["status"] == "conflict"]
