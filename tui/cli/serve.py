"""``broadsheet serve``: the app in a web browser, through textual-serve.

textual-serve answers the page and, for each browser tab that connects, starts the app as a process of its own
(``broadsheet [--db] [--keymap]`` under Textual's web driver) and relays its screen over a websocket. It listens
on the loopback interface unless ``--host`` says otherwise: the app reads and writes your notes, so sharing it
is a choice made out loud.
"""

from __future__ import annotations

import shlex
import socket
import sys

from store.db import default_db_path, ensure_schema

DEFAULT_PORT = 8000
LOOPBACK = "127.0.0.1"
# Run through the interpreter running this command, so the served app is this installation of Broadsheet
# whether or not the console script is on PATH.
_ENTRY = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"


def register(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="serve the app to a web browser (textual-serve; loopback only "
                                                 "unless --host)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    parser.add_argument("--host", default=LOOPBACK,
                        help=f"address to listen on (default {LOOPBACK}; 0.0.0.0 shares it with your network)")
    parser.set_defaults(handler=cmd_serve)


def app_command(args) -> str:
    """The shell command textual-serve runs for each browser session: this database, this keymap."""
    argv = [sys.executable, "-c", _ENTRY, "--db", str((args.db or default_db_path()).resolve())]
    if args.keymap:
        argv += ["--keymap", args.keymap]
    return shlex.join(argv)


def public_url(host: str, port: int) -> str:
    """Where a browser finds the server (the page tells it where the websocket is): a wildcard address is
    reached through this machine's name."""
    if host in ("0.0.0.0", "::", ""):
        host = socket.getfqdn()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def cmd_serve(args) -> int:
    from textual_serve.server import Server  # aiohttp and its kin load only for this command

    # Once here, before any session: browser tabs opened together would otherwise race to upgrade the schema.
    ensure_schema(args.db or default_db_path())
    server = Server(app_command(args), host=args.host, port=args.port, title="Broadsheet",
                    public_url=public_url(args.host, args.port))
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's
        print(f"broadsheet: cannot serve on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
