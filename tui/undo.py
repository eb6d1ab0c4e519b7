"""One undo history for the session, shared by every screen that edits notes and tags (main, Tags, Orphans,
Ledger): ``u`` undoes the latest edit wherever it was made, ``U`` or ``ctrl+r`` redoes it.

Each screen declares its own ``undo``/``redo`` bindings (the keymap reads them per class) and mixes in
:class:`UndoesEdits`, which runs the step in the background and calls the screen's ``after_step`` to redraw.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from tui.background import run_in_background

if TYPE_CHECKING:
    from store.annotation_history import AnnotationHistory, Undone


class SharedHistory:
    """The history and the lock that keeps edits and undos (each in its own job) in the order they were asked."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._history: AnnotationHistory | None = None

    @property
    def history(self) -> AnnotationHistory:
        # Created on first use: its module brings in the anchoring engine and rapidfuzz, which the first frame
        # does not need.
        if self._history is None:
            from store.annotation_history import AnnotationHistory

            self._history = AnnotationHistory()
        return self._history

    def edit(self, db, method: str, *args: Any, **changes: Any) -> Any:
        """``history.method(db, *args, **changes)`` in order with every other edit and undo."""
        with self.lock:
            return getattr(self.history, method)(db, *args, **changes)


@dataclass
class Stepped(Message):
    """An undo (``redo`` False) or redo ran; ``undone`` is None when there was nothing to do."""

    undone: Undone | None
    redo: bool


def step(db, edits: SharedHistory, redo: bool) -> Stepped:
    with edits.lock:
        undone = edits.history.redo(db) if redo else edits.history.undo(db)
    return Stepped(undone, redo)


class UndoesEdits:
    """For screens: ``action_undo``/``action_redo`` through ``self.edits``; ``after_step(undone)`` redraws."""

    edits: SharedHistory
    db_path: Any

    def action_undo(self) -> None:
        run_in_background(self, step, self.edits, False, db_path=self.db_path, group="edits", exclusive=False)

    def action_redo(self) -> None:
        run_in_background(self, step, self.edits, True, db_path=self.db_path, group="edits", exclusive=False)

    def on_stepped(self, message: Stepped) -> None:  # by name: a mixin's @on handlers are not collected
        if message.undone is None:
            self.app.notify("Nothing to redo" if message.redo else "Nothing to undo")
            return
        self.app.notify(message.undone.message)
        self.after_step(message.undone)

    def after_step(self, undone: Undone) -> None:
        """Redraw what the step changed (each screen its own)."""
