"""Bytes → text: encodings, binary refusal, size limit, control characters."""

from pathlib import Path

import pytest

import store.ingest.decode as decode
from store.ingest.decode import IngestError, clean_text, decode_bytes, read_text


def test_utf8_bom_is_stripped_and_no_warning():
    assert decode_bytes("\ufeffCafé".encode("utf-8")) == ("Café", [])


def test_cp1252_bytes_decode_with_a_warning():
    text, warnings = decode_bytes("“Smart” quotes – café".encode("cp1252"))
    assert text == "“Smart” quotes – café"
    assert warnings == ["decoded as cp1252 (not valid UTF-8)"]


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    text, warnings = decode_bytes(b"caf\xe9 \x81")
    assert text.startswith("café")
    assert "Latin-1" in warnings[0]


def test_utf16_with_bom_is_text_not_binary():
    text, warnings = decode_bytes("Hello world".encode("utf-16"))
    assert text == "Hello world" and warnings == ["decoded as UTF-16"]


def test_nul_bytes_mean_binary():
    with pytest.raises(IngestError, match="NUL"):
        decode_bytes(b"PK\x03\x04\x00\x00 some zip")


def test_control_byte_noise_without_nul_means_binary():
    noise = bytes(range(1, 32)) * 50 + b"a few letters"
    with pytest.raises(IngestError, match="non-text"):
        decode_bytes(noise)


def test_clean_text_normalises_line_endings_and_drops_terminal_controls():
    raw = "one\r\ntwo\rthree\x1b[31m red\x07\u202eevil\u2066x\u2069\x85\tend\x7f"
    assert clean_text(raw) == "one\ntwo\nthree[31m redevilx\tend"


def test_clean_text_leaves_everything_else_alone():
    text = "“Curly” ‘quotes’ — dashes… and  double  spaces\n\n\tindent é 漢字 🙂"
    assert clean_text(text) == text


def test_read_text_refuses_files_over_the_limit_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("x" * 200)
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("read a file over the limit"))
    with pytest.raises(IngestError, match="too large"):
        read_text(path)


def test_read_text_reports_an_unreadable_file_in_one_line(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("hidden")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(IngestError) as info:
        read_text(path)
    assert str(info.value) == "cannot read: Permission denied"
