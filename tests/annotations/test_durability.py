"""Annotations through a real re-import, and a save that survives kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from store import annotations as store
from store.db import open_db
from store.importer import import_paths

ROOT = Path(__file__).resolve().parents[2]


def test_reimport_of_an_edited_file_reanchors_its_annotations(db, tmp_path):
    article_file = tmp_path / "story.txt"
    article_file.write_text(
        "Markets wobble\n\nShares fell 4% on Monday after the report.\nAnalysts were divided.\n", encoding="utf-8"
    )
    import_paths(db, [article_file])
    article_id, text = db.execute("SELECT id, text FROM articles").fetchone()
    start = text.index("Shares fell 4%")
    created = store.create_annotation(db, article_id, start, start + len("Shares fell 4%"), ["claim"], "source?")
    article_file.write_text(
        "Markets wobble\n\nUpdated at noon.\n\nShares fell 4% on Monday after the report.\nAnalysts were divided.\n",
        encoding="utf-8",
    )
    assert import_paths(db, [article_file]).updated == 1
    [record] = store.annotations_for_article(db, article_id)
    new_text = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    assert (record.id, record.anchor, record.note) == (created.id, "moved", "source?")
    assert new_text[record.start : record.end] == "Shares fell 4%"


def test_an_annotation_saved_just_before_kill_9_is_there(db_path, tmp_path):
    open_db(db_path).close()
    article_file = tmp_path / "story.txt"
    article_file.write_text("A headline\n\nThe council approved the budget on Tuesday.\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from store.db import open_db
        from store.importer import import_paths
        from store.annotations import create_annotation
        db = open_db({str(db_path)!r})
        import_paths(db, [{str(article_file)!r}])
        article_id, text = db.execute("SELECT id, text FROM articles").fetchone()
        start = text.index("approved")
        create_annotation(db, article_id, start, start + 8, ["vote"], "unanimous?")
        print("saved", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "saved"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    db = open_db(db_path)
    [record] = store.list_annotations(db)
    assert (record.exact, record.tags, record.note) == ("approved", ("vote",), "unanimous?")
    db.close()
