"""``broadsheet serve``: the real command in a subprocess on a free loopback port, its page fetched and the app's
first screen read over its websocket, as a browser would."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import httpx
import pytest

from store.articles import list_articles
from tui.cli import build_parser
from tui.cli.serve import LOOPBACK, app_command, public_url
from tui.widgets.app_header import ICON

ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serving(output: Path, *argv: str):
    """``broadsheet ARGV`` running until the block ends, its output going to ``output`` (a file: a pipe nobody
    reads would stall the server once full); yields the process."""
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))", *argv],
            cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # its session: the server and the app processes it started
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def fetch_page(url: str, process: subprocess.Popen, within: float = 30.0) -> httpx.Response:
    deadline = time.monotonic() + within
    while True:
        assert process.poll() is None, f"the server ended with exit code {process.returncode}"
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


async def first_screen(url: str, wanted: str, within: float = 30.0) -> str:
    """The app's output over the websocket, as plain text, once it shows ``wanted``."""
    seen = ""
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as websocket:
        deadline = asyncio.get_running_loop().time() + within
        while wanted not in seen:
            remaining = deadline - asyncio.get_running_loop().time()
            assert remaining > 0, f"{wanted!r} never shown; the screen so far: {seen[-2000:]!r}"
            try:
                message = await websocket.receive(timeout=remaining)
            except TimeoutError:
                raise AssertionError(f"{wanted!r} never shown; the screen so far: {seen[-2000:]!r}") from None
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += ANSI.sub("", message.data.decode("utf-8", "replace"))
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                raise AssertionError(f"the app closed the websocket; the screen so far: {seen[-2000:]!r}")
        await websocket.send_json(["stdin", "\x11"])  # ctrl+q: the app quits as in a terminal
    return seen


def test_serve_listens_on_loopback_and_the_page_runs_the_app_on_this_database(seeded_db, db_path, tmp_path):
    first_word = list_articles(seeded_db)[0].title.split()[0]
    port = free_port()
    with serving(tmp_path / "serve.log", "--db", str(db_path), "serve", "--port", str(port)) as process:
        page = fetch_page(f"http://{LOOPBACK}:{port}/", process)
        assert page.status_code == 200
        assert "<div>Broadsheet</div>" in page.text  # the name on the page before the app starts
        assert f"ws://{LOOPBACK}:{port}/ws" in page.text
        assert fetch_page(f"http://{LOOPBACK}:{port}/static/js/textual.js", process).status_code == 200
        # the library of this database's five articles, read as the browser gets it
        screen = asyncio.run(first_screen(f"ws://{LOOPBACK}:{port}/ws?width=120&height=40", "Library 5"))
        assert "Broadsheet" in screen
        assert first_word in screen
        # the header's icon is one the page's font (Roboto Mono) has; Textual's own ⭘ was an empty box
        assert ICON in screen and "⭘" not in screen
        with pytest.raises(httpx.TransportError):  # the wildcard address was not taken
            httpx.get(f"http://{other_address()}:{port}/", timeout=2)


def test_a_taken_port_is_one_line_and_exit_code_2(db_path, tmp_path):
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        port = taken.getsockname()[1]
        with serving(tmp_path / "serve.log", "--db", str(db_path), "serve", "--port", str(port)) as process:
            process.wait(30)
            assert process.returncode == 2
            assert (tmp_path / "serve.log").read_text().strip().splitlines()[-1].startswith(
                f"broadsheet: cannot serve on {LOOPBACK}:{port}:"
            )


def test_each_session_runs_this_database_and_keymap_and_a_shared_host_is_named(tmp_path):
    args = build_parser().parse_args(["--db", str(tmp_path / "b.db"), "--keymap", "vim", "serve"])
    assert (args.host, args.port) == (LOOPBACK, 8000)
    command = app_command(args)
    assert command.startswith(sys.executable)
    assert command.endswith(f"--db {tmp_path / 'b.db'} --keymap vim")
    assert public_url(LOOPBACK, 8080) == "http://127.0.0.1:8080"
    assert public_url("0.0.0.0", 8080) == f"http://{socket.getfqdn()}:8080"
    assert public_url("::1", 80) == "http://[::1]:80"


def other_address() -> str:
    """An address of this machine that is not loopback (skips the check when there is none)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # UDP: no packet is sent, only a route chosen
            address = probe.getsockname()[0]
        except OSError:
            address = ""
    if not address or address.startswith("127."):
        pytest.skip("no non-loopback address on this machine")
    return address
