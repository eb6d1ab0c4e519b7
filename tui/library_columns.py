"""How library rows are laid out: which columns fit a width, and each cell cut or padded to its cells.

The columns depend on the width alone, never on the rows: a column does not appear when the first article
with a date arrives, nor push another out. Every cell but the last ends in a space, so no two columns touch.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from store.articles import ArticleSummary

# In order of importance, each with its width including the space that separates it from the next; the title
# takes whatever width is left.
COLUMN_SIZES = [("mark", 2), ("date", 11), ("notes", 5), ("source", 15), ("words", 7)]
ORDER = ["mark", "title", "source", "date", "words", "notes"]
RIGHT_ALIGNED = {"words", "notes"}
MISSING = {"date": "no date", "source": "no source"}
LABELS = {"mark": "", "title": "Title", "source": "Source", "date": "Date", "words": "Words", "notes": "✎"}
MIN_TITLE = 20  # cells the title keeps before any column but the read mark is added


def fit(text: str, width: int, align: str = "left") -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` terminal cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    padding = " " * (width - cell_len(text))
    return padding + text if align == "right" else text + padding


def columns_for(width: int) -> list[tuple[str, int]]:
    """Which columns fit in ``width`` cells, and how wide each is; the title takes what is left.

    Columns are added in order of importance while the title keeps more than half the width (and at least
    ``MIN_TITLE`` cells): titles are what the list is read for.
    """
    minimum_title = max(MIN_TITLE, width * 11 // 20)
    shown, used = [], 0
    for name, size in COLUMN_SIZES:
        if name != "mark" and width - used - size < minimum_title:
            break
        shown.append((name, size))
        used += size
    sizes = dict(shown, title=max(0, width - used))
    return [(name, sizes[name]) for name in ORDER if name in sizes]


def cells(values: dict[str, str], columns: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """Each column's value fitted to its cells, a space after every column but the last."""
    result = []
    for index, (name, size) in enumerate(columns):
        gap = 0 if index == len(columns) - 1 or size == 0 else 1
        align = "right" if name in RIGHT_ALIGNED else "left"
        result.append((name, fit(values[name], size - gap, align) + " " * gap))
    return result


def row_values(article: ArticleSummary) -> dict[str, str]:
    """What each column shows for one article; a missing date or source is said, not left blank."""
    return {
        "mark": "" if article.read else "●",
        "title": article.title or article.path,
        "source": article.source or MISSING["source"],
        "date": (article.published or "")[:10] or MISSING["date"],
        "words": f"{article.words:,}",
        "notes": f"✎{article.annotations}" if article.annotations else "",
    }


def row_cells(article: ArticleSummary, columns: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """The text of each column of one row, with the name of the column it belongs to."""
    return cells(row_values(article), columns)


def header_cells(columns: list[tuple[str, int]], sort: str) -> list[tuple[str, str]]:
    """The column labels, the sorted one marked ``▼``."""
    return cells({name: LABELS[name] + (" ▼" if name == sort else "") for name in LABELS}, columns)
