"""Apply edits to the bytes of a text file: only the edited spans change.

The file is decoded the way the text reader decodes it; each edit is turned into a byte
range and spliced in, encoded the same way. The BOM, the line ends and every byte outside
the edited spans stay as they were. An edit whose span no longer holds its ``original``
text, or that overlaps one applied before it, is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlint.model import Edit
from reportlint.read.text import encoding_of

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Applied:
    data: bytes
    count: int  # edits applied


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character (lines split as the text reader does)."""
    return [0, *(m.end() for m in _LINE_END.finditer(text))]


def _offsets(text: str, starts: Sequence[int], edit: Edit) -> tuple[int, int] | None:
    span = edit.span
    if span.line != span.end_line or not 1 <= span.line <= len(starts):
        return None
    start = starts[span.line - 1] + span.column - 1
    end = starts[span.line - 1] + span.end_column - 1
    line_end = _LINE_END.search(text, starts[span.line - 1])
    limit = line_end.start() if line_end else len(text)
    if end > limit or text[start:end] != edit.original:
        return None
    return start, end


def _chosen(text: str, edits: Iterable[Edit]) -> list[tuple[int, int, str]]:
    """The edits that still apply, as character ranges, in order, none overlapping."""
    starts = line_starts(text)
    ranges = []
    for edit in edits:
        found = _offsets(text, starts, edit)
        if found is not None:
            ranges.append((*found, edit.replacement))
    chosen: list[tuple[int, int, str]] = []
    for start, end, replacement in sorted(ranges):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, replacement))
    return chosen


def apply_edits(data: bytes, edits: Iterable[Edit]) -> Applied:
    """``data`` with the edits applied (unchanged when it is not a cleanly decodable text)."""
    found = encoding_of(data)
    if found is None:
        return Applied(data, 0)
    encoding, bom = found
    text = data[bom:].decode(encoding)
    chosen = _chosen(text, edits)
    pieces, byte_at, char_at = [data[:bom]], bom, 0
    for start, end, replacement in chosen:
        begin = byte_at + len(text[char_at:start].encode(encoding))
        stop = begin + len(text[start:end].encode(encoding))
        pieces += [data[byte_at:begin], replacement.encode(encoding)]
        byte_at, char_at = stop, end
    pieces.append(data[byte_at:])
    return Applied(b"".join(pieces), len(chosen))
