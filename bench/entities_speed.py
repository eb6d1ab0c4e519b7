"""Throughput and per-article latency of ``find_entities`` on the seed articles (one core).

Usage: ``.venv/bin/python -m bench.entities_speed [rounds]``. Prints words/s and per-article p50/p99, next to
the named peer from the field notes (spaCy en_core_web_sm NER: 6,500 words/s) and the targets
(150,000 words/s, p99 < 10 ms for ~1,000-word articles).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.extract.entities import find_entities  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    find_entities(texts[0])  # load the gazetteer outside the timing
    # CPU time of this process: the machine is shared, and wall time would also count other people's work.
    timings, words, wall_started = [], 0, time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            started = time.process_time()
            find_entities(text)
            timings.append((time.process_time() - started, len(text.split())))
            words += len(text.split())
    wall = time.perf_counter() - wall_started
    elapsed = sorted(seconds for seconds, _ in timings)
    per_1000 = sorted(seconds * 1000 / max(count, 1) for seconds, count in timings)
    print(f"broadsheet: {words / sum(elapsed):,.0f} words/s of CPU time ({words / wall:,.0f} by the wall clock)"
          f" over {len(timings)} article runs")
    print(f"per article: p50 {elapsed[len(elapsed) // 2] * 1000:.1f} ms, p99 "
          f"{elapsed[int(len(elapsed) * .99) - 1] * 1000:.1f} ms"
          f" (p99 per 1,000 words {per_1000[int(len(per_1000) * .99) - 1] * 1000:.1f} ms)")
    print("peer spaCy en_core_web_sm (field notes): 6,500 words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
