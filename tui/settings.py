"""Small settings the app remembers between runs (the theme, pane widths): ``settings.json`` in the config
directory, beside ``keymap.toml`` (``$XDG_CONFIG_HOME/broadsheet`` on Linux).

A flat JSON object of plain values. Reading never fails the app: a missing, unreadable or malformed file is
no settings. Writing is atomic (a temporary file in the same directory, then a rename), so a crash or two
processes saving at once leave either the old file or the new one, never half of one. ``save_setting`` does
disk I/O: call it from a background job. The UI thread calls ``remember_setting`` (no I/O) and then runs
``flush_settings`` in the background.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

SETTINGS_FILE = "settings.json"

# ``_writing``: one read-modify-write of the file at a time within this process. ``_pending``: values set on the UI
# thread and not yet written; a flush takes them while holding ``_writing``, so flushes write them in the order
# they were set even when their threads run out of order.
_writing = threading.Lock()
_pending_lock = threading.Lock()
_pending: dict[Path, dict[str, Any]] = {}


def settings_path() -> Path:
    return user_config_path("broadsheet", appauthor=False) / SETTINGS_FILE


def load_settings(path: Path | None = None) -> dict[str, Any]:
    """Every saved setting, ``{}`` when there are none or the file cannot be read as a JSON object."""
    try:
        data = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember_setting(key: str, value: Any, path: Path | None = None) -> None:
    """Note a setting to be written by the next :func:`flush_settings` (no I/O: safe on the UI thread)."""
    with _pending_lock:
        _pending.setdefault(path or settings_path(), {})[key] = value


def save_setting(key: str, value: Any, path: Path | None = None) -> None:
    """Set one setting now (``None`` removes it), keeping the others; ``value`` must be JSON-serialisable."""
    remember_setting(key, value, path)
    flush_settings(path)


def flush_settings(path: Path | None = None) -> None:
    """Write the settings remembered so far into the file, atomically."""
    path = path or settings_path()
    with _writing:
        with _pending_lock:
            changes = _pending.pop(path, {})
        if not changes:
            return
        settings = load_settings(path)
        for key, value in changes.items():
            if value is None:
                settings.pop(key, None)
            else:
                settings[key] = value
        text = json.dumps(settings, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{SETTINGS_FILE}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
