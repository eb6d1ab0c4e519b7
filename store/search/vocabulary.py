"""The words of the sentence index, for expanding a misspelt or half-typed query word into real ones.

Read from an ``fts5vocab`` table one first letter at a time (a range scan on ``term``), kept in memory grouped
by length, and dropped when the database changes (``PRAGMA data_version`` for other connections' commits,
``total_changes`` for this one's) — imports add words through the FTS triggers, nothing is rebuilt.
"""

from __future__ import annotations

import bisect
import string
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

VOCAB_TABLE = "temp.broadsheet_sentences_vocab"
INDEX_STRUCTURE = "sentences_fts_data WHERE id = 10"
MAX_EXPANSIONS = 24
MAX_PREFIX_EXPANSIONS = 24
FREQUENT_SHARE = 0.05
# A word typed as it is indexed, and found in this share of sentences, is taken as meant: expanding it
# would OR in long posting lists for little gain.
TRUSTED_SHARE = 0.002
TRUSTED_MIN_SENTENCES = 20
# A half-typed word beginning more rare words than are listed is searched as a prefix query when the words
# it begins are in at most this share of sentences (reading their postings stays cheap).
PREFIX_QUERY_SHARE = 0.1
LOAD_CHUNK = 2000  # words read per query while loading: grouping them holds the interpreter about a millisecond


@dataclass(frozen=True)
class Expansion:
    """What one query word may stand for in the index: ``terms`` (never very common words), every word
    beginning with ``prefix`` if set, and the very common words it may stand for (``common``)."""

    terms: tuple[str, ...] = ()
    prefix: str = ""
    common: tuple[str, ...] = ()
    sentences: int = 0
    trusted: bool = False  # typed as indexed, in enough sentences to be taken as meant

    @property
    def narrows(self) -> bool:
        """Whether the word can stand alone in an AND of words: it has rare meanings and no common one."""
        return bool(self.terms or self.prefix) and not self.common

    def expression(self, with_common: bool = False) -> str:
        """The FTS5 OR of its meanings (``""`` if none), common ones included on request."""
        parts = [f'"{term}"' for term in (self.terms + self.common if with_common else self.terms)]
        if self.prefix:
            parts.append(f'"{self.prefix}"*')
        return "(" + " OR ".join(parts) + ")" if parts else ""


@dataclass
class LetterGroup:
    """Every indexed word starting with one character: sorted (for prefixes) and by length (for edits).

    Kept as tuples, not lists: the garbage collector stops tracking a tuple of strings, so its full collections
    — in any thread, the UI's too — no longer visit every word (at a million sentences, 350,000 words: a full
    collection took 59 ms with lists, 24 ms with tuples, 12–19 ms without a vocabulary, on a busy machine).
    The ``docs`` dict of strings to counts is never tracked."""

    terms: tuple[str, ...] = ()
    docs: dict[str, int] = field(default_factory=dict)
    by_length: dict[int, tuple[str, ...]] = field(default_factory=dict)


def allowed_edits(word: str) -> int:
    """How many typos a word of this length may carry: none up to 3 letters (one edit away from a short word
    is half the dictionary), 1 up to 6, 2 beyond."""
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 6 else 2


class Vocabulary:
    """Lazily loaded vocabulary of ``sentences_fts`` for one connection; ``read(sql, params)`` runs its
    queries (so the engine can stop them when the search is cancelled)."""

    def __init__(self, conn, read) -> None:
        self.conn = conn
        self.read = read
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB_TABLE} USING fts5vocab(main, sentences_fts, 'row')"
        )
        self._state: list | None = None
        self._groups: dict[str, LetterGroup] = {}
        self._sentence_count = 0
        self.expand = lru_cache(maxsize=4096)(self._expand)

    def refresh(self) -> None:
        """Forget what was loaded if the sentence index changed since. Its structure record (FTS5's own
        ``_data`` row 10) changes with every write to the index and with nothing else, so saving a reading
        position or a note does not throw the vocabulary away."""
        state = self.read(f"SELECT block FROM {INDEX_STRUCTURE}")
        if state != self._state:
            self._groups.clear()
            self.expand.cache_clear()
            self._sentence_count = self.read("SELECT count(*) FROM sentences")[0][0]
            self._state = state

    def load_all(self) -> None:
        """Load the letters most words start with now (a worker warming up before the first keystroke);
        each letter is kept as soon as it is read, so an interrupted warm-up still helps."""
        self.refresh()
        for letter in string.ascii_lowercase + string.digits:
            self.group(letter)

    def group(self, letter: str) -> LetterGroup:
        found = self._groups.get(letter)
        if found is None:
            found = self._load(letter)
            self._groups[letter] = found
        return found

    def _load(self, letter: str) -> LetterGroup:
        """Every indexed word starting with ``letter``, read ``LOAD_CHUNK`` at a time, so that no step holds the
        interpreter (and an app's event loop waiting for it) long: a large letter read and grouped at once
        built its 50,000 rows and their dict in single calls."""
        terms: list[str] = []
        docs: dict[str, int] = {}
        by_length: dict[int, list[str]] = {}
        low, above, high = letter, ">=", chr(min(ord(letter) + 1, 0x10FFFF))
        while True:
            # fts5vocab lists terms in index order, which is code-point order: no ORDER BY (nor sort) needed.
            rows = self.read(f"SELECT term, doc FROM {VOCAB_TABLE} WHERE term {above} ? AND term < ? LIMIT ?",
                             [low, high, LOAD_CHUNK])
            terms.extend(term for term, _ in rows)
            docs.update(rows)
            for term, _ in rows:
                by_length.setdefault(len(term), []).append(term)
            if len(rows) < LOAD_CHUNK:
                return LetterGroup(tuple(terms), docs, {n: tuple(words) for n, words in by_length.items()})
            low, above = rows[-1][0], ">"

    def doc_count(self, word: str) -> int:
        """In how many sentences ``word`` occurs."""
        return self.group(word[0]).docs.get(word, 0) if word else 0

    def is_frequent(self, word: str) -> bool:
        """A word in so many sentences that it narrows nothing ("the", "of", "said")."""
        return self.doc_count(word) > FREQUENT_SHARE * max(self._sentence_count, 1)

    def _expand(self, word: str) -> Expansion:
        """Indexed words the user may have meant by ``word``: itself, words within a few typos, words it
        begins (a half-typed word), and words it begins but for one typo. Most likely first. Very common
        words it may stand for ("yeer" for "year", "mar" for "market") are kept apart in ``common``: such a
        word narrows nothing on its own, but still narrows a search once the rarer words have found too much.
        When it begins more words than can be listed, an FTS5 prefix query stands for them all."""
        if not word:
            return Expansion()
        group = self.group(word[0])
        limit = FREQUENT_SHARE * max(self._sentence_count, 1)
        known = word in group.docs
        found: dict[str, float] = {word: 3.0} if known else {}
        common: dict[str, float] = {}
        prefix, prefix_sentences = "", 0
        trusted = known and group.docs[word] > max(TRUSTED_SHARE * self._sentence_count, TRUSTED_MIN_SENTENCES)
        edits = 0 if trusted else allowed_edits(word)
        if edits:
            choices = [t for n in range(len(word) - edits, len(word) + edits + 1) for t in group.by_length.get(n, ())]
            for term, distance, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                if group.docs[term] <= limit or term == word:
                    found.setdefault(term, 2.0 - distance / 4 + min(group.docs[term], 1000) / 1e6)
                else:
                    common.setdefault(term, 2.0 - distance / 4)  # a slip on a very common word ("yeer")
        if len(word) >= 3:
            start = bisect.bisect_left(group.terms, word)
            stop = bisect.bisect_left(group.terms, word + "\U0010ffff")
            prefixed = group.terms[start:stop]
            for term in prefixed:
                if group.docs[term] > limit and term != word:
                    common.setdefault(term, 1.0)  # the start of a very common word ("capit")
            rare = sorted((t for t in prefixed if group.docs[t] <= limit), key=lambda t: -group.docs[t])
            if len(rare) > MAX_PREFIX_EXPANSIONS and sum(group.docs[t] for t in prefixed) <= PREFIX_QUERY_SHARE * max(
                self._sentence_count, 1
            ):
                prefix = word  # more than can be listed (a tail of rare names): the index's prefix query
                prefix_sentences = sum(group.docs[t] for t in prefixed)
            for term in rare[:MAX_PREFIX_EXPANSIONS]:
                found.setdefault(term, 1.0 + min(group.docs[term], 1000) / 1e6)
        if len(word) >= 4 and not known:
            # A slip inside a half-typed word: compare with the starts of longer words one letter shorter,
            # as long and one letter longer than it (a letter doubled, swapped or dropped). Only words
            # sharing the first letter and the second (or third: a slip on the second) are compared.
            begun: set[str] = set()
            for head in {word[:2], word[0] + word[2]}:
                start = bisect.bisect_left(group.terms, head)
                stop = bisect.bisect_left(group.terms, head + "\U0010ffff")
                for length in (len(word) - 1, len(word), len(word) + 1):
                    longer = [t for t in group.terms[start:stop] if len(t) > length]
                    heads = [t[:length] for t in longer]
                    for _, _, index in process.extract(word, heads, scorer=OSA.distance, score_cutoff=1, limit=None):
                        if group.docs[longer[index]] <= limit:
                            begun.add(longer[index])
                        else:
                            common.setdefault(longer[index], 0.5)  # a slip in a half-typed common word ("biil")
            for term in sorted(begun, key=lambda t: -group.docs[t])[:MAX_PREFIX_EXPANSIONS]:
                found.setdefault(term, 0.5 + min(group.docs[term], 1000) / 1e6)
        ranked = sorted(found, key=lambda t: -found[t])[: MAX_EXPANSIONS + MAX_PREFIX_EXPANSIONS]
        if prefix:
            ranked = [t for t in ranked if not t.startswith(prefix)]
        terms = tuple(ranked)
        common_terms = tuple(sorted(common, key=lambda t: -common[t]))
        sentences = sum(group.docs[t] for t in terms + common_terms) + prefix_sentences
        return Expansion(terms, prefix, common_terms, sentences, trusted)
