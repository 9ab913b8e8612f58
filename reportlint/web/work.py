"""One upload checked, in a worker process: a pure picklable function of the bytes.

The whole of it stays within the server's per-file budget (check/budget.py): the lint runs
in a forked child killed at the deadline (E003), as ``check`` lints each file, and the
annotated copy is made in another such child within the time left. So a hostile or slow
upload costs its worker at most the time limit, and the worker then takes the next one."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import PurePath

from reportlint.annotate import ANNOTATABLE, annotate_bytes
from reportlint.batch.jobs import Job, Plan
from reportlint.batch.work import run_job
from reportlint.check.budget import Budget, run_bounded
from reportlint.check.engine import RuleFailure
from reportlint.config.resolve import Overrides
from reportlint.errors import InputProblem, UsageError
from reportlint.model import FileReport, Source
from reportlint.output.base import FormatOptions
from reportlint.output.jsonfmt import format_json

UNREADABLE = frozenset({"E001", "E002", "E003"})


@dataclass(frozen=True)
class Checked:
    """The outcome for one upload: the report and its downloads, or why there is none."""

    report: FileReport | None
    problem: str | None = None  # in Chinese, for the page and the API
    json: str = ""
    annotated: bytes | None = None
    code: str | None = None  # the E00x code of a file that could not be checked


def check_upload(name: str, data: bytes, overrides: Overrides, budget: Budget) -> Checked:
    """``overrides`` are the server's (its timeout among them: the lint's budget); ``budget``
    is the budget in effect, for the annotated copy."""
    started = time.monotonic()
    outcome = run_job(Job(name, data=data), Plan(overrides, source=True))
    problem = outcome.fatal or outcome.problem
    if problem is not None:
        return Checked(None, problem)
    report = outcome.report
    unreadable = [d for d in report.diagnostics if d.code in UNREADABLE]
    if unreadable:
        first = unreadable[0]
        return Checked(None, f"{first.code} {first.message}", code=first.code)
    annotated = None
    if PurePath(name).suffix.lower() in ANNOTATABLE:
        left = budget.seconds - (time.monotonic() - started) if budget.seconds else None
        annotated = _annotated(name, data, report, outcome.source, replace(budget, seconds=left))
    return Checked(report, json=format_json([report], FormatOptions()), annotated=annotated)


def _annotated(name: str, data: bytes, report: FileReport, source: Source | None,
               budget: Budget) -> bytes | None:
    """The annotated copy, or None where it cannot be made within the time left (the check
    stands; only that download is missing)."""
    if budget.seconds is not None and budget.seconds <= 0:
        return None
    try:
        made = run_bounded(lambda: annotate_bytes(name, data, report, source), budget,
                           lambda: None)
    except (UsageError, RuleFailure):  # in the child, a failure comes back as RuleFailure
        return None
    return None if isinstance(made, InputProblem) else made
