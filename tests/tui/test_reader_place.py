"""Where the reader puts an article: a reopened article shows its remembered sentence on screen."""

from __future__ import annotations

import pytest

from store.articles import get_article, list_articles, save_position
from tests.tui.screen_host import open_first_article
from tui.app import BroadsheetApp
from tui.widgets.reader import Reader


def visible_text(reader: Reader) -> str:
    return " ".join(reader.render_line(y).text.strip() for y in range(reader.size.height))


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
@pytest.mark.parametrize("sentence", [5, 20])
async def test_a_reopened_article_shows_its_remembered_sentence(seeded_db, db_path, size, sentence):
    article = list_articles(seeded_db)[0]
    start, end = get_article(seeded_db, article.id).sentences[sentence - 1]
    save_position(seeded_db, article.id, start)
    words = get_article(seeded_db, article.id).text[start:end].split()
    app = BroadsheetApp(db_path)
    async with app.run_test(size=size) as pilot:
        await open_first_article(app, pilot)
        reader = app.screen.query_one(Reader)
        assert reader.cursor_offset == start
        assert reader.cursor_position[0] == sentence
        # The sentence's first and last words are on screen, not only counted in the status line.
        shown = visible_text(reader)
        assert " ".join(words[:2]) in shown and words[-1] in shown
