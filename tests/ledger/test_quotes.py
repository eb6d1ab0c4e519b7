"""Direct quotes and their speakers, one pattern per test, on hand-written paragraphs."""

from store.extract.quotes import find_quotes
from store.model import Block
from tests.ledger.helpers import mention, paragraphs


def quotes_of(text, *people):
    mentions = sorted((mention(text, name, "PERSON", key, nth) for name, key, nth in people), key=lambda m: m.start)
    return [(q.text, q.speaker, q.speaker_entity, q.cue) for q in find_quotes(text, paragraphs(text), mentions)]


def test_quote_then_name_and_verb():
    text = "“We will deliver much better models,” Sam Altman said in a post."
    assert quotes_of(text, ("Sam Altman", "sam altman", 0)) == [
        ("We will deliver much better models", "Sam Altman", "sam altman", "said")
    ]


def test_said_then_name_with_title():
    text = "“The valuations offer no margin of error,” said David Bahnsen, chief investment officer at Bahnsen Group."
    [(quote, speaker, _, cue)] = quotes_of(text, ("David Bahnsen", "david bahnsen", 0))
    assert quote == "The valuations offer no margin of error" and speaker == "David Bahnsen" and cue == "said"


def test_name_comma_title_comma_said_before_the_quote():
    text = "Charu Chanana, chief strategist at Saxo, said: “Competition in the AI arena is intensifying fast.”"
    [(quote, speaker, _, _)] = quotes_of(text, ("Charu Chanana", "charu chanana", 0))
    assert quote.startswith("Competition in the AI arena") and speaker == "Charu Chanana"


def test_according_to():
    text = "According to analyst Gil Luria, “smaller models would let the company build better products.”"
    assert quotes_of(text, ("Gil Luria", "gil luria", 0))[0][1:] == ("Gil Luria", "gil luria", "according to")


def test_cue_verbs_like_pointed_out_and_characterized():
    text = (
        "Tim Murray of T. Rowe Price characterized the move as a shift: “The selloff may have paused for now.”\n"
        "Paul Markham pointed out that “the capital expenditures have become structural issues.”"
    )
    found = quotes_of(text, ("Tim Murray", "tim murray", 0), ("Paul Markham", "paul markham", 0))
    assert [(speaker, cue) for _, speaker, _, cue in found] == [
        ("Tim Murray", "characterized"),
        ("Paul Markham", "pointed out"),
    ]


def test_paragraph_quote_after_an_introducing_line_resolves_the_pronoun():
    text = (
        "Analyst Mamta Valechha said investors want returns. She said:\n"
        "“Market sentiment is shifting from ‘fear of missing out’ to ‘scrutinizing every aspect.’”"
    )
    [(quote, speaker, key, _)] = quotes_of(text, ("Mamta Valechha", "mamta valechha", 0))
    assert quote.startswith("Market sentiment is shifting") and "‘fear of missing out’" in quote
    assert (speaker, key) == ("Mamta Valechha", "mamta valechha")


def test_a_quote_split_by_its_attribution_is_one_quote_with_two_parts():
    text = "“Demand is strong,” Jensen Huang said, “and supply will catch up with it soon.”"
    found = quotes_of(text, ("Jensen Huang", "jensen huang", 0))
    assert [(q, s) for q, s, _, _ in found] == [
        ("Demand is strong and supply will catch up with it soon.", "Jensen Huang")
    ]
    [quote] = find_quotes(text, paragraphs(text), [mention(text, "Jensen Huang", "PERSON")])
    assert [text[a:b] for a, b in quote.parts] == ["Demand is strong", "and supply will catch up with it soon."]


def test_surname_resolves_to_the_full_name():
    text = "Sam Altman runs OpenAI.\n“We have a new competitor in the market now,” Altman added."
    [(_, speaker, key, cue)] = quotes_of(text, ("Sam Altman", "sam altman", 0), ("Altman", "sam altman", 1))
    assert (speaker, key, cue) == ("Sam Altman", "sam altman", "added")


def test_title_only_reference_goes_to_the_person_with_that_title():
    text = "Apple CEO Tim Cook spoke on Tuesday.\n“Demand for the phone has been amazing this quarter,” the CEO said."
    [(_, speaker, _, _)] = quotes_of(text, ("Tim Cook", "tim cook", 0))
    assert speaker == "Tim Cook"


def test_continuation_paragraph_keeps_the_previous_speaker():
    text = (
        "David Bahnsen said: “Valuations offer no margin of error.”\n"
        "“The excessive weighting of tech stocks was an under-appreciated risk.”"
    )
    found = quotes_of(text, ("David Bahnsen", "david bahnsen", 0))
    assert [s for _, s, _, _ in found] == ["David Bahnsen", "David Bahnsen"]


def test_a_quote_split_by_an_attribution_ending_its_paragraph_goes_on_in_the_next():
    text = (
        "“Valuations offer no margin of error,” said David Bahnsen.\n"
        "“The excessive weighting of tech stocks was an under-appreciated risk.”\n"
        "“We saw it coming,” he said, adding that the fund sold early.\n"
        "“Nobody listened to us at the time.”"
    )
    found = quotes_of(text, ("David Bahnsen", "david bahnsen", 0))
    assert [(q, s) for q, s, _, _ in found] == [
        ("Valuations offer no margin of error The excessive weighting of tech stocks was an under-appreciated risk.",
         "David Bahnsen"),
        ("We saw it coming", "David Bahnsen"),
        ("Nobody listened to us at the time.", "David Bahnsen"),
    ]


def test_scare_quotes_are_not_speech_but_unattributed_long_quotes_are_kept():
    text = (
        "Investors feared an “emotional contagion” in stocks.\n"
        "\"Current investments in tech giants have become polarized.\""
    )
    found = quotes_of(text)
    assert [(q, s) for q, s, _, _ in found] == [("Current investments in tech giants have become polarized.", None)]


def test_straight_quotes_and_apostrophes_do_not_confuse_pairing():
    text = "Nvidia’s chief said \"it’s a great day for the company's customers\" on Monday."
    assert [q for q, *_ in quotes_of(text)] == ["it’s a great day for the company's customers"]


def test_said_x_then_a_new_sentence_of_the_same_quote_is_one_quote():
    text = '"We are pleased with the result," said Maria Lopez. "It shows the plan is working."'
    found = quotes_of(text, ("Maria Lopez", "maria lopez", 0))
    assert [(q, s) for q, s, _, _ in found] == [
        ("We are pleased with the result It shows the plan is working.", "Maria Lopez")
    ]


def test_a_continuation_with_its_own_attribution_is_a_separate_quote():
    text = "“We are pleased with the result,” said Maria Lopez. “It shows the plan is working,” she added."
    found = quotes_of(text, ("Maria Lopez", "maria lopez", 0))
    assert [(q, s, c) for q, s, _, c in found] == [
        ("We are pleased with the result", "Maria Lopez", "said"),
        ("It shows the plan is working", "Maria Lopez", "added"),
    ]


def test_a_quote_over_several_paragraphs_with_an_opening_mark_on_each_is_one_quote():
    text = (
        "John Smith, the mayor, said:\n"
        "“The bridge will open in May after three years of work.\n"
        "“Everyone who waited so patiently deserves our thanks.”\n"
        "The bridge cost $40 million."
    )
    [quote] = find_quotes(text, paragraphs(text), [mention(text, "John Smith", "PERSON")])
    assert [text[a:b] for a, b in quote.parts] == [
        "The bridge will open in May after three years of work.",
        "Everyone who waited so patiently deserves our thanks.",
    ]
    assert quote.speaker == "John Smith"


def test_quotes_of_fewer_than_four_words_are_not_quotes():
    text = "John Smith called the plan “unthinkable and unacceptable” and said “we will fight it in court.”"
    assert [q for q, *_ in quotes_of(text, ("John Smith", "john smith", 0))] == ["we will fight it in court."]


def test_mr_surname_and_pronouns_resolve_to_the_full_name_from_the_right_paragraph():
    text = (
        "Anna Berg leads the union. Peter Holm runs the company.\n"
        "“The talks have broken down for good,” Ms Berg said.\n"
        "Peter Holm disagreed with the union on Monday.\n"
        "“We remain open to a fair agreement,” he said."
    )
    people = [
        ("Anna Berg", "anna berg", 0), ("Peter Holm", "peter holm", 0),
        ("Berg", "berg", 1), ("Peter Holm", "peter holm", 1),
    ]
    assert [s for _, s, _, _ in quotes_of(text, *people)] == ["Anna Berg", "Peter Holm"]


def test_the_organisation_speaks_when_no_person_is_named():
    text = "General Motors cut 2,000 jobs.\n“The market is changing faster than we expected,” the company said."
    mentions = [mention(text, "General Motors", "ORG", "general motors")]
    [quote] = find_quotes(text, paragraphs(text), mentions)
    assert (quote.speaker, quote.speaker_entity) == ("General Motors", "general motors")


def test_an_unnamed_source_gets_no_name_not_a_guess():
    text = (
        "Interpol met in Lyon with Anna Berg.\n"
        "“We do not comment on individual cases at all,” an Interpol spokesperson said.\n"
        "“Prices will keep rising for at least a year,” analysts said."
    )
    mentions = [
        mention(text, "Interpol", "ORG"), mention(text, "Anna Berg", "PERSON"), mention(text, "Interpol", "ORG", nth=1)
    ]
    mentions.sort(key=lambda m: m.start)
    assert [q.speaker for q in find_quotes(text, paragraphs(text), mentions)] == [None, None]


def test_a_name_before_a_colon_speaks_the_quote_after_it():
    text = "Secretary of the Air Force James Roche: “No, save it for the hearing next week.”"
    assert quotes_of(text, ("James Roche", "james roche", 0))[0][1] == "James Roche"


def test_an_abbreviated_title_in_the_attribution_does_not_end_the_sentence():
    text = (
        '"The strains in food were different from those in people," said Dr. Livermore. "They spread between humans."'
    )
    people = [("David Livermore", "david livermore", 0), ("Livermore", "david livermore", 0)]
    text = "David Livermore led the study.\n" + text
    [(quote, speaker, _, _)] = quotes_of(text, *people)
    assert quote.endswith("They spread between humans.") and speaker == "David Livermore"


def test_a_pronoun_after_a_person_named_in_passing_goes_to_the_earlier_subject():
    text = (
        "Hatice Cengiz called the prince's admission a political maneuver.\n"
        "Speaking to Martin Smith of PBS, she said, “Nobody could push this under the carpet.”"
    )
    found = quotes_of(text, ("Hatice Cengiz", "hatice cengiz", 0), ("Martin Smith", "martin smith", 0))
    assert found[0][1] == "Hatice Cengiz"


def test_a_news_agency_that_reports_a_quote_is_not_its_speaker():
    text = (
        "Nancy Pelosi spoke on Tuesday.\n"
        "Pelosi called the conduct “a breach of his constitutional responsibilities,” according to NBC."
    )
    mentions = sorted([mention(text, "Nancy Pelosi", "PERSON", "nancy pelosi"),
                       mention(text, "Pelosi", "PERSON", "nancy pelosi", nth=1),
                       mention(text, "NBC", "ORG")], key=lambda m: m.start)
    assert [q.speaker for q in find_quotes(text, paragraphs(text), mentions)] == ["Nancy Pelosi"]


def test_an_acronym_speaker_is_spelt_out_as_the_article_first_gives_it():
    text = (
        "The Korean Central News Agency reported the launch.\n"
        "“The test was a complete success for the nation,” said KCNA."
    )
    mentions = [mention(text, "Korean Central News Agency", "ORG"), mention(text, "KCNA", "ORG")]
    assert [q.speaker for q in find_quotes(text, paragraphs(text), mentions)] == ["Korean Central News Agency"]


def test_a_person_the_extractor_labelled_otherwise_is_named_from_the_given_name():
    text = "“The market is starting to show small signs of life,” said Chrysler LLC Jim Press."
    [quote] = find_quotes(text, paragraphs(text), [mention(text, "Chrysler LLC Jim Press", "ORG")])
    assert quote.speaker == "Jim Press"


def test_the_next_speakers_introduction_is_not_this_quotes_attribution():
    text = (
        "The Vice President, Mike Pence, said on Friday the country is “in the midst of a crisis on our border.” "
        "Nancy Pelosi, the Speaker, said on Friday “We are committed to keeping our border safe.”"
    )
    people = [("Mike Pence", "mike pence", 0), ("Nancy Pelosi", "nancy pelosi", 0)]
    assert [s for _, s, _, _ in quotes_of(text, *people)] == ["Mike Pence", "Nancy Pelosi"]


def test_a_title_the_extractor_took_for_a_name_gives_way_to_the_name():
    text = "The Senate Minority Leader, Chuck Schumer, said “We made a plea to the president once again.”"
    people = [("Minority Leader", "minority leader", 0), ("Chuck Schumer", "chuck schumer", 0)]
    assert quotes_of(text, *people)[0][1] == "Chuck Schumer"


def test_a_quote_with_no_verb_of_saying_belongs_to_the_person_its_sentence_is_about():
    text = (
        "Steve Jobs resigned in a letter. In part of it, Jobs left this farewell, “I have made some of the best "
        "friends of my life.”"
    )
    people = [("Steve Jobs", "steve jobs", 0), ("Jobs", "steve jobs", 1)]
    assert quotes_of(text, *people)[0][1] == "Steve Jobs"


def test_an_acronym_the_extractor_missed_is_spelt_out_from_the_text():
    text = (
        "Fighters of the Syrian Democratic Forces (SDF) held the town.\n"
        "“We will defend every street of this town,” the SDF said."
    )
    assert [q.speaker for q in find_quotes(text, paragraphs(text), [])] == ["Syrian Democratic Forces"]


def test_a_title_in_quote_marks_is_not_a_quote():
    text = (
        "Matty Roberts created the event “Storm Area 51, They Can't Stop All of Us” on Facebook and said “We will all "
        "meet up there.”"
    )
    assert [q for q, *_ in quotes_of(text, ("Matty Roberts", "matty roberts", 0))] == ["We will all meet up there."]


def test_a_surname_speaker_gets_the_full_name_the_article_gives_anywhere():
    text = (
        "President Erdoğan spoke in Ankara on Monday.\n"
        "“Turkey will not stop its operation,” Erdoğan said.\n"
        "Recep Tayyip Erdoğan has led the country since 2014."
    )
    assert quotes_of(text, ("Erdoğan", "erdogan", 1))[0][1] == "Recep Tayyip Erdoğan"


def test_a_persons_campaign_or_office_speaks_as_the_body_not_the_person():
    text = (
        "Joe Biden spoke in Ohio.\n“Trump does not want to face questions from the voters,” the Biden campaign said.\n"
        "A statement released by Erdogan's office said “the operation will go on until the end.”"
    )
    people = [("Joe Biden", "joe biden", 0), ("Biden", "joe biden", 1), ("Erdogan", "erdogan", 0)]
    assert [s for _, s, _, _ in quotes_of(text, *people)] == ["Biden campaign", "Erdogan's office"]


def test_a_question_before_its_verb_of_saying_hands_over_like_a_comma():
    text = "“Olfactory receptors in the kidney?” Jen Pluz recalled. “I could not trust the data at all.”"
    found = quotes_of(text, ("Jen Pluz", "jen pluz", 0))
    assert [(q, s) for q, s, _, _ in found] == [
        ("Olfactory receptors in the kidney? I could not trust the data at all.", "Jen Pluz")
    ]


def test_two_pieces_joined_by_an_ellipsis_are_one_quote():
    text = "Tom Lear said: “The new plane has the best reliability in Europe”… “It also has the lowest costs.”"
    found = quotes_of(text, ("Tom Lear", "tom lear", 0))
    assert [(q, s) for q, s, _, _ in found] == [
        ("The new plane has the best reliability in Europe It also has the lowest costs.", "Tom Lear")
    ]


def test_a_refusal_to_say_after_the_second_piece_is_no_attribution_of_its_own():
    text = ("Marco Vill, the chief operating officer, spoke. “We’re going to start with something smaller,” he "
            "said. “Our flexibility will lead us to bigger missions.” He declined to say when the lander is ready.")
    found = quotes_of(text, ("Marco Vill", "marco vill", 0))
    assert [(q, s) for q, s, _, _ in found] == [
        ("We’re going to start with something smaller Our flexibility will lead us to bigger missions.", "Marco Vill")
    ]


def test_a_second_clause_after_the_attribution_makes_the_next_piece_another_quote():
    text = ("“We do not need to buy aircraft from Europe,” Detik quoted Jo Djam as saying, although Xinhua "
            "translated it as: “It is better we do not buy aircraft.”\n"
            "Okey Ram said the system “costs Africa between $5 and $7 billion,” further saying, “Beyond that, it "
            "reduces trade.”\n"
            "“We have one of the largest networks in the world,” he says, boasting that the servers can “deliver "
            "high fidelity content everywhere.”")
    found = quotes_of(text, ("Jo Djam", "jo djam", 0), ("Okey Ram", "okey ram", 0))
    assert [q for q, _, _, _ in found] == [
        "We do not need to buy aircraft from Europe", "It is better we do not buy aircraft.",
        "costs Africa between $5 and $7 billion", "Beyond that, it reduces trade.",
        "We have one of the largest networks in the world", "deliver high fidelity content everywhere.",
    ]
    assert found[4][1] == "Okey Ram"  # "he says, boasting that …": the verb is this quote's


def test_a_split_quote_whose_second_piece_runs_over_paragraphs_is_one_quote():
    text = ("“Hibernation has been proposed as a game-changing tool,” explains team leader Jen Ngo. “If we were "
            "able to reduce the metabolic rate, we could save mass.\n"
            "“And the idea is actually not so crazy.”")
    mentions = [mention(text, "Jen Ngo", "PERSON", "jen ngo")]
    [quote] = find_quotes(text, paragraphs(text), mentions)
    assert [text[a:b] for a, b in quote.parts] == [
        "Hibernation has been proposed as a game-changing tool",
        "If we were able to reduce the metabolic rate, we could save mass.",
        "And the idea is actually not so crazy.",
    ]
    assert quote.speaker == "Jen Ngo"


def test_names_in_quote_marks_are_not_quotes():
    text = ("The committee named the virus that causes it “severe acute respiratory syndrome coronavirus 2”.\n"
            "Writing in a blog, Matt Ing dubbed the long conflict with the church: “Scientology vs. the Internet, "
            "part XVII”.\n"
            "The hashtag “#we want freedom of speech#” reached two million views.\n"
            "Matt Ing, who was named editor last year, said the church was “waging a war it cannot win”.\n"
            "The project is named after his cofounder. “He never got to see its success,” Matt Ing wrote.\n"
            "The firm named in the lawsuit: “The defendant knowingly sold faulty parts to the army.”\n"
            "Each owner is entitled to “a fair hearing before the board,” the law reads.")
    found = quotes_of(text, ("Matt Ing", "matt ing", 0), ("Matt Ing", "matt ing", 1))
    assert [(q, s) for q, s, _, _ in found][:2] == [("waging a war it cannot win", "Matt Ing"),
                                                    ("He never got to see its success", "Matt Ing")]
    assert [q for q, _, _, _ in found][2:] == ["The defendant knowingly sold faulty parts to the army.",
                                               "a fair hearing before the board"]


def test_a_slogan_quoted_whole_three_times_is_not_speech():
    text = ("The state’s new slogan is “Meth. We’re on it.”\n"
            "“Meth. We’re on it” is rolling out with billboards, Kris Noe said.\n"
            "Critics mocked the \"Meth. We're On It.\" campaign.\n"
            "“The whole point of this campaign is to raise awareness,” Kris Noe tweeted.")
    found = quotes_of(text, ("Kris Noe", "kris noe", 0), ("Kris Noe", "kris noe", 1))
    assert [(q, s) for q, s, _, _ in found] == [
        ("The whole point of this campaign is to raise awareness", "Kris Noe")
    ]


def test_a_pull_quote_repeated_twice_stays_a_quote():
    text = ("“Their immune system behaves in an exaggerated fashion,” Owen Demp said.\n"
            "“Their immune system behaves in an exaggerated fashion,” he told Gizmodo by email.")
    found = quotes_of(text, ("Owen Demp", "owen demp", 0))
    assert [q for q, _, _, _ in found] == ["Their immune system behaves in an exaggerated fashion"] * 2


def test_a_quote_closed_by_a_mark_of_the_other_style_ends_there():
    text = ("Democrats allege abuse. \"A great day for Republicans, a great day for our Country! We will win,” "
            "Donald Trum tweeted soon after the hearings ended on Tuesday.\n"
            "“Specifically, the ambassador confirmed that ‘there was no linkage like that,\" she said.")
    found = quotes_of(text, ("Donald Trum", "donald trum", 0))
    assert [(q, s) for q, s, _, _ in found][0] == (
        "A great day for Republicans, a great day for our Country! We will win", "Donald Trum")
    assert found[1][0] == "Specifically, the ambassador confirmed that ‘there was no linkage like that"


def test_a_pull_quote_set_as_a_heading_is_a_quote_but_a_heading_is_not():
    text = ("Owen Demp, a chest doctor, studied the case.\n“Their immune system behaves in an exaggerated fashion”\n"
            "Demp talked with the man over the phone.\nWhat Happened Next In The Clinic\n")
    blocks = paragraphs(text)
    blocks[1] = Block("heading", blocks[1].start, blocks[1].end)
    blocks[3] = Block("heading", blocks[3].start, blocks[3].end)
    found = find_quotes(text, blocks, [mention(text, "Owen Demp", "PERSON", "owen demp")])
    assert [q.text for q in found] == ["Their immune system behaves in an exaggerated fashion"]


def test_a_curly_opening_mark_spaced_from_its_word_opens_only_when_its_closing_mark_follows():
    text = ("Neil Gam still bemoans that the novel “ should’ve been marketed like a great book of its time. ” "
            "Instead, Tor published it with a blank back cover.\n"
            "Ann Lee said she was deeply disappointed with the decision.“ However, the centre will receive the seats "
            "from the flight deck.")
    found = quotes_of(text, ("Neil Gam", "neil gam", 0), ("Ann Lee", "ann lee", 0))
    assert [(q, s) for q, s, _, _ in found] == [
        ("should’ve been marketed like a great book of its time.", "Neil Gam")
    ]


def test_a_quoted_phrase_between_a_determiner_and_the_noun_it_names_is_no_quote():
    text = ('The city has been run under the "one mayor, two councils" model since 1990, and its "Homes For All Who '
            'Work" policy stays. Ann Lee said the model "has served every resident of the city well."')
    assert [q for q, *_ in quotes_of(text, ("Ann Lee", "ann lee", 0))] == [
        "has served every resident of the city well."]
