"""Person names found in an article's own words where the extractor gave no person: a given name and surname it
took for something else ("The Senate Minority Leader, Chuck Schumer, said"), and the given names before a surname
said alone ("Sanders said" → "Bernie Sanders")."""

from __future__ import annotations

import re
from collections.abc import Callable

from store.extract.gazetteer import gazetteer
from store.extract.quote_cues import TITLES
from store.extract.speaker_names import PARTICLES

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)+")  # "Patty A. Murray" with its initial
ARABIC_PARTICLE = r"(?:al|el|ad|as|ash|at|ar|az|an|bin|ibn|abu)-"  # "al-Jubeir", "bin-Salman"


def missed_person(text: str, start: int, end: int, in_quote: Callable[[int], bool]) -> str | None:
    """A given name and surname in ``text[start:end]`` the extractor did not take for a person ("The Senate
    Minority Leader, Chuck Schumer, said"), outside quotes."""
    first_names, common_words = gazetteer().first_names, gazetteer().common_words
    for run in _CAPITALISED_RUN.finditer(text, start, end):  # "… Research Fellow Martin How"
        if in_quote(run.start()):
            continue
        words = run.group().split()
        for i, given in enumerate(words[:-1]):
            # "Mary A. Murray": the middle initial is skipped
            j = i + 2 if re.fullmatch(r"[A-Z]\.", words[i + 1]) and i + 2 < len(words) else i + 1
            last = words[j].rstrip(".")
            closes = j + 1 == len(words) and run.end() >= end  # a surname that is a word only at the end
            if given in first_names and (last.casefold() not in common_words or closes):
                return " ".join(words[i : j + 2]).rstrip(".")
    return None


def named_in_text(text: str, name: str, start: int, end: int) -> tuple[str, None] | None:
    """A surname given alone ("Sanders said", "Erdoğan said") with the given names the article puts before it
    somewhere ("Bernie Sanders", "Recep Tayyip Erdoğan"): capitalised words that are no titles nor common
    words, or a known given name; a surname that is also a word ("May", "Price") only after a listed given
    name ("Theresa May")."""
    words = name.split()
    particled = len(words) > 1 and all(w.casefold() in PARTICLES for w in words[:-1])  # "Le Pen", "de la Cruz"
    first_names, common_words = gazetteer().first_names, gazetteer().common_words
    word = name.casefold() in common_words
    if not (len(words) == 1 or particled) or len(name) < 3 or word and name not in gazetteer().surnames:
        return None
    # a particle is written small or capitalised as the name stands ("James van der Beek", "Van der Beek said")
    written = r"\s+".join(f"(?i:{re.escape(w)})" if w.casefold() in PARTICLES else re.escape(w) for w in words)
    pattern = (  # "Jubeir said" after "Adel al-Jubeir"
        rf"\b((?:[A-Z][\w'’-]+\s+){{1,2}})(?:[A-Z]\.\s+)?(?:{ARABIC_PARTICLE})?{written}\b"
        r"(?:,?\s+(?:Jr|Sr)\b\.?|\s+I[IV]I?\b)?"
    )
    # before a particle surname, a given name in the Census's wider list is one too ("Marine Le Pen")
    given_names = gazetteer().given_names if particled else frozenset()
    for match in re.finditer(pattern, text[start:end]):
        given = match.group(1).split()
        while given and (given[0].strip(".").casefold() in TITLES or (given[0].casefold() in common_words
                                                                       and given[0] not in first_names
                                                                       and given[0] not in given_names)):
            given.pop(0)
        if given and all(w in first_names or w in given_names or w.casefold() not in common_words and not word
                         for w in given):
            return " ".join([*given, *match.group()[len(match.group(1)) :].split()]), None
    return None
