"""The ``broadsheet`` command's entry: no subcommand opens the app without loading the subcommands."""

import subprocess
import sys
from pathlib import Path

import pytest

import tui.app
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
