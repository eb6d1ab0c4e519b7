"""The web side of Broadsheet: web pages and URLs in, with nothing lost.

- :mod:`store.web.charset` decodes a page's bytes (BOM, the HTTP header's charset, the page's ``<meta>``).
- :mod:`store.web.html` turns a page into a :class:`~store.model.ParsedArticle` (trafilatura finds the main
  text and metadata; its XML tree becomes Broadsheet's block model). Pure functions, no database.
- :mod:`store.web.fetch` fetches URLs with httpx (limits, conditional requests, robots.txt, per-host
  concurrency) — a reusable API for anything that reads the web (feeds included).
- :mod:`store.web.pages` keeps each page's raw bytes, compressed, beside its article, and re-derives the
  text when the HTML extractor changes.
- :mod:`store.web.urls` imports URLs: fetch, parse, and hand the articles to the importer.
"""
