"""The reader's mouse (a mixin of ``Reader``): click a sentence, click a ``[n]`` marker, double-click a word,
drag to select (scrolling past the edges) and copy."""

from __future__ import annotations

from textual import events

from tui.widgets.reader_layout import GUTTER
from tui.widgets.reader_spans import word_spans


class ReaderMouse:
    """Mouse handlers working in text offsets through the layout."""

    def _offset_at_event(self, event: events.MouseEvent) -> int | None:
        if self._layout is None:
            return None
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self._layout.offset_at(offset.y + self.scroll_offset.y, offset.x + self.scroll_offset.x - len(GUTTER))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        self._drag_anchor = self._offset_at_event(event)
        if self._drag_anchor is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_anchor is None:  # only between a press and its release (the mouse is captured)
            return
        offset = self._drag_offset(event)
        if offset is not None and offset != self._drag_anchor:
            start, end = sorted((self._drag_anchor, offset))
            self._set_selection((start, end + 1), announce=False)
            self._dragged = True

    def _drag_offset(self, event: events.MouseEvent) -> int | None:
        """The text offset under a dragging pointer; above or below the reader it scrolls a line that way."""
        position = event.get_content_offset_capture(self)
        height = self.scrollable_content_region.height
        if position.y < 0 or position.y >= height:
            self.scroll_relative(y=-1 if position.y < 0 else 1, animate=False, immediate=True)
        y = self.scroll_offset.y + max(0, min(position.y, height - 1))
        return self._layout.offset_at(y, position.x + self.scroll_offset.x - len(GUTTER))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        anchor, self._drag_anchor = self._drag_anchor, None
        dragged, self._dragged = self._dragged, False
        self.release_mouse()
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
        self._set_selection((start, end + 1), announce=False)
        self._finish_drag()

    def _finish_drag(self) -> None:
        self._set_selection(self._selection)
        self.app.copy_to_clipboard(self.selected_text)

    def _click(self, offset: int) -> None:
        """A click on a ``[n]`` marker follows it; anywhere else it puts the cursor on that sentence."""
        markers = self._markers.covering(offset)
        if markers:
            self._follow_marker(markers[0])
        else:
            self._move_to_offset(offset)

    def on_click(self, event: events.Click) -> None:
        """A double click selects the word under the pointer (then ``m`` marks it as an entity)."""
        offset = self._offset_at_event(event) if event.chain == 2 else None
        if offset is None:
            return
        text = self.article.text
        words = word_spans(text, max(0, offset - 80), min(len(text), offset + 80))
        word = next((w for w in words if w[0] <= offset < w[1]), None)
        if word is not None:
            self._set_selection(word)
