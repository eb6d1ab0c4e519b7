"""Quote echoes: the same quote in other articles, fuzzy, with what differs — through the CLI's JSON."""

from __future__ import annotations

import json

import pytest

from store import echoes
from store.echoes import EchoIndex, IndexedQuote, similarity, words_of
from tui.cli import main

QUOTE = "We will build the new factory in Ohio and hire 500 workers next year"
ARTICLES = {
    "original.txt": f"Factory plans\nMaria Lopez runs the carmaker.\n“{QUOTE},” Maria Lopez said on Monday.",
    "figure.txt": "Ohio wins a plant\nMaria Lopez spoke in Columbus.\n"
                  "\"We will build the new factory in Ohio and hire 600 workers next year,\" Maria Lopez said.",
    "credited.txt": "Jobs for Ohio\nJohn Smith visited the site.\n"
                    "“We will build the new plant in Ohio and hire 500 workers,” John Smith said.",
    "unrelated.txt": "Weather\nAnna Berg forecasts the weather.\n“Expect heavy rain across the north of the country,” "
                     "Anna Berg said.",
}


@pytest.fixture
def corpus(tmp_path, db_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(tmp_path)]) == 0
    return db_path


def run_json(capsys, *args):
    capsys.readouterr()
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def test_echoes_of_one_article_list_every_other_appearance_with_what_differs(corpus, capsys):
    code, rows = run_json(capsys, "--db", str(corpus), "echoes", "original.txt", "--json")
    assert code == 0
    [row] = rows
    assert (row["quote"], row["speaker"]) == (QUOTE, "Maria Lopez")
    assert set(row) >= {"quote", "article_id", "speaker", "echoes"}
    found = {echo["text"]: echo for echo in row["echoes"]}
    assert len(found) == 2  # the weather quote is no echo
    figure = found["We will build the new factory in Ohio and hire 600 workers next year"]
    assert figure["differences"] == [{"kind": "figure", "quote": "500", "echo": "600"}]
    assert figure["speaker"] == "Maria Lopez" and 80 <= figure["similarity"] < 100
    credited = found["We will build the new plant in Ohio and hire 500 workers"]
    assert {d["kind"] for d in credited["differences"]} == {"word", "cut", "speaker"}
    assert {"kind": "speaker", "quote": "Maria Lopez", "echo": "John Smith"} in credited["differences"]
    assert {"kind": "word", "quote": "factory", "echo": "plant"} in credited["differences"]
    assert {"kind": "cut", "quote": "next year", "echo": ""} in credited["differences"]
    for echo in row["echoes"]:
        assert set(echo) >= {"article_id", "start", "end", "speaker", "similarity", "differences"}
        assert echo["article_id"] != row["article_id"] and echo["end"] > echo["start"]


def test_echo_offsets_point_at_the_quote_in_the_other_article(corpus, capsys):
    from store.articles import get_article
    from store.db import open_db

    _, rows = run_json(capsys, "--db", str(corpus), "echoes", "--json")
    db = open_db(corpus)
    try:
        for row in rows:
            for echo in row["echoes"]:
                assert get_article(db, echo["article_id"]).text[echo["start"] : echo["end"]] == echo["text"]
    finally:
        db.close()
    assert len(rows) == 3  # each of the three appearances links to the other two


def test_an_unknown_article_is_one_line_naming_it(corpus, capsys):
    capsys.readouterr()
    assert main(["--db", str(corpus), "echoes", "missing.txt"]) == 2
    error = capsys.readouterr().err.strip()
    assert "missing.txt" in error and "\n" not in error


def test_echo_candidates_come_from_shared_rare_words_not_every_pair(monkeypatch):
    quotes = [IndexedQuote(i, i, 0, 10, f"topic{i} words{i} about thing{i} number{i} here{i}", None,
                           words_of(f"topic{i} words{i} about thing{i} number{i} here{i}")) for i in range(200)]
    quotes.append(IndexedQuote(900, 900, 0, 10, QUOTE, None, words_of(QUOTE)))
    quotes.append(IndexedQuote(901, 901, 0, 10, QUOTE.replace("500", "600"), None,
                               words_of(QUOTE.replace("500", "600"))))
    compared = []
    monkeypatch.setattr(echoes, "similarity", lambda a, b: compared.append((a, b)) or similarity(a, b))
    index = EchoIndex(quotes)
    expected = similarity(words_of(QUOTE), quotes[-1].words)
    assert [(other.id, score) for other, score in index.echoes_of(quotes[-2])] == [(901, expected)]
    assert len(compared) == 1


def test_similarity_counts_a_cut_quote_as_the_same_and_unrelated_quotes_as_different():
    full = words_of("The economy will recover slowly over the next two years, and unemployment will stay high")
    cut = words_of("The economy will recover slowly over the next two years")
    other = words_of("Expect heavy rain across the north of the country")
    assert similarity(full, cut) == 100.0
    assert similarity(full, other) < 50
    assert similarity(words_of("It’s “time” to act now"), words_of('it\'s "time" to act now')) == 100.0


def test_echoes_follow_a_reimported_article_whose_quote_changed(corpus, capsys, tmp_path):
    _, before = run_json(capsys, "--db", str(corpus), "echoes", "figure.txt", "--json")
    assert before[0]["echoes"]
    (tmp_path / "figure.txt").write_text("Ohio wins a plant\nMaria Lopez spoke in Columbus.\n"
                                         "“Expect a long, cold and very snowy winter this year,” Maria Lopez said.\n",
                                         encoding="utf-8")
    assert main(["--db", str(corpus), "import", str(tmp_path / "figure.txt")]) == 0
    _, after = run_json(capsys, "--db", str(corpus), "echoes", "figure.txt", "--json")
    assert after == []
