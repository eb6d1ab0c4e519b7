"""bench.quotes compares speakers by name, not by the title written before it: the golds' convention is the full
name as first given, without titles."""

from __future__ import annotations

import pytest

from bench.quotes import name_key


@pytest.mark.parametrize(("gold", "predicted"), [
    ("Prince Andrew", "Andrew"),
    ("Queen Elizabeth", "Elizabeth"),
    ("Sir Keir Starmer", "Keir Starmer"),
    ("President Joe Biden", "Joe Biden"),
    ("Ms. Ana Núñez", "Ana Nunez"),
    ("John R. Bolton", "John Bolton"),
    ("the Kremlin", "Kremlin"),
])
def test_a_title_initial_or_accent_does_not_make_another_speaker(gold, predicted):
    assert name_key(gold) == name_key(predicted)


@pytest.mark.parametrize(("gold", "predicted"), [
    ("Prince Andrew", "Andrew Ford"),
    ("Teresa Nielsen Hayden", "Teresa Nielsen"),
    ("Joe Biden", "Hunter Biden"),
])
def test_another_person_is_another_speaker(gold, predicted):
    assert name_key(gold) != name_key(predicted)
