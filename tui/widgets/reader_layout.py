"""Turning an article into display lines for the reader: wrapping with offsets, cached per block and width.

A display line is either a slice ``text[start:end]`` of the article (with a prefix such as a bullet or a
quote bar) or a piece of chrome (the metadata line, blank lines, the "References" heading). Keeping the
offsets on every line lets the reader map cursor, mentions and mouse clicks between text and screen.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len

from tui.text import plural

if TYPE_CHECKING:
    from store.model import Block

_WORD = re.compile(r"\S+\s*|\s+")
# Characters one cell wide (Latin, Greek, Cyrillic, general punctuation, currency): text made only of
# these is wrapped by position (``_wrap_one_cell``), which makes wrapping a long article much faster.
_ONE_CELL_TEXT = re.compile(r"[\n\u0020-\u007e\u00a0-\u02ff\u0370-\u04ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]*")
GUTTER = "▍ "  # left of every line; the bar is coloured on lines that carry an annotation
QUOTE_PREFIX = "│ "
BULLET = "• "


@dataclass(frozen=True, slots=True)
class DisplayLine:
    """One screen line. ``start``/``end`` are text offsets, or -1 for chrome lines that carry ``chrome``."""

    start: int
    end: int
    kind: str  # a block kind, or "meta", "blank", "section" for chrome
    prefix: str = ""
    chrome: str = ""
    hidden: int = 0  # characters of markup (``## ``, ``- ``, ``> ``) at ``start`` that are not drawn

    @property
    def is_text(self) -> bool:
        return self.start >= 0

    @property
    def shown_start(self) -> int:
        """The offset of the first character drawn."""
        return self.start + self.hidden


def wrap_span(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Wrap ``text[start:end]`` to ``width`` cells at word boundaries; returns (start, end) offsets per line.

    Hard line breaks inside the span start a new line. Trailing spaces stay on the line they follow (they
    are cropped when drawn), so every offset in the span belongs to exactly one line. Words longer than the
    width are split between characters.
    """
    width = max(1, width)
    one_cell = _ONE_CELL_TEXT.fullmatch(text, start, end) is not None
    lines: list[tuple[int, int]] = []
    for piece in _split_hard_lines(text, start, end):
        if one_cell:
            lines += _wrap_one_cell(text, piece[0], piece[1], width)
            continue
        line_start, used = piece[0], 0
        for match in _WORD.finditer(text, piece[0], piece[1]):
            word_start, word_end = match.span()
            visible = cell_len(match.group().rstrip())
            if used and used + visible > width:
                lines.append((line_start, word_start))
                line_start, used = word_start, 0
            while visible > width:  # a word wider than the line: cut it where it fills the line
                cut = _cut_at_width(text, word_start, word_end, width)
                lines.append((word_start, cut))
                word_start = line_start = cut
                visible = cell_len(text[word_start:word_end].rstrip())
            used += cell_len(text[word_start:word_end])
        lines.append((line_start, piece[1]))
    return lines


def _wrap_one_cell(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """``wrap_span`` for one line of text whose characters are all one cell wide: break at the last space
    that fits, found with ``rfind`` instead of measuring word by word."""
    lines, position = [], start
    while end - position > width:
        cut = text.rfind(" ", position, position + width + 1)
        if cut <= position or not text[position:cut].strip():  # no space to break at: cut the word
            lines.append((position, position + width))
            position += width
            continue
        following = cut + 1
        while following < end and text[following] == " ":
            following += 1
        lines.append((position, following))
        position = following
    lines.append((position, end))
    return lines


def _split_hard_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, position = [], start
    while (newline := text.find("\n", position, end)) != -1:
        pieces.append((position, newline))
        position = newline + 1
    pieces.append((position, end))
    return pieces


def _cut_at_width(text: str, start: int, end: int, width: int) -> int:
    used = 0
    for index in range(start, end):
        used += cell_len(text[index])
        if used > width:
            return max(index, start + 1)
    return end


class ReaderLayout:
    """The display lines of one article at one width; wrapped blocks are cached so that showing or hiding
    a layer re-assembles lines without re-wrapping, and only a width change re-wraps."""

    def __init__(self, text: str, blocks: list[Block], title: str, meta: str) -> None:
        self.text = text
        self.blocks = blocks
        self.title = title
        self.meta = meta
        self.width = 0
        self.lines: list[DisplayLine] = []
        self._wrapped: dict[int, list[DisplayLine]] = {}
        self._text_line_starts: list[int] = []
        self._text_line_index: list[int] = []

    def build(self, width: int, show_boilerplate: bool) -> None:
        """Lay out every visible block at ``width`` cells."""
        if width != self.width:
            self._wrapped.clear()
            self.width = width
        lines: list[DisplayLine] = []
        has_title_block = any(block.kind == "title" for block in self.blocks)
        if not has_title_block:
            lines += [DisplayLine(-1, -1, "title", chrome=part) for part in _wrap_plain(self.title, width)]
            lines += self._meta_lines()
        previous: Block | None = None
        for index, block in enumerate(self.blocks):
            if block.kind == "boilerplate" and not show_boilerplate:
                continue
            continues_run = previous is not None and block.kind == previous.kind and block.kind in ("list", "reference")
            if lines and not continues_run:
                lines.append(DisplayLine(-1, -1, "blank"))
            if block.kind == "reference" and not continues_run and (previous is None or previous.kind != "heading"):
                lines.append(DisplayLine(-1, -1, "section", chrome="References"))
            lines += self._block_lines(index, block)
            if block.kind == "title":
                lines += self._meta_lines()
            previous = block
        self.lines = lines
        self._text_line_index = [i for i, line in enumerate(lines) if line.is_text]
        self._text_line_starts = [lines[i].start for i in self._text_line_index]

    def _meta_lines(self) -> list[DisplayLine]:
        if not self.meta:
            return []
        return [DisplayLine(-1, -1, "meta", chrome=part) for part in _wrap_plain(self.meta, self.width)]

    def _block_lines(self, index: int, block: Block) -> list[DisplayLine]:
        if index not in self._wrapped:
            marker = block_marker(self.text, block)
            first, rest = _prefixes(block, self.text[block.start : block.end])
            spans = wrap_span(self.text, block.start + marker, block.end, self.width - cell_len(first))
            lines = [DisplayLine(start, end, block.kind, first if n == 0 else rest)
                     for n, (start, end) in enumerate(spans)]
            # the first line owns the hidden marker, so offsets inside it still map to a line
            lines[0] = DisplayLine(block.start, lines[0].end, block.kind, first, hidden=marker)
            self._wrapped[index] = lines
        return self._wrapped[index]

    def line_of_offset(self, offset: int) -> int:
        """The display line showing ``offset`` (or the nearest text line before it)."""
        if not self._text_line_starts:
            return 0
        position = max(0, bisect_right(self._text_line_starts, offset) - 1)
        return self._text_line_index[position]

    def lines_of_span(self, start: int, end: int) -> range:
        """The display lines a text span covers."""
        first = self.line_of_offset(start)
        last = self.line_of_offset(max(start, end - 1))
        return range(first, last + 1)

    def offset_at(self, y: int, x: int) -> int | None:
        """The text offset drawn at cell ``x`` of display line ``y``; None on chrome lines."""
        if not 0 <= y < len(self.lines) or not self.lines[y].is_text:
            return None
        line = self.lines[y]
        used = cell_len(line.prefix)
        if x < used:
            return line.shown_start
        for index in range(line.shown_start, line.end):
            used += cell_len(self.text[index])
            if used > x:
                return index
        return line.end


_MARKERS = {
    "title": re.compile(r"#\s+"),
    "heading": re.compile(r"#{1,6}\s+"),
    "quote": re.compile(r">\s?"),
    "list": re.compile(r"[-*+•◦▪‣–]\s+"),
}
_NUMBERED = re.compile(r"(?:\d{1,3}|[a-zA-Z])[.)]\s+")


def block_marker(text: str, block: Block) -> int:
    """How many characters of Markdown-like markup open the block (``## ``, ``- ``, ``> ``), not drawn:
    the reader draws headings bold, bullets and quote bars itself."""
    pattern = _MARKERS.get(block.kind)
    match = pattern.match(text, block.start, block.end) if pattern else None
    return match.end() - block.start if match else 0


def _prefixes(block: Block, text: str) -> tuple[str, str]:
    """The prefix of the first and of the following lines of a block; numbered items keep their number in
    the text (``text`` is the block's) and indent their following lines under it."""
    if block.kind == "quote":
        return QUOTE_PREFIX, QUOTE_PREFIX
    if block.kind == "list":
        indent = "  " * max(0, block.level - 1)
        if number := _NUMBERED.match(text):
            return indent, indent + " " * len(number.group())
        return indent + BULLET, indent + " " * len(BULLET)
    return "", ""


def _wrap_plain(text: str, width: int) -> list[str]:
    return [text[start:end].rstrip() for start, end in wrap_span(text, 0, len(text), width)]


def meta_line(article) -> str:
    """``source · by byline · date · url · N words · revised N times · via feeds`` with the parts the article has."""
    parts = [article.source, article.byline and f"by {article.byline}", article.published, article.url,
             plural(article.words, "word"), revised(article), article.feeds and f"via {', '.join(article.feeds)}"]
    return " · ".join(part for part in parts if part)


def revised(article) -> str:
    """``revised once``, ``revised 3 times``; empty for an article whose text never changed."""
    edits = getattr(article, "revisions", 1) - 1
    return "" if edits < 1 else "revised once" if edits == 1 else f"revised {edits} times"
