"""Fix a file until nothing fixable is left: lint, apply the fixes, lint again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlint.fix.apply import apply_edits
from reportlint.model import Edit, FileReport

# A fix can uncover another (an alias heading fixed, its section is found): a few rounds;
# the bound keeps two fixes that undo each other from looping.
MAX_ROUNDS = 10

# Files reportlint reads but cannot write back: the text it checks is not the file's bytes.
UNWRITABLE = frozenset({".pdf", ".docx", ".doc", ".wps", ".html", ".htm"})

Lint = Callable[[str, bytes], FileReport]


@dataclass(frozen=True)
class Fixed:
    data: bytes
    report: FileReport  # what is left after fixing
    count: int  # edits applied


def can_write(path: str) -> bool:
    return Path(path).suffix.lower() not in UNWRITABLE


def fix_edits(report: FileReport) -> list[Edit]:
    return [edit for d in report.diagnostics if d.fix for edit in d.fix.edits]


def _findings(report: FileReport) -> set[tuple[str, str]]:
    return {(d.code, d.message) for d in report.diagnostics}


def fix_bytes(path: str, data: bytes, lint: Lint, report: FileReport | None = None) -> Fixed:
    """``data`` with every safe fix applied, and the diagnostics that are left. A round of
    fixes after which the report has a finding it did not have before is undone: a fix may
    only take diagnostics away. ``report``: ``data`` linted already."""
    report, count = report or lint(path, data), 0
    for _ in range(MAX_ROUNDS):
        applied = apply_edits(data, fix_edits(report))
        if applied.count == 0:
            break
        after = lint(path, applied.data)
        if _findings(after) - _findings(report):
            break
        data, count, report = applied.data, count + applied.count, after
    return Fixed(data, report, count)
