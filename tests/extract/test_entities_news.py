"""Entity rules for real news: nationality and group words, scores, list numbers, sentence starters, teams.

Each test is a short text written here; the benchmarks on real text are ``bench/news_ner.py`` and
``bench/wikigold.py``.
"""

from __future__ import annotations

from store.extract.entities import find_entities


def labels(text: str) -> dict[str, str]:
    """Entity text -> label (last mention wins)."""
    return {m.text: m.label for m in find_entities(text)}


def test_nationality_adjectives_and_demonyms_are_norp_not_names():
    found = labels("Chinese officials met Canadian and Israeli diplomats; Australians and the Swiss watched.")
    assert found["Chinese"] == found["Canadian"] == found["Israeli"] == "NORP"
    assert found["Australians"] == "NORP"
    assert "Swiss" not in found or found["Swiss"] == "NORP"


def test_religious_political_and_regional_groups_are_norp():
    found = labels("The Muslim-majority region backed Republicans, while European and Kurdish groups objected.")
    assert found["Muslim"] == "NORP"
    assert found["Republicans"] == "NORP"
    assert found["European"] == found["Kurdish"] == "NORP"


def test_group_word_inside_a_longer_name_stays_in_that_name():
    found = labels("He said he flew British Airways to visit the Chinese Academy of Sciences in the spring.")
    assert found["British Airways"] == "ORG"
    assert found["Chinese Academy of Sciences"] == "ORG"
    assert "British" not in found and "Chinese" not in found


def test_given_name_that_is_also_a_group_word_starts_a_person():
    found = labels("The film starred Christian Bale, who said little.")
    assert found["Christian Bale"] == "PERSON"
    assert "Christian" not in found


def test_countries_from_the_public_list_are_places():
    found = labels("Aid reached Burkina Faso and Turkmenistan on Monday.")
    assert found["Burkina Faso"] == found["Turkmenistan"] == "PLACE"


def test_of_name_is_typed_by_the_head_before_of():
    found = labels("Students of the University of Minnesota said the Gulf of Mexico was warm this year.")
    assert found["University of Minnesota"] == "ORG"
    assert found["Gulf of Mexico"] == "PLACE"


def test_a_body_named_for_what_it_deals_with_keeps_its_on_but_not_a_date_after_on():
    found = labels("The Project on Government Oversight wrote a letter to the staff of the Council on Foreign "
                   "Relations about the spending plans. On its way out, the Commission on Tuesday met members of the "
                   "Committee on Armed Services for an hour or so.")
    assert found["Project on Government Oversight"] == found["Council on Foreign Relations"] == "ORG"
    assert found["Committee on Armed Services"] == "ORG"
    assert "Commission on Tuesday" not in found


def test_an_acronym_in_parentheses_after_a_name_takes_its_type_wherever_it_is_used():
    found = labels("On Thursday the European Court of Justice (ECJ) ruled on the case of a blogger in Vienna. "
                   "Lawyers for the blogger said later that the ECJ said more than they had hoped for.")
    assert found["European Court of Justice"] == found["ECJ"] == "ORG"


def test_scores_never_join_a_name():
    found = labels("In the second round, Venus Williams beat Elena Likhovtseva 6-3 6-2 on a windy Tuesday.")
    assert found["Elena Likhovtseva"] == "PERSON"
    assert not any(any(ch.isdigit() for ch in name) for name in found)


def test_year_ranges_never_join_a_name_but_model_numbers_do():
    found = labels("The page showed the text Steve Jobs 1955-2011 while the firm tested its Falcon 9 rocket.")
    assert "Steve Jobs" in found
    assert "Falcon 9" in found


def test_list_numbers_stay_outside_names():
    found = labels("The winners were, in order, 1) Tom Brown 2) Ana Kowalczyk 3) Li Wei, all of them runners.")
    assert {"Tom Brown", "Ana Kowalczyk", "Li Wei"} <= set(found)
    assert not any(name[0].isdigit() or name[-1].isdigit() for name in found)


def test_sentence_initial_words_are_no_names():
    found = labels("No. The minister said the plan would fail. We're sure that E. Smith knew it well.")
    assert "No." not in found and "No. The" not in found
    assert "We're" not in found and "E." not in found
    assert found["E. Smith"] == "PERSON"


def test_hyphenated_title_stays_outside_the_name():
    found = labels("Vice-Prime Minister Dmitry Medvedev said on Monday that the budget was fine.")
    assert found == {"Dmitry Medvedev": "PERSON"}


def test_clubs_beside_a_score_are_teams_not_places():
    found = labels("Fans watched on Saturday as Liverpool beat Chelsea 2-1 and Leeds United drew with Everton.")
    assert found["Liverpool"] == found["Chelsea"] == "ORG"
    assert found["Leeds United"] == "ORG"


def test_national_teams_by_country_stay_places():
    found = labels("In the final on Sunday, Kenya beat Ethiopia 3-1 before a large crowd.")
    assert found["Kenya"] == found["Ethiopia"] == "PLACE"


def test_cross_country_team_is_not_a_person():
    found = labels("Coach Tom Brown said the Bekele Cross-Country team would race in the spring, and Team Kenya too.")
    assert found["Bekele Cross-Country"] == "ORG"
    assert found["Team Kenya"] == "ORG"
    assert found["Tom Brown"] == "PERSON"


def test_a_city_name_nothing_else_types_is_a_place():
    found = labels("The storm moved on from there and reached Caloundra late on Tuesday night.")
    assert found["Caloundra"] == "PLACE"


def test_a_known_surname_after_an_unknown_word_is_a_person():
    found = labels("I'm the bone tool expert, and Frido Walker is the expert on the other method.")
    assert found["Frido Walker"] == "PERSON"


def test_public_lists_are_read_from_their_files():
    from store.extract.entities_public import census_names, geonames

    places, people = geonames(), census_names()
    assert "Caloundra" in places["city"] and "Kenya" in places["country"] and "Ohio" in places["state"]
    assert "Khan" in people["surname"] and "Haitham" not in people["surname"]


def test_events_laws_and_storms_are_events():
    found = labels("After World War II and the Paris Agreement, Hurricane Dorian hit before the World Cup began.")
    assert found["World War II"] == found["Paris Agreement"] == found["Hurricane Dorian"] == "EVENT"
    assert found["World Cup"] == "EVENT"


def test_product_and_web_name_shapes():
    found = labels("He said the iPod sold well, that Znak.com reported it, and that CentOS 8 ships soon.")
    assert found["iPod"] == "PRODUCT"
    assert found["Znak.com"] == "ORG"
    assert found["CentOS 8"] == "PRODUCT"


def test_camel_case_coined_word_is_an_organisation():
    found = labels("Ship positions shown by MarineTraffic were checked by the reporters later that week.")
    assert found["MarineTraffic"] == "ORG"


def test_hyphenated_groups_are_norp():
    found = labels("The Turkish-Libyan deal upset Asian-American voters, a reporter said on Monday.")
    assert found["Turkish-Libyan"] == found["Asian-American"] == "NORP"


def test_capitalised_english_phrases_without_a_cue_are_no_names():
    found = labels("He wrote that we should Build Back Better, and the others said Rest In Peace to him.")
    assert "Build Back Better" not in found and "Rest In Peace" not in found


def test_names_with_particles_are_people():
    found = labels("Officials said that Hamza bin Laden had been seen with Rocky de la Fuente in the past.")
    assert found["Hamza bin Laden"] == "PERSON"


def test_two_people_joined_by_an_ampersand_stay_two():
    found = labels("The show was hosted by Karl Langdon & Harvey Deegan on weekday mornings for years.")
    assert found["Karl Langdon"] == found["Harvey Deegan"] == "PERSON"


def test_a_sentence_after_an_initial_starts_fresh():
    found = labels("The rapper is known as LL Cool J. The show ran for years on the radio.")
    assert not any(name.endswith("The") for name in found)


def test_call_signs_and_military_units():
    found = labels("The radio station 6PR reported that the Spanish Air Force and Brigadier Ann Lowe agreed.")
    assert found["6PR"] == "ORG"
    assert found["Spanish Air Force"] == "ORG"
    assert found["Ann Lowe"] == "PERSON"


def test_a_place_described_as_a_village_is_a_place():
    found = labels("The old church of Heydour, a hamlet near the town, was rebuilt after the fire.")
    assert found["Heydour"] == "PLACE"


def test_a_single_word_with_a_place_ending_is_a_place_when_nothing_else_types_it():
    found = labels("The boat came ashore near Bedhampton after a long night at sea, the crew reported.")
    assert found["Bedhampton"] == "PLACE"


def test_a_team_named_by_its_city_is_an_organisation():
    found = labels("Fans said the St. Louis Eagles lost again, while Perth Glory won at home on Sunday.")
    assert found["St. Louis Eagles"] == found["Perth Glory"] == "ORG"


def test_a_known_given_name_or_surname_alone_is_a_person():
    found = labels("The two of them spoke later that night, and Melania agreed with the plan.")
    assert found["Melania"] == "PERSON"


def test_a_town_alone_is_a_place_unless_the_text_says_person():
    assert labels("The old mill stands in the middle of Harrison near the river bank.")["Harrison"] == "PLACE"
    assert labels("Asked about the plan on Monday, Harrison said no.")["Harrison"] == "PERSON"


def test_place_words_before_or_after_a_name():
    found = labels("Warnings were issued for County Galway and Hancock Pond, and climbers died on Mount Bukak.")
    assert found["County Galway"] == found["Hancock Pond"] == found["Mount Bukak"] == "PLACE"


def test_more_titles_stay_outside_the_name():
    found = labels("The death of Democratic Congressman John Lewis was mourned across the whole country.")
    assert found["John Lewis"] == "PERSON"


def test_ordinal_opening_a_sentence_stays_in_the_name():
    found = labels("Fourth Air Force moved its headquarters to the coast in the spring of that year.")
    assert found["Fourth Air Force"] == "ORG"


def test_a_final_initial_gives_its_period_back_to_the_sentence():
    found = labels("The show was hosted by the rapper LL Cool J. The fans were delighted by it all.")
    assert "LL Cool J" in found


def test_a_rank_before_a_title_stays_outside_the_name():
    found = labels("The wing was led by Brigadier General Ross Hoyt until the summer, the records show.")
    assert found == {"Ross Hoyt": "PERSON"}


def test_a_season_is_no_town():
    assert "Spring" not in labels("As of Spring the band was touring in the north of the country.")


def test_a_body_named_by_its_head_word_after_the_is_an_organisation():
    found = labels("He had left the Church years before, and the League said so in a statement on Monday.")
    assert found["Church"] == found["League"] == "ORG"
    assert "Group" not in labels("Profits at the Group rose, the company said in its report on Monday.")


def test_bases_and_stations_are_places_and_spacecraft_products():
    found = labels("The crew flew from Wright-Patterson Air Force Base to see Space Shuttle Atlantis and Shandao "
                   "Station.")
    assert found["Wright-Patterson Air Force Base"] == found["Shandao Station"] == "PLACE"
    assert found["Space Shuttle Atlantis"] == "PRODUCT"


def test_language_names_are_group_words():
    found = labels("The statement was read in Arabic and in Farsi by the two speakers on Monday.")
    assert found["Arabic"] == found["Farsi"] == "NORP"


def test_a_country_before_a_plural_noun_is_no_team():
    found = labels("Biden's Final Fling: Curbs on US-Made AI Chips, Russia Sanctions\nThe text follows here.")
    assert "Russia Sanctions" not in found


def test_english_words_ending_in_a_company_head_are_a_firm():
    found = labels("Jim Carroll of Ballast Rock Private Wealth said the rotation would go on for a while.")
    assert found["Ballast Rock Private Wealth"] == "ORG"


def test_function_words_after_an_interview_tag_are_no_names():
    found = labels("((WN)) You noted the rise.\n\nMS We did not plan it.\n\n((WN)) If Iran did not act, what then?")
    assert "You" not in found and "We" not in found and "If Iran" not in found
    assert found["Iran"] == "PLACE"


def test_rank_numbers_stay_outside_names():
    found = labels("Best Buy bought the No. 2 U.S. music retailer in 2007, the company said on Monday.")
    assert not any(name.startswith("No.") or name[0].isdigit() for name in found)
    assert found["U.S."] == "PLACE"


def test_a_group_word_and_its_plural_are_one_entity():
    keys = {m.text: m.entity for m in find_entities("Israelis and an Israeli envoy met Britons and British aides.")}
    assert keys["Israelis"] == keys["Israeli"]
    assert keys["Britons"] == keys["British"]
    assert keys["Israeli"] != keys["British"]


def test_a_given_name_that_is_a_place_before_a_surname_is_a_person():
    found = labels("Reporters said that Paris Hilton had met with German Chancellor Olaf Scholz when she was in Paris.")
    assert found["Paris Hilton"] == "PERSON" and found["Paris"] == "PLACE"
    assert found["German"] == "NORP" and found["Olaf Scholz"] == "PERSON"


def test_a_major_is_a_title_only_before_a_name():
    found = labels("The unit of Major Saturnino Castro played in Major League Baseball games that year.")
    assert found["Saturnino Castro"] == "PERSON"
    assert "Major League Baseball" in found


def test_a_portfolio_after_a_title_and_of_is_no_person():
    found = labels("Tony Clement, Canada's Minister of Industry, is hoping that the union will back the plan, and "
                   "John Kerry, the Secretary of State, agreed with him.")
    assert "Industry" not in found and "State" not in found
    assert found["Tony Clement"] == found["John Kerry"] == "PERSON"
    found = labels("He said he met the Minister of Finance Jane Doe when she came to visit the town last year.")
    assert found["Jane Doe"] == "PERSON"


def test_religions_are_group_words_not_people():
    found = labels("The scholar wrote about Islam and Christianity in the region for many years.")
    assert found["Islam"] == found["Christianity"] == "NORP"


def test_a_state_before_a_given_name_and_surname_is_a_place_of_its_own():
    found = labels("The senior senator, Vermont Bernie Sanders, spoke after the Reading Railroad merger.")
    assert found["Vermont"] == "PLACE"
    assert found["Bernie Sanders"] == "PERSON"
    assert "Vermont Bernie Sanders" not in found


def test_a_role_word_shaped_like_one_is_no_part_of_the_name_after_it():
    found = labels("Immunologist Kara Lindqvist and geochemist Seth John met the physician Ana Ruiz on Monday.")
    assert found["Kara Lindqvist"] == found["Seth John"] == "PERSON"
    assert "Immunologist Kara Lindqvist" not in found


def test_a_shouted_page_label_is_no_acronym_but_a_real_acronym_after_it_stays():
    found = labels("The council met on Tuesday.\nREAD MORE: Flood damage closes the library\n"
                   "BREAKING NEWS: NATO leaders meet in Brussels.\nThe WHO said the risk was low.")
    assert "MORE" not in found and "NEWS" not in found
    assert found["NATO"] == "ORG" and found["Brussels"] == "PLACE" and found["WHO"] == "ORG"
