"""What the library asks for in the background — its rows, its filter index, the visible order — and the
messages the answers come back in. Plain functions of their arguments (see :mod:`tui.background`)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from store.articles import ArticleSummary, list_articles
from tui.library_index import LibraryIndex


@dataclass
class RowsRead(Message, bubble=False):
    """Library rows from the database (``complete`` once every article is in), with :func:`row_facts`."""

    rows: list[ArticleSummary]
    complete: bool
    facts: tuple


@dataclass
class IndexBuilt(Message, bubble=False):
    """The filter index built for ``rows``."""

    rows: list[ArticleSummary]
    index: LibraryIndex


@dataclass
class ViewComputed(Message, bubble=False):
    """The visible rows for ``query`` and ``sort`` over ``rows``: positions in ``rows``, in order; ``order`` is the
    whole sort order (cached by the library), ``keep`` the article to keep the cursor on."""

    rows: list[ArticleSummary]
    sort: str
    order: list[int]
    visible: list[int]
    query: str
    keep: int | None
    index: LibraryIndex | None


def row_facts(rows: list[ArticleSummary]) -> tuple[dict[int, int], list[int]]:
    """What the library derives from its rows: each article's row and the date order. Computed in the loading
    job for a whole corpus: at 100,000 rows it would stall the UI thread."""
    return {article.id: index for index, article in enumerate(rows)}, list(range(len(rows)))


def read_rows(db, limit: int | None = None) -> RowsRead:
    """The first ``limit`` rows (complete if fewer came), or every row."""
    rows = list_articles(db, limit=limit)
    return RowsRead(rows, limit is None or len(rows) < limit, row_facts(rows))


def build_index(rows: list[ArticleSummary]) -> IndexBuilt:
    return IndexBuilt(rows, LibraryIndex(f"{a.title} {a.source or ''}" for a in rows))


def sort_order(rows: list[ArticleSummary], sort: str) -> list[int]:
    """Positions in ``rows`` by title or by source (the date order is the rows' own)."""
    if sort == "title":
        return sorted(range(len(rows)), key=lambda i: (rows[i].title or "").casefold())
    return sorted(range(len(rows)), key=lambda i: (rows[i].source or "\uffff").casefold())


def compute_view(rows: list[ArticleSummary], order: list[int] | None, sort: str, query: str, keep: int | None,
                 index: LibraryIndex | None) -> ViewComputed:
    """Sort (unless ``order`` is known) and filter (building the index if there is none yet)."""
    order = sort_order(rows, sort) if order is None else order
    visible = order
    if query.strip():
        index = index or build_index(rows).index
        visible = index.filter_order(query, order) or []
    return ViewComputed(rows, sort, order, visible, query, keep, index)
