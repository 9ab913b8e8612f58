"""``reportlint export``: every bound table cell and each report's facts, as CSV or JSON
lines (what analysts load into a spreadsheet or pandas)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

import click

from reportlint.batch.jobs import Job
from reportlint.cli.batchrun import gather
from reportlint.cli.checkopts import BatchOptions, engine_options
from reportlint.cli.report import selection_options
from reportlint.config.resolve import Overrides
from reportlint.errors import UsageError
from reportlint.export.rows import Row
from reportlint.export.run import export_job
from reportlint.export.write import FORMATS, write_rows


def _rows(jobs: Sequence[Job], overrides: Overrides, engine: BatchOptions) -> Iterator[Row]:
    """Each file's rows, in the files' order, from wherever the work runs."""
    if engine.scheduler is not None:
        from reportlint.batch.cluster import overrides_for_workers

        overrides = overrides_for_workers(overrides)
    for rows in engine.executor(len(jobs)).map(partial(export_job, overrides=overrides), jobs):
        yield from rows


@click.command(name="export")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="csv (UTF-8 with BOM) or jsonl (one JSON object per line).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write to this file (default: standard output).")
@click.option("--files-from", type=click.Path(),
              help="Read more paths from this file, one per line ('-': standard input).")
@selection_options
@engine_options
def export_cells(paths: tuple[str, ...], fmt: str, output: str | None,
                 files_from: str | None, overrides: Overrides, jobs: int | None,
                 scheduler: str | None, ship_bytes: bool) -> None:
    """Export every bound table cell and each report's facts (a folder or .zip: every
    report file in it)."""
    if not paths and files_from is None:
        raise click.UsageError("Missing argument 'PATHS...'.")
    engine = BatchOptions(jobs=jobs, scheduler=scheduler, ship_bytes=ship_bytes)
    # bad paths fail before writing
    rows = _rows(gather(paths, None, files_from), overrides, engine)
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    if output is None:  # no BOM on a pipe: the next program reads plain UTF-8
        sys.stdout.flush()
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        write_rows(rows, out, fmt)
        out.flush()
        out.detach()
        return
    try:
        with Path(output).open("w", encoding=encoding, newline="") as out:
            write_rows(rows, out, fmt)
    except OSError as error:
        raise UsageError(f"{output}: cannot write: {error.strerror}") from None
