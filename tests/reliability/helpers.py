"""Running the real ``broadsheet`` CLI in a subprocess and checking what the database holds afterwards."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from bench.corpus import generate_articles
from store.ingest import parse_file

REPO = Path(__file__).resolve().parents[2]
CLI_MAIN = "import sys; from tui.cli import main; sys.exit(main())"


def cli_command(db_path: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", CLI_MAIN, "--db", str(db_path), *args]


def cli_environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "BROADSHEET_DB": ""}


def run_cli(db_path: Path, *args: str, timeout: float = 120, **options) -> subprocess.CompletedProcess:
    return subprocess.run(cli_command(db_path, *args), capture_output=True, text=True, timeout=timeout,
                          env=cli_environment(), **options)


def start_cli(db_path: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(cli_command(db_path, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=cli_environment())


def write_articles(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """``n`` synthetic articles as ``.txt`` files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate_articles(n, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    """Failed with a non-zero exit code and a single line on stderr that says why (no traceback)."""
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]


def stored_counts(db_path: Path) -> dict[str, int]:
    with _read_only(db_path) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "blocks", "sentences")}


def assert_whole_articles(db_path: Path) -> int:
    """The file passes ``integrity_check`` and every stored article has exactly the blocks and sentences a fresh
    parse of its file gives — no article half-written. Returns the number of articles."""
    with _read_only(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute(
            "SELECT a.path, (SELECT count(*) FROM sentences s WHERE s.article_id = a.id),"
            " (SELECT count(*) FROM blocks b WHERE b.article_id = a.id) FROM articles a"
        ).fetchall()
    for path, sentences, blocks in rows:
        (article,), _ = parse_file(Path(path))
        assert (sentences, blocks) == (len(article.sentences), len(article.blocks)), path
        assert sentences > 0, path
    return len(rows)


class _read_only:
    """A read-only connection that never creates files next to the database (``immutable`` is not used, so
    a left-over WAL is still read)."""

    def __init__(self, db_path: Path):
        self.conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()
