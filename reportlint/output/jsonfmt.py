"""JSON: one array of diagnostic objects, sorted by path, line, column."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reportlint.common.names import printable
from reportlint.model import Diagnostic, FileReport, Related
from reportlint.output.base import FormatOptions, ordered


def _related(related: Related) -> dict[str, Any]:
    span = related.span
    return {"line": span.line, "column": span.column, "end_line": span.end_line,
            "end_column": span.end_column, "page": related.page, "message": related.message,
            **({"path": related.path} if related.path is not None else {})}


def diagnostic_object(path: str, diagnostic: Diagnostic) -> dict[str, Any]:
    span = diagnostic.span
    return {
        "path": printable(path),
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "page": diagnostic.page,
        "related": [_related(r) for r in diagnostic.related],
    }


def format_json(reports: Sequence[FileReport], options: FormatOptions) -> str:
    items = [diagnostic_object(r.path, d) for r, d in ordered(reports)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
