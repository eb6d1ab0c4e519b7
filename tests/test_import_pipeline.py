"""The import pipeline: layers derived before the write transaction (or in worker processes) are the layers
the database would derive from its own rows, and the write lock is never held while deriving."""

from __future__ import annotations

import threading
from pathlib import Path

from bench.corpus import generate_articles
from store import article_writer, importer, mentions
from store.article_writer import write_article
from store.db import write_transaction
from store.extract.teachings import Teachings
from store.importer import import_paths, prepare_file
from store.layers import rebuild_article_layers, stale_articles

LAYER_QUERIES = {
    "mentions": 'SELECT a.path, m.start, m."end", m.text, m.kind, m.label, m.entity, m.value, m.value_high, m.unit, '
    "m.hedge FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.path, m.start, m.id",
    "quotes": 'SELECT a.path, q.start, q."end", q.text, q.speaker, q.speaker_entity, q.cue '
    "FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.path, q.start, q.id",
    "claims": 'SELECT a.path, c.start, c."end", c.subject, c.subject_entity, c.metric, c.label, c.value, c.value_high, '
    "c.unit, c.hedge, c.period FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY a.path, c.start, c.id",
    "layout": 'SELECT a.path, a.words, a.content_hash, count(s.id) FROM articles a '
              'JOIN sentences s ON s.article_id = a.id '
    "GROUP BY a.id ORDER BY a.path",
}


def layers(db) -> dict[str, list[tuple]]:
    return {name: db.execute(sql).fetchall() for name, sql in LAYER_QUERIES.items()}


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    folder.mkdir()
    paths = []
    for name, text in generate_articles(n, seed):
        paths.append(folder / name)
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def test_imported_layers_equal_those_rebuilt_from_the_stored_rows(seeded_db):
    imported = layers(seeded_db)
    assert imported["mentions"] and imported["quotes"] and imported["claims"]
    for (article_id, text) in seeded_db.execute("SELECT id, text FROM articles").fetchall():
        with write_transaction(seeded_db):
            rebuild_article_layers(seeded_db, article_id, text, text)  # from the stored blocks and sentences
    assert layers(seeded_db) == imported


def test_worker_processes_store_what_an_in_process_import_stores(tmp_path, monkeypatch):
    from store.db import open_db

    files = write_corpus(tmp_path / "corpus", importer.IN_PROCESS_MAX_FILES + 4)
    results = {}
    for mode, limit in (("in process", 10**6), ("workers", 1)):
        monkeypatch.setattr(importer, "IN_PROCESS_MAX_FILES", limit)
        db = open_db(tmp_path / f"{mode}.db")
        report = import_paths(db, files)
        assert report.imported == len(files), report.skipped
        results[mode] = layers(db)
        db.close()
    assert results["workers"] == results["in process"]


def test_workers_start_safely_from_a_thread(tmp_path, monkeypatch):
    """The app imports from a worker thread; a fork there could copy a lock another thread holds."""
    from store.db import open_db

    files = write_corpus(tmp_path / "corpus", 3)
    monkeypatch.setattr(importer, "IN_PROCESS_MAX_FILES", 1)
    db = open_db(tmp_path / "broadsheet.db")
    outcome = {}
    started = threading.Event()

    def run() -> None:
        started.wait()
        outcome["start method"] = importer._start_method()
        outcome["report"] = import_paths(db, files)

    thread = threading.Thread(target=run)
    thread.start()
    started.set()
    thread.join(timeout=60)
    assert outcome["start method"] == "forkserver"
    assert outcome["report"].imported == 3
    assert db.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0
    db.close()


def test_layers_are_derived_before_the_write_lock_is_taken(db, tmp_path, monkeypatch):
    files = write_corpus(tmp_path / "corpus", 2)
    in_transaction = []
    derive = article_writer.derive_layers

    def watched(*args, **kwargs):
        in_transaction.append(db.conn.in_transaction)
        return derive(*args, **kwargs)

    monkeypatch.setattr(article_writer, "derive_layers", watched)
    assert import_paths(db, files).imported == 2
    assert in_transaction == [False, False]


def test_an_unchanged_file_is_not_derived_again(db, tmp_path, monkeypatch):
    files = write_corpus(tmp_path / "corpus", 2)
    import_paths(db, files)

    def fail(*args, **kwargs):
        raise AssertionError("derived an article whose stored version is the same")

    monkeypatch.setattr(article_writer, "derive_layers", fail)
    assert import_paths(db, files).unchanged == 2


def test_a_teaching_made_while_the_article_was_prepared_still_applies(db, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Chip Stocks Slide\nShares of Nvidia fell about 17% on Monday while Intel rose.\n")
    prepared = prepare_file(path, Teachings(), {})
    mentions.suppress_teaching(db, "Nvidia")  # another process teaches before this one writes
    assert [write_article(db, item) for item in prepared.articles] == ["imported"]
    stored = {m.text for m in mentions.mentions(db)}
    assert "Nvidia" not in stored and "17%" in stored
    assert stale_articles(db) == []


def test_a_file_imported_by_another_process_meanwhile_is_left_unchanged(db, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Chip Stocks Slide\nShares of Nvidia fell about 17% on Monday.\n")
    prepared = prepare_file(path, Teachings(), {})
    assert import_paths(db, [path]).imported == 1  # the other importer wins the race
    assert [write_article(db, item) for item in prepared.articles] == ["unchanged"]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
