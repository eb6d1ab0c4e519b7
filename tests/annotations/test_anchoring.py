"""Re-anchoring on edited texts: each state, on real article text, plus a property test over random edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.anchoring import MIN_FUZZY_SCORE, find_quote, make_selector, reanchor, text_hash

SEED = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))[1].read_text(encoding="utf-8")


def quote_span(text: str, words: int = 12, at: float = 0.5) -> tuple[int, int]:
    """A span of ``words`` words starting at a word boundary about ``at`` of the way into the text."""
    start = text.index(" ", int(len(text) * at)) + 1
    end = start
    for _ in range(words):
        end = text.index(" ", end + 1)
    return start, end


@pytest.fixture
def marked():
    start, end = quote_span(SEED)
    return make_selector(SEED, start, end)


def test_same_text_keeps_the_anchor(marked):
    anchor = reanchor(marked, text_hash(SEED), SEED, text_hash(SEED))
    assert (anchor.state, anchor.start, anchor.end) == ("exact", marked.start, marked.end)


def test_edit_after_the_quote_keeps_it_exact(marked):
    edited = SEED + "\nA correction was appended.\n"
    anchor = reanchor(marked, text_hash(SEED), edited)
    assert (anchor.state, anchor.start) == ("exact", marked.start)


def test_text_inserted_before_moves_it(marked):
    edited = "Editor's note: updated with new figures.\n" + SEED
    anchor = reanchor(marked, text_hash(SEED), edited)
    assert anchor.state == "moved"
    assert edited[anchor.start : anchor.end] == marked.exact


def test_quote_changed_slightly_is_fuzzy_with_its_score(marked):
    words = marked.exact.split(" ")
    words[len(words) // 2] = words[len(words) // 2].upper() + "ish"
    changed = " ".join(words)
    edited = SEED[: marked.start] + changed + SEED[marked.end :]
    anchor = reanchor(marked, text_hash(SEED), edited)
    assert anchor.state == "fuzzy"
    assert MIN_FUZZY_SCORE <= anchor.score < 1
    assert (anchor.start, anchor.end) == (marked.start, marked.start + len(changed))


def test_fuzzy_match_survives_text_inserted_before_as_well(marked):
    changed = marked.exact.replace(" ", "  ", 2)
    edited = "New first line.\n" + SEED[: marked.start] + changed + SEED[marked.end :]
    anchor = reanchor(marked, text_hash(SEED), edited)
    assert anchor.state == "fuzzy"
    assert edited[anchor.start : anchor.end] == changed


def test_quote_deleted_is_orphaned(marked):
    sentence_start = SEED.rfind(".", 0, marked.start) + 1
    sentence_end = SEED.find(".", marked.end) + 1
    edited = SEED[:sentence_start] + SEED[sentence_end:]
    anchor = reanchor(marked, text_hash(SEED), edited)
    assert anchor == anchor.__class__("orphaned", None, None, None)


def test_quote_rewritten_by_half_is_orphaned_not_silently_attached(marked):
    half = len(marked.exact) // 2
    rewritten = marked.exact[:half][::-1] + marked.exact[half:].upper()[::-1]
    edited = SEED[: marked.start] + rewritten + SEED[marked.end :]
    assert reanchor(marked, text_hash(SEED), edited).state == "orphaned"


def test_quote_duplicated_picks_the_copy_in_its_context(marked):
    copy = "\nRecap: " + marked.exact + " (as said above).\n"
    edited = copy + "Intro.\n" + SEED + copy
    anchor = reanchor(marked, text_hash(SEED), edited)
    assert anchor.state == "moved"
    assert edited[anchor.start - len(marked.prefix) : anchor.start] == marked.prefix


def test_same_hash_restores_the_original_span_even_after_a_detour(marked):
    elsewhere = "x" * 50 + SEED
    moved = reanchor(marked, text_hash(SEED), elsewhere)
    back = reanchor(marked, text_hash(SEED), SEED, near=moved.start)
    assert (back.state, back.start, back.end) == ("exact", marked.start, marked.end)


def test_find_quote_exact_ambiguous_fuzzy_and_missing():
    text = "The index rose 5% on Monday. On Tuesday the index rose 5% again, “a record” said one trader."
    second = text.rindex("rose 5%")
    assert [(c.start, c.end) for c in find_quote(text, "rose 5%")] == [(10, 17), (second, second + 7)]
    [plain] = find_quote(text, 'again, "a record" said')
    assert (text[plain.start : plain.end], plain.score) == ("again, “a record” said", 1.0)
    [fuzzy] = find_quote(text, 'agian, "a recrod" said')
    assert text[fuzzy.start : fuzzy.end] == "again, “a record” said"
    assert MIN_FUZZY_SCORE <= fuzzy.score < 1
    assert find_quote(text, "the central bank cut interest rates") == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.data(),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 80), st.text(alphabet="abcde fghij.,“”\n", max_size=40)),
        min_size=1,
        max_size=4,
    ),
)
def test_random_edits_never_lose_an_annotation(data, edits):
    text = SEED[:3000]
    start = data.draw(st.integers(0, len(text) - 2))
    # Short quotes are aligned whole; long ones (over 128 characters) by probes: draw both.
    longest = data.draw(st.sampled_from([120, 800]))
    end = data.draw(st.integers(start + 1, min(len(text), start + longest)))
    selector = make_selector(text, start, end)
    edited = text
    for where, cut, insert in edits:
        at = int(where * len(edited))
        edited = edited[:at] + insert + edited[at + cut :]
    anchor = reanchor(selector, text_hash(text), edited)
    if anchor.state == "orphaned":
        assert anchor.start is None and anchor.end is None
    else:
        assert 0 <= anchor.start < anchor.end <= len(edited)
        if anchor.state in ("exact", "moved"):
            assert edited[anchor.start : anchor.end] == selector.exact
        else:
            assert anchor.score >= MIN_FUZZY_SCORE


def test_a_long_quote_edited_inside_and_moved_is_found_with_its_ends():
    start, end = quote_span(SEED, words=90, at=0.3)
    selector = make_selector(SEED, start, end)
    middle = (start + end) // 2
    edited = "A new opening paragraph.\n" + SEED[:middle] + "and, notably," + SEED[middle:]
    anchor = reanchor(selector, text_hash(SEED), edited)
    assert anchor.state == "fuzzy"
    shift = len("A new opening paragraph.\n")
    assert (anchor.start, anchor.end) == (start + shift, end + shift + len("and, notably,"))


def test_a_third_of_the_quote_rewritten_in_an_intact_context_is_orphaned():
    """The context alone would lift the score over MIN_FUZZY_SCORE; the quote floor refuses it."""
    start, end = quote_span(SEED, words=16, at=0.6)
    selector = make_selector(SEED, start, end)
    length = end - start
    cut_from, cut_to = start + length // 3, start + length // 3 + length // 3 + 2
    edited = SEED[:cut_from] + "z" * (cut_to - cut_from) + SEED[cut_to:]
    assert reanchor(selector, text_hash(SEED), edited).state == "orphaned"
    slightly = SEED[:cut_from] + "z" * (length // 10) + SEED[cut_from + length // 10 :]
    assert reanchor(selector, text_hash(SEED), slightly).state == "fuzzy"
