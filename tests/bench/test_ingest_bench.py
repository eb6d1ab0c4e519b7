"""The ingest benchmark runs end to end on a tiny corpus and compares every method with its peer."""

from __future__ import annotations

from bench.ingest import main, run


def test_every_method_imports_the_whole_small_corpus_and_is_compared_with_the_peer():
    rows = run([12], seed=2, budget=60)
    assert [row[1] for row in rows] == ["insert_all (peer)", "parse only", "import_paths"]
    for size, _name, done, seconds, rate, mb_per_second, _slower in rows:
        assert (size, done) == (12, 12)
        assert seconds > 0 and rate > 0 and mb_per_second > 0
    assert rows[0][-1] == 1.0  # the peer against itself


def test_the_budget_stops_a_method_between_chunks():
    rows = run([12], seed=2, budget=0, chunk=5)
    assert [row[2] for row in rows] == [12, 5, 5]  # the peer always does everything


def test_main_prints_a_table(capsys):
    assert main(["--sizes", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and "vs peer" in lines[0] and "import_paths" in lines[-1]
