"""Who said a quote, as the article presents it.

The attribution is looked for where news writing puts it: right after the quote ("…," X said / said X /
according to X), between the pieces of a split quote, in the sentence that introduces it (X said: "…",
X said that "…", X: "…"), or in a paragraph that ends with a colon before a paragraph-long quote. The subject it
names is read by ``store.extract.attribution_subjects`` and resolved with the article's entity mentions
(``store.extract.name_completion`` completes names, ``store.extract.pointer_resolution`` says what a pronoun or
"the <title>" points to):
- a person → the person's full name as first given (titles dropped); "Mr Surname", a surname alone and a
  pronoun resolve to the last person the article named outside quotes;
- an organisation (no person) → the organisation's full name; "the company", "it" → the last organisation;
- an unnamed source ("a spokesman", "analysts", "one official") → no name rather than a guess.
"""

from __future__ import annotations

import re

from store.extract.attribution_subjects import AttributionSubjects
from store.extract.clause_sources import describes_document, document_before_which
from store.extract.name_completion import WINDOW
from store.extract.pointer_resolution import SUBJECT_PRONOUN
from store.extract.quote_cues import COMPANY_NOUNS, CUE, CUE_VERBS, DOCUMENT_NOUNS, attribution_after
from store.extract.speaker_names import within
from store.model import Block

_SAID_FIRST = re.compile(rf"[\s,.—–-]*(?:{CUE_VERBS})\s")  # "…" said lead author David Livermore: no doubt
# "She left the series.", "Underwhelmed with her role, she left the series.", and a question's subject after its
# auxiliary: "Why did she want to go so badly?"
_OPENS_WITH_PRONOUN = re.compile(r"\s*(?:[^,.;“”\"]{0,40},\s*)?(?:(?:Why|How|What|When|Where)\s+(?:[a-z]+\s+)?"
                                 r"(?:did|does|do|was|is|were|are|has|had|would|will|could|can|should)\s+)?"
                                 r"(?:He|She|he|she)\b")
# a sentence about "the company" or its like, or what it has: "The company's upcoming helmet is …", "The study
# accounts for …" (not "The government plan is …")
_BODY_OPENS = re.compile(rf"\s*(the\s+(?:{COMPANY_NOUNS}))(?:['’]s\b|\s+(?:itself\s+)?[a-z]+(?:ed|s)\b)", re.IGNORECASE)
# (not ", and" before a name: "officials, including Brennan, Panetta, and Hayden, said")
_CLAUSE_BREAK = re.compile(r';\s+|,[”"’]?\s+(?:(?:while|whereas|but|although|though)\s+(?=[A-Z])'
                           r'|and\s+(?=(?:he|she)\b))')
# "…, something Clay recognised, and Mr Tong had said they intended to "…"": ", and" after a clause's last word,
# then a name and its verb, opens the verb's own clause (not a list of names: "Brennan, Panetta, and Hayden said")
_AND_NAME_CLAUSE = re.compile(r"(?<![\w'’.-])[a-z][\w'’-]*,\s+and\s+(?=[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
                              r"(?:\s+(?:had|has|have|also|later|then|[a-z]+ly))?\s*$)")
_THE_OPENS = re.compile(r"\s*The\s")
# a paraphrase's attribution closing its sentence: "…, Howitt says.", "…, she said."
_CLOSING_ATTRIBUTION = re.compile(
    rf",\s+((?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*|he|she)\s+({CUE_VERBS})\.\s*$")
# a dash and a name ending the paragraph, after a quote or alone in the next one: "“…” — Neil Gaiman", "– Mel****"
# (the affiliation may close with a period: "— Jane Doe, chief executive, Acme Inc.")
_SIGNATURE = re.compile(r"\s*[—–]\s*([A-Z][\w'’.*-]*(?:\s+[\w'’.*-]+){0,3}?)\s*(?:,[^.!?“”\"]{0,80}\.?)?\s*$")
_DOCUMENT_BY = re.compile(rf"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{DOCUMENT_NOUNS})"
                          r"\s+(?:from|by)\s+", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\b(?:quoted|quotes|quoting)\s+(.{1,80}?)\s+as\s+$")  # the one quoted, not who quotes
# a verb of saying after a form of "be" is a passive: "Sales are predicted to have dipped"
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")
# "…," Ann Lee, an analyst for Acme. — a name and its appositive closing the sentence
# a court speaks through what it rules, finds or holds: "The three-judge court found Johnson's advice "…"", "The
# High Court also ruled …, finding that …: "…"" (said of a court or a judge only: "Police found the body")
_COURT_VERB = re.compile(r"\b(?:ruled|rules|found|finds|held|holds)\b")
_COURT = re.compile(r"\b(?:court|tribunal|judge|justices?|jury|magistrate)\b", re.IGNORECASE)
_NAME_AND_ROLE = re.compile(r"\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+(?:a|an|the)\s"
                            r"[^.!?;:“”\"]{1,100}\.(?=\s|$)")


class Speakers(AttributionSubjects):
    """Resolves who said each quote of one article from its entity mentions."""

    def for_quote(self, parts, open_at: int, close_at: int, first: Block, last: Block):
        """``(name, entity, cue)`` of the speaker, ``(None, None, cue)`` for an unnamed source, None when the
        article does not say. ``first`` and ``last`` are the paragraphs the quote opens and closes in."""
        self._window = (max(0, open_at - WINDOW), close_at + WINDOW)
        block = last
        for (_, end_a), (start_b, _) in zip(parts, parts[1:], strict=False):
            between_start = self._after_mark(end_a)
            # "A," she said. ¶ "B.": the attribution ends A's paragraph
            line_end = self.text.find("\n", between_start, start_b)
            between_end = start_b if line_end < 0 else line_end
            if between_start < between_end:
                found = attribution_after(self.text, between_start, between_end, between=True,
                                          handover="," in self.text[end_a:between_start])
                if found:
                    return self._introduced(found, first.start, open_at) or self._subject(*found, after=True)
        if (signed := self.signed(close_at, block.end)) is not None:
            return signed
        ending = self.text[parts[-1][1] - 1 : close_at + 1]  # the period after the mark too: "…do so". In X, …
        if "," in ending and (named := self._verbless(close_at, block.end)) is not None:
            return named
        found = attribution_after(self.text, close_at, block.end, ends_sentence=any(ch in ending for ch in ".!?"),
                                  handover="," in ending)
        said_first = found is not None and found[0] > close_at and _SAID_FIRST.match(self.text, close_at, found[0])
        short = found is not None and len(self.text[found[0] : found[1]].split()) <= 3
        if found and (self._ends_speech(parts[-1][1], close_at) or short or said_first):
            speaker = self._introduced(found, first.start, open_at) or self._subject(*found, after=True)
            if speaker is not None and found[2].lower() != "according to":
                return speaker
        else:
            speaker = None
        if speaker is None and (stated := self.stated_after(close_at, block.end)) \
                and (source := self._subject(*stated, after=True)) and source[0]:
            return source  # "…" as stated on the Apple website
        block = first
        sentence_start = self._sentence_start(block.start, open_at)
        if speaker is not None:  # "Pelosi called it a "…," according to NBC": the source reports, Pelosi speaks
            head = self._head(sentence_start, open_at)
            return head if head is not None and head[0] else speaker
        head = self._head(sentence_start, open_at)
        if head is not None:
            return head
        if sentence_start > block.start and self.text[block.start : sentence_start].rstrip().endswith(":"):
            return self._head(self._sentence_start(block.start, sentence_start - 2), sentence_start, colon=True)
        if sentence_start > block.start and open_at - sentence_start <= 1:  # the quote opens its own sentence
            return self._previous_sentence(block.start, sentence_start)
        # No verb of saying: a quote inside a sentence about someone is theirs ("Jobs left this farewell, "…"",
        # "The iPhone was praised by Jobs as "…""); else one going on from the paraphrase before it
        return self._sentence_subject(sentence_start, open_at) or self._paraphrased_before(block.start, sentence_start)

    def _paraphrased_before(self, block_start: int, sentence_start: int):
        """The source of a paraphrase that the quote's sentence goes on with: the sentence before it, in its
        paragraph, closes with its attribution ("It isn't clear which evolved first, Howitt says. Just because …,
        "…"")."""
        if sentence_start <= block_start:
            return None
        start = self._sentence_start(block_start, sentence_start - 2)
        closing = _CLOSING_ATTRIBUTION.search(self.text, start, sentence_start)
        if closing is None or self._in_quote(closing.start()) or any(ch in self.text[start:closing.start()]
                                                                      for ch in "“”\""):
            return None
        return self._subject(closing.start(1), closing.end(1), closing.group(2))

    def signed(self, start: int, end: int):
        """Who signs a quote with a dash when ``start``–``end`` is nothing but that signature, right after the quote
        or as the next paragraph, as under an epigraph or a customer's review ("— Neil Gaiman, author"): the name;
        a name masked with asterisks ("– Ni** My**") is an unnamed source. None when it is no signature."""
        if (signature := _SIGNATURE.match(self.text, start, end)) is None:
            return None
        name_start, name_end = signature.span(1)
        if "*" in self.text[name_start:name_end]:
            return None, None, None
        return self._subject(name_start, name_end, None, after=True) or (self.text[name_start:name_end], None, None)

    def _verbless(self, close_at: int, end: int):
        """"…," Ann Lee, an analyst at Acme. — a quote handed over to a person's name and appositive closing the
        sentence, the verb of saying left out: that person."""
        if (named := _NAME_AND_ROLE.match(self.text, close_at + 1, end)) is None:
            return None
        person = next((p for p in self._named_people(named.start(1), named.end(1)) if p.start == named.start(1)), None)
        return (*self._person(person), None) if person is not None else None

    def _introduced(self, found: tuple[int, int, str], block_start: int, open_at: int):
        """"X concurred: "…," he argued." — a pronoun attribution after a quote whose own sentence opens by
        naming who speaks: that person, not the subject of an earlier sentence."""
        if not SUBJECT_PRONOUN.fullmatch(self.text[found[0] : found[1]].strip()):
            return None
        start = self._sentence_start(block_start, open_at)
        people = self._named_people(start, open_at)
        if not people:
            return None
        speaker = self._subject_of(people)
        before = self.text[start : speaker.start]
        if CUE.search(before) or SUBJECT_PRONOUN.search(before):  # "He said Zelensky is "…"": an object
            return None
        return (*self._person(speaker), found[2])

    def _previous_sentence(self, block_start: int, sentence_start: int):
        """A quote that is a sentence of its own after one saying who speaks ("X commented on the profits.",
        "Y issued a statement.", "X said he is alarmed.") — that sentence's subject, when it names one."""
        start = self._sentence_start(block_start, sentence_start - 2)
        sentence = self.text[start:sentence_start]
        if self._in_quote(sentence_start - 2) or any(ch in sentence for ch in "“”\""):
            return None
        # a passive is no verb of saying: "Sales are predicted to have dipped" names no one who spoke
        cue = next((c for c in CUE.finditer(sentence) if not _PASSIVE.search(sentence, 0, c.start())), None) \
            or re.search(r"\b(?:statement|commented|spoke|responded|reacted)\b", sentence)
        if cue is None:
            return self._sentence_subject(start, sentence_start)
        found = self._subject(start, start + cue.start(), cue.group())
        return found if found and found[0] else None

    def _sentence_subject(self, start: int, end: int):
        """The person a narrative sentence is about ("Maroochydore captain Sam Marshall lamented the loss.",
        "He hopes the tech would help."), who speaks the quote standing after it with no attribution."""
        if document := document_before_which(self.text[start:end]):  # "under the Gold Reserve Act, which gives "…""
            return document, None, None
        people = self._named_people(start, end)
        if not people and (named := self._titled_name(self.text[start:end])):
            return named, None, None
        body_first = _BODY_OPENS.match(self.text, start, end)
        if _THE_OPENS.match(self.text, start, end) and all(self.text.startswith(("'s", "’s"), p.end) for p in people):
            people = []  # "The court found Johnson's advice "…"": a possessor is no subject
        if people and not (body_first and all(self._in_passing(p) for p in people)):
            speaker = self._subject_of(people)
            if body := self.persons_body(speaker):
                return (*body, None)
            return (*self._person(speaker), None)
        if body_first:  # "The company's replica is of Luke Skywalker's helmet, their "…"": the company's words
            return (*pointer, None) if (pointer := self._pointer(body_first.group(1), start, body_first.end(1))) \
                else None
        if _OPENS_WITH_PRONOUN.match(self.text, start, end) and (person := self.pronoun_person(start)) is not None:
            return (*person, None)
        subjects = [m for m in within(self.orgs, start, min(end, start + 40)) if not self._after_preposition(m)]
        if subjects:  # "Ford's filing described the matter as "…""
            return self._organisation(subjects[0]), subjects[0].entity, None
        return None

    def from_introduction(self, block: Block) -> tuple[str | None, str | None, str | None] | None:
        """The speaker of a paragraph-long quote introduced by the paragraph before: one ending "She said:", or
        one whose last attribution names who speaks ("X said the development is a reminder.")."""
        body = self.text[block.start : block.end].rstrip()
        if body.endswith(":"):
            return self._head(self._sentence_start(block.start, block.start + len(body) - 1), block.start + len(body))
        cues = [c for c in CUE.finditer(self.text, block.start, block.end) if not self._in_quote(c.start())]
        if self._in_quote(block.end - 1) or any(mark in body[-2:] for mark in "”\""):
            return None
        if not cues:
            return self._sentence_subject(self._sentence_start(block.start, block.start + len(body) - 1), block.end)
        cue = cues[-1]
        found = self._subject(self._sentence_start(block.start, cue.start()), cue.start(), cue.group())
        if found is None or not found[0]:  # "“…,” said David Bahnsen, chief investment officer." — after its verb
            found = self._subject(cue.end(), block.start + len(body), cue.group(), after=True) or found
        return found

    def _after_mark(self, inner_end: int) -> int:
        i = inner_end
        while i < len(self.text) and self.text[i] in ",”\"’ ":
            i += 1
        return i

    def _ends_speech(self, inner_end: int, close_at: int) -> bool:
        marks = self.text[inner_end - 3 : close_at + 1]  # "…[,]"": a bracketed comma ends speech too
        return any(ch in marks for ch in ",.!?—–…")

    def _head(self, sentence_start: int, open_at: int, colon: bool = False):
        head = self.text[sentence_start:open_at]
        cues = [c for c in CUE.finditer(head) if not self._in_quote(sentence_start + c.start())]
        while len(cues) > 1 and describes_document(head, cues[-1].start()):  # "said in a statement posted online"
            cues.pop()
        # "The palace issued the following statement from the king: "…"", "announced an order by X directing
        # units to "…"": the document's author speaks, whoever passed it on
        for lead in _DOCUMENT_BY.finditer(head, cues[-1].end() if cues else 0):
            if not self._in_quote(sentence_start + lead.start()) and (
                    source := self._document_source(sentence_start + lead.start(), open_at, cues[-1].group()
                                                    if cues else None)) and source[0]:
                return source
        if cues:
            cue = cues[-1]
            if cue.group().lower() in ("according to", "in the words of"):
                end = self._source_end(sentence_start + cue.end(), sentence_start + len(head.rstrip(" ,:“\"‘")))
                return self._subject(sentence_start + cue.end(), end, cue.group().lower(), after=True)
            if quoted := _QUOTED_AS.search(head, 0, cue.start()):  # "GovExec.com quotes a Senate aide as saying"
                return self._subject(sentence_start + quoted.start(1), sentence_start + quoted.end(1), cue.group(),
                                     after=True)
            if by := re.match(r"\s+by\s+(?!\w+ing\b)", head[cue.end() :]):  # "described by X as", not "by saying"
                start = sentence_start + cue.end() + by.end()
                return self._subject(start, open_at, cue.group(), after=True)
            # "Smith called it "odd"; Miller said "…"", "Schumer said "…," while Trump noted his "…"": the subject
            # is in the verb's own clause
            clauses = list(_CLAUSE_BREAK.finditer(head, 0, cue.start())) \
                + list(_AND_NAME_CLAUSE.finditer(head, 0, cue.start()))
            clauses.sort(key=lambda m: m.end())
            start = sentence_start + clauses[-1].end() if clauses else sentence_start
            if _CLAUSE_BREAK.search(head, cue.end()):  # "I told my mom, and she's like "…"": the verb is not its
                return None
            return self._subject(start, sentence_start + cue.start(), cue.group())
        if (verb := _COURT_VERB.search(head)) and _COURT.search(head, 0, verb.start()) \
                and (court := self._subject(sentence_start, sentence_start + verb.start(), verb.group())) and court[0] \
                and (_COURT.search(court[0]) or self._named_people(sentence_start, sentence_start + verb.start())):
            return court  # a court or a judge, not a body named in an aside ("the court on matters of EU law")
        if head.rstrip().endswith(":") or colon:  # "X: "…"" and "X connected it to the unwinding: "…""
            return self._subject(sentence_start, sentence_start + len(head.rstrip().rstrip(":")), None)
        return None
