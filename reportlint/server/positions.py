"""Columns in the position encoding the client and server agreed on (LSP 3.17).

Inside, columns are 1-based code points. LSP characters are 0-based and counted in UTF-16
code units (the default), UTF-8 bytes or UTF-32 code points.
"""

from __future__ import annotations

from reportlint.output.columns import byte_column, utf16_column

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(ch: str, encoding: str) -> int:
    if encoding == UTF8:
        return len(ch.encode("utf-8", "surrogatepass"))
    if encoding == UTF16:
        return 2 if ord(ch) > 0xFFFF else 1
    return 1


def to_character(line: str, column: int, encoding: str) -> int:
    """A 1-based code-point column as an LSP character offset."""
    if encoding == UTF8:
        return byte_column(line, column) - 1
    if encoding == UTF16:
        return utf16_column(line, column) - 1
    return column - 1


def to_column(line: str, character: int, encoding: str) -> int:
    """An LSP character offset as a 1-based code-point column (an offset inside a
    character, half of a surrogate pair, counts as that character)."""
    units = 0
    for index, ch in enumerate(line):
        if units >= character:
            return index + 1
        units += _units(ch, encoding)
        if units > character:
            return index + 1
    return len(line) + 1 + max(character - units, 0)
