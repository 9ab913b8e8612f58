"""The registry of output formats: a name → a pure function of the reports."""

from __future__ import annotations

from reportlint.formatters.base import FormatOptions, Formatter
from reportlint.formatters.jsonfmt import format_json
from reportlint.formatters.text import format_text

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
}

__all__ = ["FORMATTERS", "FormatOptions", "Formatter"]
