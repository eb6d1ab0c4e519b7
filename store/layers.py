"""Layers derived from an article's text, rebuilt inside the transaction that writes the article.

Called by the importer whenever an article is new or its text changed, so derived rows never disagree with
the text they point into. ``previous_text`` is None for a new article.
"""

from __future__ import annotations

from store import ledger, mentions
from store.annotations import reanchor_article


def rebuild_article_layers(db, article_id: int, text: str, previous_text: str | None) -> dict[str, int]:
    """Recompute every derived layer of one article (mentions, quotes and claims) and re-anchor its
    annotations when the text changed; returns how many annotations ended in each anchor state."""
    mentions.index_article(db, article_id, text)
    ledger.index_article(db, article_id, text)  # quotes and claims read the fresh mentions
    if previous_text is not None and previous_text != text:
        return reanchor_article(db, article_id, previous_text, text)
    return {}
