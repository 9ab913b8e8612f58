"""Date facts of one report, derived once: the statistics period and the signature date.

Domain words (period keywords, range connectors) come from ``data/dates.yaml``.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlint.common.linear import Compiled, Matched, cached_linear
from reportlint.facts.context import Context
from reportlint.facts.prose import preamble_paragraphs
from reportlint.model import Span
from reportlint.parse.dates import DateMention, find_dates, first_date
from reportlint.parse.tree import Document, TextBlock

# The regular expressions of ``data/dates.yaml`` (checked when the pack loads; on RE2).
PATTERNS = ("period.connector", "period.whole_year(y)", "period.month_range(y, m1, m2)")


@dataclass(frozen=True)
class Period:
    """The statistics period: its two dates and where the range is written."""

    start: DateMention
    end: DateMention
    block: TextBlock

    @property
    def span(self) -> Span:
        return self.block.span_of(self.start.start, self.end.end)

    @property
    def year(self) -> int | None:
        return self.start.year


@dataclass(frozen=True)
class SignedDate:
    mention: DateMention
    block: TextBlock
    where: str  # "signature" (落款) or "title" (the date under the title)

    @property
    def span(self) -> Span:
        return self.block.span_of(self.mention.start, self.mention.end)


@dataclass(frozen=True)
class _PeriodWords:
    keywords: tuple[str, ...]
    window: int
    connector: Compiled  # pack data on RE2: on Python's engine, quadratic in spaces
    whole_year: Compiled
    after: int = 0
    month_range: Compiled | None = None


@lru_cache(maxsize=8)
def _compile(keywords: tuple[str, ...], window: int, connector: str, whole: str, after: int,
             months: str | None) -> _PeriodWords:
    return _PeriodWords(keywords, window, cached_linear(connector), cached_linear(whole), after,
                        cached_linear(months) if months else None)


def _words(data: Mapping[str, Any]) -> _PeriodWords:
    spec = data["period"]
    return _compile(tuple(spec["keywords"]), int(spec["window"]), spec["connector"],
                    spec["whole_year"], int(spec.get("after_window") or 0),
                    spec.get("month_range"))


def _whole_months(first: DateMention, second: DateMention) -> tuple[DateMention, DateMention]:
    """A range of whole months (2020年1月至2020年12月) runs from the first day of the first
    month to the last day of the last."""
    if first.day is None:
        first = dataclasses.replace(first, day=1)
    if second.day is None and second.year is not None and 1 <= second.month <= 12:
        second = dataclasses.replace(
            second, day=calendar.monthrange(second.year, second.month)[1])
    return first, second


def _ranges(text: str, words: _PeriodWords) -> Iterator[tuple[DateMention, DateMention]]:
    found = list(find_dates(text, month_days=True))
    for first, second in itertools.pairwise(found):
        if first.year is None or not words.connector.fullmatch(text[first.end:second.start]):
            continue
        yield _whole_months(
            first, second if second.year is not None else second.with_year(first.year))


def _near_keyword(text: str, start: int, end: int, words: _PeriodWords) -> bool:
    """A period keyword shortly before the range, or right after it (…至12月31日期间的统计数据)."""
    before = text[max(start - words.window, 0):start]
    after = text[end:end + words.after]
    return any(k in before or k in after for k in words.keywords)


def _month_period(found: Matched, block: TextBlock, groups: Mapping[str, int]) -> Period:
    """A period written in whole months (2020年1月至12月): first day to last day. The
    period is the group ``period`` when the pattern has one (context follows it)."""
    year, first, last = int(found.group("y")), int(found.group("m1")), int(found.group("m2"))
    end_year = int(found.group("y2")) if "y2" in groups and found.group("y2") else year
    last_day = calendar.monthrange(end_year, last)[1] if 1 <= last <= 12 else 31
    whole = "period" if "period" in groups else 0
    begin, stop, text = found.start(whole), found.end(whole), found.group(whole)
    start = DateMention(begin, stop, year, first, 1, text)
    end = DateMention(begin, stop, end_year, last, last_day, text)
    return Period(start, end, block)


def _whole_year(block: TextBlock, words: _PeriodWords) -> Period | None:
    text = block.text
    for keyword in words.keywords:
        at = text.find(keyword)
        if at < 0:
            continue
        stop = at + len(keyword) + words.window
        found = words.whole_year.search(text, at, stop)
        if found:
            year = int(found.group("y"))
            start = DateMention(found.start(), found.end(), year, 1, 1, found.group(0))
            end = DateMention(found.start(), found.end(), year, 12, 31, found.group(0))
            return Period(start, end, block)
        months = words.month_range.search(text, at, stop) if words.month_range else None
        if months and words.month_range:
            return _month_period(months, block, words.month_range.groupindex)
    return None


def _period_in(blocks: tuple[TextBlock, ...], words: _PeriodWords) -> Period | None:
    for block in blocks:
        for first, second in _ranges(block.text, words):
            if _near_keyword(block.text, first.start, second.end, words):
                return Period(first, second, block)
    for block in blocks:
        whole = _whole_year(block, words)
        if whole:
            return whole
    return None


def find_period(document: Document, data: Mapping[str, Any]) -> Period | None:
    """The statistics period: a date range after a period keyword, preamble first."""
    words = _words(data)
    preamble: tuple[TextBlock, ...] = preamble_paragraphs(document)
    if document.title and document.title.date:
        preamble = (document.title.date, *preamble)
    return _period_in(preamble, words) or _period_in(document.paragraphs, words)


def period(ctx: Context) -> Period | None:
    return ctx.derived("period", lambda c: find_period(c.document, c.data["dates"]))


def find_signed_date(document: Document) -> SignedDate | None:
    """The 落款 date at the end, else the date under the title."""
    if document.signature:
        found = first_date(document.signature.text)
        if found:
            return SignedDate(found, document.signature, "signature")
    if document.title and document.title.date:
        found = first_date(document.title.date.text)
        if found:
            return SignedDate(found, document.title.date, "title")
    return None


def signed_date(ctx: Context) -> SignedDate | None:
    return ctx.derived("signed_date", lambda c: find_signed_date(c.document))


def deadline(year: int, month_day: str) -> datetime.date:
    """``"MM-DD"`` of the year after ``year``."""
    month, day = (int(part) for part in month_day.split("-"))
    return datetime.date(year + 1, month, day)
