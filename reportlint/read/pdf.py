"""PDF files: two engines (imported only when a PDF is read) feed one page geometry.

PDFium (:mod:`reportlint.read.pdfium`, the default) interprets pages in native code, several
times faster; pdfminer.six (``--pdf-engine pdfminer``) is pure Python and reads what PDFium
refuses to open, so it also says why a damaged or encrypted file cannot be read.
pdfminer's own layout analysis is not used (``laparams=None``): it groups ruled-table cells
column by column and costs as much again as the interpretation. The characters and rules of each
page go to :mod:`reportlint.read.pdfgeom`, which rebuilds tables from the ruling and lines from
positions. Diagnostics point at lines of the extracted text (``reportlint extract``) with the page.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from reportlint.errors import InputProblem
from reportlint.model import Mark, Source
from reportlint.read import PDF_ENGINES, pdfium
from reportlint.read.build import OutLine, make_source
from reportlint.read.pdfgeom import (
    Block,
    Glyph,
    Picture,
    Segment,
    page_blocks,
    picture_blocks,
    row_block,
    segments_of_box,
)
from reportlint.read.pdfmarks import LEVEL, PageMark, split_marks
from reportlint.read.pdfstreams import check_stream_sizes
from reportlint.read.pdfturn import angle_of
from reportlint.read.rows import join_pieces

_CID = re.compile(r"\(cid:\d+\)")
_NUMBER = re.compile(r"^[-+－]?[\d,，.．]+%?$|^[/—-]$")
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．，,]|^第")
# Characters that fill any Chinese report: garbage from a broken font map lacks them.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研质信息申请报告公开办理情况局市县"
    "省委项目统计数量规章处罚许可复议诉讼结果维持纠正其他尚未审"
)


@dataclass
class _Health:
    glyphs: int = 0
    cids: int = 0
    wide: int = 0
    common: int = 0
    first_cid_page: int | None = None


def _open(data: bytes) -> Any:
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    if not data.strip():
        raise InputProblem("E002", "PDF 文件为空")
    if b"%PDF-" not in data[:1024]:
        raise InputProblem("E001", "文件不是 PDF（缺少 %PDF 文件头）")
    from reportlint.read.pdfbounds import install

    install()
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except InputProblem:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise InputProblem("E001", "PDF 已加密（需要密码），无法读取") from error
    except Exception as error:  # pdfminer raises many kinds for a damaged file
        raise InputProblem("E001", "PDF 文件已损坏，无法读取") from error
    if not document.is_extractable:
        raise InputProblem("E001", _LOCKED)
    return document


_LOCKED = "PDF 禁止提取文字（已加密限制），无法读取"
_Page = tuple[list[Glyph], list[Segment], float, list[Block]]  # glyphs, rules, height, images


def _pdfium_lines(data: bytes, marks: list[tuple[int, PageMark]] | None = None
                  ) -> list[OutLine] | None:
    """The lines as PDFium reads the file; None for a file it cannot read (all of)."""
    check_stream_sizes(data)  # PDFium inflates in native code, past any cap of ours
    try:
        document = pdfium.open_document(data)
    except pdfium.CannotOpen:
        return None
    try:
        if pdfium.text_locked(document):
            raise InputProblem("E001", _LOCKED)
        return _lines(((*page[:3], page[4]) for page in pdfium.pages(document)), marks)
    except pdfium.CannotOpen:
        return None
    finally:
        document.close()


def _walk(item: Any, glyphs: list[Glyph], segments: list[Segment],
          sideways: list[int] | None = None, pictures: list[Picture] | None = None) -> None:
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage

    if isinstance(item, LTImage):
        if pictures is not None:
            pictures.append(Picture(item.x0, item.y0, item.x1, item.y1))
    elif isinstance(item, LTChar):
        text = item.get_text()
        if text.strip():
            a, b, c, d = item.matrix[:4]
            angle = angle_of((a, b, c, d))
            size = item.size if abs(angle) < LEVEL else _turned_size(item, angle)
            glyphs.append(Glyph(text, item.x0, item.x1, item.y0, item.y1, size, angle))
            # pdfminer's ``upright`` holds for text turned half round too (a = d = -1)
            if not (item.upright and a > 0) and sideways is not None:
                sideways[0] += 1
    elif isinstance(item, LTCurve):  # LTLine and LTRect are curves
        # A filled shape without a stroke is a rule only when it is thin: wide ones are
        # shading behind text (Word paints a white box behind every line of some documents).
        boxes_count = bool(item.stroke)
        segments.extend(segments_of_box(item.x0, item.y0, item.x1, item.y1, boxes_count))
    elif isinstance(item, LTContainer):
        for child in item:
            _walk(child, glyphs, segments, sideways, pictures)


def _turned_size(item: Any, angle: float) -> float:
    """A turned character's font size on the page (pdfminer's ``size`` is the height of its
    upright box): its box is the advance and the size turned by ``angle``."""
    a, b = item.matrix[:2]
    advance = item.adv * math.hypot(a, b)
    cos, sin = abs(math.cos(math.radians(angle))), abs(math.sin(math.radians(angle)))
    if cos >= sin:
        return float((item.height - advance * sin) / cos)
    return float((item.width - advance * cos) / sin)


def _pages(document: Any) -> Iterator[tuple[list[Glyph], list[Segment], float, list[Block]]]:
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.psparser import PSException

    from reportlint.read.pdfbounds import BoundedAggregator

    manager = PDFResourceManager(caching=True)
    device = BoundedAggregator(manager)
    interpreter = PDFPageInterpreter(manager, device)

    def read(page: Any) -> _PageRead:
        interpreter.process_page(page)
        layout = device.get_result()
        glyphs: list[Glyph] = []
        segments: list[Segment] = []
        sideways = [0]
        pictures: list[Picture] = []
        for item in layout:
            _walk(item, glyphs, segments, sideways, pictures)
        images = picture_blocks(pictures, glyphs, float(layout.width), float(layout.height))
        return glyphs, segments, float(layout.height), sideways[0], images

    try:
        for page in PDFPage.create_pages(document):
            best = read(page)
            if best[3] > len(best[0]) - best[3]:
                best = _upright_turn(page, read, best)
            yield best[0], best[1], best[2], best[4]
    except PSException as error:  # PDFSyntaxError among them: a damaged page
        raise ValueError(f"pdfminer: {error}") from error


# glyphs, rules, height, sideways, marker lines of images
_PageRead = tuple[list[Glyph], list[Segment], float, int, list[Block]]


def _upright_turn(page: Any, read: Callable[[Any], _PageRead], best: _PageRead) -> _PageRead:
    """A page whose text is mostly not upright as the page's ``/Rotate`` shows it (a portrait
    page given a ``/Rotate`` in a viewer, text laid sideways on a landscape table page) is read
    in the quarter turn that makes most of its characters upright: its text is still there,
    and lines only come out of upright text."""
    shown = page.rotate
    for turn in (90, 180, 270):
        page.rotate = (shown + turn) % 360
        found = read(page)
        if len(found[0]) - found[3] > len(best[0]) - best[3]:
            best = found
    page.rotate = shown
    return best


def _check(health: _Health, pages: int) -> None:
    if health.glyphs == 0:
        raise InputProblem("E002", f"PDF 共{pages}页，但没有文字层（可能是扫描图片），无法检查", 1)
    if health.cids > health.glyphs * 0.05:
        raise InputProblem("E002", "PDF 文字无法解码（字体缺少字符映射，提取出 (cid:N)）",
                           health.first_cid_page)
    if health.wide < health.glyphs * 0.2 or health.common < health.wide * 0.15:
        raise InputProblem("E002", "PDF 文字层解码后不是可读的中文（字体编码错误），无法检查", 1)


def _count(health: _Health, glyphs: list[Glyph], page: int) -> None:
    for glyph in glyphs:
        health.glyphs += 1
        if glyph.text == pdfium.UNDECODABLE or _CID.fullmatch(glyph.text):
            health.cids += 1
            if health.first_cid_page is None:
                health.first_cid_page = page
        elif "\u4e00" <= glyph.text <= "\u9fff":
            health.wide += 1
            health.common += glyph.text in _COMMON


def _join_pages(done: list[Block], blocks: list[Block]) -> list[Block]:
    """A table going on over a page break stays one table: a header row repeated at the top
    of the new page is dropped, and a cell cut by the break (no rule under it on the first
    page, none above it on the next) is joined to where it started."""
    if not done or not blocks or not (done[-1].is_row and blocks[0].is_row):
        return blocks
    table = [b for b in done if b.is_row and b.table == done[-1].table]
    skip = 0
    while (skip < len(blocks) and skip < len(table) and blocks[skip].is_row
           and blocks[skip].text == table[skip].text and _has_letters(blocks[skip].text)):
        skip += 1
    blocks = blocks[skip:]
    if blocks and skip == 0:
        _join_cut_cells(done, blocks)
    return blocks


def _has_letters(row: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in row)


def _cut_label(before: str, after: str, right: tuple[str, ...]) -> bool:
    """Word draws a rule at the page break even through a merged cell, so a group label cut
    by the break (``（四）无`` | ``法提供``) is known by its text: the part on the new page is
    not a number and has no numbering of its own, while the row goes on with a numbered item
    (``2.没有现成信息…``). A row of its own (``行政强制 | 0 | 0``) is never glued on."""
    return (bool(before) and not _NUMBER.match(before) and not _NUMBER.match(after)
            and not _NUMBERING.match(after)
            and any(_NUMBERING.match(cell) for cell in right if cell))


def _join_cut_cells(done: list[Block], blocks: list[Block]) -> None:
    last, first = done[-1], blocks[0]
    assert last.cells is not None and first.cells is not None
    if len(last.cells) != len(first.cells):
        return
    cells = list(first.cells)
    for c, text in enumerate(cells):
        open_edges = first.open_top[c] and last.open_bottom[c]
        cut = _cut_label(last.cells[c], text, first.cells[c + 1:])
        if not text or not (open_edges or cut):
            continue
        for index in range(len(done) - 1, -1, -1):  # the row where the cut cell starts
            row = done[index]
            if row.cells is None:
                break
            if row.cells[c]:
                joined = list(row.cells)
                joined[c] = join_pieces([joined[c], text])
                done[index] = row_block(row, joined)
                cells[c] = ""
                break
    blocks[0] = row_block(first, cells)


def extract_lines(data: bytes, engine: str = PDF_ENGINES[0],
                  marks: list[tuple[int, PageMark]] | None = None) -> list[OutLine]:
    """The text lines of a PDF file, by the chosen engine; a file PDFium cannot read (or a
    machine without it) goes to pdfminer. Watermarks and seals go to ``marks``."""
    if engine == "pdfium":
        found: list[tuple[int, PageMark]] = []
        with pdfium.LOCK:
            lines = _pdfium_lines(data, found)
        if lines is not None:
            if marks is not None:
                marks.extend(found)
            return lines
    return _lines(_pages(_open(data)), marks)


def _lines(read: Iterator[_Page], marks: list[tuple[int, PageMark]] | None = None
           ) -> list[OutLine]:
    """The text lines of the pages; the watermarks and seals drawn over them go to ``marks``
    (page, mark), once per page."""
    done: list[Block] = []
    pages: list[int] = []
    health = _Health()
    number = 0
    try:
        for number, (drawn, segments, height, images) in enumerate(read, start=1):
            glyphs, page_marks = split_marks(drawn)
            if marks is not None:
                marks.extend((number, m) for m in dict.fromkeys(page_marks))
            _count(health, glyphs, number)
            found = sorted(page_blocks(glyphs, segments, height) + images, key=lambda b: -b.top)
            blocks = _join_pages(done, found)
            done.extend(blocks)
            pages.extend([number] * len(blocks))
    except (ValueError, KeyError, TypeError, AssertionError) as error:
        page = number + 1
        raise InputProblem("E001", f"PDF 文件已损坏，第{page}页无法读取", page) from error
    _check(health, number)
    running = _running_lines(done, pages)
    return [OutLine(block.text, page=page) for block, page in zip(done, pages, strict=True)
            if not (block.in_margin and block.text.strip() in running)]


def _running_lines(blocks: list[Block], pages: list[int]) -> set[str]:
    """Running headers and footers: the same text in a page margin on at least two pages and
    on at least half of them (a title on page 1 alone stays)."""
    seen: dict[str, set[int]] = {}
    for block, page in zip(blocks, pages, strict=True):
        if block.in_margin:
            seen.setdefault(block.text.strip(), set()).add(page)
    total = max(pages, default=0)
    return {text for text, on in seen.items() if len(on) >= max(2, (total + 1) // 2)}


def read_pdf(path: str, data: bytes, engine: str = PDF_ENGINES[0]) -> Source:
    # pdfminer logs every oddity of a damaged file; the outcome is reported as E001/E002.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    marks: list[tuple[int, PageMark]] = []
    try:
        lines = extract_lines(data, engine, marks)
    except InputProblem:
        raise
    except Exception as error:  # never a traceback for a bad file
        raise InputProblem("E001", "PDF 文件已损坏，无法读取文字") from error
    return replace(make_source(path, "pdf", lines), marks=_located(marks, lines))


def _located(marks: list[tuple[int, PageMark]], lines: list[OutLine]) -> tuple[Mark, ...]:
    """Each mark with the first extracted line of its page (of the nearest page before it
    when its own has no text)."""
    first: dict[int, int] = {}
    for index, line in enumerate(lines, start=1):
        if line.page is not None:
            first.setdefault(line.page, index)
    located = []
    for page, mark in marks:
        at = first.get(page) or max((n for p, n in first.items() if p < page), default=1)
        located.append(Mark(mark.kind, mark.text, page, at))
    return tuple(located)
