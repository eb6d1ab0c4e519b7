"""Speakers as web pages name them (British and tabloid styles, signatures), on hand-written paragraphs."""

from tests.ledger.test_quotes import quotes_of


def test_a_signature_whose_affiliation_ends_with_an_abbreviation_signs_the_quote():
    text = ("“We will grow the business in every market we serve.”\n"
            "— Jane Doe, chief executive, Acme Inc.\n"
            "“Our customers come first in everything that we do.” — Ann Lee, founder of Lee Corp.")
    found = quotes_of(text, ("Jane Doe", "jane doe", 0), ("Ann Lee", "ann lee", 0))
    assert [s for _, s, _, _ in found] == ["Jane Doe", "Ann Lee"]


def test_the_n_year_old_is_the_person_given_that_age():
    text = ("Sarah Jenkins, 45, from Leeds, was arrested with Tom Baker, 31.\n"
            "The 45-year-old said: ‘I have done nothing wrong at all in this case.’\n"
            "‘I only drove the car that night and saw nothing,’ the 31-year-old told the court.")
    found = quotes_of(text, ("Sarah Jenkins", "sarah jenkins", 0), ("Tom Baker", "tom baker", 0))
    assert [s for _, s, _, _ in found] == ["Sarah Jenkins", "Tom Baker"]
