"""Properties that hold for any text: blocks and sentences are ordered, disjoint, in bounds and complete."""

from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest.decode import clean_text
from store.ingest.markdown import parse_markdown
from store.ingest.sentences import split_sentences
from store.ingest.text import parse_text
from store.model import Block

# Characters that stress the rules: stops, quotes, markers, bullets, Markdown syntax, odd whitespace.
ALPHABET = st.sampled_from(list("aAzZ019 .!?…“”‘’\"'[]()-*•#>`:$%\n\t\r\u00a0\u2028\x07\u202e")
                           + ["U.S.", "Dr.", "...", "[6]."])
TEXTS = st.lists(ALPHABET, max_size=200).map("".join)


def assert_spans_cover(text: str, spans, within) -> None:
    """Ordered, non-overlapping, in bounds, non-empty after strip, covering every non-space char of ``within``."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip()
        previous_end = end
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    for start, end in within:
        for index in range(start, end):
            assert text[index].isspace() or index in covered, (index, text[index])


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_text_blocks_and_sentences_cover_everything_in_order(raw):
    text = clean_text(raw)
    article = parse_text(text, "k")
    blocks = [(b.start, b.end) for b in article.blocks]
    assert_spans_cover(text, blocks, [(0, len(text))])
    assert_spans_cover(text, article.sentences, blocks)
    assert all(start < end for b in article.blocks for start, end in [(b.start, b.end)])


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_of_any_block_cover_it(raw):
    if not raw.strip():
        return
    blocks = [Block("paragraph", 0, len(raw))]
    assert_spans_cover(raw, split_sentences(raw, blocks), [(0, len(raw))])


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_markdown_blocks_and_sentences_cover_everything_in_order(raw):
    text = clean_text(raw)
    article = parse_markdown(text, "k")
    blocks = [(b.start, b.end) for b in article.blocks]
    assert_spans_cover(text, blocks, [(0, len(text))])
    assert_spans_cover(text, article.sentences, blocks)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_parses_into_covering_blocks_and_sentences(raw):
    text = clean_text(raw)
    for article in (parse_text(text, "k"), parse_markdown(text, "k")):
        blocks = [(b.start, b.end) for b in article.blocks]
        assert_spans_cover(text, blocks, [(0, len(text))])
        assert_spans_cover(text, article.sentences, blocks)
