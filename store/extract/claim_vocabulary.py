"""The ledger's vocabulary, read from ``data/metrics.toml``: business and economic measures with their cue words,
the kinds of figure each takes, how its figures line up in time, and the words that mark a figure's status.

Everything that names a measure lives in the data file; this module only turns it into regular expressions.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "metrics.toml"
STATUSES = ("estimate", "target", "spent", "forecast", "reported")  # "reported" is also the default


@dataclass(frozen=True, slots=True)
class Metric:
    """A measure: its name, the figure kinds it takes, its timing (flow, level, once), and whether its cue
    usually follows the number."""

    name: str
    kinds: frozenset[str]
    timing: str
    after: bool
    economy: bool = False


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A metric named in the text: where, which metric, and the sign it gives ("loss" → −1)."""

    start: int
    end: int
    metric: Metric
    sign: int
    gapped: bool = False  # a pattern with words between ("wiped $5bn off its market value")


class Phrases:
    """Phrases found by their words: the longest phrase starting at each word, by a dictionary lookup per word
    and length (far faster than one regular expression of hundreds of alternatives)."""

    def __init__(self, owners: dict[str, list]) -> None:
        self.owners = owners  # folded phrase → what it stands for
        self.longest = max((len(phrase.split()) for phrase in owners), default=1)
        self.first_words = frozenset(phrase.split()[0] for phrase in owners)

    def find(self, words: list[tuple[int, int, str]]) -> list[tuple[int, int, list]]:
        """(start, end, owners) of each phrase among ``words`` (from :func:`words_of`)."""
        found = []
        i = 0
        while i < len(words):
            if words[i][2] in self.first_words:
                for n in range(min(self.longest, len(words) - i), 0, -1):
                    owners = self.owners.get(" ".join(word for _, _, word in words[i : i + n]))
                    if owners:
                        found.append((words[i][0], words[i + n - 1][1], owners))
                        i += n - 1
                        break
            i += 1
        return found


@dataclass(frozen=True)
class Vocabulary:
    metrics: dict[str, Metric]
    cues: Phrases  # folded cue text → every (metric name, sign) it names
    patterns: re.Pattern  # the gapped cues, one named group each (one scan for all)
    pattern_names: dict[str, str]  # group name → metric name
    change: re.Pattern
    falling: re.Pattern
    status: Phrases  # folded status phrase → its statuses
    estimators: re.Pattern

    def cue_matches(self, text: str, start: int, end: int, words: list | None = None) -> list[CueMatch]:
        """Every metric cue between ``start`` and ``end`` (whose ``words_of`` may be given), in text order."""
        found = []
        for cue_start, cue_end, owners in self.cues.find(words_of(text, start, end) if words is None else words):
            capitalised = text[cue_start].isupper() and " " not in text[cue_start:cue_end]
            if capitalised and not _sentence_start(text, cue_start):
                continue  # "Jobs said": a name, not the measure
            found += [CueMatch(cue_start, cue_end, self.metrics[name], sign) for name, sign in owners
                      if not (capitalised and self.metrics[name].after)]
        found += [CueMatch(m.start(), m.end(), self.metrics[self.pattern_names[m.lastgroup or ""]], 1, True)
                  for m in self.patterns.finditer(text, start, end)]
        return sorted(found, key=lambda cue: (cue.start, -cue.end))

    def is_economy(self, metric: str) -> bool:
        base = self.metrics.get(metric.removesuffix(" change"))
        return bool(base and base.economy)

    def timing(self, metric: str) -> str:
        """How a metric's figures line up in time; a change of a measure has the timing of the measure."""
        base = self.metrics.get(metric.removesuffix(" change"))
        return base.timing if base else "level"

    def status_cues(self, text: str, start: int, end: int, words: list | None = None) -> list[tuple[int, int, str]]:
        """(start, end, status) of every status phrase between ``start`` and ``end``."""
        found = self.status.find(words_of(text, start, end) if words is None else words)
        return [(s, e, status) for s, e, owners in found for status in owners]


_SEPARATORS = re.compile(r"[\s\-]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # a word with its apostrophes; "pre-tax" is two words


def words_of(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each word between ``start`` and ``end``, for :class:`Phrases`."""
    return [(m.start(), m.end(), m.group().casefold().replace("’", "'")) for m in _WORD.finditer(text, start, end)]


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n"


def _fold(cue: str) -> str:
    """A cue as written in the data file or the text: lower case, hyphens and runs of spaces as one space."""
    return _SEPARATORS.sub(" ", cue.casefold().replace("’", "'")).strip()


def _words(cues) -> str:
    """An alternation of phrases: any case, a space matching spaces or a hyphen."""
    parts = []
    for cue in sorted(set(cues), key=len, reverse=True):
        body = r"[\s\-]+".join(re.escape(word) for word in cue.split())
        parts.append(body.replace("'", "['’]"))
    return r"(?<![\w$€£¥])(?:" + "|".join(parts) + r")(?![\w])" if parts else r"(?!)"


def _status_owners(statuses: dict[str, list[str]]) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = {}
    for status in STATUSES:
        for phrase in statuses[status]:
            owners.setdefault(_fold(phrase), []).append(status)
    return owners


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    metrics: dict[str, Metric] = {}
    owners: dict[str, list[tuple[str, int]]] = {}
    patterns = []
    for entry in data["metric"]:
        metric = Metric(entry["name"], frozenset(entry["kinds"]), entry["timing"], entry.get("after", False),
                        entry.get("economy", False))
        metrics[metric.name] = metric
        for sign, key in ((1, "cues"), (-1, "negative")):
            for cue in entry.get(key, []):
                for form in (cue, cue + "s", cue + "es"):
                    if (metric.name, sign) not in owners.setdefault(_fold(form), []):
                        owners[_fold(form)].append((metric.name, sign))
        patterns += [(p, metric.name) for p in entry.get("patterns", [])]
    statuses = data["status"]
    return Vocabulary(
        metrics=metrics,
        cues=Phrases(owners),
        patterns=re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(patterns)), re.IGNORECASE),
        pattern_names={f"p{i}": name for i, (_, name) in enumerate(patterns)},
        change=re.compile(_words(data["change"]["cues"]), re.IGNORECASE),
        falling=re.compile(_words(data["change"]["falling"]), re.IGNORECASE),
        status=Phrases(_status_owners(statuses)),
        estimators=re.compile(_words(statuses["estimators"]), re.IGNORECASE),
    )
