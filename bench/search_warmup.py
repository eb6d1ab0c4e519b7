"""The search vocabulary's warm-up against an idle thread: how long the app's event loop can stall while a worker
thread loads every word of the sentence index (``Searcher.warm``, what the search screen starts on opening).

    .venv/bin/python -m bench.search_warmup [--size 1000000] [--runs 5]

The database is ``bench.search``'s (built once under ``bench/out/`` and reused). Each run opens a fresh
``Searcher`` and warms it in a thread while an asyncio loop ticks every 5 ms; the peer is the same loop while a
thread only sleeps as long as the warm-up took (the machine's own scheduling noise). Prints, for both, the
median and the worst of the runs' longest stalls, and the warm-up's median time. Target: longest stall ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from bench.search import build, db_path, longest_stall
from store.search import Searcher

TARGET_MS = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = db_path(args.size)
    if not path.exists():
        print(f"building {args.size:,} sentences: {build(args.size):.1f} s")
    warm_stalls, idle_stalls, times = [], [], []
    for _ in range(args.runs):
        searcher = Searcher(path)
        started = time.perf_counter()
        warm_stalls.append(asyncio.run(longest_stall(searcher.warm)) * 1000)
        took = time.perf_counter() - started
        times.append(took * 1000)
        searcher.close()
        idle_stalls.append(asyncio.run(longest_stall(lambda took=took: time.sleep(took))) * 1000)
    print(f"{args.size:,} sentences, {args.runs} runs; warm-up median {statistics.median(times):.0f} ms")
    print(f"longest stall, vocabulary warm-up: median {statistics.median(warm_stalls):.1f} ms, "
          f"worst {max(warm_stalls):.1f} ms")
    print(f"longest stall, idle thread (peer): median {statistics.median(idle_stalls):.1f} ms, "
          f"worst {max(idle_stalls):.1f} ms")
    worst = max(warm_stalls)
    print(f"target ≤ {TARGET_MS} ms: {'met' if worst <= TARGET_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
