"""``check --fix`` and ``--diff``: fix the linted files, or show the fixes as a diff."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from reportlint.check.engine import lint_bytes
from reportlint.config.resolve import Resolved
from reportlint.errors import UsageError
from reportlint.fix.diff import unified_diff
from reportlint.fix.run import can_write, fix_bytes
from reportlint.model import FileReport

Run = tuple[FileReport, Resolved]


@dataclass
class FixResult:
    runs: list[Run] = field(default_factory=list)  # the diagnostics left after fixing
    diffs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line each, for stderr
    fixed: int = 0


def refuse_stdin(paths: Sequence[str]) -> None:
    if "-" in paths:
        raise UsageError("-: --fix 和 --diff 不能用于标准输入（无法写回）")


def _fix_one(report: FileReport, resolved: Resolved, write: bool, result: FixResult) -> None:
    path = report.path
    if not can_write(path):
        result.notes.append(f"{path}: 无法写回 PDF、Word 或 HTML 文件，未作修改")
        result.runs.append((report, resolved))
        return
    before = Path(path).read_bytes()
    lint = partial(lint_bytes, rules=resolved.rules, selection=resolved.selection,
                   settings=resolved.settings)
    fixed = fix_bytes(path, before, lint, report)
    if fixed.count and write:
        try:
            Path(path).write_bytes(fixed.data)
        except OSError as error:
            raise UsageError(f"{path}: cannot write: {error.strerror}") from None
    if fixed.count and not write:
        result.diffs.append(unified_diff(path, before, fixed.data))
    result.fixed += fixed.count
    result.runs.append((fixed.report if write else report, resolved))


def fix_runs(runs: Sequence[Run], write: bool) -> FixResult:
    """Fix each linted file (``write``) or compute its diff; the reports returned are what
    is left (``write``) or what was found (a diff changes nothing)."""
    result = FixResult()
    for report, resolved in runs:
        _fix_one(report, resolved, write, result)
    return result
