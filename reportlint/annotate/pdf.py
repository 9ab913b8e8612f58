"""Highlight annotations over the flagged text of a PDF, the message as each one's note.

PDFium (the reader's engine) finds where the flagged text is drawn on the diagnostic's page;
pypdf writes the annotations into a copy (pdfminer and PDFium's Python binding only read).
When the text is drawn more than once on the page, the n-th drawing is used only if the page
draws it as often as its extracted lines hold it; otherwise, and when it is not found, the
note is a comment icon at the top of the page, never a highlight over text that may be other.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlint.annotate.notes import AUTHOR, note_text
from reportlint.errors import UsageError
from reportlint.model import Diagnostic, FileReport, Source

Box = tuple[float, float, float, float]  # left, bottom, right, top in page space
_YELLOW = "ffeb3b"
_SAME_LINE = 3.0  # points


@dataclass(frozen=True)
class Place:
    page: int  # 1-based
    boxes: tuple[Box, ...]  # empty: not found with confidence


def flagged_text(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """The text under the diagnostic's span on its first line (the whole line if empty)."""
    index = diagnostic.span.line - 1
    if not 0 <= index < len(lines):
        return ""
    line = lines[index]
    span = diagnostic.span
    end = span.end_column if span.end_line == span.line else len(line) + 1
    piece = line[span.column - 1:end - 1].strip(" |")
    return piece or line.strip(" |")


def _occurrence(source: Source, diagnostic: Diagnostic, text: str) -> tuple[int, int]:
    """(which drawing of ``text`` the span is, how many the page's extracted lines hold)."""
    origins = source.origins or ()
    page = diagnostic.page
    before = total = 0
    for number, line in enumerate(source.shown_lines, start=1):
        if number - 1 < len(origins) and origins[number - 1].page == page:
            count = line.count(text)
            total += count
            if number < diagnostic.span.line:
                before += count
            elif number == diagnostic.span.line:
                before += line[:diagnostic.span.column - 1].count(text)
    return before, total


def _hits(textpage: Any, text: str) -> list[tuple[Box, ...]]:
    searcher = textpage.search(text, match_case=True)
    found = []
    while (hit := searcher.get_next()) is not None:
        start, count = hit
        rects = textpage.count_rects(start, count)
        found.append(tuple(textpage.get_rect(i) for i in range(rects)))
    return found


def _reading_order(hit: tuple[Box, ...]) -> tuple[float, float]:
    """Top to bottom (a row's cells within 3 points share a line), then left to right: the
    order of the extracted lines, whatever order the page's content stream draws in."""
    left, _, _, top = hit[0]
    return (-round(top / _SAME_LINE), left)


def locate(document: Any, source: Source, diagnostic: Diagnostic) -> Place | None:
    """Where a diagnostic's text is drawn; None for one without a page."""
    page = diagnostic.page
    if page is None or not 1 <= page <= len(document):
        return None
    text = flagged_text(diagnostic, source.shown_lines)
    if not text:
        return Place(page, ())
    pdf_page = document[page - 1]
    hits = [hit for hit in _hits(pdf_page.get_textpage(), text) if hit]
    if len(hits) == 1:
        return Place(page, hits[0])
    before, total = _occurrence(source, diagnostic, text)
    upright = pdf_page.get_rotation() == 0
    if upright and len(hits) == total and before < len(hits):
        return Place(page, sorted(hits, key=_reading_order)[before])
    return Place(page, ())


def _quad_points(boxes: Sequence[Box]) -> Any:
    from pypdf.generic import ArrayObject, FloatObject

    points: list[float] = []
    for left, bottom, right, top in boxes:
        points += [left, top, right, top, left, bottom, right, bottom]
    return ArrayObject(FloatObject(p) for p in points)


def _annotation(place: Place, text: str, page_box: Box) -> Any:
    from pypdf.annotations import Highlight, Text
    from pypdf.generic import NameObject, TextStringObject

    annotation: Highlight | Text
    if place.boxes:
        rect = (min(b[0] for b in place.boxes), min(b[1] for b in place.boxes),
                max(b[2] for b in place.boxes), max(b[3] for b in place.boxes))
        annotation = Highlight(rect=rect, quad_points=_quad_points(place.boxes),
                               highlight_color=_YELLOW, printing=True)
    else:
        left, _, _, top = page_box
        annotation = Text(rect=(left + 10, top - 30, left + 30, top - 10), text=text)
    annotation[NameObject("/Contents")] = TextStringObject(text)
    annotation[NameObject("/T")] = TextStringObject(AUTHOR)
    return annotation


def _writer(data: bytes) -> Any:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UsageError("PDF 已加密，无法添加批注")
        return PdfWriter(clone_from=reader)
    except (PdfReadError, ValueError, NotImplementedError) as error:
        raise UsageError(f"无法为该 PDF 添加批注：{error}") from None


def annotate_pdf(data: bytes, report: FileReport, source: Source) -> bytes:
    from reportlint.read.pdfium import CannotOpen, open_document

    try:
        document = open_document(data)
    except CannotOpen as error:
        raise UsageError(f"无法为该 PDF 添加批注：{error}") from None
    writer = _writer(data)
    for diagnostic in report.diagnostics:
        place = locate(document, source, diagnostic) or Place(1, ())
        page = writer.pages[place.page - 1]
        left, bottom, right, top = (float(v) for v in page.cropbox)
        writer.add_annotation(place.page - 1, _annotation(place, note_text(diagnostic),
                                                          (left, bottom, right, top)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
