"""Layers derived from an article's text: computed from the text alone, then written in the article's transaction.

Deriving (entities, figures, quotes, claims) is pure CPU work on the text, its blocks and sentences, so the
importer does it before taking the write lock — or in another process — and the transaction only writes the
result. ``previous_text`` is None for a new article.

Staleness lives here too: layers are *stale* when they came from another extractor version or other teachings
than today's (:func:`stale_articles`); :func:`store.refresh.refresh_stale` is the one place where they are brought
up to date, for every reader of the data (the app once its library is in, the CLI before it reads mentions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store import ledger
from store.annotations import reanchor_article
from store.db import write_transaction
from store.extract import EXTRACTOR_VERSION, extract
from store.extract.teachings import Teachings
from store.model import Block, Mention
from store.teachings import load_teachings

if TYPE_CHECKING:
    from sqlite_utils import Database

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DerivedLayers:
    """Everything derived from one article's text (picklable): its mentions, quotes and claims, and the
    fingerprint of the teachings the mentions were extracted with."""

    mentions: list[Mention]
    quotes: list
    claims: list
    teachings: str


def derive_layers(
    text: str, blocks: list[Block], sentences: Sequence[tuple[int, int]], teachings: Teachings,
    article_id: int | None = None,
) -> DerivedLayers:
    """Compute every derived layer of one article without touching the database.

    ``teachings`` are the user's teachings (all, or only those relevant to the article); ``article_id`` selects
    the single-occurrence suppressions, so it is None for an article not stored yet.
    """
    relevant = teachings.relevant(text, article_id)
    found = extract(text, relevant, article_id)
    found_quotes, found_claims = ledger.derive_ledger(text, blocks, sentences, found)
    return DerivedLayers(found, found_quotes, found_claims, relevant.fingerprint())


def write_layers(db: Database, article_id: int, derived: DerivedLayers) -> None:
    """Replace the stored mentions, quotes and claims of one article (call inside the article's transaction)."""
    write_mentions(db, article_id, derived.mentions, derived.teachings)
    ledger.write_ledger(db, article_id, derived.quotes, derived.claims)


def write_mentions(db: Database, article_id: int, found: list[Mention], teachings_fingerprint: str) -> None:
    """Replace the stored mentions of one article by ``found`` and record the extractor version and the
    fingerprint of the teachings they were extracted with (call inside the article's transaction)."""
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    db.conn.executemany(
        'INSERT INTO mentions (article_id, start, "end", text, kind, label, entity, value, value_high, unit, hedge) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, m.start, m.end, m.text, m.kind, m.label, m.entity, m.value, m.value_high, m.unit, m.hedge)
            for m in found
        ],
    )
    db.execute(
        "INSERT OR REPLACE INTO mention_state (article_id, extractor_version, teachings) VALUES (?, ?, ?)",
        [article_id, EXTRACTOR_VERSION, teachings_fingerprint],
    )


def stored_layout(db: Database, article_id: int) -> tuple[list[Block], list[tuple[int, int]]]:
    """The stored blocks and sentence spans of one article, in order."""
    blocks = [
        Block(kind, start, end, level)
        for kind, start, end, level in db.execute(
            'SELECT kind, start, "end", level FROM blocks WHERE article_id = ? ORDER BY seq', [article_id]
        )
    ]
    sentences = db.execute('SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY seq', [article_id])
    return blocks, [(start, end) for start, end in sentences]


def rebuild_article_layers(db: Database, article_id: int, text: str, previous_text: str | None) -> dict[str, int]:
    """Recompute every derived layer of one article from its stored layout and re-anchor its annotations when
    the text changed; returns how many annotations ended in each anchor state. Call inside the article's
    transaction (re-extraction does; the importer derives before its transaction and calls
    :func:`write_layers` and :func:`reanchor_changed` itself)."""
    blocks, sentences = stored_layout(db, article_id)
    write_layers(db, article_id, derive_layers(text, blocks, sentences, load_teachings(db), article_id))
    return reanchor_changed(db, article_id, text, previous_text)


def reanchor_changed(db: Database, article_id: int, text: str, previous_text: str | None) -> dict[str, int]:
    """Re-anchor the annotations of an article whose text changed; returns how many ended in each state."""
    if previous_text is not None and previous_text != text:
        return reanchor_article(db, article_id, previous_text, text)
    return {}


def stale_articles(db: Database) -> list[int]:
    """Articles whose mentions came from another extractor version or from other teachings than today's."""
    teachings = load_teachings(db)
    stale = {
        row[0]
        for row in db.execute(
            "SELECT a.id FROM articles a LEFT JOIN mention_state s ON s.article_id = a.id "
            "WHERE s.extractor_version IS NOT ?",
            [EXTRACTOR_VERSION],
        )
    }
    # Only articles that had teachings, or contain a taught text, can disagree with today's teachings;
    # SQLite finds them without loading every text into Python.
    words = sorted({word for word, _ in teachings.added} | teachings.suppressed_texts)
    candidates = {row[0] for row in db.execute("SELECT article_id FROM mention_state WHERE teachings != ''")}
    candidates |= set(teachings.suppressed_spans)
    for word in words:
        candidates.update(articles_containing(db, word))
    for article_id in sorted(candidates - stale):
        row = db.execute(
            "SELECT a.text, s.teachings FROM articles a JOIN mention_state s ON s.article_id = a.id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        if row is not None and row[1] != teachings.relevant(row[0], article_id).fingerprint():
            stale.add(article_id)
    return sorted(stale)


def reextract_articles(db: Database, article_ids: list[int], progress: Progress | None = None) -> int:
    """Rebuild the layers of these articles from their stored text, one transaction each; returns how many.
    ``progress(done, total)`` is called after each (it may raise to stop between articles)."""
    for done, article_id in enumerate(article_ids, start=1):
        with write_transaction(db):
            row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is not None:
                rebuild_article_layers(db, article_id, row[0], row[0])
        if progress:
            progress(done, len(article_ids))
    return len(article_ids)


def articles_containing(db: Database, text: str) -> list[int]:
    """The ids of the articles whose text contains ``text`` (case-sensitive), in id order."""
    return [row[0] for row in db.execute("SELECT id FROM articles WHERE instr(text, ?) > 0 ORDER BY id", [text])]
