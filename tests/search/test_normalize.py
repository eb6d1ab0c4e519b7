"""One normalisation for query and text: quotes, dashes, case, width, accents, spaces; offsets map back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.search import normalize
from store.search.normalize import has_quote_mark, normalize_with_offsets, original_range


def test_curly_quotes_dashes_case_and_spaces_become_plain():
    assert normalize("  \u201cSell First,\u201d  she said \u2014 \u2018think\u2019\tlater ") == (
        "\"sell first,\" she said - 'think' later"
    )


def test_compatibility_forms_casefolding_and_accents_fold():
    assert normalize("\ufb01nance Stra\u00dfe CAF\u00c9 \uff21\uff29") == "finance strasse cafe ai"


def test_blank_text_normalises_to_empty():
    assert normalize(" \n\t ") == ""


def test_offsets_point_back_at_the_original_characters():
    text = "The \u201cCaf\u00e9\u201d  \u2014 opened"
    norm, origin = normalize_with_offsets(text)
    assert norm == normalize(text)
    start = norm.index("cafe")
    a, b = original_range(origin, start, start + 4)
    assert text[a:b] == "Caf\u00e9"


def test_a_quote_is_a_double_or_opening_single_quotation_mark_not_an_apostrophe():
    assert has_quote_mark("He said \u201cno\u201d.")
    assert has_quote_mark('He said "no".')
    assert not has_quote_mark("Apple\u2019s shares fell.")


text_alphabet = st.sampled_from(list("abcXYZ \t\n.,-'\"") + ["\u201c", "\u201d", "\u2019", "\u2014", "\u00e9", "\u00df",
                                                             "\ufb01"])


@given(st.text(alphabet=text_alphabet, max_size=60))
def test_character_wise_normalisation_agrees_with_the_whole_string(text):
    norm, origin = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(origin) == len(norm) + 1
    assert all(0 <= o <= len(text) for o in origin)
