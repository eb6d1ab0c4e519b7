"""The reader's mouse: click a sentence, click a ``[n]`` marker, double-click a word, drag to select (scrolling
past the edges) and copy. A plain object the ``Reader`` holds (``reader.mouse``) and hands its mouse events to;
it owns the drag's state and moves the cursor through the reader's navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from tui.widgets.reader_layout import GUTTER
from tui.widgets.reader_spans import word_spans

if TYPE_CHECKING:
    from tui.widgets.reader import Reader
    from tui.widgets.reader_nav import ReaderNavigation


class ReaderMouse:
    """Mouse handling in text offsets through the reader's layout."""

    def __init__(self, reader: Reader, navigation: ReaderNavigation) -> None:
        self.reader = reader
        self.navigation = navigation
        self.drag_anchor: int | None = None  # the offset pressed on, until the button is released
        self.dragged = False

    def _offset_at_event(self, event: events.MouseEvent) -> int | None:
        reader = self.reader
        if reader.text_layout is None:
            return None
        offset = event.get_content_offset(reader)
        if offset is None:
            return None
        return reader.text_layout.offset_at(offset.y + reader.scroll_offset.y,
                                       offset.x + reader.scroll_offset.x - len(GUTTER))

    def down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        self.drag_anchor = self._offset_at_event(event)
        if self.drag_anchor is not None:
            self.reader.capture_mouse()

    def move(self, event: events.MouseMove) -> None:
        if self.drag_anchor is None:  # only between a press and its release (the mouse is captured)
            return
        offset = self._drag_offset(event)
        if offset is not None and offset != self.drag_anchor:
            start, end = sorted((self.drag_anchor, offset))
            self.navigation.set_selection((start, end + 1), announce=False)
            self.dragged = True

    def _drag_offset(self, event: events.MouseEvent) -> int | None:
        """The text offset under a dragging pointer; above or below the reader it scrolls a line that way."""
        reader = self.reader
        position = event.get_content_offset_capture(reader)
        height = reader.scrollable_content_region.height
        if position.y < 0 or position.y >= height:
            reader.scroll_relative(y=-1 if position.y < 0 else 1, animate=False, immediate=True)
        y = reader.scroll_offset.y + max(0, min(position.y, height - 1))
        return reader.text_layout.offset_at(y, position.x + reader.scroll_offset.x - len(GUTTER))

    def up(self, event: events.MouseUp) -> None:
        anchor, self.drag_anchor = self.drag_anchor, None
        dragged, self.dragged = self.dragged, False
        self.reader.release_mouse()
        offset = self._offset_at_event(event)
        if anchor is None:
            return
        if offset is None or offset == anchor:
            if dragged:  # released outside the text: keep what the drag selected
                self._finish_drag()
            elif offset is not None:
                self._click(offset)
            return
        start, end = sorted((anchor, offset))
        self.navigation.set_selection((start, end + 1), announce=False)
        self._finish_drag()

    def _finish_drag(self) -> None:
        self.navigation.set_selection(self.navigation.explicit)
        self.reader.app.copy_to_clipboard(self.navigation.selected_text)

    def _click(self, offset: int) -> None:
        """A click on a ``[n]`` marker follows it; anywhere else it puts the cursor on that sentence."""
        markers = self.reader.markers.covering(offset)
        if markers:
            self.navigation.follow_marker(markers[0])
        else:
            self.navigation.move_to_offset(offset)

    def click(self, event: events.Click) -> None:
        """A double click selects the word under the pointer (then ``m`` marks it as an entity)."""
        offset = self._offset_at_event(event) if event.chain == 2 else None
        if offset is None:
            return
        text = self.reader.article.text
        words = word_spans(text, max(0, offset - 80), min(len(text), offset + 80))
        word = next((w for w in words if w[0] <= offset < w[1]), None)
        if word is not None:
            self.navigation.set_selection(word)
