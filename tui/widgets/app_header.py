"""The header of every screen: Textual's, with an icon that every font in use has.

Textual's default icon, ⭘ (U+2B58), is missing from Roboto Mono, the font textual-serve's page asks for, and
from the usual fallback monospace fonts (DejaVu Sans Mono): in a browser (``broadsheet serve``) it was an empty
box. The pilcrow is in both, and in every terminal font.
"""

from __future__ import annotations

from textual.widgets import Header

ICON = "¶"


class AppHeader(Header):
    def __init__(self) -> None:
        super().__init__(icon=ICON)
