"""Screens that close with a result close once.

``Screen.dismiss`` pops whatever screen is on top. A selection (a ledger value, a search result, a button)
dismisses from a message handler, so when a second selection was queued before the first one's dismiss ran
— two Enters from key repeat or a busy app, a double click — it would pop the main screen from under it.
"""

from __future__ import annotations

from textual.await_complete import AwaitComplete


class ClosesOnce:
    """Mix into a ``Screen`` or ``ModalScreen``: a dismiss once the screen is no longer on top does nothing."""

    def dismiss(self, result=None) -> AwaitComplete:
        if self is not self.app.screen or getattr(self, "_dismissed_once", False):
            return AwaitComplete.nothing()
        self._dismissed_once = True
        return super().dismiss(result)
