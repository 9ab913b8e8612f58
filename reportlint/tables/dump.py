"""Show the bound tables (for ``reportlint parse``): row key, column key, value, line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlint.facts.context import Context
from reportlint.model import Settings
from reportlint.parse.tree import Document
from reportlint.tables.layer import table_layer


def dump_tables(document: Document, lines: tuple[str, ...], data: Mapping[str, Any],
                settings: Settings | None = None) -> str:
    ctx = Context(document, lines, data, settings or Settings())
    layer = table_layer(ctx)
    out = [f"tables (format {layer.version or '?'}, from {layer.source})"]
    for missing in layer.missing:
        out.append(f"  {missing.table} missing (section heading line {missing.span.line})")
    for local in layer.local:
        out.append(f"  local table at line {local.span.line} ({len(local.lines)} lines,"
                   " bound to nothing)")
    for image in layer.images:
        out.append(f"  {image.table} image (picture line {image.span.line})")
    for table in layer.tables.values():
        at = f"{table.span.line}:{table.span.column}"
        out.append(f"  {table.key} {table.status} {table.version or '?'} at {at}"
                   f" ({len(table.cells)} cells)")
        if table.unpaired is not None:
            labels, orphans = table.unpaired
            out.append(f"    ! unpaired labels {list(labels)} value rows without label {orphans}")
        for problem in table.problems:
            out.append(f"    ! {problem.kind} line {problem.span.line} {dict(problem.args)}")
        for cell in table.cells.values():
            value = "—" if cell.value is None else str(cell.value)
            status = "" if cell.status == "ok" else f" [{cell.status}]"
            out.append(f"    {cell.row:<22} {cell.column:<18} {value:>10}  line {cell.span.line}"
                       f":{cell.span.column}{status}")
    return "\n".join(out) + "\n"
