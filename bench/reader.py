"""Reader cursor move: time from a key press to the next painted frame, in a 10,000-word article.

    python -m bench.reader [--words 10000] [--moves 60] [--size 120x50]

One synthetic article (paragraphs of ``bench.corpus``, parsed by ``store.ingest``, mentions on every capitalised
name and number) is shown three ways in the same run, at the same terminal size:

- ``Reader`` — ours: Line-API ``ScrollView``, wrapped blocks and drawn lines cached;
- ``Static per paragraph`` (the named peer): a ``VerticalScroll`` of one ``Static`` per block, the two blocks
  whose cursor state changed are re-rendered on each move;
- ``one Static``: the whole article in one ``Static`` re-rendered on each move.

For each, the cursor moves down ``--moves`` times; a move is timed from the key press to the frame the compositor
produced for it (its screen update rendered to terminal sequences, as a real terminal would get). Prints median and
p90 in ms of wall and of event-loop CPU time and how many times faster than the peer the Reader is (target: ≤ 5
ms), and the time ``Reader.show_article`` takes to open the article.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from bench.corpus import generate_articles
from store.articles import Article
from store.ingest import count_words, parse_file
from store.model import Mention
from tui.styles import label_style
from tui.widgets.reader import Reader
from tui.widgets.reader_spans import cursor_units

_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*")
_NUMBER = re.compile(r"[$€£]?\d[\d.,]*(?:%| billion| million)?")


def long_article(words: int) -> Article:
    """An article of at least ``words`` words built from generated bodies, parsed like an imported file."""
    lines, total = ["A long day in the markets"], 0
    for _, text in generate_articles(10_000, seed=3):
        body = text.split("\n")[1:]
        lines += body
        total += sum(len(line.split()) for line in body)
        if total >= words:
            break
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        parsed = parse_file(path)[0][0]
    return Article(1, parsed.title, str(path), "Bench Wire", "2026-02-06", "https://example.com/long", None,
                   count_words(parsed.text, parsed.blocks), parsed.text, False, 0, "", parsed.blocks,
                   parsed.sentences, parsed.references)


def fake_mentions(text: str) -> list[Mention]:
    """Entities on capitalised names, figures on numbers — the density of a real extraction, or more."""
    found = [Mention(m.start(), m.end(), m.group(), "entity", ("ORG", "PERSON", "PLACE")[i % 3])
             for i, m in enumerate(_NAME.finditer(text))]
    found += [Mention(m.start(), m.end(), m.group(), "figure", "MONEY" if "$" in m.group() else "NUMBER")
              for m in _NUMBER.finditer(text)]
    return found


class ReaderBench(App):
    def __init__(self, article: Article, mentions: list[Mention]) -> None:
        super().__init__()
        self.article, self.mentions = article, mentions

    def compose(self) -> ComposeResult:
        yield Reader()

    def on_mount(self) -> None:
        reader = self.query_one(Reader)
        reader.show_article(self.article, self.mentions)
        reader.focus()


class StaticReaderBench(App):
    """The peers: Statics holding styled blocks; ``per_paragraph`` chooses one per block or one in all."""

    BINDINGS = [Binding("down", "cursor_down")]

    def __init__(self, article: Article, mentions: list[Mention], per_paragraph: bool) -> None:
        super().__init__()
        self.article, self.mentions, self.per_paragraph = article, mentions, per_paragraph
        self.blocks = [b for b in article.blocks if b.kind != "boilerplate"]
        self.units = cursor_units(article.text, article.sentences, self.blocks)
        self.unit = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            if self.per_paragraph:
                yield from (Static(self.block_text(b), id=f"b{i}") for i, b in enumerate(self.blocks))
            else:
                yield Static(self.whole_text(), id="all")

    def block_text(self, block) -> Text:
        text = Text(self.article.text[block.start : block.end] + "\n")
        for m in self.mentions:
            if block.start <= m.start < block.end:
                text.stylize(label_style(m.label).style(True), m.start - block.start, m.end - block.start)
        start, end = self.units[self.unit]
        if block.start <= start < block.end:
            text.stylize("on #1f3b57", start - block.start, end - block.start)
        return text

    def whole_text(self) -> Text:
        return Text("\n").join(self.block_text(b) for b in self.blocks)

    def block_of(self, offset: int) -> int:
        return next(i for i, b in enumerate(self.blocks) if b.start <= offset < b.end)

    def action_cursor_down(self) -> None:
        before = self.block_of(self.units[self.unit][0])
        self.unit = min(self.unit + 1, len(self.units) - 1)
        after = self.block_of(self.units[self.unit][0])
        if self.per_paragraph:
            for index in {before, after}:
                self.query_one(f"#b{index}", Static).update(self.block_text(self.blocks[index]))
            self.query_one(f"#b{after}").scroll_visible(animate=False)
        else:
            self.query_one("#all", Static).update(self.whole_text())


async def time_moves(app: App, moves: int, size: tuple[int, int]) -> list[tuple[float, float]]:
    """(wall, CPU) milliseconds from each key press to the frame painted for it. CPU time is this thread's
    (the event loop's), so it stays meaningful when other processes load the machine."""
    frames: list[tuple[float, float]] = []
    painted = asyncio.Event()
    display = app._display

    def timed_display(screen, renderable) -> None:
        if renderable is not None:
            renderable.render_segments(app.console)  # the work a real terminal frame costs
            frames.append((time.perf_counter(), time.thread_time()))
            painted.set()
        display(screen, renderable)

    app._display = timed_display
    timings = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        for _ in range(moves):
            painted.clear()
            started, started_cpu = time.perf_counter(), time.thread_time()
            await pilot.press("down")
            await asyncio.wait_for(painted.wait(), 5)
            wall, cpu = next(frame for frame in frames if frame[0] >= started)
            timings.append(((wall - started) * 1000, (cpu - started_cpu) * 1000))
    return timings


async def time_open(article: Article, mentions: list[Mention], size: tuple[int, int], repeats: int = 5) -> float:
    """Median milliseconds ``Reader.show_article`` spends on the UI thread (wrapping, span indexes)."""
    app = ReaderBench(article, mentions)
    timings = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        reader = app.query_one(Reader)
        for _ in range(repeats):
            started = time.perf_counter()
            reader.show_article(article, mentions)
            timings.append((time.perf_counter() - started) * 1000)
            await pilot.pause()
    return statistics.median(timings)


def summary(name: str, timings: list[tuple[float, float]]) -> str:
    def median_p90(values: list[float]) -> str:
        ordered = sorted(values)
        p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
        return f"median {statistics.median(ordered):7.2f} ms  p90 {p90:7.2f} ms"

    return (f"{name:<22} wall {median_p90([wall for wall, _ in timings])}   "
            f"CPU {median_p90([cpu for _, cpu in timings])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--moves", type=int, default=60)
    parser.add_argument("--size", default="120x50")
    args = parser.parse_args(argv)
    size = tuple(int(part) for part in args.size.split("x"))
    article = long_article(args.words)
    mentions = fake_mentions(article.text)
    print(f"article: {article.words:,} words, {len(article.blocks)} blocks, {len(article.sentences)} sentences, "
          f"{len(mentions):,} mentions; terminal {args.size}; {args.moves} cursor moves each")
    results = {
        "Reader (ours)": asyncio.run(time_moves(ReaderBench(article, mentions), args.moves, size)),
        "Static per paragraph": asyncio.run(time_moves(StaticReaderBench(article, mentions, True), args.moves, size)),
        "one Static": asyncio.run(time_moves(StaticReaderBench(article, mentions, False),
                                             max(10, args.moves // 6), size)),
    }
    for name, timings in results.items():
        print(summary(name, timings))
    def median(name: str, which: int) -> float:
        return statistics.median(timing[which] for timing in results[name])

    for peer in ("Static per paragraph", "one Static"):
        print(f"Reader is {median(peer, 0) / median('Reader (ours)', 0):.1f}× faster than {peer} in wall time, "
              f"{median(peer, 1) / median('Reader (ours)', 1):.1f}× in CPU time (medians)")
    ours = median("Reader (ours)", 0)
    print(f"target ≤ 5 ms per move (wall): {'met' if ours <= 5 else 'MISSED'}"
          f"{'' if ours <= 5 else ' — compare the CPU time: is the machine loaded?'}")
    print(f"opening the article (Reader.show_article): {asyncio.run(time_open(article, mentions, size)):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
