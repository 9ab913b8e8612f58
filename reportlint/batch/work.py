"""The work for one file: a pure function of (job, plan) → a picklable ``Outcome``.

It runs in the calling process (``-j 1``) or in a worker process, and later on a cluster:
it reads its own bytes, resolves its own configuration (once per worker and folder) and
uses the cache, so only the job and the small outcome travel.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import replace
from pathlib import Path

from reportlint.batch import cache
from reportlint.batch.facts import facts_of, is_report
from reportlint.batch.jobs import (
    CLEAN,
    FINDINGS,
    NOT_A_REPORT,
    UNREADABLE,
    Job,
    Outcome,
    Plan,
)
from reportlint.check.articles import article_reports
from reportlint.check.attachments import ELSEWHERE, name_local_attachment
from reportlint.check.budget import budget_of, run_bounded, warm
from reportlint.check.engine import (
    RuleFailure,
    check_context,
    context_of,
    input_report,
    last_year_report,
    lint_bytes,
)
from reportlint.check.kinds.years import last_year
from reportlint.check.lastyear import summarize
from reportlint.config.resolve import Overrides, Resolved, Resolver
from reportlint.errors import InputProblem, UsageError
from reportlint.facts.lastyear import LastYear
from reportlint.model import FileReport
from reportlint.read import PDF_ENGINES, read_bytes
from reportlint.read.htmljoin import join_parts
from reportlint.read.limits import too_costly

# A zip member larger than this is not read (a zip bomb expands a few KB to gigabytes).
MAX_MEMBER_BYTES = 256 * 1024 * 1024

_resolvers: dict[str, Resolver] = {}


def resolver_for(overrides: Overrides) -> Resolver:
    """One resolver per process and command line: configuration files are read once."""
    key = repr(overrides)
    if key not in _resolvers:
        _resolvers[key] = Resolver(overrides)
    return _resolvers[key]


def forget() -> None:
    """A new run reads configuration and rule packs afresh (they may have changed since)."""
    from reportlint.batch.cache import pack_fingerprint

    _resolvers.clear()
    pack_fingerprint.cache_clear()


class Unreadable(Exception):
    pass


def _member_bytes(archive: str, member: str) -> bytes:
    with zipfile.ZipFile(archive) as opened:
        info = opened.getinfo(member)
        if info.file_size > MAX_MEMBER_BYTES:
            raise Unreadable(f"{member}: larger than {MAX_MEMBER_BYTES >> 20} MB unpacked")
        return opened.read(info)


def job_bytes(job: Job, limit: int | None = None) -> bytes:
    """The job's bytes; with a limit, at most one byte past it (``/dev/zero`` ends)."""
    if job.data is not None:
        return job.data
    assert job.path is not None
    try:
        if job.member is not None:
            return _member_bytes(job.path, job.member)
        if os.path.isdir(job.path):  # a sub-folder the walk could not list
            os.listdir(job.path)
        with Path(job.path).open("rb") as stream:
            return stream.read(-1 if limit is None else limit + 1)
    except (OSError, zipfile.BadZipFile, KeyError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        what = "folder" if os.path.isdir(job.path) else ""
        raise Unreadable(f"{job.name}: cannot read{' ' + what if what else ''}: "
                         f"{reason}") from None


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


def _bounded(job: Job, data: bytes, resolved: Resolved, plan: Plan) -> Outcome:
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


def _article_part(job: Job, resolved: Resolved, plan: Plan) -> Outcome:
    """This part's diagnostics of the joined article (its other parts read here too; not
    cached: the outcome depends on every part)."""
    try:
        joined = join_parts([(name, Path(name).read_bytes()) for name in job.article])
    except InputProblem:  # a part that cannot be read: this part is linted on its own
        return run_job(replace(job, article=()), plan)
    source, ctx = context_of(joined.source, resolved.rules, resolved.settings, job.previous)
    found = check_context(source, ctx, resolved.rules, resolved.selection)
    report = next(r for r in article_reports(joined, found) if r.path == job.name)
    # the article is one report: its first part stands for it in a review (its issuer, year)
    first = plan.facts and job.name == job.article[0]
    facts = facts_of(ctx, joined.source, source) if first else None
    return Outcome(report, _status(report), resolved.fail_on, facts=facts)


def _attachment_named(outcome: Outcome, job: Job, data: bytes) -> Outcome:
    """A page whose report is an attachment saved beside it: its E006 names that file."""
    if job.path is None or job.member is not None:
        return outcome
    if not any(d.code == "E006" for d in outcome.report.diagnostics):
        return outcome
    return replace(outcome, report=name_local_attachment(outcome.report, data, os.path.isfile))


def run_job(job: Job, plan: Plan) -> Outcome:
    """Never raises for a file's sake: an unreadable file, a bad configuration and a failing
    rule are all outcomes (exceptions do not always survive the trip between processes)."""
    empty = FileReport(job.name, ())
    try:
        resolved = resolver_for(plan.overrides).resolve(job.config_path)
        if job.article:
            return _article_part(job, resolved, plan)
        data = job_bytes(job, budget_of(resolved.settings).limits.max_bytes)
        return _attachment_named(cache.cached(job, data, resolved, plan, _bounded), job, data)
    except Unreadable as error:
        return Outcome(empty, UNREADABLE, problem=str(error))
    except (UsageError, RuleFailure) as error:
        return Outcome(empty, UNREADABLE, fatal=str(error))
