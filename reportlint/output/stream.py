"""Output written file by file, as each file's diagnostics are ready, keeping only counters.

A line format (text, jsonl, gcc, github) is the concatenation of what it prints for each file,
plus a summary line for text and github: the same bytes as formatting every report at once,
as long as the files arrive in path order. The document formats (json, sarif, junit) need
every report before they can start, so ``Collected`` keeps the reports and formats at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reportlint.common.i18n import DEFAULT_LANG
from reportlint.model import FileReport, Severity
from reportlint.output import FORMATTERS
from reportlint.output.base import FormatOptions, summary_of
from reportlint.output.choices import statistics_of

# The line formats whose last line is the run's summary line.
_WITH_SUMMARY = {"text": True, "github": True, "gcc": False, "jsonl": False}


@dataclass
class Tally:
    """What a streamed run remembers of the reports it has written."""

    files: int = 0
    severities: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))
    rules: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    lang: str = DEFAULT_LANG

    def add(self, report: FileReport, new_file: bool = True) -> None:
        self.files += new_file
        for diagnostic in report.diagnostics:
            self.severities[diagnostic.severity] += 1
            self.rules[(diagnostic.code, diagnostic.name, diagnostic.severity.label)] += 1

    @property
    def summary(self) -> str:
        return summary_of(self.severities, self.files, self.lang)

    @property
    def statistics(self) -> str:
        return statistics_of(self.rules, self.summary, self.lang)


class Writer:
    """Formats reports in the order given; ``chunk`` for each, ``end`` once."""

    def __init__(self, fmt: str, options: FormatOptions) -> None:
        self.fmt = fmt
        self.options = options
        self.tally = Tally(lang=options.lang)
        self.streams = fmt in _WITH_SUMMARY
        self._kept: list[FileReport] = []

    def chunk(self, report: FileReport, new_file: bool = True) -> str:
        """``new_file``: False for more diagnostics of a file already written (B902)."""
        self.tally.add(report, new_file)
        if not self.streams:
            self._kept.append(report)
            return ""
        text = FORMATTERS[self.fmt]([report], self.options)
        if _WITH_SUMMARY[self.fmt]:
            text = text[: text.rstrip("\n").rfind("\n") + 1]
        return text

    def end(self, final: FormatOptions | None = None) -> str:
        """The rest of the output: the summary line, or the whole document of a document
        format (``final``: the options once every file is known: its rules, its fail-on)."""
        if self.streams:
            return self.tally.summary + "\n" if _WITH_SUMMARY[self.fmt] else ""
        return FORMATTERS[self.fmt](self._kept, final or self.options)
