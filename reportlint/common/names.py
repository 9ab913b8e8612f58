"""File names that every output can carry (formatters, messages that name a file).

A file name that is not valid UTF-8 (a report copied from a GBK file system, a zip unpacked
without its encoding) reaches Python as a ``str`` holding lone surrogates (PEP 383). Such a
string cannot be written to a UTF-8 stream or file, and inside JSON or XML it would make the
document invalid. Formatters print ``printable(name)``: a name that decodes as GB18030 decoded
so (the usual case: a Chinese Windows file system), otherwise the undecodable bytes as
``\\xNN`` escapes (unique, ASCII, and what Python itself shows), everything else unchanged. URIs use
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
    """The name as valid Unicode: a name in GB18030 (GBK, GB2312: Chinese Windows shares,
    zips made there) decoded as such, other undecodable bytes shown as ``\\xNN``."""
    if name.isascii() or not any("\ud800" <= ch <= "\udfff" for ch in name):
        return name
    # Part by part: a GBK file name in a folder whose name is UTF-8 (both are common)
    return "/".join(map(_printable_part, name.split("/")))


def _printable_part(part: str) -> str:
    if not any("\ud800" <= ch <= "\udfff" for ch in part):
        return part
    raw = name_bytes(part)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


# Characters that would break a line-based output or drive a terminal: C0/C1 controls (a
# newline makes a fake ``path:9:9: error:`` or ``::error`` line, ESC a terminal sequence),
# the Unicode line separators and the bidirectional overrides that reorder what is shown.
_UNSAFE = frozenset(
    [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\u2028", "\u2029"] + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)])


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str, keep: str = "") -> str:
    """``printable(text)`` with every control character but those in ``keep`` as an escape
    (``\\x0a``, ``\\x1b``), for outputs read line by line (text, gcc, stderr): a file name
    cannot forge a line."""
    text = printable(text)
    if not any(ch in _UNSAFE and ch not in keep for ch in text):
        return text
    return "".join(_escaped(ch) if ch in _UNSAFE and ch not in keep else ch for ch in text)
