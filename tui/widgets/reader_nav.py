"""The reader's cursor, selection and jumps (a mixin of ``Reader``, kept apart to keep files short).

The cursor steps through *units* (sentences, plus block stretches no sentence covers) of the visible
blocks. The selection is either explicit (keys, mouse, jumps) or, when there is none, the cursor unit.
"""

from __future__ import annotations

from tui.text import plural
from tui.widgets.reader_layout import block_marker
from tui.widgets.reader_spans import Span, cursor_units, unit_index, word_spans

SCROLL_MARGIN = 2  # lines kept visible above/below the cursor when scrolling follows it


class ReaderNavigation:
    """Cursor and selection state with the actions that move them."""

    def _init_navigation(self) -> None:
        self._units: list[tuple[int, int]] = []
        self._unit_starts: list[int] = []
        self._unit = 0
        self._selection: tuple[int, int] | None = None
        self._history: list[int] = []  # offsets to go back to after following a reference
        self._drag_anchor: int | None = None
        self._dragged = False

    def _rebuild_units(self, keep: int) -> None:
        article = self.article
        shown = [b for b in article.blocks if b.kind != "boilerplate" or self._layers["boilerplate"]]
        self._units = cursor_units(article.text, article.sentences, shown)
        self._unit_starts = [start for start, _ in self._units]
        self._unit = unit_index(self._unit_starts, keep) if self._units else 0

    # -- state -----------------------------------------------------------------------------------------

    @property
    def cursor_offset(self) -> int:
        """Text offset of the start of the cursor sentence (0 before an article is shown)."""
        span = self._cursor_span()
        return span[0] if span else 0

    def _cursor_span(self) -> tuple[int, int] | None:
        return self._units[self._unit] if self._units else None

    @property
    def selection(self) -> tuple[int, int] | None:
        """The explicit selection, else the sentence under the cursor, else None (no article)."""
        return self._selection or self._cursor_span()

    @property
    def selected_text(self) -> str:
        span = self.selection
        return self.article.text[span[0] : span[1]] if span else ""

    def _set_cursor(self, unit: int, announce: bool = True) -> None:
        if not self._units:
            return
        unit = max(0, min(unit, len(self._units) - 1))
        old_cursor, old_selection = self._cursor_span(), self._selection
        self._unit, self._selection = unit, None
        self._refresh_spans(old_cursor, old_selection, self._cursor_span())
        self._scroll_to_cursor()
        if announce:
            self._announce_position()

    def _move_to_offset(self, offset: int, announce: bool = True) -> None:
        self._set_cursor(unit_index(self._unit_starts, offset), announce)

    def _set_selection(self, span: tuple[int, int] | None, announce: bool = True) -> None:
        old = self._selection
        self._selection = span
        if span is not None:
            unit = unit_index(self._unit_starts, span[0])
            if unit != self._unit:
                old_cursor, self._unit = self._cursor_span(), unit
                self._refresh_spans(old_cursor, self._cursor_span())
        self._refresh_spans(old, span)
        if announce:
            self._announce_position()

    def _announce_position(self) -> None:
        if self.article is None or not self._units:
            return
        self.post_message(self.PositionChanged(self.article.id, self.cursor_offset))
        start, end = self.selection
        self.post_message(self.SelectionChanged(self.article.id, start, end, self.selected_text))

    def _scroll_to_cursor(self, center: bool = False) -> None:
        span = self.selection
        if span is None or self._layout is None:
            return
        lines = self._layout.lines_of_span(*span)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        # Past an edge the view turns by part of a page (cursor a third from the edge it came from) instead of
        # creeping a line per move: reading keeps its context and the full redraws of scrolling stay rare.
        if center or lines.stop > top + height - SCROLL_MARGIN:
            target = min(lines.start, max(0, lines.start - height // 3))
        elif lines.start < top + SCROLL_MARGIN:
            target = max(0, min(lines.start, lines.stop - 2 * height // 3))
        else:
            return
        self.scroll_to(y=target, animate=False)

    # -- public jumps ----------------------------------------------------------------------------------

    def jump_to(self, start: int, end: int) -> None:
        """Scroll to ``[start, end)``, put the cursor on its sentence and select it."""
        if self.article is None or not self._units:
            return
        if self._layout is not None and not self._layers["boilerplate"] and self._in_hidden_block(start):
            self.toggle_layer("boilerplate")
        self._set_selection((start, max(end, start + 1)))
        self._scroll_to_cursor()

    def _in_hidden_block(self, offset: int) -> bool:
        return any(b.kind == "boilerplate" and b.start <= offset < b.end for b in self.article.blocks)

    # -- actions ---------------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self._set_cursor(self._unit + 1)

    def action_cursor_up(self) -> None:
        self._set_cursor(self._unit - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        if not self._units:
            return
        height = max(1, self.scrollable_content_region.height - SCROLL_MARGIN)
        line = self._layout.lines_of_span(*self._cursor_span()).start + direction * height
        line = max(0, min(line, len(self._layout.lines) - 1))
        while 0 < line < len(self._layout.lines) - 1 and not self._layout.lines[line].is_text:
            line += direction
        self.scroll_to(y=max(0, self.scroll_offset.y + direction * height), animate=False)
        self._move_to_offset(self._layout.lines[line].start if self._layout.lines[line].is_text else self.cursor_offset)

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(len(self._units) - 1)

    def action_clear_selection(self) -> None:
        if self._selection is not None:
            self._set_cursor(self._unit)

    def action_copy(self) -> None:
        if self.selected_text:
            self.app.copy_to_clipboard(self.selected_text)
            self.notify(f"Copied {plural(len(self.selected_text), 'character')}", timeout=2)

    def action_extend_word(self) -> None:
        self._resize_selection_by_words(+1)

    def action_shrink_word(self) -> None:
        self._resize_selection_by_words(-1)

    def _resize_selection_by_words(self, step: int) -> None:
        """Grow or shrink the selection's end a word at a time; with no selection, select the first word."""
        if not self._units:
            return
        text = self.article.text
        if self._selection is None:
            unit_start, unit_end = self._cursor_span()
            words = word_spans(text, unit_start, unit_end)
            if words:
                self._set_selection(words[0])
            return
        start, end = self._selection
        if step > 0:
            following = word_spans(text, end, min(len(text), end + 200))
            if following:
                self._set_selection((start, following[0][1]))
        else:
            earlier = [w for w in word_spans(text, start, end) if w[1] < end]
            if earlier:
                self._set_selection((start, earlier[-1][1]))

    def action_extend_sentence(self) -> None:
        if not self._units:
            return
        start, end = self.selection
        later = [u for u in self._units[self._unit:] if u[1] > end]
        if later:
            self._set_selection((start, later[0][1]))

    def action_shrink_sentence(self) -> None:
        if not self._units or self._selection is None:
            return
        start, end = self._selection
        earlier = [u for u in self._units[self._unit:] if start < u[1] < end]
        self._set_selection((start, earlier[-1][1]) if earlier else None)

    def action_next(self, what: str) -> None:
        if self.article is not None:
            self._jump_to_span(self._find(what, forward=True))

    def action_previous(self, what: str) -> None:
        if self.article is not None:
            self._jump_to_span(self._find(what, forward=False))

    def _find(self, what: str, forward: bool) -> Span | tuple[int, int] | None:
        """The next/previous entity, figure, annotation or heading from the selection."""
        here = self.selection[0] if self.selection else 0
        if what == "heading":
            text = self.article.text
            headings = [(b.start + block_marker(text, b), b.end) for b in self.article.blocks if b.kind == "heading"]
            found = [h for h in headings if (h[0] > here if forward else h[0] < here)]
            return (found[0] if forward else found[-1]) if found else None
        layer = {"entity": "entities", "figure": "figures", "annotation": "annotations"}[what]
        if not self._layers[layer]:
            return None
        index = self._annotations if what == "annotation" else self._mentions
        def visible(span):
            return (span.kind == what and self._shown(span.start))
        return index.next_after(here, visible) if forward else index.previous_before(here, visible)

    def _shown(self, offset: int) -> bool:
        return self._layers["boilerplate"] or not self._in_hidden_block(offset)

    def _jump_to_span(self, found) -> None:
        if found is None:
            self.app.bell()
            return
        start, end = (found.start, found.end) if isinstance(found, Span) else found
        self.jump_to(start, end)

    def action_follow_reference(self) -> None:
        """Jump from a ``[n]`` marker in the selection to its entry in the references; repeat for the next."""
        span = self.selection
        if span is None:
            return
        markers = list(self._markers.overlapping(*span)) or list(self._markers.overlapping(span[0], span[1] + 1))
        if markers:
            self._follow_marker(markers[0])
        else:
            self.notify("No [n] reference marker in this sentence", timeout=2)

    def _follow_marker(self, marker: Span) -> None:
        target = next((r for r in self.article.references if str(r.n) == marker.label), None)
        if target is None:
            return
        self._history.append(self.cursor_offset)
        self.jump_to(target.start, target.end)

    def action_jump_back(self) -> None:
        if self._history:
            self._move_to_offset(self._history.pop())
