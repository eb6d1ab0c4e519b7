"""Help: every key of the active keymap, grouped by where it works, generated from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.keymap import BindingInfo, Keymap
from tui.screens.closing import ClosesOnce

SCOPE_TITLES = {
    "app": "Everywhere",
    "main": "Main screen (these act from any pane)",
    "library": "Library (the article list)",
    "library-filter": "Library filter box (opened by the library's Filter key, or a paste into the list)",
    "reader": "Reader",
    "find-bar": "Find bar (ctrl+f, under the reader)",
    "inspector": "Inspector",
    "help": "This help",
    "diff": "Revisions (what changed in the article)",
    "search": "Search",
    "tagdialog": "Tag dialog",
    "label-picker": "Entity label picker",
    "confirm": "Yes/no questions",
    "prompt": "Questions asking for a name",
    "tags": "Tags screen",
    "orphans": "Orphaned notes",
    "ledger": "Figures ledger",
    "feeds": "Feeds",
}


def scope_title(scope: str) -> str:
    return SCOPE_TITLES.get(scope, scope.replace("-", " ").capitalize())


def key_names(keys: str, display) -> str:
    """``"ctrl+q,question_mark"`` → ``"^q  ?"`` as Textual shows keys."""
    return "  ".join(display(Binding(key, "")) for key in keys.split(","))


def help_tables(bindings: dict[str, BindingInfo], keymap: Keymap, display) -> list[Table]:
    """One table per scope, in the order scopes first appear, each row: keys, description, binding id."""
    scopes: dict[str, list[BindingInfo]] = {}
    for info in bindings.values():
        scopes.setdefault(info.scope, []).append(info)
    tables = []
    for scope, infos in scopes.items():
        table = Table(title=scope_title(scope), title_justify="left", title_style="bold", box=None, expand=True,
                      show_header=False, padding=(0, 1))
        table.add_column("keys", style="bold", no_wrap=True, min_width=12)
        table.add_column("action", ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column("id", style="dim", ratio=1, no_wrap=True, overflow="ellipsis")
        for info in infos:
            table.add_row(key_names(keymap.get(info.id, ",".join(info.keys)), display), info.description, info.id)
        tables.append(table)
    return tables


class HelpScreen(ClosesOnce, ModalScreen[None]):
    """The keys of the active keymap; ``keymap.toml`` in the config directory overrides any of them."""

    BINDINGS = [Binding("escape,q", "dismiss", "Close help", id="help.close")]

    def __init__(self, bindings: dict[str, BindingInfo], keymap: Keymap, keymap_name: str, user_file: str) -> None:
        super().__init__()
        self.bindings = bindings
        self.keymap = keymap
        self.keymap_name = keymap_name
        self.user_file = user_file

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = f"Keys — {self.keymap_name} keymap"
            body.border_subtitle = "escape closes"
            yield Static(
                Text.from_markup(
                    f"Override any key in [b]{self.user_file}[/b], e.g. [b]library.sort = \"o\"[/b]. "
                    "The command palette (ctrl+p) lists every action too."
                ),
                id="help-intro",
            )
            for table in help_tables(self.bindings, self.keymap, self.app.get_key_display):
                yield Static(table, classes="help-scope")
        yield Footer()  # this screen's keys, over the footer of the screen beneath (whose keys do not work here)

    def action_dismiss(self) -> None:
        self.dismiss(None)
