"""Named entities in news text: people, organisations, places, groups (NORP), events, indexes, tickers, products.

Offline and rule-based: gazetteer hits (Aho-Corasick over curated and public lists) first, then runs of
capitalised words that are not sentence starters, function words or common words, typed by their own shape
and the cue words around them, with public lists (cities, Census names) as a last hint. Scores, year ranges and
list numbers never join a run. A final pass makes each article consistent: one type per name, a surname after
a full name is the same person, names seen only in a Title-Case headline count only if the body confirms them;
then clubs beside a match score become teams and tickers take their characters (``entities_passes``).
Finding the tokens, sentence starts and headlines is :mod:`store.extract.entity_tokens`; whether two tokens join
one name, :mod:`store.extract.name_joins`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from store.extract.canonical import canonical_key
from store.extract.entities_passes import abbreviations, add_tickers, sports_teams, to_mentions
from store.extract.entities_public import geonames
from store.extract.entity_article import SUPERSEDED, Candidate, resolve_article, strip_possessive
from store.extract.entity_rules import (
    BODIES,
    DIGIT_ACRONYM,
    ORG_SUFFIXES,
    PERSON_TITLES,
    company_head,
    headed_company,
    introduces_person,
    is_place_shaped,
    is_role_word,
    says_next,
    team_shaped,
    type_by_context,
    type_by_shape,
    unknown_lone_name,
)
from store.extract.entity_titles import is_bare_title, title_before_name, title_length, title_span
from store.extract.entity_tokens import INITIALS, Headlines, cap_tokens, is_capitalised, sentence_starts
from store.extract.gazetteer import Gazetteer, case_fits, fold, gazetteer, group_compound, is_place
from store.extract.name_joins import HIT, LEADING_ARTICLES, joins
from store.extract.tickers import parenthesised_after
from store.model import Mention

ENTITY_VERSION = 8

_WORD = re.compile(r"[\w'’.\-]+")
_PREPOSITIONS = frozenset(["in", "at", "on", "from", "to", "for", "by", "with", "into", "near", "across", "via", "over",
                           "after", "before"])
# contractions ("We're", "They've", "Don't") open sentences, not names
_CONTRACTION = re.compile(r"\w+(?:['’](?:re|ve|ll|d|m)|n['’]t)", re.IGNORECASE)
# Pronouns, determiners, conjunctions and prepositions: capitalised, they open a sentence (or an answer after an
# interview's speaker tag), never a name
_FUNCTION_WORDS = frozenset(
    ["No.", "If", "But", "And", "Or", "In", "At", "On", "For", "With", "When", "While", "After", "Before", "As", "So",
     "Yet", "Then", "There", "Here", "Also", "However", "These", "Those", "This", "That", "We", "You", "They", "He",
     "She", "It", "My", "His", "Her", "Its", "Their", "Your", "Us", "Them", "Him"]
)
_ORDINALS = frozenset(["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                       "Eleventh", "Twelfth"])
_LAST_INITIAL = re.compile(r"[A-Z]\.")


COMPASS = frozenset(["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper",
                     "Lower", "Greater"])
def find_entities(text: str, teachings=None) -> list[Mention]:
    """Every named entity in ``text``: ``Mention(kind="entity")`` with a label and a canonical ``entity`` key.

    ``teachings`` is accepted for the common extractor signature; user corrections are applied on top of
    this output by ``store.extract``.
    """
    if not text:
        return []
    gaz = gazetteer()
    candidates = _gazetteer_hits(text, gaz)
    starts = sentence_starts(text)
    headlines = Headlines(text)
    tokens = cap_tokens(text)
    candidates += _capitalised_runs(text, tokens, gaz, candidates, starts, headlines)
    candidates = _mark_ambiguous(text, gaz, candidates, starts, headlines)
    candidates = resolve_article(text, tokens, candidates)
    abbreviations(text, candidates)
    sports_teams(text, gaz, candidates)
    candidates = add_tickers(text, gaz, candidates)
    return to_mentions(text, candidates)


def _gazetteer_hits(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Leftmost-longest gazetteer matches on word boundaries, spelled like names."""
    hits = []
    length = len(text)
    for end_index, (alias, entry) in gaz.automaton.iter(fold(text)):
        end = end_index + 1
        start = end - len(alias)
        if start > 0:
            before = text[start - 1]
            if before.isalnum() or before in "&@#$":
                continue
        if end < length:
            after = text[end]
            if after.isalnum() or after == "&":
                continue
        if case_fits(alias, text[start:end]):
            confidence = 2 if entry.weak else 3
            hits.append(Candidate(start, end, entry.label, entry.key, confidence, alias.count(" ") + 1, entry=entry))
    hits.sort(key=lambda c: (c.start, c.start - c.end))
    kept: list[Candidate] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    places = {(hit.start, hit.end) for hit in kept if hit.label == "PLACE"}
    return [hit for hit in kept if not _inside_compound(text, hit, places)
            and not title_before_name(text, hit.start, hit.end)]


def _inside_compound(text: str, hit: Candidate, places: set[tuple[int, int]]) -> bool:
    """Part of a hyphenated compound name ("German-American", "Franco-German"), not a name alone; a pair of
    places ("US-China") stays two places."""
    start, end = hit.start, hit.end
    joined_after = text[end:end + 1] == "-" and text[end + 1:end + 2].isupper()
    joined_before = text[start - 1:start] == "-" and text[start - 2:start - 1].isalpha()
    if not (joined_after or joined_before):
        return False
    if hit.label != "PLACE":
        return True
    return not any((joined_after and s == end + 1) or (joined_before and e == start - 1) for s, e in places)


def _capitalised_runs(
    text: str, tokens, gaz: Gazetteer, hits: list[Candidate], starts: set[int], headlines: Headlines
) -> list[Candidate]:
    """Candidates from runs of capitalised words. A gazetteer hit inside a longer name ("Atlantic City",
    "Montreal Hockey Club", "Harrison Ford") gives way to that name."""
    by_start = {hit.start: hit for hit in hits}
    tokens = _fold_hits(tokens, hits)
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for token in tokens:
        start, _, word = token
        # every gap that joins two tokens opens with a space: test that before cutting the gap out
        gap = text[current[-1][1]:start] if current else ""
        if current and gap[:1] == " " and joins(gap, current[-1][2], word, text[token[1]:token[1] + 2]) \
                and not (gap == " & " and len(current) > 1 and _is_given_name(word, gaz)):
            current.append(token)  # "Karl Langdon & Harvey Deegan" are two people
        elif word is HIT or not word[0].isdigit() or DIGIT_ACRONYM.fullmatch(word):
            if current:
                runs.append(current)
            current = [token]
    if current:
        runs.append(current)
    found = []
    first_names, common_words = gaz.first_names, gaz.common_words
    for run in runs:
        headline = headlines(run[0][0])
        for part in _split_at_hits(text, run, by_start, gaz, headline):
            # a name before a job title is a name of its own ("Vellmoor Bank Chief Economist Dara Folkestad");
            # a title needs a name after it, so a single word has none
            title = title_span([word for _, _, word in part], first_names, common_words) if len(part) > 1 else None
            for piece in (part[:title[0]], part[title[0]:]) if title and title[0] else (part,):
                candidate = _candidate(text, piece, gaz, starts, headline)
                if candidate:
                    found.append(candidate)
    return found


def _fold_hits(tokens, hits):
    """Replace the tokens a gazetteer hit covers by one token spanning the hit."""
    folded, position, count = [], 0, len(hits)
    for token in tokens:
        while position < count and hits[position].end <= token[0]:
            hit = hits[position]
            folded.append((hit.start, hit.end, HIT))
            position += 1
        if position < count and hits[position].start < token[1]:
            continue
        folded.append(token)
    folded += [(hit.start, hit.end, HIT) for hit in hits[position:]]
    return folded


def _is_given_name(word: str, gaz: Gazetteer) -> bool:
    return word is not HIT and (word in gaz.first_names or word in gaz.given_names)


def _split_at_hits(text, run, by_start, gaz, headline: bool) -> list[list[tuple[int, int, str]]]:
    """Keep a run whole when its gazetteer hits are part of a longer name, else cut them out of it."""
    if len(run) == 1 and run[0][2] is not HIT or all(word is not HIT for _, _, word in run):
        return [run]
    words = [text[s:e] if word is HIT else word for s, e, word in run]
    if len(run) > 1 and _swallows_hits(text, run, words, by_start, gaz, headline):
        for start, _, word in run:
            if word is HIT:
                by_start[start].pending = True
                by_start[start].key = SUPERSEDED
        return [[(s, e, w) for (s, e, _), w in zip(run, words, strict=False)]]
    parts: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for token in run:
        if token[2] is HIT:
            if current:
                parts.append(current)
            current = []
        elif current or not token[2][0].isdigit():
            current.append(token)
    if current:
        parts.append(current)
    return parts


def _swallows_hits(text, run, words, by_start, gaz, headline: bool) -> bool:
    """Whether the run is one name containing gazetteer hits: a decisive suffix or head ("Atlantic City",
    "University of Minnesota"), a compass prefix to a place ("North Melbourne"), or a given name before a
    one-word hit ("Harrison Ford")."""
    shape = _shape_words(text, run, words)
    while len(shape) > 2 and shape[0] in LEADING_ARTICLES:
        shape = shape[1:]  # "The University of Minnesota" is shaped by its own words
    label, confidence = type_by_shape(shape, frozenset())
    if confidence >= 2 and label != "PRODUCT":
        return True
    first_hit = next(by_start[s] for s, _, w in run if w is HIT)
    hits = [by_start[s] for s, _, w in run if w is HIT]
    others = [word for (_, _, token), word in zip(run, words, strict=False) if token is not HIT]
    if not headline and first_hit.label == "PLACE" and first_hit.key not in gaz.countries and run[0][2] is HIT \
            and len(run) == 2 and team_shaped(words, gaz.common_words):
        return True  # a team named by its city, "St. Louis Eagles"; not "Russia Sanctions"
    # a place before a given name and surname is the person's state or city, not part of a name: "Vermont Bernie
    # Sanders", "Texas Ted Cruz"
    place_then_person = run[0][2] is HIT and len(run) in (3, 4) and _is_given_name(words[1], gaz) \
        and all(word is not HIT for _, _, word in run[1:])
    single_places = all(hit.label == "PLACE" and hit.tokens == 1 for hit in hits)
    if not headline and not place_then_person and single_places and not any(
        word in gaz.not_names or _fold_word(word) in PERSON_TITLES or word in COMPASS
        or _fold_word(word) in _PREPOSITIONS
        or word in _FUNCTION_WORDS or word[0].isdigit()
        for word in others
    ):
        return True  # a one-word place inside a longer name: "Reading Railroad", "Paris Agreement"
    if len(run) == 2 and run[0][2] is HIT and first_hit.label in ("NORP", "PLACE") and first_hit.tokens == 1 \
            and (_is_given_name(words[0], gaz) and words[1] in gaz.surnames
                 or first_hit.label == "NORP" and words[0] in gaz.first_names):
        return True  # a given name that is also a group word or a place, before a surname: "Paris Hilton"
    if len(run) == 2 and run[1][2] is HIT:
        if words[0] in gaz.first_names and first_hit.tokens == 1 and first_hit.label != "PERSON":
            return True
        if words[0] in COMPASS and first_hit.label == "PLACE":
            return True
    # a given name and a middle name or initial before a surname that is also a name listed as something else:
    # "John M. Ford", "John Milo Ford" (not the carmaker)
    if len(run) == 3 and run[2][2] is HIT and run[1][2] is not HIT and words[0] in gaz.first_names \
            and (INITIALS.fullmatch(words[1]) or _is_given_name(words[1], gaz)) and first_hit.tokens == 1 \
            and first_hit.label != "PERSON" and words[2] in gaz.surnames:
        return True
    # a double surname holding a listed name: "Teresa Nielsen Hayden"
    return len(run) == 3 and run[1][2] is HIT and run[2][2] is not HIT and words[0] in gaz.first_names \
        and first_hit.tokens == 1 and first_hit.label != "PERSON" and words[2] not in ORG_SUFFIXES


def _shape_words(text: str, run, words: list[str]) -> list[str]:
    """The words of a run with the "of" or particle that joins two of them ("University of Minnesota",
    "Hamza bin Laden"), for its shape."""
    if len(run) < 2:
        return words
    shaped = [words[0]]
    for (_, end, _), (start, _, _), word in zip(run[:-1], run[1:], words[1:], strict=True):
        if start - end > 2:
            shaped.append(text[end + 1:start - 1])
        shaped.append(word)
    return shaped


def _words_before(text: str, start: int) -> list[str]:
    """Up to two folded words before ``start`` on its line (within 60 characters), nearest last."""
    line_start = text.rfind("\n", max(0, start - 60), start) + 1
    return [_fold_word(word) for word in _WORD.findall(text, max(line_start, start - 60), start)[-2:]]


_fold_word = lru_cache(maxsize=65536)(fold)  # ``fold`` of one word, for the words met again and again


def _candidate(text, run, gaz: Gazetteer, starts, headline) -> Candidate | None:
    """Trim a run to the name it holds (no article, title, possessive, sentence starter) and type it."""
    first_names, common_words, not_names = gaz.first_names, gaz.common_words, gaz.not_names
    words = [word for _, _, word in run]
    person_cue = portfolio = shouting = False
    # a short run introduced as a person keeps a given name that doubles as a non-name ("Jun", "May")
    named_person = 2 <= len(words) <= 4 and introduces_person(text[run[-1][1]:run[-1][1] + 80])
    while run:
        word = words[0]
        if named_person and len(words) > 1 and word in first_names and is_capitalised(words[1]):
            break
        if word in LEADING_ARTICLES or word in not_names or word in _FUNCTION_WORDS \
                or (len(words) > 1 and is_role_word(_fold_word(word))) \
                or ("'" in word or "’" in word) and _CONTRACTION.fullmatch(word):
            title = is_role_word(_fold_word(word))
            # "Minister of Industry", "Secretary of State": what follows "<title> of" is a portfolio or a place
            portfolio = title and len(run) > 1 and text[run[0][1]:run[1][0]] == " of "
            person_cue = person_cue or title and not portfolio
        # a sentence's first English word goes, and so does each capitals-only word after one: a page's shouted
        # label ("READ MORE:", "BREAKING NEWS:") is no acronym
        elif (run[0][0] in starts or shouting and word.isupper()) and _fold_word(word) in common_words \
                and not _first_name_lead(words, gaz) \
                and not (word in _ORDINALS and len(words) > 1) and " ".join(words) not in geonames()["city"] \
                and not headed_company(words) or not is_capitalised(word):
            pass
        else:
            break
        shouting = len(word) > 2 and word.isupper() and _fold_word(word) in common_words
        run, words = run[1:], words[1:]
    if not run or portfolio and all(_fold_word(word) in common_words for word in words):
        return None
    before_start = run[0][0]
    before = _words_before(text, before_start)
    role_of = before[-1:] == ["of"] and before[0] in PERSON_TITLES  # "head of Equity Research Tom Brown"
    cut = title_length(words, first_names, common_words, role_of)
    if cut:
        person_cue, run, words = True, run[cut:], words[cut:]
    elif person_cue and words and is_bare_title(words, common_words):
        return None
    while run and (words[-1] in not_names and not company_head(words, not_names, common_words)
                   or not is_capitalised(words[-1]) and not words[-1][0].isdigit()):
        run, words = run[:-1], words[:-1]
    if not run:
        return None
    start, end = run[0][0], run[-1][1]
    words[-1], end = strip_possessive(words[-1], end)
    if len(words) > 1 and _LAST_INITIAL.fullmatch(words[-1]):
        words[-1], end = words[-1][:-1], end - 1  # "LL Cool J." ends a sentence: the period is the sentence's
    if not words[-1] or words == ["AI"] or (len(words) == 1 and INITIALS.fullmatch(words[0])):
        return None
    body = len(words) == 1 and words[0] in BODIES and _words_before(text, start)[-1:] == ["the"]
    if len(words) == 1 and words[0] in ORG_SUFFIXES and not body:
        return None  # "Group", "Capital" alone are no names; "the League", "the Army", "the Church" are
    label, confidence = ("ORG", 2) if body else type_by_shape(_shape_words(text, run, words), first_names, common_words,
                                                              gaz.surnames, gaz.given_names)
    if len(words) == 1 and label == "PERSON" and confidence == 1 and words[0] not in first_names \
            and words[0] in geonames()["city"]:
        label, confidence = "OTHER", 0  # a city's name before a surname's, unless the context says person
    if confidence < 2 and team_shaped(words, common_words) and is_place(" ".join(words[:-1]), gaz) \
            and canonical_key(" ".join(words[:-1])) not in gaz.countries:
        label, confidence = "ORG", 2  # a team named by its city: "St. Louis Eagles"
    if confidence < 2:
        if start != before_start:
            before = _words_before(text, start)
        context = type_by_context(before, text[end:end + 48])
        if context == ("PERSON", 1) and unknown_lone_name(text, words, first_names, gaz.surnames, gaz.given_names):
            context = ("ORG", 1)
        if person_cue:
            context = ("PERSON", 2)
        if context[1] > confidence:
            label, confidence = context
        elif (
            confidence <= 1
            and label in ("OTHER", "PERSON")
            and before[-1:] == ["the"]
            and (len(words) > 1 or words[0].endswith("s"))
        ):
            # people don't take "the": "the Anguilla United Front", "the Yankees", "the Beatles"
            label, confidence = "ORG", 1
    if label == "OTHER" and len(words) == 1 and "-" in words[0] and group_compound(words[0], gaz):
        label, confidence = "NORP", 2
    if label == "OTHER" and confidence == 0 and (text[start:end] in geonames()["city"] or is_place_shaped(words)) \
            and not all(_fold_word(word) in common_words for word in words):
        label, confidence = "PLACE", 1  # a city's name, or a town's shape, that nothing else types: "Caloundra"
    # Capitalised English words with no cue ("Industrials", "Rest In Peace", "Delivery Center") are more often
    # emphasis, a slogan or part of a title than a name: keep them only if the article confirms them elsewhere.
    unclear_word = confidence == 0 and all(_fold_word(word) in common_words for word in words)
    key = canonical_key(text[start:end])
    return Candidate(start, end, label, key, confidence, len(words), pending=headline or unclear_word)


def _first_name_lead(words: list[str], gaz: Gazetteer) -> bool:
    """A sentence-initial given name followed by another capitalised word ("Mark Zuckerberg said")."""
    return len(words) > 1 and words[0] in gaz.first_names and is_capitalised(words[1])


def _mark_ambiguous(text: str, gaz: Gazetteer, candidates: list[Candidate], starts: set[int],
                    headlines) -> list[Candidate]:
    """Gazetteer hits that are also common words ("Apple", "Target") need confirmation when they open a
    sentence or sit in a headline, unless their own ticker follows ("Apple (AAPL)") or a sentence opens with
    them as the subject of a verb of saying ("Apple said")."""
    result = []
    for candidate in sorted(candidates, key=lambda c: c.start):
        if candidate.entry is not None and candidate.tokens == 1:
            word = text[candidate.start:candidate.end]
            own_ticker = candidate.entry.ticker and parenthesised_after(text, candidate.end, candidate.entry.ticker)
            speaks = candidate.start in starts and says_next(text, candidate.end)
            if _fold_word(word) in gaz.common_words and (candidate.start in starts or headlines(candidate.start)):
                candidate.pending = not own_ticker and not speaks
        result.append(candidate)
    return result
