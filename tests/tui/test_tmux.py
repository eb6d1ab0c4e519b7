"""The real console script in a real terminal (tmux): it starts, shows the library, opens an article and quits."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from store.articles import list_articles
from store.db import open_db

BROADSHEET = Path(sys.executable).with_name("broadsheet")

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not BROADSHEET.exists(), reason=f"console script not installed at {BROADSHEET}"),
]


def tmux(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=10)


def wait_for(session: str, predicate, timeout: float = 30.0) -> str:
    """The pane's text once ``predicate(text)`` holds; fails with the last screen seen."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session).stdout
        if predicate(screen):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"timed out; the screen was:\n{screen}")


def test_launch_open_an_article_and_quit(seeded_db, db_path, tmp_path):
    first = list_articles(seeded_db)[0]
    session = f"broadsheet-{uuid.uuid4().hex[:8]}"
    command = (
        f"env XDG_CONFIG_HOME={shlex.quote(str(tmp_path / 'config'))} "
        f"XDG_DATA_HOME={shlex.quote(str(tmp_path / 'data'))} TERM=xterm-256color "
        f"{shlex.quote(str(BROADSHEET))} --db {shlex.quote(str(db_path))}"
    )
    assert tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command).returncode == 0
    try:
        screen = wait_for(session, lambda text: "Library 5" in text and first.title[:12] in text)
        assert "Filter" in screen
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, lambda text: f"{first.words:,} words" in text)
        tmux("send-keys", "-t", session, "C-q")
        deadline = time.monotonic() + 10
        while tmux("has-session", "-t", session).returncode == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert tmux("has-session", "-t", session).returncode != 0, "the app did not quit on ctrl+q"
    finally:
        tmux("kill-session", "-t", session)
    db = open_db(db_path)
    try:
        assert [a.read for a in list_articles(db) if a.id == first.id] == [True]
    finally:
        db.close()
