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


def test_a_show_or_work_named_after_the_attribution_is_no_part_of_the_quote():
    text = ("“We think the market is overvalued right now,” Jane Doe told CNBC’s “Squawk on the Street” on Monday.\n"
            "“We will not shut down the government this year.” Jane Doe said on NBC’s “Meet the Press.”\n"
            "“It was a hard role to play for anyone,” Jane Doe said of “The Crown and the Sceptre,” her series.")
    people = [("Jane Doe", "jane doe", n) for n in range(3)]
    assert [(q, s) for q, s, _, _ in quotes_of(text, *people)] == [
        ("We think the market is overvalued right now", "Jane Doe"),
        ("We will not shut down the government this year.", "Jane Doe"),
        ("It was a hard role to play for anyone", "Jane Doe"),
    ]


def test_a_menu_of_links_between_marks_is_no_quote_but_a_stray_bar_inside_speech_is():
    text = ("« Previous article: Council to vote on the new budget | Next article: Storm hits the coast »\n"
            "“We tried and failed, so we convinced the Food Board | that all salt should be iodised,” Ann Lee said.")
    assert [(q, s) for q, s, _, _ in quotes_of(text, ("Ann Lee", "ann lee", 0))] == [
        ("We tried and failed, so we convinced the Food Board | that all salt should be iodised", "Ann Lee")]


def test_a_search_query_and_a_linked_headline_are_no_quotes():
    text = ("Searches for “how to apply for unemployment benefits” rose sharply, Ann Lee said.\n"
            "The council met on Monday. READ MORE: “Mayor vows to fix the roads by the end of summer”\n"
            "“We will fix every road in the city,” Ann Lee said.")
    found = quotes_of(text, ("Ann Lee", "ann lee", 0), ("Ann Lee", "ann lee", 1))
    assert [(q, s) for q, s, _, _ in found] == [("We will fix every road in the city", "Ann Lee")]
