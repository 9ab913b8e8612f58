"""Facts about a report that several rules share, derived once per report."""

from __future__ import annotations

import re

from reportlint.kinds.base import Context
from reportlint.tree import TextBlock

_YEAR = re.compile(r"((?:19|20)\d\s*\d)\s*年")


def title_text(ctx: Context) -> str:
    title = ctx.document.title
    return title.text if title else ""


def _year_in(block: TextBlock | None) -> int | None:
    if block is None:
        return None
    found = _YEAR.search(block.text)
    return int(found.group(1).replace(" ", "")) if found else None


def report_year(ctx: Context) -> int | None:
    """The year the report is for: the configured one, else the first year in the title."""
    forced = ctx.settings.get("report-year")
    if forced:
        return int(forced)
    return ctx.derived("report_year", lambda c: _year_in(c.document.title))
