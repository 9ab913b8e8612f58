"""Output: ``FileReport``s → text in one format (text, json, jsonl, sarif, github, gcc, junit).

The registry below maps a format name to a pure function of the reports; ``base`` holds what
they share, ``columns`` converts code-point columns at the edge (UTF-16, screen columns),
``paths`` prints file names and URIs, ``choices`` picks format, colour and statistics.
"""

from __future__ import annotations

from reportlint.output.base import FormatOptions, Formatter
from reportlint.output.gcc import format_gcc
from reportlint.output.github import format_github
from reportlint.output.jsonfmt import format_json
from reportlint.output.jsonl import format_jsonl
from reportlint.output.junit import format_junit
from reportlint.output.sarif import format_sarif
from reportlint.output.text import format_text

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
