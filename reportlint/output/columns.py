"""Column units at the edge: code points inside, other units for the tools that want them.

Positions are 1-based code-point columns everywhere in reportlint. A character outside the
Basic Multilingual Plane (U+20000 in a rare name) is one code point but two UTF-16 units and
four UTF-8 bytes; every CJK character is three UTF-8 bytes and two screen cells. Formatters
convert here, with the text of the line the column refers to.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from reportlint.model import Span

TAB_STOP = 8  # GCC (-ftabstop), GNU coding standards and Vim's %v count tabs to stop 8


def _beyond(line: str, column: int) -> tuple[str, int]:
    # Columns past the end of the line (an end column one past the last character, a point
    # after a short line) keep counting one unit per missing character.
    prefix = line[: max(column - 1, 0)]
    return prefix, max(column - 1 - len(prefix), 0)


def utf16_column(line: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-16 code-unit column (SARIF, LSP)."""
    prefix, beyond = _beyond(line, column)
    # encoded, not counted in Python: a long line with many diagnostics stays cheap
    return 1 + len(prefix.encode("utf-16-le", "surrogatepass")) // 2 + beyond


def byte_column(line: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column (Vim's ``%c``)."""
    prefix, beyond = _beyond(line, column)
    return 1 + len(prefix.encode("utf-8", "surrogatepass")) + beyond


def _cell_width(ch: str, cells: int) -> int:
    if ch == "\t":
        return TAB_STOP - cells % TAB_STOP
    if is_control(ch):
        return 2  # shown as ^L, ^[ by Vim and Emacs (the form feed pdftotext puts)
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


@lru_cache(maxsize=4)
def _cells_before(line: str) -> tuple[int, ...]:
    """The screen cells before each character of the line, and after its last: counted once
    per line, however many diagnostics it has."""
    cells, found = 0, [0]
    for ch in line:
        cells += _cell_width(ch, cells)
        found.append(cells)
    return tuple(found)


def display_column(line: str, column: int) -> int:
    """A 1-based code-point column as a 1-based screen column: CJK two cells, combining
    marks none, control characters two (``^L``), tabs to the next multiple of eight (GCC's
    default column unit, GNU style, Emacs' compilation mode and Vim's ``%v``)."""
    prefix, beyond = _beyond(line, column)
    return 1 + _cells_before(line)[len(prefix)] + beyond


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
