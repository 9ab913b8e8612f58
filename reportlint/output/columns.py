"""Column units at the edge: code points inside, other units for the tools that want them.

Positions are 1-based code-point columns everywhere in reportlint. A character outside the
Basic Multilingual Plane (U+20000 in a rare name) is one code point but two UTF-16 units and
four UTF-8 bytes; every CJK character is three UTF-8 bytes and two screen cells. Formatters
convert here, with the text of the line the column refers to.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from reportlint.model import Span

TAB_STOP = 8  # GCC (-ftabstop), GNU coding standards and Vim's %v count tabs to stop 8


def _utf16(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def _utf8(ch: str) -> int:
    return len(ch.encode("utf-8", "surrogatepass"))


def _convert(line: str, column: int, width: Callable[[str], int]) -> int:
    # Columns past the end of the line (an end column one past the last character, a point
    # after a short line) keep counting one unit per missing character.
    prefix = line[: max(column - 1, 0)]
    beyond = max(column - 1 - len(prefix), 0)
    return 1 + sum(width(ch) for ch in prefix) + beyond


def utf16_column(line: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-16 code-unit column (SARIF, LSP)."""
    return _convert(line, column, _utf16)


def byte_column(line: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column (Vim's ``%c``)."""
    return _convert(line, column, _utf8)


def display_column(line: str, column: int) -> int:
    """A 1-based code-point column as a 1-based screen column: CJK two cells, combining
    marks none, control characters two (``^L``), tabs to the next multiple of eight (GCC's
    default column unit, GNU style, Emacs' compilation mode and Vim's ``%v``)."""
    cells = 0
    prefix = line[: max(column - 1, 0)]
    for ch in prefix:
        if ch == "\t":
            cells += TAB_STOP - cells % TAB_STOP
        elif is_control(ch):
            cells += 2  # shown as ^L, ^[ by Vim and Emacs (the form feed pdftotext puts)
        elif not unicodedata.combining(ch):
            cells += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return 1 + cells + max(column - 1 - len(prefix), 0)


def is_control(ch: str) -> bool:
    """A C0 control character or DEL (tab aside): editors show it as two cells, ``^L``."""
    return (ch < " " and ch != "\t") or ch == "\x7f"


def line_text(lines: Sequence[str], line: int) -> str:
    """The text of a 1-based line, or "" when the position is outside the lines we have."""
    return lines[line - 1].rstrip("\r\n") if 1 <= line <= len(lines) else ""


def convert_span(lines: Sequence[str], span: Span, unit: Callable[[str, int], int]) -> Span:
    """The span with both columns converted by ``unit`` (one of the functions above)."""
    return Span(
        span.line,
        unit(line_text(lines, span.line), span.column),
        span.end_line,
        unit(line_text(lines, span.end_line), span.end_column),
    )


def flagged_text(lines: Sequence[str], span: Span) -> str:
    """The text a span covers on its first line (to the end of that line if it goes on)."""
    text = line_text(lines, span.line)
    end = span.end_column if span.end_line == span.line else len(text) + 1
    return text[span.column - 1 : max(end - 1, span.column - 1)]
