"""Every toast an app raised, for assertions that must not race the toast's own timer.

A toast removes itself from ``app._notifications`` when its timeout (2–5 s) runs out; on a loaded machine that
can happen between the key press and the assertion, so tests read what was raised, not what is still showing.
"""

from __future__ import annotations

from textual.notifications import Notification, Notifications


def keep_raised(monkeypatch) -> None:
    """Make every app record each notification it adds, in the order raised."""
    add = Notifications.add

    def add_and_keep(self: Notifications, notification: Notification) -> Notifications:
        self.__dict__.setdefault("raised", []).append(notification)
        return add(self, notification)

    monkeypatch.setattr(Notifications, "add", add_and_keep)


def raised(app) -> list[Notification]:
    """The notifications ``app`` raised so far, expired or not."""
    return list(app._notifications.__dict__.get("raised", []))


def messages(app) -> list[str]:
    """The text of every notification ``app`` raised so far."""
    return [str(notification.message) for notification in raised(app)]
