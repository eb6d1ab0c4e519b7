"""What "it", "they" and "the company" point to in one article: the organisation named as a subject before.

``OrgAntecedents`` extends ``ArticleSentences`` (``store.extract.article_sentences``); the pronouns, titles and role
nouns that point to people are ``store.extract.pointer_resolution``'s.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from store.extract.article_sentences import ArticleSentences
from store.extract.name_completion import NEARBY_NAMES
from store.extract.quote_cues import COMPANY_NOUNS, CUE_VERBS, DOCUMENT_NOUNS
from store.extract.speaker_names import last_before, mention_end, mention_start, within
from store.model import Mention

# "the company", "the Iranian foreign ministry", "the three-judge court"
_THE_COMPANY = re.compile(rf"\b(?:the|its)\s+((?:[\w-]+\s+){{0,2}}?({COMPANY_NOUNS}))$", re.IGNORECASE)
_OWNS = re.compile(rf"(?:['’]s)?\s+(?:official\s+)?(?:{DOCUMENT_NOUNS})\b", re.IGNORECASE)  # "Airbus website"
# a document's issuer, named after it: "An email from Burkhardt & Associates", "the report by the agency"
_ISSUED_BY = re.compile(rf"\b(?:{DOCUMENT_NOUNS})s?\s+(?:(?:issued|released|posted|published|sent)\s+)?(?:from|by)\s+"
                        r"(?:the\s+)?$", re.IGNORECASE)
# an organisation's own verb taking a position: "Big Machine have twice denied", "X, …, denies", "X insisted"
# (its abbreviation in brackets may follow the name: "The Commission on Religious Freedom (USCIRF) also criticized")
_TAKES_A_STAND = re.compile(rf"(?:\s*\([A-Z][\w.&-]{{1,10}}\))?,?\s+"
                            rf"(?:(?:has|have|had|also|twice|again|then|later|now|still|[a-z]+ly)\s+)*"
                            rf"(?:{CUE_VERBS}|denie[sd]|deny|rejected|rejects|disputed|disputes|maintained|maintains)\b")
# what may stand before the organisation a sentence opens with: when it happened ("This Thursday the", "On March
# 3,"), then "The", or "the company that runs the show, "
_WHEN = r"(?:(?:on|this|last|earlier|later|early|late|in|by)\s+(?:[\w,]+\s+){0,3}?)?(?:monday|tuesday|wednesday|" \
    r"thursday|friday|saturday|sunday|week|month|year|yesterday|today|morning|afternoon|evening|night|\d{4}|\d{1,2})"
_ORG_OPENS = re.compile(rf"(?:{_WHEN},?\s+)?"
                        rf"(?:[Tt]he\s+|the\s+(?:\w+\s+){{0,2}}?(?:{COMPANY_NOUNS})\b[^,.;“”\"]*,\s+)?", re.IGNORECASE)


class OrgAntecedents(ArticleSentences):
    """An article's sentences, and the organisations its pointers resolve to."""

    def the_company(self, phrase: str, at: int) -> tuple[str, str | None] | None:
        """What "the company" (or "the ministry", "the Biden campaign") closing ``phrase`` at ``at`` points to:
        ``(name, entity)``, or None when ``phrase`` ends in no such noun or no organisation is named before."""
        if (company := _THE_COMPANY.search(phrase)) is None:
            return None
        noun = company.group(2).lower()
        count = bisect_right(self.orgs, at, key=mention_end)
        named = [m for m in self.orgs[max(0, count - NEARBY_NAMES) : count] if noun in m.text.lower()]
        body = company.group(1)
        if not named and body[:1].isupper():  # "the Biden campaign", named by no mention: as the article says it
            return body, None
        # the one named most often, not one named in passing last ("the Court of Session … the Supreme Court
        # … the court's summary"); of those named as often, the last
        times = Counter(m.entity for m in named)
        org = max(reversed(named), key=lambda m: times[m.entity]) if named \
            else self.org_antecedent(at + company.start())
        return (self._organisation(org), org.entity) if org else None

    def org_antecedent(self, at: int) -> Mention | None:
        """The organisation "it" or "the company" at ``at`` refers to: one named earlier in its own sentence as a
        subject or as the owner or issuer of a document ("In a statement on the Airbus website, the company said",
        "An email from X to Y advises …: "…," it said"); else
        the subject (the first organisation not named after a preposition) of the nearest earlier sentence naming
        one — not one named as an object ("Apple sued Samsung. "…," it said": Apple)."""
        own_sentence = self._sentence_holding(at)
        count = bisect_right(self.orgs, at, key=mention_end)
        start = bisect_left(self.orgs, own_sentence, lo=0, hi=count, key=mention_start)
        own = [m for m in self.orgs[start:count] if (not self._after_preposition(m) or _OWNS.match(self.text, m.end)
                                                     or _ISSUED_BY.search(self.text, max(0, m.start - 40), m.start))
               and self.text[m.start - 2 : m.start] != "(("]  # not an interview's "((WN))"
        if own or not start:
            return own[0] if own else last_before(self.orgs, at)
        nearest = self.orgs[start - 1]
        sentence = self._sentence_holding(nearest.start)
        named = self.orgs[bisect_left(self.orgs, sentence, lo=0, hi=start, key=mention_start) : start]
        return next((m for m in named if not self._after_preposition(m)), nearest)

    def _opening_organisation(self, at: int) -> Mention | None:
        """The organisation a "they" at ``at`` stands for: the subject the sentence before opens with ("Big Machine
        have twice denied it.", "The company that runs the show, Acme, denies it.", "On Tuesday the Federation of Rail
        Workers (FRW) also criticized it."), when that sentence names no
        person outside quotes (not "Her post got the attention of X and Y. They criticised …")."""
        own = self._sentence_holding(at)
        if (previous := self._sentence_before(own)) is None:
            return None
        if self._named_people(previous, own):
            return None
        for org in within(self.entities, previous, own):  # an organisation, or a name of several words the
            # extractor could not type ("Dick Clark Productions"), not "Japanese"
            if (org.label == "ORG" or org.label == "OTHER" and " " in org.text) \
                    and _ORG_OPENS.fullmatch(self.text, previous, org.start) \
                    and _TAKES_A_STAND.match(self.text, org.end):  # not "Zylotech fired two engineers"
                return org
        return None
