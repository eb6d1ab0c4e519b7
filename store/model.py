"""Plain data passed between the text-processing layers, the database layer and the faces.

What the text-processing layers produce (blocks, references, parsed articles, mentions) and the records the
store returns (annotations, stored mentions and quotes): slotted dataclasses, each record with ``to_json()``
giving the JSON contract the command line prints. Every offset is a code-point offset into one article's
stored text (Python ``str`` indexing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

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


class ArticleMetadata(TypedDict):
    """What a file may say about its article besides the title (front matter, record fields)."""

    source: str | None
    url: str | None
    published: str | None
    byline: str | None


def article_metadata(fields: Mapping[str, str | None]) -> ArticleMetadata:
    """The metadata among ``fields`` (missing keys are None)."""
    return ArticleMetadata(
        source=fields.get("source"), url=fields.get("url"), published=fields.get("published"),
        byline=fields.get("byline")
    )


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

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of a mention (``broadsheet extract``): optional keys only when set, a range's value
        as ``[low, high]``."""
        return _mention_json(self)


@dataclass(frozen=True, slots=True)
class StoredMention:
    """A mention as stored: the extracted :class:`Mention` plus the article it belongs to.

    ``subject`` and ``metric`` are set on a figure the ledger linked to a claim (see ``store.ledger``)."""

    article_id: int
    path: str
    start: int
    end: int
    text: str
    kind: str
    label: str
    entity: str | None = None
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    hedge: str | None = None
    subject: str | None = None
    metric: str | None = None

    def to_json(self) -> dict[str, Any]:
        """``broadsheet mentions --json``: the article, then the mention as ``broadsheet extract`` prints it."""
        return {"article_id": self.article_id, "path": self.path, **_mention_json(self)}


def _mention_json(mention: Mention | StoredMention) -> dict[str, Any]:
    data: dict[str, Any] = {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "kind": mention.kind,
        "label": mention.label,
    }
    for key in ("entity", "value", "unit", "hedge"):
        if getattr(mention, key) is not None:
            data[key] = getattr(mention, key)
    if mention.value_high is not None:
        data["value"] = [mention.value, mention.value_high]
    return data


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """A direct quote as stored, with the article it belongs to; ``start``/``end`` cover the quoted words."""

    article_id: int
    path: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_entity: str | None
    cue: str | None
    # Where else in the corpus the quote appears (:func:`store.echoes.with_echoes` fills it for the reader);
    # not part of the ``quotes --json`` contract.
    echoes: tuple[dict[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """``broadsheet quotes --json``: every stored field."""
        return {
            "article_id": self.article_id,
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "speaker_entity": self.speaker_entity,
            "cue": self.cue,
        }


ANNOTATION_JSON_FIELDS = (
    "id",
    "article_id",
    "path",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "tags",
    "note",
    "anchor",
    "score",
    "created",
    "updated",
    "figure_changed",
)


@dataclass(frozen=True, slots=True)
class Annotation:
    """A span of an article with tags and a note, and the selector made at its creation.

    ``start``/``end`` are None for an orphan (its text is gone); ``exact``, ``prefix``, ``suffix``,
    ``quote_start``, ``quote_end`` and ``text_hash`` are the creation selector that re-anchoring starts from.
    ``tags`` are in the user's order, ``colors`` maps each to its colour. ``path`` and ``title`` are the
    article's (empty on a record not read from the database, e.g. one being imported).
    """

    id: int
    article_id: int
    start: int | None
    end: int | None
    exact: str
    prefix: str
    suffix: str
    quote_start: int | None
    quote_end: int | None
    text_hash: str | None
    note: str
    anchor: str
    score: float | None
    created: str
    updated: str
    figure_changed: bool = False  # re-anchored approximately over a figure whose value was edited
    tags: tuple[str, ...] = ()
    colors: Mapping[str, str | None] = field(default_factory=dict)
    path: str = ""
    title: str = ""

    @property
    def color(self) -> str | None:
        """The first tag's colour, which underlines the annotation; None when untagged."""
        return self.colors.get(self.tags[0]) if self.tags else None

    @property
    def tag_colors(self) -> list[tuple[str, str | None]]:
        """(name, colour) of each tag, in the user's order."""
        return [(tag, self.colors.get(tag)) for tag in self.tags]

    def to_json(self) -> dict[str, Any]:
        """``broadsheet annotations --json``: the fields scripts see (``tags`` a list)."""
        data = {key: getattr(self, key) for key in ANNOTATION_JSON_FIELDS}
        data["tags"] = list(self.tags)
        return data
