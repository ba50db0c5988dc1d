"""Bytes to text: UTF-8 first, then the encodings old archives are written in."""

from __future__ import annotations

_FALLBACKS = (("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))


class BinaryFile(ValueError):
    """The bytes are not text at all."""


def decode_bytes(data: bytes) -> tuple[str, str | None, int | None]:
    """Return (text, warning, line). `warning` says which fallback was used and
    `line` where the first byte that is not UTF-8 sits."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None, None
        except UnicodeDecodeError:
            raise BinaryFile("binary file (broken UTF-16)") from None
    if b"\x00" in data:
        raise BinaryFile("binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), None, None
    except UnicodeDecodeError as error:
        bad_at = error.start
    line = data.count(b"\n", 0, bad_at) + 1
    for codec, label in _FALLBACKS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return text, f"not valid UTF-8 (byte 0x{data[bad_at]:02x}); read as {label}", line
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover
