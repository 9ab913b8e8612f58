"""A report's facts for the review table, and whether a file is a report at all."""

from __future__ import annotations

from reportlint.batch.jobs import ReportFacts
from reportlint.facts.context import Context
from reportlint.facts.issuer import issuer_kind, issuer_name
from reportlint.facts.period import signed_date
from reportlint.facts.year import report_year
from reportlint.model import Source
from reportlint.parse.tree import Document
from reportlint.tables.layer import table_layer


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


def facts_of(ctx: Context, read: Source) -> ReportFacts:
    """``read``: the report as the reader gave it (its lines are the ones shown)."""
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
    )
