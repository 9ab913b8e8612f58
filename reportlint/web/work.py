"""One upload checked, in a worker process: a pure picklable function of the bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from reportlint.annotate import ANNOTATABLE, annotate_bytes
from reportlint.batch.jobs import Job, Plan
from reportlint.batch.work import run_job
from reportlint.config.resolve import Overrides
from reportlint.errors import UsageError
from reportlint.model import FileReport
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


def check_upload(name: str, data: bytes, overrides: Overrides) -> Checked:
    outcome = run_job(Job(name, data=data), Plan(overrides, source=True))
    problem = outcome.fatal or outcome.problem
    if problem is not None:
        return Checked(None, problem)
    report = outcome.report
    unreadable = [d for d in report.diagnostics if d.code in UNREADABLE]
    if unreadable:
        return Checked(None, f"{unreadable[0].code} {unreadable[0].message}")
    annotated = None
    if PurePath(name).suffix.lower() in ANNOTATABLE:
        try:
            annotated = annotate_bytes(name, data, report, outcome.source)
        except UsageError:
            annotated = None  # the check stands; only the annotated copy is missing
    return Checked(report, json=format_json([report], FormatOptions()), annotated=annotated)
