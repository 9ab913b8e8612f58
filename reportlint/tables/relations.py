"""The 勾稽关系 expression language (``grammar/relations.lark``) and its evaluation.

A relation is parsed once into a linear form: ``sum(coefficient × cell) + constant`` on each
side. Evaluating an instance (variables bound) gives both sides; when the relation fails, the
value the reported cell should have is solved from the equation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

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


Term = tuple[int, tuple[str, str], bool]  # +1 | -1, a cell's (row, column), of last year's table


@dataclass(frozen=True)
class Instance:
    """A relation with its variables bound against a table's template: the keys of its
    cells. It depends on the template only, so a rule builds its instances once per
    template (``check/kinds/tables``), not once per report."""

    left: tuple[Term, ...]
    left_constant: Decimal
    op: str
    right: tuple[Term, ...]
    right_constant: Decimal
    target: tuple[str, str]  # the cell reported when the relation fails


def _resolve(name: str, bindings: Mapping[str, str]) -> str:
    return bindings.get(name[1:], name) if name.startswith("$") else name


def _terms(side: Side, template: TableTemplate | None,
           bindings: Mapping[str, str]) -> tuple[Term, ...]:
    terms: list[Term] = []
    for sign, ref in side.terms:
        column = _resolve(ref.column, bindings)
        # a tag is a row of this year's table: ``last(...)`` takes a cell, never a sum
        rows = [r.key for r in template.tagged(ref.row)] if ref.tag and template else \
            [_resolve(ref.row, bindings)]
        terms.extend((sign, (row, column), ref.last) for row in rows)
    return tuple(terms)


def instance(relation: Relation, template: TableTemplate | None, bindings: Mapping[str, str],
             target: tuple[str, str]) -> Instance:
    return Instance(_terms(relation.left, template, bindings), relation.left.constant,
                    relation.op, _terms(relation.right, template, bindings),
                    relation.right.constant,
                    (_resolve(target[0], bindings), _resolve(target[1], bindings)))


@dataclass(frozen=True)
class Outcome:
    """A failed instance: both sides, the cells, and what the reported cell should hold."""

    left: Decimal
    right: Decimal
    cells: tuple[tuple[int, BoundCell], ...]  # every cell involved, with its sign and side
    target: BoundCell
    expected: Decimal  # the value the target cell would need


def _value(terms: tuple[Term, ...], constant: Decimal, this: BoundTable,
           last: BoundTable | None) -> Decimal | None:
    """The value of one side; None when a cell is missing or not a number."""
    value = constant
    for sign, key, of_last in terms:
        table = last if of_last else this
        cell = table.cells.get(key) if table is not None else None
        if cell is None or cell.value is None:
            return None
        # added or taken away, not multiplied by the sign: the same Decimal, half the work
        value = value + cell.value if sign > 0 else value - cell.value
    return value


def _cells(terms: tuple[Term, ...], this: BoundTable,
           last: BoundTable | None) -> list[tuple[int, BoundCell]]:
    """The cells of one side, with their signs (every one there: ``_value`` found them)."""
    return [(sign, (last if of_last and last is not None else this).cells[key])
            for sign, key, of_last in terms]


def _holds(op: str, left: Decimal, right: Decimal) -> bool:
    return left == right if op == "=" else left <= right if op == "<=" else left >= right


def failure(bound: Instance, table: BoundTable, last: BoundTable | None = None,
            ) -> Outcome | None:
    """The outcome of an instance that fails; None when it holds, or when a cell is missing
    or not a number (reported elsewhere: F205, N301). ``last``: the same table in last
    year's report, for the ``last(...)`` cells (without it, a relation naming one is never
    evaluated)."""
    left = _value(bound.left, bound.left_constant, table, last)
    right = _value(bound.right, bound.right_constant, table, last) if left is not None \
        else None
    if left is None or right is None or _holds(bound.op, left, right):
        return None  # the common case: the cells are gathered only for a failure
    cell = table.cells.get(bound.target)
    if cell is None or cell.value is None:
        return None
    lcells, rcells = _cells(bound.left, table, last), _cells(bound.right, table, last)
    expected = _solve(cell, lcells, rcells, left, right)
    return Outcome(left, right, tuple(lcells + [(-s, c) for s, c in rcells]), cell, expected)


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
