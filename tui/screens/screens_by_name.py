"""The screens the main screen opens by name (``T`` Tags, ``O`` Orphaned notes, ``L`` Ledger, ``W`` Feeds), each
imported at its first use and dismissing with ``(article_id, start, end)`` to open, or None.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from textual.screen import Screen

from tui.undo import SharedHistory

SCREENS_BY_NAME = {
    "tags": ("tui.screens.tags", "TagsScreen"),
    "orphans": ("tui.screens.orphans", "OrphansScreen"),
    "ledger": ("tui.screens.ledger", "LedgerScreen"),
    "feeds": ("tui.screens.feeds", "FeedsScreen"),
}
SHARING_UNDO = ("tags", "orphans", "ledger")  # the screens that edit notes and tags share the session's history


def screen_named(name: str, db_path: Path, edits: SharedHistory) -> Screen:
    module_name, class_name = SCREENS_BY_NAME[name]
    screen_class = getattr(importlib.import_module(module_name), class_name)
    return screen_class(db_path, edits) if name in SHARING_UNDO else screen_class(db_path)
