"""A batch run as a library call: jobs in, outcomes out in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial

from reportlint.batch.executor import Executor
from reportlint.batch.jobs import Job, Outcome, Plan
from reportlint.batch.work import forget, run_job


def outcomes(jobs: Iterable[Job], plan: Plan, executor: Executor) -> Iterator[Outcome]:
    """Each job's outcome, in the jobs' order, as soon as it and all before it are done."""
    forget()  # before the pool starts: forked workers begin with nothing remembered
    if plan.cache_dir is not None:
        from reportlint.batch.cache import prepare

        try:
            prepare(plan.cache_dir)
        except OSError:
            plan = replace(plan, cache_dir=None)  # cannot write there: no cache
    return executor.map(partial(run_job, plan=plan), jobs)
