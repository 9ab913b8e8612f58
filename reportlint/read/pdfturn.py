"""Page coordinates as the PDF engines share them: the page turned by its ``/Rotate`` (or by
the quarter turn that makes most of its text upright) and moved so its media box starts at
0, 0, y upwards. pdfminer does this itself; the PDFium engine maps PDFium's user-space
positions through :class:`Turn`. Pure arithmetic, no PDF library."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Matrix = tuple[float, float, float, float]  # a, b, c, d: x' = a x + c y, y' = b x + d y
_LINEAR: dict[int, Matrix] = {0: (1, 0, 0, 1), 90: (0, -1, 1, 0), 180: (-1, 0, 0, -1),
                              270: (0, 1, -1, 0)}


@dataclass(frozen=True)
class Turn:
    """A page's media box (x0, y0, x1, y1) shown turned clockwise by ``degrees``."""

    degrees: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def linear(self) -> Matrix:
        return _LINEAR[self.degrees]

    @property
    def width(self) -> float:
        return abs(self.y1 - self.y0) if self.degrees in (90, 270) else abs(self.x1 - self.x0)

    @property
    def height(self) -> float:
        return abs(self.x1 - self.x0) if self.degrees in (90, 270) else abs(self.y1 - self.y0)

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.degrees == 90:
            return y - self.y0, self.x1 - x
        if self.degrees == 180:
            return self.x1 - x, self.y1 - y
        if self.degrees == 270:
            return self.y1 - y, x - self.x0
        return x - self.x0, y - self.y0

    def box(self, left: float, bottom: float, right: float,
            top: float) -> tuple[float, float, float, float]:
        """A rectangle's (x0, y0, x1, y1) after the turn."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def turn_of(matrix: Matrix, turn: Turn) -> Matrix:
    """A character's matrix as seen on the turned page."""
    if turn.degrees == 0:
        return matrix
    a, b, c, d = matrix
    ta, tb, tc, td = turn.linear
    return ta * a + tc * b, tb * a + td * b, ta * c + tc * d, tb * c + td * d


def angle_of(matrix: Matrix) -> float:
    """The direction a character's baseline runs, in degrees anticlockwise from the page's
    x axis (-180, 180]: 0 for upright text, 45 for a watermark set rising to the right."""
    a, b, _, _ = matrix
    return math.degrees(math.atan2(b, a))


def is_upright(matrix: Matrix) -> bool:
    """Upright as pdfminer's ``LTChar.upright`` holds it, and not turned half round
    (that keeps a = d = -1 upright)."""
    a, b, c, d = matrix
    return a * d > 0 and b * c <= 0 and a > 0


def best_turn(shown: int, box: Sequence[float], matrices: Sequence[Matrix]) -> Turn:
    """The page as its ``/Rotate`` shows it, unless most of its text is then not upright (a
    portrait page given a ``/Rotate`` in a viewer, a landscape table laid sideways): then the
    quarter turn that makes the most characters upright."""
    x0, y0, x1, y1 = box
    best = Turn(shown % 360, x0, y0, x1, y1)
    upright = sum(is_upright(turn_of(m, best)) for m in matrices)
    if len(matrices) - upright <= upright:
        return best
    for extra in (90, 180, 270):
        turn = Turn((shown + extra) % 360, x0, y0, x1, y1)
        count = sum(is_upright(turn_of(m, turn)) for m in matrices)
        if count > upright:
            best, upright = turn, count
    return best
