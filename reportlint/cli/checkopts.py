"""The batch options of ``check`` and ``report`` (-j, progress, cache, --files-from) and the
streamed run of ``check``: where its output goes."""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import wraps
from typing import Any, TextIO

import click

from reportlint.batch.executor import Executor, executor_for
from reportlint.batch.jobs import Job, Plan
from reportlint.batch.pairing import with_pairs
from reportlint.batch.progress import Progress, wanted
from reportlint.cli.batchrun import Run, Sinks, cache_dir
from reportlint.cli.batchrun import stream as stream_run
from reportlint.common.names import one_line
from reportlint.config.resolve import Overrides
from reportlint.errors import UsageError
from reportlint.output.base import FormatOptions
from reportlint.output.stream import Writer

MACHINE_FORMATS = ("json", "jsonl", "sarif", "junit")


@dataclass(frozen=True)
class BatchOptions:
    jobs: int | None = None
    progress: bool | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    files_from: str | None = None
    verbose: bool = False
    expect: str | None = None  # a register of the units that must publish
    previous: str | None = None  # last year's report
    pair: bool = True  # pair the reports of a batch across years
    scheduler: str | None = None  # a Dask scheduler's address, or "local"
    ship_bytes: bool = False  # send each file's bytes to the cluster's workers

    def paired(self, overrides: Overrides, jobs: Sequence[Job],
               facts: bool = False) -> tuple[Plan, list[Job]]:
        """The plan, and the jobs each with last year's report: ``--previous``, else the
        batch's reports paired across years (a first pass for their facts) unless
        ``--no-pair`` or a single report."""
        plan = self.plan(overrides, facts)
        if self.previous is not None:
            from reportlint.batch.lintjob import previous_report

            last = previous_report(self.previous, plan)
            return plan, [replace(job, previous=last) for job in jobs]
        if not self.pair or len(jobs) < 2:
            return plan, list(jobs)
        plan = replace(plan, facts=True)  # both passes share cache entries
        if plan.cache_dir is None and self.scheduler is None:
            plan = replace(plan, cache_dir=_scratch_folder())
        return plan, with_pairs(jobs, plan, self.executor(len(jobs)))

    def plan(self, overrides: Overrides, facts: bool = False) -> Plan:
        wants_facts = facts or self.expect is not None
        return self._for_workers(Plan(overrides, cache_dir(self.no_cache, self.cache_dir),
                                      wants_facts))

    def _for_workers(self, plan: Plan) -> Plan:
        if self.scheduler is None:
            return plan
        from reportlint.batch.cluster import plan_for_workers

        return plan_for_workers(plan)

    def executor(self, items: int) -> Executor:
        """The local pool (``-j``), or the Dask cluster of ``--scheduler``."""
        if self.scheduler is None:
            return executor_for(self.jobs, items)
        from reportlint.batch.cluster import DaskCluster

        return DaskCluster(self.scheduler, self.jobs, self.ship_bytes)


def _scratch_folder() -> str:
    """Where a run without the cache keeps its first pass's results for the second (no
    report is linted twice: a paired one adds the Y rules to its first-pass result);
    removed when the run ends."""
    folder = tempfile.mkdtemp(prefix="reportlint-pairing-")
    atexit.register(shutil.rmtree, folder, True)
    return folder


@dataclass(frozen=True)
class Shown:
    """What ``check`` shows: the output file, or only the summary, or statistics."""

    output_file: str | None
    quiet: bool
    statistics: bool
    to_terminal: bool


def _jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter("must be 1 or more")
    return value


def _ship_bytes(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value and ctx.params.get("scheduler") is None:
        raise click.UsageError("--ship-bytes needs --scheduler")
    return value


def engine_options(command: Callable[..., None]) -> Callable[..., None]:
    """Where the per-file work runs: ``jobs``, ``scheduler`` and ``ship_bytes``."""
    command = click.option(
        "--ship-bytes", is_flag=True, callback=_ship_bytes,
        help="With --scheduler: send each file's bytes to the workers (for paths the "
             "workers cannot read).")(command)
    command = click.option(
        "--scheduler", metavar="tcp://HOST:8786|local", is_eager=True,
        help="Run the per-file work on a Dask cluster (needs reportlint[dask]; local: a "
             "cluster of -j processes here).")(command)
    return click.option("--jobs", "-j", type=int, default=None, callback=_jobs,
                        help="Worker processes [default: every core; 1: in this "
                             "process].")(command)


def batch_options(command: Callable[..., None]) -> Callable[..., None]:
    """Adds the batch options; the command receives them as ``batch``."""

    @engine_options
    @click.option("--progress/--no-progress", default=None,
                  help="Show a progress line on stderr [default: on a terminal, 8+ files].")
    @click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
    @click.option("--cache-dir", type=click.Path(file_okay=False),
                  help="The result cache folder [default: .reportlint_cache].")
    @click.option("--files-from", type=click.Path(dir_okay=False, allow_dash=True),
                  help="Lint the files listed there too, one path per line ('-': stdin).")
    @click.option("--verbose", "-v", is_flag=True,
                  help="Name the files skipped as not being reports.")
    @click.option("--expect", type=click.Path(dir_okay=False),
                  help="A register of the units that must publish (CSV: unit name, issuer "
                       "kind, optional deadline): B901 for each without a report, B902 for "
                       "duplicates.")
    @click.option("--previous", type=click.Path(exists=True, dir_okay=False),
                  help="Last year's report of the same issuer: Y801-Y803 compare with it.")
    @click.option("--no-pair", is_flag=True,
                  help="Do not pair the reports of a batch with last year's of their issuer.")
    @wraps(command)
    def wrapper(*args: Any, jobs: int | None, progress: bool | None, no_cache: bool,
                cache_dir: str | None, files_from: str | None, verbose: bool,
                expect: str | None, previous: str | None, no_pair: bool,
                scheduler: str | None, ship_bytes: bool, **kwargs: Any) -> None:
        batch = BatchOptions(jobs, progress, no_cache, cache_dir, files_from, verbose, expect,
                             previous, not no_pair, scheduler, ship_bytes)
        command(*args, batch=batch, **kwargs)

    return wrapper


def progress_for(batch: BatchOptions, files: int, quiet: bool,
                 machine_to_stdout: bool) -> Progress | None:
    stderr = sys.stderr
    shown = wanted(batch.progress, bool(stderr and stderr.isatty()), quiet, machine_to_stdout,
                   files)
    return Progress(files, stderr) if shown and stderr is not None else None


def _open(output_file: str, stack: ExitStack) -> TextIO:
    try:
        return stack.enter_context(open(output_file, "w", encoding="utf-8", newline=""))
    except OSError as error:
        raise UsageError(f"{output_file}: cannot write: {error.strerror}") from None


def tell_skipped(run: Run, verbose: bool) -> None:
    if run.not_reports:
        click.echo(f"reportlint: {len(run.not_reports)} 个文件不是报告，已跳过"
                   + ("：" if verbose else "（--verbose 列出）"), err=True)
    if verbose:
        for name in run.not_reports:
            click.echo(f"  {name}", err=True)
    for problem in run.unreadable:
        click.echo(f"reportlint: {one_line(problem)}", err=True)


def run_check(jobs: Sequence[Job], overrides: Overrides, fmt: str, options: FormatOptions,
              batch: BatchOptions, shown: Shown) -> Run:
    writer = Writer(fmt, options)
    machine = fmt in MACHINE_FORMATS and shown.to_terminal
    progress = progress_for(batch, len(jobs), shown.quiet, machine)
    with ExitStack() as stack:
        out: TextIO | None = None
        if shown.output_file is not None:
            out = _open(shown.output_file, stack)
        elif shown.to_terminal:
            out = sys.stdout
        plan, jobs = batch.paired(overrides, jobs)
        run = stream_run(jobs, plan, batch.jobs, writer, Sinks(out, progress), batch.expect,
                         batch.executor(len(jobs)))
    if shown.statistics and shown.output_file is None:
        click.echo(writer.tally.statistics, nl=False)
    elif shown.quiet or shown.output_file is not None:
        click.echo(writer.tally.summary)
    tell_skipped(run, batch.verbose)
    return run


__all__ = ["BatchOptions", "Shown", "batch_options", "engine_options", "run_check"]
