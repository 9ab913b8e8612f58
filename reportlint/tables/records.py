"""Records of the table layer: bound cells and tables, and the problems found binding them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from reportlint.model import Span
from reportlint.tables.template import TableTemplate

BOUND, UNRECOVERABLE = "bound", "unrecoverable"


class BoundCell(NamedTuple):
    """A value cell bound to its (row, column). A tuple, not a frozen dataclass: a report has
    hundreds, and a tuple is made in a fifth of the time."""

    table: str
    row: str
    column: str
    text: str  # the cell as written
    value: Decimal | None  # the normalised number; None when not a number
    span: Span
    status: str = "ok"  # numbers.OK | BLANK | NONSTANDARD | NOT_NUMBER | NEGATIVE
    note: str = ""  # what was normalised (N303)


@dataclass(frozen=True)
class Problem:
    """Something found while binding a table, reported by one of the F rules."""

    kind: str  # "missing-rows" | "extra-row" | "width" | "label-inexact"
    span: Span
    args: Mapping[str, Any] = field(default_factory=dict)
    severity: str | None = None  # when it differs from the rule's default


@dataclass(frozen=True)
class BoundTable:
    key: str
    status: str  # BOUND or UNRECOVERABLE
    span: Span
    version: str | None = None  # "2019" | "2021" when known
    cells: Mapping[tuple[str, str], BoundCell] = field(default_factory=dict)
    template: TableTemplate | None = None
    problems: tuple[Problem, ...] = ()
    rows: tuple[tuple[str, Span], ...] = ()  # bound row key → where its label is
    # Not bound because labels and values are written apart: (the labels that could not be
    # paired, how many value rows have no label).
    unpaired: tuple[tuple[str, ...], int] | None = None
