"""What an attribution clause says of its source, read from its words alone (no article around it).

Plain functions over a clause's text, for ``org_speakers`` and the speaker rules that call them: a law that speaks
its own words ("Article 2, Section 1", "the Gold Reserve Act of 1934, which gives …"), the one a publication quotes
("X quotes Y as" saying), the subject of a reported clause ("he observed that the government had" stated), a verb
that is a document's participle ("said in a statement posted online").
"""

from __future__ import annotations

import re

from store.extract.quote_cues import DOCUMENT_NOUNS
from store.extract.speaker_names import PARTICLES

# words that open a sentence or a clause, never the first word of a name
OPENING_WORDS = {"The", "A", "An", "In", "On", "At", "For", "By", "With", "From", "To", "Of", "As", "And", "But",
                 "Then", "After", "Before", "During", "Since", "While", "When", "If", "Yesterday", "Today"}
_REPORTED = re.compile(r".*\bthat\s+(?=(?:the\b|its\b|[A-Z])[^,;:]*$)", re.DOTALL)  # the last "that"
_QUOTED_AS = re.compile(r"\b(?:quotes|quoted|quoting|cites|cited|citing)\s+(\S.*?)\s+as$")
_REPORTED_WORDS = 6  # "the federal government had already": a longer phrase is narrative, not a subject
# a name of capitalised words, numbers and "No.", "of", "to the" that a law's name may hold
_DOCUMENT_RUN = re.compile(r"\s*(?:The\s+)?((?:(?:[A-Z0-9][\w.'’§-]*|of|to|the)(?:,?\s+|,?$))+)")
_PARTICLE_NAME = re.compile(rf"(?:(?:{'|'.join(sorted(PARTICLES))})\s+)+[A-Z]")  # a surname going on after a particle
_DOCUMENT_HEADS = re.compile(r"Act|Amendment|Article|Section|Constitution|Charter|Treaty|Convention|Code|Bill|"
                             r"Resolution|Declaration|Decree|Statute|Ordinance|Directive|Regulation|Clause")
_WHICH = re.compile(r",\s+which\s+[^,.;:“”\"]*$")
_NAME_AT_END = re.compile(r"[A-Z0-9][\w.'’§-]*(?:\s+(?:[A-Z0-9][\w.'’§-]*|of|to|the))*$")
_AFTER_DOCUMENT = re.compile(rf"\b(?:{DOCUMENT_NOUNS})s?\s+$", re.IGNORECASE)


def describes_document(text: str, at: int) -> bool:
    """Whether the verb at ``at`` follows a document's noun, as the participle describing it when a verb of
    saying came before ("said in a statement posted online that"): no verb of the sentence."""
    return _AFTER_DOCUMENT.search(text[max(0, at - 40) : at]) is not None


def quoted_as(chunk: str) -> tuple[int, int] | None:
    """Where the one a publication quotes stands in "X quotes Y as" (saying): Y's span in ``chunk`` ("GovExec.com
    quotes a "Senate aide" as" → a "Senate aide", an unnamed source, not the Senate nor GovExec.com)."""
    found = _QUOTED_AS.search(chunk)
    return found.span(1) if found is not None else None


def reported_subject(chunk: str) -> int | None:
    """Where the subject of a verb of saying begins when it is the subject of a clause reported by another verb
    ("he observed that the federal government had already" stated): after the last "that" followed by a short
    phrase opening with "the", "its" or a name; None when there is none."""
    found = _REPORTED.match(chunk)
    return found.end() if found is not None and len(chunk[found.end() :].split()) <= _REPORTED_WORDS else None


def document_name(chunk: str) -> str | None:
    """The name of a law or a part of one opening ``chunk``, which speaks its own words: "Republic Act No. 3846",
    "The 14th Amendment", "Article 2, Section 1", "Gold Reserve Act of 1934" (a head word such as Act, Article or
    Amendment last or before a number or "of", not a given name: "Bill Clinton")."""
    run = _DOCUMENT_RUN.match(chunk)
    if run is None or _PARTICLE_NAME.match(chunk, run.end()):  # "Mayor Bill de Blasio" is a person
        return None
    words = run.group(1).replace(",", " ,").split()
    while words and (words[-1] in (",", "of", "to", "the") or words[-1] in OPENING_WORDS):
        words.pop()
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        if _DOCUMENT_HEADS.fullmatch(word) and (
            following is None or following in ("of", "to", ",") or following[:1].isdigit() or following == "No."
        ):
            return " ".join(words).replace(" ,", ",")
    return None


def document_before_which(head: str) -> str | None:
    """A law named right before a relative clause that holds the quote: the law's own words ("permitted under the
    Gold Reserve Act of 1934, which gives the Treasury the permission "…"")."""
    clause = _WHICH.search(head)
    if clause is None:
        return None
    named = _NAME_AT_END.search(head, 0, clause.start())
    return document_name(named.group()) if named else None
