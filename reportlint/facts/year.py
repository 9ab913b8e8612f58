"""Facts about a report that several rules share, derived once per report."""

from __future__ import annotations

from reportlint.facts.context import Context
from reportlint.facts.period import period
from reportlint.parse.dates import first_year


def title_text(ctx: Context) -> str:
    title = ctx.document.title
    return title.text if title else ""


def title_year(ctx: Context) -> int | None:
    """The first year the title names (``2020年``, ``2023 年``, ``二〇二一年``)."""
    return ctx.derived("title_year", lambda c: first_year(title_text(c)) if title_text(c) else None)


def _derive_year(ctx: Context) -> int | None:
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


def report_year_disputed(ctx: Context) -> bool:
    """True when the title and the statistics period name different years and no year is
    configured: D503 reports that, and rules that need the year stay silent (one root cause,
    one diagnostic)."""
    if ctx.settings.get("report-year"):
        return False
    title, found = title_year(ctx), period(ctx)
    return title is not None and found is not None and found.year is not None \
        and found.year != title
