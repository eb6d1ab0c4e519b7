"""Importing URLs: fetch (conditionally, politely), read each page as HTML, store it through the article writer.

The article's key (``articles.path``) is the URL as given, fragment dropped; fetching it again sends the stored
validators, so a ``304`` — or a ``200`` with the same text — leaves the article unchanged, and a changed text
updates the same article through the article writer's update path (annotations re-anchored).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from store.article_writer import prepare_article, stored_versions, write_article
from store.db import write_transaction
from store.ingest.decode import IngestError
from store.ingest.html import parse_html
from store.model import Problem, RawPage
from store.pages import touch_fetched, validators
from store.teachings import load_teachings
from store.web.fetch import Fetcher, FetchRequest, FetchResult, normalize_url

Progress = Callable[[int, int, str], None]


def import_urls(db, urls: Iterable[str], report, progress: Progress | None = None,
                fetcher: Fetcher | None = None) -> None:
    """Fetch and import ``urls`` into ``report`` (an :class:`~store.importer.ImportReport`): each URL ends as
    imported, updated, unchanged, or one skipped line with its reason."""
    keys = list(dict.fromkeys(normalize_url(url) for url in urls))
    requests = [FetchRequest(key, *validators(db, key)) for key in keys]
    owned = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for done, result in enumerate(fetcher.fetch_all(requests), start=1):
            store_fetched(db, result, report)
            if progress:
                progress(done, len(keys), result.url)
    finally:
        if owned:
            fetcher.close()


def store_fetched(db, result: FetchResult, report) -> str:
    """Store one fetch result; returns the outcome (``imported``/``updated``/``unchanged``/``skipped``)."""

    if result.status == "failed":
        report.skipped.append(Problem(result.url, result.reason or "cannot fetch"))
        return "skipped"
    if result.status == "not-modified":
        with write_transaction(db):
            touch_fetched(db, result.url, result.etag, result.last_modified)
        report.unchanged += 1
        return "unchanged"
    known = RawPage(b"", "", "", result.content_type, result.final_url, result.etag, result.last_modified)
    try:
        article = parse_html(result.body or b"", result.url, header_charset=result.charset,
                             url=result.final_url or result.url, page=known)
    except IngestError as reason:  # no article text, or a page the extractor cannot read
        report.skipped.append(Problem(result.url, str(reason)))
        return "skipped"
    report.warnings.extend(f"{result.url}: {warning}" for warning in article.warnings)
    prepared = prepare_article(article, load_teachings(db), stored_versions(db, result.url))
    outcome = write_article(db, prepared, report.reanchored)
    setattr(report, outcome, getattr(report, outcome) + 1)
    return outcome
