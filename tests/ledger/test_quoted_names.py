"""Quoted words that name something (titles of works, headlines, labels), not speech, on hand-written paragraphs."""

from tests.ledger.test_quotes import quotes_of


def test_a_capitalised_quote_right_after_a_noun_for_a_work_is_its_title():
    text = ("The band closed with the ballad “Whatever happened to my heart” to loud applause.\n"
            "Her new book, “How to win friends in a hostile world,” came out this week.\n"
            "Ann Lee said the film “was a waste of everyone’s time and money.”\n"
            "Ann Lee wrote in her memoir, “I was never afraid of anything in my life.”")
    assert [(q, s) for q, s, _, _ in quotes_of(text, ("Ann Lee", "ann lee", 0), ("Ann Lee", "ann lee", 1))] == [
        ("was a waste of everyone’s time and money.", "Ann Lee"),
        ("I was never afraid of anything in my life.", "Ann Lee"),
    ]


def test_a_headline_and_a_so_called_label_are_names():
    text = ("The paper ran a story headlined “Senate passes the bill after a long night” on Tuesday.\n"
            "The so-called “axis of evil in the region” was mentioned again, Ann Lee said.")
    assert quotes_of(text, ("Ann Lee", "ann lee", 0)) == []
