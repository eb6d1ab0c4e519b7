"""Build small articles by hand: paragraphs per line and mentions found by their text."""

from __future__ import annotations

from store.model import Block, Mention


def paragraphs(text: str) -> list[Block]:
    blocks, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block("paragraph", offset, offset + len(line)))
        offset += len(line) + 1
    return blocks


def mention(text: str, needle: str, label: str, entity: str | None = None, nth: int = 0, **figure) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    kind = "figure" if label in {"MONEY", "PERCENT", "NUMBER", "DATE"} else "entity"
    key = entity or (needle.casefold() if kind == "entity" else None)
    return Mention(start, start + len(needle), needle, kind, label, key, **figure)
