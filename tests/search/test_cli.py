"""``broadsheet search``: JSON with offsets into the article text; errors as one line."""

from __future__ import annotations

import json

from tui.cli import main


def test_search_prints_hits_as_json(corpus_path, capsys):
    assert main(["--db", str(corpus_path), "search", "sel", "frist", "thnik", "latr", "--limit", "3", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert 1 <= len(hits) <= 3
    first = hits[0]
    assert set(first) >= {"article_id", "path", "title", "start", "end", "text", "score", "matches"}
    assert "sell first, think later" in first["text"]
    assert all(first["start"] <= s < e <= first["end"] for s, e in first["matches"])


def test_search_remembers_the_query_and_prints_a_table(corpus_path, capsys):
    assert main(["--db", str(corpus_path), "search", "--scope", "titles", "respite"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["article", "score", "text", "title"]
    assert "Respite" in out
    from store.db import open_db
    from store.search import recent_queries

    assert recent_queries(open_db(corpus_path), 1) == ["respite"]


def test_a_bad_limit_is_a_one_line_usage_error(corpus_path, capsys):
    assert main(["--db", str(corpus_path), "search", "x", "--limit", "0"]) == 2
    assert capsys.readouterr().err.strip() == "broadsheet search: --limit must be at least 1"
