"""A web site on 127.0.0.1 for the tests: pages they write, served by the standard library's http.server in a
thread, with the faults real sites have (statuses, slowness, redirects, compression, charsets, validators).
Nothing here reaches beyond loopback."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer starts
    gzip: bool = False
    etag: str | None = None
    last_modified: str | None = None
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


class Site:
    """What the server serves (``site.page(...)``) and what it was asked (``site.requests``)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.port = 0
        self.lock = threading.Lock()
        self.active: dict[str, int] = {}  # requests being answered, by Host header
        self.most_active: dict[str, int] = {}  # the most answered at once, by Host header
        self.most_active_overall = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, body: str | bytes = b"", **options) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Route(b"", status=status, headers={"Location": to})
        return self.url(path)

    def asked(self, path: str) -> list[dict[str, str]]:
        return [headers for asked, headers in self.requests if asked == path]


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        site = self.site
        headers = {name.lower(): value for name, value in self.headers.items()}
        host = headers.get("host", "")
        with site.lock:
            site.requests.append((self.path, headers))
            site.active[host] = site.active.get(host, 0) + 1
            site.most_active[host] = max(site.most_active.get(host, 0), site.active[host])
            site.most_active_overall = max(site.most_active_overall, sum(site.active.values()))
        counted = [True]

        def leave() -> None:
            # called before the answer's headers are sent: once the client has them it may start the next
            # request at once, and that one must not find this one still counted
            with site.lock:
                if counted[0]:
                    site.active[host] -= 1
                    counted[0] = False

        try:
            self._answer(site.routes.get(self.path), headers, leave)
        finally:
            leave()

    def _answer(self, route: Route | None, headers: dict[str, str], leave) -> None:
        if route is None:
            route = Route(b"<html><body><p>Not here.</p></body></html>", status=404)
        if route.delay:
            time.sleep(route.delay)
        fresh = (route.etag and headers.get("if-none-match") == route.etag) or (
            route.last_modified and headers.get("if-modified-since") == route.last_modified
        )
        status = 304 if fresh and route.status == 200 else route.status
        body = b"" if status == 304 else route.body
        self.send_response(status)
        if route.content_type and status != 304:
            self.send_header("Content-Type", route.content_type)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        if route.gzip and body:
            body = gzip.compress(body)
            self.send_header("Content-Encoding", "gzip")
        if route.length or status == 304:
            self.send_header("Content-Length", str(len(body)))
        leave()  # a client with the headers may act at once: a robots.txt 404 is closed unread, the page asked next
        self.end_headers()
        # the client may give up (a size limit, a timeout): that is what the test wants
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture
def site():
    """A fresh site on an ephemeral port of 127.0.0.1, stopped after the test."""
    state = Site()
    handler = type("Handler", (_Handler,), {"site": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


def article_html(title: str = "Chipmakers rally on AI demand", paragraphs: list[str] | None = None, *,
                 lang: str = "en", charset_meta: str | None = "utf-8", extra_head: str = "",
                 byline: str = "Ann Lee", site_name: str = "Example Wire", published: str = "2026-02-06") -> str:
    """A news page written for the tests: navigation, the article (headline, paragraphs, a quote, a list), a
    footer."""
    paragraphs = paragraphs or [
        "Shares of Nvidia rose 4% on Tuesday after the company said data-centre revenue reached $39 billion in "
        "the quarter, beating the forecasts of every analyst surveyed by the wire.",
        "Analysts at Morgan Stanley raised their price target to $200 from $180, citing stronger margins and a "
        "faster product cycle than the company had promised investors last year.",
    ]
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head>{meta}<title>{title} | {site_name}</title>
<meta name="author" content="{byline}"><meta property="og:site_name" content="{site_name}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}T09:30:00Z">{extra_head}</head>
<body><nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/tech">Tech</a></nav>
<article><h1>{title}</h1>
{body}
<h2>What comes next</h2>
<blockquote>
<p>"Demand is incredible, and supply will stay tight until next year," the chief executive said.</p></blockquote>
<ul><li>Revenue: $39 billion, up 78% on the year</li><li>Next results: late May</li></ul>
</article>
<footer><p>Copyright 2026 Example Wire. All rights reserved.</p></footer></body></html>"""
