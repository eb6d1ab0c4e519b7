"""Text as the app's tables show it."""

from __future__ import annotations


def excerpt(text: str | None, limit: int) -> str:
    """The text on one line, cut with an ellipsis at ``limit`` characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``"1 annotation"``, ``"2 annotations"``, ``"1,204 entities"`` (give ``nouns`` when adding s is wrong)."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"
