"""Span bookkeeping for the reader: mentions, annotations, reference markers and cursor units over one text.

Pure functions and small classes (no Textual), so the navigation rules are testable on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from store.model import Annotation, Block, Mention, Reference, StoredMention


_MARKER = re.compile(r"\[(\d{1,3})\]")
_WORD = re.compile(r"[$€£¥]?\w+(?:[-'’.,]\w+)*%?")


class Span(NamedTuple):
    """A styled range of the text: a mention (``label``, ``kind``) or an annotation; ``data`` is its record.

    A named tuple, not a dataclass: an article can have thousands, built each time one is opened."""

    start: int
    end: int
    label: str = ""
    kind: str = ""
    data: Any = None  # the Annotation, StoredMention or Mention the span stands for


def mention_spans(mentions: Iterable[StoredMention | Mention]) -> list[Span]:
    """Mentions (stored, or as extracted) as spans sorted by position."""
    spans = [Span(m.start, m.end, m.label or "OTHER", m.kind or "entity", m) for m in mentions]
    spans.sort(key=lambda span: (span.start, -span.end))
    return spans


def annotation_spans(annotations: Iterable[Annotation] | None) -> list[Span]:
    """Anchored annotations as spans; orphans (no position) are left out of the text."""
    spans = [
        Span(a.start, a.end, kind="annotation", data=a)
        for a in annotations or ()
        if a.start is not None and a.end is not None and a.end > a.start
    ]
    return sorted(spans, key=lambda span: (span.start, -span.end))


class SpanIndex:
    """Sorted spans with fast lookups by position."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [span.start for span in spans]
        self._longest = max((span.end - span.start for span in spans), default=0)

    def overlapping(self, start: int, end: int) -> Iterator[Span]:
        """Spans that share at least one character with ``[start, end)``."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        for span in self.spans[first:last]:
            if span.end > start:
                yield span

    def covering(self, offset: int) -> list[Span]:
        """Spans containing ``offset``."""
        return list(self.overlapping(offset, offset + 1))

    def next_after(self, offset: int, visible=lambda span: True) -> Span | None:
        """The first visible span starting after ``offset``."""
        for span in self.spans[bisect_right(self._starts, offset):]:
            if visible(span):
                return span
        return None

    def previous_before(self, offset: int, visible=lambda span: True) -> Span | None:
        """The last visible span starting before ``offset``."""
        for span in reversed(self.spans[: bisect_left(self._starts, offset)]):
            if visible(span):
                return span
        return None


def reference_markers(text: str, blocks: list[Block], references: list[Reference]) -> list[Span]:
    """``[n]`` markers in the body that point at one of the article's references (label holds ``n``)."""
    numbers = {reference.n for reference in references}
    markers = []
    for block in blocks:
        if block.kind == "reference":
            continue
        for match in _MARKER.finditer(text, block.start, block.end):
            if int(match.group(1)) in numbers:
                markers.append(Span(match.start(), match.end(), match.group(1), "marker"))
    return markers


def cursor_units(text: str, sentences: list[tuple[int, int]], blocks: list[Block]) -> list[tuple[int, int]]:
    """The ranges the sentence cursor steps through among ``blocks`` (the visible ones): each sentence, and
    each stretch of a block no sentence covers, so headings and references are reachable too."""
    units: list[tuple[int, int]] = []
    starts = [start for start, _ in sentences]
    for block in blocks:
        position = block.start
        for start, end in sentences[bisect_left(starts, block.start):]:
            if start >= block.end:
                break
            units.append((position, start))
            units.append((start, min(end, block.end)))
            position = max(position, min(end, block.end))
        units.append((position, block.end))
    return [(start, end) for start, end in units if text[start:end].strip()]


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Words of ``text[start:end]`` (currency signs, inner hyphens/apostrophes and a trailing % included)."""
    return [match.span() for match in _WORD.finditer(text, start, end)]


def unit_index(unit_starts: list[int], offset: int) -> int:
    """The index of the unit containing ``offset`` (or the last one starting before it), given unit starts."""
    return max(0, bisect_right(unit_starts, offset) - 1)
