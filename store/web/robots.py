"""robots.txt, read once per site and kept for the life of a :class:`~store.web.fetch.Fetcher`.

As RFC 9309 says: a robots.txt that is missing or answers 4xx allows everything; one that answers 5xx
disallows everything for now; a site that cannot be reached at all fails the page with the same reason the
page itself would get (DNS failure, refused, timeout). Rules are matched for the product token
``Broadsheet`` (:data:`ROBOTS_AGENT`) with the standard library's parser.
"""

from __future__ import annotations

import threading
import urllib.parse
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass

ROBOTS_AGENT = "Broadsheet"
MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309 lets a crawler stop reading at 500 KiB


@dataclass(frozen=True)
class RobotsAnswer:
    """What fetching ``/robots.txt`` gave: an HTTP status and its text, or why there was no answer."""

    status: int | None
    text: str = ""
    failure: str | None = None  # the one-line reason when the site could not be reached


class RobotsCache:
    """``verdict(url)`` → None when the URL may be fetched, else the one-line reason it may not.

    ``read(robots_url)`` does the request (the fetcher passes its own client, limits and host slot); each
    site's robots.txt is read once, even by many threads at once."""

    def __init__(self, read: Callable[[str], RobotsAnswer]) -> None:
        self._read = read
        self._sites: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def verdict(self, url: str) -> str | None:
        parts = urllib.parse.urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._guard:
            lock = self._locks.setdefault(site, threading.Lock())
        with lock:
            if site not in self._sites:
                self._sites[site] = self._rules(self._read(f"{site}/robots.txt"))
        rules = self._sites[site]
        if isinstance(rules, str):
            return rules
        return None if rules.can_fetch(ROBOTS_AGENT, url) else "disallowed by robots.txt"

    @staticmethod
    def _rules(answer: RobotsAnswer) -> urllib.robotparser.RobotFileParser | str:
        if answer.failure:
            return answer.failure
        rules = urllib.robotparser.RobotFileParser()
        if answer.status is not None and 200 <= answer.status < 300:
            rules.parse(answer.text.splitlines())
        elif answer.status is not None and answer.status >= 500:
            return f"disallowed for now: robots.txt answered HTTP {answer.status}"
        else:
            rules.allow_all = True  # type: ignore[attr-defined]  # RobotFileParser's own flag, not in its stubs
        return rules
