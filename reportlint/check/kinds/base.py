"""What a rule kind is: a generic check, implemented in Python, configured by YAML params."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reportlint.common.linear import Compiled, PatternError, cached_linear
from reportlint.facts.context import Context
from reportlint.facts.lastyear import Years
from reportlint.model import Edit, Related, Span
from reportlint.parse.catalogue import compact


@dataclass(frozen=True)
class Param:
    types: tuple[type, ...]
    required: bool = True
    default: Any = None
    help: str = ""
    # Checks a value of the right type when the rule file loads: a problem, or None.
    validate: Callable[[Any], str | None] | None = None
    # A message template: the placeholders the kind fills in (None: not declared here; the
    # built-in rules of the kind show them)
    placeholders: tuple[str, ...] | None = None


MESSAGE = Param((str,), help="the message; {placeholders} as documented by the rule")


def regex(pattern: str) -> Compiled:
    """A rule's regular expression, compiled once per process, on a linear-time engine (the
    same cache as the data patterns the facts read)."""
    return cached_linear(pattern)


def regex_problem(pattern: Any) -> str | None:
    """Why ``pattern`` is not a regular expression, or None: checked when the rule loads."""
    if not isinstance(pattern, str):
        return f"expected a regular expression (a string), got {type(pattern).__name__}"
    try:
        regex(pattern)
    except PatternError as error:
        return f"bad regular expression {pattern!r}: {error}"
    return None


def regexes_problem(patterns: list[Any]) -> str | None:
    return next((p for p in map(regex_problem, patterns) if p), None)


def variants_problem(variants: list[Any]) -> str | None:
    """``[{pattern, message}, …]``"""
    for variant in variants:
        if not isinstance(variant, dict) or not {"pattern", "message"} <= set(variant):
            return "each variant needs the keys pattern and message"
        problem = regex_problem(variant["pattern"])
        if problem:
            return problem
    return None


@dataclass(frozen=True)
class Finding:
    span: Span
    message: str
    related: tuple[Related, ...] = ()
    severity: str | None = None  # overrides the rule's default (e.g. F205: extra → warning)
    # A safe fix the kind is certain of; used only when the rule's YAML declares ``fix``.
    edit: Edit | None = None
    # The page and the Word cell of ``span``, for a finding whose places are already in the
    # file's terms (``Kind.compare``: kept from the report's own run)
    page: int | None = None
    where: str | None = None


def edit_at(ctx: Context, span: Span, replacement: str) -> Edit | None:
    """An edit replacing the raw text of a one-line span, or None when the span runs over
    lines, lies outside the text, or already reads ``replacement``."""
    lines = ctx.raw_lines or ctx.lines
    if span.line != span.end_line or not 1 <= span.line <= len(lines):
        return None
    text = lines[span.line - 1]
    if span.end_column - 1 > len(text) or span.column >= span.end_column:
        return None
    original = text[span.column - 1 : span.end_column - 1]
    return Edit(span, replacement, original) if original != replacement else None


def whole_edit(ctx: Context, span: Span, covers: str, replacement: str) -> Edit | None:
    """``edit_at``, when the span holds exactly ``covers`` (spaces and soft punctuation
    aside): a span that also takes a Markdown ``#`` or stops short is never rewritten."""
    edit = edit_at(ctx, span, replacement)
    if edit is None:
        return None
    seen = ctx.lines[span.line - 1][span.column - 1 : span.end_column - 1]
    return edit if compact(seen) == compact(covers) else None


Check = Callable[[Context, Mapping[str, Any]], Iterable[Finding]]
Compare = Callable[[Years, Mapping[str, Any]], Iterable[Finding]]


@dataclass(frozen=True)
class Kind:
    check: Check
    params: Mapping[str, Param] = field(default_factory=dict)
    summary: str = ""
    fixes: bool = False  # its findings may carry a safe edit (a rule opts in with ``fix:``)
    # A parameter naming a data entry (``prose.template_residue``) → the places of regular
    # expressions in that entry (``[].pattern``: see check/datapatterns.py), checked at load.
    data_patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # A kind that compares a report with last year's: the same findings as ``check``, from
    # what both reports' runs kept (their places in their files), so that a paired report
    # is not linted a second time
    compare: Compare | None = None
