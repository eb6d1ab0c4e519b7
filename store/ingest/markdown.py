"""Markdown articles: block structure from markdown-it-py, offsets into the Markdown source as written.

Headings, paragraphs, block quotes (``quote``, one block each), list items (``list``, level = depth),
code, tables and HTML (``paragraph``), front matter and thematic breaks (``boilerplate``: kept, hidden).
markdown-it stops nesting at ``maxNesting`` (20); lines it drops beyond that stay as paragraphs, so every
non-blank line belongs to a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from store.ingest.blocks import find_boilerplate
from store.ingest.references import find_references
from store.ingest.sentences import split_sentences
from store.ingest.text import line_spans, title_from_sentences
from store.model import Block, ParsedArticle, article_metadata

# Only block structure is needed: skipping inline parsing keeps big files fast.
_PARSER = MarkdownIt("commonmark").use(front_matter_plugin).enable("table").disable(
    ["inline", "linkify", "replacements", "smartquotes", "text_join"]
)
# Inline markup that should not show in a title: links keep their text; emphasis and code marks go.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)$", re.MULTILINE)
_FRONT_MATTER_FIELDS = {
    "title": "title", "source": "source", "url": "url", "link": "url", "date": "published",
    "published": "published", "byline": "byline", "author": "byline",
}
_LEAF_KINDS = {"fence": "paragraph", "code_block": "paragraph", "html_block": "paragraph",
               "table_open": "paragraph", "hr": "boilerplate", "front_matter": "boilerplate"}


@dataclass
class _Candidate:
    first_line: int
    end_line: int
    kind: str
    level: int = 0
    heading: str | None = None


def plain_heading(source: str) -> str:
    """A heading's text without Markdown inline markup: ``**Big** [news](u)`` → ``Big news``."""
    return " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", source)).split())


def front_matter_fields(content: str) -> dict[str, str]:
    """The metadata keys Broadsheet reads from front matter (``key: value`` lines, quotes removed)."""
    fields: dict[str, str] = {}
    for key, value in _FRONT_MATTER_LINE.findall(content):
        name = _FRONT_MATTER_FIELDS.get(key.lower())
        value = value.strip().strip("'\"").strip()
        if name and value and name not in fields:
            fields[name] = value
    return fields


def _candidates(tokens) -> tuple[list[_Candidate], dict[str, str]]:
    """Walk the token stream into line-range candidates (children of quotes are part of the quote)."""
    found: list[_Candidate] = []
    metadata: dict[str, str] = {}
    quote_depth = list_depth = 0
    open_item: _Candidate | None = None
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "blockquote_open":
            if quote_depth == 0 and list_depth == 0:
                found.append(_Candidate(token.map[0], token.map[1], "quote"))
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif quote_depth:
            continue
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "list_item_open":
            open_item = _Candidate(token.map[0], token.map[0] + 1, "list", list_depth)
            found.append(open_item)
        elif kind == "paragraph_open" and open_item is not None and token.map[0] == open_item.first_line:
            open_item.end_line = token.map[1]
        elif kind in ("paragraph_open", "heading_open") or kind in _LEAF_KINDS:
            if kind == "front_matter":
                metadata = front_matter_fields(token.content)
            if list_depth:
                found.append(_Candidate(token.map[0], token.map[1], "list", list_depth))
            elif kind == "heading_open":
                text = plain_heading(tokens[index + 1].content)
                found.append(_Candidate(token.map[0], token.map[1], "heading", int(token.tag[1:]), text))
            else:
                found.append(_Candidate(token.map[0], token.map[1], _LEAF_KINDS.get(kind, "paragraph")))
        if kind == "list_item_close":
            open_item = None
    return found, metadata


def _to_blocks(text: str, candidates: list[_Candidate]) -> tuple[list[Block], list[str | None]]:
    """Line ranges → trimmed character spans; overlaps clipped, uncovered lines become paragraphs."""
    lines = _all_lines(text)
    owner: list[int | None] = [None] * len(lines)
    candidates.sort(key=lambda c: c.first_line)
    for number, candidate in enumerate(candidates):
        for line in range(candidate.first_line, min(candidate.end_line, len(lines))):
            if owner[line] is None:
                owner[line] = number
    blocks: list[Block] = []
    headings: list[str | None] = []
    line = 0
    while line < len(lines):
        owned_by = owner[line]
        last = line
        while last + 1 < len(lines) and owner[last + 1] == owned_by and (owned_by is not None or lines[last + 1][2]):
            last += 1
        if lines[line][2] or owned_by is not None:
            candidate = candidates[owned_by] if owned_by is not None else _Candidate(line, last + 1, "paragraph")
            span = _trim(text, lines[line][0], lines[last][1])
            if span:
                blocks.append(Block(candidate.kind, span[0], span[1], candidate.level))
                headings.append(candidate.heading)
        line = last + 1
    return blocks, headings


def _all_lines(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, has_content)`` of every line, blank ones included (markdown-it counts them)."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append((start, end, bool(line.strip())))
        start = end + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    stripped = text[start:end]
    left = len(stripped) - len(stripped.lstrip())
    right = len(stripped.rstrip())
    return (start + left, start + right) if right > left else None


def _split_references(text: str, blocks: list[Block], headings: list[str | None]):
    """Paragraph and list lines that are reference entries (``[1] Publisher - "Title"`` + URL/Date lines,
    or numbered items under a "References"/"Sources" heading) → reference blocks, one per line."""
    pieces: list[tuple[int, int]] = []
    members_of: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        if block.kind in ("paragraph", "list", "heading"):
            for start, end, _ in line_spans(text[block.start:block.end]):
                members_of.setdefault(index, []).append(len(pieces))
                pieces.append((block.start + start, block.start + end))
    references, used = find_references(text, pieces)
    if not used:
        return blocks, headings, references
    split_blocks: list[Block] = []
    split_headings: list[str | None] = []
    for index, block in enumerate(blocks):
        members = members_of.get(index, [])
        if not any(n in used for n in members):
            split_blocks.append(block)
            split_headings.append(headings[index])
            continue
        for n in members:
            split_blocks.append(Block("reference" if n in used else "paragraph", *pieces[n]))
            split_headings.append(None)
    return split_blocks, split_headings, references


def parse_markdown(text: str, key: str) -> ParsedArticle:
    """Parse cleaned Markdown source into an article whose blocks point into that source."""
    candidates, metadata = _candidates(_PARSER.parse(text))
    blocks, headings = _to_blocks(text, candidates)
    blocks, headings, references = _split_references(text, blocks, headings)
    flags = find_boilerplate([text[b.start:b.end] for b in blocks], [b.kind for b in blocks])
    blocks = [Block("boilerplate", b.start, b.end) if flag and b.kind != "boilerplate" else b
              for b, flag in zip(blocks, flags, strict=False)]
    title = metadata.pop("title", None)
    first = next((i for i, b in enumerate(blocks) if b.kind not in ("boilerplate", "reference")), None)
    if first is not None and blocks[first].kind == "heading":
        heading = headings[first]
        if title is None or " ".join(title.split()).casefold() == " ".join((heading or "").split()).casefold():
            title = title or heading
            blocks[first] = Block("title", blocks[first].start, blocks[first].end, blocks[first].level)
    sentences = split_sentences(text, blocks)
    if not title:
        title = title_from_sentences(text, blocks, sentences)
    return ParsedArticle(key=key, text=text, title=title, blocks=blocks, sentences=sentences,
                         references=references, **article_metadata(metadata))
