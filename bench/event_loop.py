"""Event-loop stalls while the app re-extracts stale articles (after an extractor upgrade), before and after.

    .venv/bin/python -m bench.event_loop [--articles 3000]

An asyncio loop ticks every 2 ms (as Textual's loop waits for input and timers) while a background thread runs
``store.refresh.refresh_stale`` over ``--articles`` synthetic articles all marked stale, in three ways in the
same run:

- ``idle`` (the peer): no background work — the machine's own scheduling noise;
- ``in-process``: derivation in the worker thread, as the app did before (it holds the GIL for whole articles);
- ``worker process``: derivation in a spawned process, the thread only reads and writes (the app now).

For each: the longest gap between two ticks beyond the 2 ms asked for, the p99 gap, and the wall time of the
work. Target: the longest gap ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICK = 0.002
TARGET_MS = 50


async def gaps_while(work) -> tuple[list[float], float]:
    """Tick gaps (ms beyond TICK) while ``work()`` runs in a thread, and its wall time in seconds."""
    done = threading.Event()
    started = time.perf_counter()

    def run() -> None:
        try:
            work()
        finally:
            done.set()

    threading.Thread(target=run, daemon=True).start()
    gaps: list[float] = []
    last = time.perf_counter()
    while not done.is_set():
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        gaps.append(max(0.0, (now - last - TICK) * 1000))
        last = now
    return gaps, time.perf_counter() - started


def mark_stale(path: Path) -> int:
    from store.db import connection

    with connection(path) as db:
        db.execute("UPDATE mention_state SET extractor_version = 'an older one'")
        return db.execute("SELECT count(*) FROM mention_state").fetchone()[0]


def refresh(path: Path, in_process: bool) -> int:
    from store.db import connection
    from store.refresh import refresh_stale

    with connection(path) as db:
        return refresh_stale(db, in_process=in_process)


def report(name: str, gaps: list[float], seconds: float) -> float:
    worst = max(gaps) if gaps else 0.0
    p99 = statistics.quantiles(gaps, n=100)[98] if len(gaps) >= 100 else worst
    print(f"{name:<24} longest gap {worst:7.1f} ms   p99 {p99:6.1f} ms   work {seconds:6.1f} s   ticks {len(gaps):,}")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.library_corpus import build_bench_db

    path = build_bench_db(ROOT / "bench" / "out" / f"event-loop-{args.articles}.db", args.articles)
    print(f"articles re-extracted per run: {mark_stale(path):,} (synthetic, ~400 words each)")
    report("idle (peer)", *asyncio.run(gaps_while(lambda: time.sleep(3))))
    mark_stale(path)
    before = report("in-process (before)", *asyncio.run(gaps_while(lambda: refresh(path, True))))
    mark_stale(path)
    after = report("worker process (after)", *asyncio.run(gaps_while(lambda: refresh(path, False))))
    verdict = "OK" if after <= TARGET_MS else "OVER TARGET — compare the idle peer: is the machine loaded?"
    print(f"longest gap {before:.0f} ms → {after:.0f} ms (target ≤ {TARGET_MS} ms): {verdict}")


if __name__ == "__main__":
    main()
