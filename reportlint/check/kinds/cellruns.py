"""Cells that share one root cause, grouped so that they are reported once.

A report that leaves whole columns blank (a Word export that drops the zeros of the five
legal-person columns of 表三) would otherwise give one warning per cell and bury its other
findings. Blank cells are grouped into runs: the blank cells of one column, else of one row;
a table with several such runs is one run of the whole table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.tables.records import BoundCell

COLUMN, ROW, TABLE, CELL = "column", "row", "table", "cell"
_RUN_MIN = 2  # two blank cells of one column or row are one run


@dataclass(frozen=True)
class Run:
    scope: str  # COLUMN | ROW | TABLE | CELL
    cells: tuple[BoundCell, ...]  # in table order; the first is where the diagnostic points


def _order(cells: Sequence[BoundCell]) -> list[BoundCell]:
    return sorted(cells, key=lambda c: (c.span.line, c.span.column))


def _grouped(cells: Sequence[BoundCell], key: str) -> dict[str, list[BoundCell]]:
    groups: dict[str, list[BoundCell]] = {}
    for cell in cells:
        groups.setdefault(cell.column if key == COLUMN else cell.row, []).append(cell)
    return {k: v for k, v in groups.items() if len(v) >= _RUN_MIN}


def runs(cells: Sequence[BoundCell]) -> list[Run]:
    """``cells`` (of one table, sharing one status) as runs: columns first, then rows, then
    the cells left alone; several runs in one table become one run of the table."""
    ordered = _order(cells)
    columns = _grouped(ordered, COLUMN)
    left = [c for c in ordered if c.column not in columns]
    rows = _grouped(left, ROW)
    singles = [c for c in left if c.row not in rows]
    if len(columns) + len(rows) >= 2:
        return [Run(TABLE, tuple(ordered))]
    found = [Run(COLUMN, tuple(v)) for v in columns.values()]
    found += [Run(ROW, tuple(v)) for v in rows.values()]
    found += [Run(CELL, (c,)) for c in singles]
    return sorted(found, key=lambda r: (r.cells[0].span.line, r.cells[0].span.column))
