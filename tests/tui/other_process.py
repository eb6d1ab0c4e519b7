"""What the live-update tests share: the real CLI writing from another process while the app is open, and a
pilot waiting for the app to catch up with it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.reliability.helpers import run_cli as run_cli_process


def run_cli(db_path: Path, *args: str) -> subprocess.CompletedProcess:
    """``broadsheet --db DB ARGS`` in another process, as a shell would run it while the app is open; it must
    succeed without ever meeting a locked database."""
    result = run_cli_process(db_path, *args)
    assert result.returncode == 0, result.stderr
    assert "locked" not in result.stderr
    return result


async def wait_until(pilot, condition, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), "the app did not catch up with the other process"
