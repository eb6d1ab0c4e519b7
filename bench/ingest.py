"""Ingest throughput: the real importer against a plain sqlite-utils ``insert_all`` of the same texts.

    python -m bench.ingest [--sizes 1000 10000] [--seed 1]

For each size, a synthetic corpus (``bench.corpus``) is written to a temporary directory and imported into a
fresh temporary database three ways, in the same run:

- ``parse only``: ``store.ingest.parse_file`` over every file, no database (the text-processing share);
- ``import_paths``: ``store.importer.import_paths`` — parsing, one transaction per article, every layer;
- ``insert_all`` (the named peer): read each file, one ``insert_all`` of ``(path, title, text)`` rows.

Prints articles/s and MB/s (MB of UTF-8 input) and how many times slower than the peer each method is. Each
method stops at its time budget (``--budget``, between chunks of 100 files) so the 10k run stays bounded; the
``done`` column says how many articles the rate is measured over. For ``import_paths`` it also prints how long
each write transaction held the database's write lock (p50 / p99 over every ``BEGIN IMMEDIATE`` … ``COMMIT``):
what a second process (the TUI, another import) may have to wait.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from bench.make_corpus import write_corpus
from store.db import open_db
from store.importer import import_paths
from store.ingest import parse_file

CHUNK = 100  # files per import_paths call, so a run can stop at its time budget between chunks


Timing = tuple[float, int, list[float]]  # seconds, articles done, write-lock holds in seconds


class LockClock:
    """Times every write transaction of one connection from the SQL it runs (``BEGIN IMMEDIATE`` to ``COMMIT``
    or ``ROLLBACK``), without touching the code under test."""

    def __init__(self) -> None:
        self.holds: list[float] = []
        self._began: float | None = None

    def __call__(self, statement: str) -> None:
        keyword = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
        if keyword == "BEGIN":
            self._began = time.perf_counter()
        elif keyword in ("COMMIT", "ROLLBACK") and self._began is not None:
            self.holds.append(time.perf_counter() - self._began)
            self._began = None


def time_parse_only(files: list[Path], workdir: Path, budget: float, chunk: int) -> Timing:
    started = time.perf_counter()
    for done, path in enumerate(files, start=1):
        parse_file(path)
        if done % chunk == 0 and time.perf_counter() - started > budget:
            return time.perf_counter() - started, done, []
    return time.perf_counter() - started, len(files), []


def time_import_paths(files: list[Path], workdir: Path, budget: float, chunk: int) -> Timing:
    db = open_db(workdir / "broadsheet.db")
    clock = LockClock()
    db.conn.set_trace_callback(clock)
    started = time.perf_counter()
    done = 0
    for start in range(0, len(files), chunk):
        batch = files[start : start + chunk]
        report = import_paths(db, batch)
        if report.imported != len(batch):
            raise SystemExit(f"import_paths imported {report.imported} of {len(batch)}: {report.skipped[:3]}")
        done += len(batch)
        if time.perf_counter() - started > budget:
            break
    elapsed = time.perf_counter() - started
    db.conn.set_trace_callback(None)
    db.close()
    return elapsed, done, clock.holds


def time_insert_all(files: list[Path], workdir: Path, budget: float, chunk: int) -> Timing:
    db = sqlite_utils.Database(workdir / "plain.db")
    db.conn.execute("PRAGMA journal_mode = WAL")  # the same journal mode as Broadsheet's database
    started = time.perf_counter()
    rows = ({"path": str(p), "title": (text := p.read_text(encoding="utf-8")).split("\n", 1)[0], "text": text}
            for p in files)
    db["articles"].insert_all(rows, pk="path", batch_size=500)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed, len(files), []


METHODS: list[tuple[str, Callable[[list[Path], Path, float, int], Timing]]] = [
    ("insert_all (peer)", time_insert_all),
    ("parse only", time_parse_only),
    ("import_paths", time_import_paths),
]


def run(sizes: list[int], seed: int, budget: float, chunk: int = CHUNK) -> list[tuple]:
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as tmp:
            corpus = Path(tmp) / "corpus"
            files = [p for p in write_corpus(size, corpus, "txt", seed) if p.suffix == ".txt"]
            sizes_mb = [p.stat().st_size / 1e6 for p in files]
            peer_rate = None
            for name, method in METHODS:
                workdir = Path(tmp) / name.split()[0]
                workdir.mkdir()
                seconds, done, holds = method(files, workdir, budget, chunk)
                rate = done / seconds
                peer_rate = peer_rate or rate
                rows.append((size, name, done, seconds, rate, sum(sizes_mb[:done]) / seconds, peer_rate / rate))
                print_row(rows[-1], holds)
    return rows


def lock_percentiles(holds: list[float]) -> tuple[float, float]:
    """p50 and p99 of the write-lock holds, in milliseconds."""
    if len(holds) < 2:
        return (holds[0] * 1000,) * 2 if holds else (0.0, 0.0)
    cuts = statistics.quantiles(holds, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[98] * 1000


def print_row(row: tuple, holds: list[float]) -> None:
    size, name, done, seconds, per_second, mb_per_second, ratio = row
    lock = "{:>7.2f} / {:>6.2f} ms".format(*lock_percentiles(holds)) if holds else ""
    print(f"{size:>7,}  {name:<18} {done:>7,} {seconds:>8.2f} s {per_second:>8,.0f} art/s {mb_per_second:>7.2f} MB/s "
          f"{ratio:>7.1f}× slower {lock}".rstrip(), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget", type=float, default=60, help="seconds per method and size before stopping "
                        "(rates are then over the articles done; default 60)")
    args = parser.parse_args(argv)
    print(f"{'corpus':>7}  {'method':<18} {'done':>7} {'time':>10} {'rate':>14} {'throughput':>12} {'vs peer':>14} "
          f"{'lock p50 / p99':>19}")
    run(args.sizes, args.seed, args.budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
