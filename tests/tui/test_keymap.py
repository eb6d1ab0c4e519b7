"""Keymaps: the TOML files cover exactly the code's binding ids, and bad keymaps are refused with one clear line."""

from __future__ import annotations

import tomllib

import pytest

from tui.app import run_app
from tui.keymap import (
    BUILTIN_KEYMAPS,
    KeymapError,
    builtin_keymap_file,
    collect_bindings,
    flatten_keymap,
    imported_bindings,
    load_keymap,
    user_keymap_path,
)


@pytest.fixture(scope="module")
def bindings():
    return collect_bindings()


def test_reading_the_source_finds_the_same_bindings_as_importing_the_classes(bindings):
    assert bindings == imported_bindings()


@pytest.mark.parametrize("name", BUILTIN_KEYMAPS)
def test_every_keymap_file_names_exactly_the_ids_in_the_code(name, bindings):
    label = f"keymaps/{name}.toml"
    ids = set(flatten_keymap(tomllib.loads(builtin_keymap_file(name).read_text("utf-8")), label))
    assert ids == set(bindings), (sorted(ids - set(bindings)), sorted(set(bindings) - ids))
    assert load_keymap(name, bindings).keys() == bindings.keys()


@pytest.mark.parametrize("name", BUILTIN_KEYMAPS)
def test_a_shipped_keymap_read_without_the_bindings_is_the_validated_one(name, bindings):
    assert load_keymap(name) == load_keymap(name, bindings)


def test_the_code_declares_the_promised_default_keys(bindings):
    keymap = load_keymap("default", bindings)
    assert keymap["app.quit"] == "ctrl+q"
    assert keymap["app.help"].split(",") == ["question_mark", "f1"]
    assert keymap["library.open"] == "enter"
    assert all(binding_id.count(".") == 1 for binding_id in bindings)


def test_vim_and_emacs_move_with_their_own_keys(bindings):
    vim, emacs = load_keymap("vim", bindings), load_keymap("emacs", bindings)
    for scope in ("library", "reader"):
        down, up = ("cursor-down", "cursor-up") if scope == "library" else ("next-sentence", "previous-sentence")
        top, bottom = ("first", "last") if scope == "library" else ("top", "bottom")
        assert "j" in vim[f"{scope}.{down}"].split(",") and "k" in vim[f"{scope}.{up}"].split(",")
        assert "g" in vim[f"{scope}.{top}"].split(",") and "G" in vim[f"{scope}.{bottom}"].split(",")
        assert "ctrl+n" in emacs[f"{scope}.{down}"].split(",") and "ctrl+p" in emacs[f"{scope}.{up}"].split(",")
    # ctrl+p moves up in emacs, so the palette moves to M-x rather than being shadowed.
    assert emacs["app.command-palette"] == "alt+x"


def write_user_keymap(text: str):
    path = user_keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_user_file_overrides_the_chosen_keymap(bindings):
    write_user_keymap('[library]\nsort = "o"\n')
    keymap = load_keymap("vim", bindings)
    assert keymap["library.sort"] == "o"
    assert "j" in keymap["library.cursor-down"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[library]\nsrot = "o"\n', "keymap.toml: library.srot: unknown binding id (did you mean library.sort?)"),
        ('[library]\nsort = "enter"\n', "keymap.toml: library.sort: key 'enter' already bound to library.open in scope "
                                        "library"),
        ('[library]\nsort = "ctrl+q"\n', "keymap.toml: library.sort: key 'ctrl+q' shadows app.quit of the enclosing "
                                         "scope app"),
        ('[reader]\ntop = "f2"\n', "keymap.toml: reader.top: key 'f2' shadows main.toggle-library of the enclosing "
                                   "scope main"),
        ("[library\n", "keymap.toml: not valid TOML"),
        ("[library]\nsort = 3\n", "keymap.toml: library.sort: expected a key string or a list of keys"),
    ],
)
def test_a_bad_user_keymap_is_one_line_naming_file_id_and_key(bindings, text, expected):
    write_user_keymap(text)
    with pytest.raises(KeymapError) as caught:
        load_keymap("default", bindings)
    message = str(caught.value)
    assert "\n" not in message
    assert expected in message


def test_keys_of_one_scope_may_repeat_in_a_sibling_scope(bindings):
    keymap = load_keymap("default", bindings)
    assert "f" in keymap["library.filter"].split(",") and "f" in keymap["reader.next-figure"].split(",")


def test_a_keymap_file_by_path_and_unknown_names(tmp_path, bindings):
    path = tmp_path / "mine.toml"
    path.write_text('library.sort = ["o", "S"]\n', encoding="utf-8")
    assert load_keymap(str(path), bindings)["library.sort"] == "o,S"
    with pytest.raises(KeymapError, match="nano: unknown keymap"):
        load_keymap("nano", bindings)
    with pytest.raises(KeymapError, match="missing.toml: no such keymap file"):
        load_keymap(str(tmp_path / "missing.toml"), bindings)


def test_run_app_refuses_a_bad_keymap_with_exit_code_2(db_path, capsys):
    write_user_keymap('[library]\nsort = "enter"\n')
    assert run_app(db_path, "default") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("broadsheet: ") and "library.sort" in err[0] and "'enter'" in err[0]
