"""Direct quotes and who said them.

Finds quotes in “…”, "…" and ‘…’ (nested quotes stay inside the outer one), quotes that fill a whole
paragraph after an introducing line ("She said:"), and quotes split by an attribution ("…," X said, "…").
Speakers come from the attribution around the quote ("X said", "said X", "X, title at Y, said",
"according to X", "X pointed out: …"), with pronouns and surnames resolved to the last named person and a
title-only reference ("the CEO said") to the last person introduced with that title.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from store.model import Block, Mention

CUE_VERBS = (
    "said|says|say|told|tells|added|adds|noted|notes|stated|states|emphasized|emphasised|emphasizes|stressed|"
    "pointed out|points out|observed|observes|argued|argues|explained|explains|wrote|writes|warned|warns|"
    "characterized|characterised|characterizes|described|describes|identified|articulated|commented|"
    "remarked|continued|insisted|suggested|suggests|believes|believed|hailed|called|calls|predicted|"
    "cautioned|acknowledged|admitted|conceded|asked|asks|replied|responded|posted|tweeted|declared|"
    "announced|claimed|claims|concluded|summed up|put it|provided context"
)
TITLE_WORDS = (
    "ceo|chief executive|cfo|chairman|chairwoman|president|founder|co-founder|analyst|strategist|economist|"
    "spokesperson|spokesman|spokeswoman|director|manager|investor|minister|governor|official|head"
)
MIN_UNATTRIBUTED_WORDS = 4  # shorter unattributed quotes are scare quotes ("amazing"), not speech
SKIPPED_BLOCKS = {"title", "heading", "reference", "boilerplate"}

_NAME = r"\b[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|bin|al)){0,4}"
_CUE = re.compile(rf"\b(?:{CUE_VERBS})\b")
_POINTER = re.compile(rf"\b(?:he|she|they|the (?:{TITLE_WORDS}))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s+")
_ABBREVIATIONS = {"mr", "ms", "mrs", "dr", "st", "inc", "corp", "co", "jr", "sr", "vs", "no", "u.s", "u.k", "e.g", "i.e"}
_FUNCTION_WORDS = {"The", "This", "That", "It", "Its", "These", "Those", "But", "And", "In", "On", "As", "If", "While"}

@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: ``start``/``end`` cover the quoted words (marks excluded)."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_entity: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    entity: str | None
    cue: str | None


def find_quotes(text: str, blocks: list[Block], mentions: list[Mention]) -> list[Quote]:
    """Every direct quote in the article, in order, with its speaker where one can be found."""
    people = [m for m in mentions if m.kind == "entity" and m.label == "PERSON"]
    names = [m for m in mentions if m.kind == "entity"]
    _LONGEST.clear()  # the names of the previous article (or a concurrent call's: they are rebuilt if needed)
    quotes: list[Quote] = []
    previous_block: Block | None = None
    previous_speaker: _Speaker | None = None
    for block in blocks:
        if block.kind in SKIPPED_BLOCKS:
            continue
        block_quotes: list[Quote] = []
        for start, end, open_at, close_at in _quote_spans(text, block.start, block.end):
            head = text[_sentence_start(text, block.start, open_at) : open_at]
            tail = text[close_at : min(block.end, close_at + 200)]
            speaker = _attribution(text, head, tail, open_at, close_at, people, names)
            whole_paragraph = open_at == block.start and (close_at >= block.end - 1)
            if speaker is None and whole_paragraph and previous_block is not None:
                speaker = _from_previous_block(text, previous_block, people, names) or previous_speaker
            last = block_quotes[-1] if block_quotes else None
            if speaker is None and last is not None and last.speaker and _is_continuation(text, last.end, open_at):
                speaker = _Speaker(last.speaker, last.speaker_entity, last.cue)
            words = len(text[start:end].split())
            if speaker is None and words < MIN_UNATTRIBUTED_WORDS:
                continue
            quote = Quote(start, end, text[start:end], *(speaker and (speaker.name, speaker.entity, speaker.cue) or (None, None, None)))
            block_quotes.append(quote)
        # A quote split by its attribution ("…," X said, "…") gives both halves the speaker.
        for i, quote in enumerate(block_quotes[:-1]):
            following = block_quotes[i + 1]
            if quote.speaker and not following.speaker and _is_continuation(text, quote.end, following.start - 1):
                block_quotes[i + 1] = Quote(following.start, following.end, following.text, quote.speaker, quote.speaker_entity, quote.cue)
        quotes.extend(block_quotes)
        if block_quotes and block_quotes[-1].speaker:
            previous_speaker = _Speaker(block_quotes[-1].speaker, block_quotes[-1].speaker_entity, block_quotes[-1].cue)
        elif not (block_quotes and text[block.start] in OPENERS):
            previous_speaker = _subject_speaker(text, block, people, names)
        previous_block = block
    return quotes


OPENERS = {"“": "”", '"': '"', "‘": "’"}


def _quote_spans(text: str, start: int, end: int):
    """(inner start, inner end, opening mark offset, offset after the closing mark) of each outermost quote."""
    i = start
    while i < end:
        mark = text[i]
        if mark in OPENERS and _opens(text, i, start):
            close = _find_close(text, i + 1, end, mark)
            if close is None:
                if i == start:  # a paragraph-long quote whose closing mark is left to the next paragraph
                    yield i + 1, end, i, end
                    return
                i += 1
                continue
            inner_start, inner_end = i + 1, close
            while inner_end > inner_start and text[inner_end - 1] in " ,":
                inner_end -= 1
            if inner_end > inner_start:
                yield inner_start, inner_end, i, close + 1
            i = close + 1
            continue
        i += 1


def _opens(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "‘":
        return not before.isalnum() and after.isalnum()
    return not after.isspace() and not before.isalnum()


def _find_close(text: str, i: int, end: int, mark: str) -> int | None:
    closer = OPENERS[mark]
    while i < end:
        ch = text[i]
        if ch == closer and (closer != "’" or i + 1 >= end or not text[i + 1].isalpha()):
            if mark == '"' or text[i - 1] != " " or closer == "”":
                return i
        elif ch in ("“", "‘") and ch != mark and _opens(text, i, i):
            inner = _find_close(text, i + 1, end, ch)
            if inner is not None:
                i = inner
        i += 1
    return None


def _sentence_start(text: str, block_start: int, at: int) -> int:
    """Where the sentence holding ``at`` begins, not fooled by initials ("T. Rowe Price") or "U.S."."""
    start = block_start
    for match in _SENTENCE_END.finditer(text, block_start, at):
        word = text[max(block_start, match.start() - 6) : match.start()].split()[-1:] or [""]
        token = word[0].lstrip("(“\"‘").casefold()
        if len(token) == 1 or token in _ABBREVIATIONS:
            continue
        start = match.end()
    return start


def _is_continuation(text: str, previous_end: int, open_at: int) -> bool:
    between = text[previous_end:open_at]
    return len(between) < 160 and not re.search(r"[.!?]\s+[A-Z]", between.strip(" ,.”\"’"))


def _attribution(text, head, tail, open_at, close_at, people, names) -> _Speaker | None:
    """The speaker named right after the quote ("…," X said / said X) or in the sentence that introduces it."""
    ends_speech = text[close_at - 2] in ",.!?—" or tail[1:2] == ","
    after = re.match(rf"[\s,.;:!?—–-]*(?P<chunk>[^.“”\"]{{0,160}}?)\s*\b(?P<cue>{CUE_VERBS})\b", tail)
    if after and ends_speech and len(after.group("chunk").split()) <= 12:
        chunk_start, chunk_end = close_at + after.start("chunk"), close_at + after.end("chunk")
        speaker = _speaker_in(text, chunk_start, chunk_end, people, names, after.group("cue"), last=True)
        if speaker is None and not after.group("chunk").strip():  # "…," said X
            cue_end = close_at + after.end("cue")
            said_who = re.match(rf"\s+({_NAME})", text[cue_end : cue_end + 80])
            if said_who:
                speaker = _speaker_in(text, cue_end, cue_end + said_who.end(), people, names, after.group("cue"))
        if speaker:
            return speaker
    head_start = open_at - len(head)
    cues = list(_CUE.finditer(head))
    according = re.search(r"\b[Aa]ccording to\b", head)
    if according and (not cues or cues[-1].start() < according.start()):
        return _speaker_in(text, head_start + according.end(), open_at, people, names, "according to")
    if cues:
        cue = cues[-1]
        if by := re.match(r"\s+by\s+", text[head_start + cue.end() : open_at]):  # passive: "described by X as"
            return _speaker_in(text, head_start + cue.end() + by.end(), open_at, people, names, cue.group())
        return _speaker_in(text, head_start, head_start + cue.start(), people, names, cue.group())
    if head.rstrip().endswith(":"):  # "X connected the strength to the unwinding: “…”" — the subject speaks
        return _speaker_in(text, head_start, open_at, people, names, None)
    return None


def _from_previous_block(text, block: Block, people, names) -> _Speaker | None:
    """The speaker named by an introducing line such as "Mamta Valechha noted:" or "He emphasized:"."""
    if not text[block.start : block.end].rstrip().endswith(":"):
        return None
    sentence_start = _sentence_start(text, block.start, block.end - 1)
    cues = list(_CUE.finditer(text, sentence_start, block.end))
    cue_at = cues[-1].start() if cues else block.end
    return _speaker_in(text, sentence_start, cue_at, people, names, cues[-1].group() if cues else None)


def _subject_speaker(text, block: Block, people, names) -> _Speaker | None:
    """Who a paragraph attributes speech to, for a following paragraph-long quote with no attribution."""
    cue = _CUE.search(text, block.start, block.end)
    if cue is None:
        return None
    sentence_start = _sentence_start(text, block.start, cue.start())
    return _speaker_in(text, sentence_start, cue.start(), people, names, cue.group())


def _speaker_in(text, start, end, people, names, cue, last=False) -> _Speaker | None:
    """The speaker named in ``text[start:end]``: a person mention (the first, or the last when the name sits
    right before its verb), else a pronoun or "the <title>" resolved backwards, else an organisation, else a
    capitalised name."""
    inside = _within(people, start, end)
    if inside:
        person = inside[-1] if last else inside[0]
        return _Speaker(_full_name(person, people), person.entity, cue)
    if pointer := _POINTER.search(text, start, end):
        word = pointer.group().lower()
        pointed = (
            _last_with_title(text, people, pointer.start(), word[4:])
            if word.startswith("the ")
            else _last_before(people, pointer.start())
        )
        return _Speaker(_full_name(pointed, people), pointed.entity, cue) if pointed else None
    named = [m for m in _within(names, start, end) if m.label in ("ORG", "OTHER")]
    if named:
        org = named[-1] if last else named[0]
        return _Speaker(_full_name(org, names), org.entity, cue)
    for match in re.finditer(_NAME, text[start:end]):
        words = match.group().split()
        while words and words[0] in _FUNCTION_WORDS:
            words.pop(0)
        if words and (len(words) > 1 or match.start() > 0 or last):
            return _Speaker(" ".join(words).strip(" ,.’'"), None, cue)
    return None


def _within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions inside ``[start, end)``, in order; ``mentions`` are sorted by start, so this is a bisection,
    not a scan (a scan per quote made long articles quadratic: minutes for a few MB)."""
    near = mentions[bisect_left(mentions, start, key=_start) : bisect_right(mentions, end, key=_start)]
    return [m for m in near if m.start >= start and m.end <= end]


def _start(mention: Mention) -> int:
    return mention.start


def _end(mention: Mention) -> int:
    return mention.end


def _before(people: list[Mention], offset: int) -> list[Mention]:
    """The mentions ending at or before ``offset``; entity spans do not overlap, so their ends are sorted too."""
    return people[: bisect_right(people, offset, key=_end)]


def _last_before(people: list[Mention], offset: int) -> Mention | None:
    before = _before(people, offset)
    return before[-1] if before else None


def _last_with_title(text: str, people: list[Mention], offset: int, title: str) -> Mention | None:
    for person in reversed(_before(people, offset)):
        if title in text[max(0, person.start - 60) : person.end + 80].lower():
            return person
    return None


# id(mentions) → (mentions, entity → longest text): built once per list instead of a scan per speaker.
_LONGEST: dict[int, tuple[list[Mention], dict[str, str]]] = {}


def _full_name(mention: Mention, mentions: list[Mention]) -> str:
    """The longest way the article names this entity ("Altman" → "Sam Altman")."""
    cached = _LONGEST.get(id(mentions))
    if cached is None or cached[0] is not mentions:
        longest: dict[str, str] = {}
        for m in mentions:
            if m.entity and len(m.text) > len(longest.get(m.entity, "")):
                longest[m.entity] = m.text
        cached = _LONGEST[id(mentions)] = (mentions, longest)
    return cached[1].get(mention.entity, mention.text) if mention.entity else mention.text
