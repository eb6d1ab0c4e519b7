"""Plain-text articles (``.txt``, and the text of JSON records): one paragraph per line.

Line kinds, in order of precedence: reference entries (with their URL/Date lines), boilerplate, the title
(first content line when it reads as a headline), list items (``- ``, ``* ``, ``• ``, ``1. ``, ``1) `` —
numbered section lines are always ``list`` items, never headings, so a numbered outline reads alike
everywhere), headings (see :func:`store.ingest.blocks.heading_kind`), paragraphs.
"""

from __future__ import annotations

import re

from store.ingest.blocks import find_boilerplate, heading_kind, list_marker, reads_as_headline
from store.ingest.references import find_references
from store.ingest.sentences import split_sentences
from store.model import Block, ParsedArticle, article_metadata

# A line's indentation and its content without surrounding whitespace; blank lines do not match.
_LINE = re.compile(r"^([^\S\n]*)(\S(?:[^\n]*\S)?)", re.MULTILINE)
_SPACES = re.compile(r"\s+")
# "By Jane Doe", "By Jane Doe and John Roe | Feb 6, 2026", "By Ann Lee, Reuters": the names before any separator.
_BYLINE = re.compile(
    r"By\s+(?P<name>\w[\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|da|di|la|le|bin|al))*)"
    r"\s*(?:[|•,;–—-].*)?\Z"
)
BYLINE_SEARCH_LINES = 3
TITLE_LIMIT = 80
HEADING_LEVEL = 2


def line_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, indent)`` of every non-blank line, whitespace-trimmed."""
    return [(m.start(2), m.end(2), len(m.group(1).expandtabs(4))) for m in _LINE.finditer(text)]


def short_title(sentence: str, limit: int = TITLE_LIMIT) -> str:
    """A title made from a sentence: whole if short, else cut at a word boundary with an ellipsis."""
    sentence = _SPACES.sub(" ", sentence).strip()
    if len(sentence) <= limit:
        return sentence.rstrip(".") or sentence
    cut = sentence.rfind(" ", 0, limit)
    head = sentence[: cut if cut > limit // 2 else limit].rstrip(" ,;:–—-")
    return head + "…"


def _same_words(a: str, b: str) -> bool:
    return _SPACES.sub(" ", a).strip().casefold() == _SPACES.sub(" ", b).strip().casefold()


def find_byline(line: str) -> str | None:
    """The author names of a short "By …" line without a final full stop, else None."""
    match = _BYLINE.match(line)
    if not match or line.endswith(".") or len(line.split()) > 12 or not match.group("name")[0].isupper():
        return None
    return match.group("name")


def classify_lines(text: str, given_title: str | None = None):
    """Blocks, references, the title line index (or None) and the byline of a paragraph-per-line text.

    A byline ("By Jane Doe") among the first lines stays a paragraph rather than reading as a heading.
    """
    spans = line_spans(text)
    lines = [text[start:end] for start, end, _ in spans]
    references, reference_lines = find_references(text, [(start, end) for start, end, _ in spans])
    kinds = ["reference" if index in reference_lines else "paragraph" for index in range(len(lines))]
    for index, is_boilerplate in enumerate(find_boilerplate(lines, kinds)):
        if is_boilerplate:
            kinds[index] = "boilerplate"
    content = [index for index, kind in enumerate(kinds) if kind == "paragraph"]
    title_index = None
    if content:
        first = content[0]
        if given_title is not None:
            title_index = first if _same_words(lines[first], given_title) else None
        elif reads_as_headline(lines[first]) and len(content) > 1:
            title_index = first
    byline = byline_index = None
    for index in content[:BYLINE_SEARCH_LINES]:
        if index != title_index and (byline := find_byline(lines[index])):
            byline_index = index
            break
    for position, index in enumerate(content):
        if index == byline_index:
            continue
        if index == title_index:
            kinds[index] = "title"
        elif list_marker(lines[index]):
            kinds[index] = "list"
        else:
            following = lines[content[position + 1]] if position + 1 < len(content) else None
            if heading_kind(lines[index], following):
                kinds[index] = "heading"
    blocks = [
        Block(kind, start, end, _level(kind, indent))
        for kind, (start, end, indent) in zip(kinds, spans, strict=False)
    ]
    return blocks, references, title_index, byline


def _level(kind: str, indent: int) -> int:
    if kind == "list":
        return 1 + min(indent // 2, 5)
    if kind == "heading":
        return HEADING_LEVEL
    if kind == "title":
        return 1
    return 0


def title_from_sentences(text: str, blocks: list[Block], sentences: list[tuple[int, int]]) -> str:
    """The first sentence of the first readable block, shortened; the first sentence at all otherwise."""
    readable = [b for b in blocks if b.kind not in ("boilerplate", "reference")] or blocks
    if not readable:
        return ""
    first = readable[0]
    for start, end in sentences:
        if first.start <= start < first.end:
            return short_title(text[start:end])
    return short_title(text[first.start:first.end])


def parse_text(
    text: str,
    key: str,
    title: str | None = None,
    **metadata: str | None,
) -> ParsedArticle:
    """Parse cleaned text into an article. ``title`` (from a record's field) overrides title detection;
    ``metadata`` fills ``source``, ``url``, ``published`` and ``byline``."""
    blocks, references, title_index, byline = classify_lines(text, title)
    if byline and not metadata.get("byline"):
        metadata["byline"] = byline
    sentences = split_sentences(text, blocks)
    if title is None:
        if title_index is not None:
            block = blocks[title_index]
            title = _SPACES.sub(" ", text[block.start:block.end])
        else:
            title = title_from_sentences(text, blocks, sentences)
    return ParsedArticle(
        key=key, text=text, title=title, blocks=blocks, sentences=sentences, references=references,
        **article_metadata(metadata),
    )
