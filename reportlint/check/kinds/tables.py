"""Table kinds: format version and table shape (F2xx), cell values (N3xx), 勾稽关系 (T4xx).

The table layer (``reportlint.tables``) binds the tables once per report; these kinds only
report what it found. Relations are data: each rule's YAML lists them in the expression
language of ``grammar/relations.lark``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from reportlint.check.kinds.base import MESSAGE, Finding, Kind, Param, edit_at, whole_edit
from reportlint.check.kinds.cellruns import CELL, COLUMN, TABLE, Run, runs
from reportlint.common.datacache import once_per
from reportlint.facts.context import Context
from reportlint.facts.year import report_year
from reportlint.model import Edit, Related
from reportlint.tables.layer import table_layer
from reportlint.tables.numbers import OK
from reportlint.tables.records import BOUND, UNRECOVERABLE, BoundCell, BoundTable
from reportlint.tables.relations import Instance, Outcome, failure, instance, parse_relation
from reportlint.tables.template import TableTemplate, formats


def cell_name(table: BoundTable, cell: BoundCell) -> str:
    template = table.template
    if template is None:
        return f"{cell.row}/{cell.column}"
    row = template.row(cell.row)
    column = template.column(cell.column)
    if template.layout == "flat":
        return f"{template.name}“{column.label}”"
    return f"{template.name}“{row.label if row else cell.row}”行“{column.label}”列"


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


def _version_name(ctx: Context, version: str) -> str:
    return next((f.name for f in formats(ctx) if f.version == version), version)


def format_version(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    layer = table_layer(ctx)
    if layer.version is None or layer.caption is None or layer.source not in ("evidence", "forced"):
        return
    key = "forced" if layer.source == "forced" else "message"
    yield Finding(layer.caption, params[key].format(
        name=_version_name(ctx, layer.version), evidence="、".join(layer.evidence)))


def format_version_year(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    layer = table_layer(ctx)
    year = report_year(ctx)
    if layer.version is None or layer.caption is None or year is None or layer.source != "evidence":
        return
    spec = next((f for f in formats(ctx) if f.version == layer.version), None)
    if spec is None:
        return
    name = spec.name
    if spec.year_to is not None and year > spec.year_to:
        yield Finding(layer.caption, params["later"].format(name=name, year=year))
    elif spec.year_from is not None and year < spec.year_from:
        yield Finding(layer.caption, params["earlier"].format(name=name, year=year),
                      severity=params["earlier_severity"])


def format_mixed(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    layer = table_layer(ctx)
    for odd in layer.odd:
        table = layer.tables[odd.table]
        message = params["row"] if odd.label else params["message"]
        yield Finding(odd.span, message.format(
            table=table.template.name if table.template else odd.table,
            odd=_version_name(ctx, odd.version), main=_version_name(ctx, layer.version or ""),
            label=odd.label, canonical=odd.canonical))


def table_missing(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    for missing in table_layer(ctx).missing:
        yield Finding(missing.span, params["message"].format(table=missing.name))


def table_image(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    for image in table_layer(ctx).images:
        yield Finding(image.span, params["message"].format(table=image.name))


def _problems(ctx: Context, kinds: tuple[str, ...]) -> Iterator[tuple[BoundTable, Any]]:
    for table in table_layer(ctx).tables.values():
        for problem in table.problems:
            if problem.kind in kinds:
                yield table, problem


def table_shape(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    for table, problem in _problems(ctx, ("missing-rows", "extra-row", "width")):
        name = table.template.name if table.template else table.key
        message = params[problem.kind].format(table=name, **problem.args)
        yield Finding(problem.span, message, severity=problem.severity or
                      (params["extra_severity"] if problem.kind == "extra-row" else None))


# The numbering before a row label (1. 1、 （1） (2)): the writer's own, kept by the fix.
_DIGITS = "0-9０-９一二三四五六七八九十"
_NUMBERING = re.compile(rf"\s*(?:[（(][{_DIGITS}]+[)）]|[{_DIGITS}]+[.．、])?\s*")


def _label_edit(ctx: Context, problem: Any) -> Edit | None:
    """The row label as the template writes it, under the writer's own numbering."""
    label, canonical = str(problem.args["label"]), str(problem.args["canonical"])
    numbering = _NUMBERING.match(label)
    own = numbering.group() if numbering else ""
    body = canonical[len(m.group()):] if (m := _NUMBERING.match(canonical)) else canonical
    return whole_edit(ctx, problem.span, label, own + body)


def label_inexact(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    for table, problem in _problems(ctx, ("label-inexact",)):
        name = table.template.name if table.template else table.key
        yield Finding(problem.span, params["message"].format(table=name, **problem.args),
                      edit=_label_edit(ctx, problem))


def _unpaired_rows(names: tuple[str, ...], orphans: int) -> str:
    shown = "、".join(names[:4])
    more = f"等{len(names)}行" if len(names) > 4 else ""
    loose = f"{orphans}个没有行标题的数值行" if orphans else ""
    return "，".join(part for part in (shown + more, loose) if part)


def table_unrecoverable(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    for table in table_layer(ctx).tables.values():
        if table.status != UNRECOVERABLE:
            continue
        name = table.template.name if table.template else table.key
        if table.unpaired is None:
            yield Finding(table.span, params["message"].format(table=name))
        else:
            rows = _unpaired_rows(*table.unpaired)
            yield Finding(table.span, params["unpaired"].format(table=name, rows=rows))


def _unusual(ctx: Context, table: BoundTable) -> tuple[BoundCell, ...]:
    """The cells of a table that are not plain numbers, in table order: found once per
    report for the N rules, which ask in turn (most cells are plain numbers)."""
    return ctx.derived(f"unusual cells {table.key}", lambda _: tuple(
        c for c in table.cells.values() if c.status != OK))


def cell_value(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    wanted = set(params["statuses"])
    grouped = params.get("runs") or {}
    for table in table_layer(ctx).tables.values():
        if table.status != BOUND:
            continue
        cells = tuple(table.cells.values()) if OK in wanted else _unusual(ctx, table)
        for cell in cells:
            if cell.status in wanted and cell.status not in grouped:
                message = params["messages"][cell.status]
                yield Finding(cell.span, message.format(
                    cell=cell_name(table, cell), text=cell.text, note=cell.note),
                    edit=_ascii_digits_edit(ctx, cell))
        for status, messages in grouped.items():
            if status in wanted:
                yield from _run_findings(table, cells, status, messages,
                                         params["messages"][status])


# Full-width digits, minus and point → ASCII: the same number, written the standard way.
_ASCII_DIGITS = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},
                               "－": "-", "．": "."})


def _ascii_digits_edit(ctx: Context, cell: BoundCell) -> Edit | None:
    lines = ctx.raw_lines or ctx.lines
    if cell.span.line != cell.span.end_line or not 1 <= cell.span.line <= len(lines):
        return None
    raw = lines[cell.span.line - 1][cell.span.column - 1 : cell.span.end_column - 1]
    return edit_at(ctx, cell.span, raw.translate(_ASCII_DIGITS))


_SCOPE_COLUMNS = 5  # a run over more columns than this is named as the whole table


def _scope_name(table: BoundTable, run: Run) -> str:
    template, first = table.template, run.cells[0]
    if template is None:
        return ""
    if run.scope == TABLE:
        columns = list(dict.fromkeys(c.column for c in run.cells))
        shown = "、".join(f"“{template.column(c).label}”" for c in columns[:_SCOPE_COLUMNS])
        return "" if len(columns) > _SCOPE_COLUMNS else f"{shown}{len(columns)}列"
    if run.scope == COLUMN:
        return f"“{template.column(first.column).label}”列"
    row = template.row(first.row)
    return f"“{row.label if row else first.row}”行"


def _run_findings(table: BoundTable, among: tuple[BoundCell, ...], status: str,
                  messages: Mapping[str, str], single: str) -> Iterator[Finding]:
    """One finding per run of cells with ``status`` (one root cause, one diagnostic), every
    cell of the run a related location; ``among``: the table's cells, in order, or those
    of them that are not plain numbers."""
    cells = [c for c in among if c.status == status]
    name = table.template.name if table.template else table.key
    for run in runs(cells):
        first = run.cells[0]
        if run.scope == CELL:
            yield Finding(first.span, single.format(
                cell=cell_name(table, first), text=first.text, note=first.note))
            continue
        related = tuple(Related(c.span, f"{cell_name(table, c)}：{c.text or '空白'}")
                        for c in run.cells[1:])
        yield Finding(first.span, messages[run.scope].format(
            table=name, scope=_scope_name(table, run), count=len(run.cells),
            cell=cell_name(table, first)), related)


def _choices(spec: Any, template: TableTemplate) -> list[str]:
    if spec == "columns":
        return [c.key for c in template.columns]
    if spec == "rows":
        return [r.key for r in template.rows]
    if isinstance(spec, str) and spec.startswith("#"):
        return [r.key for r in template.tagged(spec[1:])]
    return [str(s) for s in spec]


def _bindings(relation: Mapping[str, Any], template: TableTemplate,
              ) -> Iterator[dict[str, str]]:
    each = relation.get("each") or {}
    names = list(each)
    for values in itertools.product(*(_choices(each[n], template) for n in names)):
        yield dict(zip(names, values, strict=True))


def relation_instances(relation: Mapping[str, Any], template: TableTemplate,
                       ) -> tuple[Instance, ...]:
    """A relation of a rule (``check``, ``at``, ``each``) bound against a template: built
    once per loaded rule and template, every report then only looks its cells up."""
    def build() -> tuple[Instance, ...]:
        parsed = parse_relation(str(relation["check"]))
        at_row, _, at_column = str(relation["at"]).partition(".")
        return tuple(instance(parsed, template, bindings, (at_row, at_column))
                     for bindings in _bindings(relation, template))

    return once_per((relation, template), "relation instances", build)


def _finding(table: BoundTable, outcome: Outcome, text: str, message: str) -> Finding:
    target = outcome.target
    related = tuple(
        Related(c.span, f"{cell_name(table, c)}：{c.text or '空白'}")
        for _, c in outcome.cells if c is not target)
    return Finding(target.span, message.format(
        cell=cell_name(table, target), reported=_number(target.value or Decimal(0)),
        computed=_number(outcome.expected), left=_number(outcome.left),
        right=_number(outcome.right), text=text), related)


_Blamed = dict[tuple[str, str, str], Decimal]


def _blamed(ctx: Context) -> _Blamed:
    """Cells a relation rule already reported, with the value it computed for them: filled
    as the relation rules run (in code order, T401 first)."""
    return ctx.derived("relation_blamed", lambda _: {})


def _explained(table: BoundTable, outcome: Outcome, op: str, blamed: _Blamed) -> bool:
    """True when the relation would hold once the cells already reported took the values
    computed for them: one wrong cell (a row's 总计) breaks its row and its column, and is
    reported once (one root cause, one diagnostic)."""
    diff, changed = outcome.left - outcome.right, False
    for sign, cell in outcome.cells:
        fix = blamed.get((table.key, cell.row, cell.column))
        if fix is not None and cell.value is not None:
            diff += sign * (fix - cell.value)
            changed = True
    return changed and {"=": diff == 0, "<=": diff <= 0, ">=": diff >= 0}[op]


def table_relation(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    tables, blamed = table_layer(ctx).tables, _blamed(ctx)
    for relation in params["relations"]:
        table = tables.get(str(relation["table"]))
        if table is None or table.status != BOUND or table.template is None:
            continue  # missing or unrecoverable: F204/F207 speak, relations stay silent
        message = str(relation.get("message") or params["message"])
        for bound in relation_instances(relation, table.template):
            outcome = failure(bound, table)
            if outcome is None or _explained(table, outcome, bound.op, blamed):
                continue
            target = outcome.target
            blamed.setdefault((table.key, target.row, target.column), outcome.expected)
            yield _finding(table, outcome, str(relation.get("text", "")), message)


_RELATION_KEYS = ("table", "check", "at")


def _relations_problem(relations: list[Any]) -> str | None:
    """A relation that cannot be parsed is a bad rule file, found when the pack loads."""
    for number, relation in enumerate(relations, 1):
        if not isinstance(relation, Mapping) or any(k not in relation for k in _RELATION_KEYS):
            return f"relation {number}: needs the keys {', '.join(_RELATION_KEYS)}"
        try:
            parse_relation(str(relation["check"]))
        except Exception as error:  # lark's parse errors: shown as the problem
            first = str(error).strip().splitlines()[0] if str(error).strip() else ""
            return f"relation {number}: cannot read {relation['check']!r} ({first})"
    return None


KINDS: dict[str, Kind] = {
    "table-format-version": Kind(format_version, {
        "message": MESSAGE, "forced": MESSAGE,
    }, "report the format version found from the tables, with the evidence"),
    "table-format-year": Kind(format_version_year, {
        "later": MESSAGE, "earlier": MESSAGE,
        "earlier_severity": Param((str,), False, "warning", "severity of a too new format"),
    }, "the format version fits the report year"),
    "table-format-mixed": Kind(format_mixed, {"message": MESSAGE, "row": MESSAGE},
                               "every table follows the report's format version"),
    "table-present": Kind(table_missing, {"message": MESSAGE},
                          "each table is found in its section"),
    "table-image": Kind(table_image, {"message": MESSAGE},
                        "no table is published as a picture (its numbers cannot be checked)"),
    "table-shape": Kind(table_shape, {
        "missing-rows": MESSAGE, "extra-row": MESSAGE, "width": MESSAGE,
        "extra_severity": Param((str,), False, "warning", "severity of an unexpected row"),
    }, "tables have the template's rows and columns"),
    "table-label": Kind(label_inexact, {"message": MESSAGE},
                        "row labels match the template exactly", fixes=True),
    "table-recoverable": Kind(table_unrecoverable, {"message": MESSAGE, "unpaired": MESSAGE},
                              "table cells can be separated and counted"),
    "table-cell": Kind(cell_value, {
        "statuses": Param((list,), help="statuses reported: bad, negative, blank, nonstandard"),
        "messages": Param((dict,), help="a message per status; {cell} {text} {note}"),
        "runs": Param((dict,), False, None, "status → {column, row, table} messages: such "
                      "cells are reported once per run; {table} {scope} {count} {cell}"),
    }, "table cells hold the numbers the template expects", fixes=True),
    "table-relation": Kind(table_relation, {
        "relations": Param((list,), help="list of {table, check, at, each, text, message}",
                           validate=_relations_problem),
        "message": MESSAGE,
    }, "勾稽关系 between the cells of a bound table hold"),
}
