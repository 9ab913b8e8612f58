"""A Word table's rows on its grid: which ``<w:tc>`` covers each grid position.

A cell spanning columns (``gridSpan``) covers each of its positions; a cell continuing a
vertical merge (``vMerge`` without ``restart``) is the cell above it. Positions before a row's
first cell (``gridBefore``) are not positions of that row, as in python-docx. One pass over
the rows, linear in the cells (python-docx looks each merged cell's origin up again, which is
quadratic in the rows of a long table). Rows inside content controls are rows too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlint.read.docxtext import W

_SLIVER_TWIPS = 57  # 1 mm: no one draws a column that narrow on purpose
_WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml")


def _number(element: Any, tag: str, default: int) -> int:
    found = element.find(f"{W}{tag}") if element is not None else None
    try:
        return int(found.get(f"{W}val")) if found is not None else default
    except (TypeError, ValueError):
        return default


def table_rows(table: Any) -> Iterator[Any]:
    """The ``<w:tr>`` of a table, also those inside row-level content controls."""
    for child in table.iterchildren():
        if child.tag == f"{W}tr":
            yield child
        elif child.tag in _WRAPPERS:
            yield from table_rows(child)


def grid_rows(table: Any) -> list[tuple[Any, list[Any]]]:
    """Each row with the cell (its origin, for merged cells) at each of its grid positions."""
    above: dict[int, Any] = {}
    rows: list[tuple[Any, list[Any]]] = []
    for tr in table_rows(table):
        column = _number(tr.find(f"{W}trPr"), "gridBefore", 0)
        cells: list[Any] = []
        for tc in tr.iterchildren(f"{W}tc"):
            properties = tc.find(f"{W}tcPr")
            span = max(1, min(_number(properties, "gridSpan", 1), 1000))
            merge = properties.find(f"{W}vMerge") if properties is not None else None
            continuing = merge is not None and merge.get(f"{W}val", "continue") == "continue"
            owner = above.get(column, tc) if continuing else tc
            for offset in range(span):
                above[column + offset] = owner
                cells.append(owner)
            column += span
        rows.append((tr, cells))
    return rows


def slivers(table: Any, rows: list[tuple[Any, list[Any]]]) -> set[int]:
    """Grid columns a converter left behind from rounding (LibreOffice writes a 1-twip column
    into a table it saves as .doc): narrower than 1 mm and, in every row, part of a cell that
    also covers a neighbouring column, so leaving them out loses no cell."""
    grid = table.find(f"{W}tblGrid")
    widths = [_width(c) for c in grid.iterchildren(f"{W}gridCol")] if grid is not None else []
    narrow = {i for i, w in enumerate(widths) if 0 < w < _SLIVER_TWIPS}
    if not narrow or any(len(cells) != len(widths) for _, cells in rows):
        return set()
    return {i for i in narrow if all(_shared(cells, i) for _, cells in rows)}


def _width(column: Any) -> int:
    try:
        return int(column.get(f"{W}w") or 0)
    except ValueError:
        return 0


def _shared(cells: list[Any], i: int) -> bool:
    return (i > 0 and cells[i - 1] is cells[i]) or (i + 1 < len(cells) and cells[i + 1] is cells[i])
