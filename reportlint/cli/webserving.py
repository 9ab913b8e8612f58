"""``reportlint serve``: the web application for an office's departments (``reportlint[web]``)."""

from __future__ import annotations

from pathlib import Path

import click

from reportlint.check.budget import budget_of
from reportlint.cli.readopts import pdf_engine_option, read_settings, timeout_option
from reportlint.config.resolve import Overrides, Resolver
from reportlint.errors import UsageError
from reportlint.facts.issuerkind import KINDS as ISSUER_KINDS
from reportlint.facts.issuerkind import run_options


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in (value or "").split(",") if c.strip())


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface of the intranet).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=20.0,
              show_default=True, help="Largest upload accepted, in MB.")
@timeout_option
@pdf_engine_option
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes checking uploads at the same time.")
@click.option("--select", help="Comma-separated codes or prefixes to enable.")
@click.option("--ignore", help="Comma-separated codes or prefixes to disable.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this configuration file [default: the one for the working folder].")
@click.option("--issuer-kind", type=click.Choice(ISSUER_KINDS),
              help="Treat every report as issued by a government or a department.")
@click.option("--deadline", metavar="MM-DD", help="Publication deadline in the following year.")
def serve_command(host: str, port: int, max_mb: float, timeout: float | None,
                  pdf_engine: str | None, workers: int, select: str | None,
                  ignore: str | None, config_file: str | None, issuer_kind: str | None,
                  deadline: str | None) -> None:
    """Run the web page for checking reports in a browser (and POST /api/check)."""
    try:
        import uvicorn

        from reportlint.web.app import Limits, make_app
    except ImportError as error:
        raise UsageError(f"serve needs the web extra: pip install 'reportlint[web]' "
                         f"({error})") from None
    overrides = Overrides(select=_codes(select) or None, ignore=_codes(ignore),
                          settings={**run_options(issuer_kind, deadline),
                                    **read_settings(pdf_engine, timeout)},
                          config_file=Path(config_file) if config_file else None)
    # a bad configuration fails now; its budget is each upload's (the command line's over it)
    resolved = Resolver(overrides).resolve(Path.cwd() / "report.txt")
    limits = Limits(int(max_mb * 1024 * 1024), budget_of(resolved.settings), workers)
    click.echo(f"reportlint: 在 http://{host}:{port}/ 提供检查页面（Ctrl+C 停止）", err=True)
    uvicorn.run(make_app(overrides, limits), host=host, port=port, log_level="warning")
