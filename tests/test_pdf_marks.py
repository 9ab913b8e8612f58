"""Watermarks and seals told apart from the report's text on made-up pages
(reportlint/read/pdfmarks.py): glyphs as the PDF engines give them, with their angle."""

from __future__ import annotations

import math

from reportlint.read.pdfgeom import Glyph
from reportlint.read.pdfmarks import PageMark, split_marks


def _glyph(text: str, x: float, y: float, size: float = 12.0, angle: float = 0.0) -> Glyph:
    half = size / 2
    return Glyph(text, x - half, x + half, y - half, y + half, size, angle)


def _line(text: str, x: float, y: float) -> list[Glyph]:
    return [_glyph(ch, x + 12 * n, y) for n, ch in enumerate(text)]


def _diagonal(text: str, x: float, y: float, angle: float = 45.0) -> list[Glyph]:
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return [_glyph(ch, x + 48 * n * dx, y + 48 * n * dy, 48.0, angle)
            for n, ch in enumerate(text)]


def _ring(text: str, x: float, y: float, radius: float = 42.0, arc: float = 240.0
          ) -> list[Glyph]:
    step = arc / (len(text) - 1)
    out = []
    for n, ch in enumerate(text):
        at = 90 + arc / 2 - n * step
        out.append(_glyph(ch, x + radius * math.cos(math.radians(at)),
                          y + radius * math.sin(math.radians(at)), 12.0, at - 90))
    return out


def test_a_diagonal_watermark_leaves_the_lines_and_is_kept() -> None:
    body = _line("本年新收政府信息公开申请", 72, 500)
    glyphs = body + _diagonal("征求意见稿", 150, 380)
    kept, marks = split_marks(glyphs)
    assert kept == body
    assert marks == [PageMark("watermark", "征求意见稿")]


def test_a_watermark_falling_to_the_right_reads_left_to_right() -> None:
    _, marks = split_marks(_diagonal("内部资料", 100, 700, angle=-45.0))
    assert marks == [PageMark("watermark", "内部资料")]


def test_a_seal_takes_its_upright_top_glyph_and_its_star_not_the_text_under_it() -> None:
    signature = _line("邵阳市商务局", 72, 300)
    heading = _line("六、其他需要报告的事项", 96, 342)  # under the ring's top, off its place
    ring = _ring("邵阳市商务局政务公开专用章", 102, 300)  # 13 glyphs: 政 upright at the top
    star = _glyph("★", 102, 300, 24.0)
    kept, marks = split_marks(signature + heading + ring + [star])
    assert kept == signature + heading
    assert marks == [PageMark("seal", "邵阳市商务局政务公开专用章")]


def test_text_laid_on_its_side_is_no_watermark() -> None:
    column = [_glyph(ch, 40, 400 + 12 * n, angle=90.0) for n, ch in enumerate("申请人情况")]
    body = _line("一、总体情况", 72, 700)
    kept, marks = split_marks(body + column)
    assert kept == body
    assert marks == []


def test_an_upright_page_is_left_as_it_is() -> None:
    body = [*_line("二、主动公开政府信息情况", 72, 600), _glyph("★", 200, 560)]
    assert split_marks(body) == (body, [])


def test_a_page_of_glyphs_at_every_angle_is_read_in_bounded_time() -> None:
    """Thousands of glyphs each turned its own way (a hostile or chart-like page) are kept
    out of the text without searching them for rings."""
    scattered = [_glyph("字", (n * 37) % 500, (n * 91) % 800, 10.0, 5 + (n * 0.023) % 80)
                 for n in range(3000)]
    body = _line("一、总体情况", 72, 700)
    kept, marks = split_marks(body + scattered)
    assert kept == body
    assert all(m.kind == "watermark" for m in marks)
