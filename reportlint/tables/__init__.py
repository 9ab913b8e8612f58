"""Bound tables: the API that rules use to read table cells.

The table layer recovers 表二, 表三 and 表四 from the parsed tree and binds them to a format
template (``rules/gov-annual-report/formats/*.yaml``), so that every value cell is addressable as
(table key, row key, column key) and keeps its exact span. Binding runs once per report
(``Context.derived``) however many rules read the tables.

Keys used across rules (defined by the format templates):
- tables: ``table2``, ``table3``, ``table4``
- table3 rows: ``new`` (一、本年新收), ``prior`` (二、上年结转), ``total`` (（七）总计),
  ``next`` (四、结转下年度继续办理), and the result rows; columns: ``natural``, ``business``,
  ``research``, ``nonprofit``, ``legal``, ``other_org``, ``total``
- table4: one row ``counts``; columns ``review_{upheld,corrected,other,pending,total}``,
  ``direct_{…}`` (行政诉讼 未经复议直接起诉), ``after_{…}`` (复议后起诉)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from reportlint.kinds.base import Context
from reportlint.model import Span

BOUND, UNRECOVERABLE = "bound", "unrecoverable"


@dataclass(frozen=True)
class BoundCell:
    table: str
    row: str
    column: str
    text: str  # the cell as written
    value: Decimal | None  # the normalised number; None when not a number
    span: Span


@dataclass(frozen=True)
class BoundTable:
    key: str
    status: str  # BOUND or UNRECOVERABLE
    span: Span
    version: str | None = None  # "2019" | "2021" when known
    cells: Mapping[tuple[str, str], BoundCell] = field(default_factory=dict)


def _bind(ctx: Context) -> Mapping[str, BoundTable]:
    return {}  # the table layer is not built yet: no table is bound


def bound_tables(ctx: Context) -> Mapping[str, BoundTable]:
    """The tables of the report that were found, by table key (missing ones are absent)."""
    return ctx.derived("tables", _bind)


def cell(ctx: Context, table: str, row: str, column: str) -> BoundCell | None:
    """A bound cell, or None when its table is missing, unrecoverable or lacks the cell."""
    found = bound_tables(ctx).get(table)
    if found is None or found.status != BOUND:
        return None
    return found.cells.get((row, column))
