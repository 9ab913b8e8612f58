"""``reportlint check`` over many files: streamed output, the exit code, progress."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from reportlint.batch.executor import Executor, executor_for
from reportlint.batch.inputs import collect, listed_paths
from reportlint.batch.jobs import CLEAN, FINDINGS, NOT_A_REPORT, Job, Outcome, Plan
from reportlint.batch.places import is_url
from reportlint.batch.progress import Progress
from reportlint.batch.register import Seen, compare, load_register
from reportlint.batch.run import outcomes
from reportlint.check.packs import Rule, RuleSet
from reportlint.cli.notes import Notes
from reportlint.config.resolve import Resolver
from reportlint.errors import UsageError
from reportlint.model import FileReport, Severity
from reportlint.output.base import FormatOptions
from reportlint.output.stream import Writer

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def read_stdin() -> bytes:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise UsageError("-: standard input is closed")
    try:
        return stream.read()
    except OSError as error:
        raise UsageError(f"-: cannot read standard input: {error.strerror}") from None


def gather(paths: Sequence[str], stdin_filename: str | None, files_from: str | None,
           notes: Notes | None = None) -> list[Job]:
    """The jobs of the path arguments and of ``--files-from`` (``-``: standard input). With
    ``notes``, a path that does not exist goes to its problems (the others are still
    checked) and a folder without report files to its remarks."""
    names = list(paths)
    if notes is not None:
        names = _existing(names, notes)
    listed: list[str] = []
    if files_from is not None:
        try:
            text = (read_stdin().decode("utf-8-sig", errors="replace") if files_from == "-"
                    else Path(files_from).read_text(encoding="utf-8-sig", errors="replace"))
        except OSError as error:
            raise UsageError(f"{files_from}: cannot read: {error.strerror}") from None
        listed = listed_paths(text)
    if names.count("-") + (files_from == "-") > 1:  # the second read would find it empty
        raise UsageError("'-' (standard input) can be given only once")
    stdin = Job(stdin_filename or "<stdin>", data=read_stdin()) if "-" in names else None
    jobs = collect(names, stdin, listed)
    if notes is not None:
        _note_empty_folders(names, jobs, notes)
    return jobs


def _existing(names: list[str], notes: Notes) -> list[str]:
    kept = []
    for name in names:
        if name and name != "-" and not is_url(name) and not os.path.lexists(name):
            notes.problems.append(("no-such-path", name))
            continue
        kept.append(name)
    return kept


def _note_empty_folders(names: list[str], jobs: Sequence[Job], notes: Notes) -> None:
    """A folder argument none of whose files became a job (decided on the walk already
    made, not by walking the folder again)."""
    found = [Path(job.path) for job in jobs if job.path is not None]
    for name in names:
        if name and name != "-" and os.path.isdir(name):
            folder = Path(name)
            if not any(path.is_relative_to(folder) for path in found):
                notes.remarks.append(("no-reports", name))


def fails(report: FileReport, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity.parse(fail_on)
    return any(d.severity >= threshold for d in report.diagnostics)


@dataclass
class Run:
    """What the run keeps while streaming: counters and the names to report at the end."""

    unreadable: list[str] = field(default_factory=list)
    not_reports: list[str] = field(default_factory=list)
    failed: bool = False
    fail_on: dict[str, str] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)  # for --expect: issuer and year of each


@dataclass(frozen=True)
class Sinks:
    out: TextIO | None  # where diagnostics go (None: nowhere, only the summary)
    progress: Progress | None = None


def rules_of(rule_sets: Iterable[RuleSet]) -> tuple[Rule, ...]:
    """Every rule of the files' rule sets, once per code, by code (what SARIF lists)."""
    rules = {rule.code: rule for rule_set in rule_sets for rule in rule_set.rules}
    return tuple(sorted(rules.values(), key=lambda r: r.code))


def register_outcomes(expect: str, seen: Sequence[Seen], plan: Plan) -> list[Outcome]:
    """The register's B901s as one more file, each B902 as one for its report."""
    units, lines = load_register(Path(expect))
    resolved = resolver_of(plan).resolve(Path(expect))
    result = compare(units, lines, expect, seen, resolved.rules, resolved.selection)
    found = [result.register, *(FileReport(path, (d,), ()) for path, d in result.duplicates)]
    return [Outcome(report, FINDINGS if report.diagnostics else CLEAN, resolved.fail_on)
            for report in found]


def stream(jobs: Sequence[Job], plan: Plan, workers: int | None, writer: Writer,
           sinks: Sinks, expect: str | None = None, executor: Executor | None = None) -> Run:
    """Every job's output in order; with a register, its findings come last (they need every
    report first). ``executor``: where the work runs [default: ``workers`` processes]."""
    run = Run()
    for outcome in outcomes(jobs, plan, executor or executor_for(workers, len(jobs))):
        _take(outcome, run, writer, sinks)
    for index, outcome in enumerate(register_outcomes(expect, run.seen, plan) if expect else ()):
        _take(outcome, run, writer, Sinks(sinks.out), new_file=index == 0)
    if sinks.progress is not None:
        sinks.progress.close()
    if not writer.streams:  # a document format: formatted once every file is known
        options = writer.options
        resolver = resolver_of(plan)
        rules = rules_of(resolver.resolve(job.config_path).rules for job in jobs)
        final = replace(options, fail_on=run.fail_on, rules=rules,
                        exit_code=max(exit_status(run), options.exit_code or EXIT_CLEAN),
                        notifications=(*options.notifications,
                                       *(("error", u) for u in run.unreadable)))
        tail = writer.end(final)
    else:
        tail = writer.end()
    if sinks.out is not None:
        sinks.out.write(tail)
    return run


def resolver_of(plan: Plan) -> Resolver:
    from reportlint.batch.work import resolver_for

    return resolver_for(plan.overrides)


def _take(outcome: Outcome, run: Run, writer: Writer, sinks: Sinks,
          new_file: bool = True) -> None:
    if outcome.fatal is not None:
        raise UsageError(outcome.fatal)
    report = outcome.report
    if outcome.problem is not None:
        run.unreadable.append(outcome.problem)
    elif outcome.status == NOT_A_REPORT:
        run.not_reports.append(report.path)
    else:
        chunk = writer.chunk(report, new_file)
        if sinks.out is not None and chunk:
            sinks.out.write(chunk)
            sinks.out.flush()
        run.failed = run.failed or fails(report, outcome.fail_on)
        if outcome.facts is not None:
            run.seen.append(Seen(report.path, outcome.facts.issuer, outcome.facts.year))
        if not writer.streams:
            run.fail_on[report.path] = outcome.fail_on
    if sinks.progress is not None:
        sinks.progress.advance(report)


def exit_status(run: Run) -> int:
    if run.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if run.failed else EXIT_CLEAN


def cache_dir(no_cache: bool, explicit: str | None) -> str | None:
    if no_cache:
        return None
    from reportlint.batch.cache import DEFAULT_DIR

    return explicit or os.environ.get("REPORTLINT_CACHE_DIR") or DEFAULT_DIR


__all__ = ["FormatOptions", "Run", "Sinks", "cache_dir", "exit_status", "gather", "stream"]
