"""broadsheet doctor: a healthy database passes, a damaged index or half-written article fails."""

import json

from tui.cli import main


def test_healthy_database_passes(seeded_db, db_path, capsys):
    seeded_db.close()
    assert main(["--db", str(db_path), "doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and {c["name"] for c in report["checks"]} >= {"integrity", "schema version",
                                                                      "sentences_fts index"}


def test_half_written_article_and_stale_index_are_reported_and_repairable(seeded_db, db_path, capsys):
    article_id = seeded_db.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    seeded_db.execute("DROP TRIGGER sentences_ad")  # a stale index: deleting rows no longer updates it
    seeded_db.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])
    seeded_db.close()
    assert main(["--db", str(db_path), "doctor"]) == 1
    out = capsys.readouterr().out
    assert "BAD  articles complete" in out and "BAD  sentences_fts index" in out
    assert main(["--db", str(db_path), "doctor", "--repair", "--json"]) == 1  # the missing sentences remain
    checks = {c["name"]: c["ok"] for c in json.loads(capsys.readouterr().out)["checks"]}
    assert checks["sentences_fts index"] and not checks["articles complete"]
