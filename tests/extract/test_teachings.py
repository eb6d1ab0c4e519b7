"""Teachings applied to extracted mentions: added entities win, suppressions remove, relevance per article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract import extract
from store.extract.teachings import Teachings, apply_teachings
from store.model import Mention

TEXT = "Open Lab said Open Lab Systems and Acme grew 5% on Monday. Acme thanked Open Lab."


def entity(text: str, needle: str, label: str = "ORG", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), needle, "entity", label, needle.casefold())


def spans(mentions):
    return [(m.text, m.label) for m in mentions]


def test_added_entity_covers_every_whole_word_occurrence_and_wins_over_overlaps():
    automatic = [entity(TEXT, "Open Lab Systems"), entity(TEXT, "Acme", "PERSON")]
    taught = apply_teachings(TEXT, automatic, Teachings(added=[("Open Lab", "ORG")]))
    assert spans(taught) == [("Open Lab", "ORG"), ("Open Lab", "ORG"), ("Acme", "PERSON"), ("Open Lab", "ORG")]
    assert [m.start for m in taught] == sorted(m.start for m in taught)


def test_added_entity_is_case_sensitive_and_whole_word():
    text = "acme and Acmeville and Acme."
    taught = apply_teachings(text, [], Teachings(added=[("Acme", "ORG")]))
    assert [(m.start, m.text) for m in taught] == [(text.rindex("Acme"), "Acme")]


def test_longer_teaching_wins_when_two_teachings_overlap():
    text = "Open Lab Systems rose"
    taught = apply_teachings(text, [], Teachings(added=[("Open Lab", "ORG"), ("Open Lab Systems", "ORG")]))
    assert spans(taught) == [("Open Lab Systems", "ORG")]


def test_suppressed_text_drops_every_mention_with_that_text():
    automatic = [entity(TEXT, "Acme"), entity(TEXT, "Acme", nth=1), entity(TEXT, "Open Lab Systems")]
    kept = apply_teachings(TEXT, automatic, Teachings(suppressed_texts={"Acme"}))
    assert spans(kept) == [("Open Lab Systems", "ORG")]


def test_suppressed_occurrence_drops_only_that_mention_in_that_article():
    automatic = [entity(TEXT, "Acme"), entity(TEXT, "Acme", nth=1)]
    second = automatic[1].start
    teachings = Teachings(suppressed_spans={7: {(second, "Acme")}})
    assert [m.start for m in apply_teachings(TEXT, automatic, teachings, article_id=7)] == [automatic[0].start]
    assert len(apply_teachings(TEXT, automatic, teachings, article_id=8)) == 2


def test_relevant_keeps_only_teachings_whose_text_occurs():
    teachings = Teachings(
        added=[("Acme", "ORG"), ("Globex", "ORG")],
        suppressed_texts={"Monday", "Tuesday"},
        suppressed_spans={1: {(0, "Open")}, 2: {(3, "Lab")}},
    )
    relevant = teachings.relevant(TEXT, 1)
    assert relevant.added == [("Acme", "ORG")]
    assert relevant.suppressed_texts == {"Monday"}
    assert relevant.suppressed_spans == {1: {(0, "Open")}}
    assert teachings.relevant("nothing here", 3).fingerprint() == ""


def test_fingerprint_changes_with_the_teachings_not_their_order():
    a = Teachings(added=[("Acme", "ORG"), ("Globex", "ORG")])
    b = Teachings(added=[("Globex", "ORG"), ("Acme", "ORG")])
    assert a.fingerprint() == b.fingerprint()
    assert a.fingerprint() != Teachings(added=[("Acme", "PERSON"), ("Globex", "ORG")]).fingerprint()


def test_extract_applies_teachings_to_entities_and_keeps_figures():
    text = "Zorblax Dynamics said revenue rose 5% on Monday."
    taught = extract(text, Teachings(added=[("Zorblax Dynamics", "ORG")], suppressed_texts={"Monday"}))
    assert ("Zorblax Dynamics", "ORG") in spans(taught)
    assert ("5%", "PERCENT") in spans(taught)
    assert all(m.text != "Monday" for m in taught)
    assert [m.start for m in taught] == sorted(m.start for m in taught)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=10),
                  st.sampled_from(["Acme", "Acme Corp", " ", "\n", "$5 billion", "3%", "Nvidia", "."])),
        max_size=20,
    ).map("".join)
)
def test_extract_with_teachings_keeps_spans_inside_and_apart_per_kind(text):
    teachings = Teachings(added=[("Acme", "ORG"), ("Acme Corp", "ORG")], suppressed_texts={"Nvidia"})
    found = extract(text, teachings)
    for kind in ("entity", "figure"):
        previous_end = 0
        for mention in (m for m in found if m.kind == kind):
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text
            assert mention.start >= previous_end
            previous_end = mention.end
