"""The work for one file: a pure function of (job, plan) → a picklable ``Outcome``.

It runs in the calling process (``-j 1``) or in a worker process, and later on a cluster:
it reads its own bytes, resolves its own configuration (once per worker and folder) and
uses the cache, so only the job and the small outcome travel.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import replace

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
from reportlint.batch.places import is_url, names_beside, open_binary, read_at
from reportlint.check.articles import lint_article
from reportlint.check.attachments import name_local_attachment
from reportlint.check.budget import budget_of, run_bounded, warm
from reportlint.check.engine import (
    RuleFailure,
    check_context,
    input_report,
    last_year_report,
    lint_bytes,
    parse_source,
)
from reportlint.check.kinds.years import last_year
from reportlint.config.resolve import Overrides, Resolved, Resolver
from reportlint.errors import InputProblem, UsageError
from reportlint.facts.context import Context, LastYear
from reportlint.model import FileReport
from reportlint.read import PDF_ENGINES, read_bytes
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
    _last_years.clear()
    pack_fingerprint.cache_clear()


class Unreadable(Exception):
    pass


def _member_bytes(archive: str, member: str) -> bytes:
    with open_binary(archive) as stream, zipfile.ZipFile(stream) as opened:
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
        return read_at(job.path, limit)
    except (OSError, zipfile.BadZipFile, KeyError, UsageError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        what = "folder" if not is_url(job.path) and os.path.isdir(job.path) else ""
        raise Unreadable(f"{job.name}: cannot read{' ' + what if what else ''}: "
                         f"{reason}") from None


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


_last_years: dict[tuple[str, int], LastYear | None] = {}


def previous_job(job: Job, plan: Plan) -> Job | None:
    """Last year's report for ``job``: ``--previous``, else the one paired with it."""
    if plan.previous is not None:
        return Job(plan.previous, path=plan.previous)
    return plan.pairs.get(job.name)


def _last_year(previous: Job | None, resolved: Resolved) -> LastYear | None:
    """Read once per process and rule set (an unreadable one: no Y rules)."""
    if previous is None:
        return None
    key = (previous.name, id(resolved.rules))
    if key not in _last_years:
        try:
            data: bytes | None = job_bytes(previous)
        except Unreadable:
            data = None
        _last_years[key] = None if data is None else \
            last_year_report(previous.name, data, resolved.rules, resolved.settings)
    return _last_years[key]


def _article_part(job: Job, resolved: Resolved) -> Outcome:
    """This part's diagnostics of the joined article (its other parts read here too; not
    cached: the outcome depends on every part)."""
    parts = [(name, read_at(name)) for name in job.article]
    reports = lint_article(parts, resolved.rules, resolved.selection, resolved.settings)
    report = next((r for r in reports if r.path == job.name), FileReport(job.name, ()))
    return Outcome(report, _status(report), resolved.fail_on)


def _attachment_named(outcome: Outcome, job: Job, data: bytes) -> Outcome:
    """A page whose report is an attachment saved beside it: its E006 names that file."""
    if job.path is None or job.member is not None:
        return outcome
    if not any(d.code == "E006" for d in outcome.report.diagnostics):
        return outcome
    names = job.beside if job.beside is not None else names_beside(job.path, job.name)
    return replace(outcome, report=name_local_attachment(outcome.report, data, names))


def run_job(job: Job, plan: Plan) -> Outcome:
    """Never raises for a file's sake: an unreadable file, a bad configuration and a failing
    rule are all outcomes (exceptions do not always survive the trip between processes)."""
    empty = FileReport(job.name, ())
    try:
        resolved = resolver_for(plan.overrides).resolve(job.config_path)
        if job.article:
            return _article_part(job, resolved)
        data = job_bytes(job, budget_of(resolved.settings).limits.max_bytes)
        if previous_job(job, plan) is not None:  # depends on another file: not cached
            return _attachment_named(_bounded(job, data, resolved, plan), job, data)
        return _attachment_named(cache.cached(job, data, resolved, plan, _bounded), job, data)
    except Unreadable as error:
        return Outcome(empty, UNREADABLE, problem=str(error))
    except (UsageError, RuleFailure) as error:
        return Outcome(empty, UNREADABLE, fatal=str(error))
