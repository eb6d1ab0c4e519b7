"""Whatever is typed — FTS5 syntax, SQL, huge or blank input — search answers with a list, never raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.search import SCOPES, search

HOSTILE = [
    "", "   ", "\n\t", '"', '""', '"unbalanced', "*", "a*", "NEAR(", "NEAR(a b", "-", "--", ":", "::",
    "AND", "OR NOT", "a AND OR b", "^", "(", ")", "{}", "text:foo", "sentences_fts:x", "'; DROP TABLE articles; --",
    "' OR 1=1 --", "tag:", "in:", "entity:\"", "label:money", "source:%_", "\x00", "\u200b", "ﾟ", "𝔸𝕀",
    "capital " * 500, "x" * 5000,
]


@pytest.mark.parametrize("scope", SCOPES)
def test_hostile_queries_return_a_list(corpus, scope):
    for query in HOSTILE:
        assert isinstance(search(corpus, query, scope=scope), list), query


def test_the_database_survives_an_injection_attempt(corpus):
    search(corpus, "'; DROP TABLE articles; --")
    assert corpus.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_arbitrary_text_never_raises(corpus, query):
    hits = search(corpus, query, limit=5)
    assert isinstance(hits, list) and len(hits) <= 5
