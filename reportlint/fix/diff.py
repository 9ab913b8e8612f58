"""A unified diff of a fix, as ``--diff`` prints it."""

from __future__ import annotations

import difflib

from reportlint.read.text import encoding_of


def _text(data: bytes) -> str:
    found = encoding_of(data)
    if found is None:
        return data.decode("utf-8", errors="replace")
    encoding, bom = found
    return data[bom:].decode(encoding)


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """``--- a/path`` / ``+++ b/path`` hunks; a line end that a line keeps is shown as is."""
    old = _text(before).splitlines(keepends=True)
    new = _text(after).splitlines(keepends=True)
    name = path.lstrip("/")
    lines = difflib.unified_diff(old, new, f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
