"""The 勾稽关系 expression language (``grammar/relations.lark``) and its evaluation.

A relation is parsed once into a linear form: ``sum(coefficient × cell) + constant`` on each
side. Evaluating an instance (variables bound) gives both sides; when the relation fails, the
value the reported cell should have is solved from the equation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from reportlint.common.resources import grammar_path
from reportlint.tables.records import BoundCell, BoundTable
from reportlint.tables.template import TableTemplate

if TYPE_CHECKING:
    from lark import Lark


@dataclass(frozen=True)
class Ref:
    """``row.column``; either part may be a variable (``$c``) or, for rows, a tag sum."""

    row: str
    column: str
    tag: bool = False  # row names a tag: the sum of every row with it
    last: bool = False  # a cell of last year's report (``last(row.column)``)

    # The names split once per parsed relation, not once per instance
    @cached_property
    def row_variable(self) -> str:
        return self.row[1:] if self.row.startswith("$") else ""

    @cached_property
    def column_variable(self) -> str:
        return self.column[1:] if self.column.startswith("$") else ""

    def rows(self, template: TableTemplate | None, bindings: Mapping[str, str],
             ) -> Iterable[str]:
        """The keys of the rows named: a tag's rows in ``template`` (or the tag itself
        without one), else the row, its variable bound."""
        if self.tag and template is not None:
            return template.tagged_keys(self.row)
        return (bindings.get(self.row_variable, self.row) if self.row_variable else self.row,)


@dataclass(frozen=True)
class Side:
    terms: tuple[tuple[int, Ref], ...]  # (+1 | -1, reference)
    constant: Decimal


@dataclass(frozen=True)
class Relation:
    left: Side
    op: str
    right: Side


@cache
def _parser() -> Lark:
    """Built on first use (rule modules do not import lark when loaded), with Lark's
    cache in a user-owned folder like the report grammar's."""
    from lark import Lark

    from reportlint.parse.parser import cache_file

    text = grammar_path("relations.lark").read_text(encoding="utf-8")
    return Lark(text, parser="lalr", cache=cache_file(text, "relations"))


def _name(tree: Any) -> str:
    return str(tree.children[0])


def _side(tree: Any) -> Side:
    terms: list[tuple[int, Ref]] = []
    constant = Decimal(0)
    sign = 1
    for child in tree.children:
        if isinstance(child, str):  # a lark Token: the sign
            sign = -1 if child == "-" else 1
            continue
        if child.data == "number":
            constant += sign * Decimal(str(child.children[0]))
        elif child.data == "cell":
            terms.append((sign, Ref(_name(child.children[0]), _name(child.children[1]))))
        elif child.data == "last":
            cell = child.children[0]
            terms.append((sign, Ref(_name(cell.children[0]), _name(cell.children[1]), last=True)))
        else:  # total: sum(#tag.column)
            tag = str(child.children[0])
            terms.append((sign, Ref(tag, _name(child.children[1]), tag=True)))
        sign = 1
    return Side(tuple(terms), constant)


@cache
def parse_relation(text: str) -> Relation:
    left, op, right = _parser().parse(text).children
    return Relation(_side(left), "=" if str(op) in ("=", "==") else str(op), _side(right))


@dataclass(frozen=True)
class Outcome:
    holds: bool
    left: Decimal
    right: Decimal
    cells: tuple[tuple[int, BoundCell], ...]  # every cell involved, with its sign and side
    target: BoundCell
    expected: Decimal  # the value the target cell would need


def _resolve(name: str, bindings: Mapping[str, str]) -> str:
    return bindings.get(name[1:], name) if name.startswith("$") else name


class _Sum(NamedTuple):
    cells: list[tuple[int, BoundCell]]  # (+1 | -1, cell), each holding a number
    value: Decimal


def _sum(side: Side, this: BoundTable, bindings: Mapping[str, str],
         last: BoundTable | None) -> _Sum | None:
    """The cells of one side and its value; None when a cell is missing or not a number."""
    cells: list[tuple[int, BoundCell]] = []
    value = side.constant
    for sign, ref in side.terms:
        table = last if ref.last else this
        if table is None:
            return None
        column = bindings.get(ref.column_variable, ref.column) if ref.column_variable \
            else ref.column
        for row in ref.rows(table.template, bindings):
            cell = table.cells.get((row, column))
            if cell is None or cell.value is None:
                return None
            cells.append((sign, cell))
            # added or taken away, not multiplied by the sign: the same Decimal, half the work
            value = value + cell.value if sign > 0 else value - cell.value
    return _Sum(cells, value)


def evaluate(relation: Relation, table: BoundTable, bindings: Mapping[str, str],
             target: tuple[str, str], last: BoundTable | None = None) -> Outcome | None:
    """The outcome of one instance, or None when a cell is missing or not a number
    (reported elsewhere: F205, N301). ``last``: the same table in last year's report, for
    the ``last(...)`` cells (without it, a relation naming one has no outcome)."""
    left = _sum(relation.left, table, bindings, last)
    right = _sum(relation.right, table, bindings, last) if left is not None else None
    if left is None or right is None:
        return None
    lv, rv = left.value, right.value
    holds = lv == rv if relation.op == "=" else lv <= rv if relation.op == "<=" else lv >= rv
    cell = table.cells.get((_resolve(target[0], bindings), _resolve(target[1], bindings)))
    if cell is None or cell.value is None:
        return None
    expected = _solve(cell, left.cells, right.cells, lv, rv)
    involved = tuple(left.cells + [(-s, c) for s, c in right.cells])
    return Outcome(holds, lv, rv, involved, cell, expected)


def _solve(target: BoundCell, left: list[tuple[int, BoundCell]],
           right: list[tuple[int, BoundCell]], lv: Decimal, rv: Decimal) -> Decimal:
    value = target.value or Decimal(0)
    for sign, cell in left:
        if cell is target:
            return value + sign * (rv - lv)
    for sign, cell in right:
        if cell is target:
            return value + sign * (lv - rv)
    return value
