"""Reading one article as both faces show it: its text and layout with every layer drawn over it.

``broadsheet show`` and the app's reader read an article through :func:`read_article`, so the two cannot
disagree about what an article holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from store.annotations import annotations_for_article
from store.articles import Article, get_article
from store.ledger import figures, quotes
from store.ledger_records import StoredClaim
from store.mentions import mentions_for_article
from store.model import Annotation, StoredMention, StoredQuote

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(slots=True)
class ArticleBundle:
    """An article with its layers: mentions (figures carrying the subject and metric the ledger found for them),
    quotes (each with its echoes in other articles) and annotations."""

    article: Article
    mentions: list[StoredMention]
    quotes: list[StoredQuote]
    annotations: list[Annotation]


def with_subjects(mentions: list[StoredMention], claims: list[StoredClaim]) -> list[StoredMention]:
    """The mentions, each figure the ledger linked to a subject carrying its ``subject`` and ``metric``."""
    about = {(claim.start, claim.end): claim for claim in claims}
    return [
        replace(m, subject=about[m.start, m.end].subject, metric=about[m.start, m.end].metric)
        if (m.start, m.end) in about else m
        for m in mentions
    ]


def read_article(db: Database, article_id: int) -> ArticleBundle:
    """One article with its layers (raises :class:`store.articles.ArticleNotFound`). Reads only: opening an
    article in the app marks it read separately."""
    article = get_article(db, article_id)
    mentions = mentions_for_article(db, article_id)
    if mentions:
        mentions = with_subjects(mentions, figures(db, article_id=article_id))
    from store.echoes import with_echoes  # here: rapidfuzz is not needed until an article is read

    said = with_echoes(db, article_id, quotes(db, article_id=article_id))
    return ArticleBundle(article, mentions, said, annotations_for_article(db, article_id))
