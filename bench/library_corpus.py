"""A synthetic corpus of many articles for the benchmarks, built straight into the articles table.

Titles, sources and texts are drawn from the words of the bundled sample articles so that lengths and
letter statistics look like news; the layers (blocks, sentences, mentions) are left empty because the
library only reads the articles table. Every article is marked as extracted by the current extractor
(``mention_state``), also when an existing database is reused after an extractor upgrade: otherwise the app
would re-extract all of them in a background thread at start-up, and the library benchmarks would time that
one-off upgrade work (GIL contention) instead of the library.
"""

from __future__ import annotations

import importlib.resources
import random
import re
from datetime import date, timedelta
from pathlib import Path

from store.db import open_db, write_transaction

SOURCES = [
    "Reuters", "Associated Press", "Bloomberg", "Financial Times", "The Guardian", "Le Monde",
    "Nikkei Asia", "Al Jazeera", "Der Spiegel", "The Hindu", "El País", "South China Morning Post",
]


def seed_vocabulary() -> list[str]:
    """Distinct words of the bundled sample articles, as a vocabulary for synthetic titles and texts."""
    words: set[str] = set()
    for entry in importlib.resources.files("seeds").iterdir():
        if entry.name.endswith(".txt"):
            words.update(re.findall(r"[A-Za-z][A-Za-z'-]+", entry.read_text(encoding="utf-8")))
    return sorted(words)


def build_bench_db(path: Path, count: int, words_per_article: int = 400, seed: int = 7) -> Path:
    """Create (once) a database at ``path`` holding ``count`` synthetic articles; reuse it if it exists."""
    if path.exists():
        mark_extracted(path)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    rng = random.Random(seed)
    vocabulary = seed_vocabulary()
    db = open_db(partial)
    start = date(2015, 1, 1)
    with write_transaction(db):
        batch = []
        for n in range(count):
            title = " ".join(rng.choices(vocabulary, k=rng.randint(5, 14))).capitalize()
            words = rng.randint(words_per_article // 3, words_per_article * 2)
            text = title + "\n\n" + " ".join(rng.choices(vocabulary, k=words))
            published = (start + timedelta(days=rng.randint(0, 4000))).isoformat()
            batch.append((f"bench/{n:06d}.txt", f"{n:064x}", title, rng.choice(SOURCES), published,
                          f"https://example.org/{n}", None, words, text, int(rng.random() < 0.3), 0,
                          published, published))
            if len(batch) == 5000:
                _insert(db, batch)
                batch.clear()
        _insert(db, batch)
    db.close()
    partial.rename(path)
    mark_extracted(path)
    return path


def mark_extracted(path: Path) -> int:
    """Record every article as extracted by today's extractor with no teachings, so that the app finds nothing
    stale to re-extract when it starts; returns how many articles were marked."""
    from store.extract import EXTRACTOR_VERSION

    db = open_db(path)
    try:
        with write_transaction(db):
            marked = db.execute(
                "INSERT OR REPLACE INTO mention_state (article_id, extractor_version, teachings) "
                "SELECT a.id, ?, '' FROM articles a LEFT JOIN mention_state s ON s.article_id = a.id "
                "WHERE s.extractor_version IS NOT ? OR s.teachings != ''",
                [EXTRACTOR_VERSION, EXTRACTOR_VERSION],
            ).rowcount
    finally:
        db.close()
    return marked


def _insert(db, rows) -> None:
    db.conn.executemany(
        """INSERT INTO articles (path, content_hash, title, source, published, url, byline, words, text, read,
           position, imported, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows,
    )
