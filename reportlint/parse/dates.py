"""Dates as reports write them: found in text with their offsets, parsed, checked.

Forms seen in real reports: ``2020年1月1日``, spaced digits (``2023 年 1 月 1 日``),
``2020.1.1``, ``2020-01-01``, ``2020/1/1``, Chinese numerals (``二〇二一年一月二十九日``,
``二○二一年元月``), and a month-day without its year after a full date
(``2019年1月1日到12月31日``, ``二〇一九年一月一日至十二月三十一日``). Offsets index the text
given, so a caller maps them back with ``TextBlock.span_of``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "〇○零Ｏ一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十廿卅"

# Arabic, 年月日 (digits may be spaced from the characters: ``2023 年 1 月 1 日``).
_ARABIC = (r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月"
           r"(?:\s*(?P<d>\d{1,2})\s*[日号])?")
# Separated: 2020.1.1, 2020-01-01, 2020/1/1 (the same separator twice).
_SEPARATED = (r"(?<![\d.])(?P<sy>(?:19|20)\d{2})(?P<sep>[./-])(?P<sm>\d{1,2})(?P=sep)"
              r"(?P<sd>\d{1,2})(?![\d.]*\d)")
_CHINESE = (rf"(?P<cy>[{_CN_YEAR}]{{4}})\s*年\s*(?P<cm>[元正{_CN_SMALL}]{{1,2}})\s*月"
            rf"(?:\s*(?P<cd>[{_CN_SMALL}]{{1,3}})\s*[日号])?")
_MONTH_DAY = r"(?<![\d年])(?P<mm>\d{1,2})\s*月\s*(?P<md>\d{1,2})\s*[日号]"
_CN_MONTH_DAY = (rf"(?<![{_CN_SMALL}年])(?P<cmm>[元正{_CN_SMALL}]{{1,2}})\s*月"
                 rf"\s*(?P<cmd>[{_CN_SMALL}]{{1,3}})\s*[日号]")

DATE = re.compile(f"{_ARABIC}|{_SEPARATED}|{_CHINESE}")
_DATE_OR_MONTH_DAY = re.compile(
    f"{_ARABIC}|{_SEPARATED}|{_CHINESE}|{_MONTH_DAY}|{_CN_MONTH_DAY}")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_CN_YEAR_ONLY = re.compile(rf"([{_CN_YEAR}]{{4}})\s*年")


@dataclass(frozen=True)
class DateMention:
    """A date found in text: ``text[start:end]``; ``year`` is None for a month-day alone."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    text: str

    @property
    def valid(self) -> bool:
        if not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return True
        # Without a year, 29 February is possible (a leap year).
        last = calendar.monthrange(self.year or 2000, self.month)[1]
        return 1 <= self.day <= last

    def date(self) -> datetime.date | None:
        if self.year is None or self.day is None or not self.valid:
            return None
        return datetime.date(self.year, self.month, self.day)

    def with_year(self, year: int) -> DateMention:
        return DateMention(self.start, self.end, year, self.month, self.day, self.text)


def chinese_small(text: str) -> int:
    """一 … 三十一 (also 元/正 for month 1, 廿/卅 for 20/30)."""
    if text in ("元", "正"):
        return 1
    tens = {"廿": 20, "卅": 30}
    value = 0
    if text[0] in tens:
        value, text = tens[text[0]], text[1:]
    if "十" in text:
        before, _, after = text.partition("十")
        value += (_CN_DIGITS.get(before, 1) if before else 1) * 10
        text = after
    for char in text:
        value += _CN_DIGITS.get(char, 0)
    return value


def chinese_year(text: str) -> int:
    return int("".join(str(_CN_DIGITS[c]) for c in text))


def _mention(found: re.Match[str]) -> DateMention:
    groups = found.groupdict()
    text = found.group(0)
    if groups.get("y"):
        day = int(groups["d"]) if groups["d"] else None
        return DateMention(found.start(), found.end(), int(groups["y"]), int(groups["m"]), day,
                           text)
    if groups.get("sy"):
        return DateMention(found.start(), found.end(), int(groups["sy"]), int(groups["sm"]),
                           int(groups["sd"]), text)
    if groups.get("cy"):
        day = chinese_small(groups["cd"]) if groups["cd"] else None
        return DateMention(found.start(), found.end(), chinese_year(groups["cy"]),
                           chinese_small(groups["cm"]), day, text)
    if groups.get("cmm"):
        return DateMention(found.start(), found.end(), None, chinese_small(groups["cmm"]),
                           chinese_small(groups["cmd"]), text)
    return DateMention(found.start(), found.end(), None, int(groups["mm"]), int(groups["md"]),
                       text)


def find_dates(text: str, month_days: bool = False) -> Iterator[DateMention]:
    """Every date in ``text``; with ``month_days``, also month-days without a year."""
    yield from _dates_in(text, month_days)


@lru_cache(maxsize=512)
def _dates_in(text: str, month_days: bool) -> tuple[DateMention, ...]:
    # Several rules scan the same paragraphs (period, D504): scan each text once.
    regex = _DATE_OR_MONTH_DAY if month_days else DATE
    return tuple(_mention(found) for found in regex.finditer(text))


def first_date(text: str) -> DateMention | None:
    return next(find_dates(text), None)


def find_years(text: str) -> Iterator[tuple[int, int, int]]:
    """(year, start, end) of every ``YYYY年`` (digits or Chinese numerals)."""
    for found in YEAR.finditer(text):
        yield int(found.group(1)), found.start(), found.end()
    for found in _CN_YEAR_ONLY.finditer(text):
        yield chinese_year(found.group(1)), found.start(), found.end()


def first_year(text: str) -> int | None:
    years = sorted(find_years(text), key=lambda y: y[1])
    return years[0][0] if years else None
