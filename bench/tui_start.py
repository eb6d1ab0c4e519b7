"""Cold start to the first painted library with 100,000 articles, against a minimal Textual app in the same run.

Each sample is a fresh interpreter (``--child``) that prints a line at the first frame with content: the
minimal app's first frame, and Broadsheet's first frame in which the library drew article rows, started as
``broadsheet --db PATH`` (argument parsing, schema check, first page, keymap, app). The time is measured by
this parent process from spawn to that line, so interpreter start and every import count; the line also
carries the CPU time the child had used by then (all its threads, interpreter start included), which a busy
machine changes far less than the wall time. Runs alternate between the two apps so machine load affects both
alike. Target: Broadsheet's median ≤ 1.5 × the minimal app's median.

    .venv/bin/python -m bench.tui_start [--articles 100000] [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5


def report_first_frame(app_class, drawn=lambda: True) -> None:
    """Make ``app_class`` print "painted" and exit at the first frame it composes once ``drawn()`` holds.

    ``App._display`` receives each composed frame (headless, it writes nothing); the time to it is the time
    to a frame a terminal would show.
    """
    display = app_class._display

    def _display(self, screen, renderable) -> None:
        display(self, screen, renderable)
        if renderable is not None and drawn() and not getattr(self, "_painted", False):
            self._painted = True
            print(f"painted {time.process_time():.4f}", flush=True)
            self.exit()

    app_class._display = _display


def child_minimal() -> None:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Minimal(App):
        def compose(self):
            yield Header()
            yield Static("Hello")
            yield Footer()

    report_first_frame(Minimal)
    Minimal().run(headless=True)


def child_broadsheet(db_path: str) -> None:
    """``broadsheet --db PATH`` through the real command (argument parsing, schema check, first page, keymap),
    headless, until the first frame in which the library drew article rows."""
    from functools import partialmethod

    from textual.app import App

    import tui.app
    from tui import cli
    from tui.widgets.library import Library

    render_line = Library.render_line
    rows_drawn = []

    def render_line_noting_rows(self, y: int):
        if y > 0 and self.view_rows:
            rows_drawn.append(y)
        return render_line(self, y)

    Library.render_line = render_line_noting_rows
    report_first_frame(tui.app.BroadsheetApp, lambda: bool(rows_drawn))
    tui.app.BroadsheetApp.run = partialmethod(App.run, headless=True)
    cli.main(["--db", db_path])


def time_child(*args: str) -> tuple[float, float]:
    """(wall seconds from spawn to the first frame, CPU seconds the child had used by then)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True,
                               cwd=ROOT)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    word, _, cpu = line.strip().partition(" ")
    if word != "painted":
        raise SystemExit(f"child {args} did not paint: {line!r}")
    return elapsed, float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        child_minimal() if args.child[0] == "minimal" else child_broadsheet(args.child[1])
        return
    sys.path.insert(0, str(ROOT))
    from bench.library_corpus import build_bench_db

    db_path = build_bench_db(ROOT / "bench" / "out" / f"library-{args.articles}.db", args.articles)
    # Textual's bytecode was compiled when pip installed it; ours is compiled here, as any second start of an
    # interpreter that may write __pycache__ would have it (PYTHONDONTWRITEBYTECODE=1 on some machines would
    # otherwise charge Broadsheet ~140 ms of compiling at every start, and the minimal app nothing).
    for package in ("store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    time_child("broadsheet", str(db_path))  # warm the OS file cache for both
    time_child("minimal")
    minimal, broadsheet = [], []
    for _ in range(args.runs):
        minimal.append(time_child("minimal"))
        broadsheet.append(time_child("broadsheet", str(db_path)))
    walls = {name: [wall for wall, _ in runs] for name, runs in (("minimal", minimal), ("broadsheet", broadsheet))}
    cpus = {name: [cpu for _, cpu in runs] for name, runs in (("minimal", minimal), ("broadsheet", broadsheet))}
    m, b = statistics.median(walls["minimal"]), statistics.median(walls["broadsheet"])
    mc, bc = statistics.median(cpus["minimal"]), statistics.median(cpus["broadsheet"])
    print(f"articles in the database: {args.articles:,}")
    for name, label in (("minimal", "minimal Textual app (Header, Static, Footer)"),
                        ("broadsheet", "broadsheet, first painted library:          ")):
        wall, cpu = walls[name], cpus[name]
        print(f"{label}: median {statistics.median(wall) * 1000:.0f} ms  (min {min(wall) * 1000:.0f}, "
              f"max {max(wall) * 1000:.0f}); CPU median {statistics.median(cpu) * 1000:.0f} ms")
    ratio = b / m
    print(f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO}) — {'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}; "
          f"CPU ratio {bc / mc:.2f}")


if __name__ == "__main__":
    main()
