"""The default, human format: a location line, the source line, a caret underline."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.common.i18n import say
from reportlint.common.names import one_line
from reportlint.model import Diagnostic, FileReport, Severity
from reportlint.output.base import FormatOptions, ordered, summary_line
from reportlint.output.columns import is_control
from reportlint.output.window import WINDOW, char_cells, window

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, options: FormatOptions) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if options.color else text


def display_width(text: str) -> int:
    """Terminal cells: CJK characters take two, combining marks none, a tab four."""
    return sum(map(char_cells, text))


def _caret(ch: str) -> str:
    return "^" + chr(ord(ch) ^ 0x40) if is_control(ch) else ch


def _shown(line: str) -> str:
    """The line as the terminal should show it: tabs as four spaces, control characters
    (the form feeds of pdftotext output, an ESC that would drive the terminal) as ``^L``."""
    line = line.replace("\t", "    ")
    return "".join(map(_caret, line)) if any(map(is_control, line)) else line


# A message may span lines and hold tabs (a human reads it); no other control character
# (an ESC from the report's own text would drive the terminal).
_MESSAGE_LAYOUT = "\n\t"


def location(path: str, diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    text = f"{one_line(path)}:{span.line}:{span.column}"
    if diagnostic.page is not None:
        text += f" (第{diagnostic.page}页)"
    if diagnostic.where:
        text += f" ({diagnostic.where})"
    return text


def _excerpt(lines: Sequence[str], diagnostic: Diagnostic, options: FormatOptions) -> list[str]:
    span = diagnostic.span
    if not 1 <= span.line <= len(lines):
        return []
    line = lines[span.line - 1].rstrip("\r\n")
    end = span.end_column if span.end_line == span.line else len(line) + 1
    start = min(span.column - 1, len(line))
    cut = window(line, start, max(end - 1, start + 1), WINDOW)
    gutter = f"{span.line:>5} | "
    shown = cut.left_mark + _shown(line[cut.first:cut.last]) + cut.right_mark
    pad = " " * (len(cut.left_mark) + display_width(_shown(line[cut.first:start])))
    marked = line[start:cut.marked_end] or " "
    carets = "^" * max(display_width(_shown(marked)), 1)
    return [gutter + shown, " " * 6 + "| " + pad + _paint(carets, "1;32", options)]


def _entry(report: FileReport, diagnostic: Diagnostic, options: FormatOptions) -> list[str]:
    severity = diagnostic.severity
    label = _paint(say(severity.label, options.lang), _COLORS[severity], options)
    head = (f"{location(report.path, diagnostic)}: {_paint(diagnostic.code, '1', options)} "
            f"[{label}] {one_line(diagnostic.message, keep=_MESSAGE_LAYOUT)}")
    lines = [head]
    if options.show_source:
        lines += _excerpt(report.lines, diagnostic, options)
    for related in diagnostic.related:
        page = f" (第{related.page}页)" if related.page is not None else ""
        where = f" ({related.where})" if related.where else ""
        lines.append(f"      = {one_line(report.path)}:{related.span.line}:{related.span.column}"
                     f"{page}{where}: {one_line(related.message, keep=_MESSAGE_LAYOUT)}")
    return lines


def format_text(reports: Sequence[FileReport], options: FormatOptions) -> str:
    out: list[str] = []
    for report, diagnostic in ordered(reports):
        out += _entry(report, diagnostic, options)
    out.append(summary_line(reports, options.lang))
    return "\n".join(out) + "\n"
