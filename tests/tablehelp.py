"""Helpers for the table tests: lint a text, bind its tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlint.check.engine import Selection, lint_bytes
from reportlint.check.packs import RuleSet, load_rules
from reportlint.facts.context import Context
from reportlint.model import Settings
from reportlint.parse.catalogue import catalogue_from_data
from reportlint.parse.parser import parse
from reportlint.read import read_bytes
from reportlint.tables.layer import TableLayer, table_layer

TABLE_CODES = ("F", "N", "T")
_RULES: list[RuleSet] = []


def rules() -> RuleSet:
    if not _RULES:
        _RULES.append(load_rules())
    return _RULES[0]


def lint(text: str, name: str = "report.txt", select: tuple[str, ...] = TABLE_CODES,
         settings: Mapping[str, Any] | None = None) -> list[tuple[str, int, int]]:
    report = lint_bytes(name, text.encode("utf-8"), rules(), Selection(select=select),
                        Settings(dict(settings or {})))
    return sorted((d.code, d.span.line, d.span.column) for d in report.diagnostics)


def layer(text: str, name: str = "report.txt",
          settings: Mapping[str, Any] | None = None) -> TableLayer:
    source = read_bytes(name, text.encode("utf-8"))
    data = rules().data
    document = parse(source.lines, catalogue_from_data(data["sections"]))
    ctx = Context(document, source.lines, data, Settings(dict(settings or {})),
                  raw_lines=source.raw_lines)
    return table_layer(ctx)
