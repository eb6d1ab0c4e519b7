"""Canonical keys: one string per named thing, so that its spellings group together.

"NVIDIA", "Nvidia's" and "Nvidia Corp." all give ``"nvidia"``; "Meta" gives ``"meta platforms"`` because the
gazetteer lists it as an alias of Meta Platforms. Names the gazetteer doesn't know are case-folded, with a
possessive, a leading "the" and legal suffixes ("Inc.", "Ltd") removed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from store.extract.gazetteer import fold, gazetteer

_POSSESSIVE = re.compile(r"(?:'s|s')$")
_LEADING_THE = re.compile(r"^the\s+")
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|sa|ag|nv|se|group|holdings)\.?$"
)
_SPACES = re.compile(r"\s+")


def clean_name(name: str) -> str:
    """Fold a name and drop what never belongs to it: outer spaces, a leading "the", a possessive."""
    cleaned = _SPACES.sub(" ", fold(name).strip(" \t\n\"'“”‘’.,;:()[]"))
    cleaned = _LEADING_THE.sub("", cleaned)
    if cleaned.endswith("s'"):
        return cleaned[:-1]
    return _POSSESSIVE.sub("", cleaned) if cleaned.endswith("'s") else cleaned


@lru_cache(maxsize=65536)
def canonical_key(name: str) -> str:
    """The grouping key of a name: the gazetteer's key for a known alias, else the cleaned, folded name."""
    aliases = gazetteer().aliases
    cleaned = clean_name(name)
    for candidate in (cleaned, _LEGAL_SUFFIX.sub("", cleaned)):
        if candidate in aliases:
            return aliases[candidate].key
    return _LEGAL_SUFFIX.sub("", cleaned) or cleaned
