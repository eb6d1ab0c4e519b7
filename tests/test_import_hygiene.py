"""Boundaries at run time, as harlequin's import-hygiene test checks them: importing every module of ``store``
loads neither Textual nor Rich (nor ``tui``), and the command line with all its subcommands registered loads
no Textual. Each check runs in a fresh interpreter, so nothing imported by other tests hides a leak.
(``lint-imports`` checks the same boundaries statically, see pyproject.toml.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules_loaded_after(code: str) -> set[str]:
    """The top-level packages in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_importing_every_store_module_loads_no_textual_rich_or_tui():
    names = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / "store").rglob("*.py")
    )
    assert "store.annotations" in names and "store.search.engine" in names
    # httpx imports its own command line (click, pygments, rich) whenever those are installed: that is httpx's
    # import, not ours, so it is switched off here to see what store itself loads.
    no_httpx_cli = "import sys\nsys.modules['httpx._main'] = None\n"
    loaded = modules_loaded_after(
        no_httpx_cli + "import importlib\n" + "".join(f"importlib.import_module({n!r})\n" for n in names)
    )
    assert "store" in loaded
    assert not loaded & {"textual", "rich", "tui"}


def test_the_command_line_with_every_subcommand_loads_no_textual():
    loaded = modules_loaded_after("from tui.cli import build_parser\nbuild_parser()")
    assert "store" in loaded
    assert "textual" not in loaded
