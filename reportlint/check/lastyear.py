"""What the Y rules need of a report, kept from its own run (``LastYear``): its year, the
cells their relations name with ``last(...)`` (for next year's report) and without (for its
own, against last year's), the texts of the sections they compare, each with its place in
the report's file. The rule set says which cells and sections."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from reportlint.check.kinds.tables import cell_name
from reportlint.check.kinds.years import named_cells, section_texts
from reportlint.check.packs import RuleSet
from reportlint.facts.context import Context
from reportlint.facts.lastyear import LastCell, LastSection, LastYear, Place
from reportlint.facts.year import report_year
from reportlint.model import Source, Span
from reportlint.read.sourcemap import map_span, page_of, where_of
from reportlint.tables.layer import table_layer
from reportlint.tables.records import BOUND, BoundTable


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _place(source: Source, span: Span) -> Place:
    mapped = map_span(source, span)
    lines = source.shown_lines
    text = lines[mapped.line - 1] if 1 <= mapped.line <= len(lines) else ""
    return Place(mapped, page_of(source, span.line), text,
                 where_of(source, span.line, span.column))


_Patterns = frozenset[tuple[str, str, str]]
# (the cells named as last year's, as this year's, the sections)
_Wanted = tuple[_Patterns, _Patterns, frozenset[str]]
_wanted_by_rules: dict[int, tuple[RuleSet, _Wanted]] = {}


def wanted(rules: RuleSet) -> _Wanted:
    """The cells and sections of a report the rule set's Y rules need, once per rule set
    (``budget.warm`` asks before a fork, so that no child parses the relations again)."""
    found = _wanted_by_rules.get(id(rules))
    if found is None or found[0] is not rules:
        found = (rules, _wanted(rules))
        _wanted_by_rules[id(rules)] = found
    return found[1]


def _wanted(rules: RuleSet) -> _Wanted:
    last: set[tuple[str, str, str]] = set()
    own: set[tuple[str, str, str]] = set()
    sections: set[str] = set()
    for rule in rules.rules:
        if rule.kind == "year-relation":
            last |= named_cells(rule.params["relations"], last=True)
            own |= named_cells(rule.params["relations"], last=False)
        elif rule.kind == "text-duplication":
            sections |= {str(key) for key in rule.params["sections"]}
    return frozenset(last), frozenset(own), frozenset(sections)


def _cells(table: BoundTable, patterns: _Patterns,
           source: Source) -> Iterator[tuple[tuple[str, str, str], LastCell]]:
    named = {(row, column) for key, row, column in patterns if key == table.key}
    for (row, column), cell in table.cells.items():
        if any(p in named for p in ((row, column), ("*", column), (row, "*"), ("*", "*"))):
            yield (table.key, row, column), LastCell(cell_name(table, cell), cell.text,
                                                     cell.value, _place(source, cell.span))


def summarize(path: str, data: bytes, ctx: Context, source: Source,
              rules: RuleSet) -> LastYear:
    """``source``: the text ``ctx`` was parsed from (``parse_source``'s), mapped to the file."""
    last_cells, own_cells, wanted_sections = wanted(rules)
    named = {pattern[0] for pattern in last_cells | own_cells}
    tables = [t for t in table_layer(ctx).tables.values()
              if t.status == BOUND and t.template is not None and t.key in named]
    cells = dict(kept for table in tables for kept in _cells(table, last_cells, source))
    own = dict(kept for table in tables for kept in _cells(table, own_cells, source))
    sections = {}
    for key in sorted(wanted_sections):
        found = section_texts(ctx, key)
        if found is not None:
            heading = found[0].heading
            sections[key] = LastSection(heading.text, found[1], _place(source, heading.span))
    return LastYear(path, digest_of(data), report_year(ctx),
                    {t.key: t.version for t in tables}, cells, sections, own)
