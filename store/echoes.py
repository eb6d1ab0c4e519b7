"""Quote echoes: the same quote appearing in other articles, and what differs between the appearances.

Quotes are compared by their words (casefolded, any quote style), so a quote is found again when a word was
changed, when it was cut short or extended. Each quote is indexed by its rarest words; only quotes sharing
enough of them are compared with rapidfuzz, never every pair. What differs is read from a word alignment: a
changed word, a changed figure, words cut or added, and a different speaker credited.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from store.model import StoredQuote

MIN_SIMILARITY = 80.0  # rapidfuzz score (0–100) an echo needs, whole quote or the shorter one inside the longer
MIN_INSIDE_WORDS = 6  # a quote this long or longer counts as cut from a longer one when it matches inside it
KEY_WORDS = 6  # rarest words of a quote used to find its candidates
_WORD = re.compile(r"\w+(?:[.,'’]\w+)*")
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "the"}


@dataclass(frozen=True, slots=True)
class IndexedQuote:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    speaker: str | None
    words: tuple[str, ...]


def words_of(text: str) -> tuple[str, ...]:
    """A quote's words, casefolded, with curly apostrophes made straight ("It’s" and "it's" are one word)."""
    return tuple(_WORD.findall(text.casefold().replace("’", "'")))


def load_quotes(db) -> list[IndexedQuote]:
    """Every stored quote with its words."""
    rows = db.execute('SELECT id, article_id, start, "end", text, speaker FROM quotes ORDER BY article_id, start')
    return [
        IndexedQuote(quote_id, article_id, start, end, text, speaker, words=words_of(text))
        for quote_id, article_id, start, end, text, speaker in rows
    ]


class EchoIndex:
    """Quotes indexed by their rare words; ``echoes_of`` compares a quote only with quotes sharing some."""

    def __init__(self, quotes: list[IndexedQuote]) -> None:
        self.quotes = quotes
        frequency: dict[str, int] = defaultdict(int)
        for quote in quotes:
            for word in set(quote.words):
                frequency[word] += 1
        self.frequency = frequency
        # a key word in more quotes than this says little about which quote it is, and would make lookups linear
        self.common = max(50, len(quotes) // 20)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, quote in enumerate(quotes):
            for word in self._keys(quote):
                self.postings[word].append(i)

    def _keys(self, quote: IndexedQuote) -> list[str]:
        distinct = {w for w in quote.words if len(w) > 2}
        return sorted(distinct, key=lambda w: (self.frequency[w], w))[:KEY_WORDS]

    def echoes_of(self, quote: IndexedQuote) -> list[tuple[IndexedQuote, float]]:
        """The quotes of other articles that echo ``quote``, with their similarity, most similar first."""
        shared: dict[int, int] = defaultdict(int)
        keys = self._keys(quote)
        for word in keys:
            posting = self.postings.get(word, ())
            if len(posting) <= self.common:
                for i in posting:
                    shared[i] += 1
        found = []
        for i, count in shared.items():
            other = self.quotes[i]
            if other.article_id == quote.article_id or count < min(2, len(keys)):
                continue
            score = similarity(quote.words, other.words)
            if score >= MIN_SIMILARITY:
                found.append((other, score))
        return sorted(found, key=lambda pair: (-pair[1], pair[0].article_id, pair[0].start))


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How alike two quotes' words are (0–100, a word counting as one token): the whole quotes, or the shorter
    one against its best-matching stretch of the longer when it is long enough to be the same quote cut short."""
    whole = fuzz.ratio(a, b)
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < MIN_INSIDE_WORDS or len(shorter) == len(longer):
        return round(whole, 1)
    size = len(shorter)
    inside = max(fuzz.ratio(shorter, longer[i : i + size]) for i in range(len(longer) - size + 1))
    return round(max(whole, inside), 1)


def differences(a: IndexedQuote, b: IndexedQuote) -> list[dict]:
    """What the echo ``b`` says differently from ``a``: ``{"kind", "quote", "echo"}`` each, kind one of
    ``word``, ``figure`` (a changed number), ``cut`` / ``extended`` (words missing or added at either end),
    ``removed`` / ``added`` (inside), ``speaker`` (a different person or body credited)."""
    found = []
    opcodes = [op for op in Levenshtein.opcodes(list(a.words), list(b.words)) if op.tag != "equal"]
    for op in opcodes:
        ours, theirs = " ".join(a.words[op.src_start : op.src_end]), " ".join(b.words[op.dest_start : op.dest_end])
        at_edge = op.src_start == 0 or op.src_end == len(a.words)
        if op.tag == "replace":
            kind = "figure" if any(ch.isdigit() for ch in ours + theirs) else "word"
        elif op.tag == "delete":
            kind = "cut" if at_edge else "removed"
        else:
            kind = "extended" if at_edge else "added"
        found.append({"kind": kind, "quote": ours, "echo": theirs})
    if a.speaker and b.speaker and name_key(a.speaker) != name_key(b.speaker):
        found.append({"kind": "speaker", "quote": a.speaker, "echo": b.speaker})
    return found


def name_key(name: str) -> str:
    """A speaker's name for comparison: accents, case, punctuation and honorifics ignored."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(w for w in re.findall(r"[a-z0-9]+", plain) if w not in _HONORIFICS)


_CACHE_LOCK = threading.Lock()
_CACHE: dict[str, tuple[tuple, EchoIndex]] = {}  # database file → (quotes signature, index)


def echo_index(db) -> EchoIndex:
    """The index of the database's quotes, built once and reused until the quotes change (an article opened
    in the app asks for its echoes without re-reading every quote of the corpus)."""
    path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "") or ""
    signature = tuple(db.execute("SELECT count(*), coalesce(max(id), 0), coalesce(sum(id + start + length(text)), 0) "
                                 "FROM quotes").fetchone())
    with _CACHE_LOCK:
        cached = _CACHE.get(path)
        if path and cached and cached[0] == signature:
            return cached[1]
    index = EchoIndex(load_quotes(db))
    if path:
        with _CACHE_LOCK:
            _CACHE.clear()  # one database at a time: the app's
            _CACHE[path] = (signature, index)
    return index


def echoes(db, article_id: int | None = None) -> list[dict]:
    """Each quote (of one article, or of all) that appears in other articles, with its echoes:
    ``[{"quote", "article_id", "start", "end", "speaker", "echoes": [{"article_id", "start", "end",
    "speaker", "text", "similarity", "differences"}]}]``."""
    index = echo_index(db)
    result = []
    for quote in index.quotes:
        if article_id is not None and quote.article_id != article_id:
            continue
        found = index.echoes_of(quote)
        if found:
            result.append({
                "quote": quote.text, "article_id": quote.article_id, "start": quote.start, "end": quote.end,
                "speaker": quote.speaker,
                "echoes": [
                    {"article_id": other.article_id, "start": other.start, "end": other.end, "speaker": other.speaker,
                     "text": other.text, "similarity": score, "differences": differences(quote, other)}
                    for other, score in found
                ],
            })
    return result


def with_echoes(db, article_id: int, quotes: list[StoredQuote]) -> list[StoredQuote]:
    """The quotes of one article (records of ``store.ledger.quotes``), each with its ``echoes`` (maybe none)."""
    by_place = {(q["start"], q["end"]): q["echoes"] for q in echoes(db, article_id)}
    return [replace(q, echoes=tuple(by_place.get((q.start, q.end), ()))) for q in quotes]
