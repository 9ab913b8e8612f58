"""The 勾稽关系 expression language (``grammar/relations.lark``) and its evaluation.

A relation is parsed once into a linear form: ``sum(coefficient × cell) + constant`` on each
side. Evaluating an instance (variables bound) gives both sides; when the relation fails, the
value the reported cell should have is solved from the equation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from reportlint.common.resources import grammar_path
from reportlint.tables.records import BoundCell, BoundTable

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


def _cells(side: Side, this: BoundTable, bindings: Mapping[str, str],
           last: BoundTable | None) -> Iterator[tuple[int, BoundCell] | None]:
    for sign, ref in side.terms:
        table = last if ref.last else this
        if table is None:
            yield None
            continue
        template = table.template
        column = _resolve(ref.column, bindings)
        rows = [r.key for r in template.tagged(ref.row)] if ref.tag and template else \
            [_resolve(ref.row, bindings)]
        for row in rows:
            found = table.cells.get((row, column))
            yield (sign, found) if found is not None else None


def _total(cells: list[tuple[int, BoundCell]], constant: Decimal) -> Decimal:
    return sum((s * (c.value or Decimal(0)) for s, c in cells), constant)


def evaluate(relation: Relation, table: BoundTable, bindings: Mapping[str, str],
             target: tuple[str, str], last: BoundTable | None = None) -> Outcome | None:
    """The outcome of one instance, or None when a cell is missing or not a number
    (reported elsewhere: F205, N301). ``last``: the same table in last year's report, for
    the ``last(...)`` cells (without it, a relation naming one has no outcome)."""
    left = list(_cells(relation.left, table, bindings, last))
    right = list(_cells(relation.right, table, bindings, last))
    if any(c is None or c[1].value is None for c in left + right):
        return None
    lcells = [c for c in left if c is not None]
    rcells = [c for c in right if c is not None]
    lv, rv = _total(lcells, relation.left.constant), _total(rcells, relation.right.constant)
    holds = {"=": lv == rv, "<=": lv <= rv, ">=": lv >= rv}[relation.op]
    row, column = _resolve(target[0], bindings), _resolve(target[1], bindings)
    cell = table.cells.get((row, column))
    if cell is None or cell.value is None:
        return None
    expected = _solve(cell, lcells, rcells, lv, rv)
    involved = tuple(lcells + [(-s, c) for s, c in rcells])
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
