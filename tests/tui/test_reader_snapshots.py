"""Screenshots of the reader pane and inspector at 80×24 and 120×40 (pytest-textual-snapshot).

Regenerate after an intended visual change with ``pytest tests/tui/test_reader_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal

from tests.tui.reader_helpers import annotation, make_article, mention
from tui.widgets.inspector import Inspector
from tui.widgets.reader import Reader
from tui.widgets.reader_pane import ReaderPane

ARTICLE = make_article(
    "Chip stocks slide as AI spending worries spread",
    [
        ("paragraph", ("Nvidia fell 9% on Friday after Microsoft said it would spend $80 billion on data centres [1]. "
                       "Investors asked whether the returns would follow.")),
        ("heading", "A cautious Apple"),
        ("paragraph", "Apple rose 2%. Tim Cook said the company would “invest with discipline” in 2026."),
        ("list", "Broadcom lost about $200 billion in market value."),
        ("list", "The Nasdaq 100 closed 3.1% lower."),
        ("boilerplate", "Sign up for our newsletter."),
    ],
    ["[1] Reuters - “Microsoft to spend $80 billion on AI data centres”"],
)
MENTIONS = [
    mention(ARTICLE, "Nvidia", "ORG"), mention(ARTICLE, "9%", "PERCENT", value=9.0, unit="%"),
    mention(ARTICLE, "Microsoft", "ORG"), mention(ARTICLE, "$80 billion", "MONEY", value=8e10, unit="USD"),
    mention(ARTICLE, "Apple", "ORG", nth=1), mention(ARTICLE, "2%", "PERCENT", value=2.0, unit="%"),
    mention(ARTICLE, "Tim Cook", "PERSON"), mention(ARTICLE, "2026", "DATE", unit="2026"),
    mention(ARTICLE, "Broadcom", "ORG"),
    mention(ARTICLE, "$200 billion", "MONEY", value=2e11, unit="USD", hedge="about"),
    mention(ARTICLE, "Nasdaq 100", "INDEX"), mention(ARTICLE, "3.1%", "PERCENT", value=3.1, unit="%"),
]
_start = ARTICLE.text.index("Tim Cook")
NOTES = [annotation(ARTICLE, _start, _start + 60, ["strategy"], {"strategy": "#2e8b57"}, "Compare with Q3 call")]


class SnapshotApp(App):
    CSS = "Inspector { width: 40; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield ReaderPane()
            yield Inspector()

    def on_mount(self) -> None:
        self.query_one(Reader).show_article(ARTICLE, MENTIONS, NOTES)
        self.query_one(Inspector).show(mentions=MENTIONS, annotations=NOTES)
        self.query_one(Reader).focus()


def test_reader_at_80x24(snap_compare):
    async def move(pilot):
        await pilot.press("j", "j", "e")
        await pilot.pause()

    assert snap_compare(SnapshotApp(), terminal_size=(80, 24), run_before=move)


def test_reader_with_notes_and_boilerplate_at_120x40(snap_compare):
    async def move(pilot):
        await pilot.press("4", "a")
        await pilot.pause()

    assert snap_compare(SnapshotApp(), terminal_size=(120, 40), run_before=move)
