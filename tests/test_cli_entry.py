"""The ``broadsheet`` command's entry: no subcommand opens the app without loading the subcommands."""

import gc
import subprocess
import sys
from pathlib import Path

import pytest

import tui.app
from store.db import DatabaseError
from tui.cli import app_options, main


def test_only_global_options_mean_the_app():
    assert vars(app_options([])) == {"db": None, "keymap": None}
    assert vars(app_options(["--db", "x.db", "--keymap", "vim"])) == {"db": Path("x.db"), "keymap": "vim"}
    assert app_options(["--db", "x.db", "import", "articles/"]) is None
    assert app_options(["--help"]) is None
    assert app_options(["--no-such-option"]) is None  # left to the full parser, which says what is wrong


def test_main_opens_the_app_with_the_global_options(monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(tui.app, "run_app", lambda **options: opened.append(options) or 0)
    assert main(["--db", str(tmp_path / "b.db"), "--keymap", "emacs"]) == 0
    assert opened == [{"db_path": tmp_path / "b.db", "keymap": "emacs"}]


def test_an_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--no-such-option"])
    assert info.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_opening_the_app_loads_no_subcommand_module():
    """The subcommands import the importer, the extractor and the search engine: a tenth of a second of start-up
    the app's first frame does not need."""
    script = (
        "import sys, tui.app; tui.app.run_app = lambda **options: 0; from tui.cli import main; main([]); "
        "print(sorted(m for m in ('store.importer', 'store.extract', 'store.search', 'tui.cli.corpus') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.stdout.strip() == "[]"


def test_the_app_is_built_with_the_garbage_collector_paused_and_run_with_it_on(monkeypatch, tmp_path):
    """Start-up pauses Python's cyclic collector (it would walk the imports' heap again and again); whatever
    happens, the command hands it back on."""
    seen = []
    monkeypatch.setattr(tui.app, "run_app", lambda **options: seen.append(gc.isenabled()) or 0)
    assert main(["--db", str(tmp_path / "b.db")]) == 0
    assert seen == [False] and gc.isenabled()

    def refuse(**options):
        raise DatabaseError("not a database")

    monkeypatch.setattr(tui.app, "run_app", refuse)
    assert main(["--db", str(tmp_path / "b.db")]) == 2
    assert gc.isenabled()


def test_the_app_runs_with_the_start_up_heap_frozen_and_the_collector_on(tmp_path):
    """What start-up built is frozen out of the collector's scans before the app runs, and the collector runs
    during the session (a fresh interpreter: freezing is for the whole process)."""
    script = (
        "import gc, sys, tui.app\n"
        "from tui.cli import main\n"
        "def run(app):\n"
        "    print(gc.isenabled(), gc.get_freeze_count() > 10_000, type(app.first_page).__name__)\n"
        "tui.app.BroadsheetApp.run = run\n"
        "sys.exit(main(['--db', sys.argv[1]]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "b.db")], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[1])
    assert result.stdout.split() == ["True", "True", "list"]
