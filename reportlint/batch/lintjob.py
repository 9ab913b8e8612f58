"""The outcome of one job when the result cache has none: the whole pipeline (read, parse,
facts, rules) within the file's budget. :mod:`reportlint.batch.work` imports this module
only when it needs it, so a run whose results all come from the cache starts without the
pipeline's modules.
"""

from __future__ import annotations

from dataclasses import replace

from reportlint.batch.facts import facts_of, is_report
from reportlint.batch.jobs import CLEAN, FINDINGS, NOT_A_REPORT, UNREADABLE, Job, Outcome, Plan
from reportlint.batch.places import read_at
from reportlint.batch.work import Unreadable, job_bytes, resolver_for, run_job
from reportlint.check.articles import article_reports
from reportlint.check.attachments import ELSEWHERE
from reportlint.check.budget import budget_of, run_bounded, warm
from reportlint.check.engine import (
    check_context,
    check_years,
    context_of,
    input_report,
    last_year_report,
    lint_bytes,
)
from reportlint.check.kinds.years import last_year
from reportlint.check.lastyear import summarize
from reportlint.config.resolve import Resolved
from reportlint.errors import InputProblem
from reportlint.facts.lastyear import LastYear, Years, as_last_year
from reportlint.model import FileReport
from reportlint.read import PDF_ENGINES, read_bytes
from reportlint.read.htmljoin import join_parts
from reportlint.read.limits import too_costly


def _status(report: FileReport) -> str:
    return FINDINGS if report.diagnostics else CLEAN


def lint_job_bytes(job: Job, data: bytes, resolved: Resolved, plan: Plan) -> Outcome:
    """Read, parse, decide whether it is a report, run the rules, derive the facts."""
    try:
        read = read_bytes(job.name, data, resolved.settings.get("pdf-engine", PDF_ENGINES[0]))
    except InputProblem as problem:
        report = lint_bytes(job.name, data, resolved.rules, resolved.selection, resolved.settings)
        # a page whose report is elsewhere (E006) was read: it has a finding, it is not broken
        status = _status(report) if problem.code == ELSEWHERE else UNREADABLE
        return Outcome(report, status, resolved.fail_on)
    source, ctx = context_of(read, resolved.rules, resolved.settings, job.previous)
    if not job.explicit and not is_report(ctx):
        return Outcome(FileReport(job.name, ()), NOT_A_REPORT, resolved.fail_on)
    found = check_context(source, ctx, resolved.rules, resolved.selection)
    report = FileReport(job.name, found, read.shown_lines)
    kept = read if plan.source else None
    if not plan.facts:
        return Outcome(report, _status(report), resolved.fail_on, source=kept)
    taken = last_year(ctx)
    facts = replace(facts_of(ctx, read, source), previous=taken.path if taken else None)
    return Outcome(report, _status(report), resolved.fail_on, facts=facts,
                   summary=summarize(job.name, data, ctx, source, resolved.rules), source=kept)


def with_last_year(own: Outcome, previous: LastYear, resolved: Resolved, plan: Plan) -> Outcome:
    """A report's own outcome (computed with ``Plan.facts``) with last year's report: the Y
    diagnostics from what both runs kept, and which report was taken as last year's. An
    outcome without what its run kept (unreadable, not a report, past its budget) has no Y
    diagnostics, as when linted with last year's."""
    this, facts = own.summary, own.facts
    if this is not None and facts is not None:
        years = Years(this, previous, resolved.rules.data)
        report = check_years(own.report, years, resolved.rules, resolved.selection)
        taken = as_last_year(previous, this.year)
        own = replace(own, report=report, status=_status(report),
                      facts=replace(facts, previous=taken.path if taken else None))
    return own if plan.facts else replace(own, facts=None, summary=None)


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


def previous_report(path: str, plan: Plan) -> LastYear | None:
    """``--previous``: last year's report, read once in the calling process, within the
    file budget as any report (an unreadable one, or one past a limit: no Y rules)."""
    job = Job(path, path=path)
    resolved = resolver_for(plan.overrides).resolve(job.config_path)
    budget = budget_of(resolved.settings)
    try:
        data = job_bytes(job, budget.limits.max_bytes)
    except Unreadable:
        return None
    if len(data) > budget.limits.max_bytes:
        return None
    rules, selection, settings = resolved.rules, resolved.selection, resolved.settings
    found = run_bounded(lambda: last_year_report(path, data, rules, settings), budget,
                        lambda: warm(rules, selection, settings))
    return found if isinstance(found, LastYear) else None


def article_part(job: Job, resolved: Resolved, plan: Plan) -> Outcome:
    """This part's diagnostics of the joined article (its other parts read here too; not
    cached: the outcome depends on every part)."""
    try:
        joined = join_parts([(name, read_at(name)) for name in job.article])
    except InputProblem:  # a part that cannot be read: this part is linted on its own
        return run_job(replace(job, article=()), plan)
    source, ctx = context_of(joined.source, resolved.rules, resolved.settings, job.previous)
    found = check_context(source, ctx, resolved.rules, resolved.selection)
    report = next(r for r in article_reports(joined, found) if r.path == job.name)
    # the article is one report: its first part stands for it in a review (its issuer, year)
    first = plan.facts and job.name == job.article[0]
    facts = facts_of(ctx, joined.source, source) if first else None
    return Outcome(report, _status(report), resolved.fail_on, facts=facts)
