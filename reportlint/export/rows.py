"""The rows of one report: its facts, each table's status, each bound cell.

Every row has the same keys (``COLUMNS``) so that CSV and JSON lines load into one frame;
``record`` says what a row is: ``report``, ``table`` (a table's status: bound, or not bound
and so without cells) or ``cell``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from reportlint.batch.jobs import ReportFacts
from reportlint.facts.contact import contact
from reportlint.facts.context import Context
from reportlint.facts.period import period
from reportlint.facts.published import published
from reportlint.model import Source, Span
from reportlint.read.sourcemap import map_span, page_of
from reportlint.tables.layer import table_layer
from reportlint.tables.records import BOUND, BoundCell, BoundTable

Row = dict[str, Any]

COLUMNS = (
    "record", "path", "issuer", "issuer_kind", "year", "format_version",
    "table", "table_status", "row", "column", "row_label", "column_label",
    "text", "value", "cell_status", "line", "col", "page",
    "period_start", "period_end", "signed", "published", "contacts",
)


def _blank() -> Row:
    return dict.fromkeys(COLUMNS)


def _place(source: Source, span: Span) -> Row:
    """Line and column in the file as read (a PDF's extracted lines), and its page."""
    mapped = map_span(source, span)
    return {"line": mapped.line, "col": mapped.column, "page": page_of(source, span.line)}


def _head(path: str, facts: ReportFacts) -> Row:
    row = _blank()
    row.update(path=path, issuer=facts.issuer, issuer_kind=facts.issuer_kind,
               year=facts.year, format_version=facts.format_version)
    return row


def _contacts(ctx: Context) -> str | None:
    block = contact(ctx)
    if block is None:
        return None
    return "；".join(f"{field.label}：{field.value}" for field in block.fields)


def report_row(ctx: Context, head: Row, facts: ReportFacts) -> Row:
    found = period(ctx)
    page_date = published(ctx)
    start = found.start.date() if found else None
    end = found.end.date() if found else None
    return {**head, "record": "report",
            "period_start": start.isoformat() if start else None,
            "period_end": end.isoformat() if end else None,
            "signed": facts.published,
            "published": page_date.date.isoformat() if page_date else None,
            "contacts": _contacts(ctx)}


def _labels(table: BoundTable, cell: BoundCell) -> tuple[str | None, str | None]:
    template = table.template
    if template is None:
        return None, None
    spec = template.row(cell.row)
    column = next((c.label for c in template.columns if c.key == cell.column), None)
    return (spec.label if spec else None), column


def _number(value: Decimal | None) -> int | float | None:
    """The value as a number JSON and pandas read as such (amounts keep their decimals)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def cell_row(source: Source, head: Row, table: BoundTable, cell: BoundCell) -> Row:
    row_label, column_label = _labels(table, cell)
    return {**head, "record": "cell", "table": table.key, "table_status": table.status,
            "row": cell.row, "column": cell.column, "row_label": row_label,
            "column_label": column_label, "text": cell.text,
            "value": _number(cell.value),
            "cell_status": cell.status, **_place(source, cell.span)}


def table_row(source: Source, head: Row, table: BoundTable) -> Row:
    return {**head, "record": "table", "table": table.key, "table_status": table.status,
            **_place(source, table.span)}


def report_rows(path: str, source: Source, ctx: Context, facts: ReportFacts) -> Iterator[Row]:
    """The report's row, then per table its row and (bound tables only) its cells. A table
    that was not bound (F207) has no cells: no value is guessed for it."""
    head = _head(path, facts)
    yield report_row(ctx, head, facts)
    layer = table_layer(ctx)
    for missing in layer.missing:
        yield {**head, "record": "table", "table": missing.table, "table_status": "missing"}
    for image in layer.images:
        yield {**head, "record": "table", "table": image.table, "table_status": "image",
               **_place(source, image.span)}
    for table in layer.tables.values():
        yield table_row(source, head, table)
        if table.status != BOUND:
            continue
        for cell in table.cells.values():
            yield cell_row(source, head, table, cell)
