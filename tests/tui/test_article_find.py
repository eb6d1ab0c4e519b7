"""The main screen's find state: matches of one article in reading order, stepped with wrap-around."""

from __future__ import annotations

from types import SimpleNamespace

from tui.screens.main_find import ArticleFind


def hit(article_id: int, start: int, end: int) -> SimpleNamespace:
    return SimpleNamespace(article_id=article_id, start=start, end=end)


def test_matches_are_kept_in_reading_order_and_stepped_with_wrap_around():
    find = ArticleFind()
    hits = [hit(7, 40, 45), hit(7, 3, 8), hit(9, 1, 2), hit(7, 20, 20), hit(7, 3, 8)]
    find.found(7, hits, 30)
    assert find.current == (40, 45)  # the first at or after the offset
    assert find.matches == [(3, 8), (40, 45)]  # other articles, empty spans and repeats left out
    assert find.description == "Match 2 of 2"
    assert find.step(1) == (3, 8)
    assert find.step(-1) == (40, 45)


def test_matches_belong_to_the_article_they_were_found_in():
    find = ArticleFind()
    assert not find.has_matches(7)
    find.found(7, [hit(7, 3, 8)], 50)
    assert find.has_matches(7) and find.current == (3, 8)  # none after the offset: the first
    assert not find.has_matches(8) and not find.has_matches(None)
    find.clear()
    assert not find.has_matches(7)
