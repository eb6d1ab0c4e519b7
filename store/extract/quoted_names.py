"""Quoted words that name something rather than report speech: titles, slogans, hashtags, what a verb of naming
gives ("dubbed "…""), a phrase naming a kind of thing ("the "one country, two systems" model"). ``quotes`` drops
such a piece, and does not read one as the first half of a split quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from store.extract.quote_cues import CUE

Parts = Sequence[tuple[int, int]]  # the quoted pieces of one quote, marks excluded

_POSSESSIVE_BEFORE = r"\w[’']s\s+$"  # "CNBC's "Squawk Box"": whose show, paper or work it is
_POSSESSIVE = re.compile(_POSSESSIVE_BEFORE)
# a preposition, a verb of naming or a possessive right before a quoted piece
_NAMING = re.compile(rf"\b(?:of|from|at|for|by|with|called|named|titled|entitled|dubbed)\s+$|{_POSSESSIVE_BEFORE}")
_MENU_BAR = re.compile(r"\s\|\s+[A-Z]")
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "vs", "vs."}


def names_something(text: str, open_at: int) -> bool:
    """A quoted piece after a preposition or a verb of naming is a name in the narrative ("X of "Have no fear",
    a charity, told Reuters "…"", "a group called "Free Speech"") — no start of speech for a split quote."""
    return _NAMING.search(text, max(0, open_at - 12), open_at) is not None


# "named in the lawsuit", "entitled to": a participle that names nobody's words
_NAMING_VERB = re.compile(
    r"\b(?:named|renamed|dubbed|nicknamed|titled|entitled|christened|hashtag|known\s+as|so-called|headlined|"
    r"billed\s+as)\b(?!\s+(?:in|by|to|for)\b)"
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z“\"‘])|\n")


def _named_before(text: str, open_at: int) -> bool:
    """Whether the quote's sentence gives it as a name: a verb of naming is the last verb before it ("named the
    virus that causes it "…"", "dubbed the conflict: "…"", "The hashtag "…""), with no verb of saying after."""
    head_start = max(0, open_at - 300)
    namings = [m.end() for m in _NAMING_VERB.finditer(text, head_start, open_at)]
    if not namings:
        return False
    ends = list(_SENTENCE_END.finditer(text, namings[-1], open_at + 1))  # + 1: the quote mark opening a sentence
    return not ends and CUE.search(text, namings[-1], open_at) is None


# a quoted phrase between a determiner and the noun it names ("the "one country, two systems" model", "its "Remain in
# Mexico" policy") modifies that noun: it names a kind of thing, it is no one's words
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.IGNORECASE)
_NAMED_KIND_AFTER = re.compile(r"\s+(?:model|policy|policies|principle|doctrine|plan|programme|program|campaign|"
                               r"movement|strategy|approach|slogan|motto|initiative|scheme|formula|framework|"
                               r"system|concept|project|operation|rule|era)\b")


def _names_a_kind(text: str, parts: Parts, open_at: int, close_at: int) -> bool:
    return _DETERMINER_BEFORE.search(text, max(0, open_at - 8), open_at) is not None \
        and _NAMED_KIND_AFTER.match(text, close_at) is not None and text[parts[0][1] - 1] not in ".!?,"


# a work that a capitalised quoted piece right after it names ("the ballad "Whatever happened to …"", "Her new
# book, "How to win …,""); after "in"/"from" in a sentence with a verb of saying the piece is what the work says
# ("wrote in her memoir, "I was …""), and a piece going on in lower case is speech about it ("said the film "was …"")
_WORK_BEFORE = re.compile(
    r"(?:\b(?P<inside>in|from)\s+(?:[\w'’-]+\s+){0,3}?)?\b(?:song|single|album|track|ballad|anthem|book|novel|memoir|"
    r"biography|film|movie|documentary|sitcom|series|episode|podcast|musical|opera|poem|essay|headline|exhibition|"
    r"(?:TV|talk|radio|game|the|a|his|her|their|its)\s+show)s?,?\s*$"
)


def _names_a_work(text: str, parts: Parts, open_at: int) -> bool:
    work = _WORK_BEFORE.search(text, max(0, open_at - 60), open_at)
    if work is None or not (text[parts[0][0]].isupper() or text[parts[0][0]].isdigit()):
        return False
    return work.group("inside") is None or CUE.search(text, max(0, open_at - 200), work.start()) is None


# what a web page quotes as a query or a link, not speech: a search ("Searches for "how to apply for …" rose"), the
# headline of another story after its label ("READ MORE: "Mayor vows to …"", which extraction runs into the text)
_QUERY_OR_LINK = re.compile(
    r"(?:\bsearch(?:es|ed|ing)?\s+(?:terms?\s+)?(?:for|like|such\s+as)|\bgoogled|\btyped(?:\s+in)?|"
    r"\b(?:read\s+more|related(?:\s+(?:stories|articles|coverage|content))?|see\s+also|also\s+read|"
    r"further\s+reading|recommended)\s*:)\s*$",
    re.IGNORECASE,
)


def is_title(text: str, parts: Parts, open_at: int, close_at: int) -> bool:
    """A name in quote marks, not speech: a title or slogan in Title Case ("Storm Area 51, They Can't Stop All
    of Us", "The Internet Explorer 6 Countdown") — short, every word capitalised, no sentence end inside; a
    hashtag or handle ("#we want freedom of speech#"); what a verb of naming just gave (``_named_before``); the
    title of a work named just before (``_names_a_work``); a search query or a linked headline (``_QUERY_OR_LINK``)."""
    if len(parts) > 1:
        return False
    if text[parts[0][0]] in "#@" or _named_before(text, open_at) or _names_a_kind(text, parts, open_at, close_at) \
            or _names_a_work(text, parts, open_at) or _QUERY_OR_LINK.search(text, max(0, open_at - 30), open_at):
        return True
    words = text[parts[0][0] : parts[0][1]].split()
    # a spaced bar before a capital separates the links of a menu ("« Previous article: … | Next article: … »");
    # a stray bar inside speech goes on in lower case ("convinced the Board | that all salt …")
    if _MENU_BAR.search(text, parts[0][0], parts[0][1]):
        return True
    # a title closing its sentence takes the period inside the marks in American style ("told NBC's "Meet the
    # Press."") when a possessive names whose show or paper it is
    period_inside = words[-1][-1] == "." and _POSSESSIVE.search(text, max(0, open_at - 8), open_at) is not None
    if len(words) > 10 or any(w[-1] in ".!?" for w in words[:-1]) or words[-1][-1] in ".!?" and not period_inside:
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.casefold() in _SMALL_WORDS for w in words
    )
