"""The outcome of one job when the result cache has none: the whole pipeline (read, parse,
facts, rules) within the file's budget. :mod:`reportlint.batch.work` imports this module
only when it needs it, so a run whose results all come from the cache starts without the
pipeline's modules.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportlint.batch.facts import facts_of, is_report
from reportlint.batch.jobs import CLEAN, FINDINGS, NOT_A_REPORT, UNREADABLE, Job, Outcome, Plan
from reportlint.batch.work import Unreadable, job_bytes, last_years, previous_job
from reportlint.check.articles import lint_article
from reportlint.check.budget import budget_of, run_bounded, warm
from reportlint.check.engine import (
    check_context,
    input_report,
    last_year_report,
    lint_bytes,
    parse_source,
)
from reportlint.check.kinds.years import last_year
from reportlint.config.resolve import Resolved
from reportlint.errors import InputProblem
from reportlint.facts.context import Context, LastYear
from reportlint.model import FileReport
from reportlint.read import PDF_ENGINES, read_bytes
from reportlint.read.limits import too_costly


def _status(report: FileReport) -> str:
    return FINDINGS if report.diagnostics else CLEAN


def lint_job_bytes(job: Job, data: bytes, resolved: Resolved, plan: Plan) -> Outcome:
    """Read, parse, decide whether it is a report, run the rules, derive the facts."""
    try:
        read = read_bytes(job.name, data, resolved.settings.get("pdf-engine", PDF_ENGINES[0]))
    except InputProblem:
        report = lint_bytes(job.name, data, resolved.rules, resolved.selection, resolved.settings)
        return Outcome(report, UNREADABLE, resolved.fail_on)
    source, document = parse_source(read, resolved.rules.data)
    ctx = Context(document, source.lines, resolved.rules.data, resolved.settings,
                  raw_lines=source.raw_lines, page_facts=source.page_facts,
                  marks=source.marks,
                  previous=_last_year(previous_job(job, plan), resolved))
    if not job.explicit and not is_report(ctx):
        return Outcome(FileReport(job.name, ()), NOT_A_REPORT, resolved.fail_on)
    found = check_context(source, ctx, resolved.rules, resolved.selection)
    report = FileReport(job.name, found, read.shown_lines)
    facts = facts_of(ctx, read) if plan.facts else None
    taken = last_year(ctx)
    if facts is not None and taken is not None:
        facts = replace(facts, previous=taken.path)
    return Outcome(report, _status(report), resolved.fail_on, facts=facts)


def bounded(job: Job, data: bytes, resolved: Resolved, plan: Plan) -> Outcome:
    """``lint_job_bytes`` within the file's budget (check/budget.py): past a limit, one E003."""
    budget = budget_of(resolved.settings)
    rules, selection, settings = resolved.rules, resolved.selection, resolved.settings
    if len(data) > budget.limits.max_bytes:
        found: Outcome | InputProblem = too_costly("文件大小（字节）", budget.limits.max_bytes,
                                                   "max-bytes")
    else:
        found = run_bounded(lambda: lint_job_bytes(job, data, resolved, plan), budget,
                            lambda: warm(rules, selection, settings))
    if isinstance(found, InputProblem):
        report = input_report(job.name, found, rules, selection)
        return Outcome(report, _status(report), resolved.fail_on)
    return found


def _last_year(previous: Job | None, resolved: Resolved) -> LastYear | None:
    """Read once per process and rule set (an unreadable one: no Y rules)."""
    if previous is None:
        return None
    key = (previous.name, id(resolved.rules))
    if key not in last_years:
        try:
            data: bytes | None = job_bytes(previous)
        except Unreadable:
            data = None
        last_years[key] = None if data is None else \
            last_year_report(previous.name, data, resolved.rules, resolved.settings)
    return last_years[key]


def article_part(job: Job, resolved: Resolved) -> Outcome:
    """This part's diagnostics of the joined article (its other parts read here too; not
    cached: the outcome depends on every part)."""
    parts = [(name, Path(name).read_bytes()) for name in job.article]
    reports = lint_article(parts, resolved.rules, resolved.selection, resolved.settings)
    report = next((r for r in reports if r.path == job.name), FileReport(job.name, ()))
    return Outcome(report, _status(report), resolved.fail_on)
