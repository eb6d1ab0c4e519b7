"""How news prose ties a quote to who said it: verbs of saying, post-posed speakers, names. One rule per test, on
hand-written paragraphs."""

from store.extract.quotes import find_quotes
from tests.ledger.helpers import mention, paragraphs
from tests.ledger.test_quote_speakers import quotes_of


def speakers_of(text, *entities):
    """The speaker of every quote; ``entities`` are ``(text, label, nth, entity key)`` mentions, as the extractor
    links them."""
    mentions = sorted((mention(text, needle, label, entity, nth) for needle, label, nth, entity in entities),
                      key=lambda m: m.start)
    return [q.speaker for q in find_quotes(text, paragraphs(text), mentions)]


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


def test_a_family_name_written_first_is_the_name_with_its_hyphenated_given_name():
    text = ('South Korean minister Tong Yung-soo met the delegates.\n'
            '"We will keep talking to the North," Mr Tong said.\n'
            'UN Secretary-General Ban Ki-moon opened the summit.\n'
            '"The world cannot wait any longer on climate," Ban said.')
    mentions = [("Tong Yung", "PERSON", 0, "tong yung"), ("Tong", "PERSON", 1, "tong yung"),
                ("Secretary-General Ban Ki", "OTHER", 0, None)]
    assert speakers_of(text, *mentions) == ["Tong Yung-soo", "Ban Ki-moon"]


def test_an_english_word_after_a_hyphen_is_no_given_name():
    text = 'The Ann Lee-led union walked out.\n"We will stay out until the pay is fair," Lee said.'
    assert quotes_of(text, ("Ann Lee", "PERSON", 0), ("Lee", "PERSON", 1)) == [
        ("We will stay out until the pay is fair", "Ann Lee")]


def test_a_particle_surname_is_one_surname_that_resolves_to_the_full_name():
    text = ('Senator Chris Van Hollen visited the border.\n'
            '"This is a humanitarian crisis at our door," Van Hollen said.\n'
            'Marine Le Pen conceded defeat on Sunday.\n'
            '"The fight goes on and we will be back," Le Pen said.\n'
            'Maria de la Cruz leads the union.\n'
            '"We will strike on Monday if we must," de la Cruz said.\n'
            'James van der Beek spoke at the gala.\n'
            '"It was a night to remember for all of us," Van der Beek said.')
    mentions = [("Chris Van Hollen", "PERSON", 0, None), ("Van Hollen", "PERSON", 1, None),
                ("Le Pen", "OTHER", 0, None), ("Le Pen", "OTHER", 1, None),
                ("Cruz", "PERSON", 0, None), ("Cruz", "PERSON", 1, None), ("James", "PERSON", 0, None),
                ("Beek", "PERSON", 0, "van der beek"), ("Van der Beek", "PERSON", 0, "van der beek")]
    assert speakers_of(text, *mentions) == [
        "Chris Van Hollen", "Marine Le Pen", "Maria de la Cruz", "James van der Beek"]


def test_a_feature_s_present_tense_after_a_name_or_a_pronoun_attributes_the_quote():
    text = ('Tom Hale was asked about the fire. "Oh, actually? Yes," he assures himself. "I was not there at the '
            'time."\n'
            '"We will never give up on this town," Ann Lee insists.\n'
            'Ann Lee met the workers. "We will never give up on this town," Tom Hale\'s friends.')
    people = [("Tom Hale", "PERSON", 0), ("Ann Lee", "PERSON", 0), ("Ann Lee", "PERSON", 1), ("Tom Hale", "PERSON", 1)]
    assert quotes_of(text, *people) == [("Oh, actually? Yes I was not there at the time.", "Tom Hale"),
                                        ("We will never give up on this town", "Ann Lee"),
                                        ("We will never give up on this town", "Ann Lee")]


def test_a_name_and_a_long_appositive_between_commas_before_the_verb_is_the_speaker():
    text = ('"Essential elements are hard to find beyond Earth," study lead author Ann Lee, a planetary scientist at '
            'the Goddard Space Flight Center in Greenbelt, Maryland, and American University in Washington, D.C., '
            'said in a statement.')
    assert quotes_of(text, ("Ann Lee", "PERSON", 0), ("Goddard Space Flight Center", "ORG", 0)) == [
        ("Essential elements are hard to find beyond Earth", "Ann Lee")]


def test_a_dash_and_a_name_signing_a_quote_give_its_speaker_and_a_masked_name_none():
    text = ('"Had he written five books in that world, he would have been a household name." — Neil Gaiman\n'
            '"Very talented people! Super fun and entertaining!"\n'
            '– Mel****\n'
            '"It was great and we all loved the show."\n'
            '– Ann Lee, Leeds')
    people = [("Neil Gaiman", "PERSON", 0), ("Ann Lee", "PERSON", 0), ("Leeds", "PLACE", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Neil Gaiman", None, "Ann Lee"]



def test_a_quote_after_narrative_going_on_from_the_last_quote_s_attribution_is_the_same_speaker():
    text = ('Ann Lee warned that the cells might cause harm. "You may not always want the ability to overreact," '
            'she said. That could be part of what goes wrong in asthma. There could be dangers "if you have too '
            'many of these cells and they are too poised to respond."\n'
            'Tom Hale agreed. "The cells are a double-edged sword," he said. And then she is like, "we should stop '
            'studying them altogether."')
    people = [("Ann Lee", "PERSON", 0), ("Tom Hale", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee", "Ann Lee", "Tom Hale", None]


def test_a_quote_going_on_from_a_paraphrase_closed_by_its_attribution_is_that_source_s():
    text = ('Tuft cells are tools like Swiss Army knives. It is not clear which function evolved first, Ann Lee '
            'says. Just because scientists saw taste receptors on the tongue first, "that does not mean that is the '
            'order in which it evolved."\n'
            'Tom Hale runs the lab. Just because scientists saw the receptors first, "that does not mean that is '
            'the order in which they evolved."')
    people = [("Ann Lee", "PERSON", 0), ("Tom Hale", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee", None]


def test_a_pronoun_goes_on_pointing_where_the_pronoun_subject_of_the_sentence_before_did():
    text = ('Ann Lee lives in Indiana and spoke of her late nephew. She gave me an email address for his sister, '
            'Rita Gomez. "I cannot believe Rita would not want his books back in print," she said.\n'
            'Tom Hale struggled to finish the book. On July 27, 2006, he emailed Sam Ford about it. "It is not like '
            'I can have someone charge into the room," he wrote.')
    people = [("Ann Lee", "PERSON", 0), ("Rita Gomez", "PERSON", 0), ("Tom Hale", "PERSON", 0),
              ("Sam Ford", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee", "Tom Hale"]


def test_a_given_name_the_extractor_left_alone_takes_both_surnames_after_it():
    text = ('Tom Hale was often ill. "One bad infection and he would wipe out every penny he had," Teresa Nielsen '
            'Hayden explained.\n'
            '"We will rebuild the whole street," said Ann Brody Thursday.')
    mentions = [("Tom Hale", "PERSON", 0), ("Teresa", "PERSON", 0), ("Nielsen", "ORG", 0), ("Hayden", "PERSON", 0),
                ("Ann", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *mentions)] == ["Teresa Nielsen Hayden", "Ann Brody"]
