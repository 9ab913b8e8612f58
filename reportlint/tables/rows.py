"""Split a table region's lines into raw rows: label cells and value cells, with positions.

Three ways of writing a row are recognised, line by line:
- tab-prefixed cells, one per line, rows separated by blank lines (a line holding only a tab is
  an empty cell; a line without the tab continues the cell above);
- Markdown pipe rows (``|`` separated, ``\\|`` a literal pipe, ``|---|`` rules skipped);
- text lines (``pdftotext -layout`` or raw PDF text): the trailing run of number-like tokens are
  the values, the rest is the label. Digits glued to a label (``规章000``) are kept as one
  glued value: the caller decides whether that is a single value or cells run together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from reportlint.model import made
from reportlint.parse.lines import FOOTER_STARTS, is_footer
from reportlint.parse.tree import Piece
from reportlint.tables.numbers import VALUE_TOKEN

_TOKEN = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_RULE_CELL = re.compile(r"\s*:?-{2,}:?\s*")
_GLUED = re.compile(r"^(.*[^\d\s.,+\-/])(\d+(?:\.\d+)?)$")


class RawRow(NamedTuple):
    """A row as written, before any template. Made by ``raw_row``, which also fills the
    derived fields that each template's binding reads several times per row."""

    labels: tuple[Piece, ...]
    values: tuple[Piece, ...]
    line: int
    glued: bool  # the values were glued to the label without a separator
    # Empty cells between the label and the first value: merged-cell placeholders, or blank
    # values (``&nbsp;`` where 0 is meant) when the row is short of values.
    blanks: tuple[Piece, ...]
    label: str  # the label cells' texts, joined by spaces
    texts: tuple[str, ...]  # the value cells' texts
    has_values: bool  # some value cell is not empty


def raw_row(labels: tuple[Piece, ...], values: tuple[Piece, ...], line: int,
            glued: bool = False, blanks: tuple[Piece, ...] = ()) -> RawRow:
    texts = tuple([p.text for p in values])
    label = " ".join([p.text for p in labels])
    return made(RawRow, (labels, values, line, glued, blanks, label, texts, any(texts)))


@lru_cache(maxsize=4096)  # cells repeat ("0"): look at each spelling once
def _is_value(text: str) -> bool:
    return bool(VALUE_TOKEN.match(_SPACES.sub("", text)))


def _cell(line: int, start: int, text: str) -> Piece:
    """The stripped cell ``text`` found at 0-based offset ``start`` of the line."""
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    return made(Piece, (line, start + offset + 1, stripped))


def _split(cells: Sequence[Piece]) -> tuple[tuple[Piece, ...], tuple[Piece, ...],
                                            tuple[Piece, ...]]:
    """Leading empty cells are merged-cell placeholders; labels run up to the first value."""
    count = len(cells)
    first = 0
    while first < count and not cells[first].text:
        first += 1
    index = first
    while index < count and not _is_value(cells[index].text):
        index += 1
    head = cells[first:index]
    end = len(head)  # the empty cells at the end of the label cells are blanks
    while end and not head[end - 1].text:
        end -= 1
    return tuple([c for c in head if c.text]), tuple(cells[index:]), tuple(head[end:])


def is_rule_row(stripped: str) -> bool:
    """A Markdown rule under a header (``|---|:--:|``), as
    ``^\\|?\\s*:?-{2,}:?\\s*(?:\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$`` says, cell by cell: that
    pattern retried the blanks shared by a cell's end and the row's end from every cell (a
    fuzzed 180,000-character row took 24 s)."""
    body = stripped[1:] if stripped.startswith("|") else stripped
    body = body[:-1] if body.endswith("|") else body
    return all(_RULE_CELL.fullmatch(cell) for cell in body.split("|"))


def pipe_row(line: int, text: str) -> RawRow | None:
    stripped = text.strip()
    if is_rule_row(stripped):
        return None
    base = text.index("|") + 1
    body = text[base:]
    if body.rstrip().endswith("|") and not body.rstrip().endswith("\\|"):
        body = body.rstrip()[:-1]
    cells: list[Piece] = []
    position = 0
    for part in _UNESCAPED_PIPE.split(body):
        cells.append(_cell(line, base + position, part))
        position += len(part) + 1
    labels, values, blanks = _split(cells)
    return raw_row(labels, values, line, blanks=blanks)


def text_row(line: int, text: str) -> RawRow | None:
    tokens = [(m.start(), m.group(0)) for m in _TOKEN.finditer(text)]
    if not tokens:
        return None
    cut = len(tokens)
    while cut > 0 and _is_value(tokens[cut - 1][1]):
        cut -= 1
    values = [made(Piece, (line, start + 1, token)) for start, token in tokens[cut:]]
    labels = [made(Piece, (line, start + 1, token)) for start, token in tokens[:cut]]
    glued = False
    if not values and labels:
        found = _GLUED.match(labels[-1].text)
        if found:
            last = labels.pop()
            head = found.group(1)
            labels.append(Piece(line, last.column, head))
            values.append(Piece(line, last.column + len(head), found.group(2)))
            glued = True
    return raw_row(_join_label(labels), tuple(values), line, glued)


def _join_label(labels: list[Piece]) -> tuple[Piece, ...]:
    """Label tokens split by wide gaps stay separate pieces (group label, leaf label)."""
    return tuple(labels)


def tab_rows(lines: Iterable[tuple[int, str]]) -> list[RawRow]:
    """Rows of the one-cell-per-line rendering: a blank line (no tab) ends a row."""
    rows: list[RawRow] = []
    cells: list[Piece] = []

    def flush() -> None:
        if cells:
            labels, values, blanks = _split(cells)
            rows.append(raw_row(labels, values, cells[0].line, blanks=blanks))
            cells.clear()

    for number, text in lines:
        stripped = text.strip()
        if not stripped and "\t" not in text:
            flush()
            continue
        if stripped[:1] in FOOTER_STARTS and is_footer(stripped):  # most lines: one test
            continue
        if text.startswith("\t") or not cells:
            cells.append(made(Piece, (number, len(text) - len(text.lstrip()) + 1, stripped)))
        else:  # a cell wrapped onto a line of its own: same cell, keep the first position
            last = cells[-1]
            cells[-1] = Piece(last.line, last.column, last.text + stripped)
    flush()
    return rows


def line_rows(lines: Iterable[tuple[int, str]]) -> list[RawRow]:
    rows: list[RawRow] = []
    for number, text in lines:
        if not text.strip() or is_footer(text):
            continue
        row = pipe_row(number, text) if text.lstrip().startswith("|") else text_row(number, text)
        if row is not None and (row.labels or row.values):
            rows.append(row)
    return rows


def raw_rows(lines: Sequence[tuple[int, str]]) -> list[RawRow]:
    """Rows of a region: ``lines`` are (line number, text), blank lines included."""
    filled = tabbed = 0
    for _, text in lines:
        if text.strip():
            filled += 1
            tabbed += text.startswith("\t")
    if filled and tabbed * 2 > filled:
        return tab_rows(lines)
    return line_rows(lines)
