"""Who said a quote, on real news' harder patterns: one rule per test, on hand-written paragraphs."""

from store.extract.quotes import find_quotes
from tests.ledger.helpers import mention, paragraphs


def quotes_of(text, *entities):
    """``(quote text, speaker)`` of every quote; ``entities`` are ``(text, label, nth)`` mentions."""
    mentions = sorted((mention(text, needle, label, nth=nth) for needle, label, nth in entities), key=lambda m: m.start)
    return [(q.text, q.speaker) for q in find_quotes(text, paragraphs(text), mentions)]


def test_a_participle_after_a_quote_is_narrative_not_a_split_quotes_attribution():
    text = ('Dan Moore said he was "deeply shocked", releasing a statement saying "The decision is a blow to '
            'every worker in the state."')
    assert quotes_of(text, ("Dan Moore", "PERSON", 0)) == [
        ("The decision is a blow to every worker in the state.", "Dan Moore")]


def test_what_follows_adding_is_what_was_added_not_who_added_it():
    text = ('The prosecutor, Ali Reza Karimi, said the men must face "murder and terrorism charges", adding Iran '
            'will pursue President Jack Stone even after he leaves office.')
    assert quotes_of(text, ("Ali Reza Karimi", "PERSON", 0), ("Jack Stone", "PERSON", 0)) == [
        ("murder and terrorism charges", "Ali Reza Karimi")]


def test_a_quote_running_into_its_attribution_without_a_comma_is_split_by_it():
    text = '"We stand ready to help" tweeted Mayor Ana Ruiz. "The bravery of the crews is incredible."'
    [(quote, speaker)] = quotes_of(text, ("Ana Ruiz", "PERSON", 0))
    assert quote == "We stand ready to help The bravery of the crews is incredible." and speaker == "Ana Ruiz"


def test_a_scare_quote_running_into_narrative_is_not_joined_to_the_next_quote():
    text = ('Ana Ruiz called the fire "truly crushing" and wrote "May God protect the families of the victims." '
            'Ben Cole described it as "a tragedy" and said "we will rebuild the whole street."')
    found = quotes_of(text, ("Ana Ruiz", "PERSON", 0), ("Ben Cole", "PERSON", 0))
    assert found == [("May God protect the families of the victims.", "Ana Ruiz"),
                     ("we will rebuild the whole street.", "Ben Cole")]


def test_less_common_verbs_of_saying_attribute_the_quote():
    text = ('"We are rolling out the first delivery airplane," enthused Sam Ford. "It is a huge day."\n'
            '"Harris can rest easy", Tom Hale opines, "she will not be blocked from office."')
    found = quotes_of(text, ("Sam Ford", "PERSON", 0), ("Tom Hale", "PERSON", 0))
    assert found == [("We are rolling out the first delivery airplane It is a huge day.", "Sam Ford"),
                     ("Harris can rest easy she will not be blocked from office.", "Tom Hale")]
