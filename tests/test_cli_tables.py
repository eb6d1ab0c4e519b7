"""Human output of the command line, read at a fixed terminal width ($COLUMNS): tables fit and align, articles are
named by title with their id (not by file name), search results show the words that matched."""

from __future__ import annotations

import json

import pytest

from tui.cli import main

LONG_TITLE = "Investors Weigh the Mounting Costs of Artificial Intelligence as Chip Stocks Slide Around the World"
STORIES = {
    "a1b2c3d4e5f6.txt": (
        f"{LONG_TITLE}\n"
        "Analysts at several large banks, pension funds and insurers spent the whole of Monday morning arguing "
        "about valuations before the shares of Nvidia fell 17% in a single session, wiping $593 billion off.\n"
        "“We will obviously deliver much better models,” said Sam Altman, chief executive of OpenAI.\n"
    ),
    "0f9e8d7c6b5a.txt": "Rates Hold\nThe central bank kept rates at 4.5% on Tuesday.\n",
    "77aa88bb99cc.txt": "Cloud Spending Climbs\nMicrosoft said it will spend $80 billion on data centres.\n",
}


@pytest.fixture
def cli_db(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db_path = tmp_path / "broadsheet.db"
    assert main(["--db", str(db_path), "import", str(folder)]) == 0
    capsys.readouterr()
    return db_path


def run(capsys, db_path, *argv) -> list[str]:
    code = main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out.splitlines()


def article_ids(capsys, db_path) -> dict[str, int]:
    """Article ids by the start of their title."""
    assert main(["--db", str(db_path), "articles", "--json"]) == 0
    return {article["title"].split()[0]: article["id"] for article in json.loads(capsys.readouterr().out)}


def assert_fits(lines: list[str], width: int = 80) -> None:
    assert lines
    assert all(len(line) <= width for line in lines), [line for line in lines if len(line) > width]


def test_the_articles_table_fits_the_terminal_and_its_columns_align(cli_db, capsys):
    header, *rows = run(capsys, cli_db, "articles")
    assert_fits([header, *rows])
    assert len(rows) == 3  # one line per article, however long its title
    title_at, words_end = header.index("title"), header.index("words") + len("words")
    titles = ["Investors Weigh the", "Rates Hold", "Cloud Spending Climbs"]
    for row in rows:
        [title] = [t for t in titles if t in row]
        assert row.index(title) == title_at
        assert row[:words_end].rstrip()[-1].isdigit() and row[words_end - 1] != " "  # numbers end under "words"
    long_row = next(row for row in rows if "Investors" in row)
    assert "…" in long_row  # cut with an ellipsis, not wrapped onto a second line


def test_annotations_and_quotes_name_the_article_by_title_and_id(cli_db, capsys):
    assert main(["--db", str(cli_db), "annotate", "a1b2c3d4e5f6.txt", "--quote", "wiping $593 billion off",
                 "--tag", "claim", "--note", "check the filing"]) == 0
    capsys.readouterr()
    header, *rows = run(capsys, cli_db, "annotations")
    assert_fits([header, *rows])
    investors = article_ids(capsys, cli_db)["Investors"]
    [row] = rows
    assert f"#{investors} Investors" in row and "a1b2c3d4e5f6" not in row
    assert row.index("#claim") == header.index("tags")
    header, *rows = run(capsys, cli_db, "quotes")
    assert_fits([header, *rows])
    assert any("Sam Altman" in row and f"#{investors} Investors" in row for row in rows)
    assert not any(".txt" in row for row in rows)


def test_mentions_name_the_article_by_title(cli_db, capsys):
    header, *rows = run(capsys, cli_db, "mentions", "--label", "MONEY")
    assert_fits([header, *rows])
    cloud = article_ids(capsys, cli_db)["Cloud"]
    assert any(row.startswith(f"#{cloud} Cloud Spending Climbs") and "$80 billion" in row for row in rows)
    assert not any(".txt" in row for row in rows)


def test_search_shows_the_matched_words_even_late_in_a_long_sentence(cli_db, capsys):
    header, *rows = run(capsys, cli_db, "search", "wiping billion")
    assert_fits([header, *rows])
    assert header.split() == ["article", "score", "text", "title"]
    first = rows[0]
    assert "wiping $593 billion" in first  # the sentence's first 120 characters are skipped, not the match
    assert "…" in first and "Analysts at several" not in first
    assert first.index("…") == header.index("text")


def test_a_narrow_terminal_still_gets_aligned_rows_of_one_line(cli_db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    header, *rows = run(capsys, cli_db, "articles")
    assert_fits([header, *rows], width=50)
    assert len(rows) == 3
    assert len({row.index("●") for row in rows}) == 1  # the unread marks stand in one column
    assert rows[0][header.index("title"):].startswith("Rates Hold")
    assert "Investors Wei" in rows[2] and rows[2].index("Investors") == header.index("title")
