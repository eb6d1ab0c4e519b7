"""The article reader: a Line-API ``ScrollView`` that draws only the visible lines.

Blocks are wrapped once per width (``ReaderLayout``); each drawn line is cached as a ``Strip`` and a cursor
move only invalidates the lines of the old and new cursor sentence, so moving costs the same at any length.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.model import Annotation
from tui.styles import label_style, tag_colour
from tui.text import plural
from tui.widgets.reader_layout import GUTTER, DisplayLine, ReaderLayout
from tui.widgets.reader_mouse import ReaderMouse
from tui.widgets.reader_nav import ReaderNavigation
from tui.widgets.reader_spans import (
    SpanIndex,
    annotation_spans,
    mention_spans,
    reference_markers,
)

MAX_MEASURE = 100  # wider lines are hard to read; wide terminals get a margin instead
LAYERS = ("entities", "figures", "annotations", "boilerplate")
EMPTY_HINT = "Choose an article in the library and press enter to read it."


def meta_line(article) -> str:
    """``source · by byline · date · url · N words · revised N times · via feeds`` with the parts the article has."""
    parts = [article.source, article.byline and f"by {article.byline}", article.published, article.url,
             plural(article.words, "word"), revised(article), article.feeds and f"via {', '.join(article.feeds)}"]
    return " · ".join(part for part in parts if part)


def revised(article) -> str:
    """``revised once``, ``revised 3 times``; empty for an article whose text never changed."""
    edits = getattr(article, "revisions", 1) - 1
    return "" if edits < 1 else "revised once" if edits == 1 else f"revised {edits} times"


class Reader(ReaderNavigation, ReaderMouse, ScrollView, can_focus=True):
    """Shows one article with its layers; the sentence cursor and selection drive every action."""

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

    class PositionChanged(Message):
        """The cursor moved; ``offset`` is where the article should reopen."""

        def __init__(self, article_id: int, offset: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.offset = offset

    class SelectionChanged(Message):
        """The selection (explicit, or the cursor sentence) changed."""

        def __init__(self, article_id: int, start: int, end: int, text: str) -> None:
            super().__init__()
            self.article_id = article_id
            self.start = start
            self.end = end
            self.text = text

    class LayersChanged(Message):
        """A layer was shown or hidden, or what the layers hold changed (new article, new mentions)."""

        def __init__(self, layers: dict[str, bool]) -> None:
            super().__init__()
            self.layers = layers

    @dataclass
    class TeachRequested(Message):
        """The user taught the extractor about ``text`` in the article on show: it is an entity (``what`` is
        ``"entity"``, of ``label``, or of a label still to choose when None), or it is no mention (``"suppress"``,
        at ``start`` only, or everywhere when ``start`` is None). Whoever hosts the reader stores it."""

        article_id: int
        what: str
        text: str
        label: str | None = None
        start: int | None = None

    def __init__(self, *, name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article = None
        self._layers = {layer: layer != "boilerplate" for layer in LAYERS}
        self._layout: ReaderLayout | None = None
        self._mentions = SpanIndex([])
        self._annotations = SpanIndex([])
        self._markers = SpanIndex([])
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._init_navigation()

    # -- data in ---------------------------------------------------------------------------------------

    def show_article(self, article, mentions, annotations=None, position: int | None = None) -> None:
        """Display ``article`` with its mentions (and annotations), cursor at ``position`` (or its start)."""
        self.article = article
        self._layout = ReaderLayout(article.text, article.blocks, article.title, meta_line(article))
        self._mentions = SpanIndex(mention_spans(mentions))
        self._annotations = SpanIndex(annotation_spans(annotations))
        self._markers = SpanIndex(reference_markers(article.text, article.blocks, article.references))
        self._history.clear()
        start = position if position is not None else article.position or 0
        self._relayout(keep=start)
        self.scroll_to(y=0, animate=False)
        self._move_to_offset(start, announce=False)
        self._scroll_to_cursor(center=True)
        self.post_message(self.LayersChanged(self.layers))

    def set_mentions(self, mentions) -> None:
        """Replace the mentions (after teaching, or after the article was re-extracted)."""
        self._mentions = SpanIndex(mention_spans(mentions))
        self._restyle()
        self.post_message(self.LayersChanged(self.layers))

    def set_annotations(self, annotations) -> None:
        """Replace the annotations (after tagging, deleting, undoing)."""
        self._annotations = SpanIndex(annotation_spans(annotations))
        self._restyle()
        self._announce_position()

    @property
    def layers(self) -> dict[str, bool]:
        """Which layers are shown."""
        return dict(self._layers)

    def toggle_layer(self, layer: str) -> None:
        """Show or hide ``entities``, ``figures``, ``annotations`` or ``boilerplate``."""
        if layer not in self._layers:
            raise ValueError(f"unknown layer {layer!r}; layers are {', '.join(LAYERS)}")
        self._layers[layer] = not self._layers[layer]
        if layer == "boilerplate" and self.article is not None:
            self._relayout(keep=self.cursor_offset)
            self._scroll_to_cursor()
        self._restyle()
        self.post_message(self.LayersChanged(self.layers))

    def action_toggle_layer(self, layer: str) -> None:
        self.toggle_layer(layer)

    @property
    def labels(self) -> dict[str, str]:
        """Labels of the mentions on show, each with its kind ("entity" or "figure")."""
        return {span.label: span.kind for span in self._mentions.spans}

    @property
    def cursor_position(self) -> tuple[int, int]:
        """(1-based index of the cursor sentence, number of sentences), for a status line."""
        return (self._unit + 1, len(self._units))

    def annotations_at(self, start: int, end: int | None = None) -> list[Annotation]:
        """The annotations overlapping ``[start, end)`` (or covering ``start``)."""
        end = start + 1 if end is None else max(end, start + 1)
        return [span.data for span in self._annotations.overlapping(start, end)]

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
        mention = next(iter(self._mentions.overlapping(*span)), None)
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
        if self._layout is None:
            return
        self._layout.build(self._measure, self._layers["boilerplate"])
        self._rebuild_units(keep)
        self.virtual_size = Size(self._measure + len(GUTTER), len(self._layout.lines))
        self._strips.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap_if_width_changed()

    def _rewrap_if_width_changed(self) -> None:
        if self._layout is not None and self._layout.width != self._measure:
            self._relayout(keep=self.cursor_offset)
            self._scroll_to_cursor()

    def _restyle(self) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._strips.clear()
        super().notify_style_update()

    def _refresh_spans(self, *spans: tuple[int, int] | None) -> None:
        """Redraw only the lines showing these text spans."""
        if self._layout is None:
            return
        for span in spans:
            if span is None:
                continue
            lines = self._layout.lines_of_span(*span)
            for y in lines:
                self._strips.discard(y)
            self.refresh_lines(lines.start, len(lines))

    # -- drawing ---------------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        if name not in self._styles:
            style = self.get_component_rich_style(name)
            if name in ("reader--cursor", "reader--selection"):  # overlays: keep the text's own colours
                style = Style(bgcolor=style.bgcolor)
            self._styles[name] = style
        return self._styles[name]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        line_number = scroll_y + y
        base = self.rich_style
        if self._layout is None and line_number == 1:
            hint = Text(" " * len(GUTTER) + EMPTY_HINT, end="")
            hint.stylize(base + self._style("reader--meta"))
            return Strip(hint.render(self.app.console)).crop_extend(0, width, base)
        if self._layout is None or line_number >= len(self._layout.lines):
            return Strip.blank(width, base)
        if self._layout.width != self._measure:  # the region changed without a Resize (a pane appeared)
            self.call_after_refresh(self._rewrap_if_width_changed)
        strip = self._strips.get(line_number)
        if strip is None:
            strip = self._render_display_line(self._layout.lines[line_number], base)
            self._strips[line_number] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_display_line(self, line: DisplayLine, base: Style) -> Strip:
        if not line.is_text:
            style = self._style(f"reader--{line.kind}") if line.kind in ("title", "meta", "section") else Style()
            chrome = Text(" " * len(GUTTER) + line.chrome, end="")
            chrome.stylize(base + style)  # as a span: Text.render ignores a base style without spans
            return Strip(chrome.render(self.app.console))
        notes = list(self._annotations.overlapping(line.shown_start, line.end)) if self._layers["annotations"] else []
        gutter_style = base + Style(color=self._tag_colour(notes[0]).rich_color) if notes else base
        text = Text(end="")
        text.append(GUTTER if notes else " " * len(GUTTER), style=gutter_style)
        text.append(line.prefix, style=base)
        start = line.shown_start
        text.append(self.article.text[start : line.end].rstrip("\n"), style=base + self._block_style(line.kind))
        self._paint_spans(text, start, line.end, len(GUTTER) + len(line.prefix) - start, notes)
        return Strip(text.render(self.app.console))

    @staticmethod
    def _tag_colour(span) -> Color:
        return Color.from_rich_color(tag_colour(span.data.color))

    def _block_style(self, kind: str) -> Style:
        name = {"title": "reader--title", "heading": "reader--heading", "quote": "reader--quote",
                "boilerplate": "reader--boilerplate", "reference": "reader--reference"}.get(kind)
        return self._style(name) if name else Style()

    def _paint_spans(self, text: Text, start: int, end: int, shift: int, notes: list) -> None:
        """Layer styles onto one line: annotations, mentions, reference markers, cursor, selection."""
        for span in notes:
            tint = self._tag_colour(span).blend(self.background_colors[1], 0.7).rich_color
            text.stylize(Style(bgcolor=tint), max(span.start, start) + shift, min(span.end, end) + shift)
        dark = self.app.current_theme.dark
        for span in self._mentions.overlapping(start, end):
            if self._layers["entities" if span.kind == "entity" else "figures"]:
                text.stylize(label_style(span.label).style(dark), max(span.start, start) + shift, min(span.end, end) + shift)
        for span in self._markers.overlapping(start, end):
            text.stylize(self._style("reader--marker"), span.start + shift, span.end + shift)
        cursor = self._cursor_span()
        if cursor and cursor[0] < end and cursor[1] > start:
            text.stylize(self._style("reader--cursor"), max(cursor[0], start) + shift, min(cursor[1], end) + shift)
        if self._selection and self._selection[0] < end and self._selection[1] > start:
            s0, s1 = self._selection
            text.stylize(self._style("reader--selection"), max(s0, start) + shift, min(s1, end) + shift)
