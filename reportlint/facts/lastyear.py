"""Last year's report as the Y rules see it: a small record kept from the report's own run
(its year, the cells and section texts the Y rules name, each with its place in its own
file), so that pairing never reads or parses last year's report a second time. It crosses
process boundaries and is part of a paired result's cache key (``digest``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from reportlint.model import Span


@dataclass(frozen=True)
class Place:
    """A place in last year's file: its span there, page and the text of its line."""

    span: Span
    page: int | None
    line_text: str


@dataclass(frozen=True)
class LastCell:
    name: str  # 表三“四、结转下年度继续办理”行“自然人”列
    text: str  # as written
    value: Decimal | None
    place: Place


@dataclass(frozen=True)
class LastSection:
    heading: str
    text: str
    place: Place  # of the heading


@dataclass(frozen=True)
class LastYear:
    path: str
    digest: str  # sha256 of the file's bytes
    year: int | None
    versions: Mapping[str, str | None] = field(default_factory=dict)  # bound table → version
    # (table, row, column) → the cell, for the cells the Y rules name
    cells: Mapping[tuple[str, str, str], LastCell] = field(default_factory=dict)
    sections: Mapping[str, LastSection] = field(default_factory=dict)  # by catalogue key
