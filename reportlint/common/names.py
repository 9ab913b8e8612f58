"""File names that every output can carry (formatters, messages that name a file).

A file name that is not valid UTF-8 (a report copied from a GBK file system, a zip unpacked
without its encoding) reaches Python as a ``str`` holding lone surrogates (PEP 383). Such a
string cannot be written to a UTF-8 stream or file, and inside JSON or XML it would make the
document invalid. Formatters print ``printable(name)``: the undecodable bytes as ``\\xNN``
escapes (unique, ASCII, and what Python itself shows), everything else unchanged. URIs use
``name_bytes``, which gives back the bytes on disk for percent-encoding.
"""

from __future__ import annotations


def name_bytes(name: str) -> bytes:
    """The bytes a name stands for (the file system's, for names Python decoded with
    ``surrogateescape``); any other lone surrogate becomes U+FFFD's bytes."""
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "replace")


def printable(name: str) -> str:
    """The name as valid Unicode: undecodable bytes shown as ``\\xNN``."""
    if name.isascii() or not any("\ud800" <= ch <= "\udfff" for ch in name):
        return name
    return name_bytes(name).decode("utf-8", "backslashreplace")
