"""Bind the tables of a parsed report to a format template (表二, 表三, 表四).

For each table: collect its region (the table blocks of its section, plus short label lines
the classifier left as paragraphs), split raw rows (``rows.py``), match the rows to the
template's rows by label and order, then address every value cell as (row key, column key).
Problems found on the way (missing or extra rows, inexact labels, cells run together) are
recorded on the bound table; the F rules only report them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeGuard

from reportlint.common.cached import cached
from reportlint.common.linear import cached_linear
from reportlint.facts.context import Context
from reportlint.model import Span, made
from reportlint.parse.tree import Block, Paragraph, Piece, Section, Table, TextBlock, piece_of
from reportlint.tables.labels import FRAGMENT_MIN, INEXACT_MIN, containment, row_key, similarity
from reportlint.tables.numbers import BLANK_MARKS, digit_count, parse_cell
from reportlint.tables.pairing import Unpaired, ValueRow, unpaired
from reportlint.tables.records import BOUND, UNRECOVERABLE, BoundCell, BoundTable, Problem
from reportlint.tables.rows import RawRow, raw_row, raw_rows
from reportlint.tables.template import RowSpec, TableTemplate, label_key

_LABEL_LINE_MAX = 40
_WIDTH_ROWS_MAX = 3  # more rows than this with a wrong number of values: one diagnostic


@dataclass(frozen=True)
class Region:
    lines: tuple[tuple[int, str], ...]  # (line number, text), blank lines included
    span: Span  # the first table line, where table-level diagnostics point

    @cached  # each version's template looks for its evidence words in it
    def key_text(self) -> str:
        """The region's text as labels are compared (``label_key``)."""
        return label_key("".join([t for _, t in self.lines]))


def _paragraph_is_label(paragraph: Block) -> TypeGuard[Paragraph]:
    return isinstance(paragraph, Paragraph) and all(
        "。" not in p.text and len(p.text) <= _LABEL_LINE_MAX for p in paragraph.pieces)


def region(ctx: Context, section: Section) -> Region | None:
    """The section's table lines, and its short label-like paragraphs up to the last table
    (group labels and headers the classifier took for prose). Prose after the tables, and
    numbers in prose before them, are not part of them."""
    tables = [b.span for b in section.blocks if isinstance(b, Table)]
    first = min(s.line for s in tables) if tables else section.span.line
    last = max(s.end_line for s in tables) if tables else section.span.end_line
    numbers: list[int] = []
    for block in section.blocks:
        if isinstance(block, Table):
            numbers.extend(range(block.span.line, block.span.end_line + 1))
            numbers.append(-1)  # a table ends: end a tab-rendered row too
        elif _paragraph_is_label(block) and block.span.line <= last and (
                block.span.line >= first or not any(ch.isdigit() for ch in block.text)):
            numbers.extend(p.line for p in block.pieces)
            numbers.append(-1)
    lines = tuple([(n, ctx.lines[n - 1] if n > 0 else "") for n in numbers])
    opening = next(((n, t) for n, t in lines if t.strip()), None)
    if opening is None:
        return None
    number, text = opening
    piece = piece_of(number, text)  # past indentation and Markdown heading marks
    return Region(lines, piece.span)


@dataclass
class _Match:
    row: RawRow
    spec: RowSpec
    exact: bool
    label: str  # the label text the match was made on


@dataclass
class Binding:
    """A table bound to one template, with a score of how well it fits."""

    template: TableTemplate
    # (row key, column key, cell piece): turned into cells only for the template chosen
    slots: list[tuple[str, str, Piece]] = field(default_factory=list)
    raw_lines: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    rows: list[tuple[str, Span]] = field(default_factory=list)  # bound row key → label span
    # Rows bound by a label that is not this template's: (row key, label, label span).
    inexact: list[tuple[str, str, Span]] = field(default_factory=list)
    fit: int = 0
    unrecoverable: Span | None = None
    unpaired: Unpaired | None = None
    empty: bool = False


# A row label spans a few cells at most; trying every split of a line of thousands of cells
# would be quadratic in its length.
_MAX_LABEL_CELLS = 8


def _names_row_first(row: RawRow, index: Mapping[str, RowSpec]) -> bool:
    """Leading cells that name a row, then cells with digits in words where its values go
    (``行政许可 | 约6``): a row whose values are not plain numbers (N301), not a label
    wrapped over lines or cut at its commas (``部分公开 (区分处理的, 只计这一情形…``)."""
    labels = [p.text for p in row.labels]
    return any(row_key(" ".join(labels[:count])) in index
               and all(any(c.isdigit() for c in rest) for rest in labels[count:])
               for count in range(1, min(len(labels), _MAX_LABEL_CELLS + 1)))


def _value_rows(rows: Sequence[RawRow], index: Mapping[str, RowSpec]) -> list[ValueRow]:
    """Rows holding values, each with the label text to match (a numbers-only row takes the
    label lines written above it, since the previous row: a label wrapped over lines)."""
    found: list[ValueRow] = []
    pending: list[RawRow] = []
    for row in rows:
        exact_blank = bool(row.values) and row_key(row.label) in index
        if not row.has_values and not exact_blank and not _names_row_first(row, index):
            if row.labels:
                pending.append(row)
            continue
        if not row.labels and all(v.text in BLANK_MARKS for v in row.values):
            pending.clear()  # a placeholder row ("| - | - |") under a header
            continue
        label = row.label or " ".join(p.label for p in pending)
        found.append(ValueRow(row, label, tuple(pending)))
        pending.clear()
    return found


def _match_rows(rows: list[tuple[RawRow, str]], template: TableTemplate) -> list[_Match]:
    index, position = template.by_label, template.position
    exact: list[RowSpec | None] = []
    taken: set[str] = set()
    for row, label in rows:
        spec = _exact(row, label, index)
        if spec is not None and spec.key in taken:
            spec = None
        exact.append(spec)
        if spec is not None:
            taken.add(spec.key)
    matches: list[_Match] = []
    last = -1
    for i, (row, label) in enumerate(rows):
        spec = exact[i]
        if spec is not None:
            matches.append(_Match(row, spec, True, label))
            last = position[spec.key]
            continue
        bound = next((position[s.key] for s in exact[i + 1:] if s is not None),
                     len(template.rows))
        candidates = [s for s in template.rows[last + 1:bound] if s.key not in taken]
        chosen = _best(row_key(label), candidates)
        if chosen is not None:
            taken.add(chosen.key)
            last = position[chosen.key]
            matches.append(_Match(row, chosen, False, label))
    return matches


def _exact(row: RawRow, label: str, index: Mapping[str, RowSpec]) -> RowSpec | None:
    """The row the label names exactly; a label followed by words in a value cell
    (``行政处罚 十三 0 0``) names it with its leading cells, a leaf after its group label
    with its trailing ones."""
    spec = index.get(row_key(label))
    if spec is not None or label != row.label:
        return spec
    cells = len(row.labels)
    for count in range(min(cells - 1, _MAX_LABEL_CELLS), 0, -1):
        spec = index.get(row_key(" ".join(p.text for p in row.labels[:count])))
        if spec is not None:
            return spec
    # A leaf written without its sub-item number after its group label
    # (``（三）不予公开 | 属于国家秘密``): its own cells name it.
    for count in range(max(1, cells - _MAX_LABEL_CELLS), cells):
        spec = index.get(row_key(" ".join(p.text for p in row.labels[count:])))
        if spec is not None:
            return spec
    return None


def _best(key: str, candidates: Sequence[RowSpec]) -> RowSpec | None:
    if not candidates:
        return None
    if not key:  # a row without any label: only when its place leaves one choice
        return candidates[0] if len(candidates) == 1 else None
    scored = [(max(containment(key, k) for k in spec.keys), -i, spec)
              for i, spec in enumerate(candidates)]
    score, _, spec = max(scored, key=lambda s: (s[0], s[1]))
    return spec if score >= FRAGMENT_MIN and len(key) >= 2 else None


def _widen(match: _Match) -> RawRow:
    """A cell-per-line or pipe row whose value cell holds words (``十三``) reads them as a
    label; give such cells back to the values while the shorter label still names the row."""
    row, width = match.row, len(match.spec.columns)
    if len(row.values) >= width:
        return row  # nothing to give back (most rows)
    labels, values = list(row.labels), list(row.values)
    while len(values) < width and len(labels) > 1 and not row.glued:
        if row_key(" ".join(p.text for p in labels[:-1])) not in match.spec.keys:
            break
        values.insert(0, labels.pop())
    blanks = list(row.blanks) if len(labels) == len(row.labels) else []
    while len(values) < width and blanks:
        values.insert(0, blanks.pop())
    return raw_row(tuple(labels), tuple(values), row.line, row.glued)


def _run_together(values: Sequence[str], width: int) -> bool:
    if width <= 1 or len(values) >= width:
        return False
    digits = sum(digit_count(v) for v in values)
    return digits >= width and any(digit_count(v) >= 2 for v in values)


def _trim(values: tuple[str, ...], width: int) -> int:
    """How many values to keep: trailing empty cells beyond the width are layout residue."""
    count = len(values)
    while count > width and not values[count - 1]:
        count -= 1
    return count


class _Binder:
    def __init__(self, ctx: Context, template: TableTemplate, rows: list[RawRow],
                 where: Span) -> None:
        self.ctx = ctx
        self.template = template
        self.rows = rows
        self.where = where
        self.out = Binding(template, raw_lines=ctx.raw_lines or ctx.lines)

    def cell(self, row: str, column: str, piece: Piece) -> None:
        self.out.slots.append((row, column, piece))

    def bind(self) -> Binding:
        if self.template.layout == "flat":
            self._flat()
        else:
            self._rows()
        return self.out

    def _flat(self) -> None:
        row_key_ = self.template.rows[0].key
        values = [v for r in self.rows for v in r.values]
        width = len(self.template.columns)
        texts = [v.text for v in values]
        if not any(texts):
            self.out.empty = True
            return
        if any(r.glued for r in self.rows) or _run_together(texts, width):
            self.out.unrecoverable = self.where
            return
        keep = _trim(tuple(texts), width)
        if keep != width:
            self.out.problems.append(Problem("width", self.where, {
                "count": keep, "expected": width, "row": self.template.name},
                severity="error" if keep < width else "warning"))
            self.out.fit -= 1
            return
        for column, piece in zip(self.template.columns, values[:width], strict=True):
            self.cell(row_key_, column.key, piece)
        self.out.fit += 2 * width

    def _rows(self) -> None:
        index = self.template.by_label
        found = _value_rows(self.rows, index)
        if not found:
            self.out.empty = True
            return
        scrambled = unpaired(found)
        if scrambled is not None:  # labels and values written apart: never paired by guess
            self.out.unrecoverable, self.out.unpaired = scrambled.span, scrambled
            return
        value_rows = [(v.row, v.label) for v in found]
        matches = _match_rows(value_rows, self.template)
        for match in matches:
            width = len(match.spec.columns)
            if (match.row.glued and width > 1) or _run_together(match.row.texts, width):
                self.out.unrecoverable = self.where
                return
        matched = {id(m.row) for m in matches}
        for match in matches:
            self._bind_row(match)
        for row, _ in value_rows:
            if id(row) not in matched:
                span = (row.labels or row.values)[0].span
                self.out.problems.append(Problem("extra-row", span, {"label": row.label or
                                                                     row.values[0].text}))
                self.out.fit -= 1
        self._missing(matches)
        self._collapse_widths()

    def _collapse_widths(self) -> None:
        """A column missing from the whole table is one problem, not one per row."""
        widths = [p for p in self.out.problems if p.kind == "width"]
        if len(widths) <= _WIDTH_ROWS_MAX:
            return
        first = widths[0]
        others = [p for p in self.out.problems if p.kind != "width"]
        args = {**first.args, "row": f"{first.args['row']}等{len(widths)}行"}
        self.out.problems = [*others, Problem("width", first.span, args, first.severity)]

    def _bind_row(self, match: _Match) -> None:
        spec, row = match.spec, _widen(match)
        width = len(spec.columns)
        keep = _trim(row.texts, width)
        label_span = (row.labels or row.values)[0].span
        self.out.rows.append((spec.key, label_span))
        self.out.fit += 2 if match.exact else 1
        if keep != width:
            self.out.problems.append(Problem("width", label_span, {
                "count": keep, "expected": width, "row": spec.label},
                severity="error" if keep < width else "warning"))
            return
        self.out.slots.extend((spec.key, column, piece) for column, piece
                              in zip(spec.columns, row.values[:width], strict=True))
        if not match.exact and row.labels:
            self.out.inexact.append((spec.key, match.label, row.labels[0].span))
            self._inexact(match)

    def _inexact(self, match: _Match) -> None:
        key = row_key(match.label)
        canonical = label_key(match.spec.label)
        if key in canonical:  # a fragment of a label wrapped over lines, not a typo
            return
        if similarity(key, canonical) >= INEXACT_MIN:
            self.out.problems.append(Problem("label-inexact", match.row.labels[0].span, {
                "label": match.row.label, "canonical": match.spec.label}))

    def _missing(self, matches: list[_Match]) -> None:
        found = {m.spec.key for m in matches}
        missing = [s for s in self.template.rows if s.key not in found]
        if missing:
            self.out.fit -= len(missing)
            names = "、".join(s.label for s in missing[:4])
            more = f"等{len(missing)}行" if len(missing) > 4 else ""
            self.out.problems.append(Problem("missing-rows", self.where, {
                "rows": names + more, "count": len(missing)}))


def evidence_hits(template: TableTemplate, where: Region) -> list[str]:
    return [e for e in template.evidence if label_key(e) in where.key_text]


def bind_region(ctx: Context, template: TableTemplate, where: Region,
                rows: list[RawRow] | None = None) -> Binding:
    """``rows``: the region's raw rows, when already split (they do not depend on the
    template, and each table is tried with every version's template)."""
    rows = raw_rows(where.lines) if rows is None else rows
    binding = _Binder(ctx, template, rows, where.span).bind()
    binding.fit += 3 * len(evidence_hits(template, where))
    return binding


def fit_ceiling(template: TableTemplate, where: Region, rows: Sequence[RawRow]) -> int:
    """The most ``bind_region`` can score binding ``rows`` to ``template``: every value row
    (or the flat table's every column) bound exactly, with no problem."""
    bound = len(template.columns) if template.layout == "flat" \
        else min(len(_value_rows(rows, template.by_label)), len(template.rows))
    return 2 * bound + 3 * len(evidence_hits(template, where))


def run_together_span(ctx: Context, template: TableTemplate,
                      paragraphs: Sequence[TextBlock]) -> Span | None:
    """Where the table's text sits in prose with its cells run together, if it does."""
    if not template.run_together:
        return None
    pattern = cached_linear(template.run_together)  # pack data: on RE2
    for paragraph in paragraphs:
        found = pattern.search(paragraph.text)
        if found:
            return paragraph.span_of(found.start(), found.end())
    return None


def _cells(binding: Binding) -> dict[tuple[str, str], BoundCell]:
    cells: dict[tuple[str, str], BoundCell] = {}
    raw_lines, template = binding.raw_lines, binding.template
    for row, column, (line, start, text) in binding.slots:
        end = start + len(text)
        raw_line = raw_lines[line - 1] if 0 < line <= len(raw_lines) else ""
        raw_text = raw_line[start - 1:end - 1] or text
        parsed = parse_cell(text, raw_text, template.column(column).kind)
        cells[(row, column)] = made(BoundCell, (template.key, row, column, raw_text, parsed.value,
                                         made(Span, (line, start, line, end)), parsed.status,
                                         parsed.note))
    return cells


def finish(binding: Binding, key: str, span: Span, version: str) -> BoundTable:
    if binding.unrecoverable is not None:
        scrambled = binding.unpaired
        return BoundTable(key, UNRECOVERABLE, binding.unrecoverable, version,
                          template=binding.template,
                          unpaired=(scrambled.names, scrambled.orphans) if scrambled else None)
    return BoundTable(key, BOUND, span, version, _cells(binding),
                      template=binding.template, problems=tuple(binding.problems),
                      rows=tuple(binding.rows))
