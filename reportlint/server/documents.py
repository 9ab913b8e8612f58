"""Lint an editor buffer under the configuration ``check`` would use for its file.

No LSP types here: what a test can call directly. A bad configuration or rule pack is one
message, never an exception out of the server.
"""

from __future__ import annotations

from codecs import BOM_UTF8
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlint.check.engine import RuleFailure, lint_bytes
from reportlint.check.packs import Rule
from reportlint.config.resolve import Overrides, Resolved, Resolver
from reportlint.errors import UsageError
from reportlint.model import Diagnostic, FileReport, Span
from reportlint.read.text import split_lines

# What the server lints: text reports, and HTML opened as text (its diagnostics point into
# the HTML source, as ``check`` reports them).
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
CONFIG_NAMES = frozenset({"reportlint.toml", "pyproject.toml"})


@dataclass(frozen=True)
class Linted:
    report: FileReport | None
    lines: tuple[str, ...]  # the buffer's lines: the columns of the diagnostics refer to them
    resolved: Resolved | None
    problem: str | None = None  # a configuration or rule-pack problem, one line


def handles(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def touches_configuration(path: Path) -> bool:
    """A change to this file may change the configuration or the rules in effect."""
    return path.name in CONFIG_NAMES or path.suffix.lower() in (".yaml", ".yml")


class Workspace:
    """The configuration resolver, replaced when a configuration or rule file changes."""

    def __init__(self) -> None:
        self.resolver = Resolver(Overrides())

    def reload(self) -> None:
        self.resolver = Resolver(Overrides())

    def lint(self, path: Path, text: str) -> Linted:
        lines = split_lines(text)
        try:
            resolved = self.resolver.resolve(path)
            # The BOM says UTF-8 over an HTML file's own <meta charset> (the editor decoded it)
            report = lint_bytes(str(path), BOM_UTF8 + text.encode("utf-8"), resolved.rules,
                                resolved.selection, resolved.settings)
        except (UsageError, RuleFailure) as error:
            return Linted(None, lines, None, str(error))
        return Linted(report, lines, resolved)


def at(diagnostics: Sequence[Diagnostic], line: int, column: int) -> list[Diagnostic]:
    """The diagnostics whose span holds the 1-based (line, column)."""
    return [d for d in diagnostics if _holds(d.span, line, column)]


def _holds(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column) \
        or (span.line, span.column) == (line, column)


def overlapping(diagnostics: Sequence[Diagnostic], start: tuple[int, int],
                end: tuple[int, int]) -> list[Diagnostic]:
    """The diagnostics whose span meets the range from ``start`` to ``end`` (line, column)."""
    return [d for d in diagnostics
            if (d.span.line, d.span.column) <= end and start <= (d.span.end_line,
                                                                  d.span.end_column)]


def rules_of(linted: Linted, codes: Sequence[str]) -> list[Rule]:
    if linted.resolved is None:
        return []
    found = (linted.resolved.rules.by_code(code) for code in dict.fromkeys(codes))
    return [rule for rule in found if rule is not None]
