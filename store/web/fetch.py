"""Fetching web pages with httpx: limits, conditional requests, robots.txt and politeness — one reusable API.

Anything in Broadsheet that reads the web goes through a :class:`Fetcher`::

    with Fetcher() as fetcher:
        result = fetcher.fetch("https://example.com/story", etag=stored_etag)
        for result in fetcher.fetch_all([FetchRequest(url, etag, last_modified), ...]):
            ...  # results arrive as they complete

Every answer is a :class:`FetchResult` — never an exception — whose ``status`` is ``"ok"`` (a body),
``"not-modified"`` (a 304 to a conditional request) or ``"failed"`` with a one-line ``reason``: ``DNS failure``,
``connection refused``, ``timeout``, ``HTTP 404 Not Found``, ``too large``, ``not HTML``, ``too many redirects``,
``redirect loop``, ``disallowed by robots.txt``.

What a fetch does (the numbers are :class:`FetchLimits`' defaults):

- ``User-Agent: Broadsheet/<version> (terminal news reader)``; gzip/deflate accepted and undone.
- Connect timeout 10 s, read timeout 20 s (no byte for that long), 60 s for a whole page.
- At most 5 redirects, each hop checked against its site's robots.txt; a loop is named as one.
- A body over 10 MB (10,485,760 bytes, counted after decompression, so a gzip bomb stops there) fails.
- ``accept`` names the media types wanted (HTML by default; a feed reader passes its own); a body served
  without a type is kept when it looks like HTML.
- A conditional request (``If-None-Match`` / ``If-Modified-Since``) when the caller has validators.
- At most 2 requests at a time per host (robots.txt included) and 8 overall in :meth:`Fetcher.fetch_all`;
  calls to :meth:`Fetcher.fetch` from several threads share the per-host limit.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

import httpx

from store.ingest.html import MAX_PAGE_BYTES, looks_like_html
from store.web.robots import MAX_ROBOTS_BYTES, RobotsAnswer, RobotsCache

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _user_agent() -> str:
    try:
        release = version("broadsheet")
    except PackageNotFoundError:
        release = "dev"
    return f"Broadsheet/{release} (terminal news reader)"


USER_AGENT = _user_agent()


@dataclass(frozen=True)
class FetchLimits:
    """How long, how big, how many: every limit a fetch obeys."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_seconds: float = 60.0
    max_redirects: int = 5
    max_bytes: int = MAX_PAGE_BYTES
    per_host: int = 2
    total: int = 8


@dataclass(frozen=True)
class FetchRequest:
    """One URL to fetch, with the validators of the copy already stored (for a conditional request)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """What came of fetching one URL; see the module's docstring for ``status`` and ``reason``."""

    status: str  # "ok" | "not-modified" | "failed"
    url: str  # as requested
    final_url: str | None = None  # after redirects
    http_status: int | None = None
    body: bytes | None = None  # content-encoding undone
    content_type: str | None = None  # media type, lower-case, without parameters
    charset: str | None = None  # the Content-Type header's charset, if any
    etag: str | None = None
    last_modified: str | None = None
    reason: str | None = None  # one line, for "failed"
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def text(self) -> str | None:
        """The body decoded (header charset, then the page's ``<meta>``, then UTF-8/cp1252)."""
        if self.body is None:
            return None
        from store.ingest.charset import decode_page

        return decode_page(self.body, self.charset)[0]


class _Failure(Exception):
    """A fetch that cannot go on; the message is the result's reason."""


def is_url(text: str) -> bool:
    """Whether a command-line argument names an http(s) URL rather than a path."""
    return text[:8].lower().startswith(("http://", "https://"))


def normalize_url(url: str) -> str:
    """The URL without its fragment (never sent to a server), scheme and host lower-cased."""
    parts = urllib.parse.urlsplit(url.strip())
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc.lower()


class Fetcher:
    """An httpx client with Broadsheet's limits, a robots.txt cache and per-host slots. Use it as a context
    manager (or call :meth:`close`); it is safe to share between threads.

    ``client`` may be given (tests, or a caller with its own transport); it is then not closed here."""

    def __init__(self, limits: FetchLimits | None = None, *, client: httpx.Client | None = None) -> None:
        self.limits = limits or FetchLimits()
        timeout = httpx.Timeout(
            self.limits.read_timeout, connect=self.limits.connect_timeout, pool=self.limits.total_seconds
        )
        self._owns_client = client is None
        self.client = client or httpx.Client(
            timeout=timeout,
            follow_redirects=False,  # followed here: each hop is checked against robots.txt and counted
            headers={"User-Agent": USER_AGENT},
            limits=httpx.Limits(max_connections=max(self.limits.total, self.limits.per_host)),
        )
        self.robots = RobotsCache(self._read_robots)
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._slots_guard = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_client:
            self.client.close()

    @contextlib.contextmanager
    def _host_slot(self, host: str):
        with self._slots_guard:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.limits.per_host))
        with slot:
            yield

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: tuple[str, ...] = HTML_TYPES,
    ) -> FetchResult:
        """Fetch one URL (see the module's docstring); never raises for anything the network or server does."""
        if not is_url(url):
            return FetchResult("failed", url, reason="not an http(s) URL")
        target = normalize_url(url)
        with self._host_slot(host_of(target)):
            try:
                return self._follow(url, target, etag, last_modified, accept)
            except _Failure as failure:
                return FetchResult("failed", url, reason=str(failure))

    def fetch_all(self, requests: Iterable[FetchRequest | str], *, accept: tuple[str, ...] = HTML_TYPES
                  ) -> Iterator[FetchResult]:
        """Fetch many URLs, at most ``limits.total`` at a time and ``limits.per_host`` per host, yielding each
        result as it completes. Hosts take turns, so one slow site does not hold back the others."""
        queues: dict[str, deque[FetchRequest]] = {}
        for request in requests:
            request = FetchRequest(request) if isinstance(request, str) else request
            queues.setdefault(host_of(normalize_url(request.url)) if is_url(request.url) else "", deque()).append(
                request
            )
        active: dict[str, int] = dict.fromkeys(queues, 0)
        running: dict[Future, str] = {}
        with ThreadPoolExecutor(self.limits.total, thread_name_prefix="fetch") as pool:
            while queues or running:
                for host in list(queues):
                    while queues.get(host) and active[host] < self.limits.per_host and len(running) < self.limits.total:
                        request = queues[host].popleft()
                        future = pool.submit(self.fetch, request.url, etag=request.etag,
                                             last_modified=request.last_modified, accept=accept)
                        running[future] = host
                        active[host] += 1
                    if not queues[host]:
                        del queues[host]
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    active[running.pop(future)] -= 1
                    yield future.result()

    def _follow(self, url: str, target: str, etag, last_modified, accept) -> FetchResult:
        deadline = time.monotonic() + self.limits.total_seconds
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {target}
        for _hop in range(self.limits.max_redirects + 1):
            if reason := self.robots.verdict(target):
                raise _Failure(reason)
            with self._request(target, headers) as response:
                if response.has_redirect_location:
                    location = response.headers.get("location", "")
                    target = normalize_url(str(response.url.join(location)))
                    if target in seen:
                        raise _Failure(f"redirect loop (back to {target})")
                    seen.add(target)
                    continue
                return self._answer(url, target, response, accept, deadline)
        raise _Failure(f"too many redirects (more than {self.limits.max_redirects})")

    @contextlib.contextmanager
    def _request(self, target: str, headers: dict[str, str]):
        """A streamed GET whose network failures become :class:`_Failure` with a one-line reason."""
        try:
            with self.client.stream("GET", target, headers=headers) as response:
                yield response
        except httpx.HTTPError as error:
            raise _Failure(self._network_reason(error, target)) from None

    def _answer(self, url: str, target: str, response: httpx.Response, accept, deadline: float) -> FetchResult:
        common = {"final_url": target, "http_status": response.status_code,
                  "etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}
        if response.status_code == 304:
            return FetchResult("not-modified", url, **common)
        if response.status_code >= 300:
            raise _Failure(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
        media_type, charset = _content_type(response.headers.get("content-type"))
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limits.max_bytes:
            raise _Failure(f"too large ({int(declared):,} bytes; the limit is {self.limits.max_bytes:,})")
        if media_type and media_type not in accept:
            raise _Failure(f"not {_kind(accept)} (content type {media_type})")
        body = self._read_body(response, deadline)
        if not media_type and accept == HTML_TYPES and not looks_like_html(body[:4096].decode("latin-1")):
            raise _Failure("not HTML (no content type, and the body is not an HTML document)")
        return FetchResult("ok", url, body=body, content_type=media_type, charset=charset, **common)

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.limits.max_bytes:
                    raise _Failure(f"too large (over {self.limits.max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise _Failure(f"timeout: the page took over {self.limits.total_seconds:g} s")
                chunks.append(chunk)
        except httpx.HTTPError as error:
            raise _Failure(self._network_reason(error, str(response.url))) from None
        return b"".join(chunks)

    def _network_reason(self, error: httpx.HTTPError, target: str) -> str:
        host = urllib.parse.urlsplit(target).hostname or target
        causes = _causes(error)
        if any(isinstance(cause, socket.gaierror) for cause in causes):
            return f"DNS failure: cannot find host {host}"
        if any(isinstance(cause, ConnectionRefusedError) for cause in causes) or "refused" in str(error).lower():
            return f"connection refused by {host}"
        if tls := next((cause for cause in causes if isinstance(cause, ssl.SSLError)), None):
            return f"TLS error with {host} ({getattr(tls, 'reason', None) or tls})"
        if isinstance(error, httpx.ConnectTimeout):
            return f"timeout: no connection to {host} within {self.limits.connect_timeout:g} s"
        if isinstance(error, httpx.TimeoutException):
            return f"timeout: no answer from {host} within {self.limits.read_timeout:g} s"
        if isinstance(error, httpx.DecodingError):
            return "the compressed body cannot be decoded"
        if isinstance(error, httpx.RemoteProtocolError):
            return f"the server broke off the answer ({error})"
        return f"cannot fetch ({type(error).__name__}: {error})"

    def _read_robots(self, robots_url: str) -> RobotsAnswer:
        """GET a site's robots.txt (redirects followed within the limit; read up to 500 KiB)."""
        try:
            response = self.client.send(self.client.build_request("GET", robots_url), stream=True)
            try:
                for _hop in range(self.limits.max_redirects):
                    if not response.has_redirect_location:
                        break
                    following = response.next_request
                    response.close()
                    if following is None:  # has_redirect_location said there is one
                        break
                    response = self.client.send(following, stream=True)
                if response.status_code >= 300:
                    return RobotsAnswer(response.status_code)
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) >= MAX_ROBOTS_BYTES:
                        break
            finally:
                response.close()
        except httpx.HTTPError as error:
            return RobotsAnswer(None, failure=self._network_reason(error, robots_url))
        return RobotsAnswer(response.status_code, bytes(data[:MAX_ROBOTS_BYTES]).decode("utf-8", errors="replace"))


def _causes(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and len(found) < 10:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=UTF-8`` → ``("text/html", "UTF-8")``."""
    if not header:
        return None, None
    media_type, _, rest = header.partition(";")
    charset = None
    for parameter in rest.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("'\"")
    return media_type.strip().lower() or None, charset


def _kind(accept: tuple[str, ...]) -> str:
    return "HTML" if accept == HTML_TYPES else "an accepted type (" + ", ".join(accept) + ")"
