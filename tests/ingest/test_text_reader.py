"""Plain-text articles: titles, headings, lists, boilerplate and references, on the seeds and small texts."""

from pathlib import Path

import pytest

from store.ingest import parse_file
from store.ingest.text import parse_text, short_title

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str):
    [article], problems = parse_file(next(SEEDS.glob(f"{prefix}_*.txt")))
    assert problems == []
    return article


def kinds_by_text(article) -> dict[str, str]:
    return {article.text[b.start:b.end]: b.kind for b in article.blocks}


def kind_of(article, starts_with: str) -> str:
    matches = [kind for text, kind in kinds_by_text(article).items() if text.startswith(starts_with)]
    assert matches, starts_with
    return matches[0]


def test_seed_references_parse_with_urls_and_dates():
    article = seed("001")
    refs = article.references
    assert [r.n for r in refs] == list(range(8))
    assert sum(1 for r in refs if r.url) == 6 and sum(1 for r in refs if r.date) == 6
    first, reuters = refs[0], refs[1]
    assert (first.publisher, first.title, first.url) == ("Ginlix InfoFlow Analytical Database", None, None)
    assert reuters.publisher == "Reuters"
    assert reuters.title == "Investors chase cheaper, smaller companies as risk aversion hits tech sector"
    assert reuters.url.startswith("https://www.reuters.com/") and reuters.date == "February 8, 2026"
    assert article.text[reuters.start:reuters.end].endswith("Date: February 8, 2026")
    assert refs[3].title.startswith("‘It’s existential’: How Big Tech")
    assert all(article.text[b.start:b.end] for b in article.blocks if b.kind == "reference")
    assert sum(b.kind == "reference" for b in article.blocks) == 8 + 6 + 6


def test_in_text_reference_markers_stay_in_the_text():
    assert "bear market territory [6]." in seed("001").text


def test_seed_site_chrome_is_boilerplate_but_kept():
    article = seed("001")
    assert kind_of(article, "Unlock More Features") == "boilerplate"
    assert kind_of(article, "Login to access") == "boilerplate"
    assert kind_of(article, "About us:") == "boilerplate"
    assert kind_of(article, "Related Stocks") == "boilerplate"
    assert kind_of(article, "Insights are generated") == "boilerplate"
    assert kind_of(article, "The market is experiencing") == "paragraph"
    assert "Unlock More Features" in article.text


def test_seed_link_lists_after_headers_are_boilerplate():
    other_news = seed("002")
    run = other_news.blocks[[other_news.text[b.start:b.end] for b in other_news.blocks].index("OTHER NEWS"):]
    assert {b.kind for b in run} == {"boilerplate"} and len(run) > 30
    also_see = seed("004")
    assert kind_of(also_see, "ALSO SEE: ‘AI Breakthrough’") == "boilerplate"
    assert kind_of(also_see, "It all stemmed from") == "paragraph"
    assert kind_of(also_see, "- Reuters with additional editing") == "boilerplate"
    assert kind_of(also_see, "US Releases Detailed Rules") == "boilerplate"
    assert kind_of(seed("003"), "Leave a Reply") == "boilerplate"


def test_seed_headings_titles_and_lists():
    tech = seed("003")
    assert tech.title == "Tech Stocks See Respite Amid AI Sell-Off" and tech.blocks[0].kind == "title"
    for heading in ("Efficiency Gains Spark Optimism", "Chip Stocks Take a Hit", "Analysts Weigh In"):
        assert kind_of(tech, heading) == "heading"
    assert kind_of(tech, "Monday brought") == "paragraph"
    rally = seed("002")
    assert rally.title == "Can the AI sector continue to drive the tech stock rally?"
    assert kind_of(rally, "How should investors reassess the AI sector?") == "heading"
    assert kind_of(rally, "1. Is AI's monetization") == "list"
    assert kind_of(rally, "Market divergence is primarily concentrated in three areas:") == "paragraph"


def test_seed_without_a_headline_gets_a_title_from_its_first_sentence():
    article = seed("004")
    assert article.title.endswith("…") and len(article.title) <= 81
    assert article.text.startswith(article.title[:-1])
    assert all(b.kind != "title" for b in article.blocks)


def test_leading_blank_lines_do_not_hide_the_headline():
    article = seed("000")
    assert article.title.startswith("Concerns over AI bubble trigger a wave of sell-offs")
    assert article.blocks[0].kind == "title" and article.blocks[0].start == 1


def test_title_case_and_sentence_case_headings():
    text = (
        "Markets Rally on Rate Hopes\n"
        "Stocks rose on Monday after the central bank signalled a pause in its hiking cycle.\n"
        "What Comes Next for the Fed\n"
        "Investors now expect two cuts this year, according to futures pricing data from traders.\n"
        "Where the risks lie\n"
        "Inflation remains above target in most of the large economies that report monthly.\n"
        "This line has no final period but is the last line\n"
    )
    kinds = kinds_by_text(parse_text(text, "k"))
    assert kinds["Markets Rally on Rate Hopes"] == "title"
    assert kinds["What Comes Next for the Fed"] == "heading"
    assert kinds["Where the risks lie"] == "heading"
    assert kinds["This line has no final period but is the last line"] == "paragraph"


def test_short_question_is_a_heading_only_before_a_paragraph():
    text = (
        "Rates and Markets\n"
        "The bank kept rates on hold this week, surprising some economists who expected a cut.\n"
        "Why does it matter?\n"
        "Borrowing costs feed straight into mortgages, company loans and the valuation of growth stocks.\n"
        "Is that the end of it?\n"
        "- Maybe.\n"
    )
    kinds = kinds_by_text(parse_text(text, "k"))
    assert kinds["Why does it matter?"] == "heading"
    assert kinds["Is that the end of it?"] == "paragraph"


@pytest.mark.parametrize("line",
                         ["- dash item", "* star item", "• bullet item", "1. numbered item", "2) numbered item"])
def test_list_items(line):
    text = f"Headline Here\nA first paragraph that is long enough to read as prose, with a full stop.\n{line}\n"
    block = parse_text(text, "k").blocks[2]
    assert (block.kind, block.level) == ("list", 1)


def test_indented_list_items_get_deeper_levels():
    text = "Headline Here\nA paragraph that ends properly.\n- top\n    - nested\n"
    assert [b.level for b in parse_text(text, "k").blocks if b.kind == "list"] == [1, 3]


def test_blocks_are_trimmed_lines_and_blank_lines_are_not_blocks():
    text = "  Title Words  \n\n   A paragraph with spaces around it.   \n\t\n"
    article = parse_text(text, "k")
    assert [text[b.start:b.end] for b in article.blocks] == ["Title Words", "A paragraph with spaces around it."]


def test_short_title_cuts_at_a_word_boundary():
    sentence = "Technology shares in Japan fell on Tuesday as a global selloff of artificial intelligence stocks"
    title = short_title(sentence)
    assert title == "Technology shares in Japan fell on Tuesday as a global selloff of artificial…"
    assert short_title("Short sentence.") == "Short sentence"


def test_single_line_article_titles_itself_from_its_sentence():
    article = parse_text("Only one line here. And a second sentence.", "k")
    assert article.title == "Only one line here"
    assert [b.kind for b in article.blocks] == ["paragraph"]


def test_paragraph_opening_with_a_marker_is_not_a_reference():
    text = "Headline Here\n[3] This paragraph starts with a citation marker and goes on for a while.\nMore text.\n"
    article = parse_text(text, "k")
    assert article.references == [] and article.blocks[1].kind == "paragraph"


def test_references_after_a_sources_header_and_bare_url_lines():
    text = (
        "Headline Here\nBody text cites a source [1].\nSources\n"
        "[1] Financial Times, “Banks brace for losses”\nhttps://ft.com/x\n"
    )
    article = parse_text(text, "k")
    [ref] = article.references
    assert (ref.n, ref.publisher, ref.title, ref.url) == (1, "Financial Times", "Banks brace for losses",
                                                          "https://ft.com/x")


@pytest.mark.parametrize(
    "line, byline",
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe | Feb 6, 2026", "Jane Doe and John Roe"),
        ("By Ann Lee, Reuters", "Ann Lee"),
    ],
)
def test_byline_near_the_top_fills_the_byline_and_stays_a_paragraph(line, byline):
    text = f"Markets Rally on Rate Hopes\n{line}\nStocks rose on Monday after the bank signalled a pause.\n"
    article = parse_text(text, "k")
    assert article.byline == byline and article.blocks[1].kind == "paragraph"


def test_by_phrases_that_are_prose_are_not_bylines():
    text = "Markets Rally\nBy the end of March the index had doubled.\nBy 2030, most cars sold\nMore text follows.\n"
    assert parse_text(text, "k").byline is None


def test_numbered_entries_under_a_sources_line_are_references_with_inline_urls():
    text = (
        "Headline Here\nBody text cites two sources.\nSources:\n"
        "1. Reuters - “Chips slide” https://r.com/a\n2. CNBC - “Stocks rally”\nURL: https://c.com/b\nDate: 2026\n"
    )
    article = parse_text(text, "k")
    assert [(r.n, r.publisher, r.title, r.url, r.date) for r in article.references] == [
        (1, "Reuters", "Chips slide", "https://r.com/a", None), (2, "CNBC", "Stocks rally", "https://c.com/b", "2026"),
    ]
    assert [b.kind for b in article.blocks][-4:] == ["reference"] * 4


def test_numbered_lines_without_a_sources_line_stay_list_items():
    text = "Headline Here\nThree steps follow:\n1. Reuters - “Chips slide”\n2. CNBC - “Stocks rally”\n"
    article = parse_text(text, "k")
    assert article.references == [] and [b.kind for b in article.blocks][-2:] == ["list", "list"]
