"""SARIF 2.1.0: one run, the rules as ``tool.driver.rules``, one result per diagnostic.

Columns are UTF-16 code units (``columnKind: utf16CodeUnits``), end column exclusive, as the
specification says for that column kind; GitHub code scanning reads them that way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reportlint import __version__
from reportlint.check.packs import Rule
from reportlint.model import Diagnostic, FileReport, Related, Severity, Span
from reportlint.output.base import FormatOptions, ordered
from reportlint.output.columns import convert_span, flagged_text, line_text, utf16_column
from reportlint.output.elsewhere import related_lines, related_path
from reportlint.output.paths import SRCROOT, artifact_location, base_uri
from reportlint.output.place import place_properties, place_suffix

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/reportlint/reportlint"
FINGERPRINT_KEY = "reportlintContextHash/v1"
CONTEXT_CHARS = 16  # code points either side of the flagged text that go into the fingerprint
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _help(rule: Rule) -> str:
    if not rule.example:
        return rule.description
    return f"{rule.description}\n\n示例：\n{rule.example.rstrip()}"


def _help_markdown(rule: Rule) -> str:
    text = rule.description.rstrip()
    if rule.example:
        text += f"\n\n**示例：**\n\n```\n{rule.example.rstrip()}\n```"
    return text


def _invocation(options: FormatOptions) -> dict[str, Any]:
    """How the run ended: its exit code and the paths it could not read (also on stderr).
    Findings are no failure of the tool: exit code 1 is a successful execution."""
    assert options.exit_code is not None
    notifications = [{"level": level, "message": {"text": text}}
                     for level, text in options.notifications]
    invocation: dict[str, Any] = {"executionSuccessful": options.exit_code in (0, 1),
                                  "exitCode": options.exit_code}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "help": {"text": _help(rule), "markdown": _help_markdown(rule)},
        "properties": {"pack": rule.pack, "kind": rule.kind},
    }


def _stand_in(diagnostic: Diagnostic) -> dict[str, Any]:
    """A descriptor for a code that no loaded rule defines (so ``ruleIndex`` stays valid)."""
    return {
        "id": diagnostic.code,
        "name": diagnostic.name,
        "shortDescription": {"text": diagnostic.name},
        "defaultConfiguration": {"level": LEVELS[diagnostic.severity]},
    }


def _rules(reports: Sequence[FileReport], options: FormatOptions) -> list[dict[str, Any]]:
    descriptors = [_descriptor(rule) for rule in options.rules]
    known = {d["id"] for d in descriptors}
    for _, diagnostic in ordered(reports):
        if diagnostic.code not in known:
            known.add(diagnostic.code)
            descriptors.append(_stand_in(diagnostic))
    return descriptors


def _region_text(lines: Sequence[str], span: Span) -> str:
    """The text a span covers, over as many lines as it takes (the region's ``snippet``)."""
    if span.end_line == span.line:
        return flagged_text(lines, span)
    first = line_text(lines, span.line)[span.column - 1 :]
    middle = [line_text(lines, n) for n in range(span.line + 1, span.end_line)]
    last = line_text(lines, span.end_line)[: max(span.end_column - 1, 0)]
    return "\n".join([first, *middle, last])


def _region(lines: Sequence[str], span: Span) -> dict[str, Any]:
    units = convert_span(lines, span, utf16_column)
    region: dict[str, Any] = {
        "startLine": units.line,
        "startColumn": units.column,
        "endLine": units.end_line,
        # A span ending where it starts is an insertion point; never end before the start.
        "endColumn": units.end_column if units.end_line > units.line
        else max(units.end_column, units.column),
    }
    snippet = _region_text(lines, span)
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _physical(path: str, lines: Sequence[str], span: Span,
              options: FormatOptions) -> dict[str, Any]:
    where = artifact_location(path, options.base_dir, options.cwd)
    return {"physicalLocation": {"artifactLocation": where, "region": _region(lines, span)}}


def context_hash(code: str, lines: Sequence[str], span: Span) -> str:
    """What identifies a problem whatever line it moves to: the rule, the flagged text and
    the text around it on its line (whitespace ignored), never a line number."""
    text = line_text(lines, span.line)
    start = max(span.column - 1 - CONTEXT_CHARS, 0)
    flagged = flagged_text(lines, span)
    after = span.column - 1 + len(flagged)
    context = text[start : after + CONTEXT_CHARS]
    squeezed = "".join(context.split())
    material = "\x00".join((code, "".join(flagged.split()), squeezed))
    import hashlib  # only when this format is chosen (start-up time)

    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def _result(report: FileReport, diagnostic: Diagnostic, index: int, fingerprint: str,
            options: FormatOptions) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message + place_suffix(diagnostic)},
        "locations": [_physical(report.path, report.lines, diagnostic.span, options)],
        "partialFingerprints": {
            FINGERPRINT_KEY: fingerprint,
        },
    }
    related = []
    for number, item in enumerate(diagnostic.related, start=1):
        location = _physical(related_path(report, item), related_lines(report, item),
                             item.span, options)
        location.update(id=number, message={"text": item.message + place_suffix(item)})
        _place_region(location, item)
        related.append(location)
    if related:
        result["relatedLocations"] = related
    properties = place_properties(diagnostic)
    if properties:
        result["properties"] = properties
        _place_region(result["locations"][0], diagnostic)
    return result


def _place_region(location: dict[str, Any], found: Diagnostic | Related) -> None:
    """A PDF or Word location: the page and cell on the location and its region (the line
    and column are in the extracted text, which viewers cannot show in a binary file)."""
    properties = place_properties(found)
    if properties:
        location["properties"] = properties
        location["physicalLocation"]["region"]["properties"] = properties


def _results(reports: Sequence[FileReport], options: FormatOptions,
             index_of: dict[str, int]) -> list[dict[str, Any]]:
    results = []
    seen: dict[tuple[str, str], int] = {}
    for report, diagnostic in ordered(reports):
        # Identical problems in one file are told apart by their order, as GitHub's own
        # line hashes are: ``hash:1``, ``hash:2``.
        digest = context_hash(diagnostic.code, report.lines, diagnostic.span)
        seen[report.path, digest] = seen.get((report.path, digest), 0) + 1
        fingerprint = f"{digest}:{seen[report.path, digest]}"
        results.append(_result(report, diagnostic, index_of[diagnostic.code], fingerprint,
                               options))
    return results


def sarif_log(reports: Sequence[FileReport], options: FormatOptions) -> dict[str, Any]:
    rules = _rules(reports, options)
    index_of = {rule["id"]: number for number, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "reportlint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": rules,
        }},
        "columnKind": "utf16CodeUnits",
        "results": _results(reports, options, index_of),
    }
    if options.exit_code is not None:
        run["invocations"] = [_invocation(options)]
    if options.base_dir:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": base_uri(options.base_dir)}}
    return {"version": "2.1.0", "$schema": SCHEMA, "runs": [run]}


def format_sarif(reports: Sequence[FileReport], options: FormatOptions) -> str:
    return json.dumps(sarif_log(reports, options), ensure_ascii=False, indent=2) + "\n"
