"""What the user taught the extractor: entities to add, texts or single occurrences to suppress.

Pure data and pure functions; ``store.teachings`` loads teachings, ``store.mentions`` saves them and
``store.extract.extract`` applies them. A teaching applies to an article only when its text occurs there, so the
fingerprint of the teachings relevant to one article changes only when that article's mentions would.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from operator import attrgetter

from store.extract.canonical import canonical_key
from store.model import Mention

_ORDER = attrgetter("start", "end", "kind")  # mentions in text order


@dataclass(frozen=True)
class Teachings:
    """``added``: (text, label) pairs; ``suppressed_texts``: texts that are never a mention;
    ``suppressed_spans``: article id → {(start, text)} of single occurrences that are not mentions."""

    added: list[tuple[str, str]] = field(default_factory=list)
    suppressed_texts: set[str] = field(default_factory=set)
    suppressed_spans: dict[int, set[tuple[int, str]]] = field(default_factory=dict)

    def relevant(self, text: str, article_id: int | None = None) -> Teachings:
        """Only the teachings that can change the mentions of this article."""
        spans = self.suppressed_spans.get(article_id, set()) if article_id is not None else set()
        return Teachings(
            added=[(word, label) for word, label in self.added if word in text],
            suppressed_texts={word for word in self.suppressed_texts if word in text},
            suppressed_spans={article_id: set(spans)} if article_id is not None and spans else {},
        )

    def fingerprint(self) -> str:
        """A short digest that changes whenever the teachings do (order of teaching does not matter)."""
        parts = [f"add\x1f{word}\x1f{label}" for word, label in sorted(self.added)]
        parts += [f"suppress\x1f{word}" for word in sorted(self.suppressed_texts)]
        parts += [
            f"occurrence\x1f{article}\x1f{start}\x1f{word}"
            for article, spans in sorted(self.suppressed_spans.items())
            for start, word in sorted(spans)
        ]
        return hashlib.sha1("\x1e".join(parts).encode("utf-8")).hexdigest()[:16] if parts else ""


def apply_teachings(text: str, mentions: list[Mention], teachings: Teachings,
                    article_id: int | None = None) -> list[Mention]:
    """Mentions with the user's entities added (they win over overlapping automatic entities) and suppressed
    texts and occurrences removed, sorted by start."""
    added = taught_entities(text, teachings.added)
    if added:
        mentions = [m for m in mentions if m.kind != "entity" or not any(_overlap(m, a) for a in added)] + added
    spans = teachings.suppressed_spans.get(article_id, set()) if article_id is not None else set()
    kept = [m for m in mentions if m.text not in teachings.suppressed_texts and (m.start, m.text) not in spans]
    return sorted(kept, key=_ORDER)


def taught_entities(text: str, added: list[tuple[str, str]]) -> list[Mention]:
    """Every case-sensitive whole-word occurrence of each taught entity; longer teachings win overlaps."""
    found: list[Mention] = []
    for word, label in sorted(added, key=lambda pair: -len(pair[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            candidate = Mention(match.start(), match.end(), word, "entity", label, canonical_key(word))
            if not any(_overlap(candidate, other) for other in found):
                found.append(candidate)
    return found


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end
