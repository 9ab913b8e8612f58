"""Run the rules over one report: read → parse → rules → diagnostics (in source terms)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from reportlint.check.kinds.base import Finding
from reportlint.check.lastyear import summarize
from reportlint.check.packs import Rule, RuleSet
from reportlint.check.selection import Selection
from reportlint.errors import InputProblem, RuleFailure
from reportlint.facts.context import Context
from reportlint.facts.lastyear import LastYear, Years
from reportlint.model import Diagnostic, FileReport, Fix, Settings, Severity, Source, Span
from reportlint.parse.catalogue import catalogue_of
from reportlint.parse.parser import parse
from reportlint.parse.tree import Document
from reportlint.parse.unflatten import unflatten
from reportlint.read import PDF_ENGINES, read_bytes
from reportlint.read.sourcemap import to_source


def _severity(rule: Rule, finding: Finding, selection: Selection) -> Severity:
    """A finding may name its own severity, unless the user configured the rule's."""
    if finding.severity is None or rule.code in selection.severity:
        return selection.severity_of(rule)
    return Severity.parse(finding.severity)


def _fix(rule: Rule, finding: Finding) -> Fix | None:
    """The finding's edit as the rule's fix, when the rule's YAML declares one."""
    if rule.fix is None or finding.edit is None:
        return None
    return Fix(rule.fix.format(replacement=finding.edit.replacement), (finding.edit,))


def _diagnostic(rule: Rule, finding: Finding, selection: Selection) -> Diagnostic:
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=_severity(rule, finding, selection),
        message=finding.message,
        span=finding.span,
        related=finding.related,
        page=finding.page,
        where=finding.where,
        fix=_fix(rule, finding),
    )


def _input_diagnostic(problem: InputProblem, rules: RuleSet, selection: Selection) -> Diagnostic:
    rule = rules.by_code(problem.code)
    name = rule.name if rule else problem.code.lower()
    severity = selection.severity_of(rule) if rule else Severity.ERROR
    if rule and problem.severity and rule.code not in selection.severity:
        severity = Severity.parse(problem.severity)
    line, column, end_column = problem.at
    return Diagnostic(problem.code, name, severity, problem.message,
                      Span(line, column, line, end_column), page=problem.page)


def parse_source(source: Source, data: Mapping[str, Any]) -> tuple[Source, Document]:
    """The text the grammar reads (flattened web text split at its headings) and its tree."""
    catalogue = catalogue_of(data)
    source = unflatten(source, catalogue)
    return source, parse(source.lines, catalogue)


def check_source(
    source: Source, rules: RuleSet, selection: Selection, settings: Settings,
    previous: LastYear | None = None,
) -> tuple[Diagnostic, ...]:
    """Diagnostics for a report that was read, addressed in the original file; ``previous``:
    last year's report, for the Y rules."""
    return check_context(*context_of(source, rules, settings, previous), rules, selection)


def context_of(source: Source, rules: RuleSet, settings: Settings,
               previous: LastYear | None = None) -> tuple[Source, Context]:
    """A report that was read, parsed: the source as ``parse_source`` returns it, and the
    context the rules (and the report's facts) read."""
    source, document = parse_source(source, rules.data)
    return source, Context(document, source.lines, rules.data, settings,
                           raw_lines=source.raw_lines, page_facts=source.page_facts,
                           marks=source.marks, previous=previous)


def check_context(
    source: Source, context: Context, rules: RuleSet, selection: Selection
) -> tuple[Diagnostic, ...]:
    """The rules over a report already parsed (``source`` as ``parse_source`` returned it):
    a caller that also wants the report's facts shares the context and its memo."""
    found = _selected(rules.rules, selection, source.path,
                      lambda rule: rule.implementation.check(context, rule.params))
    mapped = [to_source(source, d) for d in found]
    mapped += reader_problems(source, rules, selection)
    return _sorted(mapped)


def _selected(rules: Iterable[Rule], selection: Selection, path: str,
              run: Callable[[Rule], Iterable[Finding]]) -> list[Diagnostic]:
    """The diagnostics of the selected rules, each rule's findings from ``run``."""
    found: list[Diagnostic] = []
    for rule in rules:
        if not selection.enabled(rule.code, rule.enabled):
            continue
        try:
            findings = list(run(rule))
        except Exception as error:  # a bug in a kind: name it, never a traceback
            raise RuleFailure(path, rule.code, error) from error
        found.extend(_diagnostic(rule, f, selection) for f in findings)
    return found


def _sorted(found: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(found, key=lambda d: d.sort_key))


def check_years(report: FileReport, years: Years, rules: RuleSet,
                selection: Selection) -> FileReport:
    """A report's diagnostics with those of the rules that compare it with last year's
    (``Kind.compare``), from what both reports' runs kept: selected and with severities as
    in ``check_context``; this year's report is not read or parsed again. ``report``: the
    report's own run's, without last year's."""
    def compare(rule: Rule) -> Iterable[Finding]:
        kind = rule.implementation.compare
        return kind(years, rule.params) if kind is not None else ()

    comparing = [rule for rule in rules.rules if rule.implementation.compare is not None]
    found = _selected(comparing, selection, report.path, compare)
    return replace(report, diagnostics=_sorted((*report.diagnostics, *found)))


def reader_problems(source: Source, rules: RuleSet, selection: Selection) -> list[Diagnostic]:
    """What the reader found while reading (already in the file's terms), selected and with
    the severity configured like any rule's."""
    found = []
    for problem in source.problems:
        rule = rules.by_code(problem.code)
        if rule is not None and selection.enabled(problem.code, rule.enabled):
            found.append(replace(problem, name=rule.name, severity=selection.severity_of(rule)))
    return found


def input_report(path: str, problem: InputProblem, rules: RuleSet,
                 selection: Selection) -> FileReport:
    """The report of a file that could not be linted: its one E diagnostic, if selected."""
    enabled = selection.enabled(problem.code)
    found = (_input_diagnostic(problem, rules, selection),) if enabled else ()
    return FileReport(path, found, ())


def last_year_report(path: str, data: bytes, rules: RuleSet,
                     settings: Settings) -> LastYear | None:
    """Last year's report (``--previous``), read, parsed and kept as the Y rules need it;
    None when it cannot be read (it is then simply not compared)."""
    try:
        read = read_bytes(path, data, settings.get("pdf-engine", PDF_ENGINES[0]))
    except InputProblem:
        return None
    source, document = parse_source(read, rules.data)
    context = Context(document, source.lines, rules.data, settings, raw_lines=source.raw_lines,
                      page_facts=source.page_facts, marks=source.marks)
    return summarize(path, data, context, source, rules)


def lint_bytes(
    path: str, data: bytes, rules: RuleSet, selection: Selection, settings: Settings,
    previous: LastYear | None = None,
) -> FileReport:
    try:
        source = read_bytes(path, data, settings.get("pdf-engine", PDF_ENGINES[0]))
    except InputProblem as problem:
        return input_report(path, problem, rules, selection)
    return FileReport(path, check_source(source, rules, selection, settings, previous),
                      source.shown_lines)


# RuleFailure and Selection live in smaller modules (the configuration and the CLI need them
# without the pipeline) and are part of the engine's interface as before.
__all__ = ["RuleFailure", "Selection", "check_context", "check_source", "check_years",
           "input_report", "last_year_report", "lint_bytes", "parse_source", "reader_problems"]
