"""Quote marks of other house styles (guillemets, low-high marks, `` '', double primes) quote as curly marks do,
on hand-written paragraphs; and the same marks where they quote nothing stay plain characters."""

from dataclasses import replace

import pytest

from store import ledger
from store.db import open_db
from store.extract.quotes import find_quotes
from store.importer import import_paths
from tests.ledger.helpers import mention, paragraphs

PEOPLE = [("Anna Weber", "PERSON"), ("Pierre Martin", "PERSON")]


def quotes_in(text):
    mentions = sorted((mention(text, name, label) for name, label in PEOPLE if name in text), key=lambda m: m.start)
    return [(q.text, q.speaker) for q in find_quotes(text, paragraphs(text), mentions)]


@pytest.mark.parametrize("opening, closing", [
    ("«", "»"), ("« ", " »"), ("«\u00a0", "\u00a0»"), ("»", "«"), ("„", "“"), ("„", "”"), ("``", "''"),
    ("″", "″"), ("‹", "›"), ("‚", "‘"),
])
def test_each_style_of_marks_quotes_with_its_speaker(opening, closing):
    text = f"{opening}We are ready for the vote,{closing} Anna Weber said on Monday."
    assert quotes_in(text) == [("We are ready for the vote", "Anna Weber")]


@pytest.mark.parametrize("opening, closing", [("«", "»"), ("»", "«"), ("„", "“"), ("``", "''")])
def test_a_quote_split_by_its_attribution_is_one_quote(opening, closing):
    text = f"{opening}We are ready,{closing} Anna Weber said, {opening}and we will win the vote.{closing}"
    [quote] = find_quotes(text, paragraphs(text), [mention(text, "Anna Weber", "PERSON")])
    assert [text[a:b] for a, b in quote.parts] == ["We are ready", "and we will win the vote."]
    assert quote.speaker == "Anna Weber"


@pytest.mark.parametrize("opening, closing", [("«", "»"), ("»", "«"), ("„", "“"), ("``", "''")])
def test_a_quote_over_paragraphs_with_an_opening_mark_on_each_is_one_quote(opening, closing):
    text = (
        "Pierre Martin, the mayor, said:\n"
        f"{opening}The bridge will open in May after three years of work.\n"
        f"{opening}Everyone who waited so patiently deserves our thanks.{closing}\n"
        "The bridge cost $40 million."
    )
    [quote] = find_quotes(text, paragraphs(text), [mention(text, "Pierre Martin", "PERSON")])
    assert [text[a:b] for a, b in quote.parts] == [
        "The bridge will open in May after three years of work.",
        "Everyone who waited so patiently deserves our thanks.",
    ]
    assert quote.speaker == "Pierre Martin"


def test_french_prose_goes_on_with_a_closing_guillemet_opening_the_next_paragraph():
    text = "Pierre Martin said:\n« The bridge will open in May after years of work.\n» We thank everyone who waited. »"
    [quote] = find_quotes(text, paragraphs(text), [mention(text, "Pierre Martin", "PERSON")])
    assert len(quote.parts) == 2 and quote.speaker == "Pierre Martin"


@pytest.mark.parametrize("outer, inner", [(("„", "“"), ("‚", "‘")), (("«", "»"), ("‹", "›")),
                                          (("»", "«"), ("›", "‹"))])
def test_an_inner_quote_stays_inside_the_outer_one(outer, inner):
    text = (f"{outer[0]}They told us {inner[0]}never again{inner[1]} and then did it again,{outer[1]} "
            "Anna Weber said.")
    assert quotes_in(text) == [
        (f"They told us {inner[0]}never again{inner[1]} and then did it again", "Anna Weber")
    ]


def test_fewer_than_four_words_in_any_marks_are_no_quote():
    assert quotes_in("The party called it «a fair deal» on Monday.") == []
    assert quotes_in("The party called it „a fair deal“ on Monday.") == []


@pytest.mark.parametrize("text", [
    "Home » World » Europe » Elections in the north of the country",
    "The council met on Monday to discuss the new bridge. Read more »",
    "»Read the whole report on the vote in the council here",
    "« Previous story: the council votes on the bridge",
    "Yes‚ the council said‚ the bridge will open in the spring.",
    "The old song ‚rock around the clock was played at the opening of the bridge.",
    "A 27″ screen and a 32″ screen were shown at the fair in the spring.",
])
def test_marks_that_quote_nothing_stay_plain(text):
    assert quotes_in(text) == []


def test_a_low_mark_left_open_in_a_heading_does_not_pair_with_the_body():
    text = "Weber: „Ready for the vote\n“We will win the vote in the spring,” Anna Weber said."
    blocks = paragraphs(text)
    blocks[0] = replace(blocks[0], kind="heading")
    found = find_quotes(text, blocks, [mention(text, "Anna Weber", "PERSON")])
    assert [(q.text, q.speaker) for q in found] == [("We will win the vote in the spring", "Anna Weber")]


def test_stored_quotes_and_mentions_slice_the_text_they_name(tmp_path):
    """Offsets through the store (import, mentions, ledger) stay right on a text with these marks."""
    path = tmp_path / "marks.txt"
    path.write_text(
        "Bridge vote\n\n"
        "»We are ready for the vote on the 12 million euro bridge,« Anna Weber said on Monday.\n\n"
        "« Nous sommes prêts pour le vote du pont », Pierre Martin said in Paris.\n\n"
        "``The bridge will cost 12 million euros in all,'' she added.\n",
        encoding="utf-8",
    )
    db = open_db(tmp_path / "db.sqlite")
    try:
        assert import_paths(db, [path]).imported == 1
        [article] = list(db.execute("SELECT id, text FROM articles"))
        text = article[1]
        quotes = ledger.quotes(db)
        assert [text[q.start : q.end] for q in quotes] == [q.text for q in quotes] == [
            "We are ready for the vote on the 12 million euro bridge",
            "Nous sommes prêts pour le vote du pont",
            "The bridge will cost 12 million euros in all",
        ]
        assert [q.speaker for q in quotes][:2] == ["Anna Weber", "Pierre Martin"]
        mentions = list(db.execute('SELECT start, "end", text FROM mentions'))
        assert mentions and all(text[start:end] == said for start, end, said in mentions)
        figures = ledger.figures(db)
        assert all(text[f.start : f.end] == f.text for f in figures)
    finally:
        db.close()
