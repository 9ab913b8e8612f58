"""Date kinds: the statistics period, the report year, dates that do not exist, the signature
date against the year end and the publication deadline (D501–D508)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.check.kinds.base import MESSAGE, Finding, Kind, Param, regex, regexes_problem
from reportlint.facts.context import Context
from reportlint.facts.issuer import deadline_of, issuer_kind
from reportlint.facts.period import Period, deadline, period, signed_date
from reportlint.facts.prose import preamble_paragraphs, prose_blocks
from reportlint.facts.published import published
from reportlint.facts.year import report_year, report_year_disputed, title_year
from reportlint.model import Related, Span
from reportlint.parse.dates import find_dates, find_years
from reportlint.parse.lines import is_footer

_KIND_NAMES = {"government": "政府", "department": "部门"}


def _format(date: datetime.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _preamble_span(ctx: Context) -> Span:
    paragraphs = preamble_paragraphs(ctx.document)
    if paragraphs:
        return paragraphs[0].span
    title = ctx.document.title
    return title.span if title else Span(1, 1, 1, 2)


def _end_span(ctx: Context) -> Span:
    for number in range(len(ctx.lines), 0, -1):
        text = ctx.lines[number - 1]
        if text.strip() and not is_footer(text):
            return Span.at_line(number, ctx.lines[number - 1])
    return Span(1, 1, 1, 2)


def period_present(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    if period(ctx) is None:
        yield Finding(_preamble_span(ctx), params["message"])


def _period_dates(found: Period) -> tuple[datetime.date, datetime.date] | None:
    start, end = found.start.date(), found.end.date()
    return (start, end) if start and end else None


def period_range(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The period is one whole calendar year (which year: D503)."""
    found = period(ctx)
    dates = _period_dates(found) if found else None
    if found is None or dates is None:
        return
    year = dates[0].year
    whole = (datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    if dates != whole:
        yield Finding(found.span, params["message"].format(
            start=_format(dates[0]), end=_format(dates[1]), year=year))


def _dominant_year(ctx: Context, title: int, least: int) -> tuple[int, int, int, int] | None:
    """An earlier year the prose names more often than the title's year (a stale template):
    (year, paragraph index, start, end) of its first mention."""
    counts: Counter[int] = Counter()
    first: dict[int, tuple[int, int, int]] = {}
    for index, block in enumerate(ctx.document.paragraphs):
        for year, start, end in find_years(block.text):
            counts[year] += 1
            first.setdefault(year, (index, start, end))
    earlier = [y for y in counts if y < title and counts[y] >= least and counts[y] > counts[title]]
    if not earlier:
        return None
    year = max(earlier, key=lambda y: counts[y])
    return (year, *first[year])


def year_consistency(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    title = title_year(ctx)
    if title is None:
        return
    found = period(ctx)
    if found is not None and found.year is not None and found.year != title:
        related: tuple[Related, ...] = ()
        if ctx.document.title:
            related = (Related(ctx.document.title.span, f"标题年份：{title}年"),)
        yield Finding(found.span, params["period"].format(title=title, period=found.year),
                      related)
        return
    stale = _dominant_year(ctx, title, int(params["least"]))
    if stale is None:
        return
    year, index, start, end = stale
    block = ctx.document.paragraphs[index]
    yield Finding(block.span_of(start, end), params["stale"].format(title=title, year=year),
                  severity="warning")


def dates_valid(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    for block in prose_blocks(ctx.document):
        for mention in find_dates(block.text, month_days=True):
            if not mention.valid:
                yield Finding(block.span_of(mention.start, mention.end),
                              params["message"].format(date=mention.text))


def signature_date_present(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    if signed_date(ctx) is None and published(ctx) is None:
        yield Finding(_end_span(ctx), params["message"])


def signed_after_year(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    found, year = signed_date(ctx), report_year(ctx)
    date = found.mention.date() if found else None
    if found is None or date is None or year is None or report_year_disputed(ctx):
        return
    if date.year <= year:
        yield Finding(found.span, params["message"].format(date=_format(date), year=year))


def published_by_deadline(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The 落款 date, else (or when the 落款 is on time) the page's publication date, against
    the deadline: one finding, the 落款 first."""
    found, year = signed_date(ctx), report_year(ctx)
    if year is None or report_year_disputed(ctx):
        return
    decided = issuer_kind(ctx)
    limit = deadline(year, deadline_of(ctx, decided.kind))
    values = {"deadline": _format(limit), "kind": _KIND_NAMES.get(decided.kind, decided.kind),
              "reason": "；".join(decided.reasons)}
    date = found.mention.date() if found else None
    if found is not None and date is not None and date > limit:
        yield Finding(found.span, params["message"].format(date=_format(date), **values))
        return
    page = published(ctx)
    if page is not None and page.date > limit:
        span = found.span if found else _title_or_first(ctx)
        yield Finding(span, params["page"].format(date=page.text, origin=page.fact.origin,
                                                  **values))


def _title_or_first(ctx: Context) -> Span:
    title = ctx.document.title
    if title is not None:
        return title.span
    first = next((i for i, line in enumerate(ctx.lines, 1) if line.strip()), 1)
    return Span.at_line(first, ctx.lines[first - 1] if ctx.lines else "")


def pattern_from_year(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    year = report_year(ctx)
    if year is None or year < params["since_year"]:
        return
    compiled = [regex(p) for p in params["patterns"]]
    for block in prose_blocks(ctx.document):
        for compiled_regex in compiled:
            for found in compiled_regex.finditer(block.text):
                yield Finding(block.span_of(found.start(), found.end()),
                              params["message"].format(match=found.group(0), year=year))



KINDS: dict[str, Kind] = {
    "period-present": Kind(period_present, {"message": MESSAGE},
                           "the report states its statistics period"),
    "period-range": Kind(period_range, {"message": MESSAGE},
                         "the statistics period is one whole calendar year"),
    "year-consistency": Kind(year_consistency, {
        "period": MESSAGE, "stale": MESSAGE,
        "least": Param((int,), False, 3, "mentions an earlier year needs to count as dominant"),
    }, "the title year, the period year and the years the text names agree"),
    "dates-valid": Kind(dates_valid, {"message": MESSAGE}, "every date written exists"),
    "signature-date-present": Kind(signature_date_present, {"message": MESSAGE},
                                   "the report is dated (落款 or under the title)"),
    "signed-after-year": Kind(signed_after_year, {"message": MESSAGE},
                              "the report is dated after its year ended"),
    "published-by-deadline": Kind(published_by_deadline, {"message": MESSAGE, "page": MESSAGE},
                                  "the report is dated by the deadline for its issuer kind"),
    "pattern-from-year": Kind(pattern_from_year, {
        "patterns": Param((list,), help="regular expressions searched in the prose",
                          validate=regexes_problem),
        "since_year": Param((int,), help="first report year the patterns are wrong for"),
        "message": MESSAGE,
    }, "flags a pattern in reports from a given year on"),
}
