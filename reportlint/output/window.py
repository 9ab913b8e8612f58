"""The part of a long line the text format shows: about a hundred screen columns around the
flagged span, with … where the line is cut (a crawled page can put a whole report on one line).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportlint.output.columns import is_control

WINDOW = 100  # screen columns of source shown under a diagnostic, the … marks included
ELLIPSIS = "…"
_MIN_CONTEXT = 10  # columns of context kept before a flagged span wider than the window


def char_cells(ch: str) -> int:
    """Screen columns of one character as the text format shows it: CJK two, combining
    marks none, a tab four (shown as spaces), a control character two (shown as ``^L``)."""
    if ch == "\t":
        return 4
    if is_control(ch):
        return 2
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


@dataclass(frozen=True)
class Window:
    first: int  # 0-based code-point index of the first character shown
    last: int  # one past the last character shown
    marked_end: int  # one past the last flagged character shown (the span may be cut)
    left_mark: str  # ELLIPSIS when characters before ``first`` are cut, else ""
    right_mark: str


def _fits(line: str, budget: int) -> bool:
    cells = 0
    for ch in line:
        cells += char_cells(ch)
        if cells > budget:
            return False
    return True


def _walk(line: str, index: int, step: int, budget: int, stop: int) -> tuple[int, int]:
    """From ``index`` towards ``stop`` (exclusive, by ``step``), as far as ``budget`` columns
    go: (the index reached, columns used)."""
    used = 0
    while index != stop:
        cells = char_cells(line[index if step > 0 else index - 1])
        if used + cells > budget:
            break
        used += cells
        index += step
    return index, used


def window(line: str, start: int, end: int, budget: int = WINDOW) -> Window:
    """Which characters of ``line`` to show for the span ``[start, end)`` (0-based code
    points) in ``budget`` screen columns: the whole line when it fits; else the start of the
    span, as much of it as fits, and context on both sides, ``…`` marking each cut."""
    end = min(max(end, start), len(line))
    if _fits(line, budget):
        return Window(0, len(line), end, "", "")
    inner = budget - 2 * len(ELLIPSIS)
    marked_end, marked = _walk(line, start, 1, max(inner - _MIN_CONTEXT, 1), end)
    if marked_end == start < end:  # a character wider than the room left: show it anyway
        marked_end, marked = start + 1, char_cells(line[start])
    room = max(inner - marked, 0)
    _, right_room = _walk(line, marked_end, 1, room, len(line))
    _, left_room = _walk(line, start, -1, room, 0)
    left_budget = max(room // 2, room - right_room)
    first, left_used = _walk(line, start, -1, min(left_budget, left_room), 0)
    last, _ = _walk(line, marked_end, 1, room - left_used, len(line))
    return Window(first, last, marked_end, ELLIPSIS if first > 0 else "",
                  ELLIPSIS if last < len(line) else "")
