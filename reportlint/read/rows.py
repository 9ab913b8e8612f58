"""Shared by the PDF, HTML and DOCX readers: table rows as Markdown pipe lines, cell text joining.

The contract with the table layer: every rebuilt table row is one line ``| a | b | … |`` in grid
order; grid positions covered by a merged cell after its first one are empty (``|  |``); a literal
``|`` is written ``\\|``; line breaks inside a cell are joined (no separator between CJK).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_SPACE_RUN = re.compile(r"\s+")


def is_wide(ch: str) -> bool:
    """CJK characters and full-width punctuation: no space is needed next to them."""
    return unicodedata.east_asian_width(ch) in "WF"


def join_pieces(pieces: Sequence[str]) -> str:
    """Join the lines of one cell or paragraph: nothing between CJK, one space otherwise."""
    out = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if out and not (is_wide(out[-1]) or is_wide(piece[0])):
            out += " "
        out += piece
    return out


def drop_wide_spaces(text: str) -> str:
    """Remove spaces that sit next to a CJK character (letter-spaced ``总 计``, ``2023 年``
    stays readable as ``2023年``); runs of other spaces become one."""
    parts = _SPACE_RUN.split(text.strip())
    return join_pieces(parts)


def escape_cell(text: str) -> str:
    return text.replace("|", "\\|")


@dataclass(frozen=True)
class PipeRow:
    """One table row as a pipe line, with the text column where each cell's content starts
    and the index of the cell each character of the line belongs to (-1: a separator)."""

    text: str
    starts: tuple[int, ...]
    owners: tuple[int, ...]


def pipe_row(cells: Sequence[str]) -> PipeRow:
    """``| a | b |``: cell ``i`` starts at text column ``starts[i]`` (1-based)."""
    text = "|"
    owners = [-1]
    starts: list[int] = []
    for index, cell in enumerate(cells):
        body = escape_cell(cell)
        text += " "
        owners.append(index)
        starts.append(len(text) + 1)
        text += body + " |"
        owners.extend([index] * len(body) + [index, -1])
    return PipeRow(text, tuple(starts), tuple(owners))
