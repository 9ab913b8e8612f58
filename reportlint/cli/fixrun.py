"""``check --fix`` and ``--diff`` over the gathered files: each linted in this process (a fix
rewrites the file it read, so neither the pool nor the cache is used), fixed or diffed, then
the diagnostics left formatted at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TextIO

import click

from reportlint.batch.jobs import NOT_A_REPORT, Job, Plan
from reportlint.batch.work import resolver_for, run_job
from reportlint.cli.batchrun import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, fails, rules_of
from reportlint.cli.checkopts import Shown
from reportlint.cli.fixing import FixResult, fix_runs
from reportlint.config.resolve import Overrides
from reportlint.errors import UsageError
from reportlint.output import FORMATTERS, FormatOptions
from reportlint.output.base import summary_line
from reportlint.output.choices import statistics


def _linted(jobs: Sequence[Job], overrides: Overrides, write: bool) -> tuple[FixResult, list[str]]:
    plan = Plan(overrides)
    resolver = resolver_for(overrides)
    runs, unreadable = [], []
    for job in jobs:
        outcome = run_job(job, plan)
        if outcome.fatal is not None:
            raise UsageError(outcome.fatal)
        if outcome.problem is not None:
            unreadable.append(outcome.problem)
        elif outcome.status != NOT_A_REPORT:
            runs.append((outcome.report, resolver.resolve(job.config_path)))
    return fix_runs(runs, write), unreadable


def _tell(lines: Sequence[str]) -> None:
    for line in lines:
        click.echo(f"reportlint: {line}", err=True)


def show_diff(jobs: Sequence[Job], overrides: Overrides) -> int:
    """The fixes as a unified diff; like ruff, exit 1 when there are some."""
    result, unreadable = _linted(jobs, overrides, write=False)
    click.echo("".join(result.diffs), nl=False)
    _tell([*result.notes, *unreadable])
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.fixed else EXIT_CLEAN


def fix_files(jobs: Sequence[Job], overrides: Overrides, fmt: str, options: FormatOptions,
              shown: Shown, out: TextIO) -> int:
    """Fix, then report what is left; the exit code is that of what is left."""
    result, unreadable = _linted(jobs, overrides, write=True)
    _tell(result.notes)
    click.echo(f"reportlint: 已自动修复 {result.fixed} 处", err=True)
    reports = [report for report, _ in result.runs]
    fail_on = {report.path: resolved.fail_on for report, resolved in result.runs}
    worst = EXIT_FINDINGS if any(fails(r, fail_on[r.path]) for r in reports) else EXIT_CLEAN
    status = EXIT_USAGE if unreadable else worst
    rules = rules_of(resolved.rules for _, resolved in result.runs)
    final = replace(options, fail_on=fail_on, rules=rules, exit_code=status,
                    notifications=(*options.notifications, *(("error", u) for u in unreadable)))
    rendered = FORMATTERS[fmt](reports, final)
    if shown.output_file is not None:
        with open(shown.output_file, "w", encoding="utf-8", newline="") as written:
            written.write(rendered)
    if shown.statistics:
        click.echo(statistics(reports, options.lang), nl=False)
    elif shown.quiet or shown.output_file is not None:
        click.echo(summary_line(reports, options.lang))
    else:
        out.write(rendered)
    _tell(unreadable)
    return status
