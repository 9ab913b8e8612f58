"""Facts about a report that several rules share, derived once per report."""

from __future__ import annotations

from reportlint.dates import first_year
from reportlint.kinds.base import Context


def title_text(ctx: Context) -> str:
    title = ctx.document.title
    return title.text if title else ""


def title_year(ctx: Context) -> int | None:
    """The first year the title names (``2020年``, ``2023 年``, ``二〇二一年``)."""
    return ctx.derived("title_year", lambda c: first_year(title_text(c)) if title_text(c) else None)


def _derive_year(ctx: Context) -> int | None:
    from reportlint.period import period  # period imports facts' neighbours: avoid a cycle

    year = title_year(ctx)
    if year is not None:
        return year
    found = period(ctx)
    return found.year if found else None


def report_year(ctx: Context) -> int | None:
    """The year the report is for: the configured one, else the title's year, else the year of
    the statistics period."""
    forced = ctx.settings.get("report-year")
    if forced:
        return int(forced)
    return ctx.derived("report_year", _derive_year)
