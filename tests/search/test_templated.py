"""Templated news at a size where the words that narrow a search match hundreds of sentences: the words that
tell them apart are common ones, digits, half-typed common words and the order of the words."""

from __future__ import annotations

import random

import pytest

from store.db import open_db, write_transaction
from store.search import Searcher
from store.search.query import parse_query
from store.search.rerank import score_texts
from store.search.vocabulary import Vocabulary

NAMES = ("Meta", "Sachs", "Nvidia", "Arm", "Sony", "Huawei", "Cisco", "Kryndlol Inc.", "Mistral", "SAP")
CITIES = ("Madrid", "Jakarta", "Toronto", "Cairo", "Lagos", "Oslo", "Lima", "Perth")
TARGET = "Meta said it would hire 4.3 million customers in Madrid within three days."


def sentences() -> list[str]:
    """About 6,000 sentences: common templates (their words in well over 5% of sentences), 260 hiring
    sentences (the narrowing words "hire" and "customers" in about 4%), one "Mar" so that the start of
    "market" is itself indexed, and the target last (past the first 200 in index order)."""
    rng = random.Random(3)
    out = []
    for _n in range(5700):
        name, figure = rng.choice(NAMES), f"{rng.randint(1, 40)}.{rng.randint(0, 9)}"
        out.append(
            rng.choice(
                (
                    f"Shares of {name} are still down {figure}% from last month, as the market weighs the outlook.",
                    f"The market is pricing in {figure}% of cuts that may never arrive, analysts at {name} said.",
                    f"{name} plans to build {rng.randint(2, 9)} plants near {rng.choice(CITIES)}, the company said.",
                )
            )
        )
    for _ in range(260):
        millions = f"{rng.randint(1, 9)}.{rng.randint(0, 9)}"
        if millions == "4.3":
            millions = "3.4"
        out.append(f"{rng.choice(NAMES)} said it would hire {millions} million customers in {rng.choice(CITIES)}.")
    out.append("Mar del Plata reported a quiet season.")
    out.append(TARGET)
    return out


@pytest.fixture(scope="module")
def templated(tmp_path_factory):
    path = tmp_path_factory.mktemp("templated") / "templated.db"
    db = open_db(path)
    texts = sentences()
    with write_transaction(db):
        for first in range(0, len(texts), 40):
            batch = texts[first : first + 40]
            text = " ".join(batch)
            article = db.execute(
                "INSERT INTO articles (path, content_hash, title, source, words, text, imported, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [f"t/{first}.txt", f"t/{first}", batch[0][:80], "Bench", len(text.split()), text, "now", "now"],
            ).lastrowid
            start, rows = 0, []
            for seq, sentence in enumerate(batch):
                rows.append((article, seq, start, start + len(sentence), sentence))
                start += len(sentence) + 1
            db.conn.executemany(
                'INSERT INTO sentences (article_id, seq, start, "end", text) VALUES (?, ?, ?, ?, ?)', rows
            )
    db.close()
    searcher = Searcher(path)
    yield searcher
    searcher.close()


def test_a_half_typed_common_word_stands_for_it_instead_of_excluding_it(templated):
    vocabulary = Vocabulary(templated.db.conn, lambda sql, params=(): templated.db.conn.execute(sql, params).fetchall())
    vocabulary.refresh()
    mar = vocabulary.expand("mar")
    assert "mar" in mar.terms and "market" in mar.common and not mar.narrows
    assert "market" in vocabulary.expand("marke").common
    assert "million" in vocabulary.expand("mil").terms  # in 4% of sentences here: not a common word
    assert vocabulary.expand("customers").narrows


def test_a_saturated_and_is_narrowed_by_the_digits_and_common_words_of_the_query(templated):
    # "hire" and "customers" alone match 261 sentences: the first 200 in index order miss the target.
    hits = templated.search("hire 4.3 mil cutsomers", limit=10)
    assert hits and hits[0].text == TARGET


def test_common_words_typed_as_a_phrase_find_their_sentence(templated):
    hits = templated.search("said it would hire 4.3", limit=10)
    assert hits and hits[0].text == TARGET


@pytest.mark.parametrize(
    ("query", "right", "wrong"),
    [
        (  # the query's words in their order and next to each other, though partial_ratio prefers the other
            "on 17 2023 after the",
            "Snowflake shares rallied 15% on 17 May 2023 after the company doubled its steep trade tension.",
            "ASML shares slumped 11% on Q1 2023 after the company doubled its expansion for 17 January 2026.",
        ),
        (  # a half-typed word next to the word it followed
            'the demand ref a shift from "exec',
            'The demand reflects a shift from "executrices" to "buy the dip" among traders.',
            "The demand reflects a shift from \u201cdefining\u201d to \u201cwinner takes all\u201d among executives.",
        ),
    ],
)
def test_words_in_their_typed_order_and_neighbours_rank_first(query, right, wrong):
    common = {"on", "after", "the", "a", "from"}
    scored, _ = score_texts(parse_query(query), [wrong, right], lambda w: 0.25 if w in common else 1.0)
    assert scored[0].index == 1, [round(s.score, 3) for s in scored]


def test_a_letter_read_in_chunks_holds_every_word_once_as_one_read_does(templated, monkeypatch):
    from store.search import vocabulary as module

    conn = templated.db.conn
    whole = Vocabulary(conn, lambda sql, params=(): conn.execute(sql, params).fetchall())
    monkeypatch.setattr(module, "LOAD_CHUNK", 3)
    chunked = Vocabulary(conn, lambda sql, params=(): conn.execute(sql, params).fetchall())
    rows = conn.execute(f"SELECT term, doc FROM {module.VOCAB_TABLE} WHERE term >= 'm' AND term < 'n'")
    listed = [tuple(row) for row in rows]
    assert len(listed) > 2 * 3 and len(listed) % 3  # three chunks or more, the last one short
    for vocabulary in (whole, chunked):
        group = vocabulary.group("m")
        assert list(group.terms) == [term for term, _ in listed]
        assert group.docs == dict(listed)
    assert chunked.group("m").by_length == whole.group("m").by_length
