"""How much of one text repeats another: the share of its character shingles (runs of
``size`` characters) found in the other. Digits count as one character class, and spaces
and punctuation are dropped, so a changed year, number or comma does not hide a copy."""

from __future__ import annotations

import re

_DROPPED = re.compile(r"[\s，。、；：“”‘’（）()《》,.;:!?！？…—-]+")
_DIGITS = re.compile(r"[0-9０-９]+")


def normalised(text: str) -> str:
    return _DIGITS.sub("0", _DROPPED.sub("", text))


def shingles(text: str, size: int) -> set[str]:
    clean = normalised(text)
    return {clean[i : i + size] for i in range(len(clean) - size + 1)}


def overlap(text: str, other: str, size: int) -> float | None:
    """The share (0–1) of ``text``'s shingles that ``other`` has too; None for a text too
    short to have any (an empty section is S106's)."""
    mine = shingles(text, size)
    if not mine:
        return None
    return len(mine & shingles(other, size)) / len(mine)
