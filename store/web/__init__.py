"""The web side of Broadsheet: web pages and URLs in, with nothing lost.

- :mod:`store.web.fetch` fetches URLs with httpx (limits, conditional requests, robots.txt, per-host
  concurrency) — a reusable API for anything that reads the web (feeds included).
- :mod:`store.web.urls` imports URLs: fetch, parse, and hand the articles to the article writer.

Reading a page (:mod:`store.ingest.html`, :mod:`store.ingest.charset`) is one of :mod:`store.ingest`'s file
formats; a page's raw bytes are kept beside its article by :mod:`store.pages` and read again by
:mod:`store.refresh` when the HTML extractor changes.
"""
