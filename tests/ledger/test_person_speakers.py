"""Person speakers on real news' harder patterns: one rule per test, on hand-written paragraphs."""

from tests.ledger.test_quote_speakers import quotes_of


def test_a_period_after_the_closing_mark_ends_the_sentence_so_the_next_one_is_no_attribution():
    text = ('Tom Hale called on his neighbours to join, adding "We call on any other town that wishes to join us". '
            'In Leeds, the ruling Green Party hailed the plan as a victory.')
    found = quotes_of(text, ("Tom Hale", "PERSON", 0), ("Green Party", "ORG", 0))
    assert found == [("We call on any other town that wishes to join us", "Tom Hale")]


def test_the_speaker_is_named_in_the_clause_of_the_verb_not_an_earlier_one():
    text = ('Ana Ruiz called the fire an "unusual" case; Ben Cole said "It is hard to say what went wrong".\n'
            'Sam Ford told the radio the mayor "was a great man and a friend," while Governor Rita Gomez noted '
            'his "strength, passion and wisdom" on Twitter.')
    people = [(name, "PERSON", 0) for name in ("Ana Ruiz", "Ben Cole", "Sam Ford", "Rita Gomez")]
    assert quotes_of(text, *people) == [("It is hard to say what went wrong", "Ben Cole"),
                                        ("was a great man and a friend", "Sam Ford"),
                                        ("strength, passion and wisdom", "Rita Gomez")]
