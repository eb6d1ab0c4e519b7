"""Text as the app's tables show it."""

from __future__ import annotations


def excerpt(text: str | None, limit: int) -> str:
    """The text on one line, cut with an ellipsis at ``limit`` characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
