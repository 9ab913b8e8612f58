"""Assemble a :class:`~reportlint.model.Source` from lines that readers extracted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.errors import InputProblem
from reportlint.model import LineOrigin, Source
from reportlint.read.normalize import normalize


@dataclass(frozen=True)
class OutLine:
    """One extracted text line and where it came from.

    ``points`` (HTML): the source (line, column) of every character. Without it the line maps
    to itself in ``display_lines`` (PDF, DOCX: the extracted text is what the user is shown).
    """

    text: str
    page: int | None = None
    where: str | None = None
    points: tuple[tuple[int, int], ...] | None = None
    cell_wheres: tuple[tuple[int, str], ...] | None = None


def _origin(index: int, line: OutLine) -> LineOrigin:
    if line.points:
        first_line = line.points[0][0]
        lines = tuple(p[0] for p in line.points)
        columns = tuple(p[1] for p in line.points)
        same_line = all(n == first_line for n in lines)
        return LineOrigin(first_line, columns[0], line.page, line.where, columns,
                          None if same_line else lines, line.cell_wheres)
    return LineOrigin(index + 1, 1, line.page, line.where, cell_wheres=line.cell_wheres)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid(text: str) -> str:
    """A lone surrogate (a broken PDF font's ToUnicode map can give one) as U+FFFD, one
    character for one: such text could be neither printed nor written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def make_source(path: str, kind: str, lines: Sequence[OutLine],
                display_lines: Sequence[str] | None = None) -> Source:
    """The Source for extracted ``lines``; ``display_lines`` default to the lines themselves."""
    if not any(line.text.strip() for line in lines):
        raise InputProblem("E002", "文件中没有可提取的文字")
    raw = tuple(_valid(line.text) for line in lines)
    shown = tuple(map(_valid, display_lines)) if display_lines is not None else raw
    return Source(
        path=path,
        lines=tuple(normalize(text) for text in raw),
        raw_lines=raw,
        kind=kind,
        origins=tuple(_origin(i, line) for i, line in enumerate(lines)),
        display_lines=shown,
    )
