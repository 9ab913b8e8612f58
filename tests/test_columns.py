"""Code points → UTF-16 units, UTF-8 bytes and screen columns, on the lines themselves."""

from __future__ import annotations

from reportlint.model import Span
from reportlint.output.columns import (
    byte_column,
    convert_span,
    display_column,
    flagged_text,
    line_text,
    utf16_column,
)

LINE = "\t𠀀乡本年共收到申请12件"  # the flagged number "12" is at code-point column 11


def test_bmp_only_text_agrees_in_code_points_and_utf16() -> None:
    assert utf16_column("共收到申请12件", 6) == 6


def test_a_character_outside_the_bmp_counts_two_utf16_units() -> None:
    assert LINE[10:12] == "12"
    assert utf16_column(LINE, 11) == 12
    assert utf16_column(LINE, 13) == 14
    assert LINE.encode("utf-16-le")[(12 - 1) * 2 : (14 - 1) * 2].decode("utf-16-le") == "12"


def test_bytes_count_utf8() -> None:
    # tab 1 + 𠀀 4 + eight CJK characters 3 each = 29 bytes before the number
    assert byte_column(LINE, 11) == 30
    assert LINE.encode("utf-8")[29:31] == b"12"


def test_screen_columns_count_cjk_twice_and_tabs_to_eight() -> None:
    # tab to column 9, then nine wide characters (𠀀 included) of two cells each
    assert display_column(LINE, 11) == 1 + 8 + 18
    assert display_column("a\u0301b", 3) == 2  # a combining mark takes no cell


def test_columns_past_the_end_keep_counting() -> None:
    assert utf16_column("𠀀", 3) == 4
    assert byte_column("", 1) == 1


def test_spans_and_texts() -> None:
    lines = ("第一行", LINE)
    assert convert_span(lines, Span(2, 11, 2, 13), utf16_column) == Span(2, 12, 2, 14)
    assert flagged_text(lines, Span(2, 11, 2, 13)) == "12"
    assert flagged_text(lines, Span(1, 2, 2, 3)) == "一行"
    assert line_text(lines, 9) == ""


def test_columns_count_each_character_as_its_unit() -> None:
    """Every column of random lines (BMP and astral characters, CJK, tabs, controls,
    combining marks) against a count character by character."""
    import random
    import unicodedata

    from reportlint.output.columns import TAB_STOP, byte_column, display_column, utf16_column

    def cells(prefix: str) -> int:
        count = 0
        for ch in prefix:
            if ch == "\t":
                count += TAB_STOP - count % TAB_STOP
            elif (ch < " " and ch != "\t") or ch == "\x7f":
                count += 2
            elif not unicodedata.combining(ch):
                count += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return count

    choose = random.Random(5)
    alphabet = ["a", "自", "\U00020000", "\t", "\x0c", "\u0301", "ｱ", " "]
    for _ in range(2_000):
        line = "".join(choose.choice(alphabet) for _ in range(choose.randint(0, 20)))
        for column in range(1, len(line) + 3):
            prefix = line[:column - 1]
            past = column - 1 - len(prefix)
            assert utf16_column(line, column) == 1 + sum(
                2 if ord(ch) > 0xFFFF else 1 for ch in prefix) + past
            assert byte_column(line, column) == 1 + len(prefix.encode()) + past
            assert display_column(line, column) == 1 + cells(prefix) + past
