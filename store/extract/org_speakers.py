"""Organisations and documents as the speakers of quotes.

``SourceNames`` extends ``ArticlePointers`` (``store.extract.pointer_resolution``) with the sources news writing
names through what they published: "a statement from X read", "according to a press release from X", "a
statement on the company's website said" → X (or the person named, "a statement from Boeing spokesman William
Barksdale"). A source named by no one ("a statement from the family") is left to the unnamed-source rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from store.extract.name_completion import NEARBY_NAMES
from store.extract.pointer_resolution import ArticlePointers
from store.extract.speaker_names import last_before, mention_end, within
from store.model import Mention

# what an organisation publishes, that speaks for it
DOCUMENT_NOUNS = (
    "statement|press release|news release|release|report|letter|post|message|announcement|notice|communiqu[ée]|"
    "website|web site|site|account|page|blog|filing|document|tweet|e-?mail|bulletin|memo|video|summary|transcript|"
    "opinion|ruling|decision|judgment|judgement|warning|advisory|complaint|lawsuit|motion|brief"
)
# "a statement from", "the press release issued by", "a post on": the source is named after the lead
_DOCUMENT_LEAD = re.compile(
    rf"\s*(?:a|an|the|its|their|one)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{DOCUMENT_NOUNS})s?\s+"
    r"(?:(?:issued|released|posted|published|sent|signed|put out)\s+)?(?:from|by|of|on)\s+",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|to|of|for|by|on|near|across)\s+(?:the\s+)?$", re.IGNORECASE)
_OF = re.compile(r" of (?:the )?")
_AFTER_DOCUMENT = re.compile(rf"\b(?:{DOCUMENT_NOUNS})s?\s+$", re.IGNORECASE)
# "the company" owning the document's outlet: "the company's website"
_THE_BODY = re.compile(r"(?:the|its)\s+(?:[\w-]+\s+)?[\w-]+(?=['’]s?\b|\s*$)", re.IGNORECASE)


def describes_document(text: str, at: int) -> bool:
    """Whether the verb at ``at`` follows a document's noun, as the participle describing it when a verb of
    saying came before ("said in a statement posted online that"): no verb of the sentence."""
    return _AFTER_DOCUMENT.search(text[max(0, at - 40) : at]) is not None


class SourceNames(ArticlePointers):
    """An article's names and pointers, and the organisations its documents speak for."""

    def __init__(self, text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> None:
        super().__init__(text, mentions, quoted)
        self._first_named: dict[tuple[str | None, str], Mention] = {}  # (entity, text) → where first named
        for org in self.orgs:
            self._first_named.setdefault((org.entity, org.text), org)

    def _organisation(self, mention: Mention) -> str:
        """The organisation's full name as the article first gives it, with what the extractor cut off: a lone
        head noun ("the Court") is the last organisation named with it ("Supreme Court"); a place right before
        its first mention, one space apart ("United States" "Department of State"), or after it ("Supreme Court"
        "of Puerto Rico") belongs to the name."""
        if " " not in mention.text and (fuller := self._named_with_head(mention)) is not None:
            mention = fuller
        mention = self._first_named.get((mention.entity, mention.text), mention)
        name = super()._organisation(mention)
        if not name.startswith(mention.text):  # spelt out or completed already
            return name
        place = last_before(self.entities, mention.start)
        if place is not None and place.label == "PLACE" and self.text[place.end : mention.start] == " " \
                and not _PREPOSITION_BEFORE.search(self.text[max(0, place.start - 12) : place.start]):
            name = f"{place.text} {name}"
        if of := _OF.match(self.text, mention.end):
            after = [m for m in within(self.entities, of.end(), of.end() + 60) if m.start == of.end()]
            if after and after[0].label == "PLACE":
                name = f"{name}{of.group()}{after[0].text}"
        return name

    def _named_with_head(self, mention: Mention) -> Mention | None:
        """The last organisation named before ``mention`` whose name ends with its one word ("Supreme Court"
        for "Court")."""
        count = bisect_right(self.orgs, mention.start, key=mention_end)
        tail = f" {mention.text}"
        nearby = self.orgs[max(0, count - NEARBY_NAMES) : count]
        return next((m for m in reversed(nearby) if m.text.endswith(tail)), None)

    def _document_source(self, start: int, end: int, cue: str | None):
        """``(name, entity, cue)`` of the source named after "a statement from" (or "a post on", "the report
        by") opening ``text[start:end]``; None when no such lead opens it or no source is named."""
        lead = _DOCUMENT_LEAD.match(self.text, start, end)
        if lead is None:
            return None
        rest = lead.end()
        people = [m for m in within(self.people, rest, end) if not self._in_quote(m.start)]
        if people and not self.text.startswith(("'s", "’s"), people[0].end):  # "Boeing spokesman William Barksdale"
            return (*self._person(people[0]), cue)
        orgs = [m for m in within(self.orgs, rest, end) if not self._in_quote(m.start)]
        if orgs and orgs[0].start - rest <= 4:  # "from Toyota", "from the Ministry of Defence"
            return self._organisation(orgs[0]), orgs[0].entity, cue
        if body := _THE_BODY.match(self.text, rest, end):  # "a statement on the company's website"
            pointer = self._pointer(body.group(), rest)
            if pointer and pointer[0]:
                return (*pointer, cue)
        return None
