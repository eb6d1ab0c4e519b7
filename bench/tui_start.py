"""Cold start to the first painted library with 100,000 articles, against a minimal Textual app in the same run.

Each sample is a fresh interpreter (``--child``) that prints a line when its first frame with content is
painted; the time is measured by this parent process from spawn to that line, so interpreter start and every
import count. Runs alternate between the two apps so machine load affects both alike. Target: Broadsheet's
median ≤ 1.5 × the minimal app's median.

    .venv/bin/python bench/tui_start.py [--articles 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5


def child_minimal() -> None:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Minimal(App):
        def compose(self):
            yield Header()
            yield Static("Hello")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.painted)

        def painted(self) -> None:
            print("painted", flush=True)
            self.exit()

    Minimal().run(headless=True)


def child_broadsheet(db_path: str) -> None:
    from tui.app import BroadsheetApp, build_app
    from tui.widgets.library import Library

    class Measured(BroadsheetApp):
        """The real app, exiting once the library has painted its first rows."""

        def on_library_loaded(self, message: Library.Loaded) -> None:
            self.call_after_refresh(self.painted)

        def painted(self) -> None:
            print("painted", flush=True)
            self.exit()

    # The same steps as run_app (schema, prefetch, keymap), then run.
    build_app(db_path, "default", app_class=Measured).run(headless=True)


def time_child(*args: str) -> float:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True,
                               cwd=ROOT)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if line.strip() != "painted":
        raise SystemExit(f"child {args} did not paint: {line!r}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        child_minimal() if args.child[0] == "minimal" else child_broadsheet(args.child[1])
        return
    sys.path.insert(0, str(ROOT))
    from bench.library_corpus import build_bench_db

    db_path = build_bench_db(ROOT / "bench" / "out" / f"library-{args.articles}.db", args.articles)
    time_child("broadsheet", str(db_path))  # warm the OS file cache for both
    time_child("minimal")
    minimal, broadsheet = [], []
    for _ in range(args.runs):
        minimal.append(time_child("minimal"))
        broadsheet.append(time_child("broadsheet", str(db_path)))
    m, b = statistics.median(minimal), statistics.median(broadsheet)
    print(f"articles in the database: {args.articles:,}")
    print(f"minimal Textual app (Header, Static, Footer): median {m * 1000:.0f} ms  "
          f"(min {min(minimal) * 1000:.0f}, max {max(minimal) * 1000:.0f})")
    print(f"broadsheet, first painted library:           median {b * 1000:.0f} ms  "
          f"(min {min(broadsheet) * 1000:.0f}, max {max(broadsheet) * 1000:.0f})")
    ratio = b / m
    print(f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO}) — {'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
