"""Deadlines are written ``MM-DD`` (of the year after the report year) on the command line,
in configuration files and in the rule data: one parser for all three."""

from __future__ import annotations

import re

_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def normal_month_day(text: str) -> str | None:
    """``"1-31"`` → ``"01-31"``; None when it is not a day of the year (29 February allowed)."""
    found = _MONTH_DAY.match(text.strip())
    if not found:
        return None
    month, day = int(found.group(1)), int(found.group(2))
    if not (1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]):
        return None
    return f"{month:02d}-{day:02d}"
