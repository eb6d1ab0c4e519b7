"""How the main screen's panes share its width: the library's share beside the reader, and whether the side
panes show.

A plain object the main screen holds, with the three panes it composed: the screen's key and resize handlers
ask it, and it sets the panes' widths and display. The shares are kept in the app's settings for the next start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

NARROW = 120  # below this many columns the inspector starts hidden
# The library's share of the width beside the inspector, in percent, by default: while browsing (no article
# open, the reader has nothing to show) and while reading. `<` and `>` change the share in use, kept in the
# settings (one per state) for the next start.
SHARES = {"browsing": 60, "reading": 40}
SHARE_LIMITS = (15, 85)  # `<` and `>` move the share by 5


class PaneLayout:
    """The widths of the library and reader panes, and the inspector's display: it follows the terminal's width
    and whether an article is open until the user shows or hides it (``inspector_chosen``)."""

    def __init__(self, app: App, library: Widget, reader: Widget, inspector: Widget) -> None:
        self.app = app
        self.library, self.reader, self.inspector = library, reader, inspector
        self.inspector_chosen: bool | None = None
        self.reading = False  # whether an article is open

    def share_setting(self) -> tuple[str, int]:
        """The setting holding the library's share now (reading or browsing), and its value."""
        state = "reading" if self.reading else "browsing"
        key, default = f"library_share_{state}", SHARES[state]
        share = self.app.settings.get(key, default)
        low, high = SHARE_LIMITS
        return key, share if isinstance(share, int) and low <= share <= high else default

    def size(self) -> None:
        """The library's share of the room beside the inspector: more while no article is open."""
        share = self.share_setting()[1]
        self.library.styles.width, self.reader.styles.width = f"{share}fr", f"{100 - share}fr"

    def resize_library(self, step: int) -> None:
        key, share = self.share_setting()
        low, high = SHARE_LIMITS
        self.app.keep_setting(key, max(low, min(high, share + step)))
        self.size()

    def fit(self, narrow: bool) -> None:
        """The terminal's width changed: the inspector shows if there is room, unless the user chose."""
        if self.inspector_chosen is None:
            self.inspector.display = not narrow and self.reading
        self.size()

    def article_shown(self, narrow: bool) -> None:
        """An article is on show: the inspector comes with the first one, unless the user chose otherwise."""
        self.reading = True
        if self.inspector_chosen is None:
            self.inspector.display = not narrow
        self.size()

    def toggle(self, pane: Widget, narrow: bool) -> None:
        """Show or hide the library or the inspector (``F2``, ``F3``)."""
        pane.display = not pane.display
        if pane.display and narrow:
            # Too narrow for three panes: the reader keeps its room, the other side pane gives way.
            other = self.inspector if pane is self.library else self.library
            other.display = False
        if pane is self.inspector or narrow:
            self.inspector_chosen = self.inspector.display
