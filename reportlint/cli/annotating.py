"""``reportlint annotate``: the report back to its drafter with the diagnostics in it (Word
comments, PDF highlights), linted with the same selection, configuration and exit codes as
``check``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import click

from reportlint.annotate import ANNOTATABLE, annotate_bytes, default_output
from reportlint.batch.jobs import Job, Plan
from reportlint.batch.work import run_job
from reportlint.cli.batchrun import EXIT_CLEAN, EXIT_FINDINGS, fails
from reportlint.cli.readopts import pdf_engine_option, read_settings, timeout_option
from reportlint.cli.report import selection_options
from reportlint.config.resolve import Overrides
from reportlint.errors import UsageError
from reportlint.model import FileReport
from reportlint.output.base import summary_line

_UNREADABLE = frozenset({"E001", "E002", "E003"})


@dataclass(frozen=True)
class Annotated:
    report: FileReport
    output: Path
    failed: bool  # a diagnostic at or above the fail-on severity


def _checked_paths(path: str, output: str | None) -> Path:
    source = Path(path)
    if source.suffix.lower() not in ANNOTATABLE:
        raise UsageError(f"{path}: 只能为 .docx 或 .pdf 文件添加批注")
    if not source.is_file():
        raise UsageError(f"{path}: no such file")
    target = Path(output) if output else default_output(path)
    if target.exists() and target.resolve() == source.resolve():
        raise UsageError(f"{target}: the output file is the input (it would be overwritten)")
    return target


def annotate_file(path: str, output: str | None, overrides: Overrides) -> Annotated:
    """Lint ``path`` and write the annotated copy from that one reading (the PDF engine and
    budget of the configuration or command line); the input is never written."""
    target = _checked_paths(path, output)
    outcome = run_job(Job(path, path), Plan(overrides, source=True))
    if outcome.fatal is not None:
        raise UsageError(outcome.fatal)
    if outcome.problem is not None:
        raise UsageError(outcome.problem)
    unreadable = [d for d in outcome.report.diagnostics if d.code in _UNREADABLE]
    if unreadable:
        raise UsageError(f"{path}: {unreadable[0].code} {unreadable[0].message}")
    data = annotate_bytes(path, Path(path).read_bytes(), outcome.report, outcome.source)
    try:
        target.write_bytes(data)
    except OSError as error:
        raise UsageError(f"{target}: cannot write: {error.strerror}") from None
    return Annotated(outcome.report, target, fails(outcome.report, outcome.fail_on))


@click.command(name="annotate")
@click.argument("path")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Where to write the annotated copy [default: <stem>.reportlint.docx/.pdf "
                   "beside the input].")
@click.option("--fail-on", type=click.Choice(("error", "warning", "info", "never")),
              default=None, help="Exit 1 when a diagnostic at or above this severity is found "
                                 "[default: the configuration's fail-on, else error].")
@pdf_engine_option
@timeout_option
@selection_options
def annotate_command(path: str, output: str | None, fail_on: str | None,
                     pdf_engine: str | None, timeout: float | None,
                     overrides: Overrides) -> None:
    """Write a copy of a Word or PDF report with a comment at each diagnostic."""
    overrides = replace(overrides, fail_on=fail_on,
                        settings={**overrides.settings, **read_settings(pdf_engine, timeout)})
    done = annotate_file(path, output, overrides)
    click.echo(summary_line([done.report]))
    click.echo(f"已写入带批注的副本：{done.output}（{len(done.report.diagnostics)}条批注）")
    click.get_current_context().exit(EXIT_FINDINGS if done.failed else EXIT_CLEAN)
