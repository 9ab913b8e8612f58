"""GCC style, one line each: ``path:line:col: error|warning|note: message [CODE]``.

Vim's quickfix (``errorformat``) and Emacs' compilation mode read this. Columns are screen
columns (CJK two cells, tab stop eight): GCC's own default unit since GCC 11, the GNU coding
standards' rule and what Emacs assumes; Vim reads them with ``%v`` (``%c`` would mean bytes).
Related locations follow as ``note:`` lines, as GCC writes them.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.common.names import one_line
from reportlint.model import Diagnostic, FileReport, Severity, Span
from reportlint.output.base import FormatOptions, ordered
from reportlint.output.columns import display_column, line_text
from reportlint.output.place import place_suffix

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _one_line(text: str) -> str:
    return one_line(" ".join(text.split()))


def _where(lines: Sequence[str], path: str, span: Span) -> str:
    column = display_column(line_text(lines, span.line), span.column)
    return f"{one_line(path)}:{span.line}:{column}"


def _entry(report: FileReport, diagnostic: Diagnostic) -> list[str]:
    message = diagnostic.message + place_suffix(diagnostic)
    level = LEVELS[diagnostic.severity]
    out = [f"{_where(report.lines, report.path, diagnostic.span)}: {level}: "
           f"{_one_line(message)} [{diagnostic.code}]"]
    for related in diagnostic.related:
        out.append(f"{_where(report.lines, report.path, related.span)}: note: "
                   f"{_one_line(related.message)}{place_suffix(related)} [{diagnostic.code}]")
    return out


def format_gcc(reports: Sequence[FileReport], options: FormatOptions) -> str:
    out: list[str] = []
    for report, diagnostic in ordered(reports):
        out += _entry(report, diagnostic)
    return "".join(line + "\n" for line in out)
