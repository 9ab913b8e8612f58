"""A report as the Y rules see it: a small record kept from the report's own run (its year,
the cells and section texts the Y rules name, each with its place in its own file). As last
year's report, pairing never reads or parses it a second time; as this year's, a paired
report's Y rules are evaluated from its record and last year's, without linting it again.
It crosses process boundaries; ``digest`` names the bytes it was kept from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reportlint.model import Span


@dataclass(frozen=True)
class Place:
    """A place in the report's file: its span there, page and the text of its line."""

    span: Span
    page: int | None
    line_text: str
    where: str | None = None  # a Word table's cell in words (as Diagnostic.where)


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


_Cells = Mapping[tuple[str, str, str], LastCell]


@dataclass(frozen=True)
class LastYear:
    path: str
    digest: str  # sha256 of the file's bytes
    year: int | None
    versions: Mapping[str, str | None] = field(default_factory=dict)  # bound table → version
    # (table, row, column) → the cell, for the cells the Y rules name as last year's
    cells: _Cells = field(default_factory=dict)
    sections: Mapping[str, LastSection] = field(default_factory=dict)  # by catalogue key
    # the cells the report's own Y rules name of it as this year's report
    own: _Cells = field(default_factory=dict)


def as_last_year(previous: LastYear | None, year: int | None) -> LastYear | None:
    """``previous`` when it is the report of the year before ``year`` (both years known)."""
    if previous is None or year is None:
        return None
    return previous if previous.year == year - 1 else None


@dataclass(frozen=True)
class Years:
    """A report and last year's, as kept from their own runs, with the rule packs' data
    (the table templates this year's cells were bound to)."""

    this: LastYear
    last: LastYear
    data: Mapping[str, Any]
