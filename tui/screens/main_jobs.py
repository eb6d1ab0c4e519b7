"""What the main screen asks of the store in the background, and the messages the answers come back in.

Each function takes a connection first (``tui.background.run_in_background`` opens it) and everything else as
arguments; none touches a widget. The store modules are imported inside the functions: they bring in the
extractor and the anchoring engine, which the first frame does not need.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from store.model import Annotation, StoredMention
    from store.reading import ArticleBundle


@dataclass
class ArticleRead(Message):
    """An article to show; ``jump`` selects a span once shown, ``keep_place`` keeps the reader's cursor where it
    is (a refresh), ``text_changed`` says it was re-imported meanwhile."""

    bundle: ArticleBundle
    jump: tuple[int, int] | None = None
    keep_place: bool = False
    text_changed: bool = False


@dataclass
class AnnotationsRead(Message):
    """The annotations of one article, after an edit here or in another process; ``notice`` says what happened,
    ``undoable`` when it was an edit of this screen's undo history (the toast then names the undo key)."""

    article_id: int
    annotations: list[Annotation]
    notice: str | None = None
    undoable: bool = False


@dataclass
class AnnotationCountsRead(Message):
    """Annotations per article id, for the library's counts."""

    counts: dict[int, int]


@dataclass
class MentionsRead(Message):
    """The mentions of one article after a teaching changed them; ``notice`` says what was taught."""

    article_id: int
    mentions: list[StoredMention]
    notice: str | None = None


@dataclass
class Notice(Message):
    """One line for the user (a refusal, a failure that leaves the app usable)."""

    text: str
    severity: str = "information"


def open_article(db, article_id: int) -> ArticleBundle:
    """Read an article with its layers and mark it read."""
    from store.articles import mark_read
    from store.reading import read_article

    bundle = read_article(db, article_id)
    if not bundle.article.read:
        mark_read(db, article_id)
    return bundle


def reread_article(db, article_id: int, content_hash: str, only_if_text_changed: bool) -> ArticleBundle | None:
    """The article read again (None if it is gone, or its text is ``content_hash`` and ``only_if_text_changed``)."""
    from store.reading import read_article

    row = db.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None or (only_if_text_changed and row[0] == content_hash):
        return None
    return read_article(db, article_id)


def refreshed(content_hash: str, fresh: ArticleBundle | None) -> ArticleRead | None:
    """The answer of :func:`reread_article` as the message that shows it, keeping the reader's place."""
    if fresh is None:
        return None
    return ArticleRead(fresh, keep_place=True, text_changed=fresh.article.content_hash != content_hash)


def read_annotations(db, article_id: int, notice: str | None = None, undoable: bool = False) -> AnnotationsRead:
    from store.annotations import annotations_for_article

    return AnnotationsRead(article_id, annotations_for_article(db, article_id), notice, undoable)


def read_annotation_counts(db) -> AnnotationCountsRead:
    from store.annotations import annotation_counts

    return AnnotationCountsRead(annotation_counts(db))


def save_annotation(db, edits, article_id: int, span: tuple[int, int], record: Annotation | None,
                    result) -> AnnotationsRead:
    """Create, update or delete the annotation as the tag dialog said (through the session's undo history,
    :class:`tui.undo.SharedHistory`), and read the article's annotations back."""
    if record is None:
        edits.edit(db, "create", article_id, span[0], span[1], tags=result.tags, note=result.note)
        notice = "Annotation saved"
    elif getattr(result, "delete", False):
        edits.edit(db, "delete", record.id)
        notice = "Annotation deleted"
    else:
        edits.edit(db, "update", record.id, tags=result.tags, note=result.note)
        notice = "Annotation updated"
    return read_annotations(db, article_id, notice, undoable=True)


def teach(db, what: str, article_id: int, text: str, label: str | None, start: int | None) -> MentionsRead:
    """Teach that ``text`` is an entity of ``label`` (``what == "entity"``) or is no mention (here at ``start``,
    or everywhere), then read the article's mentions back."""
    from store import mentions

    if what == "entity":
        mentions.add_entity_teaching(db, text, label)
        notice = f"“{text}” is now highlighted as {label} in every article"
    else:
        mentions.suppress_teaching(db, text, article_id=article_id if start is not None else None, start=start)
        notice = f"“{text}” is no longer highlighted {'here' if start is not None else 'in any article'}"
    return MentionsRead(article_id, mentions.mentions_for_article(db, article_id), notice)


def teaching_failed(error: BaseException) -> Message:
    """A teaching the store refused, or a database that refused the write: said in one line, the app goes on.
    Anything else bubbles up to the app as any background failure does."""
    import sqlite3

    from store.db import DatabaseError
    from store.mentions import TeachingError
    from tui.background import BackgroundFailed

    if isinstance(error, TeachingError | DatabaseError | sqlite3.Error):
        return Notice(f"Teaching failed: {error}", severity="error")
    return BackgroundFailed("reader-teaching", error)


def open_in_browser(url: str) -> Notice:
    """Hand ``url`` to the system's web browser (which may take a moment to start: a background job)."""
    import webbrowser

    if webbrowser.open(url):
        return Notice(f"Opened {url} in the browser.")
    return Notice(f"No web browser found to open {url}.", severity="warning")


FIND_LIMIT = 200  # matches of one find in the open article; more than any article has sentences worth stepping


@dataclass
class FoundInArticle(Message):
    """The matches of ``query`` in one article (search hits, best first)."""

    article_id: int
    query: str
    hits: list


def find_in_article(searcher, query: str, article_id: int) -> FoundInArticle:
    """``ctrl+f``: the sentences of one article matching ``query`` (fuzzy, as ``/``)."""
    return FoundInArticle(article_id, query, searcher.search(query, limit=FIND_LIMIT, article_id=article_id))
