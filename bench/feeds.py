"""Feed updates at scale, from a server on 127.0.0.1: 200 feeds × 20 entries, each entry a summary linking to
its page. Times the first update (every page fetched, extracted and imported) and a second one where every feed
answers 304 (target ≤ 2 s), beside a naive peer in the same run: feedparser's own fetching of every feed, one
after another, with no conditional request (what a short script would do).

Usage: ``.venv/bin/python -m bench.feeds [--feeds 200] [--entries 20]``
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.db import open_db  # noqa: E402 (after the path insert above)
from store.feeds.subscriptions import add_feed  # noqa: E402
from store.feeds.update import update_feeds  # noqa: E402

COMPANIES = ["Acme Corp", "Bolt Inc", "Crane Holdings", "Delta Mining", "Ember Foods", "Fjord Shipping"]


def page(feed: int, entry: int) -> bytes:
    company = COMPANIES[(feed + entry) % len(COMPANIES)]
    paragraphs = "".join(
        f"<p>{company} said on Tuesday that revenue in the quarter reached ${feed * 7 + entry + n} million, "
        f"up {n + 1}% from a year earlier, as demand for its products held up in Europe and Asia.</p>"
        for n in range(8)
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{company} story {feed}-{entry}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{company} story {feed}-{entry}</h1>{paragraphs}</article>"
        f"<footer>© Bench News</footer></body></html>"
    ).encode()


def feed_document(base: str, feed: int, entries: int) -> bytes:
    items = "".join(
        f"<item><title>Story {feed}-{n}</title><link>{base}/page-{feed}-{n}.html</link>"
        f"<guid>{base}/page-{feed}-{n}.html</guid><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>"
        f"<description>A teaser for story {feed}-{n}.</description></item>"
        for n in range(entries)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench feed {feed}</title>"
        f"<link>{base}/</link><description>d</description>{items}</channel></rss>"
    ).encode()


def serve(entries: int) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            base = f"http://{self.headers['Host']}"
            name = self.path.strip("/")
            if name.startswith("feed-"):
                feed = int(name[5:].split(".")[0])
                etag = f'"feed-{feed}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._send(feed_document(base, feed, entries), "application/rss+xml", {"ETag": etag})
            elif name.startswith("page-"):
                feed, entry = (int(part) for part in name[5:].split(".")[0].split("-"))
                self._send(page(feed, entry), "text/html; charset=utf-8")
            else:
                self._send(b"", "text/plain", status=404)

        def _send(self, body: bytes, content_type: str, headers: dict | None = None, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def naive_peer(urls: list[str]) -> float:
    """feedparser fetching and parsing every feed in turn, unconditionally."""
    import feedparser

    start = time.perf_counter()
    for url in urls:
        feedparser.parse(url)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=20)
    args = parser.parse_args()
    server = serve(args.entries)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/feed-{n}.xml" for n in range(args.feeds)]
    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "bench.db")
        for n, url in enumerate(urls):
            add_feed(db, url, f"feed-{n}")
        start = time.perf_counter()
        first = update_feeds(db)
        first_seconds = time.perf_counter() - start
        start = time.perf_counter()
        second = update_feeds(db)
        second_seconds = time.perf_counter() - start
        db.close()
    peer_seconds = naive_peer(urls)
    server.shutdown()
    articles = args.feeds * args.entries
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.feeds} feeds × {args.entries} entries from 127.0.0.1")
    print(f"first update:   {first_seconds:7.1f} s  {first.new} new articles ({first.new / first_seconds:.0f}/s), "
          f"{len(first.errors)} errors")
    print(f"second update:  {second_seconds:7.2f} s  {second.not_modified} of {args.feeds} feeds answered 304, "
          f"{second.new} new (target ≤ 2 s)")
    print(f"peer: feedparser fetching every feed in turn, unconditionally: {peer_seconds:.2f} s per update "
          f"(parses feeds only: no page, no import)")
    print(f"peak RSS {peak:.0f} MiB; {articles} entries expected")


if __name__ == "__main__":
    main()
