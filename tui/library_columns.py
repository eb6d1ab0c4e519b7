"""How library rows are laid out: which columns fit a width, and each cell cut or padded to its cells."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from store.articles import ArticleSummary

# In order of importance; the title takes whatever width is left.
COLUMN_SIZES = [("mark", 2), ("date", 11), ("source", 15), ("notes", 4), ("words", 7)]


def fit(text: str, width: int, align: str = "left") -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` terminal cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    padding = " " * (width - cell_len(text))
    return padding + text if align == "right" else text + padding


def columns_for(width: int, empty: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """Which columns fit in ``width`` cells, and how wide each is; the title takes what is left.

    Columns are added in order of importance while the title keeps at least half the width; a column no
    article has a value for (``empty``) is left out.
    """
    wanted = [(name, size) for name, size in COLUMN_SIZES if name not in empty]
    minimum_title = max(14, width // 2)
    shown, used = [], 0
    for name, size in wanted:
        if width - used - size < minimum_title:
            break
        shown.append((name, size))
        used += size
    order = ["mark", "title", "source", "date", "words", "notes"]
    sizes = dict(shown, title=max(0, width - used))
    return [(name, sizes[name]) for name in order if name in sizes]


def row_cells(article: ArticleSummary, columns: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """The text of each column of one row, with the name of the column it belongs to."""
    values = {
        "mark": "" if article.read else "●",
        "title": article.title or article.path,
        "source": article.source or "",
        "date": (article.published or "")[:10],
        "words": f"{article.words:,}",
        "notes": f"✎{article.annotations}" if article.annotations else "",
    }
    right = {"words", "notes"}
    return [(name, fit(values[name], size - (name != "title"), "right" if name in right else "left")
             + (" " if name != "title" and size else "")) for name, size in columns]
