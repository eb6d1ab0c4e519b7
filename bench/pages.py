"""The web-page quote golds: quotes labelled by hand in the article bodies of the Zyte article-extraction benchmark.

A gold ``bench/data/pages/quotes_pages_<half>.jsonl`` holds one line per labelled page, ``{"page": <sha256 key>,
"quotes": [{"parts", "sha1", "speaker", "speaker_kind"}]}``; offsets are code points into the page's
``articleBody`` in ``ground-truth.json`` (``$BROADSHEET_ARTICLE_EXTRACTION``, else
``shared/corpora/article-extraction`` beside the repository or one of its parents). The pages belong to their
publishers, so the gold stores no text: each quote's text is rebuilt from its parts here and checked against
its ``sha1`` (of the parts' texts joined by " … "), which catches a changed corpus or a wrong offset.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from bench.corpora import shared_corpus
from store.ingest.jsonl import record_to_article

HERE = Path(__file__).resolve().parent
PAGE_GOLDS = HERE / "data" / "pages"
JOIN = " … "


ARTICLE_EXTRACTION = shared_corpus("article-extraction", "BROADSHEET_ARTICLE_EXTRACTION")


class PageGoldError(Exception):
    """A pages gold that does not fit the corpus: a missing page, a changed body, a quote whose sha1 differs."""


def load_pages_gold(gold: Path, ground_truth: Path) -> tuple[dict[str, list[dict]], dict[str, tuple]]:
    """The gold quotes by page (each given its ``text``) and each page's ``(text, blocks)`` as imported, both keyed
    by the first 12 characters of the page's key (as ``--show`` prints them)."""
    pages = json.loads(ground_truth.read_text(encoding="utf-8"))
    gold_by_page: dict[str, list[dict]] = {}
    texts: dict[str, tuple] = {}
    with gold.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows:
        key = row["page"]
        if key not in pages:
            raise PageGoldError(f"{gold.name}: page {key[:12]} is not in {ground_truth}")
        body = pages[key]["articleBody"]
        article = record_to_article({"id": key, "text": body, "url": pages[key].get("url")}, ground_truth, 0)
        if isinstance(article, str) or article.text != body:
            raise PageGoldError(f"{gold.name}: page {key[:12]}: its articleBody does not import unchanged")
        quotes = []
        for quote in row["quotes"]:
            text = JOIN.join(body[start:end] for start, end in quote["parts"])
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != quote["sha1"]:
                raise PageGoldError(f"{gold.name}: page {key[:12]}: the quote at {quote['parts'][0][0]} "
                                    f"does not match its sha1 (the corpus changed or an offset is wrong)")
            quotes.append({**quote, "text": text})
        gold_by_page[key[:12]] = quotes
        texts[key[:12]] = (article.text, article.blocks)
    return gold_by_page, texts
