"""Building articles and a host app for reader and inspector tests without the import pipeline."""

from __future__ import annotations

import re

from textual.app import App, ComposeResult

from store.articles import Article
from store.model import Annotation, Block, Reference, StoredMention
from tui.widgets.reader import Reader

_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s|$)|$)\s*")


def make_article(title: str, paragraphs: list[tuple[str, str]], references: list[str] = (),
                 article_id: int = 1) -> Article:
    """An article from (kind, text) blocks: title first, one block per line, sentences split at . ! ?"""
    lines = [title] + [text for _, text in paragraphs] + list(references)
    kinds = ["title"] + [kind for kind, _ in paragraphs] + ["reference"] * len(references)
    text = "\n".join(lines)
    blocks, sentences, refs, position = [], [], [], 0
    for kind, line in zip(kinds, lines, strict=False):
        start, end = position, position + len(line)
        blocks.append(Block(kind, start, end, 1 if kind in ("heading", "list") else 0))
        if kind in ("paragraph", "quote", "list", "boilerplate"):
            for match in _SENTENCE.finditer(text, start, end):
                sentences.append((match.start(), match.start() + len(match.group().rstrip())))
        if kind == "reference":
            n = int(re.match(r"\[(\d+)\]", line).group(1))
            refs.append(Reference(n, None, line, None, None, start, end))
        position = end + 1
    words = len(text.split())
    return Article(article_id, title, f"/tmp/{article_id}.txt", "Example News", "2026-02-06",
                   "https://example.com/a", None, words, text, False, 0, "hash", blocks, sentences, refs)


def mention(article: Article, needle: str, label: str, nth: int = 0, entity: str | None = None,
            **fields) -> StoredMention:
    """A stored mention (as ``store.mentions.mentions_for_article`` returns) for the nth occurrence of needle."""
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    kind = "figure" if label in {"MONEY", "PERCENT", "NUMBER", "DATE"} else "entity"
    return StoredMention(article.id, article.path, start, start + len(needle), needle, kind, label,
                         entity or (needle.casefold() if kind == "entity" else None), **fields)


def annotation(article: Article, start: int, end: int, tags=(), colors=None, note: str = "", id: int = 1) -> Annotation:
    """An annotation of ``article.text[start:end]`` (as ``store.annotations`` returns them), anchored exactly."""
    return Annotation(id, article.id, start, end, article.text[start:end], "", "", start, end, "hash", note,
                      "exact", 1.0,
                      "2026-02-06T00:00:00+00:00", "2026-02-06T00:00:00+00:00", tags=tuple(tags), colors=colors or {},
                      path=article.path, title=article.title)


class ReaderApp(App):
    """A host for one Reader, recording the messages it posts."""

    def __init__(self, article=None, mentions=(), annotations=None) -> None:
        super().__init__()
        self.article, self.mentions, self.annotations = article, list(mentions), annotations
        self.messages: list = []

    def compose(self) -> ComposeResult:
        yield Reader()

    def on_mount(self) -> None:
        reader = self.query_one(Reader)
        reader.focus()
        if self.article is not None:
            reader.show_article(self.article, self.mentions, self.annotations)

    def on_reader_position_changed(self, message: Reader.PositionChanged) -> None:
        self.messages.append(message)

    def on_reader_selection_changed(self, message: Reader.SelectionChanged) -> None:
        self.messages.append(message)


async def wait_for_inspector_tabs(pilot, inspector, tab: str | None = None) -> None:
    """Wait until the inspector shows its tabs (``tab`` among them, if given): they are built after the first
    frame, and a loaded machine takes a few."""
    for _ in range(100):
        if inspector.visible_tabs and (tab is None or tab in inspector.visible_tabs):
            break
        await pilot.pause(0.05)
    await pilot.pause()
