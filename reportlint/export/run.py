"""Export one report (a job of the batch inputs) to rows; a file that cannot be read is
one ``unreadable`` row, never a traceback."""

from __future__ import annotations

from reportlint.batch.facts import facts_of
from reportlint.batch.jobs import Job
from reportlint.batch.work import Unreadable, job_bytes, resolver_for
from reportlint.check.engine import parse_source
from reportlint.config.resolve import Overrides, Resolved
from reportlint.errors import InputProblem
from reportlint.export.rows import COLUMNS, Row, report_rows
from reportlint.facts.context import Context
from reportlint.read import PDF_ENGINES, read_bytes


def _unreadable(name: str, reason: str) -> Row:
    row = dict.fromkeys(COLUMNS)
    row.update(record="unreadable", path=name, text=reason)
    return row


def export_bytes(name: str, data: bytes, resolved: Resolved) -> list[Row]:
    try:
        read = read_bytes(name, data, resolved.settings.get("pdf-engine", PDF_ENGINES[0]))
    except InputProblem as problem:
        return [_unreadable(name, problem.message)]
    source, document = parse_source(read, resolved.rules.data)
    ctx = Context(document, source.lines, resolved.rules.data, resolved.settings,
                  raw_lines=source.raw_lines, page_facts=source.page_facts, marks=source.marks)
    return list(report_rows(name, source, ctx, facts_of(ctx, read)))


def export_job(job: Job, overrides: Overrides) -> list[Row]:
    """The rows of one input file, with the configuration in effect where it lies."""
    try:
        data = job_bytes(job)
    except Unreadable as error:
        return [_unreadable(job.name, str(error))]
    return export_bytes(job.name, data, resolver_for(overrides).resolve(job.config_path))
