"""Markdown articles: blocks from markdown-it with offsets into the source, front matter, deep nesting."""

import time

from store.ingest.markdown import parse_markdown

DOC = """---
title: "Chipmakers Slide"
source: Example Wire
url: https://example.com/chips
date: 2026-02-06
author: Jane Doe
---
# Chipmakers Slide

Shares of chipmakers fell on Monday. Analysts were surprised.

## What analysts say

> “This is a correction, not a crash,” said one.
> Others disagreed.

- First point
  - Nested point
    - Deeper point
- Second point

1. Numbered

---
"""


def blocks_of(article):
    return [(b.kind, b.level, article.text[b.start:b.end]) for b in article.blocks]


def test_front_matter_fills_metadata_and_is_kept_as_hidden_boilerplate():
    article = parse_markdown(DOC, "doc.md")
    assert (article.title, article.source, article.url, article.published, article.byline) == (
        "Chipmakers Slide", "Example Wire", "https://example.com/chips", "2026-02-06", "Jane Doe",
    )
    assert blocks_of(article)[0][0] == "boilerplate" and blocks_of(article)[0][2].startswith("---\ntitle:")


def test_blocks_point_into_the_markdown_source():
    article = parse_markdown(DOC, "doc.md")
    assert article.text == DOC
    assert blocks_of(article)[1:] == [
        ("title", 1, "# Chipmakers Slide"),
        ("paragraph", 0, "Shares of chipmakers fell on Monday. Analysts were surprised."),
        ("heading", 2, "## What analysts say"),
        ("quote", 0, "> “This is a correction, not a crash,” said one.\n> Others disagreed."),
        ("list", 1, "- First point"),
        ("list", 2, "- Nested point"),
        ("list", 3, "- Deeper point"),
        ("list", 1, "- Second point"),
        ("list", 1, "1. Numbered"),
        ("boilerplate", 0, "---"),
    ]


def test_sentences_split_paragraphs_and_quotes_but_not_headings():
    article = parse_markdown(DOC, "doc.md")
    found = [article.text[s:e] for s, e in article.sentences]
    assert "Shares of chipmakers fell on Monday." in found and "Analysts were surprised." in found
    assert "## What analysts say" in found


def test_title_falls_back_to_the_first_heading_then_the_first_sentence():
    assert parse_markdown("Intro text here. More.\n\n# Later Heading\n", "a.md").title == "Intro text here"
    article = parse_markdown("Setext Title\n============\n\nBody.\n", "b.md")
    assert article.title == "Setext Title" and article.blocks[0].kind == "title"


def test_front_matter_title_that_differs_from_the_heading_leaves_the_heading_alone():
    article = parse_markdown("---\ntitle: Meta Title\n---\n# Other Heading\n\nBody.\n", "c.md")
    assert article.title == "Meta Title"
    assert [b.kind for b in article.blocks] == ["boilerplate", "heading", "paragraph"]


def test_related_link_list_in_markdown_is_boilerplate():
    text = "# News\n\nA long enough paragraph of actual reporting ends here.\n\n## Related\n\n- [One](u)\n- [Two](v)\n"
    kinds = [b.kind for b in parse_markdown(text, "d.md").blocks]
    assert kinds == ["title", "paragraph", "boilerplate", "boilerplate", "boilerplate"]


def test_reference_section_in_markdown():
    text = ("# News\n\nBody cites [1].\n\n[1] Reuters - \"Title\"\nURL: https://r.com/a\nDate: 2026\n[2] CNBC - "
            "\"Other\"\n")
    article = parse_markdown(text, "e.md")
    assert [(r.n, r.publisher, r.title, r.url) for r in article.references] == [
        (1, "Reuters", "Title", "https://r.com/a"), (2, "CNBC", "Other", None),
    ]
    assert [b.kind for b in article.blocks][-4:] == ["reference"] * 4


def test_deeply_nested_markdown_is_fast_and_keeps_every_line():
    nasty = [
        ">" * 20000 + " deep quote\n",
        "".join("  " * i + "- item\n" for i in range(300)),
        "- " * 5000 + "x\n",
        "[" * 20000 + "x" + "]" * 20000 + "\n",
        "*" * 20000 + "\n",
    ]
    for text in nasty:
        started = time.perf_counter()
        article = parse_markdown(text, "n.md")
        assert time.perf_counter() - started < 2
        covered = "".join(text[b.start:b.end] for b in article.blocks)
        assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_numbered_list_under_a_references_heading_becomes_references():
    text = "# News\n\nBody.\n\n## References\n\n1. Reuters - \"Title\" <https://r.com/a>\n2. CNBC - \"Other\"\n"
    article = parse_markdown(text, "f.md")
    assert [(r.n, r.publisher, r.title, r.url) for r in article.references] == [
        (1, "Reuters", "Title", "https://r.com/a"), (2, "CNBC", "Other", None),
    ]
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "heading", "reference", "reference"]


def test_title_from_a_heading_drops_inline_markup():
    article = parse_markdown("# **Chip** stocks and `AI`: [the rout](https://x) in_depth\n\nBody.\n", "g.md")
    assert article.title == "Chip stocks and AI: the rout in_depth"
