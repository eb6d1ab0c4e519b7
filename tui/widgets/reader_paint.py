"""Drawing the reader's lines: a plain object the ``Reader`` holds (``reader.painter``) that turns one display
line into a ``Strip`` with every layer on it — annotations, mentions, reference markers, the cursor and the
selection — reading them from the reader, and caches the reader's component styles."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.strip import Strip

from tui.styles import label_style, tag_colour
from tui.widgets.reader_layout import GUTTER, DisplayLine

if TYPE_CHECKING:
    from tui.widgets.reader import Reader


class ReaderPainter:
    """Paints display lines for one reader."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.styles: dict[str, Style] = {}

    def style(self, name: str) -> Style:
        """The reader's component style ``name`` (kept until the reader's styles change)."""
        if name not in self.styles:
            style = self.reader.get_component_rich_style(name)
            if name in ("reader--cursor", "reader--selection"):  # overlays: keep the text's own colours
                style = Style(bgcolor=style.bgcolor)
            self.styles[name] = style
        return self.styles[name]

    def line(self, line: DisplayLine, base: Style) -> Strip:
        """One display line of the article as a strip, every layer painted."""
        reader = self.reader
        if not line.is_text:
            style = self.style(f"reader--{line.kind}") if line.kind in ("title", "meta", "section") else Style()
            chrome = Text(" " * len(GUTTER) + line.chrome, end="")
            chrome.stylize(base + style)  # as a span: Text.render ignores a base style without spans
            return Strip(chrome.render(reader.app.console))
        shown = reader.layers_shown["annotations"]
        notes = list(reader.annotation_index.overlapping(line.shown_start, line.end)) if shown else []
        gutter_style = base + Style(color=self._tag_colour(notes[0]).rich_color) if notes else base
        text = Text(end="")
        text.append(GUTTER if notes else " " * len(GUTTER), style=gutter_style)
        text.append(line.prefix, style=base)
        start = line.shown_start
        text.append(reader.article.text[start : line.end].rstrip("\n"), style=base + self._block_style(line.kind))
        self._paint_spans(text, start, line.end, len(GUTTER) + len(line.prefix) - start, notes)
        return Strip(text.render(reader.app.console))

    @staticmethod
    def _tag_colour(span) -> Color:
        return Color.from_rich_color(tag_colour(span.data.color))

    def _block_style(self, kind: str) -> Style:
        name = {"title": "reader--title", "heading": "reader--heading", "quote": "reader--quote",
                "boilerplate": "reader--boilerplate", "reference": "reader--reference"}.get(kind)
        return self.style(name) if name else Style()

    def _paint_spans(self, text: Text, start: int, end: int, shift: int, notes: list) -> None:
        """Layer styles onto one line: annotations, mentions, reference markers, cursor, selection."""
        reader = self.reader
        for span in notes:
            tint = self._tag_colour(span).blend(reader.background_colors[1], 0.7).rich_color
            text.stylize(Style(bgcolor=tint), max(span.start, start) + shift, min(span.end, end) + shift)
        dark = reader.app.current_theme.dark
        for span in reader.mention_index.overlapping(start, end):
            if reader.layers_shown["entities" if span.kind == "entity" else "figures"]:
                text.stylize(label_style(span.label).style(dark), max(span.start, start) + shift,
                             min(span.end, end) + shift)
        for span in reader.markers.overlapping(start, end):
            text.stylize(self.style("reader--marker"), span.start + shift, span.end + shift)
        cursor, selection = reader.navigation.cursor_span, reader.navigation.explicit
        if cursor and cursor[0] < end and cursor[1] > start:
            text.stylize(self.style("reader--cursor"), max(cursor[0], start) + shift, min(cursor[1], end) + shift)
        if selection and selection[0] < end and selection[1] > start:
            s0, s1 = selection
            text.stylize(self.style("reader--selection"), max(s0, start) + shift, min(s1, end) + shift)

    def hint_line(self, hint: str, index: int, width: int, base: Style) -> Strip:
        """Line ``index`` of ``hint`` (shown before an article is open), wrapped to the pane."""
        lines = textwrap.wrap(hint, max(10, width - 2 * len(GUTTER)))
        if not 0 <= index < len(lines):
            return Strip.blank(width, base)
        text = Text(" " * len(GUTTER) + lines[index], end="")
        text.stylize(base + self.style("reader--meta"))
        return Strip(text.render(self.reader.app.console)).crop_extend(0, width, base)
