"""What the reader tells its host: where the cursor is, what is selected, which layers show, what the user taught.

Defined here and exposed on :class:`tui.widgets.reader.Reader` (``Reader.PositionChanged`` …); the ``reader``
namespace keeps their handler names ``on_reader_position_changed`` and so on.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class PositionChanged(Message, namespace="reader"):
    """The cursor moved; ``offset`` is where the article should reopen."""

    article_id: int
    offset: int


@dataclass
class SelectionChanged(Message, namespace="reader"):
    """The selection (explicit, or the cursor sentence) changed."""

    article_id: int
    start: int
    end: int
    text: str


@dataclass
class LayersChanged(Message, namespace="reader"):
    """A layer was shown or hidden, or what the layers hold changed (new article, new mentions)."""

    layers: dict[str, bool]


@dataclass
class TeachRequested(Message, namespace="reader"):
    """The user taught the extractor about ``text`` in the article on show: it is an entity (``what`` is
    ``"entity"``, of ``label``, or of a label still to choose when None), or it is no mention (``"suppress"``,
    at ``start`` only, or everywhere when ``start`` is None). Whoever hosts the reader stores it."""

    article_id: int
    what: str
    text: str
    label: str | None = None
    start: int | None = None
