"""Annotation writers: two at once both store everything (they wait for the write lock, no "database is locked"
reaches the user), and a writer killed with SIGKILL at random moments loses nothing whose command returned.

Each writer is a subprocess that runs the ``broadsheet annotate`` command (``tui.cli.main``, exactly as the
console script does: its own connection, open, write, close) once per quote, in a loop — starting a fresh
interpreter per call would add half a second each and test nothing more. After each call returns it prints one
line: the annotation's id, or the command's exit code and error output.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from tests.reliability.helpers import REPO, cli_environment, run_cli

WRITER = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from tui.cli import main

    db, quotes = sys.argv[1], json.loads(sys.argv[2])
    for article, quote, tag in quotes:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--db", db, "annotate", article, "--quote", quote, "--tag", tag, "--tag", "both",
                         "--note", "n:" + quote[:20], "--json"])
        if code == 0:
            print(json.dumps({"id": json.loads(out.getvalue())["id"], "quote": quote}), flush=True)
        else:
            print(json.dumps({"code": code, "error": err.getvalue()}), flush=True)
    """
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A database of the sample articles and every sentence that occurs once in its article: (path, quotes)."""
    folder = tmp_path_factory.mktemp("writers")
    db_path = folder / "broadsheet.db"
    result = run_cli(db_path, "import", str(REPO / "seeds"))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db_path) as conn:
        texts = dict(conn.execute("SELECT id, text FROM articles"))
        rows = conn.execute("SELECT article_id, text FROM sentences WHERE length(text) BETWEEN 30 AND 200 ORDER BY id")
        quotes = [(str(article), sentence) for article, sentence in rows if texts[article].count(sentence) == 1]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_path, quotes


def start_writer(db_path, quotes) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), json.dumps(quotes)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_environment())


def stored(db_path) -> dict[int, tuple[str, list[str], str]]:
    """Every annotation: id → (quote, tags in order, note)."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tags = {}
        for annotation_id, name in conn.execute(
            "SELECT annotation_id, name FROM annotation_tags JOIN tags ON tags.id = tag_id ORDER BY annotation_id, seq"
        ):
            tags.setdefault(annotation_id, []).append(name)
        return {annotation_id: (exact, tags.get(annotation_id, []), note)
                for annotation_id, exact, note in conn.execute("SELECT id, exact, note FROM annotations")}


def test_two_writers_at_once_store_every_annotation_and_never_report_a_lock(seeded, tmp_path):
    source, quotes = seeded
    assert len(quotes) >= 80
    db_path = tmp_path / "broadsheet.db"
    db_path.write_bytes(source.read_bytes())
    halves = [[(a, q, "first") for a, q in quotes[0:80:2]], [(a, q, "second") for a, q in quotes[1:80:2]]]

    writers = [start_writer(db_path, half) for half in halves]
    outputs = [writer.communicate(timeout=120) for writer in writers]

    returned = {}
    for writer, (stdout, stderr) in zip(writers, outputs, strict=False):
        assert writer.returncode == 0, stderr
        lines = [json.loads(line) for line in stdout.splitlines()]
        failed = [line for line in lines if "id" not in line]
        assert not failed, failed  # no "database is locked", nor anything else
        returned.update((line["id"], line["quote"]) for line in lines)
    assert len(returned) == 80
    annotations = stored(db_path)
    assert {annotation_id: record[0] for annotation_id, record in annotations.items()} == returned
    for half, tag in zip(halves, ("first", "second"), strict=False):
        assert sum(record[1] == [tag, "both"] for record in annotations.values()) == len(half)


def test_a_writer_killed_at_random_moments_keeps_every_annotation_whose_command_returned(seeded, tmp_path):
    source, quotes = seeded
    db_path = tmp_path / "broadsheet.db"
    db_path.write_bytes(source.read_bytes())
    rng = random.Random(7)
    returned: dict[int, str] = {}
    done = 0
    for _ in range(5):
        writer = start_writer(db_path, [(a, q, "kill") for a, q in quotes[done:]])
        for _ in range(rng.randrange(1, 6)):  # let a few commands return, then kill inside a later one
            line = json.loads(writer.stdout.readline())
            assert "id" in line, line
            returned[line["id"]] = line["quote"]
        # a moment within the next command: opening the database, the transaction, or the commit
        subprocess.run(["sleep", f"{rng.uniform(0, 0.03):.3f}"])
        writer.send_signal(signal.SIGKILL)
        remaining, _ = writer.communicate(timeout=30)
        for text in remaining.splitlines():  # commands that returned before the signal landed
            line = json.loads(text)
            returned[line["id"]] = line["quote"]
        annotations = stored(db_path)
        for annotation_id, quote in returned.items():
            assert annotations[annotation_id][0] == quote
        # nothing half-written: every stored annotation has its note and both tags, returned or not
        for exact, tags, note in annotations.values():
            assert tags == ["kill", "both"] and note == "n:" + exact[:20]
        done = len(annotations)
    assert len(returned) >= 5
