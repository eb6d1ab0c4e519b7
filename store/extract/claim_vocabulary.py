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


@dataclass(frozen=True)
class Vocabulary:
    metrics: dict[str, Metric]
    longest_cue: int  # words in the longest cue phrase
    first_words: frozenset[str]  # the words a cue phrase can begin with
    cue_owners: dict[str, list[tuple[str, int]]]  # folded cue text → every (metric name, sign) it names
    patterns: list[tuple[re.Pattern, str]]  # gapped cues
    change: re.Pattern
    falling: re.Pattern
    status: list[tuple[str, re.Pattern]]
    estimators: re.Pattern

    def cue_matches(self, text: str, start: int, end: int) -> list[CueMatch]:
        """Every metric cue between ``start`` and ``end``, in text order: the longest cue phrase at each word,
        looked up by its words (a dictionary lookup per word and length: far faster than one regular
        expression of some 400 alternatives)."""
        words = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text, start, end)]
        found = []
        i = 0
        while i < len(words):
            if words[i][2] not in self.first_words:
                i += 1
                continue
            for n in range(min(self.longest_cue, len(words) - i), 0, -1):
                owners = self.cue_owners.get(" ".join(word for _, _, word in words[i : i + n]))
                if owners:
                    cue_start, cue_end = words[i][0], words[i + n - 1][1]
                    phrase = text[cue_start:cue_end]
                    capitalised = phrase[0].isupper() and n == 1 and "-" not in phrase
                    if not (capitalised and not _sentence_start(text, cue_start)):  # "Jobs said": a name
                        found += [CueMatch(cue_start, cue_end, self.metrics[name], sign) for name, sign in owners
                                  if not (capitalised and self.metrics[name].after)]
                    i += n - 1
                    break
            i += 1
        for pattern, name in self.patterns:
            found += [CueMatch(m.start(), m.end(), self.metrics[name], 1, True) for m in pattern.finditer(text, start, end)]
        return sorted(found, key=lambda cue: (cue.start, -cue.end))

    def is_economy(self, metric: str) -> bool:
        base = self.metrics.get(metric.removesuffix(" change"))
        return bool(base and base.economy)

    def timing(self, metric: str) -> str:
        """How a metric's figures line up in time; a change of a measure has the timing of the measure."""
        base = self.metrics.get(metric.removesuffix(" change"))
        return base.timing if base else "level"

    def status_cues(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, status) of every status word between ``start`` and ``end``."""
        return sorted((m.start(), m.end(), status) for status, pattern in self.status for m in pattern.finditer(text, start, end))


_SEPARATORS = re.compile(r"[\s\-]+")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")  # a word, with its inner hyphens and apostrophes


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
        patterns += [(re.compile(p, re.IGNORECASE), metric.name) for p in entry.get("patterns", [])]
    statuses = data["status"]
    return Vocabulary(
        metrics=metrics,
        longest_cue=max(len(cue.split()) for cue in owners),
        first_words=frozenset(cue.split()[0] for cue in owners),
        cue_owners=owners,
        patterns=patterns,
        change=re.compile(_words(data["change"]["cues"]), re.IGNORECASE),
        falling=re.compile(_words(data["change"]["falling"]), re.IGNORECASE),
        status=[(name, re.compile(_words(statuses[name]), re.IGNORECASE)) for name in STATUSES],
        estimators=re.compile(_words(statuses["estimators"]), re.IGNORECASE),
    )
