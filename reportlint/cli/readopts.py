"""The options that say how each file is read, shared by ``check`` and ``annotate``: given on
the command line, they win over the configuration's ``pdf-engine`` and ``timeout``."""

from __future__ import annotations

from typing import Any

import click

from reportlint.read import PDF_ENGINES

pdf_engine_option = click.option(
    "--pdf-engine", type=click.Choice(PDF_ENGINES), default=None,
    help="Read PDF files with PDFium (fast) or pdfminer.six [default: the configuration's "
         "pdf-engine, else pdfium; a file PDFium cannot read goes to pdfminer].")

timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
    help="Time budget per file in seconds (E003 past it) [default: the configuration's "
         "timeout, else 60].")


def read_settings(pdf_engine: str | None, timeout: float | None) -> dict[str, Any]:
    """The settings these options give, to lay over the configuration's."""
    return {**({"pdf-engine": pdf_engine} if pdf_engine else {}),
            **({"timeout": timeout} if timeout else {})}
