"""A web page's bytes → text: which charset to believe, and a warning when the page lied or said nothing.

Order (as browsers do, with one correction): a byte-order mark; the HTTP header's ``charset``; the page's
``<meta charset>`` or ``<meta http-equiv="Content-Type">`` in its first 4 kB; else UTF-8, else cp1252.
The correction: a page declared in a single-byte charset (Latin-1, cp1252, …) whose bytes are valid UTF-8
with non-ASCII characters is read as UTF-8 — real cp1252 text almost never is valid UTF-8, while servers
that send ``charset=iso-8859-1`` for UTF-8 pages are common, and believing them gives "â€™" everywhere.
"""

from __future__ import annotations

import codecs
import re

PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag of its first :data:`PRESCAN_BYTES` bytes, if any."""
    match = _META_CHARSET.search(data[:PRESCAN_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def known_codec(name: str | None) -> str | None:
    """The Python codec of a charset label (``"ISO-8859-1"`` → ``"latin-1"``); None when unknown."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None


def _single_byte(codec: str) -> bool:
    return codec not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32") and not codec.startswith(
        ("big5", "euc", "gb", "shift", "iso2022", "hz", "cp932", "cp949", "cp950", "johab")
    )


def decode_page(data: bytes, header_charset: str | None = None) -> tuple[str, str, list[str]]:
    """Decode a page: returns ``(text, codec used, warnings)``. Never raises: cp1252 and, last, Latin-1 read
    any byte, so a page whose charset cannot be known is still read (with a warning)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec, []
    warnings: list[str] = []
    declared = [(name, known_codec(name)) for name in (header_charset, meta_charset(data)) if name]
    for label, named in declared:
        if named is None:
            warnings.append(f"unknown charset {label!r} ignored")
            continue
        if _single_byte(named) and not data.isascii() and _is_utf8(data):
            warnings.append(f"declared charset {label!r} but the bytes are UTF-8; read as UTF-8")
            return data.decode("utf-8"), "utf-8", warnings
        try:
            return data.decode(named), named, warnings
        except UnicodeDecodeError:
            warnings.append(f"declared charset {label!r} does not fit the bytes; ignored")
    if _is_utf8(data):
        return data.decode("utf-8"), "utf-8", warnings
    try:
        text, codec = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, codec = data.decode("latin-1"), "latin-1"
    return text, codec, [*warnings, f"no usable charset declared and not UTF-8; read as {codec}"]


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
