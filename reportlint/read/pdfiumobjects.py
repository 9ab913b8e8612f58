"""A page's objects as PDFium holds them, also inside form XObjects.

Every painted path is cut into subpaths whose boxes become rules
(:func:`~reportlint.read.pdfgeom.segments_of_box`), as the pdfminer engine does: a subpath's
box is that of its end points (a curve's control points are not on it), in the turned page's
coordinates (:mod:`reportlint.read.pdfturn`). Text objects are only looked at for one thing:
PDFium's text page leaves out a text object whose box is empty, and a font that is not
embedded has glyph boxes only where a system font stands in for it (no CJK font on the
machine: none), so such text would be lost (:attr:`_Walker.lost_text`)."""

from __future__ import annotations

import ctypes
from typing import Any

from reportlint.read.pdfgeom import Segment, segments_of_box
from reportlint.read.pdfturn import Turn

_Affine = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f
_IDENTITY: _Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_DEPTH = 8  # forms inside forms: deeper nesting is a malformed or hostile file


def page_segments(raw: Any, page: Any, turn: Turn) -> tuple[list[Segment], bool]:
    """The page's rules, and whether PDFium's text page lost some text (see above)."""
    walker = _Walker(raw, turn)
    for index in range(raw.FPDFPage_CountObjects(page)):
        walker.visit(raw.FPDFPage_GetObject(page, index), _IDENTITY, 0)
    return walker.segments, walker.lost_text


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
        self.lost_text = False
        self._matrix = raw.FS_MATRIX()
        self._x, self._y = ctypes.c_float(), ctypes.c_float()
        self._fill, self._stroke = ctypes.c_int(), ctypes.c_int()
        self._bounds = [ctypes.c_float() for _ in range(4)]

    def visit(self, item: Any, outer: _Affine, depth: int) -> None:
        kind = self.raw.FPDFPageObj_GetType(item)
        if kind == self.raw.FPDF_PAGEOBJ_PATH:
            self._path(item, outer)
        elif kind == self.raw.FPDF_PAGEOBJ_TEXT and not self.lost_text:
            self.lost_text = self._unplaced(item)
        elif kind == self.raw.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            matrix = _then(self._matrix_of(item), outer)
            for index in range(self.raw.FPDFFormObj_CountObjects(item)):
                self.visit(self.raw.FPDFFormObj_GetObject(item, index), matrix, depth + 1)

    def _unplaced(self, item: Any) -> bool:
        left, _, right, _ = self._bounds
        if not self.raw.FPDFPageObj_GetBounds(item, *self._bounds):
            return False
        if right.value - left.value > 1e-3:
            return False
        return not self.raw.FPDFFont_GetIsEmbedded(self.raw.FPDFTextObj_GetFont(item))

    def _matrix_of(self, item: Any) -> _Affine:
        m = self._matrix
        if not self.raw.FPDFPageObj_GetMatrix(item, m):
            return _IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

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
