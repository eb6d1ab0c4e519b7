"""The Broadsheet app: keymap, header counts, first-run samples, help and the command palette.

``run_app`` validates the keymap and brings the database schema up to date before the first frame, so a bad
keymap or database is one line on stderr and exit code 2 instead of a traceback in a half-drawn screen.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from store.articles import ArticleSummary, corpus_counts
from store.db import DatabaseError, default_db_path, ensure_schema
from store.watch import ChangeWatcher
from tui.app_jobs import CountsRead, HighlightsRefreshed, SamplesImported, refresh_stale_highlights, seed_if_empty
from tui.background import BackgroundFailed, run_in_background
from tui.commands import PALETTE_TITLES
from tui.corpus_watcher import CorpusChanged, CorpusWatcher
from tui.keymap import BindingInfo, Keymap, KeymapError, collect_bindings, load_keymap, user_keymap_path
from tui.screens.main import MainScreen
from tui.settings import flush_settings, load_settings, remember_setting
from tui.text import plural
from tui.widgets.library import Library, read_first_page


@dataclass
class SettingsNotSaved(Message):
    error: BaseException


def counts_line(counts: dict[str, int]) -> str:
    """``"5 articles · 812 entities · 1 annotation"`` with the layers that exist."""
    parts = [plural(counts.get("articles", 0), "article")]
    for name, noun, nouns in (("entities", "entity", "entities"), ("annotations", "annotation", None)):
        if name in counts:
            parts.append(plural(counts[name], noun, nouns))
    return " · ".join(parts)


class BroadsheetApp(App, inherit_bindings=False):
    """Read and annotate news articles; ``db_path`` is opened afresh by each worker thread."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere find it too
    TITLE = "Broadsheet"
    # Textual's own quit, palette and focus keys carry no ids, so they are declared again here with ids,
    # which lets a keymap move them like any other binding.
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands", priority=True, show=False, id="app.command-palette"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
    ]

    def __init__(self, db_path: Path, keymap: Keymap | None = None, keymap_name: str = "default",
                 bindings: dict[str, BindingInfo] | None = None,
                 first_page: list[ArticleSummary] | None = None, settings: dict | None = None,
                 first_page_state: ChangeWatcher | None = None) -> None:
        super().__init__()
        self.settings = load_settings() if settings is None else settings
        self.db_path = Path(db_path)
        self.first_page = first_page
        # The database's state taken just before ``first_page`` was read: the watcher reports from there.
        self._first_page_state = first_page_state
        self._bindings_info = bindings
        self.active_keymap = keymap if keymap is not None else load_keymap(keymap_name, bindings)
        self.keymap_name = keymap_name
        self._corpus_prepared = False
        self._stale_checked = False
        self.watcher: CorpusWatcher | None = None

    @property
    def bindings_info(self) -> dict[str, BindingInfo]:
        """Every binding id with its scope and description (read when help first needs it)."""
        if self._bindings_info is None:
            self._bindings_info = collect_bindings()
        return self._bindings_info

    def on_mount(self) -> None:
        self.set_keymap(self.active_keymap)
        if self.settings.get("theme") in self.available_themes:
            self.theme = self.settings["theme"]
        # Before the main screen reads anything, so that no commit falls between what it shows and what the
        # watcher compares with.
        self.watcher = CorpusWatcher(self.db_path, self.post_message, since=self._first_page_state)
        self.watcher.start()
        self.push_screen(MainScreen(self.db_path, self.first_page))

    async def on_event(self, event: events.Event) -> None:
        """A paste into the library opens its filter with the pasted text. The focus moves here, as the app
        dispatches the paste, so that keys typed right behind it reach the filter too (see tui.widgets.library)."""
        if isinstance(event, events.Paste) and isinstance(self.focused, Library):
            self.focused.action_filter()
        await super().on_event(event)

    def watch_theme(self, theme: str) -> None:
        """Keep the theme chosen (in the command palette) for the next start."""
        self.keep_setting("theme", theme)

    def keep_setting(self, key: str, value) -> None:
        """Remember a setting for the next start: in ``settings`` now, in the file in the background."""
        if self.settings.get(key) != value:
            self.settings[key] = value
            remember_setting(key, value)
            run_in_background(self, flush_settings, group="settings", exclusive=False,
                              failed=SettingsNotSaved)

    def on_settings_not_saved(self, message: SettingsNotSaved) -> None:
        self.notify(f"Could not save the settings: {message.error}", severity="warning")

    def on_unmount(self) -> None:
        if self.watcher is not None:
            self.watcher.close()

    def _run(self, function, *args, group: str, reply=None, report_writes: bool = False):
        return run_in_background(self, function, *args, db_path=self.db_path, group=group, reply=reply,
                                 report_writes=report_writes)

    def on_library_loaded(self, message: Library.Loaded) -> None:
        # Background work waits for the library instead of starting with the app, where its thread competed
        # with the first frame for the interpreter: the first run's samples and the header's counts after
        # the first rows, bringing old highlights up to date once every row is in.
        if not self._corpus_prepared:
            self._corpus_prepared = True
            self.call_after_refresh(self._run, seed_if_empty, group="corpus")
        if message.complete and not self._stale_checked:
            self._stale_checked = True
            # Reported by the watcher: re-derived web pages change library rows, which only it reloads.
            self._run(refresh_stale_highlights, group="extract", reply=HighlightsRefreshed, report_writes=True)

    def on_samples_imported(self, message: SamplesImported) -> None:
        """The first run imported the sample articles (or said why it could not); the counts follow."""
        if message.error is not None:
            self.notify(f"Could not import the sample articles: {message.error}", severity="error")
        elif message.imported is not None:
            self.notify(f"Imported {plural(message.imported, 'sample article')}. Add your own with "
                        "[b]broadsheet import PATH[/b].",
                        title="Welcome to Broadsheet")
            for screen in self.screen_stack:
                for library in screen.query(Library):
                    library.load(self.db_path)
        self.refresh_counts()

    def on_highlights_refreshed(self, message: HighlightsRefreshed) -> None:
        if not message.count:
            return
        self.notify(f"Updated the highlights of {plural(message.count, 'article')} to this version's extractor.")
        self.refresh_counts()
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.refresh_open_article()

    def refresh_counts(self) -> None:
        """Recount the corpus for the header (after teaching or annotating, or another process's writes)."""
        self._run(corpus_counts, group="counts", reply=CountsRead)

    def on_counts_read(self, message: CountsRead) -> None:
        self.sub_title = counts_line(message.counts)

    def on_corpus_changed(self, message: CorpusChanged) -> None:
        """Another process wrote: the header's counts here, the rest by each screen (its own copy of the news)."""
        self.refresh_counts()
        for screen in self.screen_stack:
            screen.post_message(CorpusChanged(message.articles, message.annotations))

    def on_background_failed(self, message: BackgroundFailed) -> None:
        """A write the database refused (read-only file, full disk) is said in one line and the app goes on;
        anything else ends the app as a failed worker does."""
        if isinstance(message.error, DatabaseError):
            self.notify(str(message.error), title="Not saved", severity="error", timeout=10)
            return
        self._handle_exception(message.error)

    def pop_screen(self) -> AwaitComplete:
        """Never pop the main screen: a second dismiss queued behind the first (the command palette's, say)
        would leave a blank app."""
        if isinstance(self.screen, MainScreen):
            return AwaitComplete.nothing()
        return super().pop_screen()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.bindings_info, self.active_keymap, self.keymap_name,
                                        str(user_keymap_path())))

    async def action_quit(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen) and (writing := screen.flush_position()) is not None:
                await writing.wait()  # the reading position lands before the app ends
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands (themes, quit, screenshot), a light/dark switch, and the named actions of this
        screen (:data:`tui.commands.PALETTE_TITLES`) with their keys."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Toggle theme (light/dark)", "Switch between the dark and the light theme",
                            self.action_toggle_dark)
        seen = set()
        for node in [*screen.query("*"), screen, self]:
            for binding in getattr(type(node), "BINDINGS", []):
                if not isinstance(binding, Binding) or binding.id not in PALETTE_TITLES or binding.id in seen:
                    continue
                seen.add(binding.id)
                keys = self.active_keymap.get(binding.id, binding.key)
                shown = ", ".join(self.get_key_display(Binding(key, "")) for key in keys.split(","))
                yield SystemCommand(PALETTE_TITLES[binding.id], f"{shown} · {binding.id}",
                                    partial(self._run_binding, node, binding.action))

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    async def _run_binding(self, node, action: str) -> None:
        if isinstance(node, Widget) and node.focusable and node is not self.focused:
            node.focus()
        await self.run_action(action, node)


def build_app(db_path: Path | str | None = None, keymap: str | None = None,
              app_class: type[BroadsheetApp] = BroadsheetApp) -> BroadsheetApp:
    """Everything before the first frame: schema up to date, the library's first page read, the keymap
    validated. Raises :class:`KeymapError` or ``DatabaseError``."""
    path = Path(db_path) if db_path else default_db_path()
    ensure_schema(path, on_backup=lambda backup: print(f"broadsheet: backed up the database to {backup}",
                                                      file=sys.stderr))
    keymap_name = keymap or "default"
    keys = load_keymap(keymap_name)
    # Before the first page is read, so that a commit landing before the app mounts is still reported.
    state = ChangeWatcher(path)
    first_page = read_first_page(path)
    return app_class(path, keys, keymap_name, first_page=first_page, first_page_state=state)


def run_app(db_path: Path | str | None = None, keymap: str | None = None) -> int:
    """Open the app; exit code 2 with one line on stderr for a keymap or database that cannot be used."""
    try:
        app = build_app(db_path, keymap)
    except KeymapError as exc:
        print(f"broadsheet: {exc}", file=sys.stderr)
        return 2
    # Everything built so far (Textual's modules and ours, the keymap, the first page) lives as long as the app:
    # frozen, Python's cyclic garbage collector never walks it again. Walking it cost the first frame ~25 ms —
    # several partial collections as the heap grew and, as the screen was composed, a full one. The command
    # pauses the collector while it is built (tui.cli.open_app); it runs again from here on.
    gc.freeze()
    gc.enable()
    app.run()
    return app.return_code or 0
