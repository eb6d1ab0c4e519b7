"""Plain data passed between the text-processing layers and the database layer.

Every offset is a code-point offset into one article's stored text (Python ``str`` indexing).
"""

from __future__ import annotations

from dataclasses import dataclass, field

BLOCK_KINDS = ("title", "heading", "paragraph", "quote", "list", "reference", "boilerplate")


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of an article: one line of a ``.txt``, one Markdown block."""

    kind: str
    start: int
    end: int
    level: int = 0  # heading level or list depth; 0 where it means nothing


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of a references section, e.g. ``[1] Reuters - "Title"`` with its URL and date lines."""

    n: int
    publisher: str | None
    title: str | None
    url: str | None
    date: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RawPage:
    """A web page as read or fetched, kept (compressed) beside its article so the text can be derived again.

    ``data`` is the page as served (any gzip undone); ``encoding`` the codec its text was read with;
    ``extractor`` the HTML extractor version that derived the article's text from it."""

    data: bytes
    encoding: str
    extractor: str
    content_type: str | None = None
    final_url: str | None = None  # where a fetched page was found, after redirects
    etag: str | None = None  # validators for the next conditional request
    last_modified: str | None = None


@dataclass(slots=True)
class ParsedArticle:
    """An article as read from a file, before it touches the database.

    ``key`` identifies the article across re-imports: the file path, or ``path#id`` for one record of a
    JSON Lines file.
    """

    key: str
    text: str
    title: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    byline: str | None = None
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page: RawPage | None = None  # the web page the article was read from, if it was one


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a file, or one line of it, was not imported. ``str()`` gives the one-line message users see."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity or a figure found in text.

    ``value``/``value_high`` hold the parsed number (``value_high`` only for ranges); for dates ``unit`` is
    the ISO date (``2026-02-06``, ``2020-03``) and ``value`` its ordinal day when known.
    """

    start: int
    end: int
    text: str
    kind: str  # "entity" | "figure"
    label: str
    entity: str | None = None
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    hedge: str | None = None
