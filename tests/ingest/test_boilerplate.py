"""Boilerplate by generic phrases and by structure, on texts unlike the seeds; real prose stays prose."""

import pytest

from store.ingest.blocks import find_boilerplate, heading_kind, is_title_case, reads_as_headline

PROSE = "The central bank left rates unchanged on Thursday, citing sticky services inflation and strong hiring."


@pytest.mark.parametrize(
    "line",
    [
        "Sign up",
        "Log in | Register",
        "Was this article helpful?",
        "Comments are closed.",
        "Subscribe now",
        "Subscribe to our newsletter for daily market updates",
        "Log in to continue reading this story",
        "We use cookies to improve your experience on our site.",
        "Accept all cookies",
        "Share this article",
        "Advertisement",
        "Leave a comment",
        "Copyright 2026 Example Media. All rights reserved.",
        "© 2026 Example Media",
        "(Reporting by Ann Lee; Editing by Bob Ray)",
        "- AFP with additional reporting by Kim Su",
        "This material is for informational purposes only and does not constitute financial advice.",
        "Past returns are not indicative of future performance.",
        "About Us: Example Wire is a news service.",
        "Updated 3:45 PM EST, February 6, 2026",
        "Published on Feb. 6, 2026",
        "Mon 3 Apr 2026 10.45 BST",
        "February 6, 2026 at 3:45 PM ET",
        "Reuse this content",
        "Photo: Getty Images",
        "Associated Press writer Ann Lee in New York contributed to this report.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "7",
        "2024",
        "—",
    ],
)
def test_generic_chrome_lines_are_boilerplate(line):
    assert find_boilerplate([PROSE, line, PROSE]) == [False, True, False]


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "Subscribers to the service rose 12% in the quarter, the company said.",
        "Investors who signed up for the offering were told to expect delays.",
        "Related companies in the sector also fell sharply on the news.",
        "More from the central bank is expected next week, analysts said.",
        "Advertising revenue fell 4% as brands cut budgets across Europe.",
        "$2.5 billion",
        "Updated guidance pushed shares up 5% on Monday.",
        "Published figures showed a 3% rise.",
        "March 2020 was the worst month for stocks since 2008.",
    ],
)
def test_prose_that_mentions_such_words_is_not_boilerplate(line):
    assert find_boilerplate([PROSE, line]) == [False, False]


def test_short_title_lines_after_a_link_list_header_are_boilerplate_until_prose():
    lines = [
        PROSE,
        "Read more:",
        "Oil Prices Jump as Supply Fears Grow",
        "Why Gold Keeps Climbing",
        "- Banks brace for a slower year",
        PROSE,
        "Another Title-Like Line After Prose",
    ]
    assert find_boilerplate(lines) == [False, True, True, True, True, False, False]


def test_topic_links_after_an_explore_header_are_boilerplate():
    lines = [PROSE, "Explore more on these topics", "Oil", "Opec", "news", "Share"]
    assert find_boilerplate(lines) == [False, True, True, True, True, True]


def test_inline_header_with_its_link_is_boilerplate():
    assert find_boilerplate(["RELATED: Markets slide as yields rise", PROSE]) == [True, False]


def test_a_heading_ends_a_link_list_and_references_are_never_boilerplate():
    lines = ["Recommended", "A Linked Story", "Next Section", "[1] Sign up"]
    kinds = ["paragraph", "paragraph", "heading", "reference"]
    assert find_boilerplate(lines, kinds) == [True, True, False, False]


def test_title_case_allows_small_words_and_brand_spellings():
    assert is_title_case("Chip Stocks Take a Hit")
    assert is_title_case("Apple and Meta Buck the Trend")
    assert is_title_case("Why iPhone Sales Slowed in the Quarter")
    assert not is_title_case("Chip stocks take a hit")
    assert not is_title_case("a Lowercase Start")


def test_headline_shape():
    assert reads_as_headline("Can the AI sector continue to drive the tech stock rally?")
    assert reads_as_headline("Stocks Surge!")
    assert not reads_as_headline("Shares fell on Monday.")
    assert not reads_as_headline("- a list item")
    assert not reads_as_headline(" ".join(["word"] * 31))


def test_heading_rules():
    assert heading_kind("Efficiency Gains Spark Optimism", PROSE)
    assert heading_kind("Efficiency Gains Spark Optimism", None)
    assert heading_kind("Doubts over the cost figure", PROSE)
    assert not heading_kind("Doubts over the cost figure", None)
    assert not heading_kind("“We are not in a hurry,” the chair said", PROSE)
    assert heading_kind("What comes next?", PROSE)
    assert not heading_kind("What comes next?", "- a list item")
    assert not heading_kind("Shares fell on Monday.", PROSE)
    assert not heading_kind("Analysts listed three risks:", PROSE)
    assert not heading_kind(" ".join(["Word"] * 17), PROSE)
