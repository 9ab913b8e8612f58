"""reportlint records as LSP records, columns in the negotiated encoding."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types as lsp

from reportlint.model import Diagnostic, Edit, Severity, Span
from reportlint.output.columns import line_text
from reportlint.server.positions import to_character

SOURCE = "reportlint"

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def lsp_range(lines: Sequence[str], span: Span, encoding: str) -> lsp.Range:
    start = to_character(line_text(lines, span.line), span.column, encoding)
    end = to_character(line_text(lines, span.end_line), span.end_column, encoding)
    return lsp.Range(lsp.Position(span.line - 1, start), lsp.Position(span.end_line - 1, end))


def lsp_diagnostic(uri: str, lines: Sequence[str], diagnostic: Diagnostic,
                   encoding: str) -> lsp.Diagnostic:
    related = [
        lsp.DiagnosticRelatedInformation(
            lsp.Location(uri, lsp_range(lines, r.span, encoding)), r.message)
        for r in diagnostic.related]
    return lsp.Diagnostic(
        range=lsp_range(lines, diagnostic.span, encoding),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        source=SOURCE,
        related_information=related or None,
    )


def problem_diagnostic(message: str) -> lsp.Diagnostic:
    """A configuration or rule-pack problem: one diagnostic at the top of the document."""
    return lsp.Diagnostic(range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 1)),
                          message=f"配置有误，未检查：{message}",
                          severity=lsp.DiagnosticSeverity.Error, source=SOURCE)


def text_edit(lines: Sequence[str], edit: Edit, encoding: str) -> lsp.TextEdit:
    return lsp.TextEdit(lsp_range(lines, edit.span, encoding), edit.replacement)


def whole_file(text: str, encoding: str) -> lsp.Range:
    """A range over all of ``text`` (for replacing a small configuration file whole)."""
    lines = re.split(r"\r\n|\r|\n", text)
    last = lines[-1]
    end = lsp.Position(len(lines) - 1, to_character(last, len(last) + 1, encoding))
    return lsp.Range(lsp.Position(0, 0), end)
