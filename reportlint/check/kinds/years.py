"""Across years (Y rules): this year's report against last year's of the same issuer.

Without last year's report (no ``--previous``, nothing paired) these kinds find nothing.
Last year's places are related locations in its own file: its path, line, column and page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from reportlint.check.kinds.base import MESSAGE, Finding, Kind, Param
from reportlint.check.kinds.shingles import overlap
from reportlint.check.kinds.tables import _instances, _number, _relations_problem, cell_name
from reportlint.facts.context import Context
from reportlint.facts.lastyear import LastYear, Place
from reportlint.facts.year import report_year
from reportlint.model import Related, Span
from reportlint.parse.tree import Section
from reportlint.tables.layer import table_layer
from reportlint.tables.records import BOUND, BoundCell, BoundTable
from reportlint.tables.relations import Outcome, evaluate, parse_relation


def last_year(ctx: Context) -> LastYear | None:
    """Last year's report, when it is the year before this one (both years known)."""
    previous = ctx.previous
    if previous is None:
        return None
    year = report_year(ctx)
    return previous if year is not None and previous.year == year - 1 else None


def elsewhere(place: Place, previous: LastYear, message: str) -> Related:
    """A place in last year's report, addressed in its file."""
    return Related(place.span, message, place.page, path=previous.path,
                   line_text=place.line_text)


def _bound(ctx: Context, key: str) -> BoundTable | None:
    table = table_layer(ctx).tables.get(key)
    return table if table is not None and table.status == BOUND and table.template else None


def last_table(previous: LastYear, key: str) -> BoundTable | None:
    """The cells kept of last year's table ``key`` as a table the relations evaluate (their
    spans: their places in last year's file); None when it was not bound there."""
    if key not in previous.versions:
        return None
    cells = {(row, column): BoundCell(key, row, column, cell.text, cell.value, cell.place.span)
             for (table, row, column), cell in previous.cells.items() if table == key}
    return BoundTable(key, BOUND, Span(1, 1, 1, 1), previous.versions[key], cells)


def _finding(previous: LastYear, this: BoundTable, last: BoundTable, outcome: Outcome,
             message: str) -> Finding:
    target = outcome.target
    last_ids = {id(c) for c in last.cells.values()}
    related = []
    for _, cell in outcome.cells:
        if cell is target:
            continue
        if id(cell) in last_ids:
            kept = previous.cells[last.key, cell.row, cell.column]
            related.append(elsewhere(kept.place, previous, f"上年报告{kept.name}：{kept.text}"))
        else:
            related.append(Related(cell.span, f"{cell_name(this, cell)}：{cell.text}"))
    return Finding(target.span, message.format(
        cell=cell_name(this, target), reported=_number(target.value or Decimal(0)),
        computed=_number(outcome.expected)), tuple(related))


def _pair(ctx: Context, previous: LastYear, relation: Mapping[str, Any],
          ) -> tuple[BoundTable, BoundTable] | None:
    key, version = str(relation["table"]), relation.get("version")
    this, last = _bound(ctx, key), last_table(previous, key)
    if this is None or last is None:
        return None  # missing or not bound (F204/F207): nothing is compared
    if version is not None and not this.version == last.version == str(version):
        return None
    return this, last


def year_relation(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    previous = last_year(ctx)
    if previous is None:
        return
    for relation in params["relations"]:
        pair = _pair(ctx, previous, relation)
        if pair is None:
            continue
        this, last = pair
        parsed = parse_relation(str(relation["check"]))
        at_row, _, at_column = str(relation["at"]).partition(".")
        message = str(relation.get("message") or params["message"])
        for bindings in _instances(relation, this):
            outcome = evaluate(parsed, this, bindings, (at_row, at_column), last)
            if outcome is not None and not outcome.holds:
                yield _finding(previous, this, last, outcome, message)


def last_year_cells(relations: Iterable[Mapping[str, Any]]) -> set[tuple[str, str, str]]:
    """(table, row, column) of every ``last(...)`` cell the relations name; ``*`` for a
    variable (any row, any column)."""
    wanted = set()
    for relation in relations:
        parsed = parse_relation(str(relation["check"]))
        for _, ref in (*parsed.left.terms, *parsed.right.terms):
            if ref.last:
                wanted.add((str(relation["table"]), _any(ref.row), _any(ref.column)))
    return wanted


def _any(name: str) -> str:
    return "*" if name.startswith("$") else name


def section_texts(ctx: Context, key: str) -> tuple[Section, str] | None:
    section = next((s for s in ctx.document.sections if s.key == key), None)
    return (section, section.text) if section is not None else None


def text_duplication(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    previous = last_year(ctx)
    if previous is None:
        return
    size, threshold = int(params["shingle"]), Decimal(str(params["threshold"]))
    for key in params["sections"]:
        this, last = section_texts(ctx, str(key)), previous.sections.get(str(key))
        if this is None or last is None:
            continue
        share = overlap(this[1], last.text, size)
        if share is None or Decimal(str(share)) * 100 <= threshold:
            continue
        where = elsewhere(last.place, previous, "上年报告的同一部分")
        yield Finding(this[0].heading.span, str(params["message"]).format(
            heading=this[0].heading.text, percent=round(share * 100)), (where,))


KINDS: dict[str, Kind] = {
    "year-relation": Kind(year_relation, {
        "relations": Param((list,), help="list of {table, check, at, each, version, message};"
                           " last(row.column) names last year's cell",
                           validate=_relations_problem),
        "message": MESSAGE,
    }, "relations between this year's cells and last year's hold"),
    "text-duplication": Kind(text_duplication, {
        "sections": Param((list,), help="catalogue keys of the sections compared"),
        "shingle": Param((int,), False, 8, "characters per shingle"),
        "threshold": Param((int, float), False, 50, "percent of shingles shared, above which"
                           " the section is reported"),
        "message": MESSAGE,
    }, "sections do not repeat last year's text"),
}
