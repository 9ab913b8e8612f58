"""The work for one file: a pure function of (job, plan) → a picklable ``Outcome``.

It runs in the calling process (``-j 1``) or in a worker process, and later on a cluster:
it reads its own bytes, resolves its own configuration (once per worker and folder) and
uses the cache, so only the job and the small outcome travel.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import replace

from reportlint.batch import cache
from reportlint.batch.jobs import UNREADABLE, Job, Outcome, Plan
from reportlint.batch.places import is_url, names_beside, open_binary, read_at
from reportlint.check.budget import budget_of
from reportlint.config.resolve import Overrides, Resolved, Resolver
from reportlint.errors import RuleFailure, UsageError
from reportlint.model import FileReport

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


def _compute(job: Job, data: bytes, resolved: Resolved, plan: Plan) -> Outcome:
    """The outcome when the cache has none: the pipeline is imported only then, so a run
    whose results all come from the cache starts without it."""
    from reportlint.batch.lintjob import bounded

    return bounded(job, data, resolved, plan)


def _paired(job: Job, data: bytes, resolved: Resolved, plan: Plan) -> Outcome:
    """A report with last year's, when the cache has none: its own outcome (with what its
    run kept of it, cached as any report's: a batch's first pass has it) and the Y rules
    evaluated from what both runs kept; the report is not linted a second time."""
    from reportlint.batch.lintjob import with_last_year

    assert job.previous is not None
    own = cache.cached(replace(job, previous=None), data, resolved, replace(plan, facts=True),
                       _compute)
    return with_last_year(own, job.previous, resolved, plan)


def _attachment_named(outcome: Outcome, job: Job, data: bytes) -> Outcome:
    """A page whose report is an attachment saved beside it: its E006 names that file."""
    from reportlint.check.attachments import name_local_attachment

    if job.path is None or job.member is not None:
        return outcome
    if not any(d.code == "E006" for d in outcome.report.diagnostics):
        return outcome
    return replace(outcome, report=name_local_attachment(outcome.report, data, _is_file(job)))


def _is_file(job: Job) -> Callable[[str], bool]:
    """Whether a file of that name lies beside the page: as the client listed the page's
    folder for a worker elsewhere, as fsspec lists it for a URL, else on this machine."""
    if job.beside is not None:
        return frozenset(job.beside).__contains__
    if job.path is not None and is_url(job.path):
        return frozenset(names_beside(job.path, job.name)).__contains__
    return os.path.isfile


def run_job(job: Job, plan: Plan) -> Outcome:
    """Never raises for a file's sake: an unreadable file, a bad configuration and a failing
    rule are all outcomes (exceptions do not always survive the trip between processes)."""
    empty = FileReport(job.name, ())
    try:
        resolved = resolver_for(plan.overrides).resolve(job.config_path)
        if job.article:
            from reportlint.batch.lintjob import article_part

            return article_part(job, resolved, plan)
        data = job_bytes(job, budget_of(resolved.settings).limits.max_bytes)
        compute = _compute if job.previous is None else _paired
        return _attachment_named(cache.cached(job, data, resolved, plan, compute), job, data)
    except Unreadable as error:
        return Outcome(empty, UNREADABLE, problem=str(error))
    except (UsageError, RuleFailure) as error:
        return Outcome(empty, UNREADABLE, fatal=str(error))
