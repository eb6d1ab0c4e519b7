"""The real console script in a real terminal (tmux): it starts, shows the library, filters it from typed and
pasted text, opens an article, tags a sentence and quits."""

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


def launch(session: str, db_path: Path, tmp_path: Path) -> None:
    """The console script in a new detached tmux session of 100×30, with its own config and data dirs."""
    command = (
        f"env XDG_CONFIG_HOME={shlex.quote(str(tmp_path / 'config'))} "
        f"XDG_DATA_HOME={shlex.quote(str(tmp_path / 'data'))} TERM=xterm-256color "
        f"{shlex.quote(str(BROADSHEET))} --db {shlex.quote(str(db_path))}"
    )
    assert tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command).returncode == 0


def quit_app(session: str) -> None:
    tmux("send-keys", "-t", session, "C-q")
    deadline = time.monotonic() + 10
    while tmux("has-session", "-t", session).returncode == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tmux("has-session", "-t", session).returncode != 0, "the app did not quit on ctrl+q"


def test_launch_open_an_article_and_quit(seeded_db, db_path, tmp_path):
    first = list_articles(seeded_db)[0]
    session = f"broadsheet-{uuid.uuid4().hex[:8]}"
    launch(session, db_path, tmp_path)
    try:
        screen = wait_for(session, lambda text: "Library 5" in text and first.title[:12] in text)
        assert "Filter" in screen
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, lambda text: f"{first.words:,} words" in text)
        quit_app(session)
    finally:
        tmux("kill-session", "-t", session)
    db = open_db(db_path)
    try:
        assert [a.read for a in list_articles(db) if a.id == first.id] == [True]
    finally:
        db.close()


def test_filter_from_a_burst_and_a_paste_then_open_and_tag_a_sentence(seeded_db, db_path, tmp_path):
    articles = list_articles(seeded_db)
    investor = next(a for a in articles if a.title.casefold().startswith("investor"))
    target = next(a for a in articles if a.title.casefold().startswith("tech stocks"))
    session = f"broadsheet-{uuid.uuid4().hex[:8]}"
    launch(session, db_path, tmp_path)
    try:
        wait_for(session, lambda text: "Library 5 · by date" in text)
        # f, then a word full of command letters (s sorts, m marks, n, e, t, o, r act elsewhere), sent at once.
        tmux("send-keys", "-t", session, "-l", "finvestor")
        screen = wait_for(session, lambda text: "Library 1 of 5 · by date" in text)
        assert "investor" in screen and investor.title[:12] in screen
        tmux("send-keys", "-t", session, "Escape")
        wait_for(session, lambda text: "Library 5 · by date" in text)
        # A bracketed paste into the list opens the filter with the pasted text.
        buffer = f"paste-{session}"
        tmux("set-buffer", "-b", buffer, "Tech Stocks See")
        tmux("paste-buffer", "-p", "-d", "-b", buffer, "-t", session)
        screen = wait_for(session, lambda text: "Library 1 of 5 · by date" in text)
        assert "Tech Stocks See" in screen and target.title[:12] in screen
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, lambda text: f"{target.words:,} words" in text)
        tmux("send-keys", "-t", session, "Down", "t")
        wait_for(session, lambda text: "Save" in text and "Cancel" in text)
        tmux("send-keys", "-t", session, "-l", "markets")
        tmux("send-keys", "-t", session, "C-s")
        wait_for(session, lambda text: "Annotation saved" in text)
        wait_for(session, lambda text: "▍#markets" in text)  # the reader's status line, once the toast has gone
        quit_app(session)
    finally:
        tmux("kill-session", "-t", session)
    db = open_db(db_path)
    try:
        from store.annotations import annotations_for_article

        assert [record.tags for record in annotations_for_article(db, target.id)] == [("markets",)]
        assert {a.id: a.read for a in list_articles(db)} == {a.id: a.id == target.id for a in articles}
    finally:
        db.close()
