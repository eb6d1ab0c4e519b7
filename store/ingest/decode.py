"""Bytes → clean text: encoding detection, binary refusal, size limit and control-character removal."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 8192

# Control characters a terminal could act on: C0 (except tab and newline), DEL, C1, and the bidi
# embedding/override/isolate controls that can make text display in a different order than it reads.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile(r"\r\n?")
# Printable text hardly ever has these; a file where they abound is binary even without NUL bytes.
_BINARY_NOISE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


class IngestError(Exception):
    """A file cannot be read as an article; ``str()`` is a one-line reason."""


def clean_text(text: str) -> str:
    """Normalise line endings to ``\\n`` and drop control characters; nothing else is rewritten."""
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode file contents: UTF-8 (BOM stripped), UTF-16 with a BOM, else cp1252, else Latin-1.

    Raises :class:`IngestError` for binary data. Returns the text and warnings about the decoding.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ["decoded as UTF-16"]
        except UnicodeDecodeError as error:
            raise IngestError(f"invalid UTF-16 at byte {error.start}") from None
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        raise IngestError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
        warnings: list[str] = []
    except UnicodeDecodeError:
        try:
            text, warnings = data.decode("cp1252"), ["decoded as cp1252 (not valid UTF-8)"]
        except UnicodeDecodeError:
            text, warnings = data.decode("latin-1"), ["decoded as Latin-1 (not valid UTF-8)"]
    sample = text[:SNIFF_BYTES]
    # A floor on the sample size keeps one stray control byte in a short text from looking binary.
    if len(_BINARY_NOISE.findall(sample)) > max(len(sample), 64) * 0.1:
        raise IngestError("binary file (mostly non-text bytes)")
    return text, warnings


def read_text(path: Path) -> tuple[str, list[str]]:
    """Read and decode one file, refusing files over :data:`MAX_FILE_BYTES` before reading them."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise IngestError(f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:  # grew between stat and read
        raise IngestError(f"file too large (over {MAX_FILE_BYTES:,} bytes)")
    return decode_bytes(data)
