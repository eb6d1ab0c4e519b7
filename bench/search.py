"""Search benchmark: recall and latency of ``store.search`` against ``fzf --filter`` on the same sentences.

    .venv/bin/python -m bench.search [--sizes 10000 100000 1000000] [--queries 150]

Sentences come from ``bench.corpus.generate_sentences`` (synthetic financial news with a long tail of invented
names), grouped 40 to an article. Each size's database is built once under ``bench/out/`` and reused. Prints, per
size: build time, DB size, distinct words, recall@1/@10 per corruption kind (a hit is right when it is the target
sentence or holds every word the query kept, undamaged and in order), p50/p95 latency, fzf's p50 on a few of the
same queries and the ratio, RSS of the search, the longest stall of an asyncio loop ticking every 5 ms while
searches run in a thread, and the cost of importing one more article.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.corpus import generate_sentences
from bench.querygen import KINDS, make_queries
from store.db import open_db, write_transaction
from store.search import Searcher

OUT = Path(__file__).resolve().parent / "out"
PER_ARTICLE = 40
SOURCES = ("Reuters", "Bloomberg", "Associated Press", "Financial Times", "Nikkei Asia", "Le Monde")


def db_path(size: int) -> Path:
    return OUT / f"search-{size}.db"


def build(size: int) -> float:
    """Write ``size`` sentences into a fresh database through the real schema and triggers; seconds taken."""
    path = db_path(size)
    partial = path.with_name(path.name + ".partial")
    for stale in OUT.glob(partial.name + "*"):
        stale.unlink()
    OUT.mkdir(parents=True, exist_ok=True)
    db = open_db(partial)
    started = time.perf_counter()
    sentences = generate_sentences(size, seed=1)
    now = datetime.now(UTC).isoformat()
    articles = -(-size // PER_ARTICLE)
    for first in range(0, articles, 500):
        with write_transaction(db):
            for n in range(first, min(articles, first + 500)):
                batch = [s for _, s in zip(range(PER_ARTICLE), sentences, strict=False)]
                add_article(db, f"bench/{n:06d}.txt", batch, SOURCES[n % len(SOURCES)], now)
    seconds = time.perf_counter() - started
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    partial.rename(path)
    build_record(size).write_text(f"{seconds:.1f}\n")
    return seconds


def build_record(size: int) -> Path:
    """Where the build time of a size is kept, so a reused database still reports it."""
    return OUT / f"search-{size}.build-seconds"


def add_article(db, path: str, sentences: list[str], source: str, now: str) -> int:
    """One article made of ``sentences``; its first sentence doubles as the title."""
    text = " ".join(sentences)
    article_id = db.execute(
        "INSERT INTO articles (path, content_hash, title, source, words, text, imported, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [path, path, sentences[0][:80], source, len(text.split()), text, now, now],
    ).lastrowid
    rows, start = [], 0
    for seq, sentence in enumerate(sentences):
        rows.append((article_id, seq, start, start + len(sentence), sentence))
        start += len(sentence) + 1
    db.conn.executemany('INSERT INTO sentences (article_id, seq, start, "end", text) VALUES (?, ?, ?, ?, ?)', rows)
    return article_id


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def fzf_p50(sentences_file: Path, queries: list[str]) -> float:
    """Median wall time of ``fzf --filter`` (whole process, as a user would run it) over the queries."""
    times = []
    for query in queries:
        started = time.perf_counter()
        with sentences_file.open("rb") as stdin:
            subprocess.run(["fzf", "--filter", query], stdin=stdin, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def longest_stall(work) -> float:
    """Longest gap between ticks of a 5 ms asyncio timer while ``work()`` runs in a worker thread."""
    done = False
    longest = 0.0

    async def ticker() -> None:
        nonlocal longest
        last = time.perf_counter()
        while not done:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            longest = max(longest, now - last - 0.005)
            last = now

    task = asyncio.create_task(ticker())
    await asyncio.to_thread(work)
    done = True
    await task
    return longest


def run_size(size: int, count: int, fzf_queries: int, rebuild: bool = False) -> None:
    path = db_path(size)
    if rebuild:
        for old in OUT.glob(f"search-{size}.*"):
            old.unlink()
    if path.exists():
        record = build_record(size)
        built = f"{record.read_text().strip()} s (reused)" if record.exists() else "reused"
    else:
        built = f"{build(size):.1f} s"
    db = open_db(path)
    sentences = [row[0] for row in db.execute("SELECT text FROM sentences ORDER BY id")]
    db.close()
    queries = make_queries(sentences, count, seed=size)
    before = rss_mb()
    searcher = Searcher(path)
    started = time.perf_counter()
    warm_stall = asyncio.run(longest_stall(searcher.warm))
    warm = time.perf_counter() - started
    distinct = searcher.db.execute("SELECT count(*) FROM temp.broadsheet_sentences_vocab").fetchone()[0]
    latencies, at1, at10 = [], {k: 0 for k in KINDS}, {k: 0 for k in KINDS}
    per_kind = {k: 0 for k in KINDS}
    for query in queries:
        started = time.perf_counter()
        hits = searcher.search(query.text, limit=10)
        latencies.append(time.perf_counter() - started)
        target = sentences[query.target]
        right = [query.answered_by(hit.text, target) for hit in hits]
        per_kind[query.kind] += 1
        at1[query.kind] += any(right[:1])
        at10[query.kind] += any(right)
    search_rss = rss_mb() - before
    started = time.perf_counter()
    stall = asyncio.run(longest_stall(lambda: [searcher.search(q.text, limit=20) for q in queries[:30]]))
    # The same wait with a thread that only sleeps: what the machine's own load costs the loop.
    baseline = asyncio.run(longest_stall(lambda: time.sleep(time.perf_counter() - started)))
    incremental = import_one(searcher, size)
    searcher.close()
    del sentences
    text_file = OUT / f"search-{size}.txt"
    if not text_file.exists():
        db = open_db(path)
        text_file.write_text("\n".join(r[0] for r in db.execute("SELECT text FROM sentences ORDER BY id")) + "\n")
        db.close()
    fzf = fzf_p50(text_file, [q.text for q in queries[:fzf_queries]])
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    total = len(queries)
    print(f"\n== {size:,} sentences ({distinct:,} distinct words) — build {built}, "
          f"DB {path.stat().st_size / 1e6:.0f} MB, vocabulary load {warm * 1000:.0f} ms "
          f"(event loop longest stall meanwhile {warm_stall * 1000:.0f} ms)")
    print(f"recall@1 {sum(at1.values()) / total:.3f}  recall@10 {sum(at10.values()) / total:.3f}  ({total} queries)")
    for kind in KINDS:
        print(f"  {kind:<10} @1 {at1[kind] / per_kind[kind]:.2f}  @10 {at10[kind] / per_kind[kind]:.2f}")
    print(f"latency p50 {p50 * 1000:.1f} ms  p95 {p95 * 1000:.1f} ms  max {max(latencies) * 1000:.0f} ms")
    print(f"fzf --filter p50 {fzf * 1000:.0f} ms ({fzf_queries} queries) → store.search is {fzf / p50:.0f}× faster")
    print(f"search RSS +{search_rss:.0f} MB; event loop longest stall {stall * 1000:.1f} ms "
          f"(idle thread: {baseline * 1000:.1f} ms); "
          f"importing one {PER_ARTICLE}-sentence article {incremental * 1000:.0f} ms (no rebuild)")
    sys.stdout.flush()


def import_one(searcher: Searcher, size: int) -> float:
    """Add one article to the indexed corpus and check the next search sees its new words."""
    db = searcher.db
    novel = [f"Zorbexity quintafluxed the marketplace on day {size} of the trial."] + [
        f"Filler sentence number {i} about markets." for i in range(PER_ARTICLE - 1)
    ]
    started = time.perf_counter()
    with write_transaction(db):
        article_id = add_article(db, f"bench/extra-{time.time_ns()}.txt", novel, "Bench", "now")
    seconds = time.perf_counter() - started
    found = searcher.search("zorbexty quintaflux", limit=1)
    assert found and found[0].article_id == article_id, "a newly imported sentence was not found"
    with write_transaction(db):
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--fzf-queries", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="build the databases again (to time the build)")
    args = parser.parse_args()
    for size in args.sizes:
        run_size(size, args.queries, args.fzf_queries, args.rebuild)


if __name__ == "__main__":
    main()
