"""Facts about a report that several rules share, derived once per report."""

from __future__ import annotations

import re

from reportlint.facts.context import Context
from reportlint.facts.period import period
from reportlint.parse.dates import first_year

# A converter's or crawler's marker line above the title (正文, ==== 正文 ====): not the title.
_BODY_MARK = re.compile(r"^\s*=*\s*正\s*文\s*=*\s*(?=\S)")
# Letter-spaced digits of a converted title (2 0 2 4 年).
_SPACED_DIGITS = re.compile(r"(?<=\d)[ \u3000]+(?=\d)")


def title_text(ctx: Context) -> str:
    """The report's own title; without one, the title the page gives it (标题：, ArticleTitle)."""
    title = ctx.document.title
    if title is not None:
        return _BODY_MARK.sub("", title.text)
    return next((f.value for f in ctx.page_facts if f.key == "title"), "")


def _title_year(ctx: Context) -> int | None:
    text = _SPACED_DIGITS.sub("", title_text(ctx))
    return first_year(text) if text else None


def title_year(ctx: Context) -> int | None:
    """The first year the title names (``2020年``, ``2023 年``, ``2 0 2 4 年``, ``二〇二一年``)."""
    return ctx.derived("title_year", _title_year)


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
