"""Across years (Y rules): this year's report against last year's of the same issuer.

Without last year's report (no ``--previous``, nothing paired) these kinds find nothing.
Last year's places are related locations in its own file: its path, line, column and page.
Each kind evaluates one way from two sources of this year's report: ``check`` reads it as
parsed (its spans the parsed text's, which the engine maps to the file), ``compare`` reads
what its own run kept of it (``LastYear.own``, places already in its file's terms), so that
a batch's paired report is compared without being linted again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from reportlint.check.kinds.base import MESSAGE, Finding, Kind, Param
from reportlint.check.kinds.shingles import overlap
from reportlint.check.kinds.tables import (
    _number,
    _relations_problem,
    cell_name,
    relation_instances,
)
from reportlint.facts.context import Context
from reportlint.facts.lastyear import LastCell, LastSection, LastYear, Place, Years, as_last_year
from reportlint.facts.year import report_year
from reportlint.model import Related, Span
from reportlint.parse.tree import Section
from reportlint.tables.layer import table_layer
from reportlint.tables.records import BOUND, BoundCell, BoundTable
from reportlint.tables.relations import Outcome, failure, parse_relation
from reportlint.tables.template import TableTemplate, template_of


def last_year(ctx: Context) -> LastYear | None:
    """Last year's report, when it is the year before this one (both years known)."""
    previous = ctx.previous
    return None if previous is None else as_last_year(previous, report_year(ctx))


def elsewhere(place: Place, previous: LastYear, message: str) -> Related:
    """A place in last year's report, addressed in its file."""
    return Related(place.span, message, place.page, path=previous.path,
                   line_text=place.line_text)


def _page_where(place: Place | None) -> tuple[int | None, str | None]:
    return (place.page, place.where) if place is not None else (None, None)


Kept = Mapping[tuple[str, str, str], LastCell]


def _bound(ctx: Context, key: str) -> BoundTable | None:
    table = table_layer(ctx).tables.get(key)
    return table if table is not None and table.status == BOUND and table.template else None


def _kept_table(key: str, version: str | None, kept: Kept,
                template: TableTemplate | None = None) -> BoundTable:
    """The cells a run kept of table ``key`` as a table the relations evaluate (their spans:
    their places in that run's file)."""
    cells = {(row, column): BoundCell(key, row, column, cell.text, cell.value, cell.place.span)
             for (table, row, column), cell in kept.items() if table == key}
    return BoundTable(key, BOUND, Span(1, 1, 1, 1), version, cells, template)


def last_table(previous: LastYear, key: str) -> BoundTable | None:
    """Last year's table ``key`` as its run kept it; None when it was not bound there."""
    if key not in previous.versions:
        return None
    return _kept_table(key, previous.versions[key], previous.cells)


def kept_tables(years: Years) -> dict[str, BoundTable]:
    """This year's bound tables as its run kept them: the cells its Y rules name (their
    spans: their places in its file), with the templates they were bound to."""
    found = {}
    for key, version in years.this.versions.items():
        template = template_of(years.data, key, version)
        if template is None:
            continue
        found[key] = _kept_table(key, version, years.this.own, template)
    return found


Tables = Callable[[str], BoundTable | None]


def _own(kept: Kept, table: BoundTable, cell: BoundCell, message: str) -> Related:
    """A cell of this year's report; ``kept``: this year's cells when its run kept them
    (their page and Word cell known), else empty (the engine maps the cell's span)."""
    page, where = _page_where(_place_of(kept, table, cell))
    return Related(cell.span, message, page, where)


def _place_of(kept: Kept, table: BoundTable, cell: BoundCell) -> Place | None:
    found = kept.get((table.key, cell.row, cell.column))
    return found.place if found is not None else None


def _finding(previous: LastYear, this: BoundTable, last: BoundTable, outcome: Outcome,
             message: str, kept: Kept) -> Finding:
    target = outcome.target
    last_ids = {id(c) for c in last.cells.values()}
    related = []
    for _, cell in outcome.cells:
        if cell is target:
            continue
        if id(cell) in last_ids:
            found = previous.cells[last.key, cell.row, cell.column]
            related.append(elsewhere(found.place, previous, f"上年报告{found.name}：{found.text}"))
        else:
            related.append(_own(kept, this, cell, f"{cell_name(this, cell)}：{cell.text}"))
    page, where = _page_where(_place_of(kept, this, target))
    return Finding(target.span, message.format(
        cell=cell_name(this, target), reported=_number(target.value or Decimal(0)),
        computed=_number(outcome.expected)), tuple(related), page=page, where=where)


def _pair(tables: Tables, previous: LastYear, relation: Mapping[str, Any],
          ) -> tuple[BoundTable, BoundTable] | None:
    key, version = str(relation["table"]), relation.get("version")
    this, last = tables(key), last_table(previous, key)
    if this is None or this.template is None or last is None:
        return None  # missing or not bound (F204/F207): nothing is compared
    if version is not None and not this.version == last.version == str(version):
        return None
    return this, last


def _relations(tables: Tables, kept: Kept, previous: LastYear,
               params: Mapping[str, Any]) -> Iterator[Finding]:
    for relation in params["relations"]:
        pair = _pair(tables, previous, relation)
        if pair is None:
            continue
        this, last = pair
        assert this.template is not None  # a bound table (_pair)
        message = str(relation.get("message") or params["message"])
        for bound in relation_instances(relation, this.template):
            outcome = failure(bound, this, last)
            if outcome is not None:
                yield _finding(previous, this, last, outcome, message, kept)


def year_relation(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    previous = last_year(ctx)
    if previous is None:
        return
    yield from _relations(lambda key: _bound(ctx, key), {}, previous, params)


def compared_relation(years: Years, params: Mapping[str, Any]) -> Iterator[Finding]:
    previous = as_last_year(years.last, years.this.year)
    if previous is None:
        return
    yield from _relations(kept_tables(years).get, years.this.own, previous, params)


def named_cells(relations: Iterable[Mapping[str, Any]], last: bool,
                ) -> set[tuple[str, str, str]]:
    """(table, row, column) of every cell of one year the relations name: with ``last``,
    the ``last(...)`` cells, else this year's (with the cell each relation reports at);
    ``*`` for a variable or a tag (any row, any column)."""
    wanted = set()
    for relation in relations:
        parsed = parse_relation(str(relation["check"]))
        table = str(relation["table"])
        for _, ref in (*parsed.left.terms, *parsed.right.terms):
            if ref.last == last:
                wanted.add((table, "*" if ref.tag else _any(ref.row), _any(ref.column)))
        if not last:
            at_row, _, at_column = str(relation["at"]).partition(".")
            wanted.add((table, _any(at_row), _any(at_column)))
    return wanted


def _any(name: str) -> str:
    return "*" if name.startswith("$") else name


def section_texts(ctx: Context, key: str) -> tuple[Section, str] | None:
    section = next((s for s in ctx.document.sections if s.key == key), None)
    return (section, section.text) if section is not None else None


def _parsed_section(ctx: Context, key: str) -> LastSection | None:
    """A section of this year's report as parsed (its heading's span: the parsed text's)."""
    found = section_texts(ctx, key)
    if found is None:
        return None
    heading = found[0].heading
    return LastSection(heading.text, found[1], Place(heading.span, None, ""))


def _duplications(sections: Callable[[str], LastSection | None], previous: LastYear,
                  params: Mapping[str, Any]) -> Iterator[Finding]:
    size, threshold = int(params["shingle"]), Decimal(str(params["threshold"]))
    for key in params["sections"]:
        this, last = sections(str(key)), previous.sections.get(str(key))
        if this is None or last is None:
            continue
        share = overlap(this.text, last.text, size)
        if share is None or Decimal(str(share)) * 100 <= threshold:
            continue
        where = elsewhere(last.place, previous, "上年报告的同一部分")
        page, cell = _page_where(this.place)
        yield Finding(this.place.span, str(params["message"]).format(
            heading=this.heading, percent=round(share * 100)), (where,), page=page, where=cell)


def text_duplication(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    previous = last_year(ctx)
    if previous is None:
        return
    yield from _duplications(lambda key: _parsed_section(ctx, key), previous, params)


def compared_duplication(years: Years, params: Mapping[str, Any]) -> Iterator[Finding]:
    previous = as_last_year(years.last, years.this.year)
    if previous is None:
        return
    yield from _duplications(years.this.sections.get, previous, params)


KINDS: dict[str, Kind] = {
    "year-relation": Kind(year_relation, {
        "relations": Param((list,), help="list of {table, check, at, each, version, message};"
                           " last(row.column) names last year's cell",
                           validate=_relations_problem),
        "message": MESSAGE,
    }, "relations between this year's cells and last year's hold", compare=compared_relation),
    "text-duplication": Kind(text_duplication, {
        "sections": Param((list,), help="catalogue keys of the sections compared"),
        "shingle": Param((int,), False, 8, "characters per shingle"),
        "threshold": Param((int, float), False, 50, "percent of shingles shared, above which"
                           " the section is reported"),
        "message": MESSAGE,
    }, "sections do not repeat last year's text", compare=compared_duplication),
}
