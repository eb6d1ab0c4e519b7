"""Settings kept between runs: the settings file itself, and the theme chosen in the palette."""

from __future__ import annotations

import json
import threading

from tests.tui.screen_host import settle
from tui.app import BroadsheetApp
from tui.settings import load_settings, save_setting, settings_path


def test_settings_live_in_the_config_dir_beside_the_keymap(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert settings_path() == tmp_path / "cfg" / "broadsheet" / "settings.json"
    assert load_settings() == {}
    save_setting("theme", "nord")
    save_setting("library_width", 60)
    assert load_settings() == {"theme": "nord", "library_width": 60}
    assert json.loads(settings_path().read_text()) == {"library_width": 60, "theme": "nord"}
    save_setting("theme", None)
    assert load_settings() == {"library_width": 60}
    assert [p.name for p in settings_path().parent.iterdir()] == ["settings.json"]  # no temporary file left


def test_a_broken_settings_file_is_no_settings_and_is_replaced_whole(tmp_path):
    path = tmp_path / "settings.json"
    for broken in ('{"theme": "no', "[1, 2]", "\xff\xfe"):
        path.write_text(broken, encoding="latin-1")
        assert load_settings(path) == {}
    save_setting("theme", "nord", path)
    assert load_settings(path) == {"theme": "nord"}


def test_settings_saved_from_many_threads_at_once_all_stay(tmp_path):
    path = tmp_path / "settings.json"
    threads = [threading.Thread(target=save_setting, args=(f"key{i}", i, path)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert load_settings(path) == {f"key{i}": i for i in range(20)}


async def test_the_theme_chosen_in_the_palette_is_kept_after_a_restart(seeded_db, db_path):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme != "nord"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.theme == "nord"
    assert load_settings() == {"theme": "nord"}

    again = BroadsheetApp(db_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert again.theme == "nord"


async def test_starting_with_no_settings_writes_none_and_an_unknown_theme_is_ignored(seeded_db, db_path):
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
    assert not settings_path().exists()

    save_setting("theme", "no-such-theme")
    app = BroadsheetApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-dark"
    assert load_settings() == {"theme": "no-such-theme"}
