"""Feeds: the subscriptions with their counts, last update and last error; add, update one or all, remove.

Updates run in the background (one at a time) and report their progress as messages; the articles they import
reach the library through the app's change watcher, as they land (the update's writes are reported like another
process's, ``report_writes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static

from tui.background import run_in_background
from tui.screens.closing import ClosesOnce
from tui.screens.tags import ConfirmDialog, PromptDialog
from tui.text import excerpt, plural
from tui.widgets.app_header import AppHeader


@dataclass
class FeedsRead(Message):
    feeds: list[dict]


@dataclass
class FeedAdded(Message):
    feed: dict


@dataclass
class FeedRefusedMessage(Message):
    reason: str


@dataclass
class UpdateProgress(Message):
    done: int
    total: int


@dataclass
class FeedsUpdated(Message):
    report: dict
    warnings: int


def read_feeds(db) -> list[dict]:
    from store.feeds.subscriptions import list_feeds

    return list_feeds(db)


def subscribe(db, location: str) -> FeedAdded | FeedRefusedMessage:
    from store.feeds.subscriptions import FeedRefused, add_feed

    try:
        return FeedAdded(add_feed(db, location).to_json())
    except FeedRefused as refused:
        return FeedRefusedMessage(str(refused))


def unsubscribe(db, feed_id: int) -> FeedsRead:
    """Remove a feed; the answer is the feeds that remain."""
    from store.feeds.subscriptions import list_feeds, remove_feed

    remove_feed(db, feed_id)
    return FeedsRead(list_feeds(db))


def update(db, feed_ids: list[int] | None, post) -> FeedsUpdated:
    """Update the feeds (all when ``feed_ids`` is None), posting progress through ``post`` (thread-safe)."""
    from store.feeds.update import update_feeds

    report = update_feeds(db, feed_ids, progress=lambda done, total, _url: post(UpdateProgress(done, total)))
    return FeedsUpdated(report.to_json(), len(report.warnings))


class FeedsScreen(ClosesOnce, Screen[None]):
    """Every subscribed feed. ``a`` adds one by URL, ``u`` updates the highlighted feed, ``U`` all of them,
    ``d`` removes one (its articles stay)."""

    TITLE = "Feeds"
    DEFAULT_CSS = """
    FeedsScreen #feeds-table { height: 1fr; }
    FeedsScreen #feeds-status { height: auto; padding: 0 1; color: $text-muted; }
    FeedsScreen ProgressBar { padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="feeds.close"),
        Binding("a", "add", "Add feed", id="feeds.add"),
        Binding("u", "update_one", "Update feed", id="feeds.update"),
        Binding("U", "update_all", "Update all", id="feeds.update-all"),
        Binding("d", "remove", "Remove", id="feeds.remove"),
    ]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.feeds: list[dict] = []
        self.updating = False

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield DataTable(id="feeds-table", cursor_type="row")
        yield ProgressBar(id="feeds-progress", show_eta=False)
        yield Static("", id="feeds-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("name", "title", "articles", "unread", "last update", "last error")
        self.query_one(ProgressBar).display = False
        self.reload()

    def _run(self, function, *args, group: str, reply=None, report_writes: bool = False):
        return run_in_background(self, function, *args, db_path=self.db_path, group=group, reply=reply,
                                 report_writes=report_writes)

    def reload(self) -> None:
        self._run(read_feeds, group="feeds-read", reply=FeedsRead)

    @on(FeedsRead)
    def _fill(self, message: FeedsRead) -> None:
        self.feeds = message.feeds
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for feed in self.feeds:
            table.add_row(
                excerpt(feed["name"], 20),
                excerpt(feed["title"] or "", 40),
                feed["articles"],
                feed["unread"],
                (feed["last_update"] or "never").replace("T", " ")[:16],
                excerpt(feed["last_error"] or "", 40),
                key=str(feed["id"]),
            )
        if self.feeds:
            table.move_cursor(row=min(row or 0, len(self.feeds) - 1))
        elif not self.updating:
            self._say("No feeds yet: press a to add one by its URL.")
        table.focus()

    def _say(self, text: str) -> None:
        self.query_one("#feeds-status", Static).update(text)

    @property
    def current(self) -> dict | None:
        row = self.query_one(DataTable).cursor_row
        return self.feeds[row] if self.feeds and row is not None and row < len(self.feeds) else None

    @work
    async def action_add(self) -> None:
        location = await self.app.push_screen_wait(PromptDialog("Add a feed: its URL (RSS, Atom or JSON Feed)"))
        if location:
            self._run(subscribe, location.strip(), group="feeds-add")

    @on(FeedAdded)
    def _added(self, message: FeedAdded) -> None:
        self.notify(f"Subscribed to {message.feed['name']}; press u to fetch it.")
        self.reload()

    @on(FeedRefusedMessage)
    def _refused(self, message: FeedRefusedMessage) -> None:
        self.notify(message.reason, severity="error")

    def action_update_one(self) -> None:
        if (feed := self.current) is not None:
            self._update([feed["id"]], feed["name"])

    def action_update_all(self) -> None:
        if self.feeds:
            self._update(None, plural(len(self.feeds), "feed"))

    def _update(self, feed_ids: list[int] | None, what: str) -> None:
        if self.updating:
            self.notify("An update is running already.")
            return
        self.updating = True
        progress = self.query_one(ProgressBar)
        progress.update(total=None, progress=0)
        progress.display = True
        self._say(f"Updating {what}…")
        self._run(partial(update, post=self.post_message), feed_ids, group="feeds-update", report_writes=True)

    @on(UpdateProgress)
    def _progress(self, message: UpdateProgress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)

    @on(FeedsUpdated)
    def _updated(self, message: FeedsUpdated) -> None:
        self.updating = False
        self.query_one(ProgressBar).display = False
        report = message.report
        summary = (
            f"{plural(report['new'], 'new article')}, {report['updated']} updated, {report['unchanged']} unchanged"
        )
        if report["errors"]:
            summary += f"; {plural(len(report['errors']), 'feed')} failed (see last error)"
        if message.warnings:
            summary += f"; {plural(message.warnings, 'entry', 'entries')} from the feed's summary"
        self._say(summary)
        self.notify(summary, severity="warning" if report["errors"] else "information")
        self.reload()

    @work
    async def action_remove(self) -> None:
        feed = self.current
        if feed is not None and await self.app.push_screen_wait(
            ConfirmDialog(f"Unsubscribe from {feed['name']}? Its {plural(feed['articles'], 'article')} stay.")
        ):
            self._run(unsubscribe, feed["id"], group="feeds-remove")
            self.notify(f"Unsubscribed from {feed['name']}; its articles stay in the library.")

    def action_close(self) -> None:
        self.dismiss(None)
