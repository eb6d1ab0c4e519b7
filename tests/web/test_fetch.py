"""The fetcher against a site on 127.0.0.1: every fault ends as one result with a one-line reason, never an
exception; limits, charsets, compression, robots.txt, conditional requests and per-host concurrency hold."""

from __future__ import annotations

import gzip
import socket

import pytest

from store.web.fetch import Fetcher, FetchLimits, FetchRequest
from tests.web.conftest import article_html

QUICK = FetchLimits(connect_timeout=5, read_timeout=2, total_seconds=10)  # generous: the machine may be loaded


@pytest.fixture
def fetcher():
    with Fetcher(QUICK) as instance:
        yield instance


def test_a_page_is_fetched_with_a_user_agent_naming_broadsheet_and_compression_accepted(site, fetcher):
    url = site.page("/story", article_html())

    result = fetcher.fetch(url)

    assert result.status == "ok" and result.http_status == 200
    assert result.body == article_html().encode("utf-8") and result.content_type == "text/html"
    [headers] = site.asked("/story")
    assert headers["user-agent"].startswith("Broadsheet/")
    assert "gzip" in headers["accept-encoding"]


def test_a_gzipped_answer_is_decompressed(site, fetcher):
    url = site.page("/zipped", article_html(), gzip=True)
    assert fetcher.fetch(url).body == article_html().encode("utf-8")


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"),
                                                 (403, "HTTP 403 Forbidden")])
def test_an_error_status_is_a_failure_naming_it(site, fetcher, status, reason):
    url = site.page("/page", "<html><body><p>error</p></body></html>", status=status)
    result = fetcher.fetch(url)
    assert (result.status, result.reason) == ("failed", reason)


def test_a_server_that_does_not_answer_in_time_is_a_timeout(site, fetcher):
    url = site.page("/slow", article_html(), delay=6.0)
    result = fetcher.fetch(url)
    assert (result.status, result.reason) == ("failed", "timeout: no answer from 127.0.0.1 within 2 s")


def test_a_redirect_loop_is_named_and_a_long_chain_stops_after_five_hops(site, fetcher):
    site.redirect("/a", "/b")
    loop = site.redirect("/b", "/a")
    for hop in range(7):
        site.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    site.page("/hop7", article_html())
    site.page("/hop5-end", article_html())

    assert fetcher.fetch(loop).reason == f"redirect loop (back to {site.url('/b')})"
    assert fetcher.fetch(site.url("/hop0")).reason == "too many redirects (more than 5)"
    ok = fetcher.fetch(site.url("/hop2"))  # five hops: /hop3 … /hop7
    assert ok.status == "ok" and ok.final_url == site.url("/hop7")


def test_a_body_over_the_limit_fails_whether_announced_streamed_or_compressed(site):
    announced = site.page("/big", "x" * 5000)
    streamed = site.page("/stream", "x" * 5000, length=False)
    bomb = site.page("/bomb", "<html>" + " " * 50_000, gzip=True)  # 50 kB that travel as ~100 bytes
    with Fetcher(FetchLimits(max_bytes=1000, read_timeout=2)) as fetcher:
        assert fetcher.fetch(announced).reason == "too large (5,000 bytes; the limit is 1,000)"
        assert fetcher.fetch(streamed).reason == "too large (over 1,000 bytes)"
        assert fetcher.fetch(bomb).reason == "too large (over 1,000 bytes)"


def test_what_is_not_html_is_refused_by_its_type_or_its_content(site, fetcher):
    pdf = site.page("/paper.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    untyped = site.page("/blob", b"\x00\x01binary", content_type=None)
    untyped_html = site.page("/untyped", article_html(), content_type=None)

    assert fetcher.fetch(pdf).reason == "not HTML (content type application/pdf)"
    assert fetcher.fetch(untyped).reason == "not HTML (no content type, and the body is not an HTML document)"
    assert fetcher.fetch(untyped_html).status == "ok"


def test_the_charset_comes_from_the_header_then_the_page_and_a_lying_header_is_caught(site, fetcher):
    text = "Le café a coûté 4 € de plus"
    right = site.page("/header", f"<html><body><p>{text}</p></body></html>".encode("cp1252"),
                      content_type="text/html; charset=windows-1252")
    meta = site.page("/meta", f'<html><head><meta charset="windows-1252"></head><body><p>{text}</p></body></html>'
                     .encode("cp1252"), content_type="text/html")
    lying = site.page("/lying", f"<html><body><p>{text}</p></body></html>".encode(),
                      content_type="text/html; charset=iso-8859-1")
    missing = site.page("/missing", f"<html><body><p>{text}</p></body></html>".encode("cp1252"),
                        content_type="text/html")

    for url in (right, meta, lying, missing):
        assert text in fetcher.fetch(url).text, url


def test_robots_txt_is_read_once_per_site_and_obeyed(site, fetcher):
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: Broadsheet\nDisallow: /members/\n",
              content_type="text/plain")
    public = site.page("/news/a", article_html())
    private = site.page("/private/b", article_html())
    members = site.page("/members/c", article_html())

    results = {r.url: r for r in fetcher.fetch_all([public, private, members])}

    assert results[public].status == "ok"
    assert results[members].reason == "disallowed by robots.txt"
    assert results[private].status == "ok"  # a group naming Broadsheet replaces the '*' group (RFC 9309)
    assert site.asked("/members/c") == []
    assert len(site.asked("/robots.txt")) == 1


def test_robots_txt_rules_for_everyone_apply_when_none_name_broadsheet(site, fetcher):
    site.page("/robots.txt", "User-agent: SomeBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n",
              content_type="text/plain")
    assert fetcher.fetch(site.page("/private/b", article_html())).reason == "disallowed by robots.txt"
    assert fetcher.fetch(site.page("/news/a", article_html())).status == "ok"
    assert site.asked("/private/b") == []


def test_a_failing_robots_txt_disallows_for_now_and_a_missing_one_allows(site, fetcher):
    site.page("/robots.txt", "down", status=503, content_type="text/plain")
    url = site.page("/story", article_html())
    assert fetcher.fetch(url).reason == "disallowed for now: robots.txt answered HTTP 503"
    del site.routes["/robots.txt"]
    with Fetcher(QUICK) as fresh:
        assert fresh.fetch(url).status == "ok"


def test_a_redirect_into_a_disallowed_path_is_refused(site, fetcher):
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.page("/private/x", article_html())
    hop = site.redirect("/go", "/private/x")
    assert fetcher.fetch(hop).reason == "disallowed by robots.txt"
    assert site.asked("/private/x") == []


def test_a_conditional_request_sends_the_validators_and_a_304_is_not_modified(site, fetcher):
    url = site.page("/story", article_html(), etag='"v1"', last_modified="Fri, 06 Feb 2026 09:30:00 GMT")
    first = fetcher.fetch(url)
    assert (first.etag, first.last_modified) == ('"v1"', "Fri, 06 Feb 2026 09:30:00 GMT")

    again = fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)

    assert again.status == "not-modified" and again.body is None
    headers = site.asked("/story")[-1]
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Fri, 06 Feb 2026 09:30:00 GMT"


def test_an_unknown_host_is_a_dns_failure(fetcher, monkeypatch):
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):  # nothing leaves the machine: this host "does not exist"
        if host == "news.example.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    result = fetcher.fetch("http://news.example.invalid/story")
    assert (result.status, result.reason) == ("failed", "DNS failure: cannot find host news.example.invalid")


def test_a_closed_port_is_connection_refused(fetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = fetcher.fetch(f"http://127.0.0.1:{port}/story")
    assert (result.status, result.reason) == ("failed", "connection refused by 127.0.0.1")


def test_many_urls_run_at_most_two_at_a_time_per_host_while_hosts_run_side_by_side(site):
    for n in range(4):
        site.page(f"/slow{n}", article_html(), delay=1.0)  # long enough that requests in flight overlap
    urls = [f"http://{host}:{site.port}/slow{n}" for host in ("127.0.0.1", "localhost") for n in range(4)]
    with Fetcher(FetchLimits(read_timeout=10)) as fetcher:
        results = list(fetcher.fetch_all(FetchRequest(url) for url in urls))

    assert sorted(r.url for r in results) == sorted(urls)
    assert [r.reason for r in results if r.status != "ok"] == []
    assert max(site.most_active.values()) <= 2  # never more than two at once on one host
    assert site.most_active_overall >= 3  # but the two hosts were fetched at the same time


def test_fetch_all_takes_plain_urls_and_reports_a_bad_one_among_good_ones(site, fetcher):
    good = site.page("/good", article_html())
    results = {r.url: r for r in fetcher.fetch_all([good, "ftp://example.invalid/x", site.url("/nothing")])}
    assert results[good].status == "ok"
    assert results["ftp://example.invalid/x"].reason == "not an http(s) URL"
    assert results[site.url("/nothing")].reason == "HTTP 404 Not Found"


def test_gzip_of_a_gzipped_file_is_left_alone(site, fetcher):
    """A .gz file served as such (no Content-Encoding) is not unpacked: it is simply not HTML."""
    url = site.page("/page.html.gz", gzip.compress(b"<html></html>"), content_type="application/gzip")
    assert fetcher.fetch(url).reason == "not HTML (content type application/gzip)"


def test_a_tls_failure_is_named(site, fetcher):
    """https:// to a server that speaks plain HTTP: the handshake fails, and the reason says TLS."""
    site.page("/story", article_html())
    result = fetcher.fetch(f"https://127.0.0.1:{site.port}/story")
    assert result.status == "failed" and result.reason.startswith("TLS error with 127.0.0.1 (")
