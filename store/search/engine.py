"""The search pipeline over one connection: candidates from the index, a rerank, hits with matched ranges."""

from __future__ import annotations

import contextlib
import math
import sqlite3
import threading
import time

from rapidfuzz import fuzz, process

from store.search import scopes
from store.search.filters import sentence_conditions
from store.search.hits import Hit
from store.search.normalize import normalize, words
from store.search.query import ParsedQuery, parse_query, scope_of
from store.search.rerank import COMMON_WORD_WEIGHT, match_ranges, score_texts
from store.search.vocabulary import Expansion, Vocabulary

SCOPES = ("sentences", "quotes", "titles", "entities", "notes")
CANDIDATES = 200
ENOUGH_CANDIDATES = 20
RARE_SENTENCES = 50
STATEMENT_BUDGET_S = 0.15
SEARCH_BUDGET_S = 0.3
PROGRESS_STEPS = 1000
ARTICLE_SENTENCE_CAP = 5000
# A word indexed as typed is still taken for a slip or a half-typed word, in the looser narrowed query,
# when the words it may stand for are in this many times more sentences than itself.
SURE_RATIO = 4
TYPED_RIGHT = Expansion(trusted=True)
SATURATED_KEPT = 50


def _near(stretch: list[str]) -> str:
    """An FTS5 NEAR group of the words of ``stretch``, in any order, with room for two more words among them."""
    unique = list(dict.fromkeys(stretch))
    if len(unique) == 1:
        return f'"{unique[0]}"'
    return "NEAR(" + " ".join(f'"{word}"' for word in unique) + f", {len(stretch) + 2})"


class Cancelled(Exception):
    """The search was cancelled or interrupted by a newer one."""


class Engine:
    """Search state bound to one connection: the vocabulary cache and the time bound of each statement."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.vocabulary = Vocabulary(conn, lambda sql, params=(): self.run(sql, params, budget=None))
        self.generation = 0
        self.lock = threading.Lock()
        self._deadline = 0.0
        self._cancel: threading.Event | None = None
        self._generation_at_start = 0
        self._statement_deadline = 0.0
        self._titles: tuple[list, list, list[str]] | None = None

    def interrupt(self) -> None:
        """Stop the running search (from any thread): it returns an empty list soon after."""
        self.generation += 1
        self.conn.interrupt()

    def search(self, query, *, limit=20, scope="sentences", article_id=None, cancel=None) -> list[Hit]:
        """See :func:`store.search.search`."""
        with self._session(cancel):
            try:
                return self._search(str(query or ""), max(0, int(limit)), scope, article_id)
            except Cancelled:
                return []

    def warm(self, cancel: threading.Event | None = None) -> None:
        """Load the whole vocabulary now, so the first keystrokes do not wait for it."""
        with self._session(cancel), contextlib.suppress(Cancelled):
            self.vocabulary.load_all()

    @contextlib.contextmanager
    def _session(self, cancel: threading.Event | None):
        """One search at a time on this connection, stoppable by :meth:`interrupt` or ``cancel``."""
        generation = self.generation
        with self.lock:
            self._generation_at_start = generation
            self._cancel = cancel
            self._deadline = time.perf_counter() + SEARCH_BUDGET_S
            self._statement_deadline = math.inf
            self.conn.set_progress_handler(self._should_stop, PROGRESS_STEPS)
            try:
                yield
            finally:
                self.conn.set_progress_handler(None, 0)

    def _should_stop(self) -> int:
        return int(self._stopped() or time.perf_counter() > self._statement_deadline)

    def _stopped(self) -> bool:
        return self.generation != self._generation_at_start or bool(self._cancel and self._cancel.is_set())

    def check(self) -> None:
        if self._stopped():
            raise Cancelled

    def run(self, sql: str, params=(), budget: float | None = STATEMENT_BUDGET_S) -> list[tuple]:
        """Execute a read, abandoned (empty result) once its time is up — never, with ``budget=None``, for
        reads that must complete; raises :class:`Cancelled` when the search was stopped."""
        self.check()
        self._statement_deadline = math.inf if budget is None else time.perf_counter() + budget
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc):
                raise
            self.check()
            return []

    def time_left(self) -> bool:
        """Whether the search is still within its budget (later, optional stages are skipped once not)."""
        return time.perf_counter() < self._deadline

    def weight(self, word: str) -> float:
        return COMMON_WORD_WEIGHT if len(word) < 2 or self.vocabulary.is_frequent(word) else 1.0

    def _search(self, query: str, limit: int, scope: str, article_id: int | None) -> list[Hit]:
        parsed = parse_query(query)
        scope = scope_of(parsed, scope if scope in SCOPES else "sentences")
        if parsed.empty or limit == 0:
            return []
        self.vocabulary.refresh()
        if scope in ("sentences", "quotes"):
            return self._sentences(parsed, limit, quotes=scope == "quotes", article_id=article_id)
        return self._rank_items(parsed, *self._items(scope, parsed, article_id), limit)

    def _items(self, scope: str, parsed: ParsedQuery, article_id: int | None) -> tuple[list, list[str] | None]:
        """The items of a small scope with their normalised texts. All titles, the common case, are kept
        between searches while the article index (titles and sources) is unchanged."""
        if scope != "titles" or article_id is not None or parsed.filters.keys() - {"in"}:
            return scopes.ITEMS[scope](self, parsed, article_id), None
        state = self.run("SELECT block FROM articles_fts_data WHERE id = 10", budget=None)
        if self._titles is None or self._titles[0] != state:
            items = scopes.title_items(self, parsed, None)
            self._titles = (state, items, [normalize(item.text) for item in items])
        return self._titles[1], self._titles[2]

    def _sentences(self, parsed: ParsedQuery, limit: int, *, quotes: bool, article_id: int | None) -> list[Hit]:
        where, params = sentence_conditions(self.conn, parsed, quotes_only=quotes, article_id=article_id)
        columns = 's.id, s.article_id, s.start, s."end", s.text'
        if article_id is not None or not parsed.words:
            rows = self.run(
                f"SELECT {columns} FROM sentences s WHERE {where} ORDER BY s.article_id, s.seq LIMIT ?",
                [*params, ARTICLE_SENTENCE_CAP if parsed.words else limit],
            )
        else:
            rows = self._candidates(parsed, columns, where, params)
        self.check()
        scored, matcher = score_texts(parsed, [row[4] for row in rows], self.weight, quotes_first=True)
        top = [(rows[s.index], s.score) for s in scored[:limit]]
        articles = scopes.article_info(self, {row[1] for row, _ in top})
        hits = []
        for (_, art, start, end, text), score in top:
            path, title, source = articles.get(art, ("", "", None))
            ranges = match_ranges(text, parsed, matcher)
            hits.append(
                Hit(art, path, title, source, start, end, text, round(score * 100, 1),
                    [(start + a, start + b) for a, b in ranges], "sentence", ranges)
            )
        return hits

    def _candidates(self, parsed: ParsedQuery, columns: str, where: str, params: list) -> list[tuple]:
        """Sentences worth reranking: exact phrases; the sentences holding every query word that narrows
        the search (each word standing for its expansions); when that finds too many (any 200 of them are
        not the best 200) or no word narrows, the whole query narrowed (see :meth:`_narrowed`); phrases of words
        typed right; then, when that finds too few, the same leaving one word out at a time, then any word
        at all.

        Index order, not bm25: ranking a large match set costs far more than reading it (≈100 ms for 40k
        rows at 1M sentences), and when the words are that common, any sentence holding them is as good a
        candidate as another — the rerank decides."""
        expansions = self._expansions(parsed)
        groups = self._word_groups(parsed, expansions)
        self._deadline = time.perf_counter() + SEARCH_BUDGET_S  # loading the vocabulary does not count
        expressions = [expression for _, expression, _ in groups]
        join = (f"FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid WHERE sentences_fts MATCH ? AND "
                f"{where}")
        found: dict[int, tuple] = {}

        asked: dict[tuple[str, bool], tuple[int, list[int]]] = {}

        def collect(expression: str, count: int = CANDIDATES, ranked: bool = False) -> list[int]:
            earlier = asked.get((expression, ranked))
            if earlier and earlier[0] >= count:  # the narrowed query and a typed stretch may coincide
                return earlier[1][:count]
            order = "ORDER BY sentences_fts.rank" if ranked else ""
            rows = self.run(f"SELECT {columns} {join} {order} LIMIT ?", [expression, *params, count])
            for row in rows:
                found.setdefault(row[0], row)
            asked[expression, ranked] = (count, [row[0] for row in rows])
            return asked[expression, ranked][1]

        for phrase in parsed.phrases:
            collect('"' + " ".join(words(phrase)) + '"', ENOUGH_CANDIDATES)
        runs = self._exact_runs(parsed)
        anded = collect(" AND ".join(expressions)) if groups else []
        every_word, saturated = len(anded), len(anded) >= CANDIDATES
        narrowed: list[int] = []
        if saturated or not groups:
            # (Narrower than the AND above: only worth it when that found too many, or had nothing to AND.)
            strict, loose = self._narrowed(parsed, expansions)
            if strict and strict != expressions:
                narrowed = collect(" AND ".join(strict))
                if len(narrowed) < ENOUGH_CANDIDATES and loose != strict and self.time_left():
                    narrowed += collect(" AND ".join(loose))
        if saturated and len(narrowed) >= ENOUGH_CANDIDATES:
            # The AND's rows are any 200 of thousands: keep a few (in case the narrowed query asked for a
            # wrong word), not so many that reranking them costs more than they are worth.
            keep = set(narrowed)
            for row_id in anded[SATURATED_KEPT:]:
                if row_id not in keep:
                    found.pop(row_id, None)
        elif saturated:
            # Too many sentences hold every word: keep those where the words typed right stand together,
            # common words included when nothing else stands together (dearer: their position lists).
            in_runs = {word for run in runs for word in run}
            if runs:
                phrases = ['"' + " ".join(run) + '"' for run in runs]
                collect(" AND ".join(phrases + [e for word, e, _ in groups if word not in in_runs]))
            elif stretch := self._typed_stretch(parsed):
                collect('"' + " ".join(stretch) + '"', ENOUGH_CANDIDATES)
        for run in runs:
            collect('"' + " ".join(run) + '"', ENOUGH_CANDIDATES)
        if not groups:
            return list(found.values())
        if every_word < ENOUGH_CANDIDATES and len(groups) > 1:
            # Whatever the phrases found, a word expanded wrong (or a wrong word) may hide the sentence: the
            # AND again without each word that may be one — not those typed as indexed and common enough
            # to be meant (each retry costs as much as the AND).
            suspects = [i for i, (word, _, _) in enumerate(groups) if not expansions.get(word, TYPED_RIGHT).trusted]
            for left_out in suspects:
                if self.time_left():
                    collect(" AND ".join(e for i, e in enumerate(expressions) if i != left_out),
                            CANDIDATES // len(groups))
        rarest = sorted(groups, key=lambda group: group[2])
        for _, expression, sentences in rarest[:2]:
            # A rare word (a name) points at its few sentences even when the words around it are damaged
            # beyond their expansions; with too few found, so do the two rarest words, whatever their counts.
            few_found = every_word < ENOUGH_CANDIDATES and len(groups) > 2
            if (sentences <= RARE_SENTENCES or few_found) and self.time_left():
                collect(expression, CANDIDATES // 4)
        if not found and len(groups) > 1:
            collect(" OR ".join(expressions), ranked=True)
        return list(found.values())

    def _narrowed(self, parsed: ParsedQuery, expansions: dict[str, Expansion]) -> tuple[list[str], list[str]]:
        """The whole query as an AND, common words included: each stretch of consecutive words typed as
        indexed as a phrase, each other word as all it may stand for (very common words too: "mar" for
        "market"). Returns that, and a looser form for when it finds too little: stretches as NEAR groups
        (words swapped or left out inside them), and a rare word that begins or resembles far more common
        ones ("ref" for "reflects") standing for them all. Reading common words' positions costs a few
        milliseconds, so this runs only when the narrowing words alone find too many sentences."""
        vocabulary = self.vocabulary
        forms: list[list[str]] = []
        for loose in (False, True):
            elements: list[str] = []
            others: list[str] = []
            stretch: list[str] = []
            for word in [*parsed.words, ""]:
                expansion = expansions.get(word)
                count = vocabulary.doc_count(word)
                unsure = loose and expansion is not None and expansion.sentences > SURE_RATIO * count
                if count and (expansion is None or not expansion.common) and not unsure:
                    stretch.append(word)  # typed as indexed, not the start of (or a slip on) a common word
                    continue
                if len(stretch) >= 2 or (stretch and len(stretch[0]) >= 2):
                    elements.append(_near(stretch) if loose else '"' + " ".join(stretch) + '"')
                stretch = []
                if expansion is not None and (expression := expansion.expression(with_common=True)):
                    others.append(expression)
            forms.append(elements + list(dict.fromkeys(others)))
        return forms[0], forms[1]

    def _exact_runs(self, parsed: ParsedQuery) -> list[list[str]]:
        """The two longest runs of consecutive query words indexed as typed (and not so common that reading
        their positions costs more than it finds): searched as phrases, they find a sentence quoted right
        even when its words are too common for the ranking to bring it up."""
        runs: list[list[str]] = [[]]
        for word in parsed.words:
            if self.vocabulary.doc_count(word) and not self.vocabulary.is_frequent(word):
                runs[-1].append(word)
            elif runs[-1]:
                runs.append([])
        runs = [run for run in runs if len(run) >= 2]
        return sorted(runs, key=len, reverse=True)[:2]

    def _typed_stretch(self, parsed: ParsedQuery) -> list[str]:
        """The longest stretch of consecutive query words indexed as typed, trimmed of very common words
        at both ends, if it holds at least two words that are not very common."""
        stretches: list[list[str]] = [[]]
        for word in parsed.words:
            if self.vocabulary.doc_count(word):
                stretches[-1].append(word)
            elif stretches[-1]:
                stretches.append([])
        frequent = self.vocabulary.is_frequent
        best: list[str] = []
        for stretch in stretches:
            while stretch and frequent(stretch[0]):
                stretch = stretch[1:]
            while stretch and frequent(stretch[-1]):
                stretch = stretch[:-1]
            if sum(not frequent(word) for word in stretch) >= 2 and len(stretch) > len(best):
                best = stretch
        return best

    def _expansions(self, parsed: ParsedQuery) -> dict[str, Expansion]:
        """What each query word worth expanding may stand for: words of two letters or more, not so common
        that they narrow nothing."""
        expansions = {}
        for word in dict.fromkeys(parsed.words):
            if len(word) >= 2 and not self.vocabulary.is_frequent(word):
                self.check()
                expansions[word] = self.vocabulary.expand(word)
        return expansions

    def _word_groups(self, parsed: ParsedQuery, expansions: dict[str, Expansion]) -> list[tuple[str, str, int]]:
        """``(word, expression, sentences)`` per query word that narrows the search: the FTS5 OR of the
        indexed words it may stand for, and how many sentences hold them at most. Words too short or too
        common to narrow anything, or that may stand for a very common word, are left to the narrowed
        query and the rerank, unless nothing else is left."""
        vocabulary = self.vocabulary
        if not expansions:
            query_words = list(dict.fromkeys(parsed.words))
            return [(w, f'"{w}"', vocabulary.doc_count(w)) for w in query_words if vocabulary.doc_count(w)]
        return [
            (word, expansion.expression(), expansion.sentences)
            for word, expansion in expansions.items()
            if expansion.narrows
        ]

    def _rank_items(self, parsed: ParsedQuery, items: list[scopes.Item], texts: list[str] | None, limit: int):
        """Rank a small collection (titles, entity names, notes) scanned whole, pre-filtered when large."""
        if len(items) > CANDIDATES and parsed.text:
            texts = texts or [normalize(item.text) for item in items]
            shortlist = process.extract(parsed.text, texts, scorer=fuzz.partial_ratio, processor=None, limit=CANDIDATES)
            items = [items[index] for _, _, index in shortlist]
        self.check()
        scored, matcher = score_texts(parsed, [item.text for item in items], self.weight)
        best = scopes.anchor_titles(self, [items[s.index] for s in scored[:limit]])
        return [
            scopes.to_hit(item, match_ranges(item.text, parsed, matcher), round(s.score * 100, 1))
            for item, s in zip(best, scored, strict=False)
        ]
