"""Keymaps: TOML files mapping binding ids (``scope.action``) to keys, validated before Textual applies them.

Textual's own keymap support (``App.set_keymap``) replaces the keys of a binding id, but a remap onto a key
another binding holds silently drops one of them, and clashes between a widget and its screen or the app are
never reported. So every keymap is checked here first: an unknown id, a key bound twice in one scope, or a key
that shadows one of an ancestor scope is a :class:`KeymapError` naming the file, the id and the key.

A scope is the prefix of a binding id: the widget or screen class whose ``BINDINGS`` hold it. Scopes nest as
the widgets do on screen (``SCOPE_PARENTS``); a screen pushed over the main screen sees only the app above it.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import tomllib
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_path
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import _normalize_key_list

import keymaps

# Every module whose classes declare bindings. Add a module here when it gains BINDINGS.
BINDING_MODULES = (
    "tui.app",
    "tui.screens.main",
    "tui.screens.help",
    "tui.widgets.library",
    "tui.widgets.reader",
    "tui.widgets.find_bar",
    "tui.widgets.inspector",
    "tui.screens.search",
    "tui.screens.tag_dialog",
    "tui.screens.label_picker",
    "tui.screens.tags",
    "tui.screens.orphans",
    "tui.screens.ledger",
    "tui.screens.revisions",
    "tui.screens.feeds",
)

# Where each scope sits on screen; any scope not listed is a screen of its own, directly under the app.
SCOPE_PARENTS = {
    "app": None,
    "main": "app",
    "library": "main",
    "library-filter": "main",
    "reader": "main",
    "find-bar": "main",
    "inspector": "main",
}

BUILTIN_KEYMAPS = ("default", "vim", "emacs")
USER_KEYMAP = "keymap.toml"

Keymap = dict[str, str]


class KeymapError(Exception):
    """A keymap that cannot be applied; the message is one line naming the file, the binding id and the key."""


@dataclass(frozen=True, slots=True)
class BindingInfo:
    """One binding id as declared in code: where it lives, its default keys and what it does."""

    id: str
    scope: str
    keys: tuple[str, ...]
    description: str
    owner: str


def scope_of(binding_id: str) -> str:
    return binding_id.split(".", 1)[0]


def ancestors(scope: str) -> list[str]:
    """The scopes whose bindings are active above ``scope``, nearest first."""
    chain = []
    parent = SCOPE_PARENTS.get(scope, "app")
    while parent is not None:
        chain.append(parent)
        parent = SCOPE_PARENTS.get(parent)
    return chain


def collect_bindings() -> dict[str, BindingInfo]:
    """Every binding id declared in the ``BINDINGS`` of the classes of ``BINDING_MODULES``, in order.

    Read from the modules' source rather than by importing them: importing every screen (and the store
    modules behind them) would cost more than the rest of start-up. Bindings must therefore be written as
    literal ``Binding("keys", "action", "Description", ..., id="scope.action")`` calls — the keymap tests
    compare this reading with the imported classes, so a binding built any other way fails them.
    """
    found: dict[str, BindingInfo] = {}
    for module_name in BINDING_MODULES:
        spec = importlib.util.find_spec(module_name)  # its file, found without importing it
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"), spec.origin)
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                for info in _class_bindings(node):
                    found[info.id] = info
    return found


def _class_bindings(cls: ast.ClassDef) -> list[BindingInfo]:
    """The id-carrying ``Binding(...)`` calls of one class's ``BINDINGS = [...]``."""
    infos = []
    for statement in cls.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if not any(isinstance(t, ast.Name) and t.id == "BINDINGS" for t in targets):
            continue
        for call in getattr(statement.value, "elts", []):
            if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "Binding"):
                continue
            fields = dict(zip(("key", "action", "description"), call.args, strict=False))
            fields.update((keyword.arg, keyword.value) for keyword in call.keywords)
            values = {name: node.value for name, node in fields.items() if isinstance(node, ast.Constant)}
            if isinstance(values.get("id"), str) and isinstance(values.get("key"), str):
                keys = tuple(_normalize_key_list(values["key"]).split(","))
                infos.append(BindingInfo(values["id"], scope_of(values["id"]), keys,
                                         values.get("description", ""), cls.name))
    return infos


def imported_bindings() -> dict[str, BindingInfo]:
    """The same as :func:`collect_bindings`, from the imported classes themselves (for tests)."""
    found: dict[str, BindingInfo] = {}
    for module_name in BINDING_MODULES:
        module = importlib.import_module(module_name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module_name or not issubclass(cls, DOMNode):
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    keys = tuple(_normalize_key_list(binding.key).split(","))
                    found[binding.id] = BindingInfo(
                        binding.id, scope_of(binding.id), keys, binding.description, cls.__name__
                    )
    return found


def default_keys(bindings: dict[str, BindingInfo]) -> Keymap:
    return {binding_id: ",".join(info.keys) for binding_id, info in bindings.items()}


def user_keymap_path() -> Path:
    """The user's override file: ``keymap.toml`` in the platform's config directory for broadsheet."""
    return user_config_path("broadsheet", appauthor=False) / USER_KEYMAP


def read_keymap_file(path: Path | str, label: str | None = None) -> Keymap:
    """A TOML keymap as ``{id: "key1,key2"}``; tables or dotted keys name the scope (``[reader] next = "j"``)."""
    label = label or str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KeymapError(f"{label}: no such keymap file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KeymapError(f"{label}: cannot be read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise KeymapError(f"{label}: not valid TOML ({exc})") from exc
    return flatten_keymap(data, label)


def flatten_keymap(data: dict, label: str, prefix: str = "") -> Keymap:
    """Nested TOML tables → dotted binding ids; each value a key string or a list of keys."""
    keymap: Keymap = {}
    for name, value in data.items():
        binding_id = f"{prefix}{name}"
        if isinstance(value, dict):
            keymap.update(flatten_keymap(value, label, binding_id + "."))
        elif isinstance(value, str) and value.strip():
            keymap[binding_id] = _normalize_key_list(value)
        elif isinstance(value, list) and value and all(isinstance(key, str) and key.strip() for key in value):
            keymap[binding_id] = _normalize_key_list(",".join(value))
        else:
            raise KeymapError(f"{label}: {binding_id}: expected a key string or a list of keys, got {value!r}")
    return keymap


def builtin_keymap_file(name: str) -> Path:
    # Beside the package's __init__ (it is installed as files): importlib.resources would cost start-up ~3 ms.
    return Path(keymaps.__file__).with_name(f"{name}.toml")


def load_keymap(name_or_path: str | None = None, bindings: dict[str, BindingInfo] | None = None) -> Keymap:
    """The complete, validated keymap: code defaults ← the named keymap (or a TOML path) ← the user's file.

    Raises :class:`KeymapError` for the first problem found, naming the file it comes from. A shipped
    keymap on its own is returned as it is: the test suite checks each against the code's bindings, so
    start-up reads the binding ids only to check what a user wrote.
    """
    name = name_or_path or "default"
    if name in BUILTIN_KEYMAPS:
        label = f"keymaps/{name}.toml"
        layers = [(label, flatten_keymap(tomllib.loads(builtin_keymap_file(name).read_text("utf-8")), label))]
    elif name.endswith(".toml") or "/" in name or Path(name).exists():
        layers = [(name, read_keymap_file(Path(name).expanduser(), name))]
    else:
        raise KeymapError(f"{name}: unknown keymap (choose {', '.join(BUILTIN_KEYMAPS)} or give a TOML file path)")
    user_path = user_keymap_path()
    if user_path.exists():
        layers.append((str(user_path), read_keymap_file(user_path)))
    if bindings is None and len(layers) == 1 and name in BUILTIN_KEYMAPS:
        return layers[0][1]
    bindings = collect_bindings() if bindings is None else bindings
    keymap = default_keys(bindings)
    origin = {binding_id: "the code's defaults" for binding_id in keymap}
    for label, layer in layers:
        for binding_id in layer:
            if binding_id not in bindings:
                raise KeymapError(f"{label}: {binding_id}: unknown binding id{_suggestion(binding_id, bindings)}")
            origin[binding_id] = label
        keymap.update(layer)
    validate_keymap(keymap, bindings, origin)
    return keymap


def _suggestion(binding_id: str, bindings: dict[str, BindingInfo]) -> str:
    from rapidfuzz import process

    match = process.extractOne(binding_id, list(bindings), score_cutoff=70)
    return f" (did you mean {match[0]}?)" if match else ""


def validate_keymap(keymap: Keymap, bindings: dict[str, BindingInfo], origin: dict[str, str]) -> None:
    """Refuse a key bound twice in one scope, or a key that shadows a binding of an ancestor scope."""
    by_scope: dict[str, dict[str, str]] = {}
    for binding_id, keys in keymap.items():
        scope = bindings[binding_id].scope
        held = by_scope.setdefault(scope, {})
        for key in keys.split(","):
            if key in held and held[key] != binding_id:
                raise KeymapError(
                    f"{origin[binding_id]}: {binding_id}: key {key!r} already bound to {held[key]} in scope {scope}"
                )
            held[key] = binding_id
    for scope, held in by_scope.items():
        for parent in ancestors(scope):
            for key, binding_id in held.items():
                if key in by_scope.get(parent, {}):
                    other = by_scope[parent][key]
                    raise KeymapError(
                        f"{origin[binding_id]}: {binding_id}: key {key!r} shadows {other} of the enclosing "
                        f"scope {parent}"
                    )


def key_label(app, binding_id: str, default: str) -> str:
    """The first key of ``binding_id`` in ``app``'s keymap as the footer shows it (``ctrl+s`` → ``^s``), for text
    that names a key; ``default`` where the app has no keymap of its own (a test host)."""
    keys = getattr(app, "active_keymap", {}).get(binding_id, default)
    return app.get_key_display(Binding(keys.split(",")[0], ""))
