"""Cell values: normalise the numbers real reports write (N301, N302, N303).

Lines are already normalised one-for-one (full-width digits and minus become ASCII), so a
full-width number is found by comparing with the raw line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from reportlint.tables.template import AMOUNT, COUNT, SIGNED

OK, BLANK, NONSTANDARD, NOT_NUMBER, NEGATIVE = "ok", "blank", "nonstandard", "bad", "negative"
BLANK_MARKS = frozenset({"", "/", "—", "-", "——", "–", "－"})
_UNITS = ("万元", "元", "件", "个", "条", "项")
_PLAIN = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$")
# A token that reads as a value cell (for splitting labels from values in a text line).
VALUE_TOKEN = re.compile(
    r"^(?:[-+]?\d[\d,，]*(?:\.\d+)?(?:万元|元|件|个|条|项)?|[/—–-]|——)$"
)


@dataclass(frozen=True)
class CellValue:
    value: Decimal | None  # None when not a number; blanks count as 0
    status: str
    note: str = ""  # what was normalised, for N303


def _number(text: str) -> tuple[Decimal | None, list[str]]:
    notes: list[str] = []
    for unit in _UNITS:
        if text.endswith(unit) and len(text) > len(unit):
            text = text[: -len(unit)].strip()
            notes.append(f"单位“{unit}”")
            break
    if _THOUSANDS.match(text):
        text = re.sub(r"[,，]", "", text)
        notes.append("千分位分隔符")
    if not _PLAIN.match(text):
        return None, notes
    try:
        return Decimal(text), notes
    except InvalidOperation:
        return None, notes


@lru_cache(maxsize=4096)  # cells repeat ("0"): parse each spelling once
def parse_cell(text: str, raw: str, kind: str) -> CellValue:
    """The value of a cell written ``text`` (normalised) / ``raw`` (as in the file)."""
    compact = re.sub(r"\s+", "", text)
    if compact in BLANK_MARKS:
        return CellValue(Decimal(0), BLANK)
    value, notes = _number(compact)
    if value is None:
        return CellValue(None, NOT_NUMBER)
    if raw != text and any("０" <= ch <= "９" or ch == "－" for ch in raw):
        notes.insert(0, "全角数字")
    if value < 0 and kind in (COUNT, AMOUNT):
        return CellValue(value, NEGATIVE)
    if kind in (COUNT, SIGNED) and value != value.to_integral_value():
        return CellValue(value, NOT_NUMBER, "应为整数")
    return CellValue(value, NONSTANDARD if notes else OK, "、".join(notes))


def digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)
