"""The reader's cursor, selection and jumps: a plain object the ``Reader`` holds (``reader.navigation``).

The cursor steps through *units* (sentences, plus block stretches no sentence covers) of the visible
blocks. The selection is either explicit (keys, mouse, jumps) or, when there is none, the cursor unit. This
object owns that state; what it needs of the reader — the article, the layout, the layers and span indexes,
redrawing and scrolling — it asks the reader it was given, through the reader's public attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.widgets.reader_layout import block_marker
from tui.widgets.reader_spans import Span, cursor_units, unit_index, word_spans

if TYPE_CHECKING:
    from tui.widgets.reader import Reader

SCROLL_MARGIN = 2  # lines kept visible above/below the cursor when scrolling follows it


class ReaderNavigation:
    """Cursor and selection state with the moves the reader's actions make."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.units: list[tuple[int, int]] = []
        self.unit_starts: list[int] = []
        self.unit = 0
        self.explicit: tuple[int, int] | None = None  # the selection made by keys, mouse or a jump
        self.history: list[int] = []  # offsets to go back to after following a reference

    def rebuild_units(self, keep: int) -> None:
        """Cut the article's visible blocks into units again; the cursor goes to the unit holding ``keep``."""
        article, boilerplate = self.reader.article, self.reader.layers_shown["boilerplate"]
        shown = [b for b in article.blocks if b.kind != "boilerplate" or boilerplate]
        self.units = cursor_units(article.text, article.sentences, shown)
        self.unit_starts = [start for start, _ in self.units]
        self.unit = unit_index(self.unit_starts, keep) if self.units else 0

    # -- state -----------------------------------------------------------------------------------------

    @property
    def cursor_span(self) -> tuple[int, int] | None:
        return self.units[self.unit] if self.units else None

    @property
    def cursor_offset(self) -> int:
        span = self.cursor_span
        return span[0] if span else 0

    @property
    def selection(self) -> tuple[int, int] | None:
        return self.explicit or self.cursor_span

    @property
    def selected_text(self) -> str:
        span = self.selection
        return self.reader.article.text[span[0] : span[1]] if span else ""

    def set_cursor(self, unit: int, announce: bool = True) -> None:
        if not self.units:
            return
        unit = max(0, min(unit, len(self.units) - 1))
        old_cursor, old_selection = self.cursor_span, self.explicit
        self.unit, self.explicit = unit, None
        self.reader.refresh_spans(old_cursor, old_selection, self.cursor_span)
        self.scroll_to_cursor()
        if announce:
            self.reader.announce_position()

    def move_to_offset(self, offset: int, announce: bool = True) -> None:
        self.set_cursor(unit_index(self.unit_starts, offset), announce)

    def set_selection(self, span: tuple[int, int] | None, announce: bool = True) -> None:
        old = self.explicit
        self.explicit = span
        if span is not None:
            unit = unit_index(self.unit_starts, span[0])
            if unit != self.unit:
                old_cursor, self.unit = self.cursor_span, unit
                self.reader.refresh_spans(old_cursor, self.cursor_span)
        self.reader.refresh_spans(old, span)
        if announce:
            self.reader.announce_position()

    def scroll_to_cursor(self, center: bool = False) -> None:
        reader, span = self.reader, self.selection
        if span is None or reader.text_layout is None:
            return
        lines = reader.text_layout.lines_of_span(*span)
        height = reader.scrollable_content_region.height
        top = reader.scroll_offset.y
        # Past an edge the view turns by part of a page (cursor a third from the edge it came from) instead of
        # creeping a line per move: reading keeps its context and the full redraws of scrolling stay rare.
        if center or lines.stop > top + height - SCROLL_MARGIN:
            target = min(lines.start, max(0, lines.start - height // 3))
        elif lines.start < top + SCROLL_MARGIN:
            target = max(0, min(lines.start, lines.stop - 2 * height // 3))
        else:
            return
        reader.scroll_to(y=target, animate=False)

    # -- jumps -----------------------------------------------------------------------------------------

    def jump_to(self, start: int, end: int) -> None:
        reader = self.reader
        if reader.article is None or not self.units:
            return
        if reader.text_layout is not None and not reader.layers_shown["boilerplate"] and self._in_hidden_block(start):
            reader.toggle_layer("boilerplate")
        self.set_selection((start, max(end, start + 1)))
        self.scroll_to_cursor()

    def _in_hidden_block(self, offset: int) -> bool:
        return any(b.kind == "boilerplate" and b.start <= offset < b.end for b in self.reader.article.blocks)

    # -- moves (the reader's actions) ------------------------------------------------------------------

    def page(self, direction: int) -> None:
        if not self.units:
            return
        reader, layout = self.reader, self.reader.text_layout
        height = max(1, reader.scrollable_content_region.height - SCROLL_MARGIN)
        line = layout.lines_of_span(*self.cursor_span).start + direction * height
        line = max(0, min(line, len(layout.lines) - 1))
        while 0 < line < len(layout.lines) - 1 and not layout.lines[line].is_text:
            line += direction
        reader.scroll_to(y=max(0, reader.scroll_offset.y + direction * height), animate=False)
        self.move_to_offset(layout.lines[line].start if layout.lines[line].is_text else self.cursor_offset)

    def clear_selection(self) -> None:
        if self.explicit is not None:
            self.set_cursor(self.unit)

    def resize_selection_by_words(self, step: int) -> None:
        """Grow or shrink the selection's end a word at a time; with no selection, select the first word."""
        if not self.units:
            return
        text = self.reader.article.text
        if self.explicit is None:
            unit_start, unit_end = self.cursor_span
            words = word_spans(text, unit_start, unit_end)
            if words:
                self.set_selection(words[0])
            return
        start, end = self.explicit
        if step > 0:
            following = word_spans(text, end, min(len(text), end + 200))
            if following:
                self.set_selection((start, following[0][1]))
        else:
            earlier = [w for w in word_spans(text, start, end) if w[1] < end]
            if earlier:
                self.set_selection((start, earlier[-1][1]))

    def extend_sentence(self) -> None:
        if not self.units:
            return
        start, end = self.selection
        later = [u for u in self.units[self.unit:] if u[1] > end]
        if later:
            self.set_selection((start, later[0][1]))

    def shrink_sentence(self) -> None:
        if not self.units or self.explicit is None:
            return
        start, end = self.explicit
        earlier = [u for u in self.units[self.unit:] if start < u[1] < end]
        self.set_selection((start, earlier[-1][1]) if earlier else None)

    def step(self, what: str, forward: bool) -> None:
        """Jump to the next (or previous) entity, figure, annotation or heading from the selection."""
        if self.reader.article is None:
            return
        found = self._find(what, forward)
        if found is None:
            self.reader.app.bell()
            return
        start, end = (found.start, found.end) if isinstance(found, Span) else found
        self.jump_to(start, end)

    def _find(self, what: str, forward: bool) -> Span | tuple[int, int] | None:
        reader = self.reader
        here = self.selection[0] if self.selection else 0
        if what == "heading":
            text = reader.article.text
            headings = [(b.start + block_marker(text, b), b.end) for b in reader.article.blocks if b.kind == "heading"]
            found = [h for h in headings if (h[0] > here if forward else h[0] < here)]
            return (found[0] if forward else found[-1]) if found else None
        layers = reader.layers_shown
        layer = {"entity": "entities", "figure": "figures", "annotation": "annotations"}[what]
        if not layers[layer]:
            return None
        index = reader.annotation_index if what == "annotation" else reader.mention_index

        def visible(span: Span) -> bool:
            return span.kind == what and (layers["boilerplate"] or not self._in_hidden_block(span.start))

        return index.next_after(here, visible) if forward else index.previous_before(here, visible)

    def follow_reference(self) -> None:
        """Jump from a ``[n]`` marker in the selection to its entry in the references; repeat for the next."""
        span = self.selection
        if span is None:
            return
        markers = self.reader.markers
        found = list(markers.overlapping(*span)) or list(markers.overlapping(span[0], span[1] + 1))
        if found:
            self.follow_marker(found[0])
        else:
            self.reader.notify("No [n] reference marker in this sentence", timeout=2)

    def follow_marker(self, marker: Span) -> None:
        target = next((r for r in self.reader.article.references if str(r.n) == marker.label), None)
        if target is None:
            return
        self.history.append(self.cursor_offset)
        self.jump_to(target.start, target.end)

    def jump_back(self) -> None:
        if self.history:
            self.move_to_offset(self.history.pop())
