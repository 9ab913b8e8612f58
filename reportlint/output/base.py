"""What a formatter is given and what it returns: text, never a write to a stream."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from reportlint.check.packs import Rule
from reportlint.common.i18n import DEFAULT_LANG, summary
from reportlint.model import Diagnostic, FileReport, Severity


@dataclass(frozen=True)
class FormatOptions:
    color: bool = False
    rules: tuple[Rule, ...] = ()
    show_source: bool = True
    # The folder paths are made relative to (SARIF URIs, GitHub annotations); "" keeps the
    # paths as given. Formatters never look at the process' working directory themselves.
    base_dir: str = ""
    # The folder relative report paths are relative to; "" means ``base_dir``.
    cwd: str = ""
    # Path → the ``fail-on`` level its configuration chose ("error" when absent): a JUnit test
    # case fails on the diagnostics that would fail the run.
    fail_on: Mapping[str, str] = field(default_factory=dict)
    # The language of the words around the messages in the text format (zh, en).
    lang: str = DEFAULT_LANG
    # The run's exit code and its lines on stderr (unreadable paths), for SARIF's
    # ``invocations``; None when the caller is no command-line run.
    exit_code: int | None = None
    notifications: tuple[tuple[str, str], ...] = ()  # (SARIF level, text)


Formatter = Callable[[Sequence[FileReport], FormatOptions], str]


def ordered(reports: Sequence[FileReport]) -> Iterator[tuple[FileReport, Diagnostic]]:
    """Every diagnostic with its file, sorted by path, line, column."""
    for report in sorted(reports, key=lambda r: r.path):
        for diagnostic in sorted(report.diagnostics, key=lambda d: d.sort_key):
            yield report, diagnostic


def counts(reports: Sequence[FileReport]) -> dict[Severity, int]:
    tally = dict.fromkeys(Severity, 0)
    for report in reports:
        for diagnostic in report.diagnostics:
            tally[diagnostic.severity] += 1
    return tally


def summary_line(reports: Sequence[FileReport], lang: str = DEFAULT_LANG) -> str:
    return summary_of(counts(reports), len(reports), lang)


def summary_of(tally: Mapping[Severity, int], files: int, lang: str = DEFAULT_LANG) -> str:
    """The summary line from counters alone (a streamed run keeps no reports)."""
    return summary(tally[Severity.ERROR], tally[Severity.WARNING], tally[Severity.INFO],
                   files, lang)
