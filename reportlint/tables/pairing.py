"""Whether each value row of a table can be paired with its row label.

Some PDF-to-text converters write a run of long row labels as loose (wrapped) lines and the
numbers of those rows as label-less rows further down. Pairing them by order would be a guess
(FORMAT.md: never guess a cell), so such a table is not bound: it is reported once (F207) with
the rows that could not be paired, and no cell or arithmetic rule runs on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reportlint.model import Span
from reportlint.tables.rows import RawRow

# A line that starts a numbered leaf row (1. 2、 3．): one such line per row label.
_ITEM_START = re.compile(r"^\s*\d{1,2}\s*[.、．](?!\d)")


class ValueRow(NamedTuple):  # one per value row and template binding: a cheap record
    row: RawRow
    label: str  # its own label, or the label lines written above it
    pending: tuple[RawRow, ...]  # the label-only rows since the previous value row


@dataclass(frozen=True)
class Unpaired:
    span: Span  # the first label or value that could not be paired
    names: tuple[str, ...]  # the labels of the rows that could not be paired
    orphans: int  # value rows without any label


def _items(pending: Sequence[RawRow]) -> list[tuple[Span, str]]:
    """The numbered row labels among label lines, each with its wrapped continuation."""
    items: list[tuple[Span, str]] = []
    for row in pending:
        text = row.label
        if _ITEM_START.match(text) or not items:
            items.append((row.labels[0].span, text))
        else:
            span, start = items[-1]
            items[-1] = (span, start + text)
    return [i for i in items if _ITEM_START.match(i[1])]


def unpaired(value_rows: Sequence[ValueRow]) -> Unpaired | None:
    """Value rows that have no label, and label lines naming several rows over one value
    row: the labels and the values are not written together, and cannot be paired."""
    names: list[str] = []
    spans: list[Span] = []
    orphans = 0
    for value_row in value_rows:
        if value_row.row.labels:
            continue
        items = _items(value_row.pending)
        if len(items) >= 2:
            names += [name for _, name in items]
            spans.append(items[0][0])
        elif not value_row.pending:
            orphans += 1
            spans.append(value_row.row.values[0].span)
    if not spans or (orphans == 0 and not names):
        return None
    return Unpaired(min(spans, key=lambda s: (s.line, s.column)), tuple(names), orphans)
