"""Hostile inputs finish quickly: sizes are chosen so that quadratic or exponential matching would take
many seconds, while linear work takes a fraction of one."""

import time

import pytest

from store.ingest.markdown import parse_markdown
from store.ingest.text import parse_text

N = 100_000
HOSTILE = {
    "dot run without space": "a" + "." * N + "x",
    "punctuation word": "!" * N + "a",
    "punctuation before a title-case word": "Headline\n" + "Word " + "-" * N + "x\nMore.",
    "many ellipses inside one open quote": "“" + "a… B " * (N // 5),
    "many abbreviations": "U.S. " * (N // 5),
    "one long line of words": "word " * N,
    "byline-shaped first lines": "By " + "Ann " * (N // 4) + "\nBy " + "A. " * (N // 3),
    "reference-shaped lines": "".join(f"[{i}] Publisher - “Title {i}”\nURL: https://x/{i}\n" for i in range(N // 40)),
    "spaces inside lines": ("a" + " " * 1000 + "b\n") * (N // 1000),
    "many short lines": "x\n" * (N // 4),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_plain_text_is_linear(name):
    started = time.process_time()
    parse_text(HOSTILE[name], "k")
    assert time.process_time() - started < 3, name


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_markdown_is_linear(name):
    started = time.process_time()
    parse_markdown(HOSTILE[name], "k")
    assert time.process_time() - started < 3, name


def test_front_matter_with_a_huge_value_is_linear():
    text = "---\ntitle:" + " " * N + "x\nauthor: A\n---\nBody.\n"
    started = time.process_time()
    article = parse_markdown(text, "k")
    assert time.process_time() - started < 3
    assert (article.title, article.byline) == ("x", "A")


def test_markdown_link_definitions_are_not_references():
    text = "# T\n\nSee [a][1] and [b][2].\n\n[1]: https://a.example\n[2]: https://b.example\n"
    assert parse_markdown(text, "k").references == []
