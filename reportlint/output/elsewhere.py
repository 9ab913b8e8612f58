"""Related places in another file (last year's report): its path, and lines to convert
their columns with (only the place's own line is known)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.model import FileReport, Related


def related_path(report: FileReport, related: Related) -> str:
    return related.path if related.path is not None else report.path


def related_lines(report: FileReport, related: Related) -> Sequence[str]:
    if related.path is None:
        return report.lines
    return ("",) * (related.span.line - 1) + (related.line_text,)
