"""Library filter: time from a keystroke in the filter box to the filtered rows on screen, at 100,000 articles.

Queries are made from words of random titles of the benchmark corpus (some with a dropped letter, as people type)
and typed one key at a time into the real app, headless. Each keystroke is timed from the key press to the frame
that shows the rows for the text typed so far, and also from the moment the filter text reaches the library to the
moment its rows are set (the app's own work, worker thread included). The peer, in the same run, is the same
keystrokes typed into a plain ``Input`` of a minimal app and timed to the frame showing the new text: the cost of a
keystroke in Textual itself. Target: p90 ≤ 50 ms for the app's own work.

    .venv/bin/python -m bench.library_filter [--articles 100000] [--queries 12]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 50


def make_queries(titles: list[str], count: int, seed: int = 3) -> list[str]:
    """One or two words of random titles; every third query drops a letter of its last word."""
    rng = random.Random(seed)
    queries = []
    for n in range(count):
        words = [w for w in rng.choice(titles).split() if len(w) > 3][: rng.choice((1, 2))] or ["news"]
        if n % 3 == 2 and len(words[-1]) > 4:
            cut = rng.randrange(1, len(words[-1]) - 1)
            words[-1] = words[-1][:cut] + words[-1][cut + 1:]
        queries.append(" ".join(words).lower())
    return queries


def keys_for(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def summary(name: str, samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p90 = ms[int(len(ms) * 0.9) - 1]
    return (f"{name:<44} n={len(ms):4d}  p50 {statistics.median(ms):6.1f} ms  p90 {p90:6.1f} ms  "
            f"max {ms[-1]:6.1f} ms")


async def until(condition, timeout: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.0005)


async def time_broadsheet(db_path: Path, queries: list[str]) -> list[float]:
    from tui.app import build_app
    from tui.widgets.library import Library, LibraryFilter

    # Instrumentation: when the filter text reached the library, and when rows for it were set.
    changed_at: dict[str, float] = {}
    inner: list[float] = []
    set_filter, show = Library.set_filter, Library._show

    def timed_set_filter(self, text):
        changed_at[text] = time.perf_counter()
        set_filter(self, text)

    def timed_show(self, view_rows, keep=None, query=""):
        show(self, view_rows, keep, query)
        if query in changed_at:
            inner.append(time.perf_counter() - changed_at.pop(query))

    Library.set_filter, Library._show = timed_set_filter, timed_show
    app = build_app(db_path)
    samples = []
    async with app.run_test(size=(160, 50)) as pilot:
        library = app.screen.query_one(Library)
        await until(lambda: library.complete and library._index is not None, timeout=120)
        box = app.screen.query_one(LibraryFilter)
        box.focus()
        for query in queries:
            box.value = ""
            await until(lambda: library.shown_query == "")
            await pilot.pause()
            typed = ""
            for key, ch in zip(keys_for(query), query, strict=False):
                typed += ch
                start = time.perf_counter()
                await pilot.press(key)
                await until(lambda typed=typed: library.shown_query == typed)
                await pilot.pause()  # the frame with the new rows
                samples.append(time.perf_counter() - start)
    Library.set_filter, Library._show = set_filter, show
    return samples, inner


async def time_plain_input(queries: list[str]) -> list[float]:
    from textual.app import App
    from textual.widgets import Input

    class Plain(App):
        def compose(self):
            yield Input()

    app = Plain()
    samples = []
    async with app.run_test(size=(160, 50)) as pilot:
        box = app.query_one(Input)
        box.focus()
        for query in queries:
            box.value = ""
            await pilot.pause()
            typed = ""
            for key, ch in zip(keys_for(query), query, strict=False):
                typed += ch
                start = time.perf_counter()
                await pilot.press(key)
                await until(lambda typed=typed: box.value == typed)
                await pilot.pause()
                samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=12)
    args = parser.parse_args()
    from bench.library_corpus import build_bench_db
    from store.articles import list_articles
    from store.db import connect

    db_path = build_bench_db(ROOT / "bench" / "out" / f"library-{args.articles}.db", args.articles)
    db = connect(db_path)
    queries = make_queries([a.title for a in list_articles(db, limit=5000)], args.queries)
    db.close()
    print(f"articles: {args.articles:,}; queries: {', '.join(repr(q) for q in queries)}")
    plain = asyncio.run(time_plain_input(queries))
    broadsheet, inner = asyncio.run(time_broadsheet(db_path, queries))
    print("key press → frame (includes Pilot's own waits, see the peer):")
    print(summary("  plain Input in a minimal app (peer)", plain))
    print(summary("  broadsheet library filter", broadsheet))
    extra = statistics.median(broadsheet) - statistics.median(plain)
    print(f"  broadsheet's own share: median {extra * 1000:.1f} ms over the peer")
    print("filter text → rows set in the list (the app's work per keystroke, worker included):")
    print(summary("  broadsheet", inner))
    p90 = sorted(inner)[int(len(inner) * 0.9) - 1] * 1000
    print(f"p90 {p90:.1f} ms (target ≤ {TARGET_MS} ms) — {'OK' if p90 <= TARGET_MS else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
