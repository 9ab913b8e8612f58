"""A page's objects as PDFium holds them, also inside form XObjects.

Every painted path is cut into subpaths whose boxes become rules
(:func:`~reportlint.read.pdfgeom.segments_of_box`), as the pdfminer engine does: a subpath's
box is that of its end points (a curve's control points are not on it), in the turned page's
coordinates (:mod:`reportlint.read.pdfturn`). Text objects are only looked at for their font:
PDFium measures a font that is not embedded (other than the 14 standard ones, whose metrics it
carries) with whatever system font stands in for it, so what it reads would depend on the
machine (with no CJK font installed it even drops one-character text objects): such a page
is flagged (:attr:`_Walker.machine_font`) and the file read by pdfminer, from the file alone."""

from __future__ import annotations

import ctypes
from typing import Any

from reportlint.read.pdfgeom import Picture, Segment, segments_of_box
from reportlint.read.pdfturn import Turn

_Affine = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f
_IDENTITY: _Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_DEPTH = 8
STANDARD_FONTS = frozenset({  # PDF 32000-1, 9.6.2.2: every reader has their metrics
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Symbol", "ZapfDingbats",
})  # forms inside forms: deeper nesting is a malformed or hostile file


def page_segments(raw: Any, page: Any,
                  turn: Turn) -> tuple[list[Segment], list[Picture], bool]:
    """The page's rules, its images' boxes, and whether it has text in a font the machine
    supplies (above)."""
    walker = _Walker(raw, turn)
    for index in range(raw.FPDFPage_CountObjects(page)):
        walker.visit(raw.FPDFPage_GetObject(page, index), _IDENTITY, 0)
    return walker.segments, walker.pictures, walker.machine_font


def _then(inner: _Affine, outer: _Affine) -> _Affine:
    """``inner`` applied first, then ``outer``."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)


class _Walker:
    def __init__(self, raw: Any, turn: Turn) -> None:
        self.raw = raw
        self.turn = turn
        self.segments: list[Segment] = []
        self.pictures: list[Picture] = []
        self.machine_font = False
        self._matrix = raw.FS_MATRIX()
        self._x, self._y = ctypes.c_float(), ctypes.c_float()
        self._fill, self._stroke = ctypes.c_int(), ctypes.c_int()
        self._name = ctypes.create_string_buffer(128)

    def visit(self, item: Any, outer: _Affine, depth: int) -> None:
        kind = self.raw.FPDFPageObj_GetType(item)
        if kind == self.raw.FPDF_PAGEOBJ_PATH:
            self._path(item, outer)
        elif kind == self.raw.FPDF_PAGEOBJ_IMAGE:
            self._image(item, outer)
        elif kind == self.raw.FPDF_PAGEOBJ_TEXT and not self.machine_font:
            self.machine_font = self._font_from_machine(item)
        elif kind == self.raw.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            matrix = _then(self._matrix_of(item), outer)
            for index in range(self.raw.FPDFFormObj_CountObjects(item)):
                self.visit(self.raw.FPDFFormObj_GetObject(item, index), matrix, depth + 1)

    def _font_from_machine(self, item: Any) -> bool:
        font = self.raw.FPDFTextObj_GetFont(item)
        if not font or self.raw.FPDFFont_GetIsEmbedded(font):
            return False
        self.raw.FPDFFont_GetBaseFontName(font, self._name, len(self._name))
        return self._name.value.decode("latin-1") not in STANDARD_FONTS

    def _matrix_of(self, item: Any) -> _Affine:
        m = self._matrix
        if not self.raw.FPDFPageObj_GetMatrix(item, m):
            return _IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _image(self, item: Any, outer: _Affine) -> None:
        """An image fills the unit square its matrix maps onto the page."""
        a, b, c, d, e, f = _then(self._matrix_of(item), outer)
        corners = [self.turn.point(a * x + c * y + e, b * x + d * y + f)
                   for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        self.pictures.append(Picture(min(xs), min(ys), max(xs), max(ys)))

    def _path(self, item: Any, outer: _Affine) -> None:
        raw = self.raw
        raw.FPDFPath_GetDrawMode(item, self._fill, self._stroke)
        stroke = bool(self._stroke.value)
        if not stroke and not self._fill.value:
            return  # a clipping path: nothing is painted
        a, b, c, d, e, f = _then(self._matrix_of(item), outer)
        points: list[tuple[float, float]] = []
        curve = 0
        for index in range(raw.FPDFPath_CountSegments(item)):
            segment = raw.FPDFPath_GetPathSegment(item, index)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                self._add(points, stroke)
                points, curve = [], 0
            elif kind == raw.FPDF_SEGMENT_BEZIERTO:
                curve += 1
                if curve % 3:
                    continue  # a control point
            raw.FPDFPathSegment_GetPoint(segment, self._x, self._y)
            x, y = self._x.value, self._y.value
            points.append(self.turn.point(a * x + c * y + e, b * x + d * y + f))
        self._add(points, stroke)

    def _add(self, points: list[tuple[float, float]], stroke: bool) -> None:
        if len(points) < 2:
            return
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        self.segments.extend(segments_of_box(min(xs), min(ys), max(xs), max(ys), stroke))
