"""Web pages → articles: trafilatura finds the main text and the metadata; its XML tree becomes the block model.

trafilatura's tree holds ``head`` (headings, ``rend="h2"``), ``p``, ``quote``, ``list``/``item``, ``table``/
``row``/``cell`` and ``code`` elements. Each becomes one block (a list item, a table row, a paragraph of a
quote: one block each) of a plain text whose blocks are separated by blank lines — no markup is stored, so
offsets stay code points into the text the reader shows. Boilerplate and references are then found as in the
other readers (:mod:`store.ingest.blocks`, :mod:`store.ingest.references`): kept, hidden by the reader.

``HTML_EXTRACTOR_VERSION`` names trafilatura's version and a digest of the code that shapes the text, so a
page stored by another version is derived again from its raw bytes (:func:`store.refresh.rederive_stale_pages`).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import re
import zlib
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from store.ingest.blocks import find_boilerplate
from store.ingest.charset import decode_page
from store.ingest.decode import IngestError, clean_text
from store.ingest.references import find_references
from store.ingest.sentences import split_sentences
from store.ingest.text import title_from_sentences
from store.model import Block, ParsedArticle, RawPage

MAX_PAGE_BYTES = 10 * 1024 * 1024  # a page (file, or fetched body after decompression) larger than this is refused
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL
)
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")
FULL_EXTRACTION_BELOW = 500  # characters: a fast extraction this short is tried again with every fallback
# A page with a password field and fewer readable words than this is a login wall, not an article.
LOGIN_WALL_WORDS = 80
_CONTENT_KINDS = frozenset({"heading", "paragraph", "quote", "list"})


def _code_digest() -> str:
    """Digest of the code that turns a page into text and blocks: this package's modules (this one, the charset
    reader, the shared block, sentence and reference rules) with their data."""
    ingest = Path(__file__).parent
    digest = hashlib.sha1()
    for path in [*sorted(ingest.glob("*.py")), *sorted(ingest.glob("data/*"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


HTML_EXTRACTOR_VERSION = f"trafilatura {version('trafilatura')}; {_code_digest()}"


class NoArticleText(IngestError):
    """A page in which no article text was found; ``str()`` is the one-line reason."""


def looks_like_html(text: str) -> bool:
    """Whether a text (a ``.txt`` or ``.md`` file's content) is an HTML document rather than prose."""
    return _HTML_START.match(text[:4096]) is not None


def read_page_file(path: Path) -> bytes:
    """The bytes of a page file (``.html.gz`` unpacked), refusing pages over :data:`MAX_PAGE_BYTES`."""
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                data = handle.read(MAX_PAGE_BYTES + 1)
        else:
            with path.open("rb") as handle:
                data = handle.read(MAX_PAGE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise IngestError(f"cannot read: {reason}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise IngestError(f"page too large (over {MAX_PAGE_BYTES:,} bytes)")
    return data


def parse_html(
    data: bytes,
    key: str,
    *,
    header_charset: str | None = None,
    url: str | None = None,
    page: RawPage | None = None,
) -> ParsedArticle:
    """Parse a page's bytes into an article whose ``page`` keeps those bytes.

    ``url`` is where the page came from (resolves a relative canonical link; the article's ``url`` when the
    page names none). ``page`` carries what a fetch learnt (validators, final URL); its ``data``, ``encoding``
    and ``extractor`` are replaced by this parse's. Raises :class:`NoArticleText` when the page has no
    article text (a login wall, an index page, an empty shell filled by scripts)."""
    from trafilatura.utils import load_html

    from store.ingest.metadata import page_metadata  # here: it imports trafilatura, which only a parse needs

    text, encoding, warnings = decode_page(data, header_charset)
    tree = load_html(text)
    if tree is None:
        raise NoArticleText("no article text found (not a readable HTML document)")
    language = _language(tree)
    asks_to_sign_in = bool(tree.xpath("//input[@type='password']"))
    with _third_party():
        metadata = page_metadata(tree, url)
    # trafilatura's own extractor alone ("fast") first; its fallbacks (readability, jusText) cost half as much
    # again, so they run only when it found little. On the benchmark pages this scores higher than the full
    # cascade (see bench/html.py). trafilatura extracts from a copy: the tree serves both passes.
    body = _extract(tree, url or metadata.url, fast=True)
    stored, blocks = _text_and_blocks(body) if body is not None else ("", [])
    if len(stored) < FULL_EXTRACTION_BELOW:
        full = _extract(tree, url or metadata.url, fast=False)
        if full is not None:
            stored, blocks = _text_and_blocks(full)
    blocks, references = _classify(stored, blocks)
    readable = sum(len(stored[b.start:b.end].split()) for b in blocks if b.kind in _CONTENT_KINDS - {"heading"})
    if asks_to_sign_in and readable < LOGIN_WALL_WORDS:
        raise NoArticleText("no article text found: the page asks to sign in")
    if not readable:
        raise NoArticleText("no article text found")
    title = _one_line(metadata.title) if metadata.title else None
    blocks = _mark_title(stored, blocks, title)
    sentences = split_sentences(stored, blocks)
    raw = RawPage(data, encoding, HTML_EXTRACTOR_VERSION)
    if page is not None:
        raw = RawPage(data, encoding, HTML_EXTRACTOR_VERSION, page.content_type, page.final_url, page.etag,
                      page.last_modified)
    return ParsedArticle(
        key=key,
        text=stored,
        title=title or title_from_sentences(stored, blocks, sentences),
        source=_one_line(metadata.source()),
        url=_one_line(metadata.url) or url,
        published=metadata.date,
        byline=_one_line(metadata.author),
        language=language,
        blocks=blocks,
        sentences=sentences,
        references=references,
        warnings=warnings,
        page=raw,
    )


def _extract(tree, url: str | None, fast: bool):
    """trafilatura's tree of the page's main text, or None when it found none."""
    import trafilatura
    from trafilatura.settings import Document

    with _third_party():
        # "xml": the tree is all that is read here; the default ("python") would also render it as text
        document = trafilatura.bare_extraction(tree, url=url, fast=fast, include_comments=False, output_format="xml")
    return document.body if isinstance(document, Document) else None


@contextlib.contextmanager
def _third_party() -> Iterator[None]:
    """A third-party parser over hostile input: one page fails, never the import."""
    try:
        yield
    except Exception as error:
        raise IngestError(f"cannot extract the page's text ({type(error).__name__}: {error})") from None


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(clean_text(value).split()) or None


def _language(tree) -> str | None:
    """The page's language tag: ``<html lang>``, else a Content-Language ``<meta>``, else ``og:locale``."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[translate(@http-equiv,'CONTENTLAGU','contentlagu')='content-language']/@content")
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        value = (value or "").strip()
        if _LANGUAGE.match(value):
            return value.replace("_", "-")
    return None


class _Builder:
    """Appends blocks to one text, blank line between blocks, tracking code-point offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []

    def add(self, kind: str, raw: str, level: int = 0) -> None:
        text = _tidy(raw)
        if not text:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.blocks.append(Block(kind, self.length, self.length + len(text), level))
        self.parts.append(text)
        self.length += len(text)


def _tidy(raw: str) -> str:
    """Control characters out, runs of spaces made one, lines trimmed and blank lines dropped."""
    return _BLANK_LINES.sub("\n", _SPACES.sub(" ", clean_text(raw))).strip()


_BLOCK_TAGS = frozenset({"head", "p", "quote", "list", "table", "code", "div", "item", "row", "cell"})


def _inline(element) -> str:
    """The text of an element without its nested blocks; ``<lb/>`` is a line break."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append("\n")
        elif child.tag not in _BLOCK_TAGS:
            pieces.append(_inline(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _text_and_blocks(body) -> tuple[str, list[Block]]:
    builder = _Builder()
    _walk(body, builder)
    return "".join(builder.parts), builder.blocks


def _walk(element, builder: _Builder, depth: int = 0) -> None:
    for child in element:
        _block(child, builder, depth)
        if child.tail and child.tail.strip() and element.tag in ("body", "div"):
            builder.add("paragraph", child.tail)


def _block(element, builder: _Builder, depth: int) -> None:
    """One element of trafilatura's tree → blocks (nested lists one level deeper)."""
    tag = element.tag
    if tag == "head":
        rend = element.get("rend") or ""
        builder.add("heading", _inline(element), int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2)
    elif tag == "quote":
        paragraphs = [c for c in element if c.tag == "p"]
        for piece in paragraphs or [element]:
            builder.add("quote", _inline(piece))
    elif tag == "list":
        for item in element:
            if item.tag == "item":
                builder.add("list", _inline(item), depth + 1)
                for nested in item:
                    if nested.tag in _NESTED_TAGS:
                        _block(nested, builder, depth + 1)
    elif tag == "table":
        for row in element.iter("row"):
            builder.add("paragraph", " | ".join(_tidy(_inline(cell)) for cell in row if cell.tag == "cell"))
    elif tag == "div" or (tag != "p" and any(c.tag in _BLOCK_TAGS for c in element)):
        if element.text and element.text.strip():
            builder.add("paragraph", element.text)
        _walk(element, builder, depth)
    elif tag not in ("graphic", "lb"):
        builder.add("paragraph", _inline(element))
        for nested in element:
            if nested.tag in _NESTED_TAGS:
                _block(nested, builder, depth)


_NESTED_TAGS = frozenset({"list", "quote", "table"})


def _classify(text: str, blocks: list[Block]) -> tuple[list[Block], list]:
    """Boilerplate (kept, hidden) and reference entries among the blocks, as the other readers find them."""
    references, used = find_references(text, [(b.start, b.end) for b in blocks])
    kinds = ["reference" if i in used else b.kind for i, b in enumerate(blocks)]
    texts = [text[b.start:b.end] for b in blocks]
    flags = find_boilerplate(texts, kinds)
    # a block of several lines (<br>-separated links, a form's labels) is chrome when each of its lines is
    flags = [flag or ("\n" in piece and all(find_boilerplate(piece.split("\n"))))
             for flag, piece in zip(flags, texts, strict=True)]
    classified = []
    for block, kind, flag in zip(blocks, kinds, flags, strict=True):
        if kind == "reference":
            classified.append(Block("reference", block.start, block.end))
        elif flag:
            classified.append(Block("boilerplate", block.start, block.end))
        else:
            classified.append(block)
    return classified, references


def _mark_title(text: str, blocks: list[Block], title: str | None) -> list[Block]:
    """The first readable block becomes the ``title`` block when it is a heading saying the title."""
    first = next((i for i, b in enumerate(blocks) if b.kind not in ("boilerplate", "reference")), None)
    if first is None or blocks[first].kind != "heading" or not title:
        return blocks
    block = blocks[first]
    if " ".join(text[block.start:block.end].split()).casefold() != title.casefold():
        return blocks
    return [*blocks[:first], Block("title", block.start, block.end, 1), *blocks[first + 1:]]
