"""Who said a quote, as the article presents it.

The attribution is looked for where news writing puts it: right after the quote ("…," X said / said X /
according to X), between the pieces of a split quote, in the sentence that introduces it (X said: "…",
X said that "…", X: "…"), or in a paragraph that ends with a colon before a paragraph-long quote. The subject it
names is then resolved with the article's entity mentions (``store.extract.name_completion`` completes names,
``store.extract.pointer_resolution`` says what a pronoun or "the <title>" points to):
- a person → the person's full name as first given (titles dropped); "Mr Surname", a surname alone and a
  pronoun resolve to the last person the article named outside quotes;
- an organisation (no person) → the organisation's full name; "the company", "it" → the last organisation;
- an unnamed source ("a spokesman", "analysts", "one official") → no name rather than a guess.
"""

from __future__ import annotations

import re

from store.extract.gazetteer import gazetteer
from store.extract.name_completion import WINDOW
from store.extract.org_speakers import (
    SourceNames,
    describes_document,
    document_before_which,
    document_name,
    quoted_as,
    reported_subject,
)
from store.extract.pointer_resolution import PRONOUN, RELATIVE, SUBJECT_PRONOUN
from store.extract.quote_cues import (
    COMPANY_NOUNS,
    CUE,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    ROLE_NOUNS,
    TITLE_NOUNS,
    TITLES,
    attribution_after,
)
from store.extract.speaker_names import person_name, within
from store.model import Block, Mention

_NAME = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|bin|al|da|del|la))*")
_SAID_FIRST = re.compile(rf"[\s,.—–-]*(?:{CUE_VERBS})\s")  # "…" said lead author David Livermore: no doubt
# the last relative clause naming its own subject, not an aside between dashes ("— which the BBC noted —")
_RELATIVE = re.compile(r".*(?<![—–(]\s)\b(?:which|whom)\s+(?=the\b|someone\b|somebody\b|[A-Z])", re.DOTALL)
# "She left the series.", "Underwhelmed with her role, she left the series.", and a question's subject after its
# auxiliary: "Why did she want to go so badly?"
_OPENS_WITH_PRONOUN = re.compile(r"\s*(?:[^,.;“”\"]{0,40},\s*)?(?:(?:Why|How|What|When|Where)\s+(?:[a-z]+\s+)?"
                                 r"(?:did|does|do|was|is|were|are|has|had|would|will|could|can|should)\s+)?"
                                 r"(?:He|She|he|she)\b")
_SURNAME = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?")  # one capitalised word, not an acronym ("AIM")
_SENTENCE_START = re.compile(r"[.!?][”\"’)]?\s+")
# "Saying X is …, Y said"
_IN_OPENING_CLAUSE = re.compile(r"(?:^|,\s*)(?:[Aa]s|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Ii]f|[Aa]lthough|[Tt]hough|"
                                r"[Bb]ecause|[Ss]ince|[Uu]ntil|[Oo]nce|^(?!According)[A-Z][a-z]+ing)\b[^,]*$")
_PRONOUN_FIRST = re.compile(r"(?:[Hh]e|[Ss]he)(?:\s+[a-z]+){1,4}")  # "she went on to" say, "he later" added
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_OBJECT_PRONOUN = re.compile(r"\s*(?:him|her)\b(?!\s+[a-z])")  # "according to him, …", not "her spokesman"
_PAST = re.compile(r"[a-z]ed\b")  # "Jones thanked Smith and said": Smith is the object
# a relative clause whose verb is the quote's: "…, who said", "…, who later told reporters"
_WHO_SAID = re.compile(r",?\s+who(?:\s+(?:also|later|then|had|has|\w+ly))?$")
# a sentence about "the company" or its like, or what it has: "The company's upcoming helmet is …", "The study
# accounts for …" (not "The government plan is …")
_BODY_OPENS = re.compile(rf"\s*(the\s+(?:{COMPANY_NOUNS}))(?:['’]s\b|\s+(?:itself\s+)?[a-z]+(?:ed|s)\b)", re.IGNORECASE)
# a relative clause or a participle between commas, before the verb: "X, which owns Y,", "X, founded in 1998,"
_ASIDE = re.compile(r",\s+(?:which|who|whose|[a-z]+ed\s|[a-z]{3,}ing\s)[^,]*$")
# (not ", and" before a name: "officials, including Brennan, Panetta, and Hayden, said")
_CLAUSE_BREAK = re.compile(r';\s+|,[”"’]?\s+(?:(?:while|whereas|but|although|though)\s+(?=[A-Z])'
                           r'|and\s+(?=(?:he|she)\b))')
# a source the article names by the name they gave: "a protester using the pseudonym Katya", "a resident who gave
# her name only as Maria", "a student identified only as Ahmed"
_PSEUDONYM = re.compile(r"\b(?:(?:pseudonym|alias|nickname)|gave\s+(?:his|her|their)\s+name(?:\s+only)?\s+as|"
                        r"identified\s+only\s+as|known\s+only\s+as)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_THE_OPENS = re.compile(r"\s*The\s")
# a paraphrase's attribution closing its sentence: "…, Howitt says.", "…, she said."
_CLOSING_ATTRIBUTION = re.compile(
    rf",\s+((?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*|he|she)\s+({CUE_VERBS})\.\s*$")
# a dash and a name ending the paragraph, after a quote or alone in the next one: "“…” — Neil Gaiman", "– Mel****"
_SIGNATURE = re.compile(r"\s*[—–]\s*([A-Z][\w'’.*-]*(?:\s+[\w'’.*-]+){0,3}?)\s*(?:,[^.!?“”\"]{0,80})?\s*$")
_DOCUMENT_BY = re.compile(rf"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{DOCUMENT_NOUNS})"
                          r"\s+(?:from|by)\s+", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\b(?:quoted|quotes|quoting)\s+(.{1,80}?)\s+as\s+$")  # the one quoted, not who quotes
# what someone known by a title wrote, or a part of it: "Part of the judge's statement", "the minister's letter"
_HOLDERS_DOCUMENT = re.compile(rf"\s*(?:(?:[Pp]arts?|[Aa]n\s+excerpt|[Aa]\s+portion|[Oo]ne\s+line)\s+(?:of|from)\s+)?"
                               rf"([Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{TITLE_NOUNS}|{ROLE_NOUNS}))['’]s?"
                               rf"\s+(?:[\w-]+\s+)?(?:{DOCUMENT_NOUNS})s?\s*")
# a verb of saying after a form of "be" is a passive: "Sales are predicted to have dipped"
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")
# "…," Ann Lee, an analyst for Acme. — a name and its appositive closing the sentence
_NAME_AND_ROLE = re.compile(r"\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+(?:a|an|the)\s"
                            r"[^.!?;:“”\"]{1,100}\.(?=\s|$)")
_LEADING_PRONOUN = re.compile(r"\s*(?:He|She)\b")
# "he"/"she" opening the verb's own clause, no comma between them: the subject, and any name after it in that clause
# its object ("…; he described the attacks as a "…" and urged", "…, as he talks to Tom Hale about it, saying")
_CLAUSE_PRONOUN = re.compile(r"(?:^|[,;]\s+|\b(?:as|and|but|while|whereas|so|then)\s+)(?P<pronoun>[Hh]e|[Ss]he)\b"
                             r"(?=(?:[^,;“”\"]|“[^“”]*”|\"[^\"]*\")*,?\s*$)")
# "It also credited Leonov with …, noting "…"": the organisation opens the clause; not an empty "It is", "It seems"
_LEADING_IT = re.compile(r"\s*It\s+(?!(?:is|was|'s|’s|has been|had been|will be|would be|seems|seemed|appears|"
                         r"appeared|remains|remained|may|might|could)\b)")


class Speakers(SourceNames):
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
            return (*pointer, None) if (pointer := self._pointer(body_first.group(1), start)) else None
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
            clauses = list(_CLAUSE_BREAK.finditer(head, 0, cue.start()))
            start = sentence_start + clauses[-1].end() if clauses else sentence_start
            if _CLAUSE_BREAK.search(head, cue.end()):  # "I told my mom, and she's like "…"": the verb is not its
                return None
            return self._subject(start, sentence_start + cue.start(), cue.group())
        if head.rstrip().endswith(":") or colon:  # "X: "…"" and "X connected it to the unwinding: "…""
            return self._subject(sentence_start, sentence_start + len(head.rstrip().rstrip(":")), None)
        return None

    def _subject(self, start: int, end: int, cue: str | None, after: bool = False):
        """The speaker named in ``text[start:end]`` (before its verb, or after it when ``after``)."""
        if source := self._source(start, end, cue):  # "a statement from X read", "according to officials, …"
            return source
        chunk = self.text[start:end].rstrip(" ,")
        if not after and (holder := _HOLDERS_DOCUMENT.fullmatch(chunk)) \
                and (pointer := self._pointer(holder.group(1), start + holder.start(1))) and pointer[0]:
            return (*pointer, cue)  # "Part of the judge's statement reads": the judge named before
        if document := document_name(chunk):  # "The 14th Amendment states", "Republic Act No. 3846, …, states"
            return document, None, cue
        if not after and self.text[start:end].rstrip().endswith(",") and (aside := _ASIDE.search(chunk)):
            chunk, end = chunk[: aside.start()], start + aside.start()  # "Google, which owns YouTube, said"
        if not after and (relative := _RELATIVE.match(chunk)) and relative.end() < len(chunk):
            start, chunk = start + relative.end(), chunk[relative.end() :]  # "a novel, which the Times called"
        if not after and (who := _WHO_SAID.search(chunk)):  # "Jones was praised by Smith, who said": Smith
            before_who = self._named_people(start, start + who.start())
            if before_who:
                return (*self._person(before_who[-1]), cue)
        if not after and (quoted := quoted_as(chunk)):  # "GovExec.com quotes a "Senate aide" as saying"
            start, end, chunk = start + quoted[0], start + quoted[1], chunk[quoted[0] : quoted[1]]
        if not after and (reported := reported_subject(chunk)):  # "he observed that the government had stated"
            start, chunk = start + reported, chunk[reported:]
        if not after and _LEADING_PRONOUN.match(chunk) and (person := self.pronoun_person(start)) is not None:
            return (*person, cue)  # "He provided the text of a message he sent to X:"
        if not after and (clause := _CLAUSE_PRONOUN.search(chunk)) \
                and (person := self.pronoun_person(start + clause.start("pronoun"))) is not None:
            return (*person, cue)
        if not after and _LEADING_IT.match(chunk) and (org := self.org_antecedent(start)) is not None:
            return self._organisation(org), org.entity, cue
        if after and _OBJECT_PRONOUN.match(chunk) and (person := self.pronoun_person(start)) is not None:
            return (*person, cue)  # "According to him, …"
        if after and _PRONOUN_FIRST.fullmatch(chunk) and "," in self.text[max(0, start - 4) : start] \
                and (person := self.pronoun_person(start)) is not None:
            return (*person, cue)  # "…," she went on to say.
        if pseudonym := _PSEUDONYM.search(chunk):  # "said a protester using the pseudonym Katya": named so
            return pseudonym.group(1), None, cue
        people = self._named_people(start, end)
        if RELATIVE.search(chunk) and all(self._in_passing(p) for p in people):
            return None, None, cue  # "Ford's late father told", not "X, Ford's editor, said": the father, unnamed
        if people:
            tail_start = people[-1].end
            tail = self.text[tail_start : start + len(chunk)]
            # "Thomas' sister pleaded with Gloria's doctor, but he replied": the pronoun is the subject
            if not after and (pronoun := PRONOUN.search(tail.strip())) and pronoun.group().lower() in ("he", "she") \
                    and (person := self.pronoun_person(tail_start + tail.index(pronoun.group()))) is not None:
                return (*person, cue)
            # "In his message, he praised Soleimani's life": every person in passing, the pronoun speaks
            if not after and all(self._in_passing(p) for p in people) and (pronoun := SUBJECT_PRONOUN.search(chunk)) \
                    and (person := self.pronoun_person(start + pronoun.start())) is not None:
                return (*person, cue)
            if not after and self._unnamed_group(start, people):  # "Fifty officials, including X, signed"
                return None, None, cue
            speaker = self._subject_of(people)
            last, between = people[-1], self.text[speaker.end : people[-1].start]
            if not after and not self.text[last.end : start + len(chunk)].strip(" ,") and "," not in between \
                    and _LOWER_WORD.search(between) and not _PAST.search(between) and not self._in_passing(last):
                speaker = last  # "Trump aide Jason Miller said": the name at the verb, after its role
            if body := self.persons_body(speaker):  # "the Biden campaign", "Erdogan's office"
                return (*body, cue)
            return (*self._person(speaker), cue)
        if pointer := self._pointer(chunk.strip(), start, anywhere=not after):
            return (*pointer, cue) if pointer != (None, None) else (None, None, cue)
        chunk_end = start + len(chunk)
        if missed := self._missed_person(start, chunk_end) or self._name_at_verb(start, chunk_end, after):
            return missed, None, cue
        orgs = [m for m in within(self.entities, start, end)
                if (m.label == "ORG" or (m.label == "OTHER" and len(m.text.split()) > 1))  # not "Japanese"
                and not self._after_preposition(m)]  # not "posted on Twitter", "told The EastAfrican"
        if orgs:
            org = orgs[0] if after else orgs[-1]
            return self._organisation(org), org.entity, cue
        for match in _NAME.finditer(chunk):
            if self._in_quote(start + match.start()):
                continue
            name = match.group()
            resolved = self._by_surname(name.split()[-1], start + match.start()) or self._named_in_text(name)
            if resolved:
                return (*resolved, cue)
            if spelt := self._spelt_out(match.group()):  # "the SDF said", the extractor missing the acronym
                return spelt, None, cue
        # Last resort, a name the extractor missed: "Kaoru Yosano, the Japanese minister, said"
        if (named := re.match(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?:,|$)", chunk.strip())) and \
                named.group(1).split()[0].casefold() not in gazetteer().common_words:
            return named.group(1), None, cue
        if self._lone_surname(chunk.strip(), after):  # "…", Water said. / Wasif suggested, "…"
            return chunk.strip(), None, cue
        return None

    def _in_passing(self, person: Mention) -> bool:
        """A person named after a preposition or as a possessor ("of Luke Skywalker's helmet"), no subject."""
        return self._after_preposition(person) or self.text.startswith(("'s", "’s"), person.end)

    def _name_at_verb(self, start: int, end: int, after: bool) -> str | None:
        """A person's name the extractor ran into the words before it and took for an organisation, right at the
        verb ("… European Commissioner for Competition Neelie Kroes said"): capitalised words no dictionary
        has, once the leading English words are dropped ("Central Bank" stays a bank's)."""
        common = gazetteer().common_words
        for m in within(self.entities, start, end):
            if (m.start == start if after else m.end == end) and m.label in ("ORG", "OTHER"):
                name = person_name(m.text, gazetteer().first_names, common)
                words = name.split()
                capitalised = all(w[:1].isupper() and w.casefold() not in common for w in words)
                if name != m.text and 2 <= len(words) <= 3 and capitalised:
                    return name
        return None

    @staticmethod
    def _lone_surname(word: str, after: bool) -> bool:
        """A single capitalised word that is the whole subject of a verb of saying is a surname the extractor
        missed: after a quote any such word (its capital is no sentence start's), before one a word that is no
        common word ("Police said" is not a person), never a title or pronoun."""
        if not re.fullmatch(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?", word) or word.casefold() in TITLES:
            return False
        if word.casefold() in ("he", "she", "they", "it", "we", "i", "this", "that", "there"):
            return False
        return after or word.casefold() not in gazetteer().common_words

    def _subject_of(self, people: list[Mention]) -> Mention:
        """Of the people named in an attribution, the one who speaks: the first not named after a preposition
        ("In a letter to Pelosi, Trump wrote"), as a possessor ("Trump's lawyer") or in a clause opening the
        sentence ("Once, when Trump interjected, Biden said")."""
        common = gazetteer().common_words
        # "The Senate Minority Leader, Chuck Schumer": the title is no name; a surname that is a word ("Trump") is
        first_names = gazetteer().first_names
        named = [p for p in people if _SURNAME.fullmatch(p.text) or p.text.split()[0] in first_names
                 or not all(w.casefold() in common or w.casefold() in TITLES for w in p.text.split())]
        # "Member of Parliament (MP) Yvette Cooper": an abbreviation in brackets stands for the words before it
        named = [p for p in named if not (self.text[p.start - 1 : p.start] == "(" and self.text.startswith(")", p.end))]
        people = named or people
        for person in people:
            after = self.text[person.end : person.end + 2]
            before = _SENTENCE_START.split(self.text[max(0, person.start - 80) : person.start])[-1]
            if not self._after_preposition(person) and not after.startswith(("'s", "’s")) \
                    and not _IN_OPENING_CLAUSE.search(before):
                return person
        return people[0]
