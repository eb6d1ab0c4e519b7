"""Job titles written before a person's name ("Chief Economist David Folkerts", "Vice-Prime Minister …"): where
such a title starts and ends in a capitalised run, so that the name is typed and cut without it."""

from __future__ import annotations

from store.extract.entity_rules import PERSON_TITLES, is_role_word, type_by_shape

# Words a job title opens with ("Chief ...", "Senior ...", "Managing ..."), the roles themselves included.
TITLE_OPENERS = PERSON_TITLES | frozenset(
    ["senior", "junior", "managing", "global", "lead", "principal", "associate", "assistant", "group", "regional",
     "interim", "acting", "former"]
)
_TITLE_PREFIXES = frozenset(["vice", "ex", "co", "deputy", "acting", "former"])


def title_before_name(text: str, start: int, end: int) -> bool:
    """A single word that is also a job title, written before a name ("Chief Economist David Folkerts"): the
    title, not the publisher or company of that name ("The Economist")."""
    return (
        " " not in text[start:end]
        and text[start:end].lower() in PERSON_TITLES
        and text[end:end + 1] == " "
        and text[end + 1:end + 2].isupper()
        and text[max(0, start - 4):start].lower() != "the "
    )


def title_length(
    words: list[str], first_names: frozenset[str], common_words: frozenset[str], after_role_of: bool = False
) -> int:
    """How many leading words of a capitalised run are a job title written before a name ("Equity Strategist
    Michael Field", "Investment Officer Jane Doe"). After "head of" (``after_role_of``) the role word came first
    and the title ends at the name ("Equity Research Tom Brown"). 0 when the run holds no such title ("General
    Motors", "Martin Luther King Jr")."""
    if after_role_of:
        for index in range(1, len(words)):
            if words[index - 1].lower() not in common_words:
                break
            if _is_person_name(words[index:], first_names, common_words):
                return index
    span = title_span(words, first_names, common_words)
    return span[1] if span and span[0] == 0 else 0


def title_span(words: list[str], first_names: frozenset[str], common_words: frozenset[str]) -> tuple[int, int] | None:
    """Where a job title sits in a run, as (first, after last) word index, when a personal name follows it:
    English words ending in a role word ("Chief Economist", "Equity Strategist"). A name before the title
    ("Vellmoor Bank Chief Economist Dara Folkestad") ends where the title's opening word ("Chief") starts."""
    for index in range(len(words) - 2, -1, -1):
        if not is_role_word(words[index].lower()):
            continue
        if not _is_person_name(words[index + 1:], first_names, common_words):
            return None
        first = index
        while first > 0 and (words[first - 1].lower() in common_words or words[first - 1].lower() in TITLE_OPENERS
                             or _title_compound(words[first - 1], common_words)):
            first -= 1
        if first > 0:
            first = next(i for i in range(first, index + 1) if _opens_title(words[i]))
        return first, index + 1
    return None


def _title_compound(word: str, common_words: frozenset[str]) -> bool:
    """A hyphenated title word ("Vice-Prime", "Ex-Chief", "Co-Chair"): every part a title word or English."""
    parts = word.lower().split("-")
    return len(parts) > 1 and all(part in TITLE_OPENERS or part in common_words or part in _TITLE_PREFIXES
                                  for part in parts)


def _opens_title(word: str) -> bool:
    folded = word.lower()
    return folded in TITLE_OPENERS or folded.split("-", 1)[0] in _TITLE_PREFIXES | TITLE_OPENERS and "-" in folded


def is_bare_title(words: list[str], common_words: frozenset[str]) -> bool:
    """A run that is only a job title ("Equity Strategist" after "Chief"): English words ending in a role."""
    return words[-1].lower() in PERSON_TITLES and all(word.lower() in common_words for word in words)


def _is_person_name(words: list[str], first_names: frozenset[str], common_words: frozenset[str]) -> bool:
    label, confidence = type_by_shape(words, first_names, common_words)
    return len(words) <= 4 and label == "PERSON" and confidence >= 1
