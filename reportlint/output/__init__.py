"""Output: ``FileReport``s → text in one format (text, json, jsonl, sarif, github, gcc, junit).

The registry below maps a format name to a pure function of the reports; ``base`` holds what
they share, ``columns`` converts code-point columns at the edge (UTF-16, screen columns),
``paths`` prints file names and URIs, ``choices`` picks format, colour and statistics.
A format's module is imported when that format is first looked up: a run uses one, and
start-up should not pay for the other six.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from reportlint.output.base import FormatOptions, Formatter

# format name → (module, function)
_PLACES: dict[str, tuple[str, str]] = {
    "text": ("reportlint.output.text", "format_text"),
    "json": ("reportlint.output.jsonfmt", "format_json"),
    "jsonl": ("reportlint.output.jsonl", "format_jsonl"),
    "sarif": ("reportlint.output.sarif", "format_sarif"),
    "github": ("reportlint.output.github", "format_github"),
    "gcc": ("reportlint.output.gcc", "format_gcc"),
    "junit": ("reportlint.output.junit", "format_junit"),
}


class _Formatters(Mapping[str, Formatter]):
    """The registry: a read-only mapping whose values are imported on first lookup."""

    def __getitem__(self, name: str) -> Formatter:
        module, function = _PLACES[name]
        found: Formatter = getattr(import_module(module), function)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_PLACES)

    def __len__(self) -> int:
        return len(_PLACES)


FORMATTERS: Mapping[str, Formatter] = _Formatters()

__all__ = ["FORMATTERS", "FormatOptions", "Formatter"]
