"""CLI: the ``reportlint`` commands; the only place that prints and chooses exit codes."""

from reportlint.cli.main import main

__all__ = ["main"]
