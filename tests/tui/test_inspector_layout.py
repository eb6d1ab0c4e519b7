"""The inspector in the whole app: every tab's label in sight (counts only when they fit), the note before its
quote in the Notes tab, what a figure is about cut with an ellipsis."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import DataTable, TabbedContent
from textual.widgets._tabbed_content import ContentTab

from store.annotations import create_annotation
from store.articles import get_article, list_articles
from tests.tui.reader_helpers import make_article, mention
from tests.tui.screen_host import open_first_article
from tui.app import BroadsheetApp
from tui.widgets.inspector import ABOUT_WIDTH, figure_rows


@pytest.mark.parametrize(("size", "counted"), [((120, 40), False), ((200, 60), True)])
async def test_every_tab_label_is_in_sight_with_counts_only_when_they_fit(seeded_db, db_path, size, counted):
    article = list_articles(seeded_db)[0]
    start, end = get_article(seeded_db, article.id).sentences[2]
    create_annotation(seeded_db, article.id, start, end, ["claim"], "check the filing")
    app = BroadsheetApp(db_path)
    async with app.run_test(size=size) as pilot:
        await open_first_article(app, pilot)
        inspector = app.screen.query_one("#inspector")
        tabs = list(app.screen.query_one(TabbedContent).query(ContentTab))
        labels = [str(tab.label) for tab in tabs if tab.display]
        assert [label.split()[0] for label in labels] == ["Entities", "Figures", "Quotes", "Notes"]
        assert all(any(ch.isdigit() for ch in label) == counted for label in labels)
        right = inspector.content_region.right
        assert all(tab.region.width > 0 and tab.region.right <= right for tab in tabs if tab.display)
        notes = app.screen.query_one("#inspector-annotations-table", DataTable)
        assert [str(cell) for cell in notes.get_row_at(0)][:2] == ["#claim", "check the filing"]


def test_what_a_figure_is_about_is_cut_with_an_ellipsis():
    article = make_article("Chips", [("paragraph", "Sales were $3 billion.")])
    figure = replace(mention(article, "$3 billion", "MONEY", value=3e9, unit="USD"),
                     subject="Taiwan Semiconductor Manufacturing Company", metric="quarterly revenue")
    about = str(figure_rows([figure], True)[0].cells[2])
    assert len(about) == ABOUT_WIDTH and about.endswith("…") and about.startswith("Taiwan Semiconductor")
