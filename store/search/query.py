"""Reading what the user typed: filters (``tag:``, ``entity:``, ``label:``, ``source:``, ``in:``), exact
phrases in double quotes, and the loose words around them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.search.normalize import normalize, words

FILTER_KEYS = ("tag", "entity", "label", "source", "in")
SCOPES_BY_IN = {"quotes": "quotes", "quote": "quotes", "titles": "titles", "title": "titles", "notes": "notes",
                "note": "notes", "sentences": "sentences", "entities": "entities"}
MAX_QUERY_CHARS = 500

_FILTER = re.compile(r'(?:^|(?<=\s))(tag|entity|label|source|in):(?:"([^"]*)"|(\S+))')
_PHRASE = re.compile(r'(?:^|(?<=[\s(]))"([^"]+)"(?=[\s).,;:!?]|$)')


@dataclass(frozen=True)
class ParsedQuery:
    """A query taken apart. ``text`` is the normalised free text (phrases included, filters removed);
    ``words`` its words in order, ``phrases`` the normalised exact phrases."""

    text: str = ""
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.words and not self.filters

    def first(self, key: str) -> str | None:
        values = self.filters.get(key)
        return values[0] if values else None


def parse_query(query: str) -> ParsedQuery:
    """Take ``query`` apart; never raises, whatever it holds (an unbalanced quote is just a character)."""
    text = normalize(query[:MAX_QUERY_CHARS])
    filters: dict[str, list[str]] = {}

    def take_filter(match: re.Match) -> str:
        value = (match.group(2) if match.group(2) is not None else match.group(3)).strip()
        if value:
            filters.setdefault(match.group(1), []).append(value)
        return " "

    text = _FILTER.sub(take_filter, text)
    phrases = tuple(phrase for phrase in (" ".join(p.split()) for p in _PHRASE.findall(text)) if words(phrase))
    free = " ".join(text.replace('"', " ").split()) if phrases else " ".join(text.split())
    return ParsedQuery(
        text=free,
        words=tuple(words(free)),
        phrases=phrases,
        filters={key: tuple(values) for key, values in filters.items()},
    )


def scope_of(parsed: ParsedQuery, default: str) -> str:
    """The scope asked for by an ``in:`` filter, else ``default``."""
    wanted = parsed.first("in")
    return SCOPES_BY_IN.get(wanted, default) if wanted else default
