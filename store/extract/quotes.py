"""Direct quotes and who said them.

A quote is the text between a pair of quote marks (“…”, "…", ‘…’, and the marks of other styles that
``quote_marks`` reads as these: « … », „ … “, `` … '' …; nested quotes stay inside the outer one) of four words or
more. Pieces that belong together are one quote with several ``parts``: a quote split by its
attribution ("We are pleased," he said, "with it.") unless the continuation has an attribution of its own,
and a quote running over several paragraphs (an opening mark on each paragraph, the closing mark only on the
last). Its speaker is found by ``store.extract.quote_speakers``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from store.extract.quote_cues import CUE, CUE_VERBS, attribution_after, is_attribution
from store.extract.quote_marks import FILL, with_curly_marks
from store.extract.quote_speakers import Speakers
from store.extract.quoted_names import is_title, names_something
from store.model import Block, Mention

MIN_WORDS = 4  # shorter quoted phrases are scare quotes and terms ("law and order"), not speech
SKIPPED_BLOCKS = {"title", "heading", "reference", "boilerplate"}
OPENERS = {"“": "”", '"': '"', "‘": "’"}
_MARK = re.compile("[“\"‘]")
MAX_ATTRIBUTION_SENTENCE = 25  # words of an attribution that is a sentence between two quotes
MAX_PARAGRAPHS = 8  # a quote running over more paragraphs than this is a missing closing mark, not speech
# web text mixes straight and curly marks ("…,” Trump tweeted; “…," she said): the other style closes a quote
# that its own style leaves open
OTHER_CLOSER = {'"': "”", "“": '"'}
# a short passage quoted whole this many times is a slogan or catchphrase the story is about, not speech
REFRAIN_TIMES = 3
MAX_REFRAIN_WORDS = 8


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote. ``parts`` are the quoted pieces (marks excluded); ``start``/``end`` run from the first
    piece's start to the last one's end, and ``text`` is the pieces joined by a space."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_entity: str | None
    cue: str | None
    parts: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class _Span:
    """Quoted pieces being assembled: ``open_at`` is the first opening mark, ``close_at`` the offset after the
    last closing mark (or the paragraph end when the mark is left to a later paragraph)."""

    parts: list[tuple[int, int]]
    open_at: int
    close_at: int
    closed: bool
    block: int  # the paragraph holding the last piece
    first_block: int


def find_quotes(text: str, blocks: list[Block], mentions: list[Mention]) -> list[Quote]:
    """Every direct quote of four words or more in the article, in order, with its speaker where one is named."""
    marked = with_curly_marks(text)  # other styles' marks as curly ones, offsets unchanged
    readable = [b for b in blocks if b.kind not in SKIPPED_BLOCKS or _pull_quote(marked, b)]
    spans = _join_paragraphs(marked, readable, [s for i, b in enumerate(readable) for s in _spans_in(marked, b, i)])
    spans = _join_split_quotes(marked, readable, spans)
    spans = [
        s for s in spans if sum(len(marked[a:b].split()) for a, b in s.parts) >= MIN_WORDS
        and not is_title(marked, s.parts, s.open_at, s.close_at)
    ]
    spans = _without_refrains(marked, spans)
    speakers = Speakers(marked, mentions, [part for s in spans for part in s.parts])
    quotes: list[Quote] = []
    previous: Quote | None = None
    for span in spans:
        block = readable[span.block]
        speaker = speakers.for_quote(span.parts, span.open_at, span.close_at, readable[span.first_block], block)
        if speaker is None and span.close_at >= block.end - 1 and span.block + 1 < len(readable):
            below = readable[span.block + 1]  # a next paragraph that only signs the quote: "– Neil Gaiman"
            speaker = speakers.signed(below.start, below.end)
        if speaker is None and span.open_at == readable[span.first_block].start and span.first_block > 0:
            speaker = speakers.from_introduction(readable[span.first_block - 1])
        if speaker is None and previous is not None and previous.speaker \
                and _continues(marked, readable, previous, span, speakers):
            speaker = (previous.speaker, previous.speaker_entity, previous.cue)
        name, entity, cue = speakers.fullest(speaker) if speaker else (None, None, None)
        parts = tuple(span.parts)
        quote_text = " ".join(text[a:b].strip() for a, b in parts)
        previous = Quote(parts[0][0], parts[-1][1], quote_text, name, entity, cue, parts=parts)
        quotes.append(previous)
    return quotes


def _spans_in(text: str, block: Block, index: int):
    """Each outermost quote of one paragraph; one left open runs to the paragraph's end."""
    i, end = block.start, block.end
    while i < end:
        found = _MARK.search(text, i, end)  # jump to the next quote mark: a character loop costs seconds per MB
        if found is None:
            return
        i = found.start()
        mark = text[i]
        # “ spaced out from its first word (“ should’ve been …’ ”) opens when its own closing mark follows
        spaced = mark == "“" and text[i + 1 : i + 2] == " " and (i == block.start or not text[i - 1].isalnum())
        if spaced or _opens(text, i, block.start):
            close = _find_close(text, i + 1, end, mark)
            if close is None and mark in OTHER_CLOSER and not spaced:
                close = _find_close(text, i + 1, end, mark, OTHER_CLOSER[mark])
            if close is None:
                if mark != "‘" and not spaced and not any(ch in OPENERS for ch in text[i + 1 : end]):
                    yield _Span([_trimmed(text, i + 1, end)], i, end, False, index, index)
                    return
                i += 1
                continue
            inner = _trimmed(text, i + 1, close)
            if inner[1] > inner[0]:
                yield _Span([inner], i, close + 1, True, index, index)
            i = close + 1
            continue
        i += 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without surrounding spaces, nor the comma that hands over to the attribution."""
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    while start < end and (text[start].isspace() or text[start] == FILL):
        start += 1
    return start, end


def _opens(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "‘":
        return not before.isalnum() and after.isalnum()
    return not after.isspace() and not before.isalnum()


def _find_close(text: str, i: int, end: int, mark: str, closer: str | None = None) -> int | None:
    closer = closer or OPENERS[mark]
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


def _join_paragraphs(text: str, blocks: list[Block], spans: list[_Span]) -> list[_Span]:
    """A quote left open at a paragraph's end goes on in the next paragraph when that paragraph opens with a
    quote mark (the usual style), or when it has no opening mark and ends with the closing one."""
    joined: list[_Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last is not None and not last.closed and span.block == last.block + 1 and len(last.parts) < MAX_PARAGRAPHS:
            starts_paragraph = span.open_at == blocks[span.block].start
            if starts_paragraph:
                last.parts.extend(span.parts)
                last.close_at, last.closed, last.block = span.close_at, span.closed, span.block
                continue
        joined.append(span)
    # An open quote whose next paragraph holds no opening mark but ends with a closing mark: a block quote.
    for span in joined:
        while not span.closed and span.block + 1 < len(blocks) and len(span.parts) < MAX_PARAGRAPHS:
            following = blocks[span.block + 1]
            body = text[following.start : following.end].rstrip()
            if not body or body[-1] not in "”\"" or any(ch in "“\"" for ch in body[:-1]):
                break
            span.parts.append(_trimmed(text, following.start, following.start + len(body) - 1))
            span.close_at, span.closed, span.block = following.start + len(body), True, span.block + 1
    return joined


def _join_split_quotes(text: str, blocks: list[Block], spans: list[_Span]) -> list[_Span]:
    """"A," he said, "B." → one quote, when the words between are an attribution that belongs to A (A ends
    with a comma, or with a question or exclamation before its verb of saying) and B has no attribution of its
    own; so is "A," he said. ¶ "B." when B is the whole next paragraph, and "A" … "B" (an elision)."""
    joined: list[_Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last is not None and last.closed and not names_something(text, last.open_at) \
                and not names_something(text, span.open_at) \
                and not is_title(text, last.parts, last.open_at, last.close_at) \
                and (_split_in_paragraph(text, blocks, last, span) or _split_over_paragraphs(text, blocks, last, span)):
            last.parts.extend(span.parts)
            last.close_at, last.closed, last.block = span.close_at, span.closed, span.block
            continue
        joined.append(span)
    return joined


def _handover(text: str, last: _Span, open_at: int) -> tuple[bool, bool]:
    """Whether A hands over to an attribution: ``(by a comma, by a comma or a question/exclamation or a sentence
    running straight into its verb)``."""
    last_end = last.parts[-1][1]
    handover = text[last_end:open_at].lstrip(" ”\"’")
    comma = handover.startswith(",") or text[last_end - 3 : last_end].endswith((",]", ","))
    ending = text[last_end - 2 : last_end]
    # "A" tweeted X. "B.": no comma, but A's sentence runs straight into its attribution — not into narrative
    # ("crushing" and wrote "B", "big guy" who …, Trump said, "B")
    runs_on = _RUNS_INTO_ATTRIBUTION.match(handover) is not None and not any(ch in ".…" for ch in ending)
    # "Who would steal a toilet?" wrote X. "B.": a question or exclamation hands over like a comma
    return comma, comma or runs_on and (not any(ch in "!?" for ch in ending) or CUE.match(handover) is not None
                                        or _SUBJECT_THEN_CUE.match(handover) is not None)


def _split_in_paragraph(text: str, blocks: list[Block], last: _Span, span: _Span) -> bool:
    if span.first_block != last.block:
        return False
    between = text[last.close_at : span.open_at]
    if _ELISION.fullmatch(between):
        return True
    comma, hands_over = _handover(text, last, span.open_at)
    if not (hands_over and is_attribution(between, handover=comma) and _one_clause(between)):
        return False
    own = attribution_after(text, span.close_at, blocks[span.block].end, ends_sentence=_ends_sentence(text, span),
                            handover="," in text[span.parts[-1][1] : span.close_at + 1])
    # "…." He declined to say when: a refusal to speak attributes nothing
    return own is None or _REFUSES.search(text, own[0], own[1] + 1) is not None


def _split_over_paragraphs(text: str, blocks: list[Block], last: _Span, span: _Span) -> bool:
    """"A," she said. ¶ "B." — A opens its paragraph and ends it with its attribution alone, and B is the whole
    next paragraph (or runs on over several), so B has no attribution of its own."""
    if span.first_block != last.block + 1 or len(last.parts) > 1:
        return False
    block, following = blocks[last.block], blocks[span.first_block]
    if last.open_at != block.start or span.open_at != following.start or span.close_at < blocks[span.block].end - 1:
        return False
    tail = text[last.close_at : block.end]
    comma, hands_over = _handover(text, last, block.end)
    return hands_over and tail.rstrip().endswith(".") and is_attribution(tail, handover=comma) and _one_clause(tail)


_ELISION = re.compile(r"\s*(?:\.\.\.|…)\s*")
_SUBJECT_THEN_CUE = re.compile(
    rf"(?:(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:\w+\s+)?|(?:he|she|they)\s+)(?:{CUE_VERBS})\b"
)
_REFUSES = re.compile(
    r"\b(?:declined|refused|would\s+not|wouldn[’']t|did\s+not|didn[’']t|could\s+not|couldn[’']t|will\s+not|"
    r"won[’']t|cannot|can[’']t)\s+(?:to\s+)?$"
)
# a second clause after the attribution ("he says, boasting that …", ", although Xinhua translated it as:",
# "further saying,"): the narrative goes on, and the quote after it is another one
_SECOND_CLAUSE = re.compile(
    r"(?:^|,\s+)(?:(?:[a-z]+ly|further|also|then|later)\s+)?"
    r"(?:(?!(?:according|during|following|regarding|concerning|including|morning|evening|something|nothing|"
    r"anything|everything)\b)[a-z]{2,}ing|although|though|while|whereas|but)\b"
)


def _one_clause(between: str) -> bool:
    return _SECOND_CLAUSE.search(between.strip(" ,.;:“”\"‘’—–-")) is None


_RUNS_INTO_ATTRIBUTION = re.compile(rf"(?:{CUE_VERBS}|he|she|they|we|[A-Z])", re.ASCII)
def _pull_quote(text: str, block: Block) -> bool:
    """A display line that is one whole quote (a pull quote), which the page sets like a heading."""
    line = text[block.start : block.end].strip()
    return block.kind == "heading" and len(line) > 2 and line[0] in "“\"" and line[-1] in "”\"" \
        and sum(line.count(mark) for mark in "“”\"") == 2


def _without_refrains(text: str, spans: list[_Span]) -> list[_Span]:
    """Drops a short passage quoted whole ``REFRAIN_TIMES`` times or more (case and punctuation aside): a
    slogan or catchphrase the story is about ("Meth. We're on it."), not something said once."""
    keys = []
    for span in spans:
        words = re.findall(r"\w+", " ".join(text[a:b] for a, b in span.parts).casefold())
        keys.append(" ".join(words) if len(span.parts) == 1 and len(words) <= MAX_REFRAIN_WORDS else None)
    counts = Counter(key for key in keys if key)
    return [span for span, key in zip(spans, keys, strict=True) if key is None or counts[key] < REFRAIN_TIMES]


def _ends_sentence(text: str, span: _Span) -> bool:
    return any(ch in ".!?" for ch in text[span.parts[-1][1] - 1 : span.close_at])


def _continues(text: str, blocks: list[Block], previous: Quote, span: _Span, speakers: Speakers) -> bool:
    """A paragraph that is one unattributed quote right after a paragraph ending in a quote goes on with it; so
    does an unattributed quote right after the attribution of the one before ("…?" wrote X, the artist. "…"), or
    after narrative of its paragraph about the same speaker only ("…," Chapman said, a choice leaving her
    helpless. The costume "…")."""
    block = blocks[span.first_block]
    if block.start <= previous.end < span.open_at:
        between = text[previous.end : span.open_at]
        # a sentence of its own may name a long affiliation: "said co-author Ted Scambos of CU Boulder's … (CIRES)."
        return between.rstrip().endswith(".") and is_attribution(between, max_words=MAX_ATTRIBUTION_SENTENCE) \
            or speakers.narrates_on(previous.end, span.open_at, previous.speaker_entity)
    whole = span.open_at == block.start and span.close_at >= blocks[span.block].end - 1
    if not whole or span.first_block == 0:
        return False
    before = blocks[span.first_block - 1]
    return before.start <= previous.end <= before.end
