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
