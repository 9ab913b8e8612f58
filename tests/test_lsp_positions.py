"""LSP character offsets ↔ code-point columns, in each position encoding."""

from __future__ import annotations

import pytest

from reportlint.server.positions import to_character, to_column

LINE = "甲𠀀乙b"  # CJK (3 UTF-8 bytes), astral (4 bytes, 2 UTF-16 units), CJK, ASCII


@pytest.mark.parametrize("encoding, offsets", [
    ("utf-16", [0, 1, 3, 4, 5]),
    ("utf-8", [0, 3, 7, 10, 11]),
    ("utf-32", [0, 1, 2, 3, 4]),
])
def test_both_ways(encoding: str, offsets: list[int]) -> None:
    for column, offset in enumerate(offsets, start=1):
        assert to_character(LINE, column, encoding) == offset
        assert to_column(LINE, offset, encoding) == column


def test_an_offset_inside_a_character_counts_as_that_character() -> None:
    assert to_column(LINE, 2, "utf-16") == 2  # between the halves of 𠀀
    assert to_column(LINE, 5, "utf-8") == 2


def test_past_the_end_keeps_counting() -> None:
    assert to_column(LINE, 7, "utf-16") == 7
