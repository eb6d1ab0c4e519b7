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
    cues: re.Pattern  # one alternation of every cue word, longest first
    cue_owners: dict[str, list[tuple[str, int]]]  # folded cue text → every (metric name, sign) it names
    patterns: list[tuple[re.Pattern, str]]  # gapped cues
    change: re.Pattern
    falling: re.Pattern
    status: list[tuple[str, re.Pattern]]
    estimators: re.Pattern

    def cue_matches(self, text: str, start: int, end: int) -> list[CueMatch]:
        """Every metric cue between ``start`` and ``end``, in text order."""
        found = []
        for match in self.cues.finditer(text, start, end):
            capitalised = match.group()[0].isupper() and " " not in match.group()
            if capitalised and not _sentence_start(text, match.start()):
                continue  # "Jobs said", "Sales Force": a name, not the measure
            for name, sign in self.cue_owners.get(_fold(match.group()), ()):
                if not (capitalised and self.metrics[name].after):
                    found.append(CueMatch(match.start(), match.end(), self.metrics[name], sign))
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


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n"


def _fold(cue: str) -> str:
    """A cue as written in the data file or the text: lower case, hyphens and runs of spaces as one space."""
    return re.sub(r"[\s\-]+", " ", cue.casefold().replace("’", "'")).strip()


def _words(cues, plural: bool) -> str:
    """An alternation of cue phrases: any case, a space matching spaces or a hyphen, optionally a plural."""
    parts = []
    for cue in sorted(set(cues), key=len, reverse=True):
        body = r"[\s\-]+".join(re.escape(word) for word in cue.split())
        body = body.replace("'", "['’]")
        parts.append(body + (r"(?:s|es)?" if plural and cue[-1].isalpha() else ""))
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
    every_cue = [cue for entry in data["metric"] for key in ("cues", "negative") for cue in entry.get(key, [])]
    statuses = data["status"]
    return Vocabulary(
        metrics=metrics,
        cues=re.compile(_words(every_cue, plural=True), re.IGNORECASE),
        cue_owners=owners,
        patterns=patterns,
        change=re.compile(_words(data["change"]["cues"], plural=False), re.IGNORECASE),
        falling=re.compile(_words(data["change"]["falling"], plural=False), re.IGNORECASE),
        status=[(name, re.compile(_words(statuses[name], plural=False), re.IGNORECASE)) for name in STATUSES],
        estimators=re.compile(_words(statuses["estimators"], plural=False), re.IGNORECASE),
    )
