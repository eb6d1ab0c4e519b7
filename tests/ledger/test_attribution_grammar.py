"""How news prose ties a quote to who said it: verbs of saying, post-posed speakers, names. One rule per test, on
hand-written paragraphs."""

from tests.ledger.test_quote_speakers import quotes_of


def test_any_verb_in_the_past_tense_after_a_comma_handing_over_is_a_verb_of_saying():
    text = ('"We will appeal the ruling as soon as we can," Ann Lee pleaded.\n'
            '"Nobody told us the plant would close," whispered Tom Hale, a welder.\n'
            '"It is a sad day for the town," Lee, 54, sighed on Monday.\n'
            '"We were never consulted about any of it," Tom Hale went on.\n'
            '"We will appeal," Ann Lee reiterated, "and we will win in the end."')
    people = [("Ann Lee", "PERSON", 0), ("Tom Hale", "PERSON", 0), ("Lee", "PERSON", 1), ("Tom Hale", "PERSON", 1),
              ("Ann Lee", "PERSON", 1)]
    assert quotes_of(text, *people) == [
        ("We will appeal the ruling as soon as we can", "Ann Lee"),
        ("Nobody told us the plant would close", "Tom Hale"),
        ("It is a sad day for the town", "Ann Lee"),
        ("We were never consulted about any of it", "Tom Hale"),
        ("We will appeal and we will win in the end.", "Ann Lee"),
    ]


def test_a_verb_in_the_past_tense_is_no_attribution_without_the_comma_or_in_a_passive():
    text = ('Ann Lee spoke first. "We will fight this all the way to the top." Police arrested Tom Hale.\n'
            'Tom Hale spoke next: "The whole thing was staged from the start," Lee was arrested.')
    people = [("Ann Lee", "PERSON", 0), ("Tom Hale", "PERSON", 0), ("Tom Hale", "PERSON", 1), ("Lee", "PERSON", 1)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee", "Tom Hale"]
