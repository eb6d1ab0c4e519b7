"""Reading what the user taught the extractor (the ``teachings`` table).

The writes that teach — and re-extract the articles a teaching touches — are in :mod:`store.mentions`;
this module sits below :mod:`store.layers`, which reads the teachings to derive an article's mentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.extract.teachings import Teachings

if TYPE_CHECKING:
    from sqlite_utils import Database

TEACHING_COLUMNS = ("id", "action", "text", "label", "article_id", "start", "created")


def load_teachings(db: Database) -> Teachings:
    """All teachings, in the form the extractor applies."""
    teachings = Teachings()
    for action, text, label, article_id, start in db.execute(
        "SELECT action, text, label, article_id, start FROM teachings ORDER BY id"
    ):
        if action == "add":
            teachings.added.append((text, label))
        elif article_id is None:
            teachings.suppressed_texts.add(text)
        else:
            teachings.suppressed_spans.setdefault(article_id, set()).add((start, text))
    return teachings


def list_teachings(db: Database) -> list[dict[str, Any]]:
    """Every teaching, oldest first."""
    rows = db.execute(f"SELECT {', '.join(TEACHING_COLUMNS)} FROM teachings ORDER BY id")
    return [dict(zip(TEACHING_COLUMNS, row, strict=True)) for row in rows]
