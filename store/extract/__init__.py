"""Entities and figures from article text: pure functions, no database.

``extract(text, teachings)`` is what the importer stores as an article's mentions. ``EXTRACTOR_VERSION``
is a digest of every source and data file that shapes those mentions, so stored mentions become stale
(and ``store.mentions.reextract_stale`` redoes them) whenever the extractor changes — nobody has to
remember to bump a number.
"""

from __future__ import annotations

import hashlib
from operator import attrgetter
from pathlib import Path

from store.extract.entities import find_entities
from store.extract.figures import find_figures
from store.extract.teachings import Teachings, apply_teachings
from store.model import Mention

_HERE = Path(__file__).parent
_ORDER = attrgetter("start", "end", "kind")  # mentions in text order


def _source_digest() -> str:
    """Digest of this package's modules and data files (quotes and claims included: they are rebuilt with
    the mentions they read)."""
    digest = hashlib.sha1()
    for path in sorted(_HERE.glob("*.py")) + sorted((_HERE / "data").glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = _source_digest()


def extract(text: str, teachings: Teachings | None = None, article_id: int | None = None) -> list[Mention]:
    """Every entity and figure in ``text``, sorted by start, with the user's teachings applied.

    ``article_id`` selects the single-occurrence suppressions that belong to this article.
    """
    mentions = find_figures(text) + find_entities(text)
    if teachings is None:
        return sorted(mentions, key=_ORDER)
    return apply_teachings(text, mentions, teachings, article_id)


__all__ = ["EXTRACTOR_VERSION", "Teachings", "extract", "find_entities", "find_figures"]
