"""The article reader: a Line-API ``ScrollView`` that draws only the visible lines.

Blocks are wrapped once per width (``ReaderLayout``); each drawn line is cached as a ``Strip`` and a cursor
move only invalidates the lines of the old and new cursor sentence, so moving costs the same at any length.
The reader holds plain objects for the rest: the cursor and selection (``reader_nav``), the mouse
(``reader_mouse``), drawing (``reader_paint``); the messages it posts are in ``reader_messages``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.text import plural
from tui.widgets import reader_messages as messages
from tui.widgets.reader_layout import GUTTER, ReaderLayout, meta_line
from tui.widgets.reader_mouse import ReaderMouse
from tui.widgets.reader_nav import ReaderNavigation
from tui.widgets.reader_paint import ReaderPainter
from tui.widgets.reader_spans import (
    SpanIndex,
    annotation_spans,
    mention_spans,
    reference_markers,
)

if TYPE_CHECKING:
    from store.model import Annotation

MAX_MEASURE = 100  # wider lines are hard to read; wide terminals get a margin instead
LAYERS = ("entities", "figures", "annotations", "boilerplate")
EMPTY_HINT = "Choose an article in the library and press enter to read it."


class Reader(ScrollView, can_focus=True):
    """Shows one article with its layers; the sentence cursor and selection drive every action.

    The cursor and selection are a :class:`ReaderNavigation` (``navigation``), the mouse a :class:`ReaderMouse`
    (``mouse``): plain objects the reader holds, each owning its own state; the actions and mouse events below
    hand over to them."""

    ALLOW_SELECT = False  # the reader handles drag selection itself, in text offsets
    COMPONENT_CLASSES = {
        "reader--title", "reader--meta", "reader--heading", "reader--section", "reader--quote",
        "reader--boilerplate", "reader--reference", "reader--cursor", "reader--selection", "reader--marker",
    }
    DEFAULT_CSS = """
    Reader { background: $surface; padding: 0 1 0 0; scrollbar-gutter: stable; }
    Reader:focus { background-tint: $foreground 3%; }
    Reader > .reader--title { text-style: bold; color: $text-primary; }
    Reader > .reader--meta { color: $text-muted; }
    Reader > .reader--heading { text-style: bold; color: $text-secondary; }
    Reader > .reader--section { text-style: bold underline; color: $text-secondary; }
    Reader > .reader--quote { text-style: italic; }
    Reader > .reader--boilerplate { color: $text-disabled; }
    Reader > .reader--reference { color: $text-muted; }
    Reader > .reader--cursor { background: $boost; }
    Reader:focus > .reader--cursor { background: $primary 25%; }
    Reader > .reader--selection { background: $foreground 22%; }
    Reader > .reader--marker { color: $text-accent; text-style: bold; }
    """
    BINDINGS = [
        Binding("down,j", "cursor_down", "Next sentence", show=False, id="reader.next-sentence"),
        Binding("up,k", "cursor_up", "Previous sentence", show=False, id="reader.previous-sentence"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page-up"),
        Binding("home", "first", "Top", show=False, id="reader.top"),
        Binding("end", "last", "Bottom", show=False, id="reader.bottom"),
        Binding("shift+right", "extend_word", "Select word+", show=False, id="reader.extend-word"),
        Binding("shift+left", "shrink_word", "Select word-", show=False, id="reader.shrink-word"),
        Binding("shift+down", "extend_sentence", "Select sentence+", show=False, id="reader.extend-sentence"),
        Binding("shift+up", "shrink_sentence", "Select sentence-", show=False, id="reader.shrink-sentence"),
        Binding("escape", "clear_selection", "Clear selection", show=False, id="reader.clear-selection"),
        Binding("y", "copy", "Copy", show=False, id="reader.copy"),
        Binding("e", "next('entity')", "Next entity", id="reader.next-entity"),
        Binding("E", "previous('entity')", "Previous entity", show=False, id="reader.previous-entity"),
        Binding("f", "next('figure')", "Next figure", id="reader.next-figure"),
        Binding("F", "previous('figure')", "Previous figure", show=False, id="reader.previous-figure"),
        Binding("a", "next('annotation')", "Next note", id="reader.next-annotation"),
        Binding("A", "previous('annotation')", "Previous note", show=False, id="reader.previous-annotation"),
        Binding("h", "next('heading')", "Next heading", show=False, id="reader.next-heading"),
        Binding("H", "previous('heading')", "Previous heading", show=False, id="reader.previous-heading"),
        Binding("r", "follow_reference", "Reference", show=False, id="reader.follow-reference"),
        Binding("o", "screen.open_in_browser", "Open in browser", show=False, id="reader.open-in-browser"),
        Binding("backspace", "jump_back", "Back", show=False, id="reader.jump-back"),
        Binding("1", "toggle_layer('entities')", "Entities", show=False, id="reader.toggle-entities"),
        Binding("2", "toggle_layer('figures')", "Figures", show=False, id="reader.toggle-figures"),
        Binding("3", "toggle_layer('annotations')", "Notes", show=False, id="reader.toggle-annotations"),
        Binding("4", "toggle_layer('boilerplate')", "Boilerplate", show=False, id="reader.toggle-boilerplate"),
        Binding("m", "mark_entity", "Mark entity", show=False, id="reader.mark-entity"),
        Binding("x", "suppress('here')", "Suppress here", show=False, id="reader.suppress-here"),
        Binding("X", "suppress('everywhere')", "Suppress all", show=False, id="reader.suppress-everywhere"),
    ]

    # What the reader posts (see :mod:`tui.widgets.reader_messages`)
    PositionChanged = messages.PositionChanged
    SelectionChanged = messages.SelectionChanged
    LayersChanged = messages.LayersChanged
    TeachRequested = messages.TeachRequested

    def __init__(self, *, name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article = None
        self.layers_shown = {layer: layer != "boilerplate" for layer in LAYERS}  # change with toggle_layer
        self.text_layout: ReaderLayout | None = None  # the article wrapped to the width, with its chrome lines
        self.mention_index = SpanIndex([])
        self.annotation_index = SpanIndex([])
        self.markers = SpanIndex([])
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self.painter = ReaderPainter(self)
        self.navigation = ReaderNavigation(self)
        self.mouse = ReaderMouse(self, self.navigation)

    # -- data in ---------------------------------------------------------------------------------------

    def show_article(self, article, mentions, annotations=None, position: int | None = None) -> None:
        """Display ``article`` with its mentions (and annotations), cursor at ``position`` (or its start)."""
        self.article = article
        self.text_layout = ReaderLayout(article.text, article.blocks, article.title, meta_line(article))
        self.mention_index = SpanIndex(mention_spans(mentions))
        self.annotation_index = SpanIndex(annotation_spans(annotations))
        self.markers = SpanIndex(reference_markers(article.text, article.blocks, article.references))
        self.navigation.history.clear()
        start = position if position is not None else article.position or 0
        self._relayout(keep=start)
        self.scroll_to(y=0, animate=False)
        self.navigation.move_to_offset(start, announce=False)
        # Once laid out: a scroll asked for now is undone by the first layout of the new virtual size, and the
        # remembered sentence would be off-screen with "5/27" in the status line.
        self.call_after_refresh(self.navigation.scroll_to_cursor, True)
        self.post_message(self.LayersChanged(self.layers))

    def set_mentions(self, mentions) -> None:
        """Replace the mentions (after teaching, or after the article was re-extracted)."""
        self.mention_index = SpanIndex(mention_spans(mentions))
        self._restyle()
        self.post_message(self.LayersChanged(self.layers))

    def set_annotations(self, annotations) -> None:
        """Replace the annotations (after tagging, deleting, undoing)."""
        self.annotation_index = SpanIndex(annotation_spans(annotations))
        self._restyle()
        self.announce_position()

    @property
    def layers(self) -> dict[str, bool]:
        """Which layers are shown."""
        return dict(self.layers_shown)

    def toggle_layer(self, layer: str) -> None:
        """Show or hide ``entities``, ``figures``, ``annotations`` or ``boilerplate``."""
        if layer not in self.layers_shown:
            raise ValueError(f"unknown layer {layer!r}; layers are {', '.join(LAYERS)}")
        self.layers_shown[layer] = not self.layers_shown[layer]
        if layer == "boilerplate" and self.article is not None:
            self._relayout(keep=self.cursor_offset)
            self.navigation.scroll_to_cursor()
        self._restyle()
        self.post_message(self.LayersChanged(self.layers))

    def action_toggle_layer(self, layer: str) -> None:
        self.toggle_layer(layer)

    @property
    def labels(self) -> dict[str, str]:
        """Labels of the mentions on show, each with its kind ("entity" or "figure")."""
        return {span.label: span.kind for span in self.mention_index.spans}

    # -- the cursor and selection (kept by ``navigation``) ---------------------------------------------

    @property
    def cursor_position(self) -> tuple[int, int]:
        """(1-based index of the cursor sentence, number of sentences), for a status line."""
        return (self.navigation.unit + 1, len(self.navigation.units))

    @property
    def cursor_offset(self) -> int:
        """Text offset of the start of the cursor sentence (0 before an article is shown)."""
        return self.navigation.cursor_offset

    @property
    def selection(self) -> tuple[int, int] | None:
        """The explicit selection, else the sentence under the cursor, else None (no article)."""
        return self.navigation.selection

    @property
    def selected_text(self) -> str:
        return self.navigation.selected_text

    def jump_to(self, start: int, end: int) -> None:
        """Scroll to ``[start, end)``, put the cursor on its sentence and select it."""
        self.navigation.jump_to(start, end)

    def return_to(self, offset: int) -> None:
        """Put the cursor back on the sentence at ``offset``, nothing selected (after a cancelled find)."""
        if self.article is not None:
            self.navigation.move_to_offset(offset)

    def announce_position(self) -> None:
        """Tell the host where the cursor and the selection are."""
        if self.article is None or not self.navigation.units:
            return
        self.post_message(self.PositionChanged(self.article.id, self.cursor_offset))
        start, end = self.selection
        self.post_message(self.SelectionChanged(self.article.id, start, end, self.selected_text))

    def action_cursor_down(self) -> None:
        self.navigation.set_cursor(self.navigation.unit + 1)

    def action_cursor_up(self) -> None:
        self.navigation.set_cursor(self.navigation.unit - 1)

    def action_page_down(self) -> None:
        self.navigation.page(+1)

    def action_page_up(self) -> None:
        self.navigation.page(-1)

    def action_first(self) -> None:
        self.navigation.set_cursor(0)

    def action_last(self) -> None:
        self.navigation.set_cursor(len(self.navigation.units) - 1)

    def action_clear_selection(self) -> None:
        self.navigation.clear_selection()

    def action_copy(self) -> None:
        if self.selected_text:
            self.app.copy_to_clipboard(self.selected_text)
            self.notify(f"Copied {plural(len(self.selected_text), 'character')}", timeout=2)

    def action_extend_word(self) -> None:
        self.navigation.resize_selection_by_words(+1)

    def action_shrink_word(self) -> None:
        self.navigation.resize_selection_by_words(-1)

    def action_extend_sentence(self) -> None:
        self.navigation.extend_sentence()

    def action_shrink_sentence(self) -> None:
        self.navigation.shrink_sentence()

    def action_next(self, what: str) -> None:
        self.navigation.step(what, forward=True)

    def action_previous(self, what: str) -> None:
        self.navigation.step(what, forward=False)

    def action_follow_reference(self) -> None:
        self.navigation.follow_reference()

    def action_jump_back(self) -> None:
        self.navigation.jump_back()

    # -- mouse (handled by ``mouse``) --------------------------------------------------------------------

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.mouse.down(event)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.mouse.move(event)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self.mouse.up(event)

    def on_click(self, event: events.Click) -> None:
        self.mouse.click(event)

    def annotations_at(self, start: int, end: int | None = None) -> list[Annotation]:
        """The annotations overlapping ``[start, end)`` (or covering ``start``)."""
        end = start + 1 if end is None else max(end, start + 1)
        return [span.data for span in self.annotation_index.overlapping(start, end)]

    # -- teaching (stored by the host, on TeachRequested) -------------------------------------------------

    def action_mark_entity(self) -> None:
        """Ask for the selected text to be taught as an entity (its label is chosen by the host)."""
        span = self.selection
        text = self.article.text[span[0] : span[1]].strip() if span and self.article else ""
        if not text:
            return
        if len(text) > 80:
            self.notify("Select a name (shift+arrows) before marking it as an entity", severity="warning")
            return
        self.post_message(self.TeachRequested(self.article.id, "entity", text))

    def action_suppress(self, scope: str) -> None:
        """Ask to stop highlighting the mention under the selection: this occurrence (``here``) or ``everywhere``."""
        span = self.selection
        if span is None:
            return
        mention = next(iter(self.mention_index.overlapping(*span)), None)
        if mention is None:
            self.notify("No highlight under the cursor to suppress", timeout=2)
            return
        text = self.article.text[mention.start : mention.end]
        self.post_message(self.TeachRequested(self.article.id, "suppress", text,
                                              start=mention.start if scope == "here" else None))

    # -- layout ----------------------------------------------------------------------------------------

    @property
    def _measure(self) -> int:
        return max(10, min(MAX_MEASURE, self.scrollable_content_region.width - len(GUTTER)))

    def _relayout(self, keep: int) -> None:
        """Re-assemble the lines (re-wrapping only after a width change) and the cursor units."""
        if self.text_layout is None:
            return
        self.text_layout.build(self._measure, self.layers_shown["boilerplate"])
        self.navigation.rebuild_units(keep)
        self.virtual_size = Size(self._measure + len(GUTTER), len(self.text_layout.lines))
        self._strips.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap_if_width_changed()

    def _rewrap_if_width_changed(self) -> None:
        if self.text_layout is not None and self.text_layout.width != self._measure:
            self._relayout(keep=self.cursor_offset)
            self.navigation.scroll_to_cursor()

    def _restyle(self) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self.painter.styles.clear()
        self._strips.clear()
        super().notify_style_update()

    def refresh_spans(self, *spans: tuple[int, int] | None) -> None:
        """Redraw only the lines showing these text spans."""
        if self.text_layout is None:
            return
        for span in spans:
            if span is None:
                continue
            lines = self.text_layout.lines_of_span(*span)
            for y in lines:
                self._strips.discard(y)
            self.refresh_lines(lines.start, len(lines))

    # -- drawing ---------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        line_number = scroll_y + y
        base = self.rich_style
        if self.text_layout is None:
            return self.painter.hint_line(EMPTY_HINT, line_number - 1, width, base)
        if line_number >= len(self.text_layout.lines):
            return Strip.blank(width, base)
        if self.text_layout.width != self._measure:  # the region changed without a Resize (a pane appeared)
            self.call_after_refresh(self._rewrap_if_width_changed)
        strip = self._strips.get(line_number)
        if strip is None:
            strip = self.painter.line(self.text_layout.lines[line_number], base)
            self._strips[line_number] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)
