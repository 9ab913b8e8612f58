"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line each.

The runner turns each into an annotation on the pull request. Escaping follows the Actions
toolkit (``@actions/core`` ``escapeData``/``escapeProperty``): ``%``, CR and LF in the message,
and additionally ``:`` and ``,`` in properties. Columns are UTF-16 units, like SARIF (GitHub's
pages index JavaScript strings); a span over several lines gives lines only, since GitHub
accepts columns on one-line annotations only.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.model import Diagnostic, FileReport, Severity
from reportlint.output.base import FormatOptions, ordered, summary_line
from reportlint.output.columns import convert_span, utf16_column
from reportlint.output.paths import display_path
from reportlint.output.place import place_suffix

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(path: str, diagnostic: Diagnostic) -> str:
    text = diagnostic.message + place_suffix(diagnostic)
    for related in diagnostic.related:
        span = related.span
        text += (f"\n{related.path or path}:{span.line}:{span.column}{place_suffix(related)}: "
                 f"{related.message}")
    return text


def _command(report: FileReport, diagnostic: Diagnostic, options: FormatOptions) -> str:
    path = display_path(report.path, options.base_dir, options.cwd)
    span = convert_span(report.lines, diagnostic.span, utf16_column)
    props = [("file", path), ("line", str(span.line))]
    if span.end_line == span.line:
        props.append(("col", str(span.column)))
    props.append(("endLine", str(span.end_line)))
    if span.end_line == span.line:
        props.append(("endColumn", str(max(span.end_column, span.column))))
    props.append(("title", f"{diagnostic.code} {diagnostic.name}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[diagnostic.severity]} {joined}::{escape_data(_message(path, diagnostic))}"


def format_github(reports: Sequence[FileReport], options: FormatOptions) -> str:
    out = [_command(report, diagnostic, options) for report, diagnostic in ordered(reports)]
    # A plain line is only logged by the runner: it tells what was checked.
    out.append(summary_line(reports, options.lang))
    return "\n".join(out) + "\n"
