"""Organisations that speak, found and named from the article's own text by the whole extractor (entities, then
quotes): one rule per test, on hand-written paragraphs."""

from store.extract import extract
from store.extract.quotes import find_quotes
from tests.ledger.helpers import paragraphs


def speakers(text: str) -> list[tuple[str, str | None]]:
    """``(quote text, speaker)`` of every quote, the entities found by the extractor itself."""
    return [(q.text, q.speaker) for q in find_quotes(text, paragraphs(text), extract(text))]


def entities(text: str) -> dict[str, str]:
    """Entity text → label."""
    return {m.text: m.label for m in extract(text) if m.kind == "entity"}


def test_a_company_named_by_a_word_opening_a_sentence_before_said_is_the_speaker():
    text = ('Google said on Monday it would appeal the fine. "We will keep building products people love," the '
            'company said.\n'
            'Apple pie sold well at the fair.')
    assert speakers(text) == [("We will keep building products people love", "Google")]
    assert entities(text) == {"Google": "ORG"}


def test_a_one_word_name_no_list_of_peoples_names_holds_is_an_organisation_before_a_verb_of_saying():
    text = ('Zylotech said on Tuesday that hackers had stolen no data. The breach was found by Jane Okonkwo. "Our '
            'systems are safe and our customers are protected," the company said. "We were never told," she said.\n'
            'Okonkwo said "the breach was far worse than admitted."')
    assert speakers(text) == [("Our systems are safe and our customers are protected", "Zylotech"),
                              ("We were never told", "Jane Okonkwo"),
                              ("the breach was far worse than admitted.", "Jane Okonkwo")]
    assert entities(text) == {"Zylotech": "ORG", "Jane Okonkwo": "PERSON", "Okonkwo": "PERSON"}


def test_a_name_whose_own_verb_is_followed_by_its_is_an_organisation():
    text = ('Frobnix has cut its forecast for the year. The warning came after a report by Jane Okonkwo, an analyst. '
            '"Demand for our chips fell in every region," the company said.\n'
            'Tom Hale praised its work. Hale said "the forecast was honest."')
    assert speakers(text) == [("Demand for our chips fell in every region", "Frobnix"),
                              ("the forecast was honest.", "Tom Hale")]
    assert entities(text) == {"Frobnix": "ORG", "Jane Okonkwo": "PERSON", "Tom Hale": "PERSON", "Hale": "PERSON"}


def test_a_company_named_with_its_head_noun_is_one_name_even_opening_a_sentence():
    text = ('Apple Computer cut the price of its laptops on Monday. Analysts welcomed the cut made by Apple Computer.\n'
            'Four Navy ships sailed. Central Bank officials met on Friday.')
    assert entities(text) == {"Apple Computer": "ORG", "Central Bank": "ORG"}  # no "Four Navy"
