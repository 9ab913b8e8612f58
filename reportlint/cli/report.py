"""``reportlint report``: the review folder (summary.csv, diagnostics.jsonl, index.html, a
page per report), or one report's page on stdout."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from reportlint.batch.jobs import CLEAN, FINDINGS, NOT_A_REPORT, Outcome
from reportlint.batch.register import Seen, compare, load_register
from reportlint.batch.run import outcomes
from reportlint.batch.work import resolver_for
from reportlint.cli.batchrun import gather
from reportlint.cli.checkopts import BatchOptions, batch_options, progress_for
from reportlint.config.resolve import Overrides, Resolver
from reportlint.errors import UsageError
from reportlint.facts.issuerkind import KINDS as ISSUER_KINDS
from reportlint.facts.issuerkind import run_options
from reportlint.review.folder import ReviewFolder
from reportlint.review.page import report_page
from reportlint.review.register import register_panel


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in (value or "").split(",") if c.strip())


def selection_options(command: Callable[..., None]) -> Callable[..., None]:
    """The selection and configuration options of ``check``; the command gets ``overrides``."""

    @click.option("--select", help="Comma-separated codes or prefixes to enable (S, S10, T403).")
    @click.option("--ignore", help="Comma-separated codes or prefixes to disable.")
    @click.option("--extend-select", help="Comma-separated codes or prefixes to enable as well.")
    @click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
                  help="A rule pack folder to add to the built-in one (repeatable).")
    @click.option("--config", "config_file", type=click.Path(dir_okay=False),
                  help="Use this configuration file for every input (no search).")
    @click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
    @click.option("--issuer-kind", type=click.Choice(ISSUER_KINDS),
                  help="Treat every report as issued by a government or a department.")
    @click.option("--deadline", metavar="MM-DD",
                  help="Publication deadline in the following year (e.g. 01-31).")
    @wraps(command)
    def wrapper(*args: Any, select: str | None, ignore: str | None, extend_select: str | None,
                rule_dirs: tuple[str, ...], config_file: str | None, isolated: bool,
                issuer_kind: str | None, deadline: str | None, **kwargs: Any) -> None:
        overrides = Overrides(
            select=_codes(select) or None, ignore=_codes(ignore),
            extend_select=_codes(extend_select), rule_dirs=tuple(Path(d) for d in rule_dirs),
            settings=run_options(issuer_kind, deadline),
            config_file=Path(config_file) if config_file else None, isolated=isolated)
        Resolver(overrides)  # a conflicting --config and --isolated fails before any reading
        command(*args, overrides=overrides, **kwargs)

    return wrapper


def _runs(paths: tuple[str, ...], stdin_filename: str | None, overrides: Overrides,
          batch: BatchOptions, quiet: bool) -> tuple[int, Any]:
    jobs = gather(paths, stdin_filename, batch.files_from)
    plan, jobs = batch.paired(overrides, jobs, facts=True)
    found = outcomes(jobs, plan, batch.executor(len(jobs)))
    return len(jobs), found


def _fail_fast(outcome: Outcome) -> Outcome:
    if outcome.fatal is not None:
        raise UsageError(outcome.fatal)
    return outcome


def _register(expect: str, seen: list[Seen], overrides: Overrides, folder: ReviewFolder) -> str:
    """Compares the reports with the register; its row and page go in the folder too."""
    units, lines = load_register(Path(expect))
    resolved = resolver_for(overrides).resolve(Path(expect))
    result = compare(units, lines, expect, seen, resolved.rules, resolved.selection)
    status = FINDINGS if result.register.diagnostics else CLEAN
    row = folder.add(Outcome(result.register, status, resolved.fail_on))
    for path, diagnostic in result.duplicates:
        folder.add_diagnostic(path, diagnostic)
    b901 = resolved.rules.by_code("B901")
    note = str(b901.params.get("loose", "")) if b901 is not None else ""
    return register_panel(result, row.page, note)


@click.command(name="report")
@click.argument("paths", nargs=-1)
@click.option("--output-dir", "-o", type=click.Path(file_okay=False),
              help="Write the review folder there (without it: one report's page on stdout).")
@click.option("--stdin-filename", help="The name to report for input read from '-'.")
@selection_options
@batch_options
def review_report(paths: tuple[str, ...], output_dir: str | None, stdin_filename: str | None,
                  overrides: Overrides, batch: BatchOptions) -> None:
    """Write a review report: summary.csv, diagnostics.jsonl, index.html and a page per
    report (a folder or .zip: every report file in it)."""
    if not paths and batch.files_from is None:
        raise click.UsageError("Missing argument 'PATHS...'.")
    total, found = _runs(paths, stdin_filename, overrides, batch, output_dir is None)
    if output_dir is None:
        if total != 1:
            raise UsageError("without -o DIR, give exactly one report (its page goes to stdout)")
        outcome = _fail_fast(next(iter(found)))
        click.echo(report_page(outcome.report, outcome.facts, outcome.status), nl=False)
        return
    folder = ReviewFolder(Path(output_dir))
    progress = progress_for(batch, total, False, False)
    seen: list[Seen] = []
    for outcome in found:
        folder.add(_fail_fast(outcome))
        if outcome.facts is not None and outcome.status != NOT_A_REPORT:
            seen.append(Seen(outcome.report.path, outcome.facts.issuer, outcome.facts.year))
        if progress is not None:
            progress.advance(outcome.report)
    if progress is not None:
        progress.close()
    expect = batch.expect
    folder.close(_register(expect, seen, overrides, folder) if expect else "")
    click.echo(f"已写入 {output_dir}/index.html（{total} 个文件）", err=True)
