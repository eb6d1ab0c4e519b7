"""Layers derived from an article's text: computed from the text alone, then written in the article's transaction.

Deriving (entities, figures, quotes, claims) is pure CPU work on the text, its blocks and sentences, so the
importer does it before taking the write lock — or in another process — and the transaction only writes the
result. ``previous_text`` is None for a new article.
"""

from __future__ import annotations

from dataclasses import dataclass

from store import ledger, mentions
from store.annotations import reanchor_article
from store.extract import extract
from store.extract.teachings import Teachings
from store.model import Block, Mention


@dataclass(frozen=True)
class DerivedLayers:
    """Everything derived from one article's text (picklable): its mentions, quotes and claims, and the
    fingerprint of the teachings the mentions were extracted with."""

    mentions: list[Mention]
    quotes: list
    claims: list
    teachings: str


def derive_layers(
    text: str, blocks: list[Block], sentences, teachings: Teachings, article_id: int | None = None
) -> DerivedLayers:
    """Compute every derived layer of one article without touching the database.

    ``teachings`` are the user's teachings (all, or only those relevant to the article); ``article_id`` selects
    the single-occurrence suppressions, so it is None for an article not stored yet.
    """
    relevant = teachings.relevant(text, article_id)
    found = extract(text, relevant, article_id)
    found_quotes, found_claims = ledger.derive_ledger(text, blocks, sentences, found)
    return DerivedLayers(found, found_quotes, found_claims, relevant.fingerprint())


def write_layers(db, article_id: int, derived: DerivedLayers) -> None:
    """Replace the stored mentions, quotes and claims of one article (call inside the article's transaction)."""
    mentions.write_mentions(db, article_id, derived.mentions, derived.teachings)
    ledger.write_ledger(db, article_id, derived.quotes, derived.claims)


def stored_layout(db, article_id: int) -> tuple[list[Block], list[tuple[int, int]]]:
    """The stored blocks and sentence spans of one article, in order."""
    blocks = [
        Block(kind, start, end, level)
        for kind, start, end, level in db.execute(
            'SELECT kind, start, "end", level FROM blocks WHERE article_id = ? ORDER BY seq', [article_id]
        )
    ]
    sentences = db.execute('SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY seq', [article_id])
    return blocks, [tuple(row) for row in sentences]


def rebuild_article_layers(db, article_id: int, text: str, previous_text: str | None) -> dict[str, int]:
    """Recompute every derived layer of one article from its stored layout and re-anchor its annotations when
    the text changed; returns how many annotations ended in each anchor state. Call inside the article's
    transaction (re-extraction does; the importer derives before its transaction and calls
    :func:`write_layers` and :func:`reanchor_changed` itself)."""
    blocks, sentences = stored_layout(db, article_id)
    write_layers(db, article_id, derive_layers(text, blocks, sentences, mentions.load_teachings(db), article_id))
    return reanchor_changed(db, article_id, text, previous_text)


def reanchor_changed(db, article_id: int, text: str, previous_text: str | None) -> dict[str, int]:
    """Re-anchor the annotations of an article whose text changed; returns how many ended in each state."""
    if previous_text is not None and previous_text != text:
        return reanchor_article(db, article_id, previous_text, text)
    return {}
