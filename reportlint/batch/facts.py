"""A report's facts for the review table, and whether a file is a report at all."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from reportlint.batch.jobs import Figure, ReportFacts
from reportlint.facts.context import Context
from reportlint.facts.issuer import issuer_kind, issuer_name
from reportlint.facts.period import signed_date
from reportlint.facts.year import report_year
from reportlint.model import Source
from reportlint.parse.tree import Document
from reportlint.read.sourcemap import map_span
from reportlint.tables.layer import TableLayer, table_layer
from reportlint.tables.records import BOUND


def _report_title(document: Document) -> bool:
    """The parser takes a file's opening lines for its title; a report's names a 报告 and is
    no sentence (a README's opening paragraph, a notice about reports are)."""
    title = document.title.text if document.title is not None else ""
    return "报告" in title and not any(mark in title for mark in ("。", "通知", "说明"))


def is_report(ctx: Context) -> bool:
    """A README or a notice has no report title, no numbered sections and no report tables
    (a README's Markdown table binds to no template)."""
    document = ctx.document
    if _report_title(document) or document.sections:
        return True
    return bool(document.tables) and bool(table_layer(ctx).tables)


def page_starts(source: Source) -> tuple[tuple[int, int], ...]:
    """Where each page starts among the extracted lines (a PDF's; none for other files)."""
    starts: list[tuple[int, int]] = []
    for index, origin in enumerate(source.origins or ()):
        if origin.page is not None and (not starts or starts[-1][1] != origin.page):
            starts.append((index + 1, origin.page))
    return tuple(starts)


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


def _figure(spec: Mapping[str, Any], layer: TableLayer, source: Source,
            taken: set[tuple[str, str, str]]) -> Figure:
    table = layer.tables.get(str(spec["table"]))
    label, row, column = str(spec["label"]), str(spec["row"]), str(spec["column"])
    if table is None or table.status != BOUND:
        return Figure(label, None)
    own = table.cells.get((row, column))
    others = [cell for (r, c), cell in sorted(table.cells.items())
              if r == row and c != column and (table.key, r, c) not in taken]
    starts = []
    for cell in ([own] if own is not None else []) + others:
        mapped = map_span(source, cell.span)
        starts.append((mapped.line, mapped.column))
    value = _number(own.value) if own is not None and own.value is not None else None
    return Figure(label, value, tuple(starts))


def figures_of(ctx: Context, source: Source) -> tuple[Figure, ...]:
    """The key figures of the rule pack's ``figures`` data; ``source``: the text the report
    was parsed from, mapped to its file (as ``parse_source`` gave it)."""
    specs = (ctx.data.get("figures") or {}).get("figures") or ()
    taken = {(str(s["table"]), str(s["row"]), str(s["column"])) for s in specs}
    layer = table_layer(ctx)
    return tuple(_figure(spec, layer, source, taken) for spec in specs)


def facts_of(ctx: Context, read: Source, parsed: Source | None = None) -> ReportFacts:
    """``read``: the report as the reader gave it (its lines are the ones shown);
    ``parsed``: the text it was parsed from, for the places of its key figures (without it,
    no figures)."""
    starts = page_starts(read)
    name = issuer_name(ctx.document, ctx.data["issuer"])
    signed = signed_date(ctx)
    day = signed.mention.date() if signed else None
    layer = table_layer(ctx)
    return ReportFacts(
        issuer=name.name if name else None,
        issuer_kind=issuer_kind(ctx).kind,
        year=report_year(ctx),
        # only a version the tables show: the one assumed from the year is no fact of the report
        format_version=layer.version if layer.source in ("evidence", "forced") else None,
        pages=max((page for _, page in starts), default=None),
        page_starts=starts,
        published=day.isoformat() if day else None,
        figures=figures_of(ctx, parsed) if parsed is not None else (),
    )
