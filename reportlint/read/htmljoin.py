"""The parts of a split article (``index.html``, ``index_1.html`` …) read as one report.

The joined Source addresses one virtual file: every part's own lines, one part after the
other. ``offsets[k]`` is the number of lines before part ``k``, so a position in the joined
report falls in exactly one part's file (see :func:`part_at`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlint.model import LineOrigin, Source
from reportlint.read.html import read_html_part


@dataclass(frozen=True)
class Joined:
    source: Source
    paths: tuple[str, ...]
    offsets: tuple[int, ...]
    shown: tuple[tuple[str, ...], ...]  # each part's own lines, for the formatters

    def part_at(self, line: int) -> tuple[int, int]:
        """(part index, line in that part's file) of a line of the virtual file."""
        index = max(bisect.bisect_left(self.offsets, line) - 1, 0)
        return index, line - self.offsets[index]


def _moved(origin: LineOrigin, offset: int) -> LineOrigin:
    lines = tuple(n + offset for n in origin.char_lines) if origin.char_lines else None
    return replace(origin, line=origin.line + offset, char_lines=lines)


def join_parts(parts: Sequence[tuple[str, bytes]]) -> Joined:
    """Read each part (an unreadable one raises its InputProblem) and join them in order."""
    sources = [read_html_part(path, data)[0] for path, data in parts]
    offsets: list[int] = []
    lines: list[str] = []
    raw: list[str] = []
    origins: list[LineOrigin] = []
    shown: list[str] = []
    for source in sources:
        offsets.append(len(shown))
        lines += source.lines
        raw += source.raw_lines
        origins += [_moved(o, offsets[-1]) for o in source.origins or ()]
        shown += source.shown_lines
    first = sources[0]
    joined = replace(first, lines=tuple(lines), raw_lines=tuple(raw), origins=tuple(origins),
                     display_lines=tuple(shown), problems=())
    return Joined(joined, tuple(p for p, _ in parts), tuple(offsets),
                  tuple(s.shown_lines for s in sources))
