"""Ingest throughput: the real importer against a plain sqlite-utils ``insert_all`` of the same texts.

    python -m bench.ingest [--sizes 1000 10000] [--seed 1]

For each size, a synthetic corpus (``bench.corpus``) is written to a temporary directory and imported into a
fresh temporary database three ways, in the same run:

- ``parse only``: ``store.ingest.parse_file`` over every file, no database (the text-processing share);
- ``import_paths``: ``store.importer.import_paths`` — parsing, one transaction per article, every layer;
- ``insert_all`` (the named peer): read each file, one ``insert_all`` of ``(path, title, text)`` rows.

Prints articles/s and MB/s (MB of UTF-8 input) and how many times slower than the peer each method is.
"""

from __future__ import annotations

import argparse
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


def time_parse_only(files: list[Path], workdir: Path) -> float:
    started = time.perf_counter()
    for path in files:
        parse_file(path)
    return time.perf_counter() - started


def time_import_paths(files: list[Path], workdir: Path) -> float:
    db = open_db(workdir / "broadsheet.db")
    started = time.perf_counter()
    report = import_paths(db, [files[0].parent])
    elapsed = time.perf_counter() - started
    db.close()
    if report.imported != len(files):
        raise SystemExit(f"import_paths imported {report.imported} of {len(files)}: {report.skipped[:3]}")
    return elapsed


def time_insert_all(files: list[Path], workdir: Path) -> float:
    db = sqlite_utils.Database(workdir / "plain.db")
    db.conn.execute("PRAGMA journal_mode = WAL")  # the same journal mode as Broadsheet's database
    started = time.perf_counter()
    rows = ({"path": str(p), "title": (text := p.read_text(encoding="utf-8")).split("\n", 1)[0], "text": text}
            for p in files)
    db["articles"].insert_all(rows, pk="path", batch_size=500)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


METHODS: list[tuple[str, Callable[[list[Path], Path], float]]] = [
    ("insert_all (peer)", time_insert_all),
    ("parse only", time_parse_only),
    ("import_paths", time_import_paths),
]


def run(sizes: list[int], seed: int) -> list[tuple]:
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as tmp:
            corpus = Path(tmp) / "corpus"
            files = [p for p in write_corpus(size, corpus, "txt", seed) if p.suffix == ".txt"]
            megabytes = sum(p.stat().st_size for p in files) / 1e6
            peer = None
            for name, method in METHODS:
                workdir = Path(tmp) / name.split()[0]
                workdir.mkdir()
                seconds = method(files, workdir)
                peer = peer or seconds
                rows.append((size, name, seconds, size / seconds, megabytes / seconds, seconds / peer))
                print_row(rows[-1])
    return rows


def print_row(row: tuple) -> None:
    size, name, seconds, per_second, mb_per_second, ratio = row
    print(f"{size:>7,}  {name:<18} {seconds:>8.2f} s {per_second:>10,.0f} art/s {mb_per_second:>8.2f} MB/s "
          f"{ratio:>7.1f}× peer", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"{'articles':>7}  {'method':<18} {'time':>10} {'rate':>16} {'throughput':>13} {'vs peer':>12}")
    run(args.sizes, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
