"""The registry of output formats: a name → a pure function of the reports."""

from __future__ import annotations

from reportlint.formatters.base import FormatOptions, Formatter
from reportlint.formatters.gcc import format_gcc
from reportlint.formatters.github import format_github
from reportlint.formatters.jsonfmt import format_json
from reportlint.formatters.jsonl import format_jsonl
from reportlint.formatters.junit import format_junit
from reportlint.formatters.sarif import format_sarif
from reportlint.formatters.text import format_text

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "jsonl": format_jsonl,
    "sarif": format_sarif,
    "github": format_github,
    "gcc": format_gcc,
    "junit": format_junit,
}

__all__ = ["FORMATTERS", "FormatOptions", "Formatter"]
