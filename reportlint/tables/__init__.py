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
- table2 (表二): rows ``rules``, ``normative``, ``licensing``, ``penalty``, ``coercion``,
  ``fees`` (2019 also ``other_services``, ``procurement``); columns per version, listed at the
  top of ``formats/2019.yaml`` and ``formats/2021.yaml``

Modules: ``template`` (format templates), ``rows`` (raw rows from any text rendering),
``labels`` and ``bind`` (matching rows to the template), ``numbers`` (cell values), ``layer``
(versions, missing tables), ``relations`` (the 勾稽关系 expression language), ``dump``.
"""

from __future__ import annotations

from collections.abc import Mapping

from reportlint.facts.context import Context
from reportlint.tables.records import BOUND, UNRECOVERABLE, BoundCell, BoundTable, Problem

__all__ = ["BOUND", "UNRECOVERABLE", "BoundCell", "BoundTable", "Problem", "bound_tables", "cell"]


def _bind(ctx: Context) -> Mapping[str, BoundTable]:
    from reportlint.tables.layer import table_layer

    return table_layer(ctx).tables


def bound_tables(ctx: Context) -> Mapping[str, BoundTable]:
    """The tables of the report that were found, by table key (missing ones are absent)."""
    return ctx.derived("tables", _bind)


def cell(ctx: Context, table: str, row: str, column: str) -> BoundCell | None:
    """A bound cell, or None when its table is missing, unrecoverable or lacks the cell."""
    found = bound_tables(ctx).get(table)
    if found is None or found.status != BOUND:
        return None
    return found.cells.get((row, column))
